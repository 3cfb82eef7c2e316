"""Applicants (hired or not) as the loop analyses them: the funnel, the score distribution and the selection audit.

Rates among everyone who applied (pass rates, selection rates, adverse impact) need the people who were not
hired too; they come from LoopApplicant rows. Group data joins in only here, for the audit and impact ratios.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy.orm import Session

from hireloop.errors import ValidationFailed
from hireloop.loop import repository as repo
from hireloop.ml.bias import BiasAudit, selection_audit
from hireloop.ml.features import BEHAVIOUR_LABELS
from hireloop.ml.synth import COMPETENCIES

STAGES = ("applied", "screened", "interviewed", "offered", "hired")
MEASURES = (*(f"score_{c}" for c in COMPETENCIES), *BEHAVIOUR_LABELS)
BASE_COLUMNS = ("applicant_id", "job", "applied_period", "stage", "hired", "interview_score", "resume_match")


@dataclass(frozen=True)
class FunnelStep:
    """How many applicants reached a stage (or went further), and the share of the step before."""

    stage: str
    n: int
    share_of_previous: float | None
    share_of_applied: float | None


@dataclass(frozen=True)
class HistogramBin:
    """Interview scores in [low, high): everyone interviewed, and those hired."""

    low: float
    high: float
    n: int
    n_hired: int


def load_applicants(session: Session, org_id: uuid.UUID) -> pd.DataFrame:
    """One row per recorded applicant: stage, hired, scores and measures, and group data (sex, age band and
    one column per extra group recorded, e.g. hukou; None where not given)."""
    from hireloop.loop.groups import is_valid_name

    raw = repo.applicants(session, org_id)
    df = pd.DataFrame([r[:7] for r in raw], columns=list(BASE_COLUMNS))
    measures = pd.DataFrame([r.measures or {} for r in raw], columns=list(MEASURES))
    groups = pd.DataFrame([(r.sex, r.age_band) for r in raw], columns=["sex", "age_band"])
    extra = pd.DataFrame([r.extra or {} for r in raw], index=df.index)
    taken = {*BASE_COLUMNS, *MEASURES, "sex", "age_band"}  # a stored name that clashes is left out, never doubled
    extra = extra[[c for c in extra.columns if is_valid_name(str(c)) and c not in taken]]
    df = pd.concat([df, measures, groups, extra.astype(object).where(extra.notna(), None)], axis=1)
    for c in ["interview_score", "resume_match", *MEASURES]:
        df[c] = pd.to_numeric(df[c], errors="coerce").astype(float)
    df["hired"] = df["hired"].astype(bool)
    return df


def for_job(apps: pd.DataFrame, job: str | None, hires: pd.DataFrame | None = None) -> pd.DataFrame:
    """The applicants of one job (key, or a title the hires carry); all of them when job is None."""
    if apps.empty:
        raise ValidationFailed("No applicants are recorded: the pass rates, funnel and selection audit need every "
                               "applicant, hired or not (load the demo history with `hireloop loop demo`).",
                               code="no_applicants")
    if not job:
        return apps
    keys = {job}
    if hires is not None and not hires.empty:
        keys |= set(hires.loc[hires["job_title"] == job, "job"].dropna().astype(str))
    out = apps[apps["job"].isin(keys)]
    if out.empty:
        raise ValidationFailed(f"No applicants for job {job!r}; pass one of the jobs listed by the loop pages.",
                               code="unknown_job")
    return out


def interviewed(apps: pd.DataFrame) -> pd.DataFrame:
    """Applicants who were interviewed (reached the interview stage or further)."""
    return apps[apps["stage"].isin(STAGES[2:])]


def funnel(apps: pd.DataFrame) -> list[FunnelStep]:
    """Applied -> screened -> interviewed -> offered -> hired: how many reached each stage or went further."""
    rank = apps["stage"].map({s: i for i, s in enumerate(STAGES)}).fillna(0).to_numpy(int)
    counts = [int((rank >= i).sum()) for i in range(len(STAGES))]
    return [FunnelStep(s, n, None if i == 0 or not counts[i - 1] else n / counts[i - 1],
                       n / counts[0] if counts[0] else None) for i, (s, n) in enumerate(zip(STAGES, counts))]


def score_histogram(apps: pd.DataFrame, width: float = 10.0) -> list[HistogramBin]:
    """Counts of interview scores (0-100) in bins of `width`, with the hired among them."""
    scored = apps[apps["interview_score"].notna()]
    edges = np.arange(0.0, 100.0 + width, width)
    idx = np.clip(np.digitize(scored["interview_score"].to_numpy(float), edges) - 1, 0, len(edges) - 2)
    n = np.bincount(idx, minlength=len(edges) - 1)
    hired = np.bincount(idx, weights=scored["hired"].to_numpy(float), minlength=len(edges) - 1)
    return [HistogramBin(float(edges[i]), float(edges[i + 1]), int(n[i]), int(hired[i])) for i in range(len(n))]


def selection(apps: pd.DataFrame, extra_groups: Sequence[str] = ()) -> BiasAudit:
    """Selection rates (hired among all applicants) and impact ratios by sex, age band, the configured extra
    groups, and every pair of them."""
    from hireloop.loop.groups import audit_groups

    return selection_audit(apps, selected="hired", groups=audit_groups(apps, list(extra_groups)), intersections=True)


def scoring(apps: pd.DataFrame, extra_groups: Sequence[str] = ()) -> BiasAudit:
    """Scoring rates (share above the median interview score) of everyone interviewed, by sex, age band, the
    configured extra groups, and every pair of them."""
    from hireloop.loop.groups import audit_groups
    from hireloop.ml.bias import scoring_audit

    return scoring_audit(interviewed(apps), score="interview_score", groups=audit_groups(apps, list(extra_groups)),
                         intersections=True)


def run_audit(session: Session, org_id: uuid.UUID, kind: str, job: str | None) -> tuple[BiasAudit, str]:
    """Selection audit of applicants, or scoring audit of interview scores (interviewed applicants when recorded,
    else hires), by sex, age band and the organization's configured extra groups; and the population audited."""
    from hireloop.loop import analytics as an
    from hireloop.loop.groups import configured

    apps = load_applicants(session, org_id)
    has_scores = not apps.empty and interviewed(apps)["interview_score"].notna().any()
    if kind == "scoring" and not has_scores:
        return an.bias_audit(an.load_frames(session, org_id), job), "hires"
    hires = an.load_frames(session, org_id).hires if job else None  # only to resolve a job title to its key
    extra = configured(session, org_id)
    if kind == "selection":
        return selection(for_job(apps, job, hires), extra), "applicants"
    return scoring(for_job(apps, job, hires), extra), "interviewed applicants"
