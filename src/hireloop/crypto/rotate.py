"""Key rotation: seal every personal field and stored file again under the primary key, then (optionally)
retire the old keys. Work is done in batches, each committed, so an interrupted run is simply run again."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select, update

from hireloop.crypto.fields import decrypt_text, encrypt_text, is_sealed, sealed_key_id
from hireloop.crypto.files import SealedReader, file_key_id, seal_stream
from hireloop.crypto.keys import KeyRing
from hireloop.crypto.raw import raw_table, sealed_columns
from hireloop.models import Base
from hireloop.storage import LocalStorage

BATCH = 500
FILE_PREFIX = "org/"  # what LocalStorage holds for organizations; models/ and _uploads/ are not sealed files


@dataclass
class KeyUsage:
    """Which keys seal what: values and files per key id ('plain' for not sealed)."""

    values: Counter[str] = field(default_factory=Counter)
    files: Counter[str] = field(default_factory=Counter)
    resealed_values: int = 0
    resealed_files: int = 0

    def to_dict(self) -> dict[str, object]:
        return {"values": dict(self.values), "files": dict(self.files),
                "resealed_values": self.resealed_values, "resealed_files": self.resealed_files}


def _file_key_id(path: Path) -> str:
    return file_key_id(path) or "plain"


def usage(engine: Engine, storage: LocalStorage) -> KeyUsage:
    out = KeyUsage()
    with engine.connect() as conn:
        for table, col in sealed_columns(Base.metadata):
            raw = raw_table(table)
            for (v,) in conn.execute(select(raw.c[col.key]).where(raw.c[col.key].is_not(None))):
                out.values[sealed_key_id(v) if is_sealed(v) else "plain"] += 1
    for key in storage.iter_keys(FILE_PREFIX):
        if not key.endswith(".tmp"):
            out.files[_file_key_id(storage.path(key))] += 1
    return out


def reseal(engine: Engine, storage: LocalStorage, ring: KeyRing) -> KeyUsage:
    """Seal again, under `ring.primary`, every value and file sealed with another key or not sealed at all."""
    out = KeyUsage()
    for table, col in sealed_columns(Base.metadata):
        raw = raw_table(table)
        purpose = col.type.purpose  # type: ignore[attr-defined]
        pk = raw.c.id
        last = None
        while True:
            with engine.begin() as conn:
                stmt = select(pk, raw.c[col.key]).where(raw.c[col.key].is_not(None)).order_by(pk).limit(BATCH)
                if last is not None:
                    stmt = stmt.where(pk > last)
                rows = conn.execute(stmt).all()
                for rid, value in rows:
                    if is_sealed(value) and sealed_key_id(value) == ring.primary:
                        continue
                    fresh = encrypt_text(decrypt_text(value, purpose, ring), purpose, ring)
                    conn.execute(update(raw).where(pk == rid).values({col.key: fresh}))
                    out.resealed_values += 1
            if len(rows) < BATCH:
                break
            last = rows[-1][0]
    for key in list(storage.iter_keys(FILE_PREFIX)):
        if key.endswith(".tmp"):
            continue
        path = storage.path(key)
        if _file_key_id(path) == ring.primary:
            continue
        tmp = path.with_name(path.name + ".tmp")
        try:
            with (SealedReader(path, key, ring) if _file_key_id(path) != "plain" else path.open("rb")) as src, \
                    tmp.open("wb") as dst:
                seal_stream(src, dst, key, ring)
                dst.flush()
                os.fsync(dst.fileno())
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        out.resealed_files += 1
    after = usage(engine, storage)
    out.values, out.files = after.values, after.files
    return out
