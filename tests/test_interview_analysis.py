"""Stored answers are analysed within the jurisdiction policy: under the EU policy no face or smile measure is
computed at all (the face stage never runs), not merely hidden."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from hireloop import dispatch
from hireloop.db import session_factory
from hireloop.models import Answer, AnswerAnalysis
from tests.factories import api
from tests.portal_client import consent, new_interview, upload

pytestmark = pytest.mark.slow
FIXTURE = Path(__file__).parent / "data" / "media" / "answer_en_pauses.mp4"
FACE_NAMES = {"face_visible", "smile", "smiles_per_min", "eye_contact", "head_movement"}


def _analyse(settings, client, tenant, country: str, purposes) -> tuple[AnswerAnalysis, dict]:
    iv_id, token = new_interview(settings, tenant, country=country)
    csrf = consent(client, token, purposes=purposes)
    res = upload(client, token, csrf, 0, FIXTURE.read_bytes(), content_type="video/mp4")
    dispatch.EmbeddedDispatcher(settings, workers=0).run_until_idle()
    with session_factory(settings)() as s:
        answer = s.get(Answer, uuid.UUID(res["answer_id"]))
        assert answer.status == "analysed", answer.error_message
        row = s.scalars(select(AnswerAnalysis).where(AnswerAnalysis.answer_id == answer.id)).one()
    out = client.get(f"/api/v1/answers/{res['answer_id']}/analysis", headers=api(tenant.api_key)).json()
    return row, out


def test_eu_interview_computes_no_face_or_smile_measure(client, settings, tenant):
    row, out = _analyse(settings, client, tenant, "DE", ("recording", "content_analysis", "voice_analysis", "face_analysis"))
    names = {m["name"] for m in row.measures}
    assert not names & FACE_NAMES
    assert row.face is None
    assert "face" not in {t["stage"] for t in row.timings}  # the face stage never ran
    assert set(row.modes.values()) == {"not_computed"}
    assert row.transcript is not None  # the content is still transcribed
    assert out["face"] is None and not {m["name"] for m in out["measures"]} & FACE_NAMES


def test_face_measures_need_the_candidates_consent(client, settings, tenant):
    row, _ = _analyse(settings, client, tenant, "CN", ("recording", "content_analysis", "voice_analysis"))
    assert not {m["name"] for m in row.measures} & FACE_NAMES and row.face is None
    assert "face" not in {t["stage"] for t in row.timings}
    assert {"speech_rate", "pauses_per_min"} <= {m["name"] for m in row.measures}
