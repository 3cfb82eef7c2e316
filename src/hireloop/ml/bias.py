"""Bias audit of selections and scores as NYC Local Law 144 (6 RCNY 5-300) defines it.

Selection rate: share of a category that moves forward (is selected). Scoring rate: share of a category whose
score is above the median score of the whole sample. Impact ratio: a category's rate divided by the rate of
the most selected (highest scoring) category. Individuals with an unknown category are counted and left out.
A category below min_share of the sample may be excluded from the impact ratios (the rule lets an auditor
do so); its n and rate are still reported. The four-fifths flag marks impact ratios below 0.8.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from itertools import combinations

import numpy as np
import pandas as pd
from scipy import stats

from hireloop.errors import ValidationFailed
from hireloop.ml.report import safe_rows

UNKNOWN_VALUES = frozenset({"", "unknown", "unk", "n/a", "na", "none", "prefer_not_to_say", "未知"})
SEPARATOR = " × "


@dataclass(frozen=True)
class AuditRow:
    """One category's rate and impact ratio."""

    kind: str  # selection | scoring
    category: str  # e.g. "sex" or "sex × age_band"
    group: str  # e.g. "female" or "female × 25-34"
    n: int
    n_positive: int  # selected, or scored above the median
    rate: float
    share_of_sample: float
    impact_ratio: float | None  # None when the category is excluded as small
    small: bool
    excluded: bool
    four_fifths_flag: bool
    p_value: float | None  # Fisher exact test against the reference category


@dataclass(frozen=True)
class UnknownCount:
    """How many individuals were left out of a category because their group is unknown."""

    category: str
    n_unknown: int


@dataclass(frozen=True)
class BiasAudit:
    """A full audit of one decision (selection) or one score (scoring)."""

    kind: str
    outcome: str
    n: int
    threshold: float
    min_share: float
    median_score: float | None
    rows: tuple[AuditRow, ...]
    unknown: tuple[UnknownCount, ...]
    notes: tuple[str, ...]

    @property
    def flagged(self) -> tuple[AuditRow, ...]:
        """Rows whose impact ratio is below the four-fifths threshold."""
        return tuple(r for r in self.rows if r.four_fifths_flag)

    def to_records(self, include_unknown: bool = True) -> list[dict[str, object]]:
        """Report rows as plain dicts, ready for JSON or CSV; unknown counts follow as group '(unknown)' rows."""
        recs: list[dict[str, object]] = [{"outcome": self.outcome, **asdict(r)} for r in self.rows]
        if include_unknown:
            blank = dict.fromkeys(asdict(self.rows[0]) if self.rows else ["kind", "category", "group", "n"])
            recs += [{"outcome": self.outcome, **blank, "kind": self.kind, "category": u.category,
                      "group": "(unknown)", "n": u.n_unknown} for u in self.unknown]
        return recs

    def to_csv(self) -> str:
        """The report rows (and unknown counts) as CSV text."""
        buf = io.StringIO()
        recs = self.to_records()
        writer = csv.DictWriter(buf, fieldnames=list(recs[0]) if recs else ["outcome"])
        writer.writeheader()
        writer.writerows(safe_rows(recs))
        return buf.getvalue()


_YES = frozenset({"1", "1.0", "true", "yes", "y", "selected", "advanced", "hired", "pass", "是"})


def _as_selected(s: pd.Series) -> np.ndarray:
    """Yes/no decisions from bools, numbers or words (a plain astype(bool) would count "no" as selected)."""
    if pd.api.types.is_bool_dtype(s) or pd.api.types.is_numeric_dtype(s):
        return (pd.to_numeric(s, errors="coerce").fillna(0) != 0).to_numpy()
    return s.astype(str).str.strip().str.lower().isin(_YES).to_numpy()


def _is_unknown(s: pd.Series) -> np.ndarray:
    text = s.astype(str).str.strip().str.lower()
    return (s.isna() | text.isin(UNKNOWN_VALUES) | (text == "nan")).to_numpy()


def _categories(df: pd.DataFrame, groups: Sequence[str],
                intersections: bool | Sequence[Sequence[str]]) -> list[tuple[str, ...]]:
    cats: list[tuple[str, ...]] = [(g,) for g in groups]
    if intersections is True:
        cats += [tuple(c) for c in combinations(groups, 2)]
    elif intersections:
        cats += [tuple(c) for c in intersections]
    for cat in cats:
        missing = [c for c in cat if c not in df.columns]
        if missing:
            raise ValidationFailed(f"Group column(s) {missing} are not in the data; configure existing groups.")
    return cats


