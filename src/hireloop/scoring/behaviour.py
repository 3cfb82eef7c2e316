"""Behaviour indices (fluency, camera engagement) from observed measures, norm-referenced against the job's pool.

Pure functions: measures in, frozen dataclasses out. Indices describe observable delivery only; none names or
implies an emotion. The job's jurisdiction policy decides per index: scored, shown, or not_computed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields

from hireloop.errors import ValidationFailed
from hireloop.templates.model import LocalText

POLICIES = ("scored", "shown", "not_computed")
MIN_POOL = 20  # below this many pool candidates, pool norms are blended with the prior norms
PRIOR_WEIGHT = 10  # the prior counts as this many candidates in the blend
_HALF_NORMAL_MEAN = math.sqrt(2 / math.pi)  # E|Z| for a standard normal Z
_HALF_NORMAL_SD = math.sqrt(1 - 2 / math.pi)


@dataclass(frozen=True)
class BehaviourMeasures:
    """One candidate's measures over an interview (definitions in docs/measures.md); None when not measured."""

    language: str = "zh"
    speech_rate: float | None = None  # syllables per minute (zh: characters)
    speech_rate_variation_pct: float | None = None  # CV of speech rate over ~5 s windows, in %
    long_pauses_per_min: float | None = None  # silences >= 2 s per minute
    fillers_per_min: float | None = None
    eye_contact_share: float | None = None  # share of face-visible frames looking at the camera, 0-1
    face_visible_share: float | None = None  # share of sampled frames with one face, 0-1

    @classmethod
    def from_mapping(cls, data: Mapping[str, object], language: str = "zh") -> BehaviourMeasures:
        """Build from a dict of measure name -> value; unknown keys are ignored."""
        names = {f.name for f in fields(cls)} - {"language"}
        values = {k: float(v) for k, v in data.items() if k in names and isinstance(v, (int, float)) and not isinstance(v, bool)}
        return cls(language=str(data.get("language", language)), **values)


@dataclass(frozen=True)
class Norm:
    """Mean and standard deviation a measure is compared with, and where they came from."""

    mean: float
    sd: float
    n_pool: int
    source: str  # pool | pool+prior | prior


@dataclass(frozen=True)
class IndexComponent:
    """One measure's part in an index: its value, the norm, its z-score and its oriented contribution."""

    measure: str
    value: float
    norm: Norm
    z: float
    contribution: float


@dataclass(frozen=True)
class BehaviourIndex:
    """A behaviour index for one candidate, with its formula and the policy that governs it."""

    key: str
    name: LocalText
    policy: str
    value: float | None  # mean of oriented z-scores (0 = typical for the norm)
    percentile: float | None  # 0-100 against the norm group
    formula: LocalText
    components: tuple[IndexComponent, ...]
    missing: tuple[str, ...]
    norm_source: str | None
    percentile_method: str | None

    @property
    def counts_toward_score(self) -> bool:
        """True only when policy says scored and the index could be computed."""
        return self.policy == "scored" and self.value is not None

    @property
    def five_point(self) -> float | None:
        """The percentile on the 1-5 scale used for scores (1 + 4 * percentile / 100)."""
        return None if self.percentile is None else round(1 + 4 * self.percentile / 100, 2)


# Prior norms for a small pool: typical values of interview speech and webcam video. Rates differ by language.
PRIOR_NORMS: dict[str, dict[str, tuple[float, float]]] = {
    "zh": {
        "speech_rate": (240.0, 50.0),
        "speech_rate_variation_pct": (25.0, 10.0),
        "long_pauses_per_min": (1.0, 1.0),
        "fillers_per_min": (4.0, 3.0),
        "eye_contact_share": (0.6, 0.2),
        "face_visible_share": (0.92, 0.08),
    },
    "en": {
        "speech_rate": (220.0, 45.0),
        "speech_rate_variation_pct": (25.0, 10.0),
        "long_pauses_per_min": (1.0, 1.0),
        "fillers_per_min": (5.0, 3.5),
        "eye_contact_share": (0.6, 0.2),
        "face_visible_share": (0.92, 0.08),
    },
}

# orientation: +1 higher is better, -1 lower is better, 0 closer to the norm mean is better.
INDEX_DEFINITIONS: dict[str, dict[str, object]] = {
    "fluency": {
        "name": LocalText(zh="表达流畅度", en="Fluency"),
        "components": (("speech_rate", 0), ("speech_rate_variation_pct", -1), ("long_pauses_per_min", -1), ("fillers_per_min", -1)),
        "formula": LocalText(
            zh="流畅度 = 平均值( −(|z(语速)| − 0.80) / 0.60, −z(语速变化率), −z(每分钟长停顿), −z(每分钟填充词) )；"
               "z(x) = (x − 常模均值) / 常模标准差；语速越接近常模越好，其余越低越好",
            en="fluency = mean( −(|z(speech rate)| − 0.80) / 0.60, −z(speech-rate variation), −z(long pauses per min), "
               "−z(fillers per min) ); z(x) = (x − norm mean) / norm SD; a speech rate near the norm is best, the others lower is better",
        ),
    },
    "engagement": {
        "name": LocalText(zh="镜头互动度", en="Camera engagement"),
        "components": (("eye_contact_share", 1), ("face_visible_share", 1)),
        "formula": LocalText(
            zh="镜头互动度 = 平均值( z(注视镜头比例), z(人脸可见比例) )；z(x) = (x − 常模均值) / 常模标准差；只描述画面中可观察的行为",
            en="camera engagement = mean( z(eye-contact share), z(face-visible share) ); z(x) = (x − norm mean) / norm SD; "
               "describes only what is observable on camera",
        ),
    },
}


