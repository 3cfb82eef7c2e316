"""Every loop analysis of one job in one call, for the console and the API; thin data yields notes, not errors."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import pandas as pd

from hireloop.errors import ValidationFailed
from hireloop.ml.bias import BiasAudit, scoring_audit, selection_audit
from hireloop.ml.features import BEHAVIOUR_LABELS
from hireloop.ml.leavers import LeaverComparison, ScreeningRule, compare_leavers, propose_rules
from hireloop.ml.profile import PerformerProfile, high_performer_profile
from hireloop.ml.quality import HireQuality, hire_quality
from hireloop.ml.validity import IncrementalValidity, ValidityCoefficient, incremental_validity, validity_table
from hireloop.ml.weights import WeightProposal, propose_weights

T = TypeVar("T")


@dataclass(frozen=True)
class JobLoopReport:
    """The loop analyses of one job; a section is None when its data is too thin (see notes)."""

    job: str
    n_applicants: int
    n_hires: int
    quality: HireQuality | None
    validity: tuple[ValidityCoefficient, ...]
    incremental: tuple[IncrementalValidity, ...]
    weights: WeightProposal | None
    profile: PerformerProfile | None
    leavers: tuple[LeaverComparison, ...]
    rules: tuple[ScreeningRule, ...]
    selection_audit: BiasAudit | None
    scoring_audit: BiasAudit | None
    notes: tuple[str, ...]


def analyse_job(applicants: pd.DataFrame, hires: pd.DataFrame, *, job: str, competencies: Sequence[str],
                current_weights: Mapping[str, float] | None = None, job_label: str | None = None,
                job_label_zh: str | None = None, group_columns: Sequence[str] = ("sex", "age_band"),
                measures: Sequence[str] = tuple(BEHAVIOUR_LABELS), n_boot: int = 200, seed: int = 0) -> JobLoopReport:
    """Hire quality, validity, incremental validity, weights, profile, leavers, rules and bias audit of a job."""
    apps = applicants[applicants["job"] == job] if "job" in applicants.columns else applicants
    h = hires[hires["job"] == job] if "job" in hires.columns else hires
    notes: list[str] = []

    def attempt(name: str, fn: Callable[[], T]) -> T | None:
        try:
            return fn()
        except ValidationFailed as exc:  # thin or missing data: say so and go on with the other sections
            notes.append(f"{name}: {exc.message}")
            return None

    comps = [c.removeprefix("score_") for c in competencies]
    predictors = [f"score_{c}" for c in comps] + [m for m in measures if m in h.columns]
    outcomes = [o for o in ("attainment_6m", "early_exit") if o in h.columns]
    inc: list[IncrementalValidity] = []
    for out in outcomes:
        r = attempt(f"incremental validity ({out})", lambda out=out: incremental_validity(
            h, outcome=out, added=predictors, n_boot=n_boot, seed=seed))
        if r is not None:
            inc.append(r)
    groups = [g for g in group_columns if g in apps.columns]
    if not groups:
        notes.append("bias audit: no group data for this job (group data is optional).")
    decided = "hired" if "hired" in apps.columns else None
    kw: dict[str, Any] = {"groups": groups}
    return JobLoopReport(
        job=job, n_applicants=len(apps), n_hires=len(h),
        quality=attempt("hire quality", lambda: hire_quality(h, job=job, job_label=job_label,
                                                             job_label_zh=job_label_zh)),
        validity=tuple(attempt("validity", lambda: validity_table(h, predictors, outcomes)) or ()),
        incremental=tuple(inc),
        weights=attempt("weights", lambda: propose_weights(h, comps, current=current_weights, n_boot=n_boot,
                                                           seed=seed)),
        profile=attempt("profile", lambda: high_performer_profile(h, comps, job=job)),
        leavers=tuple(attempt("leavers", lambda: compare_leavers(h, [m for m in measures if m in h.columns]))
                      or ()),
        rules=tuple(attempt("screening rules", lambda: propose_rules(apps, h, measures, groups=groups,
                                                                     n_boot=n_boot, seed=seed)) or ()),
        selection_audit=attempt("selection audit", lambda: selection_audit(apps, selected=decided, **kw))
        if groups and decided else None,
        scoring_audit=attempt("scoring audit", lambda: scoring_audit(apps, score="interview_score", **kw))
        if groups and "interview_score" in apps.columns else None,
        notes=tuple(notes),
    )
