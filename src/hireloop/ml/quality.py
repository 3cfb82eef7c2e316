"""Hire quality: later outcomes of hires by interview score band, with counts, intervals and a plain sentence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from hireloop.errors import ValidationFailed
from hireloop.ml._stats import Interval, t_mean, wilson


@dataclass(frozen=True)
class BandOutcome:
    """Outcomes of the hires in one interview-score band."""

    band: str  # "Q1".."Q5" (Q5 = highest scores), "top 20%", "bottom 20%"
    score_low: float
    score_high: float
    n_hires: int
    n_performance: int  # hires with a six-month performance result
    met_target: Interval
    attainment: Interval
    n_followed: int  # hires observed for six months (for retention)
    retention_6m: Interval


@dataclass(frozen=True)
class Difference:
    """Top band minus bottom band, in percentage points for rates."""

    estimate: float
    low: float
    high: float


@dataclass(frozen=True)
class HireQuality:
    """Hire quality of one job and period, with the article's kind of sentence in zh and en."""

    job: str | None
    period: str | None
    n_hires: int
    bands: tuple[BandOutcome, ...]
    top: BandOutcome
    bottom: BandOutcome
    met_target_gap: Difference
    retention_gap: Difference
    sentence_en: str
    sentence_zh: str


def _newcombe(a: Interval, b: Interval) -> Difference:
    """Newcombe's hybrid score interval for a difference of two Wilson-estimated proportions."""
    d = a.estimate - b.estimate
    if not (np.isfinite(a.low) and np.isfinite(b.low)):
        return Difference(float(d), float("nan"), float("nan"))
    lo = d - np.sqrt((a.estimate - a.low) ** 2 + (b.high - b.estimate) ** 2)
    hi = d + np.sqrt((a.high - a.estimate) ** 2 + (b.estimate - b.low) ** 2)
    return Difference(float(d), float(lo), float(hi))


def _band(name: str, sub: pd.DataFrame, score: str, level: float) -> BandOutcome:
    met = sub["met_target_6m"].dropna().astype(float)
    ret = sub["retained_6m"].dropna().astype(float)
    return BandOutcome(
        band=name, score_low=float(sub[score].min()) if len(sub) else float("nan"),
        score_high=float(sub[score].max()) if len(sub) else float("nan"), n_hires=len(sub),
        n_performance=len(met), met_target=wilson(int(met.sum()), len(met), level),
        attainment=t_mean(sub["attainment_6m"].to_numpy(dtype=float), level), n_followed=len(ret),
        retention_6m=wilson(int(ret.sum()), len(ret), level),
    )


def _pct(x: float) -> str:
    return "n/a" if not np.isfinite(x) else f"{round(100 * x):.0f}%"


def _pts(x: float) -> str:
    return "n/a" if not np.isfinite(x) else f"{abs(round(100 * x)):.0f}"


def _signed(x: float) -> str:
    return "n/a" if not np.isfinite(x) else f"{round(100 * x):.0f}"


def hire_quality(hires: pd.DataFrame, *, score: str = "interview_score", job: str | None = None,
                 period: str | None = None, job_label: str | None = None, job_label_zh: str | None = None,
                 top_share: float = 0.2, level: float = 0.95, min_hires: int = 20) -> HireQuality:
    """Outcomes by score quintile and top vs bottom share, for hires already filtered to one job/period.

    Needs columns: score, met_target_6m, attainment_6m, retained_6m (NaN where not yet known).
    """
    need = {score, "met_target_6m", "attainment_6m", "retained_6m"}
    if need - set(hires.columns):
        raise ValidationFailed(f"Hire data lacks {sorted(need - set(hires.columns))}; join outcomes first.")
    df = hires[hires[score].notna()]
    if len(df) < min_hires:
        raise ValidationFailed(f"Only {len(df)} scored hires; hire quality needs at least {min_hires}.")
    # rank with random tie-breaking by position so that equal scores do not pile into one band
    pct = df[score].rank(method="first", pct=True)
    quint = np.minimum((pct * 5).apply(np.ceil).astype(int), 5)
    bands = tuple(_band(f"Q{q}", df[quint == q], score, level) for q in range(1, 6))
    top = _band(f"top {top_share:.0%}", df[pct > 1 - top_share], score, level)
    bottom = _band(f"bottom {top_share:.0%}", df[pct <= top_share], score, level)
    gap = _newcombe(top.met_target, bottom.met_target)
    rgap = _newcombe(top.retention_6m, bottom.retention_6m)
    share = f"{top_share:.0%}"
    who_en = f" {job_label or job}" if (job_label or job) else ""
    when_en = f" in {period}" if period else ""
    above = "above" if gap.estimate >= 0 else "below"
    sentence_en = (
        f"Among {len(df)}{who_en} hires{when_en}, the top {share} by interview score met target "
        f"{_pct(top.met_target.estimate)} of the time (95% CI {_pct(top.met_target.low)}–"
        f"{_pct(top.met_target.high)}, n={top.n_performance}), {_pts(gap.estimate)} points {above} the bottom "
        f"{share} ({_pct(bottom.met_target.estimate)}, n={bottom.n_performance}; difference 95% CI "
        f"{_signed(gap.low)} to {_signed(gap.high)} points)."
    )
    who_zh = job_label_zh or job_label or job or ""
    when_zh = f"{period}" if period else ""
    higher = "高" if gap.estimate >= 0 else "低"
    sentence_zh = (
        f"{when_zh}入职的{len(df)}名{who_zh}员工中,面试评分前{share}的员工绩效达标率为"
        f"{_pct(top.met_target.estimate)}(95%置信区间{_pct(top.met_target.low)}–{_pct(top.met_target.high)},"
        f"n={top.n_performance}),比评分后{share}的员工({_pct(bottom.met_target.estimate)},"
        f"n={bottom.n_performance}){higher}{_pts(gap.estimate)}个百分点。"
    )
    return HireQuality(job, period, len(df), bands, top, bottom, gap, rgap, sentence_en, sentence_zh)


def hire_quality_by(hires: pd.DataFrame, *, by: Sequence[str] = ("job",), score: str = "interview_score",
                    min_hires: int = 20, labels: dict[str, tuple[str, str]] | None = None,
                    **kwargs: object) -> list[HireQuality]:
    """Hire quality for every group (e.g. job, or job and hire year) that has enough hires."""
    out = []
    for key, sub in hires.groupby(list(by), sort=True):
        key = key if isinstance(key, tuple) else (key,)
        values = dict(zip(by, key))
        job = values.get("job")
        period = next((str(v) for k, v in values.items() if k != "job"), None)
        zh, en = (labels or {}).get(str(job), (None, None))
        if sub[score].notna().sum() < min_hires:
            continue
        out.append(hire_quality(sub, score=score, job=None if job is None else str(job), period=period,
                                job_label=en, job_label_zh=zh, min_hires=min_hires, **kwargs))  # type: ignore[arg-type]
    return out