def _audit(df: pd.DataFrame, positive: np.ndarray, kind: str, outcome: str, groups: Sequence[str],
           intersections: bool | Sequence[Sequence[str]], min_share: float, exclude_small: bool,
           threshold: float, median: float | None, base_mask: np.ndarray) -> BiasAudit:
    rows: list[AuditRow] = []
    unknown: list[UnknownCount] = []
    notes: list[str] = []
    n_total = int(base_mask.sum())
    for cat in _categories(df, groups, intersections):
        name = SEPARATOR.join(cat)
        unk = np.zeros(len(df), dtype=bool)
        for c in cat:
            unk |= _is_unknown(df[c])
        keep = base_mask & ~unk
        unknown.append(UnknownCount(name, int((base_mask & unk).sum())))
        labels = df.loc[keep, cat[0]].astype(str).to_numpy(dtype=object)
        for c in cat[1:]:
            labels = labels + SEPARATOR + df.loc[keep, c].astype(str).to_numpy(dtype=object)
        pos = positive[keep]
        values, inverse = np.unique(labels.astype(str), return_inverse=True)
        counts = np.bincount(inverse, minlength=len(values))
        hits = np.bincount(inverse, weights=pos.astype(float), minlength=len(values))
        stats_by = [(str(g), int(n), int(k)) for g, n, k in zip(values, counts, hits)]
        n_known = sum(s[1] for s in stats_by)
        small = {g: (n / n_total if n_total else 0.0) < min_share for g, n, _ in stats_by}
        eligible = [(g, n, k) for g, n, k in stats_by if not (exclude_small and small[g]) and n > 0]
        if not eligible:
            notes.append(f"{name}: every category is below {min_share:.0%} of the sample; no impact ratios.")
            continue
        ref_g, ref_n, ref_k = max(eligible, key=lambda s: s[2] / s[1])
        ref_rate = ref_k / ref_n
        for g, n, k in stats_by:
            rate = k / n if n else float("nan")
            excluded = exclude_small and small[g]
            ir = None if excluded or ref_rate == 0 else rate / ref_rate
            p = None
            if not excluded and g != ref_g:
                p = float(stats.fisher_exact([[k, n - k], [ref_k, ref_n - ref_k]])[1])
            rows.append(AuditRow(kind, name, g, n, k, rate, n / n_total if n_total else 0.0, ir, small[g], excluded,
                                 ir is not None and ir < threshold, p))
        if any(exclude_small and small[g] for g, _, _ in stats_by):
            notes.append(f"{name}: categories under {min_share:.0%} of the sample are excluded from impact ratios "
                         "(allowed by 6 RCNY 5-301); their counts and rates are still reported.")
        if n_known == 0:
            notes.append(f"{name}: no individual has a known category.")
    return BiasAudit(kind, outcome, n_total, threshold, min_share, median, tuple(rows), tuple(unknown), tuple(notes))


def selection_audit(df: pd.DataFrame, *, selected: str, groups: Sequence[str] = ("sex", "age_band"),
                    intersections: bool | Sequence[Sequence[str]] = True, min_share: float = 0.02,
                    exclude_small: bool = True, threshold: float = 0.8) -> BiasAudit:
    """Selection rates and impact ratios of a yes/no decision column (e.g. 'advanced', 'hired')."""
    if selected not in df.columns:
        raise ValidationFailed(f"Column {selected!r} is missing; pass the column that says who was selected.")
    sel = df[selected]
    mask = sel.notna().to_numpy()
    positive = _as_selected(sel)
    return _audit(df, positive, "selection", selected, groups, intersections, min_share, exclude_small, threshold,
                  None, mask)


def scoring_audit(df: pd.DataFrame, *, score: str, groups: Sequence[str] = ("sex", "age_band"),
                  intersections: bool | Sequence[Sequence[str]] = True, min_share: float = 0.02,
                  exclude_small: bool = True, threshold: float = 0.8) -> BiasAudit:
    """Scoring rates (share above the whole sample's median score) and impact ratios of a score column."""
    if score not in df.columns:
        raise ValidationFailed(f"Column {score!r} is missing; pass the score column to audit.")
    values = pd.to_numeric(df[score], errors="coerce")
    mask = values.notna().to_numpy()
    if not mask.any():
        raise ValidationFailed(f"Column {score!r} has no scores to audit.")
    median = float(values[mask].median())
    positive = (values > median).fillna(False).to_numpy()
    return _audit(df, positive, "scoring", score, groups, intersections, min_share, exclude_small, threshold,
                  median, mask)
