"""Score a completed interview: answer content per competency, behaviour indices, resume match, composite."""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor, system_actor
from hireloop.compliance import audit, consent, safeguards
from hireloop.compliance.policies import effective_modes, preset
from hireloop.errors import NotFound
from hireloop.interviews import repository as iv_repo
from hireloop.jobs import repository as jobs_repo
from hireloop.models import Answer, AnswerContentScore, Assessment, Candidate, Interview, utcnow
from hireloop.scoring import composite as comp
from hireloop.scoring import models_registry, repository as repo
from hireloop.scoring.behaviour import BehaviourMeasures, compute_behaviour_indices
from hireloop.scoring.content.scorer import AnswerContentScorer, ContentScorer, round_level
from hireloop.scoring.measures import index_policy, index_to_dict, interview_measures

log = logging.getLogger(__name__)
TERMINAL = ("analysed", "failed", "not_analysed")


class InterviewNotFound(NotFound):
    code = "interview_not_found"


@lru_cache(maxsize=1)
def default_content_scorer() -> ContentScorer:
    """One offline content scorer per process (its embedding model loads once)."""
    return ContentScorer()


def ready_to_score(session: Session, interview: Interview) -> bool:
    """True when the interview is completed and every current answer is analysed (or finally failed)."""
    if interview.status != "completed" or safeguards.opted_out(session, interview.org_id, interview.candidate_id):
        return False
    answers = [a for a in iv_repo.answers(session, interview.org_id, interview.id, current_only=True) if a.question_index >= 0]
    return bool(answers) and all(a.status in TERMINAL for a in answers)


def _measure(measures: list[dict[str, Any]], name: str) -> float | None:
    for m in measures:
        if m.get("name") == name and isinstance(m.get("value"), (int, float)):
            return float(m["value"])
    return None


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _score_answers(session: Session, iv: Interview, competencies: Mapping[str, Any],
                   scorer: AnswerContentScorer) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Content scores per question, plus what confidence and flags need."""
    answers = {a.question_index: a for a in iv_repo.answers(session, iv.org_id, iv.id, current_only=True)}
    rows, stats = [], {"answered": 0, "missing": 0, "failed": 0, "off_topic": 0, "transcript_conf": [],
                       "face_visible": [], "several_faces_s": 0.0, "measures": [], "modes": []}
    for i, q in enumerate(iv.questions):
        answer = answers.get(i)
        if answer is None:
            stats["missing"] += 1
            continue
        analysis = iv_repo.analysis_for(session, iv.org_id, answer.id) if answer.status == "analysed" else None
        if analysis is None:
            stats["failed"] += 1
            continue
        stats["answered"] += 1
        stats["measures"].append(analysis.measures or [])
        stats["modes"].append(analysis.modes or {})
        tc = _measure(analysis.measures or [], "transcript_confidence")
        if tc is not None:
            stats["transcript_conf"].append(tc)
        fv = _measure(analysis.measures or [], "face_visible")
        if fv is not None:
            stats["face_visible"].append(fv)
        for span in (analysis.face or {}).get("several_faces_intervals") or []:
            stats["several_faces_s"] += max(0.0, float(span.get("end", 0)) - float(span.get("start", 0)))
        competency = competencies.get(q.get("competency_key"))
        if competency is None or len(competency.anchors or []) != 5:
            continue  # a competency without its five anchors cannot be scored; the content part renormalises
        row = _content_row(session, iv, i, q, answer.id, analysis.transcript or {}, competency, scorer)
        if row["off_topic"]:
            stats["off_topic"] += 1
        rows.append(row)
    return rows, stats


def _input_hash(scorer: AnswerContentScorer, *parts: object) -> str:
    name = f"{getattr(scorer, 'name', type(scorer).__name__)}/{getattr(scorer, 'version', '?')}"
    return hashlib.sha256(json.dumps([name, *parts], ensure_ascii=False, default=str).encode()).hexdigest()


def _content_row(session: Session, iv: Interview, index: int, q: Mapping[str, Any], answer_id: uuid.UUID,
                 transcript: Mapping[str, Any], competency: Any, scorer: AnswerContentScorer) -> dict[str, Any]:
    """One answer's content score on its competency, reused when the same scorer already scored the same input."""
    lang = "zh" if iv.locale.startswith("zh") else "en"
    text = str(transcript.get("text") or "")
    question = str((q.get("text_zh") if lang == "zh" else q.get("text_en")) or "")
    key = _input_hash(scorer, question, competency.key, competency.name, list(competency.anchors), text, lang)
    cached = repo.content_score_of(session, iv.org_id, answer_id)
    if cached is not None and cached.input_hash == key:
        return {**cached.result, "question_index": index}
    result = scorer.score(question, competency.name, list(competency.anchors), text, lang)
    spans = comp.char_times(transcript)
    evidence = []
    for e in result.evidence:
        t0, t1 = comp.span_time(spans, e.start, e.end)
        evidence.append({"sentence": e.sentence, "start": e.start, "end": e.end, "t_start": t0, "t_end": t1, "why": e.why})
    row = {"question_index": index, "answer_id": str(answer_id), "competency_key": competency.key,
           "score": result.score, "level": result.level, "off_topic": result.off_topic, "evidence": evidence,
           "signals": {k: round(float(v), 4) for k, v in result.signals.items()
                       if isinstance(v, (int, float)) and not k.startswith("contribution.")},
           "scorer": f"{result.scorer_name}/{result.scorer_version}"}
    if cached is None:
        session.add(AnswerContentScore(org_id=iv.org_id, answer_id=answer_id, input_hash=key, result=row))
    else:
        cached.input_hash, cached.result = key, row
    session.flush()
    return row


