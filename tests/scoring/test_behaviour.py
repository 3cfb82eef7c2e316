"""Behaviour indices: formulas, norms from the pool or the prior, policy handling, and no emotion words."""

from __future__ import annotations

import math
import re

import pytest

from hireloop.errors import ValidationFailed
from hireloop.scoring.behaviour import (
    INDEX_DEFINITIONS,
    PRIOR_NORMS,
    BehaviourMeasures,
    compute_behaviour_indices,
    norms_from_pool,
)

TYPICAL = BehaviourMeasures("zh", speech_rate=240, speech_rate_variation_pct=25, long_pauses_per_min=1.0,
                            fillers_per_min=4.0, eye_contact_share=0.6, face_visible_share=0.92)
BOTH_SCORED = {"fluency": "scored", "engagement": "scored"}


def _by_key(indices):
    return {i.key: i for i in indices}


def test_typical_candidate_against_prior_sits_near_the_middle() -> None:
    idx = _by_key(compute_behaviour_indices(TYPICAL, policy=BOTH_SCORED))
    eng = idx["engagement"]
    assert eng.value == 0.0 and eng.percentile == 50.0 and eng.norm_source == "prior"
    # speech rate exactly at the norm is the best place to be, so fluency is above zero
    assert idx["fluency"].value > 0 and idx["fluency"].counts_toward_score


def test_fluency_formula_matches_its_components() -> None:
    m = BehaviourMeasures("zh", speech_rate=340, speech_rate_variation_pct=45, long_pauses_per_min=3.0, fillers_per_min=10.0)
    flu = _by_key(compute_behaviour_indices(m, policy={"fluency": "shown"}))["fluency"]
    zh = PRIOR_NORMS["zh"]
    z_rate = (340 - zh["speech_rate"][0]) / zh["speech_rate"][1]
    expected = (
        -(abs(z_rate) - math.sqrt(2 / math.pi)) / math.sqrt(1 - 2 / math.pi)
        - (45 - 25) / 10 - (3.0 - 1.0) / 1.0 - (10.0 - 4.0) / 3.0
    ) / 4
    assert flu.value == pytest.approx(expected, abs=1e-3)
    assert flu.percentile < 5
    assert flu.policy == "shown" and not flu.counts_toward_score
    assert "fillers per min" in flu.formula.en and "填充词" in flu.formula.zh


def test_not_computed_reads_nothing_and_missing_policy_means_not_computed() -> None:
    idx = _by_key(compute_behaviour_indices(TYPICAL, policy={"engagement": "not_computed"}))
    for key in ("engagement", "fluency"):
        assert idx[key].policy == "not_computed"
        assert idx[key].value is None and idx[key].percentile is None and idx[key].components == ()
        assert not idx[key].counts_toward_score


def test_large_pool_gives_pool_norms_and_empirical_percentiles() -> None:
    pool = [BehaviourMeasures("en", eye_contact_share=0.3 + 0.02 * i, face_visible_share=0.9) for i in range(30)]
    me = BehaviourMeasures("en", eye_contact_share=0.95, face_visible_share=0.9)  # above everyone in the pool
    eng = _by_key(compute_behaviour_indices(me, policy={"engagement": "scored"}, pool=pool))["engagement"]
    assert eng.norm_source == "pool" and "empirical" in eng.percentile_method
    assert eng.percentile == 100.0 and eng.five_point == 5.0
    assert eng.missing == ()


def test_small_pool_is_blended_with_the_prior() -> None:
    pool = [BehaviourMeasures("zh", speech_rate=300.0) for _ in range(5)]
    norm = norms_from_pool(pool, "zh")["speech_rate"]
    assert norm.source == "pool+prior" and norm.n_pool == 5
    assert norm.mean == pytest.approx((5 * 300 + 10 * 240) / 15)
    assert norms_from_pool([], "zh")["fillers_per_min"].source == "prior"


def test_missing_measures_are_reported_and_an_index_without_data_has_no_value() -> None:
    m = BehaviourMeasures("zh", speech_rate=240)
    idx = _by_key(compute_behaviour_indices(m, policy=BOTH_SCORED))
    assert set(idx["fluency"].missing) == {"speech_rate_variation_pct", "long_pauses_per_min", "fillers_per_min"}
    assert idx["engagement"].value is None and not idx["engagement"].counts_toward_score


@pytest.mark.parametrize("policy", [{"fluency": "maybe"}, {"happiness": "scored"}])
def test_bad_policy_is_rejected(policy) -> None:
    with pytest.raises(ValidationFailed):
        compute_behaviour_indices(TYPICAL, policy=policy)


def test_no_index_names_or_implies_an_emotion() -> None:
    emotion = re.compile(r"emotion|happ|sad|anger|angry|fear|nervous|anxi|confiden|enthusias|passion|mood|feel|"
                         r"情绪|情感|开心|快乐|紧张|焦虑|自信|热情|愤怒|害怕", re.I)
    for key, definition in INDEX_DEFINITIONS.items():
        texts = [key, definition["name"].zh, definition["name"].en, definition["formula"].zh, definition["formula"].en]
        assert not any(emotion.search(t) for t in texts), key


def test_measures_from_a_mapping_ignore_unknown_keys() -> None:
    m = BehaviourMeasures.from_mapping({"speech_rate": 200, "smile_share": 0.4, "language": "en"})
    assert m.speech_rate == 200.0 and m.language == "en"
