"""Drive the candidate portal the way the browser's script does, for API-level tests."""

from __future__ import annotations

import re
import uuid

from fastapi.testclient import TestClient

from hireloop.db import unit_of_work
from hireloop.interviews import service as interviews
from hireloop.interviews.links import make_token
from hireloop.interviews.plans import set_plan
from hireloop.accounts.actor import system_actor
from hireloop.candidates import pipeline
from hireloop.candidates import service as candidates
from hireloop.candidates.schemas import CandidateCreate
from tests.factories import SMALL_BANK


def new_interview(settings, tenant, *, profile: dict | None = None, country: str | None = None) -> tuple[uuid.UUID, str]:
    """Invite a fresh candidate of `tenant` and return (interview id, portal token)."""
    with unit_of_work(settings) as uow:
        s = uow.session
        actor = system_actor(tenant.org_id, "test")
        job_id = tenant.job_id
        if country:
            from hireloop.jobs import service as jobs
            from hireloop.jobs.schemas import JobCreate

            job_id = jobs.create(s, actor, data=JobCreate(title=f"Job in {country}", country=country)).id
        set_plan(s, actor, job_id, bank=SMALL_BANK, expires_days=7)
        cand = candidates.create(s, actor, data=CandidateCreate(full_name="Portal Person", email=f"{uuid.uuid4().hex[:8]}@x.example",
                                                               profile=profile or {}))
        app = pipeline.apply(s, actor, job_id=job_id, candidate_id=cand.id)
        iv = interviews.invite(s, actor, app.id, locale="en")
        uow.commit()
        return iv.id, make_token(iv.id, iv.link_nonce)


def consent(client: TestClient, token: str, purposes=("recording", "content_analysis", "voice_analysis", "face_analysis")) -> str:
    """Open the link, give consent, and return the CSRF token the portal pages carry."""
    page = client.get(f"/i/{token}")
    assert page.status_code == 200, page.text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    r = client.post(f"/i/{token}/consent", data={"csrf_token": csrf, "purposes": list(purposes)}, follow_redirects=False)
    assert r.status_code == 303, r.text
    return csrf


def upload(client: TestClient, token: str, csrf: str, index: int, data: bytes, *, chunk: int = 64 * 1024,
           content_type: str = "video/webm") -> dict:
    h = {"X-CSRF-Token": csrf}
    r = client.post(f"/i/{token}/uploads", json={"question_index": index, "total_bytes": len(data), "content_type": content_type}, headers=h)
    assert r.status_code == 201, r.text
    uid = r.json()["upload_id"]
    body = {}
    for start in range(0, len(data), chunk):
        part = data[start : start + chunk]
        r = client.put(f"/i/{token}/uploads/{uid}", content=part,
                       headers={**h, "Content-Range": f"bytes {start}-{start + len(part) - 1}/{len(data)}"})
        assert r.status_code == 200, r.text
        body = r.json()
    return {"upload_id": uid, **body}
