"""The history generator: reproducible, truth kept apart, outcomes follow the latent traits."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from hireloop.errors import ValidationFailed

from hireloop.ml.synth import DEFAULT_JOBS, BiasInjection, SynthParams, observed, simulate_history


def test_same_seed_gives_the_same_history(history) -> None:
    again = simulate_history(SynthParams(seed=7))
    pd.testing.assert_frame_equal(history.applicants, again.applicants)
    pd.testing.assert_frame_equal(history.monthly, again.monthly)
    other = simulate_history(SynthParams(seed=8, years=1))
    assert not history.applicants["resume_match"].head(50).equals(other.applicants["resume_match"].head(50))


def test_observations_are_in_range_and_truth_can_be_dropped(history) -> None:
    apps = history.applicants
    for job in DEFAULT_JOBS:
        rows = apps[apps["job"] == job.key]
        for comp in job.competencies:
            s = rows[f"score_{comp}"]
            assert s.notna().all() and s.between(1, 5).all()
    assert apps["interview_score"].between(0, 100).all()
    seen = observed(history.hires)
    assert not [c for c in seen.columns if c.startswith("true_")]
    assert {"speech_rate_cv", "exit_reason", "attainment_6m", "retained_6m"} <= set(seen.columns)


def test_hires_follow_hire_rate_and_exits_have_reasons(history) -> None:
    apps, hires = history.applicants, history.hires
    for job in DEFAULT_JOBS:
        rate = apps.loc[apps["job"] == job.key, "hired"].mean()
        assert abs(rate - job.hire_rate) < 0.02
    exited = hires[hires["exited"]]
    assert exited["exit_reason"].notna().all()
    assert set(exited["exit_type"]) == {"voluntary", "involuntary"}
    assert (exited.loc[exited["exit_type"] == "involuntary", "exit_reason"] == "performance").all()


def test_outcomes_follow_true_probabilities(history) -> None:
    h = history.hires[history.hires["met_target_6m"].notna()]
    # calibration of the truth itself: observed met-target rate by decile of the true probability
    dec = pd.qcut(h["true_p_met_target_6m"], 5, labels=False, duplicates="drop")
    obs = h.groupby(dec)["met_target_6m"].mean()
    exp = h.groupby(dec)["true_p_met_target_6m"].mean()
    assert np.abs(obs - exp).max() < 0.08
    f = history.hires[history.hires["followed_6m"]]
    assert abs(f["early_exit"].mean() - f["true_p_exit_6m"].mean()) < 0.03


def test_group_data_is_optional() -> None:
    h = simulate_history(SynthParams(seed=2, years=1, groups=False))
    for frame in (h.applicants, h.hires):
        assert "sex" not in frame.columns and "age_band" not in frame.columns
    with pytest.raises(ValidationFailed):
        simulate_history(SynthParams(groups=False, bias=BiasInjection()))
