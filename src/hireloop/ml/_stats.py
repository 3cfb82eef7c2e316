"""Small interval estimators shared by the loop analyses."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats


@dataclass(frozen=True)
class Interval:
    """A point estimate with its confidence interval."""

    estimate: float
    low: float
    high: float
    level: float = 0.95


def z_for(level: float) -> float:
    """Two-sided normal quantile for a confidence level."""
    return float(stats.norm.ppf(0.5 + level / 2))


def wilson(successes: int, n: int, level: float = 0.95) -> Interval:
    """Wilson score interval for a proportion (good coverage even for small n or rates near 0 or 1)."""
    if n <= 0:
        return Interval(float("nan"), float("nan"), float("nan"), level)
    z = z_for(level)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return Interval(float(p), float(max(0.0, centre - half)), float(min(1.0, centre + half)), level)


def t_mean(values: np.ndarray, level: float = 0.95) -> Interval:
    """Student-t interval for a mean."""
    x = np.asarray(values, dtype=float)
    x = x[~np.isnan(x)]
    n = len(x)
    if n == 0:
        return Interval(float("nan"), float("nan"), float("nan"), level)
    m = float(x.mean())
    if n < 2:
        return Interval(m, float("nan"), float("nan"), level)
    half = float(stats.t.ppf(0.5 + level / 2, n - 1) * x.std(ddof=1) / np.sqrt(n))
    return Interval(m, m - half, m + half, level)


def fisher_r(r: float, n: int, level: float = 0.95) -> Interval:
    """Fisher z interval for a correlation coefficient."""
    if n < 4 or not np.isfinite(r):
        return Interval(float(r), float("nan"), float("nan"), level)
    rc = float(np.clip(r, -0.999999, 0.999999))
    z = np.arctanh(rc)
    half = z_for(level) / np.sqrt(n - 3)
    return Interval(float(r), float(np.tanh(z - half)), float(np.tanh(z + half)), level)


def percentile_interval(estimate: float, draws: np.ndarray, level: float = 0.95) -> Interval:
    """Percentile bootstrap interval around a point estimate."""
    d = np.asarray(draws, dtype=float)
    d = d[np.isfinite(d)]
    if len(d) == 0:
        return Interval(float(estimate), float("nan"), float("nan"), level)
    a = (1 - level) / 2
    return Interval(float(estimate), float(np.quantile(d, a)), float(np.quantile(d, 1 - a)), level)
