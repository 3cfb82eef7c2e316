"""Honest validation of the loop models: time splits, discrimination, calibration and error metrics."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.metrics import brier_score_loss, log_loss, mean_absolute_error, r2_score, roc_auc_score

from hireloop.errors import ValidationFailed


@dataclass(frozen=True)
class ClassifierMetrics:
    """Discrimination and calibration of predicted probabilities on held-out rows."""

    n: int
    positives: int
    base_rate: float
    auc: float
    brier: float
    log_loss: float
    ece: float  # expected calibration error, equal-width bins weighted by count


@dataclass(frozen=True)
class RegressionMetrics:
    """Error of a continuous prediction on held-out rows."""

    n: int
    r2: float
    mae: float
    rmse: float


@dataclass(frozen=True)
class CalibrationBin:
    """One reliability-diagram bin: mean prediction against observed rate."""

    low: float
    high: float
    n: int
    mean_predicted: float
    observed_rate: float


@dataclass(frozen=True)
class TimeSplit:
    """Rows before the cutoff train, rows from the cutoff on test."""

    cutoff: float
    train_index: np.ndarray
    test_index: np.ndarray
    description: str


def time_split(times: pd.Series | np.ndarray, *, test_share: float = 0.3, cutoff: float | None = None,
               label: str = "month") -> TimeSplit:
    """Split by time: train on earlier rows, test on later ones (no person's future leaks into training)."""
    t = np.asarray(times, dtype=float)
    if len(t) == 0:
        raise ValidationFailed("No rows to split; import performance data first.")
    if cutoff is None:
        cutoff = float(np.quantile(t, 1 - test_share))
    train, test = np.flatnonzero(t < cutoff), np.flatnonzero(t >= cutoff)
    if len(train) == 0 or len(test) == 0:
        raise ValidationFailed("A time split needs rows both before and after the cutoff; add more history.")
    desc = (f"time split: trained on {label} < {cutoff:g} ({len(train)} rows), "
            f"tested on {label} >= {cutoff:g} ({len(test)} rows)")
    return TimeSplit(cutoff, train, test, desc)


def expected_calibration_error(y: np.ndarray, p: np.ndarray, n_bins: int = 10) -> float:
    """Expected calibration error: count-weighted mean |observed rate - mean prediction| over equal-width bins."""
    return float(sum(b.n * abs(b.observed_rate - b.mean_predicted) for b in calibration_bins(y, p, n_bins))
                 / max(len(y), 1))


def calibration_bins(y: np.ndarray, p: np.ndarray, n_bins: int = 10) -> list[CalibrationBin]:
    """Reliability-diagram bins over [0, 1]; empty bins are left out."""
    y, p = np.asarray(y, dtype=float), np.asarray(p, dtype=float)
    edges = np.linspace(0, 1, n_bins + 1)
    idx = np.clip(np.digitize(p, edges[1:-1]), 0, n_bins - 1)
    out = []
    for b in range(n_bins):
        sel = idx == b
        if sel.any():
            out.append(CalibrationBin(float(edges[b]), float(edges[b + 1]), int(sel.sum()), float(p[sel].mean()),
                                      float(y[sel].mean())))
    return out


def classifier_metrics(y: np.ndarray, p: np.ndarray, n_bins: int = 10) -> ClassifierMetrics:
    """AUC, Brier score, log loss and ECE of probabilities p for binary outcomes y."""
    y, p = np.asarray(y, dtype=float), np.clip(np.asarray(p, dtype=float), 1e-6, 1 - 1e-6)
    if len(np.unique(y)) < 2:
        raise ValidationFailed("The evaluation rows hold only one outcome; widen the period or add data.")
    return ClassifierMetrics(
        n=len(y), positives=int(y.sum()), base_rate=float(y.mean()), auc=float(roc_auc_score(y, p)),
        brier=float(brier_score_loss(y, p)), log_loss=float(log_loss(y, p, labels=[0, 1])),
        ece=expected_calibration_error(y, p, n_bins),
    )


def regression_metrics(y: np.ndarray, yhat: np.ndarray) -> RegressionMetrics:
    """R squared, mean absolute error and root mean squared error."""
    y, yhat = np.asarray(y, dtype=float), np.asarray(yhat, dtype=float)
    return RegressionMetrics(n=len(y), r2=float(r2_score(y, yhat)), mae=float(mean_absolute_error(y, yhat)),
                             rmse=float(np.sqrt(np.mean((y - yhat) ** 2))))
