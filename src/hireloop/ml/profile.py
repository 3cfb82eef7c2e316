"""High-performer profile: what sets the top performers of a job apart, as proposed requirement changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from hireloop.errors import ValidationFailed
from hireloop.ml._stats import Interval, wilson
from hireloop.ml.features import label


@dataclass(frozen=True)
class ProfileTrait:
    """Share of top performers and of the others with a high score on one competency."""

    competency: str
    label_zh: str
    label_en: str
    share_top: Interval
    share_rest: Interval
    difference: float  # percentage points / 100
    lift: float  # share_top / share_rest


@dataclass(frozen=True)
class ProfileSuggestion:
    """A proposed change to the job requirements or the interview, for the analyst to accept or reject."""

    kind: str  # requirement | interview
    competency: str
    text_zh: str
    text_en: str


@dataclass(frozen=True)
class PerformerProfile:
    """The traits of a job's top performers against everyone else."""

    job: str | None
    outcome: str
    n: int
    n_top: int
    high_score: float
    traits: tuple[ProfileTrait, ...]  # sorted by difference, largest first
    suggestions: tuple[ProfileSuggestion, ...]
    summary_zh: str
    summary_en: str


def high_performer_profile(hires: pd.DataFrame, competencies: Sequence[str], *, outcome: str = "attainment_6m",
                           job: str | None = None, top_share: float = 0.2, high_score: float = 4.0,
                           min_difference: float = 0.15, level: float = 0.95, min_n: int = 30) -> PerformerProfile:
    """Compare the top share of performers with the rest on 'scored high' (>= high_score) per competency."""
    comps = [c.removeprefix("score_") for c in competencies]
    cols = [f"score_{c}" for c in comps]
    missing = [c for c in [*cols, outcome] if c not in hires.columns]
    if missing:
        raise ValidationFailed(f"Columns {missing} are missing; pass one job's hires joined with outcomes.")
    df = hires[hires[outcome].notna()]
    if len(df) < min_n:
        raise ValidationFailed(f"Only {len(df)} hires with {outcome}; a profile needs at least {min_n}.")
    top = df[outcome].rank(method="first", pct=True) > 1 - top_share
    traits = []
    for comp, col in zip(comps, cols):
        high = (df[col] >= high_score).to_numpy()
        known = df[col].notna().to_numpy()
        t = wilson(int((high & top.to_numpy() & known).sum()), int((top.to_numpy() & known).sum()), level)
        r = wilson(int((high & ~top.to_numpy() & known).sum()), int((~top.to_numpy() & known).sum()), level)
        lift = t.estimate / r.estimate if r.estimate > 0 else float("inf")
        traits.append(ProfileTrait(comp, label(comp, "zh"), label(comp, "en"), t, r, t.estimate - r.estimate, lift))
    traits.sort(key=lambda x: -x.difference)
    suggestions = []
    for tr in traits:
        if tr.difference < min_difference or not np.isfinite(tr.share_top.estimate):
            continue
        top_pct, rest_pct = round(100 * tr.share_top.estimate), round(100 * tr.share_rest.estimate)
        # only a difference whose interval clears zero is worth a requirement change
        clear = tr.share_top.low > tr.share_rest.high
        if clear:
            suggestions.append(ProfileSuggestion(
                "requirement", tr.competency,
                f"将“{tr.label_zh}”设为该岗位的核心要求(高绩效者中{top_pct}%得分≥{high_score:g},其他员工为{rest_pct}%)。",
                f"Make {tr.label_en} a core requirement ({top_pct}% of top performers score >= {high_score:g}, "
                f"vs {rest_pct}% of the others).",
            ))
        suggestions.append(ProfileSuggestion(
            "interview", tr.competency,
            f"在面试中为“{tr.label_zh}”增加一道行为面试题,并提高其权重。",
            f"Add a behavioural question on {tr.label_en} to the interview and raise its weight.",
        ))
    head = [t for t in traits if np.isfinite(t.share_top.estimate)][:3]
    summary_zh = "高绩效者(前{:.0%})的共同特征:".format(top_share) + "、".join(
        f"{t.label_zh} {round(100 * t.share_top.estimate)}%" for t in head) + "。"
    summary_en = f"Top {top_share:.0%} performers: " + ", ".join(
        f"{t.label_en} {round(100 * t.share_top.estimate)}%" for t in head) + f" scored >= {high_score:g}."
    return PerformerProfile(job, outcome, len(df), int(top.sum()), high_score, tuple(traits), tuple(suggestions),
                            summary_zh, summary_en)
