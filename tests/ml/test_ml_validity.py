"""Validity coefficients: intervals cover the truth at their stated rate; incremental validity and weights."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from hireloop.errors import ValidationFailed
from hireloop.ml.features import GroupDataAsFeature
from hireloop.ml.synth import DEFAULT_JOBS, SynthParams, simulate_history
from hireloop.ml.validity import incremental_validity, validity_table
from hireloop.ml.weights import propose_weights

PREDICTORS = ["score_channel_development", "score_customer_relationship", "speech_rate_cv"]
OUTCOMES = ["attainment_6m", "early_exit"]


def test_validity_intervals_cover_the_true_values_at_their_stated_rate() -> None:
    rsm = DEFAULT_JOBS[0]
    # the true value: the correlation among hires in a very large history from the same generator
    big = simulate_history(SynthParams(seed=999, years=2, jobs=(dataclasses.replace(rsm, applicants_per_month=3000),)))
    truth = {(v.predictor, v.outcome): v.r for v in validity_table(big.hires, PREDICTORS, OUTCOMES)}
    assert truth[("score_channel_development", "attainment_6m")] > 0.3  # a real signal, not only nulls
    hits = []
    for seed in range(100):  # 100 small histories of about 100 hires with outcomes each
        small = simulate_history(SynthParams(seed=seed, years=2,
                                             jobs=(dataclasses.replace(rsm, applicants_per_month=24),)))
        for v in validity_table(small.hires, PREDICTORS, OUTCOMES):
            hits.append(v.low <= truth[(v.predictor, v.outcome)] <= v.high)
    coverage = float(np.mean(hits))
    assert len(hits) == 600
    assert 0.91 <= coverage <= 0.985, coverage


def test_speech_rate_variation_adds_validity_for_early_exit(history) -> None:
    h = history.hires[history.hires["job"] == "store_promoter"]
    inc = incremental_validity(h, outcome="early_exit", added=["speech_rate_cv"], n_boot=60)
    assert inc.metric == "auc" and inc.delta.low > 0
    none = incremental_validity(h, outcome="attainment_6m", added=["eye_contact_ratio"], n_boot=60)
    assert none.metric == "r2" and none.delta.low < 0.02  # a measure with no true effect adds ~nothing


def test_proposed_weights_rank_competencies_in_the_true_order(history) -> None:
    for job in history.params.jobs:
        h = history.hires[history.hires["job"] == job.key]
        prop = propose_weights(h, job.competencies, n_boot=100)
        assert prop.ranking == job.competencies  # true weights are listed in decreasing order
        assert abs(sum(prop.as_mapping().values()) - 1) < 1e-9
        assert all(w.proposed >= 0 for w in prop.weights)
        assert prop.gain.low <= prop.gain.estimate <= prop.gain.high


def test_weights_refuse_group_data_and_thin_data(history) -> None:
    h = history.hires.assign(score_sex=1.0)
    with pytest.raises(GroupDataAsFeature):
        propose_weights(h, ["sex", "channel_development"])
    with pytest.raises(ValidationFailed):
        propose_weights(history.hires.head(10), ["channel_development"])


def test_the_estimated_gain_is_not_biased_against_the_proposal_on_demo_sized_histories() -> None:
    """On ~55 hires a job, held-out predictions pooled across folds without each fold's intercept understated
    every proposal (mean estimated gain -0.13 on these seeds, where the proposal ranks the competencies right);
    with intercepts and repeated splits the estimate is about even."""
    from hireloop.loop.demo import demo_params
    from hireloop.ml.synth import simulate_history

    gains = []
    for seed in (5, 11, 13):
        h = simulate_history(demo_params(seed=seed))
        for job in h.params.jobs:
            d = h.hires[h.hires["job"] == job.key]
            try:
                p = propose_weights(d, job.competencies, n_boot=20)
            except ValidationFailed:
                continue  # under 50 followed hires
            gains.append(p.validity_proposed - p.validity_current)
    assert len(gains) >= 8
    assert np.mean(gains) > -0.03, gains
