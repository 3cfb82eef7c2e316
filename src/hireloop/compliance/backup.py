"""Encrypted, consistent backups of the database and the file storage, and their restore.

The archive is a zip of one JSON-lines file per table (read in one transaction, so the rows are a consistent
snapshot), the stored files, and a manifest with row counts and file checksums; the zip is then encrypted
with AES-256-GCM in 1 MiB chunks (each chunk's index and a last-chunk flag are authenticated, so chunks cannot
be dropped, reordered or truncated unnoticed).

Personal fields and files are copied as stored, that is sealed with the data keys (hireloop.crypto): a
restore needs the key file as well as the backup key, and the two are kept apart.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import os
import struct
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Date, DateTime, Engine, LargeBinary, Uuid, func, select, text

from hireloop import __version__
from hireloop.crypto.fields import is_sealed, sealed_key_id
from hireloop.crypto.files import file_key_id
from hireloop.crypto.keys import unretire
from hireloop.crypto.raw import is_sealed_column, raw_table
from hireloop.errors import HireLoopError, ValidationFailed
from hireloop.models import Base

MAGIC = b"HLBK1\n"
CHUNK = 1 << 20


class BackupError(HireLoopError):
    code = "backup_error"


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def load_key(path: Path | None = None, env_value: str | None = None) -> bytes:
    """A 32-byte key from a key file (base64) or a base64 string; refuses anything else."""
    raw = env_value if env_value else (path.read_text().strip() if path else None)
    if not raw:
        raise ValidationFailed("Give a backup key: --key-file FILE (made with `hireloop backup-key`) or HIRELOOP_BACKUP_KEY.")
    try:
        key = base64.b64decode(raw, validate=True)
    except ValueError as exc:
        raise ValidationFailed("The backup key is not base64; use the file `hireloop backup-key` wrote.") from exc
    if len(key) != 32:
        raise ValidationFailed("The backup key must be 32 bytes (AES-256).")
    return key


def _encode(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return value


def _decoder(col):  # noqa: ANN001, ANN202
    t = col.type
    if isinstance(t, Uuid):
        return lambda v: uuid.UUID(v) if v is not None else None
    if isinstance(t, DateTime):
        return lambda v: dt.datetime.fromisoformat(v) if v is not None else None
    if isinstance(t, Date):
        return lambda v: dt.date.fromisoformat(v) if v is not None else None
    if isinstance(t, LargeBinary):
        return lambda v: base64.b64decode(v) if v is not None else None
    return lambda v: v


def _snapshot(engine: Engine, zf: zipfile.ZipFile, key_ids: set[str]) -> tuple[dict[str, int], str | None]:
    counts: dict[str, int] = {}
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"))
        else:
            conn.execute(text("BEGIN"))  # one read transaction: WAL gives a consistent snapshot
        rev = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        for table in Base.metadata.sorted_tables:
            buf = io.StringIO()
            n = 0
            raw = raw_table(table)  # sealed columns are copied sealed, as stored
            pk = list(raw.primary_key.columns)
            sealed = [c.name for c in table.columns if is_sealed_column(c)]
            for row in conn.execute(select(raw).order_by(*pk)).mappings():
                key_ids.update(sealed_key_id(row[c]) for c in sealed if is_sealed(row[c]))
                buf.write(json.dumps({k: _encode(v) for k, v in row.items()}, ensure_ascii=False, sort_keys=True))
                buf.write("\n")
                n += 1
            zf.writestr(f"db/{table.name}.jsonl", buf.getvalue())
            counts[table.name] = n
        conn.rollback()
    return counts, ",".join(sorted(rev)) or None


def _encrypt(plain: BinaryIO, out: BinaryIO, key: bytes) -> None:
    aes = AESGCM(key)
    prefix = os.urandom(7)
    out.write(MAGIC + prefix)
    index = 0
    chunk = plain.read(CHUNK)
    while True:
        nxt = plain.read(CHUNK)
        last = not nxt
        aad = struct.pack(">QB", index, 1 if last else 0)
        nonce = prefix + struct.pack(">IB", index, 1 if last else 0)
        sealed = aes.encrypt(nonce, chunk, aad)
        out.write(struct.pack(">I", len(sealed)) + sealed)
        if last:
            return
        chunk, index = nxt, index + 1


def _decrypt(data: BinaryIO, key: bytes) -> bytes:
    head = data.read(len(MAGIC) + 7)
    if not head.startswith(MAGIC):
        raise BackupError("This is not a HireLoop backup file.", code="not_a_backup")
    prefix = head[len(MAGIC):]
    aes = AESGCM(key)
    out = io.BytesIO()
    index = 0
    while True:
        size_b = data.read(4)
        if len(size_b) < 4:
            raise BackupError("The backup file is truncated.", code="backup_truncated")
        sealed = data.read(struct.unpack(">I", size_b)[0])
        for last in (0, 1):
            try:
                out.write(aes.decrypt(prefix + struct.pack(">IB", index, last), sealed, struct.pack(">QB", index, last)))
                break
            except InvalidTag:
                if last:
                    raise BackupError("The backup cannot be decrypted: wrong key, or the file was changed.",
                                      code="backup_corrupt") from None
        if last:
            if data.read(1):
                raise BackupError("The backup file has data after its end.", code="backup_corrupt")
            return out.getvalue()
        index += 1


@dataclass(frozen=True)
class BackupSummary:
    tables: dict[str, int]
    files: int
    bytes: int
    revision: str | None


def backup(engine: Engine, storage_root: Path, out_path: Path, key: bytes) -> BackupSummary:
    """Write an encrypted backup of the database and every stored file to `out_path`."""
    plain = io.BytesIO()
    files: dict[str, str] = {}
    with zipfile.ZipFile(plain, "w", zipfile.ZIP_DEFLATED) as zf:
        key_ids: set[str] = set()
        counts, rev = _snapshot(engine, zf, key_ids)
        root = Path(storage_root)
        if root.exists():
            for p in sorted(root.rglob("*")):
                if p.is_file() and "_uploads" not in p.relative_to(root).parts:
                    rel = p.relative_to(root).as_posix()
                    data = p.read_bytes()
                    if kid := file_key_id(p):
                        key_ids.add(kid)
                    files[rel] = hashlib.sha256(data).hexdigest()
                    zf.writestr(f"files/{rel}", data)
        manifest = {"format": 1, "hireloop": __version__, "created_at": dt.datetime.now(dt.UTC).isoformat(),
                    "dialect": engine.dialect.name, "revision": rev, "tables": counts, "files": files,
                    "data_key_ids": sorted(key_ids)}
        zf.writestr("manifest.json", json.dumps(manifest, indent=2, sort_keys=True))
    plain.seek(0)
    tmp = out_path.with_suffix(out_path.suffix + ".tmp")
    with tmp.open("wb") as fh:
        _encrypt(plain, fh, key)
    os.replace(tmp, out_path)
    return BackupSummary(counts, len(files), out_path.stat().st_size, rev)


def restore(engine: Engine, storage_root: Path, in_path: Path, key: bytes) -> BackupSummary:
    """Restore a backup into an empty database (migrated to the backup's revision) and storage root."""
    with in_path.open("rb") as fh:
        plain = _decrypt(fh, key)
    zf = zipfile.ZipFile(io.BytesIO(plain))
    manifest = json.loads(zf.read("manifest.json"))
    missing = sorted(unretire(set(manifest.get("data_key_ids", []))))  # retired keys come back from the archive
    if missing:
        raise BackupError(f"The backup's personal data is sealed with data keys {', '.join(missing)}, which this "
                          "server does not have: restore the data key file (or HIRELOOP_DATA_KEYS) from your key "
                          "backup first.", code="data_keys_missing")
    with engine.begin() as conn:
        rev = ",".join(sorted(conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all())) or None
        if rev != manifest["revision"]:
            raise BackupError(f"The database is at schema {rev}, the backup at {manifest['revision']}; run "
                              "`hireloop migrate` on an empty database of the same version first.", code="schema_mismatch")
        for table in Base.metadata.sorted_tables:
            if conn.execute(select(func.count()).select_from(table)).scalar():
                raise BackupError(f"Table {table.name} is not empty; restore into an empty database.", code="not_empty")
        for table in Base.metadata.sorted_tables:
            raw = raw_table(table)  # sealed values go back as they were stored
            decode = {c.name: _decoder(c) for c in raw.columns}
            rows = [{k: decode[k](v) for k, v in json.loads(line).items()}
                    for line in zf.read(f"db/{table.name}.jsonl").decode().splitlines() if line]
            for i in range(0, len(rows), 500):
                conn.execute(raw.insert(), rows[i : i + 500])
        if engine.dialect.name == "postgresql":
            for table in Base.metadata.sorted_tables:
                for col in table.primary_key.columns:
                    if col.autoincrement is True or (col.type.python_type is int and col.autoincrement == "auto"):
                        conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', '{col.name}'), "
                                          f"COALESCE((SELECT MAX({col.name}) FROM {table.name}), 1))"))
    root = Path(storage_root)
    for rel, digest in manifest["files"].items():
        data = zf.read(f"files/{rel}")
        if hashlib.sha256(data).hexdigest() != digest:
            raise BackupError(f"Stored file {rel} does not match its checksum.", code="backup_corrupt")
        dest = root / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)
    return BackupSummary(manifest["tables"], len(manifest["files"]), len(plain), manifest["revision"])
