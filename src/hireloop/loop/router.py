"""/api/v1/loop: hire quality, validity, weight proposals, bias audit and the at-risk list, as JSON (and CSV)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.api.deps import UoW, requires
from hireloop.errors import ValidationFailed
from hireloop.loop import analytics as an

router = APIRouter(prefix="/loop", tags=["loop"])
Reader = Annotated[Actor, Depends(requires(Perm.EMPLOYEES_READ))]
Manager = Annotated[Actor, Depends(requires(Perm.SCORING_MODELS_MANAGE))]
Job = Annotated[str | None, Query(description="job key or title; all hires when omitted")]


@router.get("/hire-quality")
def hire_quality(uow: UoW, actor: Reader, job: Job = None) -> dict[str, Any]:
    """Outcomes (met target, attainment, 6-month retention) by interview score band, with the zh/en sentence."""
    frames = an.load_frames(uow.session, actor.org_id)
    return an.to_jsonable(an.quality(frames, job)) | {"jobs": an.jobs(frames)}


@router.get("/validity")
def validity(uow: UoW, actor: Reader, job: Job = None) -> dict[str, Any]:
    """Correlation of each competency score and behaviour measure with attainment and early exit, with 95% CIs."""
    frames = an.load_frames(uow.session, actor.org_id)
    out: dict[str, Any] = {"job": job, "coefficients": an.to_jsonable(an.validity(frames, job))}
    if job:  # a weight proposal needs more hires than the correlations: thin data gives a note, not an error
        try:
            out["weights"] = an.to_jsonable(an.weights(frames, job))
        except ValidationFailed as exc:
            out["weights"], out["weights_note"] = None, exc.message
    return out


@router.get("/bias-audit", response_model=None)
def bias_audit(uow: UoW, actor: Reader, job: Job = None,
               format: Literal["json", "csv"] = "json") -> dict[str, Any] | Response:  # noqa: A002
    """Scoring rates and impact ratios of interview scores by sex, age band and both, with the four-fifths flag."""
    audit = an.bias_audit(an.load_frames(uow.session, actor.org_id), job)
    if format == "csv":
        return Response(audit.to_csv(), media_type="text/csv",
                        headers={"Content-Disposition": 'attachment; filename="bias-audit.csv"'})
    return {"job": job, "kind": audit.kind, "outcome": audit.outcome, "n": audit.n,
            "threshold": audit.threshold, "median_score": audit.median_score, "notes": list(audit.notes),
            "flagged": len(audit.flagged), "rows": an.to_jsonable(audit.to_records())}


@router.get("/at-risk")
def at_risk(uow: UoW, actor: Reader, job: Job = None,
            band: Literal["high", "medium", "low"] = "high",
            limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
    """Current employees most likely to leave within 3 months, with the top factors behind each score."""
    scores = an.risk_list(an.load_frames(uow.session, actor.org_id), job, band=band, limit=limit)
    return {"job": job, "band": band, "items": an.to_jsonable(scores)}


class AcceptWeights(BaseModel):
    """Accept the weight proposal of a job's hires as a new scoring model version."""

    job_id: uuid.UUID = Field(description="the HireLoop job whose scoring model gets the new version")
    loop_job: str = Field(min_length=1, max_length=200, description="the job key or title of the hires analysed")
    activate: bool = Field(default=False, description="also make the new version the active one")
    notes: str = Field(default="", max_length=2000)


@router.post("/weights/accept", status_code=201)
def accept_weights(uow: UoW, actor: Manager, body: AcceptWeights) -> dict[str, Any]:
    """Create a new ScoringModel version from the (recomputed) weight proposal; rejecting needs no call."""
    model, proposal = an.accept_weights(uow.session, actor, body.job_id, body.loop_job, activate=body.activate,
                                        notes=body.notes)
    out = {"version": model.version, "status": model.status, "weights": model.weights, "notes": model.notes,
           "proposal": an.to_jsonable(proposal)}
    uow.commit()
    return out