def score_answer_on_arrival(session: Session, answer_id: uuid.UUID, *, scorer: AnswerContentScorer | None = None) -> bool:
    """Score one analysed answer's content now, so that scoring the interview later only reuses it."""
    answer = session.get(Answer, answer_id)
    if answer is None or answer.status != "analysed" or answer.question_index < 0:
        return False
    iv = iv_repo.get_unscoped(session, answer.interview_id)
    analysis = iv_repo.analysis_for(session, answer.org_id, answer.id)
    if iv is None or analysis is None or answer.question_index >= len(iv.questions):
        return False
    if safeguards.opted_out(session, iv.org_id, iv.candidate_id):  # queued before the opt-out: nothing is scored
        return False
    q = iv.questions[answer.question_index]
    job = jobs_repo.get(session, iv.org_id, iv.job_id)
    competency = next((c for c in (job.competencies if job else []) if c.key == q.get("competency_key")), None)
    if competency is None or len(competency.anchors) != 5:
        return False
    _content_row(session, iv, answer.question_index, q, answer.id, analysis.transcript or {}, competency,
                 scorer or default_content_scorer())
    return True


def _pool(session: Session, org_id: uuid.UUID, job_id: uuid.UUID, exclude: uuid.UUID) -> list[BehaviourMeasures]:
    pool = []
    for a in repo.assessments_for_job(session, org_id, job_id):
        data = (a.parts or {}).get("measures")
        if a.interview_id != exclude and data:
            pool.append(BehaviourMeasures.from_mapping(data))
    return pool


