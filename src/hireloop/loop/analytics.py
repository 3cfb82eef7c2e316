"""The loop's analyses on an organization's own rows: DB rows -> the frames hireloop.ml needs -> results.

Hires come from Employee rows (interview, competency and behaviour scores copied into attributes at the
hire), outcomes from monthly PerformanceReview rows and Exit rows. The six-month outcomes follow the ml
library's definitions: a hire is 'followed' once six working months could have been observed, an early
leaver left within them, and attainment_6m is the mean of the first six months of those who worked them.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.errors import NotFound, ValidationFailed
from hireloop.jobs import repository as jobs_repo
from hireloop.loop import repository as repo
from hireloop.ml.bias import BiasAudit, scoring_audit
from hireloop.ml.features import BEHAVIOUR_LABELS, attrition_snapshots
from hireloop.ml.leavers import LeaverComparison, ScreeningRule, compare_leavers, propose_rules
from hireloop.ml.models import AttritionRiskModel
from hireloop.ml.profile import PerformerProfile, high_performer_profile
from hireloop.ml.quality import HireQuality, hire_quality
from hireloop.ml.risk import RiskScore, at_risk, score_employees
from hireloop.ml.synth import COMPETENCIES
from hireloop.ml.validity import ValidityCoefficient, validity_table
from hireloop.ml.weights import WeightProposal, propose_weights
from hireloop.models import PerformanceReview

AGE_EDGES = (0, 25, 35, 45, 200)
AGE_LABELS = ("18-24", "25-34", "35-44", "45+")
FOLLOW_MONTHS = 6


@dataclass(frozen=True)
class LoopFrames:
    """The frames of one organization: one row per hire, one row per employee-month."""

    hires: pd.DataFrame
    monthly: pd.DataFrame
    origin: str | None  # YYYY-MM of month index 0
    as_of: int  # month index of the latest review


def _months(text: pd.Series) -> np.ndarray:
    """YYYY-MM... strings as whole months since year 0, NaN for other periods (e.g. 2024-Q1); vectorised."""
    parts = text.astype(str).str.extract(r"^(\d{4})-(\d{2})")
    year, month = pd.to_numeric(parts[0], errors="coerce"), pd.to_numeric(parts[1], errors="coerce")
    month = month.where((month >= 1) & (month <= 12))
    return (year * 12 + month - 1).to_numpy(dtype=float)


def age_band(age: float | None) -> str | None:
    """The audit's age band of an age (None when unknown)."""
    if age is None or not np.isfinite(age):
        return None
    i = int(np.searchsorted(AGE_EDGES, age, side="right")) - 1  # pd.cut per person cost 3 ms each
    return AGE_LABELS[min(max(i, 0), len(AGE_LABELS) - 1)]


def load_frames(session: Session, org_id: uuid.UUID) -> LoopFrames:
    """Hires joined with their six-month outcomes, and monthly performance, from the organization's rows."""
    pairs = repo.employees_with_exits(session, org_id)
    revs = session.execute(select(PerformanceReview.employee_id, PerformanceReview.period,
                                  PerformanceReview.attainment_pct, PerformanceReview.met_target)
                           .where(PerformanceReview.org_id == org_id, PerformanceReview.deleted_at.is_(None),
                                  PerformanceReview.attainment_pct.is_not(None))).all()
    monthly = pd.DataFrame(revs, columns=["eid", "period", "attainment_pct", "met_target"])
    # monthly outcomes only: reviews of other periods (quarters, years) do not give a month of attainment
    monthly = monthly[np.isfinite(_months(monthly["period"]))].reset_index(drop=True)
    starts = [e.hire_date for e, _ in pairs if e.hire_date is not None]
    if not pairs or (monthly.empty and not starts):
        return LoopFrames(pd.DataFrame(), pd.DataFrame(), None, 0)
    reviewed = _months(monthly["period"]).astype(int)
    absolute = [*reviewed.tolist(), *(d.year * 12 + d.month - 1 for d in starts)]
    base = min(absolute)
    origin = f"{base // 12:04d}-{base % 12 + 1:02d}"
    # outcomes are known up to the latest review (a hire dated after it has not worked a month yet)
    as_of = int(reviewed.max() if len(reviewed) else max(absolute)) - base
    rows: list[dict[str, Any]] = []
    for emp, ex in pairs:
        a = emp.attributes or {}
        start = emp.hire_date.year * 12 + emp.hire_date.month - 1 - base if emp.hire_date else None
        exit_m = (ex.exit_date.year * 12 + ex.exit_date.month - 1 - base) if ex is not None and ex.exit_date else None
        row: dict[str, Any] = {
            "eid": emp.id, "employee_id": emp.remote_id or str(emp.id), "job": str(a.get("job") or emp.job_title or "") or None,
            "job_title": emp.job_title, "sex": emp.sex, "age_band": age_band(emp.age), "start_month": start,
            "exited": ex is not None or emp.status == "exited",
            "exit_month": np.nan if exit_m is None else float(exit_m),
            "exit_type": ex.exit_type if ex else None, "exit_reason": ex.reason_category if ex else None,
            "interview_score": a.get("interview_score", (emp.interview_results or {}).get("interview_score")),
            "resume_match": a.get("resume_match"),
        }
        row |= {f"score_{c}": a.get(f"score_{c}") for c in COMPETENCIES}
        row |= {m: a.get(m) for m in BEHAVIOUR_LABELS}
        rows.append(row)
    hires = pd.DataFrame(rows)
    for col in ["interview_score", "resume_match", *[f"score_{c}" for c in COMPETENCIES], *BEHAVIOUR_LABELS]:
        hires[col] = pd.to_numeric(hires[col], errors="coerce")
    if not monthly.empty:
        monthly["month"] = reviewed - base
        monthly["attainment"] = monthly["attainment_pct"].astype(float) / 100
        monthly["met_target"] = monthly["met_target"].fillna(monthly["attainment"] >= 1.0).astype(bool)
        monthly = monthly.merge(hires[["eid", "employee_id", "job", "start_month"]], on="eid", how="inner")
        monthly["tenure_months"] = monthly["month"] - monthly["start_month"] + 1
        monthly["period"] = monthly["period"].astype(str)
    start = hires["start_month"].astype(float)
    followed = start + FOLLOW_MONTHS <= as_of + 1
    early = hires["exited"] & (hires["exit_month"] < start + FOLLOW_MONTHS)
    hires["followed_6m"] = followed
    hires["retained_6m"] = np.where(followed, (~early).astype(float), np.nan)
    hires["early_exit"] = np.where(followed, early.astype(float), np.nan)
    att6 = pd.Series(np.nan, index=hires.index)
    if not monthly.empty:
        first6 = monthly[(monthly["tenure_months"] >= 1) & (monthly["tenure_months"] <= FOLLOW_MONTHS)]
        mean6 = first6.groupby("eid")["attainment"].mean()
        att6 = hires["eid"].map(mean6)
    complete = followed & ~early
    hires["attainment_6m"] = np.where(complete, att6, np.nan)
    hires["met_target_6m"] = np.where(complete & att6.notna(), (att6 >= 1.0).astype(float), np.nan)
    return LoopFrames(hires, monthly, origin, as_of)


