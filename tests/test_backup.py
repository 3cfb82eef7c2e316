"""Backup, destroy, restore: every record and every file is back, byte for byte; a wrong key or a changed
file is refused; the audit chain verifies after the restore."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from hireloop.cli.main import app as cli
from hireloop.compliance.audit import verify_chain
from hireloop.compliance.backup import BackupError, backup, new_key, restore
from hireloop.config import Settings, get_settings
from hireloop.crypto.keys import KeyRing
from hireloop.crypto.raw import raw_table
from hireloop.db import get_engine, make_engine, session_factory
from hireloop.migrate import upgrade
from hireloop.models import Base
from tests.conftest import drop_pg_database, make_database_url


def _dump(engine, *, sealed: bool = False) -> dict:
    """Every row, opened (sealed=False) or exactly as stored, sealed personal fields included (sealed=True)."""
    out = {}
    with engine.connect() as c:
        for t in Base.metadata.sorted_tables:
            t = raw_table(t) if sealed else t
            out[t.name] = [tuple(r) for r in c.execute(select(t).order_by(*t.primary_key.columns))]
    return out


def _files(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in root.rglob("*") if p.is_file() and "_uploads" not in p.parts}


def test_backup_destroy_restore_gives_everything_back(settings, tenant, tmp_path, backend):
    key = new_key()
    archive = tmp_path / "hireloop.backup"
    engine = get_engine(settings)
    before, files_before = _dump(engine), _files(Path(settings.storage_root))
    stored_before = _dump(engine, sealed=True)
    assert any(str(v).startswith("hl1:") for row in stored_before["candidates"] for v in row)
    assert files_before and sum(len(v) for v in before.values()) > 20
    summary = backup(engine, Path(settings.storage_root), archive, key)
    assert summary.files == len(files_before)
    assert b"ORG Candidate" not in archive.read_bytes()  # encrypted at rest

    # "Destroy": a new empty database and an empty storage root, as on a replacement server.
    url = make_database_url(backend, tmp_path)
    target = Settings(database_url=url, storage_root=tmp_path / "restored-storage")
    try:
        upgrade(target)
        new_engine = make_engine(url, null_pool=True)
        restore(new_engine, target.storage_root, archive, key)
        assert _dump(new_engine) == before
        assert _dump(new_engine, sealed=True) == stored_before  # the very ciphertext, byte for byte
        assert _files(target.storage_root) == files_before
        with session_factory(target)() as s:
            assert verify_chain(s, tenant.org_id).ok
        with pytest.raises(BackupError, match="not empty"):
            restore(new_engine, target.storage_root, archive, key)
        new_engine.dispose()
    finally:
        if backend == "postgresql":
            drop_pg_database(url)


def test_a_wrong_key_or_a_changed_file_is_refused(settings, tmp_path):
    archive = tmp_path / "b.backup"
    key = new_key()
    backup(get_engine(settings), Path(settings.storage_root), archive, key)
    with pytest.raises(BackupError, match="wrong key"):
        restore(get_engine(settings), Path(settings.storage_root), archive, new_key())
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0x01
    archive.write_bytes(bytes(data))
    with pytest.raises(BackupError):
        restore(get_engine(settings), Path(settings.storage_root), archive, key)
    archive.write_bytes(bytes(data[: len(data) - 100]))
    with pytest.raises(BackupError):
        restore(get_engine(settings), Path(settings.storage_root), archive, key)


def test_cli_backup_and_audit_verify(settings, tenant, tmp_path):
    runner = CliRunner()
    keyfile = tmp_path / "backup.key"
    assert runner.invoke(cli, ["backup-key", str(keyfile)]).exit_code == 0
    r = runner.invoke(cli, ["backup", str(tmp_path / "x.backup"), "--key-file", str(keyfile)])
    assert r.exit_code == 0, r.output
    assert "backed up" in r.output
    r = runner.invoke(cli, ["backup", str(tmp_path / "y.backup")])
    assert r.exit_code == 2 and "backup key" in r.output
    r = runner.invoke(cli, ["audit", "verify", "--org", tenant.slug])
    assert r.exit_code == 0 and "ok" in r.output
    from sqlalchemy import update

    from hireloop.models import AuditEvent

    with session_factory(settings)() as s:
        row = s.scalars(select(AuditEvent).where(AuditEvent.org_id == tenant.org_id)).first()
        s.execute(update(AuditEvent).where(AuditEvent.id == row.id).values(action="user.created"))
        s.commit()
    r = runner.invoke(cli, ["audit", "verify", "--org", tenant.slug])
    assert r.exit_code == 1 and "BROKEN" in r.output


def test_a_restore_without_the_data_keys_is_refused_before_anything_is_written(settings, tmp_path, monkeypatch):
    import base64

    archive = tmp_path / "k.backup"
    key = new_key()
    backup(get_engine(settings), Path(settings.storage_root), archive, key)
    other = KeyRing.generate()  # a server set up with different data keys than the ones the data is sealed with
    monkeypatch.setenv("HIRELOOP_DATA_KEYS", f"{other.primary}={base64.b64encode(other.keys[other.primary]).decode()}")
    monkeypatch.setenv("HIRELOOP_INDEX_KEY", base64.b64encode(other.index_key).decode())
    get_settings.cache_clear()
    try:
        target = tmp_path / "empty-storage"
        with pytest.raises(BackupError, match="data key file") as exc:
            restore(get_engine(settings), target, archive, key)
        assert exc.value.code == "data_keys_missing" and not target.exists()
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
