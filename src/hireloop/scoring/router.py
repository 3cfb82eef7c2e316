"""/api/v1: scoring model versions, assessments, ranking, overrides, decisions, scorecards and reports."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.api.deps import UoW, requires
from hireloop.dispatch import enqueue
from hireloop.errors import Conflict
from hireloop.interviews import service as interviews
from hireloop.reports import service as reports
from hireloop.review import service as review
from hireloop.scoring import models_registry, service
from hireloop.scoring.schemas import (
    ActivateIn,
    AssessmentOut,
    DecisionIn,
    DecisionOut,
    FeedbackSettingsIO,
    OverrideIn,
    RankedOut,
    ReportOut,
    ScorecardIn,
    ScorecardOut,
    ScoringModelIn,
    ScoringModelOut,
    ScoringModelUpdateIn,
)

router = APIRouter(tags=["scoring"])
Scores = Annotated[Actor, Depends(requires(Perm.SCORES_READ))]
Manager = Annotated[Actor, Depends(requires(Perm.SCORING_MODELS_MANAGE))]
Reviewer = Annotated[Actor, Depends(requires(Perm.REVIEWS_READ))]
Decider = Annotated[Actor, Depends(requires(Perm.REVIEWS_WRITE))]
Admin = Annotated[Actor, Depends(requires(Perm.USERS_MANAGE))]


@router.get("/jobs/{job_id}/scoring-models", response_model=list[ScoringModelOut])
def list_models(uow: UoW, actor: Scores, job_id: uuid.UUID) -> list[ScoringModelOut]:
    """Every version of the job's scoring model; a version that has scored anyone (first_used_at) never changes."""
    return [ScoringModelOut.model_validate(m) for m in models_registry.list_versions(uow.session, actor, job_id)]


@router.post("/jobs/{job_id}/scoring-models", response_model=ScoringModelOut, status_code=201)
def create_model(uow: UoW, actor: Manager, job_id: uuid.UUID, data: ScoringModelIn) -> ScoringModelOut:
    """A new draft version with these weights; activate it to score new interviews with it."""
    out = ScoringModelOut.model_validate(models_registry.create_version(uow.session, actor, job_id, weights=data.weights,
                                                                       notes=data.notes))
    uow.commit()
    return out


@router.put("/jobs/{job_id}/scoring-models", response_model=ScoringModelOut)
def update_model(uow: UoW, actor: Manager, job_id: uuid.UUID, data: ScoringModelUpdateIn) -> ScoringModelOut:
    """Change a version's weights; refused (409) once that version has scored anyone."""
    out = ScoringModelOut.model_validate(models_registry.update_version(uow.session, actor, job_id, data.version,
                                                                       weights=data.weights, notes=data.notes))
    uow.commit()
    return out


@router.post("/jobs/{job_id}/scoring-models/activate", response_model=ScoringModelOut)
def activate_model(uow: UoW, actor: Manager, job_id: uuid.UUID, data: ActivateIn) -> ScoringModelOut:
    out = ScoringModelOut.model_validate(models_registry.activate(uow.session, actor, job_id, data.version))
    uow.commit()
    return out


@router.get("/jobs/{job_id}/ranking", response_model=list[RankedOut])
def ranking(uow: UoW, actor: Scores, job_id: uuid.UUID,
            recommendation: Annotated[Literal["advance", "hold", "review"] | None, Query()] = None,
            min_score: Annotated[float | None, Query(ge=1, le=5)] = None,
            stage: Annotated[str | None, Query(max_length=16)] = None) -> list[RankedOut]:
    """Scored applications of a job, best first; equal scores share a rank (tied=true)."""
    names = actor.can(Perm.CANDIDATES_READ)
    rows = review.ranking(uow.session, actor, job_id, recommendation=recommendation, min_score=min_score, stage=stage)
    return [RankedOut(rank=r.rank, tied=r.tied, application_id=r.application.id, interview_id=r.assessment.interview_id,
                      candidate_name=r.candidate.full_name if names else None, stage=r.application.stage,
                      composite=r.assessment.composite, confidence=r.assessment.confidence,
                      recommendation=r.recommendation, system_recommendation=r.assessment.recommendation) for r in rows]


@router.get("/interviews/{interview_id}/assessment", response_model=AssessmentOut)
def get_assessment(uow: UoW, actor: Scores, interview_id: uuid.UUID) -> AssessmentOut:
    """The interview's scores; evidence quotes (the candidate's words) only with reviews:read."""
    out = AssessmentOut.model_validate(service.get_assessment(uow.session, actor, interview_id))
    if not actor.can(Perm.REVIEWS_READ):
        out.competencies = [{**c, "answers": [{k: v for k, v in a.items() if k != "evidence"} for a in c["answers"]]}
                            for c in out.competencies]
        out.override_reason = None
    return out


@router.post("/interviews/{interview_id}/assessment", status_code=202)
def rescore(uow: UoW, actor: Decider, interview_id: uuid.UUID) -> dict[str, str]:
    """Score the interview again with the job's active model (queued); its reports are rendered again."""
    iv = interviews.get(uow.session, actor, interview_id)
    if iv.status != "completed":
        raise Conflict("Only a completed interview can be scored.", code="interview_not_completed")
    from hireloop.compliance import safeguards

    safeguards.refuse_scoring_if_opted_out(uow.session, actor.org_id, iv.candidate_id)
    task = enqueue(uow.session, "scoring.score_interview", org_id=actor.org_id, interview_id=str(iv.id), rescore=True)
    uow.commit()
    return {"task_id": str(task.id)}