def _for_job(frames: LoopFrames, job: str | None) -> pd.DataFrame:
    h = frames.hires
    if h.empty:
        raise ValidationFailed("No hires with outcomes yet: import employees, reviews and exits first "
                               "(or load the demo history with `hireloop loop demo`).", code="too_little_data")
    if job:
        h = h[(h["job"] == job) | (h["job_title"] == job)]
        if h.empty:
            raise ValidationFailed(f"No hires for job {job!r}; pass one of the jobs listed by the loop pages.",
                                   code="unknown_job")
    return h


def jobs(frames: LoopFrames) -> list[str]:
    """The jobs with hires, for the ?job= filter."""
    return sorted(frames.hires["job"].dropna().astype(str).unique()) if not frames.hires.empty else []


def job_competencies(hires: pd.DataFrame) -> list[str]:
    """The competencies assessed for these hires (score columns with data for most of them)."""
    return [c for c in COMPETENCIES if hires[f"score_{c}"].notna().mean() > 0.5]


def quality(frames: LoopFrames, job: str | None = None) -> HireQuality:
    """Hire quality (outcomes by interview score band, with the zh/en sentence) of one job or all hires."""
    h = _for_job(frames, job)
    label = str(h["job_title"].iloc[0]) if job else None
    return hire_quality(h, job=job, job_label=label)


def validity(frames: LoopFrames, job: str | None = None) -> list[ValidityCoefficient]:
    """Validity of each competency score and behaviour measure against attainment and early exit."""
    h = _for_job(frames, job)
    preds = [f"score_{c}" for c in job_competencies(h)] + [m for m in BEHAVIOUR_LABELS if h[m].notna().any()]
    return validity_table(h, preds)


def weights(frames: LoopFrames, job: str) -> WeightProposal:
    """A proposal of new competency weights for one job."""
    h = _for_job(frames, job)
    return propose_weights(h, job_competencies(h), n_boot=200)


def profiles(frames: LoopFrames, job: str | None = None) -> list[PerformerProfile]:
    """What sets the top 20% of performers apart, for one job or for each job (competencies differ by job)."""
    h = _for_job(frames, job)
    out = []
    for key in ([job] if job else jobs(frames)):
        hj = h if job else h[h["job"] == key]
        try:
            out.append(high_performer_profile(hj, job_competencies(hj), job=key))
        except ValidationFailed:
            if job:
                raise
    if not out:
        raise ValidationFailed("No job has enough hires with six-month results for a high-performer profile "
                               "(30 or more).", code="too_little_data")
    return out


@dataclass(frozen=True)
class LeaverAnalysis:
    """Early leavers against stayers per measure, and screening rules with their effects before applying them."""

    job: str | None
    n_hires: int
    n_early_leavers: int
    comparisons: list[LeaverComparison]
    rules: list[ScreeningRule]
    n_applicants: int
    note: str | None