def norms_from_pool(
    pool: Sequence[BehaviourMeasures], language: str, *, min_pool: int = MIN_POOL, prior_weight: int = PRIOR_WEIGHT
) -> dict[str, Norm]:
    """Per-measure norms from the job's candidates of the same language; blended with the prior when few."""
    prior = PRIOR_NORMS.get(language, PRIOR_NORMS["en"])
    out = {}
    for measure, (p_mean, p_sd) in prior.items():
        values = [getattr(m, measure) for m in pool if m.language == language and getattr(m, measure) is not None]
        n = len(values)
        if n == 0:
            out[measure] = Norm(p_mean, p_sd, 0, "prior")
            continue
        mean = sum(values) / n
        var = sum((v - mean) ** 2 for v in values) / (n - 1) if n > 1 else 0.0
        if n >= min_pool:
            sd = max(math.sqrt(var), 0.25 * p_sd)  # a floor keeps one odd pool from producing huge z-scores
            out[measure] = Norm(mean, sd, n, "pool")
        else:
            k = prior_weight
            b_mean = (n * mean + k * p_mean) / (n + k)
            b_var = (n * var + k * p_sd**2) / (n + k)
            out[measure] = Norm(b_mean, math.sqrt(b_var), n, "pool+prior")
    return out


def _normal_cdf(x: float) -> float:
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def _index_value(
    measures: BehaviourMeasures, definition: dict[str, object], norms: dict[str, Norm]
) -> tuple[float | None, tuple[IndexComponent, ...], tuple[str, ...]]:
    comps, missing = [], []
    for measure, orientation in definition["components"]:  # type: ignore[union-attr]
        value = getattr(measures, measure)
        if value is None:
            missing.append(measure)
            continue
        norm = norms[measure]
        z = (value - norm.mean) / norm.sd if norm.sd > 0 else 0.0
        if orientation == 0:
            contribution = -(abs(z) - _HALF_NORMAL_MEAN) / _HALF_NORMAL_SD
        else:
            contribution = orientation * z
        comps.append(IndexComponent(measure, float(value), norm, round(z, 4), round(contribution, 4)))
    value = sum(c.contribution for c in comps) / len(comps) if comps else None
    return value, tuple(comps), tuple(missing)


def compute_behaviour_indices(
    measures: BehaviourMeasures,
    *,
    policy: Mapping[str, str],
    pool: Sequence[BehaviourMeasures] = (),
    min_pool: int = MIN_POOL,
) -> tuple[BehaviourIndex, ...]:
    """Fluency and camera engagement for one candidate; an index the policy omits is not computed."""
    for key, rule in policy.items():
        if key not in INDEX_DEFINITIONS:
            raise ValidationFailed(f"Unknown behaviour index {key!r} in the policy; use one of {', '.join(INDEX_DEFINITIONS)}.")
        if rule not in POLICIES:
            raise ValidationFailed(f"Policy for {key!r} must be one of {', '.join(POLICIES)}, not {rule!r}.")
    norms = norms_from_pool(pool, measures.language, min_pool=min_pool)
    same_language = [m for m in pool if m.language == measures.language]
    out = []
    for key, definition in INDEX_DEFINITIONS.items():
        rule = policy.get(key, "not_computed")  # privacy by default: nothing is computed unless the policy says so
        name, formula = definition["name"], definition["formula"]
        if rule == "not_computed":
            out.append(BehaviourIndex(key, name, rule, None, None, formula, (), (), None, None))  # type: ignore[arg-type]
            continue
        value, comps, missing = _index_value(measures, definition, norms)
        percentile = method = source = None
        if value is not None:
            sources = {c.norm.source for c in comps}
            source = sources.pop() if len(sources) == 1 else "mixed"
            pool_values = [v for v in (_index_value(m, definition, norms)[0] for m in same_language) if v is not None]
            if len(pool_values) >= min_pool:
                below = sum(v < value for v in pool_values) + 0.5 * sum(v == value for v in pool_values)
                percentile, method = 100.0 * below / len(pool_values), "empirical rank in the job's pool"
            else:
                # Treats the components as independent standard normals: mean of k has SD 1/sqrt(k).
                percentile = 100.0 * _normal_cdf(value * math.sqrt(len(comps)))
                method = "normal approximation (pool too small for ranks)"
            value, percentile = round(value, 4), round(percentile, 1)
        out.append(BehaviourIndex(key, name, rule, value, percentile, formula, comps, missing, source, method))  # type: ignore[arg-type]
    return tuple(out)
