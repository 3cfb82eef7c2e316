"""Build organizations with users, API keys, jobs, candidates and applications for tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from fastapi.testclient import TestClient

from hireloop.accounts import service as accounts
from hireloop.accounts.actor import system_actor
from hireloop.accounts.permissions import API_KEY_SCOPES, Role
from hireloop.candidates import pipeline
from hireloop.candidates import service as candidates
from hireloop.candidates.schemas import CandidateCreate
from hireloop.candidates.stages import Stage
from hireloop.config import Settings
from hireloop.db import unit_of_work
from hireloop.jobs import service as jobs
from hireloop.interviews import service as interviews
from hireloop.interviews.plans import set_plan
from hireloop.jobs.schemas import CompetencyIn, JobCreate
from hireloop.models import Answer
from hireloop.screening import service as screening
from hireloop.storage import get_storage

PASSWORD = "correct-horse-battery"
ANCHORS = ["level one", "level two", "level three", "level four", "level five"]


def _q(qid: str, stage: str = "any", answer_seconds: int = 120, think: int = 30) -> dict:
    return {"id": qid, "text_zh": f"问题 {qid}", "text_en": f"Question {qid}", "stage": stage, "industry": "any",
            "think_seconds": think, "answer_seconds": answer_seconds, "retakes": 1}


SMALL_BANK = {"practice": _q("practice"), "competencies": [
    {"key": "communication", "questions": [_q("comm.exp", "experienced"), _q("comm.grad", "new_graduate"), _q("comm.any")]}]}


@dataclass
class Tenant:
    org_id: uuid.UUID
    slug: str
    marker: str
    emails: dict[str, str]
    api_key: str
    api_key_id: uuid.UUID
    job_id: uuid.UUID
    candidate_id: uuid.UUID
    application_id: uuid.UUID
    interview_id: uuid.UUID
    answer_id: uuid.UUID
    import_id: uuid.UUID
    extra: dict = field(default_factory=dict)

    @property
    def ids(self) -> list[str]:
        return [str(self.org_id), str(self.job_id), str(self.candidate_id), str(self.application_id), str(self.api_key_id),
                str(self.interview_id), str(self.answer_id), str(self.import_id)]


def make_tenant(settings: Settings, marker: str = "ORG") -> Tenant:
    slug = f"{marker.lower()}-{uuid.uuid4().hex[:8]}"
    with unit_of_work(settings) as uow:
        s = uow.session
        org = accounts.create_organization(s, name=f"{marker} Company", slug=slug)
        emails = {}
        for role in Role:
            email = f"{role.value}.{slug}@test.example"
            accounts.create_user(s, org_id=org.id, email=email, name=f"{marker} {role.value}", password=PASSWORD,
                                 role=role.value)
            emails[role.value] = email
        actor = system_actor(org.id, "factory")
        full, key = accounts.create_api_key(s, actor, name="all", scopes=sorted(p.value for p in API_KEY_SCOPES))
        job = jobs.create(s, actor, data=JobCreate(
            title=f"{marker} Secret Job", city=f"{marker}City",
            competencies=[CompetencyIn(key="communication", name=f"{marker} Communication", anchors=ANCHORS)]))
        cand = candidates.create(s, actor, data=CandidateCreate(
            full_name=f"{marker} Candidate", email=f"cand.{slug}@test.example", phone="+86 138 0000 0000"))
        app = pipeline.apply(s, actor, job_id=job.id, candidate_id=cand.id)
        pipeline.move(s, actor, app.id, to_stage=Stage.SCREENED, reason="fits")
        # A second application with an interview and one stored answer, so that routes about them are covered.
        cand2 = candidates.create(s, actor, data=CandidateCreate(full_name=f"{marker} Interviewee",
                                                                email=f"iv.{slug}@test.example"))
        app2 = pipeline.apply(s, actor, job_id=job.id, candidate_id=cand2.id)
        set_plan(s, actor, job.id, bank=SMALL_BANK, expires_days=7)
        iv = interviews.invite(s, actor, app2.id, locale="en")
        answer = Answer(org_id=org.id, interview_id=iv.id, question_index=0, storage_key=f"org/{org.id}/probe.webm",
                        content_type="video/webm", size_bytes=4, sha256="0" * 64, status="stored")
        s.add(answer)
        get_storage(settings).put_bytes(answer.storage_key, b"\x1a\x45\xdf\xa3")
        s.flush()
        # A screened resume for the first candidate (same email, so it is attached to them).
        resume = (f"{marker} Candidate\n邮箱 cand.{slug}@test.example\n2018.03 - 2024.06 宝洁 销售主管\n"
                  "本科 市场营销 2014-2018\n技能：渠道拓展、KA管理").encode()
        batch = screening.start_import(s, actor, job.id, [("resume.txt", resume)])
        screening.process_import(s, batch.id, commit_each=False)
        uow.commit()
        return Tenant(org.id, slug, marker, emails, full, key.id, job.id, cand.id, app.id, iv.id, answer.id, batch.id)


def login(client: TestClient, email: str, password: str = PASSWORD) -> str:
    """Log a test client in through the real form; returns the session's CSRF token."""
    client.cookies.clear()
    client.get("/login")
    r = client.post("/login", data={"email": email, "password": password,
                                    "csrf_token": client.cookies.get("hl_csrf"), "next": "/jobs"},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    page = client.get("/jobs")
    import re

    m = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert m, "the console renders a CSRF token"
    return m.group(1)


def api(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}