def leavers(frames: LoopFrames, applicants: pd.DataFrame, job: str | None = None, *,
            extra_groups: list[str] | tuple[str, ...] = ()) -> LeaverAnalysis:
    """Leaver comparisons for the job's competencies and behaviour measures, and proposed screening rules.

    Pass rates and impact ratios are computed among the job's interviewed applicants (all of them, hired or
    not), early-exit effects among past hires; impact ratios by sex, age band and the configured extra groups.
    """
    from hireloop.loop.applicants import for_job, interviewed
    from hireloop.loop.groups import audit_groups

    h = _for_job(frames, job)
    comps = [f"score_{c}" for c in job_competencies(h)]
    measures = [m for m in BEHAVIOUR_LABELS if h[m].notna().any()]
    comparisons = compare_leavers(h, [*comps, *measures])
    apps = interviewed(for_job(applicants, job, frames.hires)) if not applicants.empty else applicants
    rules = propose_rules(apps, h, measures, groups=audit_groups(apps, list(extra_groups))) if len(apps) else []
    followed = h[h["early_exit"].notna()]
    if applicants.empty:
        note: str | None = ("No applicants are recorded, so screening rules (pass rates, adverse impact) cannot be "
                            "estimated; copy applications with `hireloop loop sync-applicants`.")
    else:
        note = None if rules else ("No screening rule cuts early exits by more than chance while passing at least "
                                   "70% of applicants.")
    return LeaverAnalysis(job, len(followed), int(followed["early_exit"].sum()), comparisons, rules, len(apps), note)


def bias_audit(frames: LoopFrames, job: str | None = None) -> BiasAudit:
    """Scoring audit (share above the median interview score) of hires by sex, age band and both."""
    h = _for_job(frames, job)
    return scoring_audit(h, score="interview_score", groups=("sex", "age_band"))


def risk_list(frames: LoopFrames, job: str | None = None, *, band: str = "high",
              limit: int | None = 50) -> list[RiskScore]:
    """Current employees at risk of leaving within 3 months, from a model fitted on the organization's history."""
    h = _for_job(frames, job)
    m = frames.monthly
    if m.empty:
        raise ValidationFailed("No monthly performance data: import performance reviews first.",
                               code="too_little_data")
    snaps = attrition_snapshots(frames.hires, m)
    if snaps.empty or snaps["left"].nunique() < 2:
        raise ValidationFailed("Too little history of exits to learn attrition risk.", code="too_little_data")
    model = AttritionRiskModel().fit(snaps, snaps["left"].to_numpy())
    scores = score_employees(model, frames.hires, m)
    keep = set(h["employee_id"])
    return at_risk([s for s in scores if s.employee_id in keep], band=band, limit=limit)


def to_jsonable(obj: Any) -> Any:
    """Dataclass results as JSON-safe values (NaN and inf become None)."""
    if hasattr(obj, "__dataclass_fields__"):
        obj = asdict(obj)
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, np.generic):
        obj = obj.item()
    if isinstance(obj, float) and not np.isfinite(obj):
        return None
    return obj


def accept_weights(session: Session, actor: Any, job_id: uuid.UUID, loop_job: str, *,
                   activate: bool = False, notes: str = "") -> tuple[Any, WeightProposal]:
    """Recompute the weight proposal for loop_job's hires and store it as a new ScoringModel version of job_id.

    The proposal is recomputed here, never taken from the caller, so a version always says what data it came
    from. Only competencies the job assesses are written; the other weight groups keep the active version's.
    """
    from hireloop.scoring import models_registry as registry

    proposal = weights(load_frames(session, actor.org_id), loop_job)
    job = jobs_repo.get(session, actor.org_id, job_id)
    if job is None:
        raise NotFound("No such job in your organization.", code="job_not_found")
    current = registry.ensure_active(session, actor, job)
    keys = {c.key for c in job.competencies}
    comps = {w.competency: round(w.proposed, 4) for w in proposal.weights if w.competency in keys}
    if not comps:
        raise ValidationFailed(f"None of the proposed competencies ({', '.join(w.competency for w in proposal.weights)})"
                               " is in this job's competency model; pick the job these hires were hired for.",
                               code="no_matching_competencies")
    new = {**(current.weights or {}), "competencies": {**dict.fromkeys(keys, 0.0), **comps}}
    gain = proposal.gain
    model = registry.create_version(session, actor, job.id, weights=new, notes=notes or (
        f"proposed from {proposal.n} hires of {loop_job}: validity {proposal.validity_current:.2f} -> "
        f"{proposal.validity_proposed:.2f} (gain 95% CI {gain.low:+.2f} to {gain.high:+.2f})"))
    if activate:
        model = registry.activate(session, actor, job.id, model.version)
    from hireloop.loop import decisions

    decisions.record(session, actor, loop_job=loop_job, decision="accepted", proposal=to_jsonable(proposal),
                     reason=notes, job_id=job.id, version=model.version)
    return model, proposal
