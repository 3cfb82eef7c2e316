"""Build completed, analysed interviews in a real database for scoring, report and review tests."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from hireloop.accounts.actor import system_actor
from hireloop.candidates import pipeline
from hireloop.candidates import service as candidates
from hireloop.candidates.schemas import CandidateCreate
from hireloop.candidates.stages import Stage
from hireloop.compliance.policies import effective_modes, preset
from hireloop.interviews import service as interviews
from hireloop.interviews.plans import set_plan
from hireloop.jobs import service as jobs
from hireloop.jobs.schemas import CompetencyIn, JobCreate
from hireloop.models import Answer, AnswerAnalysis, utcnow
from hireloop.scoring.content.scorer import ContentScore, Evidence, round_level

ANCHORS_ZH = ["没有具体例子", "泛泛而谈", "有例子但缺少结果", "有行动和结果", "有数据、结果和总结"]
COMPETENCIES = [("communication", "沟通能力", 2.0), ("customer_focus", "客户导向", 1.0)]


def _q(qid: str, key: str) -> dict:
    return {"id": qid, "text_zh": f"请讲一次体现{key}的经历", "text_en": f"Tell us about {key}", "stage": "any",
            "industry": "any", "think_seconds": 10, "answer_seconds": 120, "retakes": 1}


BANK = {"practice": _q("practice", "practice"),
        "competencies": [{"key": k, "questions": [_q(f"{k}.1", k)]} for k, _, _ in COMPETENCIES]}


class FixedScorer:
    """A content scorer for database tests: the score is looked up by answer text; evidence is the first sentence.

    The real offline scorer is tested on its labelled set (tests/scoring); here the arithmetic around it is under test.
    """

    name, version = "fixed-test-scorer", "1"

    def __init__(self, scores: dict[str, float]) -> None:
        self.scores = scores
        self.version = str(abs(hash(tuple(sorted(scores.items())))))  # another mapping is another scorer

    def score(self, question: str, competency: str, anchors: Sequence[str], answer_text: str, lang: str | None = None
              ) -> ContentScore:
        score = self.scores.get(answer_text, 3.0)
        first = re.match(r"[^。！？.!?]+[。！？.!?]?", answer_text)
        end = first.end() if first else len(answer_text)
        ev = (Evidence(answer_text[:end], 0, end, "test"),) if answer_text else ()
        signals = {"structure": 0.25 if score < 3 else 1.0, "numbers": 0.0 if score < 3 else 0.8, "length": 0.9}
        return ContentScore(score, round_level(score), ev, signals, score <= 1.0, self.name, self.version)


def transcript(text: str, seconds_per_char: float = 0.25) -> dict:
    """A transcript dict as the analysis engine stores it, one word per character (as for Chinese)."""
    words = [{"text": ch, "start": round(i * seconds_per_char, 2), "end": round((i + 1) * seconds_per_char, 2),
              "probability": 0.9} for i, ch in enumerate(text)]
    return {"text": text, "language": "zh", "language_probability": 0.99, "words": words, "model": "test",
            "confidence": 0.9}


def measures(*, speech_rate: float = 240, face_visible: float | None = 0.95, eye_contact: float | None = 0.6,
             transcript_confidence: float = 0.9) -> list[dict]:
    out = [{"name": "duration", "value": 120.0, "unit": "s"}, {"name": "speech_rate", "value": speech_rate, "unit": "x"},
           {"name": "speech_rate_variation", "value": 25.0, "unit": "%"}, {"name": "long_pauses", "value": 2, "unit": "count"},
           {"name": "fillers_per_min", "value": 4.0, "unit": "1/min"},
           {"name": "transcript_confidence", "value": transcript_confidence, "unit": "0-1"}]
    if face_visible is not None:
        out.append({"name": "face_visible", "value": face_visible, "unit": "ratio"})
    if eye_contact is not None:
        out.append({"name": "eye_contact", "value": eye_contact, "unit": "ratio"})
    return out


@dataclass
class Setup:
    org_id: uuid.UUID
    job_id: uuid.UUID
    interviews: list[uuid.UUID] = field(default_factory=list)
    applications: list[uuid.UUID] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)


def make_job(session, org_id: uuid.UUID, *, country: str = "CN", title: str = "门店促销员") -> uuid.UUID:
    actor = system_actor(org_id, "test")
    job = jobs.create(session, actor, data=JobCreate(title=title, country=country, competencies=[
        CompetencyIn(key=k, name=n, weight=w, anchors=ANCHORS_ZH) for k, n, w in COMPETENCIES]))
    set_plan(session, actor, job.id, bank=BANK, expires_days=7)
    return job.id


def add_interview(session, org_id: uuid.UUID, job_id: uuid.UUID, name: str, answers: Sequence[str], *,
                  face_visible: float | None = 0.95, several_faces: bool = False, profile: dict | None = None,
                  locale: str = "zh_CN") -> tuple[uuid.UUID, uuid.UUID, str]:
    """A completed interview whose answers (one per question, in order) are analysed; returns ids and link token."""
    from hireloop.interviews.links import invitation_url

    actor = system_actor(org_id, "test")
    cand = candidates.create(session, actor, data=CandidateCreate(full_name=name, email=f"{uuid.uuid4().hex[:8]}@t.example"))
    if profile:
        cand.profile = profile
    app = pipeline.apply(session, actor, job_id=job_id, candidate_id=cand.id)
    iv = interviews.invite(session, actor, app.id, locale=locale)
    policy = preset(iv.policy_key)
    modes = {k: v.value for k, v in effective_modes(policy, {"recording", "content_analysis", "voice_analysis",
                                                             "face_analysis"}).items()}
    for i, text in enumerate(answers):
        a = Answer(org_id=org_id, interview_id=iv.id, question_index=i, storage_key=f"org/{org_id}/t/{uuid.uuid4().hex}.webm",
                   content_type="video/webm", size_bytes=4, sha256="0" * 64, status="analysed")
        session.add(a)
        session.flush()
        face_on = modes.get("face_visible") != "not_computed"
        face = {"several_faces_intervals": [{"start": 3.0, "end": 7.0}] if several_faces else []} if face_on else None
        session.add(AnswerAnalysis(org_id=org_id, answer_id=a.id, language="zh", transcript=transcript(text),
                                   measures=[m for m in measures(face_visible=face_visible if face_on else None,
                                                                 eye_contact=0.6 if face_on else None)
                                             if modes.get(m["name"], "scored") != "not_computed"],
                                   face=face, modes=modes, schema_version="1"))
    iv.status = "completed"
    iv.completed_at = utcnow()
    pipeline.move(session, actor, app.id, to_stage=Stage.INTERVIEWED, reason="done")
    session.flush()
    token = invitation_url(iv.id, iv.link_nonce).rsplit("/i/", 1)[1]
    return iv.id, app.id, token
