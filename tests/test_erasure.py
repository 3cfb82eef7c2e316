"""Deletion: after a deletion request is carried out, no table, file or index holds the person's data."""

from __future__ import annotations

import io
import uuid
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select, text

from hireloop import dispatch
from hireloop.db import get_engine, session_factory
from hireloop.models import Answer, AnswerAnalysis, Base
from hireloop.storage import get_storage
from tests.factories import api
from tests.portal_client import consent, new_interview, upload

pytestmark = pytest.mark.slow
FIXTURE = Path(__file__).parent / "data" / "media" / "answer_en_pauses.mp4"


def _db_text(settings) -> str:
    """Every row of every table as text."""
    out = []
    with session_factory(settings)() as s:
        for table in Base.metadata.sorted_tables:
            for row in s.execute(select(table)).all():
                out.append(" ".join(str(v) for v in row))
    return "\n".join(out)


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_erasure_leaves_nothing_of_the_person(client, settings, tenant):
    h = api(tenant.api_key)
    iv_id, token = new_interview(settings, tenant)
    with session_factory(settings)() as s:
        from hireloop.models import Candidate, Interview

        cand = s.get(Candidate, s.get(Interview, iv_id).candidate_id)
        cand.full_name, cand.phone = "Zhang Erasable", "+86 139 1234 5678"
        email = cand.email
        s.commit()
        cand_id = cand.id
    csrf = consent(client, token)
    upload(client, token, csrf, 0, FIXTURE.read_bytes(), content_type="video/mp4")
    dispatch.EmbeddedDispatcher(settings, workers=0).run_until_idle()  # the invitation mail and the analysis
    with session_factory(settings)() as s:
        transcript = s.scalars(select(AnswerAnalysis.transcript).join_from(AnswerAnalysis, Answer)
                               .where(Answer.interview_id == iv_id)).one()
    phrase = " ".join(transcript["text"].split()[2:6])
    assert len(phrase) > 10
    needles = ["Zhang Erasable", email, "139 1234 5678", phrase]
    before = _db_text(settings)
    assert all(n in before for n in needles[:3]) and phrase in before
    export = client.get(f"/api/v1/candidates/{cand_id}/export", headers=h)
    assert export.status_code == 200
    names = zipfile.ZipFile(io.BytesIO(export.content)).namelist()
    assert "candidate.json" in names and any(n.startswith("recordings/") for n in names)

    r = client.post(f"/api/v1/candidates/{cand_id}/erase", json={"reason": "data subject request"}, headers=h)
    assert r.status_code == 200, r.text
    assert r.json()["rows"]["answers"] == 1 and r.json()["files_removed"] >= 2

    after = _db_text(settings)
    for n in needles:
        assert n not in after, f"{n!r} is still in the database"
    storage = get_storage(settings)
    for f in _files(Path(settings.storage_root)) + _files(Path(settings.outbox_dir)):
        blob = f.read_bytes()
        if blob.startswith(b"HLF1"):  # a sealed file: search what it holds, not its ciphertext
            blob = storage.read_bytes(f.relative_to(storage.root).as_posix())
        for n in needles:
            assert n.encode() not in blob, f"{n!r} is still in {f}"
    if settings.is_sqlite:  # not even in free pages of the database file
        with get_engine(settings).connect() as c:
            c.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        raw = Path(settings.database_url.split("///", 1)[1]).read_bytes()
        for n in needles:
            assert n.encode() not in raw, f"{n!r} is still in the SQLite file"
    assert client.get(f"/api/v1/candidates/{cand_id}", headers=h).status_code == 404
    events = client.get("/api/v1/audit-events", params={"entity_id": str(cand_id), "action": "candidate.erased"}, headers=h).json()
    assert len(events) == 1 and "Zhang" not in str(events)


def test_erasing_an_unknown_candidate_is_a_clear_404(client, tenant):
    r = client.post(f"/api/v1/candidates/{uuid.uuid4()}/erase", json={"reason": "x"}, headers=api(tenant.api_key))
    assert r.status_code == 404 and r.json()["error"]["code"] == "candidate_not_found"
