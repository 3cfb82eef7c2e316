"""Encryption at rest: personal fields and stored files are sealed (AES-256-GCM) and open only with the keys;
exact-match search works through keyed hashes; keys rotate without losing anything."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from hireloop.cli.main import app as cli
from hireloop.crypto.fields import SealedValueBroken, decrypt_text, encrypt_text
from hireloop.crypto.files import SealedFileBroken
from hireloop.crypto.keys import KeysMissing, current_keyring, parse_env
from hireloop.db import get_engine, session_factory
from hireloop.models import Answer
from hireloop.storage import get_storage
from tests.factories import api
from tests.portal_client import consent, new_interview, upload

FIXTURE = Path(__file__).parent / "data" / "media" / "answer_en_pauses.mp4"


def _raw(settings, sql: str, **params):
    with get_engine(settings).connect() as c:
        return c.execute(text(sql), params).one()


def _new_candidate(client, tenant, **over) -> dict:
    uniq = uuid.uuid4().hex[:6]
    body = {"full_name": f"Sealed Person {uniq} 封存", "email": f"sealed.{uniq}@x.example",
            "phone": f"+86 139 {uniq[:4].translate(str.maketrans('abcdef', '123456'))} 0000",
            "profile": {"summary": f"resume words {uniq}"}} | over
    r = client.post("/api/v1/candidates", json=body, headers=api(tenant.api_key))
    assert r.status_code == 201, r.text
    return {**r.json(), "_body": body}


def test_names_contacts_and_profile_are_sealed_in_the_database_but_open_through_the_api(client, settings, tenant):
    cand = _new_candidate(client, tenant)
    body = cand["_body"]
    row = _raw(settings, "SELECT full_name, email, phone, profile, email_hash FROM candidates WHERE id = :id",
               id=cand["id"] if not settings.is_sqlite else uuid.UUID(cand["id"]).hex)
    for stored, plain in zip(row[:4], (body["full_name"], body["email"], body["phone"], "resume words"), strict=True):
        assert stored.startswith("hl1:") and plain not in stored
    assert len(row.email_hash) == 40 and body["email"] not in row.email_hash
    got = client.get(f"/api/v1/candidates/{cand['id']}", headers=api(tenant.api_key)).json()
    assert (got["full_name"], got["email"], got["phone"]) == (body["full_name"], body["email"], body["phone"])
    assert got["profile"] == body["profile"]
    if settings.is_sqlite:  # nowhere in the database file either
        with get_engine(settings).connect() as c:
            c.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        raw = Path(settings.database_url.split("///", 1)[1]).read_bytes()
        assert body["email"].encode() not in raw and body["full_name"].encode() not in raw


def test_exact_match_search_goes_through_keyed_hashes(client, settings, tenant):
    cand = _new_candidate(client, tenant)
    body, h = cand["_body"], api(tenant.api_key)

    def found(q: str) -> bool:
        r = client.get("/api/v1/candidates", params={"q": q}, headers=h)
        assert r.status_code == 200, r.text
        return cand["id"] in [c["id"] for c in r.json()["items"]]

    assert found(body["email"].upper())  # emails ignore case
    assert found("  " + body["full_name"].upper().replace(" ", "   ") + " ")  # names ignore case and spacing
    assert found(body["phone"].replace("+86 ", "").replace(" ", "-"))  # phones ignore formatting and +86
    assert not found(body["full_name"].split()[0])  # a part of a name is not an exact match
    assert not found("someone.else@x.example")
    blank = client.get("/api/v1/candidates", params={"q": "   "}, headers=h).json()["items"]  # as no search at all,
    assert blank == client.get("/api/v1/candidates", headers=h).json()["items"]  # not "hash IS NULL"


def test_a_sealed_value_does_not_open_in_another_column_or_after_a_change(settings):
    sealed = encrypt_text("13912345678", "candidates.phone")
    assert decrypt_text(sealed, "candidates.phone") == "13912345678"
    with pytest.raises(SealedValueBroken):
        decrypt_text(sealed, "candidates.notes")
    flipped = sealed[:-6] + ("A" if sealed[-6] != "A" else "B") + sealed[-5:]
    with pytest.raises(SealedValueBroken):
        decrypt_text(flipped, "candidates.phone")


def test_keys_from_the_environment_are_checked_with_a_clear_message():
    with pytest.raises(KeysMissing, match="HIRELOOP_INDEX_KEY"):
        parse_env("k1=" + "A" * 43 + "=", None)
    with pytest.raises(KeysMissing, match="32 bytes"):
        parse_env("k1=c2hvcnQ=", "c2hvcnQ=")
    with pytest.raises(KeysMissing, match="kid=base64key"):
        parse_env("nokeyid", "x")


def test_stored_files_are_sealed_detect_tampering_and_stream_with_ranges(client, settings, tenant):
    original = FIXTURE.read_bytes()
    iv_id, token = new_interview(settings, tenant)
    # the practice question (-1): stored like any answer but not analysed, so no transcript joins the shared test data
    upload(client, token, consent(client, token), -1, original, content_type="video/mp4")
    with session_factory(settings)() as s:
        answer = s.query(Answer).filter_by(interview_id=iv_id).one()
        key = answer.storage_key
    storage = get_storage(settings)
    on_disk = storage.path(key).read_bytes()
    assert on_disk[4:8] != b"ftyp" and original[1000:1064] not in on_disk
    assert storage.read_bytes(key) == original

    h = api(tenant.api_key)
    url = f"/api/v1/answers/{answer.id}/media"
    whole = client.get(url, headers=h)
    assert whole.status_code == 200 and whole.content == original
    assert whole.headers["accept-ranges"] == "bytes"
    part = client.get(url, headers={**h, "Range": "bytes=70000-140999"})  # crosses a 64 KiB chunk boundary
    assert part.status_code == 206 and part.content == original[70000:141000]
    assert part.headers["content-range"] == f"bytes 70000-140999/{len(original)}"
    tail = client.get(url, headers={**h, "Range": "bytes=-100"})
    assert tail.status_code == 206 and tail.content == original[-100:]
    assert client.get(url, headers={**h, "Range": f"bytes={len(original)}-"}).status_code == 416
    assert client.get(url, headers={**h, "Range": "bytes=500-100"}).status_code == 200  # invalid: ignored
    assert client.get(url, headers={**h, "Range": "Bytes=0-9"}).content == original[:10]

    tampered = bytearray(on_disk)
    tampered[len(tampered) // 2] ^= 0x01
    storage.path(key).write_bytes(bytes(tampered))
    with pytest.raises(SealedFileBroken, match="changed"):
        storage.read_bytes(key)
    storage.path(key).write_bytes(on_disk[: len(on_disk) - 70000])  # cut off: the last chunk is missing
    with pytest.raises(SealedFileBroken):
        storage.read_bytes(key)
    storage.path(key).write_bytes(on_disk)
    assert storage.read_bytes(key) == original


def test_key_rotation_reseals_every_value_and_file_and_retires_the_old_key(client, settings, tenant, tmp_path):
    from hireloop.compliance.backup import backup, new_key, restore
    from hireloop.crypto.keys import key_file_path

    cand = _new_candidate(client, tenant)
    iv_id, token = new_interview(settings, tenant)
    upload(client, token, consent(client, token), -1, FIXTURE.read_bytes(), content_type="video/mp4")
    old = current_keyring().primary
    archive, bkey = tmp_path / "before-rotation.backup", new_key()
    backup(get_engine(settings), Path(settings.storage_root), archive, bkey)

    r = CliRunner().invoke(cli, ["keys", "rotate"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["primary"] != old and old in current_keyring().keys  # the old key stays until retired
    assert set(out["values"]) == {out["primary"]} and set(out["files"]) == {out["primary"]}
    assert out["resealed_values"] > 0 and out["resealed_files"] > 0

    r = CliRunner().invoke(cli, ["keys", "retire"])  # too soon: work begun with the old key may still be running
    assert r.exit_code == 2 and "wait" in r.output
    r = CliRunner().invoke(cli, ["keys", "retire", "--grace", "0"])
    assert r.exit_code == 0, r.output
    assert old in json.loads(r.output)["retired"] and set(current_keyring().keys) == {out["primary"]}

    got = client.get(f"/api/v1/candidates/{cand['id']}", headers=api(tenant.api_key)).json()
    assert got["email"] == cand["_body"]["email"]  # still opens, and still found by its keyed hash
    found = client.get("/api/v1/candidates", params={"q": cand["_body"]["email"]}, headers=api(tenant.api_key)).json()
    assert [c["id"] for c in found["items"]] == [cand["id"]]
    with session_factory(settings)() as s:
        key = s.query(Answer).filter_by(interview_id=iv_id).one().storage_key
    assert get_storage(settings).read_bytes(key) == FIXTURE.read_bytes()
    status = json.loads(CliRunner().invoke(cli, ["keys", "status"]).output)
    assert set(status["values"]) == {out["primary"]} and status["keys"] == [out["primary"]]

    # a backup from before the rotation needs the retired key: the restore takes it back from the archive
    with pytest.raises(Exception, match="not empty"):  # (into this non-empty database: refused after the key check)
        restore(get_engine(settings), tmp_path / "unused", archive, bkey)
    assert old in current_keyring().keys
    assert key_file_path().with_name("data-keys.retired.json").exists()


def test_a_value_changed_while_it_is_resealed_keeps_the_change(settings, client, tenant):
    from sqlalchemy import update as sa_update

    from hireloop.crypto.raw import raw_table
    from hireloop.crypto.rotate import reseal
    from hireloop.models import Candidate

    from hireloop.crypto.keys import forget_cached_keys, key_file_path, write_key_file

    cand = _new_candidate(client, tenant)
    ring = current_keyring()
    stale = ring.with_new_primary()  # a rotation whose reseal races with an edit of one row
    write_key_file(key_file_path(), stale)
    forget_cached_keys()
    raw = raw_table(Candidate.__table__)
    cid = uuid.UUID(cand["id"])
    engine = get_engine(settings)
    real_encrypt = encrypt_text
    edited = []

    def encrypt_then_someone_edits(value, purpose, r=None):  # noqa: ANN001, ANN202
        if purpose == "candidates.full_name" and not edited:
            with engine.begin() as c:  # the recruiter's edit lands between the reseal's read and its write
                c.execute(sa_update(raw).where(raw.c.id == cid).values(full_name=real_encrypt("Renamed", purpose, ring)))
            edited.append(True)
        return real_encrypt(value, purpose, r)

    import hireloop.crypto.rotate as rot

    rot.encrypt_text, saved = encrypt_then_someone_edits, rot.encrypt_text
    try:
        result = reseal(engine, get_storage(settings), stale)
    finally:
        rot.encrypt_text = saved
    assert result.changed_meanwhile >= 1
    with session_factory(settings)() as s:
        assert s.get(Candidate, cid).full_name == "Renamed"


@pytest.mark.parametrize("backend_name", ["sqlite", "postgresql"])
def test_the_migration_seals_what_was_stored_in_plain_and_its_downgrade_opens_it(backend_name, tmp_path, settings):
    from hireloop.config import Settings
    from hireloop.crypto.fields import blind_index
    from hireloop.db import make_engine
    from hireloop.migrate import downgrade, upgrade
    from hireloop.models import Candidate
    from tests.conftest import drop_pg_database, make_database_url

    url = make_database_url(backend_name, tmp_path)
    s = Settings(database_url=url)
    try:
        upgrade(s, "0008")
        eng = make_engine(url, null_pool=True)
        pg = eng.dialect.name == "postgresql"
        org, cid, jid, aid = uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
        ids = {k: str(v) if pg else v.hex for k, v in {"org": org, "cid": cid, "jid": jid, "aid": aid}.items()}
        profile = "CAST(:p AS jsonb)" if pg else ":p"
        with eng.begin() as c:
            c.execute(text("INSERT INTO organizations (id, name, slug, default_locale, created_at, updated_at) "
                           "VALUES (:org, 'Old Co', 'old-co', 'en', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"), ids)
            c.execute(text("INSERT INTO candidates (id, org_id, full_name, email, phone, profile, notes, created_at, "
                           f"updated_at) VALUES (:cid, :org, 'Wang Plain', 'wang.plain@x.example', '13911112222', "
                           f"{profile}, 'called twice', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"),
                      {**ids, "p": json.dumps({"summary": "plain resume words"})})
            reqs = "CAST(:r AS jsonb)" if pg else ":r"
            c.execute(text("INSERT INTO jobs (id, org_id, title, country, employment_type, status, description, "
                           f"requirements, created_at, updated_at) VALUES (:jid, :org, 'Promoter', 'CN', 'full_time', "
                           f"'open', '', {reqs}, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"), {**ids, "r": "{}"})
            c.execute(text("INSERT INTO applications (id, org_id, job_id, candidate_id, stage, stage_changed_at, "
                           "created_at, updated_at) VALUES (:aid, :org, :jid, :cid, 'applied', CURRENT_TIMESTAMP, "
                           "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"), ids)

        def children() -> int:  # rebuilding a table on SQLite must not cascade to the rows that refer to it
            with eng.connect() as c:
                return c.execute(text("SELECT count(*) FROM applications")).scalar()

        assert children() == 1
        upgrade(s)
        assert children() == 1
        with eng.connect() as c:
            row = c.execute(text("SELECT full_name, email, phone, profile, notes, email_hash, phone_hash "
                                 "FROM candidates")).one()
        assert all(v.startswith("hl1:") for v in row[:5])
        assert "Wang" not in row.full_name and "plain resume" not in row.profile
        assert row.email_hash == blind_index("WANG.PLAIN@x.example", "email")
        assert row.phone_hash == blind_index("+86 139 1111 2222", "phone")
        with session_factory(s)() as sess:
            cand = sess.get(Candidate, cid)
            assert (cand.full_name, cand.profile, cand.notes) == ("Wang Plain", {"summary": "plain resume words"},
                                                                  "called twice")
        downgrade(s, "0008")
        assert children() == 1
        with eng.connect() as c:
            row = c.execute(text("SELECT full_name, email, profile FROM candidates")).one()
        assert row.full_name == "Wang Plain" and row.email == "wang.plain@x.example"
        assert (row.profile if pg else json.loads(row.profile)) == {"summary": "plain resume words"}
        eng.dispose()
    finally:
        if backend_name == "postgresql":
            drop_pg_database(url)


def test_serving_without_keys_when_keys_are_required_stops_with_what_to_do(tmp_path, monkeypatch, settings):
    from hireloop.config import get_settings

    monkeypatch.setenv("HIRELOOP_STORAGE_ROOT", str(tmp_path / "storage"))
    monkeypatch.setenv("HIRELOOP_DATABASE_URL", f"sqlite:///{tmp_path / 'new.db'}")  # a new install
    monkeypatch.setenv("HIRELOOP_REQUIRE_KEYS", "true")
    get_settings.cache_clear()
    try:
        r = CliRunner().invoke(cli, ["worker"])
        assert r.exit_code == 2 and "hireloop keys init" in r.output
        assert not (tmp_path / "keys").exists()  # nothing was created behind the operator's back
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


def test_an_unfinished_upload_is_encrypted_on_disk_and_erasure_removes_it(client, settings, tenant):
    from hireloop.interviews.uploads import part_path
    from hireloop.models import Interview

    original = FIXTURE.read_bytes()
    iv_id, token = new_interview(settings, tenant)
    csrf = consent(client, token)
    h = {"X-CSRF-Token": csrf}
    r = client.post(f"/i/{token}/uploads", json={"question_index": 0, "total_bytes": len(original),
                                                 "content_type": "video/mp4"}, headers=h)
    uid = uuid.UUID(r.json()["upload_id"])
    for start, end in ((0, 99_999), (50_000, 149_999)):  # the second part overlaps: a resend after a drop
        r = client.put(f"/i/{token}/uploads/{uid}", content=original[start : end + 1],
                       headers={**h, "Content-Range": f"bytes {start}-{end}/{len(original)}"})
        assert r.status_code == 200, r.text
    part = part_path(uid)
    on_disk = part.read_bytes()
    assert b"ftyp" not in on_disk[:64] and original[1000:1064] not in on_disk
    from hireloop.crypto.parts import open_part

    with open_part(part) as fh:
        assert fh.read() == original[:150_000]
    with session_factory(settings)() as s:
        cand_id = s.get(Interview, iv_id).candidate_id
    r = client.post(f"/api/v1/candidates/{cand_id}/erase", json={"reason": "request"}, headers=api(tenant.api_key))
    assert r.status_code == 200, r.text
    assert not part.exists()


@pytest.mark.parametrize("size", [0, 1, 65535, 65536, 65537, 2 * 65536 + 1000])
def test_a_sealed_file_reads_back_exactly_and_any_cut_is_refused(settings, size):
    from hireloop.crypto.files import CHUNK, TAG

    storage = get_storage(settings)
    key = f"org/test/cuts/{uuid.uuid4().hex}.bin"
    original = os.urandom(size)
    storage.put_bytes(key, original)
    sealed = storage.path(key).read_bytes()
    assert storage.read_bytes(key) == original
    with storage.open(key) as fh:  # reads across a chunk boundary after a seek
        fh.seek(max(size - CHUNK - 10, 0))
        assert fh.read() == original[max(size - CHUNK - 10, 0):]
    # cut inside the last tag, exactly a tag, a whole chunk (a clean chunk boundary), and into the header
    for cut in sorted({1, TAG - 1, TAG, TAG + 1, CHUNK + TAG, len(sealed) - 30} & set(range(1, len(sealed)))):
        storage.path(key).write_bytes(sealed[: len(sealed) - cut])
        with pytest.raises(SealedFileBroken):
            storage.read_bytes(key)
    storage.path(key).write_bytes(sealed)
    assert storage.read_bytes(key) == original


def test_sealing_copes_with_a_stream_that_returns_short_reads(settings):
    class Trickle:
        def __init__(self, data: bytes) -> None:
            self.data, self.pos = data, 0

        def read(self, n: int = -1) -> bytes:
            n = min(n if n >= 0 else len(self.data), 40_000)
            out = self.data[self.pos : self.pos + n]
            self.pos += len(out)
            return out

    storage = get_storage(settings)
    original = os.urandom(300_000)
    storage.put_stream("org/test/trickle.bin", Trickle(original))
    assert storage.read_bytes("org/test/trickle.bin") == original


def test_processes_starting_together_on_a_new_install_share_one_key_file(tmp_path):
    import subprocess
    import sys

    code = ("from hireloop.crypto.keys import current_keyring; import time, sys; "
            "time.sleep(max(0, float(sys.argv[1]) - time.time())); print(current_keyring().primary)")
    env = {**os.environ, "HIRELOOP_STORAGE_ROOT": str(tmp_path / "storage"), "PYTHONPATH": "src"}
    env.pop("HIRELOOP_DATA_KEYS", None)
    import time

    start = str(time.time() + 2.0)  # all import first, then ask for the keys at the same moment
    procs = [subprocess.Popen([sys.executable, "-c", code, start], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e for _, e in outs]
    primaries = {o.strip() for o, _ in outs}
    assert len(primaries) == 1
    from hireloop.crypto.keys import parse_key_file

    assert parse_key_file(tmp_path / "keys" / "data-keys.json").primary == primaries.pop()
    assert [p.name for p in (tmp_path / "keys").iterdir()] == ["data-keys.json"]  # no temporary files left


def test_sealed_files_without_their_key_file_are_not_given_a_new_key(settings, tmp_path, monkeypatch):
    import shutil

    from hireloop.config import get_settings
    from hireloop.crypto.keys import forget_cached_keys

    storage = get_storage(settings)
    storage.put_bytes("org/test/kept.bin", b"sealed before the key file went missing")
    moved = tmp_path / "elsewhere"
    shutil.copytree(storage.root, moved / "storage")  # the data, without the keys beside it
    monkeypatch.setenv("HIRELOOP_STORAGE_ROOT", str(moved / "storage"))
    get_settings.cache_clear()
    forget_cached_keys()
    try:
        with pytest.raises(KeysMissing, match="restore it from your key backup"):
            current_keyring()
        assert not (moved / "keys").exists()
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
        forget_cached_keys()


def test_a_database_of_sealed_data_without_its_key_file_stops_the_server_instead_of_a_new_key(
        client, tenant, tmp_path, monkeypatch, settings):
    from hireloop.config import get_settings

    _new_candidate(client, tenant)  # the shared test database now surely holds sealed names
    monkeypatch.setenv("HIRELOOP_DATA_KEY_FILE", str(tmp_path / "lost" / "data-keys.json"))
    get_settings.cache_clear()
    try:
        r = CliRunner().invoke(cli, ["worker"])
        assert r.exit_code == 2 and "holds sealed personal data" in r.output
        assert not (tmp_path / "lost").exists()
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


def test_a_value_that_does_not_open_is_a_500_that_names_nothing_of_the_server(client, settings, tenant):
    from sqlalchemy import update as sa_update

    from hireloop.crypto.raw import raw_table
    from hireloop.models import Candidate

    cand = _new_candidate(client, tenant)
    raw = raw_table(Candidate.__table__)
    cid = uuid.UUID(cand["id"])
    engine = get_engine(settings)

    def set_email(value: str) -> None:
        with engine.begin() as c:
            c.execute(sa_update(raw).where(raw.c.id == cid).values(email=value))

    with engine.connect() as c:
        sealed = c.execute(raw.select().with_only_columns(raw.c.email).where(raw.c.id == cid)).scalar_one()
    try:
        for broken in (sealed[:-8] + ("AAAAAAAA" if not sealed.endswith("AAAAAAAA") else "BBBBBBBB"), "hl1:k1:%%%"):
            set_email(broken)
            r = client.get(f"/api/v1/candidates/{cand['id']}", headers=api(tenant.api_key))
            assert r.status_code == 500 and r.json()["error"]["code"] == "sealed_value_broken"
            assert "candidates" not in r.text and "key" not in r.json()["error"]["message"].lower()
    finally:
        set_email(sealed)


def test_a_query_comparing_or_sorting_a_sealed_column_is_refused_when_built():
    from sqlalchemy import select

    from hireloop.crypto.fields import SealedColumnQuery
    from hireloop.models import AnswerAnalysis, Candidate

    for build in (lambda: Candidate.email == "a@x.example", lambda: Candidate.full_name.ilike("%wang%"),
                  lambda: Candidate.phone.in_(["139"]), lambda: select(Candidate).order_by(Candidate.full_name.desc()),
                  lambda: AnswerAnalysis.transcript == {"text": "x"}):
        with pytest.raises(SealedColumnQuery):
            build()
    assert str(select(Candidate.id).where(Candidate.email.is_not(None)))  # only NULL tests are allowed
