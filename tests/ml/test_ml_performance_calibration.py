"""The 6-month performance model's met-target probability: derived from the regression's predictive distribution
(out-of-fold residual spread), it is better calibrated than a separate logistic classifier.

Bounds measured (benchmarks/ml_loop.py-style runs on seeds 3, 5, 7, 11, 13, 21, 31, 41): on 4-year histories
(~550 test hires) the regression-derived ECE was 0.022-0.060 (mean 0.039; classifier mean 0.045); on the demo's
2-year history (~70 test hires, where even the true probabilities score ECE ~0.085) 0.082-0.189 (mean 0.129)
against the classifier's 0.115-0.199 (mean 0.176); Brier was lower on every seed of both sizes.
"""

from __future__ import annotations

import numpy as np
import pytest

from hireloop.loop.demo import demo_params
from hireloop.ml.features import candidate_features
from hireloop.ml.models import PerformanceModel
from hireloop.ml.synth import simulate_history
from hireloop.ml.training import train_performance


def test_met_target_probability_is_calibrated_on_a_long_history(history) -> None:
    t = train_performance(history.hires)  # seed 7, 4 years: ECE measured 0.037
    assert t.params["met_from"] == "regression"
    assert t.metrics["ece"] <= 0.05 and t.metrics["auc"] > 0.75
    old = train_performance(history.hires, met_from="classifier")  # measured 0.062
    assert t.metrics["brier"] < old.metrics["brier"] and t.metrics["ece"] < old.metrics["ece"]


def test_regression_derived_probability_beats_the_classifier_on_the_demo_history() -> None:
    hires = simulate_history(demo_params()).hires  # the demo: seed 11, 2 years, ~230 followed hires
    new = train_performance(hires).metrics  # measured ECE 0.082, Brier 0.181, AUC 0.763
    old = train_performance(hires, met_from="classifier").metrics  # measured ECE 0.189, Brier 0.205, AUC 0.741
    assert new["ece"] <= 0.12 and new["ece"] < old["ece"] - 0.05
    assert new["brier"] < old["brier"] and new["auc"] >= old["auc"] - 0.01


def test_probability_follows_the_predicted_attainment_and_residual_spread(history) -> None:
    h = history.hires[history.hires["attainment_6m"].notna()].reset_index(drop=True)
    X = candidate_features(h)
    model = PerformanceModel().fit(X, h["attainment_6m"])
    p, mu = model.predict_met_target(X), model.predict(X)
    assert np.all((p > 0) & (p < 1))
    # monotone in the predicted attainment within a job
    for job in h["job"].unique():
        sel = (h["job"] == job).to_numpy()
        order = np.argsort(mu[sel])
        assert np.all(np.diff(p[sel][order]) >= -1e-12)
    # the spread is out-of-fold, so not smaller than the in-sample residuals' (no overconfidence)
    in_sample = float(np.std(h["attainment_6m"].to_numpy() - mu, ddof=1))
    assert model.residual_sd_ >= in_sample * 0.98
    assert model.residual_sd_ == pytest.approx(in_sample, rel=0.25)
