"""Bias audit per NYC LL144: injected bias is flagged, none otherwise, and rates match fairlearn."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from fairlearn.metrics import MetricFrame, selection_rate

from hireloop.errors import ValidationFailed
from hireloop.ml.bias import scoring_audit, selection_audit
from hireloop.ml.synth import BiasInjection, SynthParams, simulate_history


def test_injected_bias_is_flagged_and_none_without_injection(history, biased_history) -> None:
    for h, expect in ((history, False), (biased_history, True)):
        sel = selection_audit(h.applicants, selected="hired")
        score = scoring_audit(h.applicants, score="interview_score")
        flagged = {(r.kind, r.group) for r in (*sel.flagged, *score.flagged)}
        if expect:
            assert ("selection", "female") in flagged and ("scoring", "female") in flagged
            assert not [g for _, g in flagged if "male" in g.split(" × ") and "female" not in g]
        else:
            assert flagged == set()


def test_mild_selection_bias_alone_is_found() -> None:
    h = simulate_history(SynthParams(seed=3, years=2, bias=BiasInjection(score_shift=0.0, selection_shift=-0.35)))
    sel = selection_audit(h.applicants, selected="hired", intersections=False)
    assert [(r.category, r.group) for r in sel.flagged] == [("sex", "female")]
    assert not scoring_audit(h.applicants, score="interview_score", intersections=False).flagged


def _fairlearn_ratios(df: pd.DataFrame, positive: np.ndarray, cols: list[str]) -> pd.Series:
    mf = MetricFrame(metrics=selection_rate, y_true=positive, y_pred=positive, sensitive_features=df[cols])
    by = mf.by_group
    return by / by.max()


def test_impact_ratios_equal_fairlearn_metricframe(biased_history) -> None:
    apps = biased_history.applicants
    known = apps.dropna(subset=["sex", "age_band"])
    sel = selection_audit(apps, selected="hired", min_share=0.0)
    score = scoring_audit(apps, score="interview_score", min_share=0.0)
    for audit, positive_of in ((sel, lambda d: d["hired"].to_numpy()),
                               (score, lambda d: (d["interview_score"] > score.median_score).to_numpy())):
        for cols in (["sex"], ["age_band"], ["sex", "age_band"]):
            data = apps.dropna(subset=cols) if len(cols) == 1 else known
            ref = _fairlearn_ratios(data, positive_of(data), cols)
            ours = {r.group: r.impact_ratio for r in audit.rows if r.category == " × ".join(cols)}
            assert len(ours) == len(ref)
            for key, value in ref.items():
                group = " × ".join(key) if isinstance(key, tuple) else key
                assert ours[group] == pytest.approx(value, abs=1e-12)


def test_unknowns_small_groups_and_csv_export() -> None:
    rng = np.random.default_rng(0)
    n = 1000
    df = pd.DataFrame({
        "sex": np.where(np.arange(n) < 15, "other", rng.choice(["female", "male"], n)).astype(object),
        "selected": rng.random(n) < 0.4,
    })
    df.loc[20:49, "sex"] = None
    df.loc[50:59, "sex"] = "unknown"
    audit = selection_audit(df, selected="selected", groups=["sex"])
    assert audit.unknown[0].n_unknown == 40
    other = next(r for r in audit.rows if r.group == "other")
    assert other.small and other.excluded and other.impact_ratio is None and not other.four_fifths_flag
    assert other.n == 15 and other.rate == pytest.approx(df.loc[:14, "selected"].mean())
    assert any("excluded" in note for note in audit.notes)
    kept = selection_audit(df, selected="selected", groups=["sex"], exclude_small=False)
    assert next(r for r in kept.rows if r.group == "other").impact_ratio is not None
    back = pd.read_csv(io.StringIO(audit.to_csv()))
    assert list(back["group"]) == [r.group for r in audit.rows] + ["(unknown)"]
    assert back["n"].iloc[-1] == 40
    assert {"impact_ratio", "four_fifths_flag", "n", "rate"} <= set(back.columns)
    with pytest.raises(ValidationFailed):
        selection_audit(df, selected="selected", groups=["race"])
    words = df.assign(selected=np.where(df["selected"], "Yes", "No"))
    same = selection_audit(words, selected="selected", groups=["sex"])
    assert [r.rate for r in same.rows] == [r.rate for r in audit.rows]
