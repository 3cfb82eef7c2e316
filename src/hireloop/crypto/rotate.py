"""Key rotation: seal every personal field and stored file again under the primary key, and retire old keys
once nothing uses them. Work is done in batches, each committed, so an interrupted run is simply run again.

A value or file changed by someone else while it is being resealed is left as they wrote it (compare and set;
for files, the file must be the same one, by inode, time and size, just before the new one replaces it).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select, update

from hireloop.config import get_settings
from hireloop.crypto import parts
from hireloop.crypto.fields import decrypt_text, encrypt_text, is_sealed, sealed_key_id
from hireloop.crypto.files import SealedReader, file_key_id, seal_stream
from hireloop.crypto.keys import RECHECK_SECONDS, KeyRing, file_stamp
from hireloop.crypto.raw import raw_table, sealed_columns
from hireloop.models import Base
from hireloop.storage import LocalStorage

BATCH = 500
FILE_PREFIX = "org/"  # what LocalStorage holds for organizations; models/ and _uploads/ are not sealed files


@dataclass
class KeyUsage:
    """Which keys seal what: values, files and unfinished uploads per key id ('plain' for not sealed)."""

    values: Counter[str] = field(default_factory=Counter)
    files: Counter[str] = field(default_factory=Counter)
    uploads: Counter[str] = field(default_factory=Counter)
    resealed_values: int = 0
    resealed_files: int = 0
    changed_meanwhile: int = 0

    def key_ids(self) -> set[str]:
        return {*self.values, *self.files, *self.uploads}

    def to_dict(self) -> dict[str, object]:
        return {"values": dict(self.values), "files": dict(self.files), "uploads": dict(self.uploads),
                "resealed_values": self.resealed_values, "resealed_files": self.resealed_files,
                "changed_meanwhile": self.changed_meanwhile}


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
        if not key.endswith(".tmp") and "/." not in f"/{key}":
            out.files[_file_key_id(storage.path(key))] += 1
    uploads = Path(get_settings().storage_root) / "_uploads"
    for p in uploads.glob("*.part") if uploads.exists() else []:
        out.uploads[parts.part_key_id(p) or "plain"] += 1
    return out


def _reseal_values(engine: Engine, ring: KeyRing, out: KeyUsage) -> None:
    for table, col in sealed_columns(Base.metadata):
        raw = raw_table(table)
        purpose = col.type.purpose  # type: ignore[attr-defined]
        pk, c = raw.c.id, raw.c[col.key]
        last = None
        while True:
            with engine.begin() as conn:
                stmt = select(pk, c).where(c.is_not(None)).order_by(pk).limit(BATCH)
                if last is not None:
                    stmt = stmt.where(pk > last)
                rows = conn.execute(stmt).all()
                for rid, value in rows:
                    if is_sealed(value) and sealed_key_id(value) == ring.primary:
                        continue
                    fresh = encrypt_text(decrypt_text(value, purpose, ring), purpose, ring)
                    done = conn.execute(update(raw).where(pk == rid, c == value).values({col.key: fresh})).rowcount
                    out.resealed_values += done
                    out.changed_meanwhile += 1 - done
            if len(rows) < BATCH:
                break
            last = rows[-1][0]


def _reseal_file(storage: LocalStorage, key: str, ring: KeyRing) -> bool | None:
    """True when resealed, None when nothing to do, False when the file changed or went meanwhile."""
    path = storage.path(key)
    before = file_stamp(path)
    if before is None or _file_key_id(path) == ring.primary:
        return None
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    tmp = Path(name)
    try:
        with (SealedReader(path, key, ring) if _file_key_id(path) != "plain" else path.open("rb")) as src, \
                os.fdopen(fd, "wb") as dst:
            seal_stream(src, dst, key, ring)
            dst.flush()
            os.fsync(dst.fileno())
        if file_stamp(path) != before:  # erased or rewritten while we read it: theirs stands
            return False
        os.replace(tmp, path)
        return True
    finally:
        tmp.unlink(missing_ok=True)


def reseal(engine: Engine, storage: LocalStorage, ring: KeyRing) -> KeyUsage:
    """Seal again, under `ring.primary`, every value and file sealed with another key or not sealed at all."""
    out = KeyUsage()
    _reseal_values(engine, ring, out)
    for key in list(storage.iter_keys(FILE_PREFIX)):
        if key.endswith(".tmp") or "/." in f"/{key}":
            continue
        done = _reseal_file(storage, key, ring)
        if done is not None:
            out.resealed_files += int(done)
            out.changed_meanwhile += int(not done)
    after = usage(engine, storage)
    out.values, out.files, out.uploads = after.values, after.files, after.uploads
    return out


def still_in_use(engine: Engine, storage: LocalStorage, ring: KeyRing) -> set[str]:
    """Key ids other than the primary that any value, file or unfinished upload still needs, looked at twice,
    after every running process has had time to notice the new primary key (they re-read the key file)."""
    first = usage(engine, storage).key_ids()
    time.sleep(RECHECK_SECONDS + 0.5)
    return {k for k in first | usage(engine, storage).key_ids() if k != ring.primary}