@router.post("/applications/{application_id}/override", response_model=AssessmentOut)
def override(uow: UoW, actor: Decider, application_id: uuid.UUID, data: OverrideIn) -> AssessmentOut:
    """Replace the system's recommendation with yours, with a reason (logged)."""
    out = AssessmentOut.model_validate(review.override(uow.session, actor, application_id,
                                                       recommendation=data.recommendation, reason=data.reason))
    uow.commit()
    return out


@router.post("/applications/{application_id}/decisions", response_model=DecisionOut, status_code=201)
def decide(uow: UoW, actor: Decider, application_id: uuid.UUID, data: DecisionIn) -> DecisionOut:
    """Advance, reject or hold, with a reason; advance and reject move the application's stage."""
    out = DecisionOut.model_validate(review.decide(uow.session, actor, application_id, decision=data.decision,
                                                   reason=data.reason, decided_by=data.decided_by))
    uow.commit()
    return out


@router.get("/applications/{application_id}/decisions", response_model=list[DecisionOut])
def list_decisions(uow: UoW, actor: Reviewer, application_id: uuid.UUID) -> list[DecisionOut]:
    return [DecisionOut.model_validate(d) for d in review.decisions(uow.session, actor, application_id)]


@router.get("/applications/{application_id}/scorecards", response_model=list[ScorecardOut])
def list_scorecards(uow: UoW, actor: Reviewer, application_id: uuid.UUID) -> list[ScorecardOut]:
    """Every reviewer's scorecard of the application."""
    return [ScorecardOut.model_validate(s) for s in review.scorecards(uow.session, actor, application_id)]


@router.put("/applications/{application_id}/scorecard", response_model=ScorecardOut)
def save_scorecard(uow: UoW, actor: Decider, application_id: uuid.UUID, data: ScorecardIn) -> ScorecardOut:
    """Your own scorecard of the application (saving again replaces it)."""
    out = ScorecardOut.model_validate(review.save_scorecard(uow.session, actor, application_id, ratings=data.ratings,
                                                            overall=data.overall, recommendation=data.recommendation,
                                                            notes=data.notes))
    uow.commit()
    return out


@router.get("/interviews/{interview_id}/reports", response_model=list[ReportOut])
def list_reports(uow: UoW, actor: Reviewer, interview_id: uuid.UUID) -> list[ReportOut]:
    out = [reports.get_report(uow.session, actor, interview_id, k) for k in ("hr", "candidate")]
    return [ReportOut.model_validate(r) for r in out if r is not None]


def _pdf(uow: UoW, actor: Actor, interview_id: uuid.UUID, kind: str) -> Response:
    report = reports.get_report(uow.session, actor, interview_id, kind)
    if report is None:
        raise reports.ReportNotReady("The report is not ready yet; it is generated when the interview is scored.")
    from hireloop.compliance import audit

    audit.record(uow.session, actor, "report.viewed", entity_type="interview", entity_id=interview_id,
                 details={"kind": kind, "format": "pdf"})
    uow.commit()
    return Response(reports.read(report, "pdf"), media_type="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="{kind}-report-{interview_id}.pdf"'})


@router.get("/interviews/{interview_id}/reports/hr.pdf", response_class=Response)
def hr_pdf(uow: UoW, actor: Reviewer, interview_id: uuid.UUID) -> Response:
    """The HR report as PDF."""
    return _pdf(uow, actor, interview_id, "hr")


@router.get("/interviews/{interview_id}/reports/candidate.pdf", response_class=Response)
def candidate_pdf(uow: UoW, actor: Reviewer, interview_id: uuid.UUID) -> Response:
    """The candidate feedback report as PDF."""
    return _pdf(uow, actor, interview_id, "candidate")


@router.post("/interviews/{interview_id}/reports/candidate/release", response_model=ReportOut)
def release(uow: UoW, actor: Decider, interview_id: uuid.UUID) -> ReportOut:
    """Release the feedback report to the candidate (their status page then links it)."""
    out = ReportOut.model_validate(reports.release_candidate_report(uow.session, actor, interview_id))
    uow.commit()
    return out


@router.get("/feedback-settings", response_model=FeedbackSettingsIO)
def get_feedback_settings(uow: UoW, actor: Admin) -> FeedbackSettingsIO:
    """Whether candidate feedback reports show raw scores (off unless the company chooses it)."""
    row = reports.feedback_settings(uow.session, actor)
    return FeedbackSettingsIO(show_scores_to_candidates=row.show_scores_to_candidates)


@router.put("/feedback-settings", response_model=FeedbackSettingsIO)
def put_feedback_settings(uow: UoW, actor: Admin, data: FeedbackSettingsIO) -> FeedbackSettingsIO:
    """Choose it for the organization; reports rendered from now on follow it."""
    row = reports.set_feedback_settings(uow.session, actor, show_scores_to_candidates=data.show_scores_to_candidates)
    out = FeedbackSettingsIO(show_scores_to_candidates=row.show_scores_to_candidates)
    uow.commit()
    return out
