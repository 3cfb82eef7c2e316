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


def test_erasing_a_hired_candidate_keeps_the_employee_but_no_interview_derived_copy(client, settings, tenant):
    """The employment is a separate legal basis: the employee stays (HR's name and contacts), unlinked from the
    candidate, and nothing from the hiring process (transcripts, scores, reports, stage history) is left anywhere."""
    from hireloop.accounts.actor import system_actor
    from hireloop.candidates import pipeline
    from hireloop.candidates.stages import Stage
    from hireloop.db import unit_of_work
    from hireloop.models import Candidate, Employee, Interview, Report
    from hireloop.reports import service as reports
    from hireloop.scoring import service as scoring
    from tests.scoring_db.builders import FixedScorer, add_interview, make_job

    # Unique words, so other tests' candidates in the same database cannot hide a leftover.
    phrase = f"我在{uuid.uuid4().hex[:8]}门店制定了陈列计划"
    strong = f"去年我负责华东区的新品推广。{phrase}并培训了十名促销员。最后销量提升了30%。"
    with unit_of_work(settings) as uow:
        s = uow.session
        job_id = make_job(s, tenant.org_id)
        iv_id, app_id, _ = add_interview(s, tenant.org_id, job_id, "王已录用", [strong, strong])
        scoring.score_interview(s, iv_id, scorer=FixedScorer({strong: 4.4}))
        reports.generate(s, iv_id)
        actor = system_actor(tenant.org_id, "test")
        pipeline.move(s, actor, app_id, to_stage=Stage.OFFER, reason="offer")
        pipeline.move(s, actor, app_id, to_stage=Stage.HIRED, reason="accepted")
        cand_id = s.get(Interview, iv_id).candidate_id
        emp = s.scalars(select(Employee).where(Employee.candidate_id == cand_id)).one()
        emp.attributes = {"interview_score": 4.4, "score_communication": 4.0, "team": "East"}
        emp_id, email = emp.id, s.get(Candidate, cand_id).email
        files = [k for r in s.scalars(select(Report).where(Report.interview_id == iv_id)) for k in (r.html_key, r.pdf_key)]
        uow.commit()
    assert emp.interview_results["stage_history"] and len(files) == 4
    assert phrase in _db_text(settings) and "王已录用" in _db_text(settings)
    storage = get_storage(settings)
    assert any("王已录用".encode() in storage.read_bytes(k) for k in files)  # the HTML reports name them

    r = client.post(f"/api/v1/candidates/{cand_id}/erase", json={"reason": "data subject request"}, headers=api(tenant.api_key))
    assert r.status_code == 200, r.text
    assert r.json()["rows"]["employees_unlinked"] == 1 and r.json()["rows"]["reports"] == 2

    with session_factory(settings)() as s:
        emp = s.get(Employee, emp_id)
        assert emp is not None and emp.full_name == "王已录用"  # still an employee, as HR knows them
        assert emp.candidate_id is None and emp.application_id is None and emp.interview_results == {}
        assert emp.attributes == {"team": "East"}  # HR's own attributes stay, interview scores go
    after = _db_text(settings)
    assert phrase not in after  # ids stay only in the audit log, which never holds personal data
    with session_factory(settings)() as s:
        outside_employees = "\n".join(
            " ".join(str(v) for v in row) for table in Base.metadata.sorted_tables if table.name != "employees"
            for row in s.execute(select(table)).all())
    assert "王已录用" not in outside_employees and email not in outside_employees
    for f in _files(Path(settings.storage_root)):
        blob = f.read_bytes()
        if blob.startswith(b"HLF1"):  # a sealed file: search what it holds, not its ciphertext
            blob = storage.read_bytes(f.relative_to(storage.root).as_posix())
        assert phrase.encode() not in blob and "王已录用".encode() not in blob, f
    assert not any((Path(settings.storage_root) / k).exists() for k in files)


def test_erasure_removes_the_uploaded_resume_file_and_its_import_entry(client, settings, tenant):
    from hireloop.models import Resume, ResumeImport

    with session_factory(settings)() as s:
        [resume] = s.scalars(select(Resume).where(Resume.candidate_id == tenant.candidate_id)).all()
        key = resume.storage_key
    storage = get_storage(settings)
    assert storage.exists(key) and b"Candidate" in storage.read_bytes(key)
    r = client.post(f"/api/v1/candidates/{tenant.candidate_id}/erase", json={"reason": "request"},
                    headers=api(tenant.api_key))
    assert r.status_code == 200, r.text
    assert r.json()["rows"]["resume_import_items"] == 1 and r.json()["files_removed"] >= 1
    assert not storage.exists(key)
    with session_factory(settings)() as s:
        items = s.get(ResumeImport, tenant.import_id).items
    assert str(tenant.candidate_id) not in str(items) and "resume.txt" not in str(items)
