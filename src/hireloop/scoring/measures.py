"""From stored per-answer measures to one interview's behaviour measures, and each index's policy mode."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from hireloop.scoring.behaviour import BehaviourIndex, BehaviourMeasures

# Each behaviour index and the policy measure families it is built from (compliance.policies).
INDEX_FAMILIES: dict[str, tuple[str, ...]] = {
    "fluency": ("speech_rate", "speech_rate_variation", "pauses", "fillers"),
    "engagement": ("eye_contact", "face_visible"),
}
_STRICTNESS = {"scored": 0, "shown": 1, "not_computed": 2}


def index_policy(modes_per_answer: Sequence[Mapping[str, str]]) -> dict[str, str]:
    """Per index, the strictest mode of its families over all answers (a family never computed wins)."""
    out = {}
    for key, families in INDEX_FAMILIES.items():
        worst = "scored" if modes_per_answer else "not_computed"
        for modes in modes_per_answer:
            for fam in families:
                mode = str(modes.get(fam, "not_computed"))
                if _STRICTNESS.get(mode, 2) > _STRICTNESS[worst]:
                    worst = mode if mode in _STRICTNESS else "not_computed"
        out[key] = worst
    return out


def _value(measures: Sequence[Mapping[str, Any]], name: str) -> float | None:
    for m in measures:
        v = m.get("value")
        if m.get("name") == name and isinstance(v, (int, float)) and not isinstance(v, bool):
            return float(v)
    return None


def interview_measures(answers: Sequence[Sequence[Mapping[str, Any]]], language: str) -> BehaviourMeasures:
    """Duration-weighted means over the answers of the measures the behaviour indices use."""
    sums: dict[str, float] = {}
    weights: dict[str, float] = {}
    long_pauses = minutes = 0.0
    for ms in answers:
        dur = _value(ms, "duration") or 0.0
        w = max(dur, 1.0)
        for target, source in (("speech_rate", "speech_rate"), ("speech_rate_variation_pct", "speech_rate_variation"),
                               ("fillers_per_min", "fillers_per_min"), ("eye_contact_share", "eye_contact"),
                               ("face_visible_share", "face_visible")):
            v = _value(ms, source)
            if v is not None:
                sums[target] = sums.get(target, 0.0) + v * w
                weights[target] = weights.get(target, 0.0) + w
        lp = _value(ms, "long_pauses")
        if lp is not None and dur > 0:
            long_pauses += lp
            minutes += dur / 60
    values: dict[str, float] = {k: sums[k] / weights[k] for k in sums}
    if minutes > 0:
        values["long_pauses_per_min"] = long_pauses / minutes
    return BehaviourMeasures(language=language, **values)


def index_to_dict(index: BehaviourIndex, weight: float) -> dict[str, Any]:
    """A behaviour index as stored on the assessment (no emotion words: names come from behaviour.py)."""
    return {
        "key": index.key, "name_zh": index.name.zh, "name_en": index.name.en, "policy": index.policy,
        "value": index.value, "percentile": index.percentile, "five_point": index.five_point,
        "counted": index.counts_toward_score and weight > 0, "weight": weight,
        "formula_zh": index.formula.zh, "formula_en": index.formula.en,
        "components": [{"measure": c.measure, "value": round(c.value, 3), "norm_mean": round(c.norm.mean, 3),
                        "norm_sd": round(c.norm.sd, 3), "z": c.z, "norm_source": c.norm.source}
                       for c in index.components],
        "missing": list(index.missing), "norm_source": index.norm_source, "percentile_method": index.percentile_method,
    }