def score_interview(session: Session, interview_id: uuid.UUID, *, scorer: AnswerContentScorer | None = None,
                    actor: Actor | None = None, rescore: bool = False) -> Assessment:
    """Score one completed interview with the job's active ScoringModel; an existing score is kept unless rescore."""
    iv = iv_repo.get_unscoped(session, interview_id)
    if iv is None or (actor is not None and iv.org_id != actor.org_id):
        raise InterviewNotFound("No such interview in your organization.")
    safeguards.refuse_scoring_if_opted_out(session, iv.org_id, iv.candidate_id)  # also before an earlier score
    existing = repo.assessment_for_interview(session, iv.org_id, iv.id)
    if existing is not None and not rescore:
        return existing
    actor = actor or system_actor(iv.org_id, "scoring")
    job = jobs_repo.get(session, iv.org_id, iv.job_id)
    cand = session.get(Candidate, iv.candidate_id)
    assert job is not None and cand is not None
    model = models_registry.ensure_active(session, actor, job)
    weights = model.weights
    competencies = {c.key: c for c in job.competencies}
    answers, stats = _score_answers(session, iv, competencies, scorer or default_content_scorer())

    per_comp = []
    for key, c in competencies.items():
        mine = [r for r in answers if r["competency_key"] == key]
        score = _mean([r["score"] for r in mine])
        per_comp.append({"key": key, "name": c.name, "weight": float(weights["competencies"].get(key, c.weight)),
                         "score": None if score is None else round(score, 3),
                         "level": None if score is None else round_level(score), "answers": mine})
    content = comp.weighted_mean({c["key"]: c["score"] for c in per_comp}, {c["key"]: c["weight"] for c in per_comp})

    lang = "zh" if iv.locale.startswith("zh") else "en"
    if stats["modes"]:
        policy = index_policy(stats["modes"])
    else:
        jp = preset(iv.policy_key)
        granted = consent.granted_purposes(session, org_id=iv.org_id, candidate_id=iv.candidate_id, policy=jp)
        policy = index_policy([{k: v.value for k, v in effective_modes(jp, granted).items()}])
    measures = interview_measures(stats["measures"], lang)
    indices = compute_behaviour_indices(measures, policy=policy, pool=_pool(session, iv.org_id, job.id, iv.id))
    behaviour = [index_to_dict(ix, float(weights["behaviour_indices"].get(ix.key, 0.0)))
                 for ix in indices if ix.policy != "not_computed"]
    behaviour_score = comp.weighted_mean({b["key"]: b["five_point"] for b in behaviour if b["counted"]},
                                         {b["key"]: b["weight"] for b in behaviour})
    resume = comp.resume_match_five_point((cand.profile or {}).get("match_score"))
    result = comp.combine({"resume_match": resume, "content": content, "behaviour": behaviour_score}, weights["parts"])

    transcript_conf = _mean(stats["transcript_conf"])
    face_visible = _mean(stats["face_visible"])
    conf, conf_parts = comp.confidence(answered=stats["answered"], expected=len(iv.questions),
                                       transcript_confidence=transcript_conf, face_visible=face_visible)
    flags = comp.flags(face_visible=face_visible, several_faces_s=stats["several_faces_s"],
                       transcript_confidence=transcript_conf, off_topic=stats["off_topic"],
                       missing=stats["missing"], failed=stats["failed"])
    parts = dict(result.parts)
    parts["measures"] = {k: v for k, v in vars(measures).items() if v is not None}
    row = existing or Assessment(org_id=iv.org_id, interview_id=iv.id)
    row.application_id, row.job_id, row.candidate_id = iv.application_id, job.id, iv.candidate_id
    row.scoring_model_id = model.id
    row.composite = result.score
    row.parts = parts
    row.competencies = per_comp
    row.behaviour = behaviour
    row.confidence, row.confidence_parts = conf, conf_parts
    row.flags = flags
    row.recommendation = comp.recommend(result.score, conf, weights.get("thresholds"))
    row.scorers = sorted({r["scorer"] for r in answers})
    row.scored_at = utcnow()
    session.add(row)
    models_registry.mark_used(model)
    session.flush()
    audit.record(session, actor, "assessment.scored", entity_type="interview", entity_id=iv.id, org_id=iv.org_id,
                 details={"scoring_model": str(model.id), "version": model.version, "composite": row.composite,
                          "recommendation": row.recommendation, "rescore": bool(existing)})
    from hireloop.scoring.events import emit_event

    emit_event(session, org_id=iv.org_id, event_type="assessment.scored",
               data={"assessment_id": str(row.id), "application_id": str(iv.application_id),
                     "interview_id": str(iv.id), "composite": row.composite, "recommendation": row.recommendation})
    return row


def get_assessment(session: Session, actor: Actor, interview_id: uuid.UUID) -> Assessment:
    """The assessment of one interview of the actor's organization."""
    iv = iv_repo.get(session, actor.org_id, interview_id)
    if iv is None:
        raise InterviewNotFound("No such interview in your organization.")
    a = repo.assessment_for_interview(session, actor.org_id, iv.id)
    if a is None:
        raise NotFound("This interview has not been scored yet; scoring runs when its last answer is analysed.",
                       code="assessment_not_found")
    return a
