"""Validity of each competency score and behaviour measure: correlation with later outcomes, n and 95% CI.

Correlations are Pearson's r (point-biserial for 0/1 outcomes such as early exit) with Fisher z intervals.
Incremental validity compares out-of-fold predictions of the current composite alone with the composite
plus the other predictors, and bootstraps the paired difference over people.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.metrics import r2_score, roc_auc_score
from sklearn.model_selection import KFold, StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from hireloop.errors import ValidationFailed
from hireloop.ml._stats import Interval, fisher_r, percentile_interval
from hireloop.ml.features import assert_no_group_features, label


@dataclass(frozen=True)
class ValidityCoefficient:
    """Correlation of one predictor with one outcome."""

    predictor: str
    label_zh: str
    label_en: str
    outcome: str
    n: int
    r: float
    low: float
    high: float
    p_value: float


@dataclass(frozen=True)
class IncrementalValidity:
    """How much the added predictors improve on the current composite, out of fold."""

    outcome: str
    metric: str  # r2 for continuous outcomes, auc for 0/1 outcomes
    n: int
    base: float
    full: float
    delta: Interval
    base_predictors: tuple[str, ...]
    added_predictors: tuple[str, ...]


def correlation(x: np.ndarray, y: np.ndarray, level: float = 0.95) -> tuple[int, float, Interval, float]:
    """Pearson r on complete pairs, with n, Fisher z interval and two-sided p-value."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    ok = np.isfinite(x) & np.isfinite(y)
    n = int(ok.sum())
    if n < 4 or np.std(x[ok]) == 0 or np.std(y[ok]) == 0:
        return n, float("nan"), Interval(float("nan"), float("nan"), float("nan"), level), float("nan")
    r, p = stats.pearsonr(x[ok], y[ok])
    return n, float(r), fisher_r(float(r), n, level), float(p)


def validity_table(df: pd.DataFrame, predictors: Sequence[str], outcomes: Sequence[str] = ("attainment_6m",
                   "early_exit"), *, level: float = 0.95, min_n: int = 10) -> list[ValidityCoefficient]:
    """Validity coefficient of every predictor against every outcome (pairs with fewer than min_n are skipped)."""
    missing = [c for c in [*predictors, *outcomes] if c not in df.columns]
    if missing:
        raise ValidationFailed(f"Columns {missing} are missing; join interview data with outcomes first.")
    rows = []
    for out in outcomes:
        for pred in predictors:
            n, r, ci, p = correlation(df[pred].to_numpy(dtype=float), df[out].to_numpy(dtype=float), level)
            if n < min_n or not np.isfinite(r):
                continue
            rows.append(ValidityCoefficient(pred, label(pred, "zh"), label(pred, "en"), out, n, r, ci.low, ci.high, p))
    return rows


def _is_binary(y: np.ndarray) -> bool:
    return set(np.unique(y[np.isfinite(y)])) <= {0.0, 1.0}


def _oof(X: np.ndarray, y: np.ndarray, binary: bool, folds: int, seed: int) -> np.ndarray:
    out = np.empty(len(y))
    split = (StratifiedKFold(folds, shuffle=True, random_state=seed).split(X, y) if binary
             else KFold(folds, shuffle=True, random_state=seed).split(X))
    for tr, te in split:
        est = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000) if binary else LinearRegression())
        est.fit(X[tr], y[tr])
        out[te] = est.predict_proba(X[te])[:, 1] if binary else est.predict(X[te])
    return out


def _metric(y: np.ndarray, pred: np.ndarray, binary: bool) -> float:
    if binary:
        return float(roc_auc_score(y, pred)) if len(np.unique(y)) == 2 else float("nan")
    return float(r2_score(y, pred))


def incremental_validity(df: pd.DataFrame, *, outcome: str, base: Sequence[str] = ("interview_score",),
                         added: Sequence[str], folds: int = 5, n_boot: int = 300, level: float = 0.95,
                         seed: int = 0) -> IncrementalValidity:
    """Delta R^2 (continuous outcome) or delta AUC (0/1 outcome) of base + added over base alone, with a CI."""
    cols = [*base, *added]
    assert_no_group_features(cols)
    data = df[[*cols, outcome]].apply(pd.to_numeric, errors="coerce")
    data = data[data[outcome].notna()]
    data[cols] = data[cols].fillna(data[cols].median())  # predictors a job does not assess: neutral value
    y = data[outcome].to_numpy(dtype=float)
    if len(y) < 5 * folds:
        raise ValidationFailed(f"Only {len(y)} people with a known {outcome}; incremental validity needs more.")
    binary = _is_binary(y)
    if binary and min(y.sum(), len(y) - y.sum()) < folds:
        raise ValidationFailed(f"Too few of one outcome in {outcome} for {folds}-fold validation.")
    p_base = _oof(data[list(base)].to_numpy(float), y, binary, folds, seed)
    p_full = _oof(data[cols].to_numpy(float), y, binary, folds, seed)
    b, f = _metric(y, p_base, binary), _metric(y, p_full, binary)
    rng = np.random.default_rng(seed)
    draws = np.empty(n_boot)
    for i in range(n_boot):
        idx = rng.integers(0, len(y), len(y))
        draws[i] = _metric(y[idx], p_full[idx], binary) - _metric(y[idx], p_base[idx], binary)
    return IncrementalValidity(outcome, "auc" if binary else "r2", len(y), b, f,
                               percentile_interval(f - b, draws, level), tuple(base), tuple(added))
