"""/api/v1/loop: hire quality, validity, weight proposals and decisions, high-performer profiles, leavers and
screening rules, the funnel, bias audits, models and predictions, and the at-risk list, as JSON (and CSV)."""

from __future__ import annotations

import csv
import io
import json
import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.api.deps import UoW, requires
from hireloop.compliance import audit
from hireloop.errors import ValidationFailed
from hireloop.loop import analytics as an
from hireloop.ml.report import safe_rows
from hireloop.loop import applicants as ap
from hireloop.loop import decisions, groups
from hireloop.loop import service as svc
from hireloop.loop.groups import MAX_GROUPS

router = APIRouter(prefix="/loop", tags=["loop"])
Reader = Annotated[Actor, Depends(requires(Perm.EMPLOYEES_READ))]
Manager = Annotated[Actor, Depends(requires(Perm.SCORING_MODELS_MANAGE))]
Importer = Annotated[Actor, Depends(requires(Perm.IMPORTS_RUN))]
Job = Annotated[str | None, Query(description="job key or title; all hires when omitted")]
Format = Literal["json", "csv"]


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


def _flat(rec: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """One CSV row: nested objects become dotted columns, lists become JSON text."""
    out: dict[str, Any] = {}
    for k, v in rec.items():
        if isinstance(v, dict):
            out |= _flat(v, f"{prefix}{k}.")
        elif isinstance(v, list | tuple):
            out[f"{prefix}{k}"] = json.dumps(v, ensure_ascii=False, default=str)
        else:
            out[f"{prefix}{k}"] = v
    return out


def csv_response(records: list[dict[str, Any]], name: str) -> Response:
    """Records as a CSV download (UTF-8 with BOM so spreadsheet programs read Chinese labels)."""
    rows = [_flat(r) for r in records]
    cols = list(dict.fromkeys(k for r in rows for k in r)) or ["empty"]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=cols)
    writer.writeheader()
    writer.writerows(safe_rows(rows))
    return Response("\ufeff" + buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


def audit_body(audit: Any, job: str | None, population: str) -> dict[str, Any]:
    """The JSON of a bias audit (selection or scoring)."""
    return {"job": job, "kind": audit.kind, "outcome": audit.outcome, "population": population, "n": audit.n,
            "threshold": audit.threshold, "min_share": audit.min_share, "median_score": audit.median_score,
            "notes": list(audit.notes), "flagged": len(audit.flagged),
            "unknown": an.to_jsonable(list(audit.unknown)), "rows": an.to_jsonable(audit.to_records())}


def run_audit(session: Any, org_id: uuid.UUID, kind: str, job: str | None) -> tuple[Any, str]:
    """Selection audit of applicants, or scoring audit of interview scores (applicants when recorded, else hires)."""
    return ap.run_audit(session, org_id, kind, job)


@router.get("/bias-audit", response_model=None)
def bias_audit(uow: UoW, actor: Reader, job: Job = None, kind: Literal["scoring", "selection"] = "scoring",
               format: Format = "json") -> dict[str, Any] | Response:  # noqa: A002
    """Selection rates (hired among applicants) or scoring rates (above the median interview score) and impact
    ratios by sex, age band, the configured extra groups and every pair of them, with unknown counts, small
    groups and the four-fifths flag."""
    audit, population = run_audit(uow.session, actor.org_id, kind, job)
    if format == "csv":
        return Response(audit.to_csv(), media_type="text/csv",
                        headers={"Content-Disposition": f'attachment; filename="bias-audit-{kind}.csv"'})
    return audit_body(audit, job, population) | {"configured_groups": groups.configured(uow.session, actor.org_id)}


@router.get("/profile", response_model=None)
def profile(uow: UoW, actor: Reader, job: Job = None, format: Format = "json") -> dict[str, Any] | Response:  # noqa: A002
    """What sets the top 20% of performers apart (share scoring high per competency) and the suggested changes
    to the requirements and the interview; one profile per job when no job is given."""
    profiles = an.to_jsonable(an.profiles(an.load_frames(uow.session, actor.org_id), job))
    if format == "csv":
        return csv_response([{"job": p["job"], **t} for p in profiles for t in p["traits"]], "profile")
    return {"job": job, "profiles": profiles}


@router.get("/leavers", response_model=None)
def leavers(uow: UoW, actor: Reader, job: Job = None, format: Format = "json",
            table: Literal["comparisons", "rules"] = "comparisons") -> dict[str, Any] | Response:  # noqa: A002
    """Early leavers (all, and by reason) against stayers per measure, and proposed screening rules with their
    estimated effect on early exits, the pass rate and adverse impact, before anyone applies them."""
    frames = an.load_frames(uow.session, actor.org_id)
    result = an.to_jsonable(an.leavers(frames, ap.load_applicants(uow.session, actor.org_id), job,
                                       extra_groups=groups.configured(uow.session, actor.org_id)))
    if format == "csv":
        return csv_response(result[table], f"leavers-{table}")
    return result


@router.get("/funnel", response_model=None)
def funnel(uow: UoW, actor: Reader, job: Job = None, format: Format = "json") -> dict[str, Any] | Response:  # noqa: A002
    """Applied -> screened -> interviewed -> offered -> hired counts, and the interview score distribution."""
    hires = an.load_frames(uow.session, actor.org_id).hires if job else None  # only to resolve a job title
    apps = ap.for_job(ap.load_applicants(uow.session, actor.org_id), job, hires)
    steps = an.to_jsonable(ap.funnel(apps))
    if format == "csv":
        return csv_response(steps, "funnel")
    return {"job": job, "n_applicants": len(apps), "funnel": steps,
            "score_histogram": an.to_jsonable(ap.score_histogram(apps))}


@router.get("/at-risk", response_model=None)
def at_risk(uow: UoW, actor: Reader, job: Job = None,
            band: Literal["high", "medium", "low"] = "high",
            limit: Annotated[int, Query(ge=1, le=500)] = 50, format: Format = "json") -> dict[str, Any] | Response:  # noqa: A002
    """Current employees most likely to leave within 3 months, with the top factors behind each score: the
    stored scores of the latest refresh (model version, computed_at), or computed now when none is stored."""
    out = svc.stored_risk(uow.session, actor.org_id, job=job, band=band, limit=limit)
    if out is None:
        scores = an.risk_list(an.load_frames(uow.session, actor.org_id), job, band=band, limit=limit)
        out = {"source": "computed", "computed_at": None, "model": None, "items": an.to_jsonable(scores)}
    out = {"job": job, "band": band, **out}
    if format == "csv":
        return csv_response(out["items"], "at-risk")
    return out


@router.get("/models")
def models(actor: Reader) -> dict[str, Any]:
    """The organization's saved models: every version with its model card (data, validation, metrics)."""
    return {"models": svc.model_cards(actor.org_id)}


def _train_route(kind: str) -> Any:
    def train_model(uow: UoW, actor: Manager) -> dict[str, Any]:
        summary = svc.train_and_audit(uow.session, actor, kind)
        uow.commit()
        return an.to_jsonable(summary)

    train_model.__doc__ = (f"Train, validate (time split) and save a new version of the {kind} model with its "
                           "model card" + ("; also refreshes the stored risk scores." if kind == "attrition" else "."))
    return train_model


# One fixed path per kind (not a {kind} parameter): a path parameter here would name no record.
for _kind in ("attrition", "performance"):
    router.add_api_route(f"/models/{_kind}/train", _train_route(_kind), methods=["POST"], status_code=201,
                         name=f"train_{_kind}_model")


@router.get("/predictions", response_model=None)
def predictions(uow: UoW, actor: Reader, job: Job = None, limit: Annotated[int, Query(ge=1, le=200)] = 20,
                format: Format = "json") -> dict[str, Any] | Response:  # noqa: A002
    """Predicted 6-month attainment and chance of meeting target for the latest interviewed applicants not
    hired, with each person's top factors, from the saved performance model."""
    out = svc.predictions(uow.session, actor.org_id, job=job, limit=limit)
    if format == "csv":
        return csv_response(out["items"], "predictions")
    return out


class AcceptWeights(BaseModel):
    """Accept the weight proposal of a job's hires as a new scoring model version."""

    job_id: uuid.UUID = Field(description="the HireLoop job whose scoring model gets the new version")
    loop_job: str = Field(min_length=1, max_length=200, description="the job key or title of the hires analysed")
    activate: bool = Field(default=False, description="also make the new version the active one")
    notes: str = Field(default="", max_length=2000)


@router.post("/weights/accept", status_code=201)
def accept_weights(uow: UoW, actor: Manager, body: AcceptWeights) -> dict[str, Any]:
    """Create a new ScoringModel version from the (recomputed) weight proposal; the decision is recorded."""
    model, proposal = an.accept_weights(uow.session, actor, body.job_id, body.loop_job, activate=body.activate,
                                        notes=body.notes)
    out = {"version": model.version, "status": model.status, "weights": model.weights, "notes": model.notes,
           "proposal": an.to_jsonable(proposal)}
    uow.commit()
    return out


class RejectWeights(BaseModel):
    """Reject the weight proposal of a job's hires, saying why."""

    loop_job: str = Field(min_length=1, max_length=200, description="the job key or title of the hires analysed")
    reason: str = Field(min_length=1, max_length=2000, description="why the proposal is not taken")
    job_id: uuid.UUID | None = Field(default=None, description="the HireLoop job the proposal was for, if any")


@router.post("/weights/reject", status_code=201)
def reject_weights(uow: UoW, actor: Manager, body: RejectWeights) -> dict[str, Any]:
    """Record that the (recomputed) weight proposal was rejected: who, when, why and the proposal itself."""
    row = decisions.reject(uow.session, actor, body.loop_job, reason=body.reason, job_id=body.job_id)
    out = decisions.as_dict(row)
    uow.commit()
    return out


@router.get("/weights/decisions", response_model=None)
def weight_decisions(uow: UoW, actor: Reader, job: Job = None,
                     format: Format = "json") -> dict[str, Any] | Response:  # noqa: A002
    """Accepted and rejected weight proposals, newest first."""
    items = decisions.listing(uow.session, actor.org_id, job)
    if format == "csv":
        return csv_response([{k: v for k, v in i.items() if k != "proposal"} for i in items], "weight-decisions")
    return {"job": job, "items": items}


class AuditGroups(BaseModel):
    """The extra groups (besides sex and age band) the bias audits cover, e.g. ["hukou"]."""

    groups: list[str] = Field(default_factory=list, max_length=MAX_GROUPS,
                              description="group names as recorded in the applicants' group data")


@router.get("/audit-groups")
def audit_groups(uow: UoW, actor: Reader) -> dict[str, Any]:
    """The extra groups configured for the audits, and those found in the applicants' group data (with counts)."""
    apps = ap.load_applicants(uow.session, actor.org_id)
    return {"base": list(groups.BASE_GROUPS), "configured": groups.configured(uow.session, actor.org_id),
            "available": groups.available(apps)}


@router.put("/audit-groups")
def set_audit_groups(uow: UoW, actor: Manager, body: AuditGroups) -> dict[str, Any]:
    """Choose the extra groups the bias audits cover (replaces the list); recorded in the audit log."""
    chosen = groups.configure(uow.session, actor, body.groups)
    uow.commit()
    return {"base": list(groups.BASE_GROUPS), "configured": chosen}


class GroupDataItem(BaseModel):
    """One applicant's voluntarily given group data; omitted fields are kept, null removes a value."""

    applicant: str = Field(min_length=1, max_length=120, description="the applicant's loop id, e.g. app-<application id>")
    sex: str | None = Field(default=None, max_length=16)
    age_band: str | None = Field(default=None, max_length=16)
    groups: dict[str, Annotated[str, Field(max_length=64)] | None] = Field(default_factory=dict, max_length=MAX_GROUPS * 2,
                                          description='extra groups, e.g. {"hukou": "non_local"}')


class GroupDataBatch(BaseModel):
    """Group data of up to 1000 recorded applicants."""

    items: list[GroupDataItem] = Field(min_length=1, max_length=1000)


@router.post("/group-data")
def store_group_data(uow: UoW, actor: Importer, body: GroupDataBatch) -> dict[str, Any]:
    """Record applicants' group data (sex, age band, extra groups such as hukou) apart from their profile, for
    the bias audit only; never a model feature. Applicants not recorded in the loop are listed as not_found."""
    items = [i.model_dump(exclude_unset=True) for i in body.items]
    out = groups.store_group_data(uow.session, actor.org_id, items)
    audit.record(uow.session, actor, "loop.group_data_stored", entity_type="organization", entity_id=actor.org_id,
                 details={"created": out["created"], "updated": out["updated"]})  # counts only, no group values
    uow.commit()
    return out
