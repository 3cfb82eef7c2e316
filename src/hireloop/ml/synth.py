"""Synthetic hiring histories with known truth, so every loop analysis can be checked against it.

Candidates have latent competencies and a latent composure; everything HireLoop observes (resume match,
1-5 answer scores, behaviour measures) is a noisy function of them. Hires then produce monthly KPI
attainment and exits from known functions of the latent traits plus job and manager effects. The true
parameters and each person's true probabilities are kept beside the observations.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from hireloop.errors import ValidationFailed

COMPETENCIES: dict[str, tuple[str, str]] = {
    "channel_development": ("渠道拓展", "Channel development"),
    "customer_relationship": ("客户关系", "Customer relationship"),
    "data_driven": ("数据驱动", "Data-driven decisions"),
    "communication": ("沟通表达", "Communication"),
    "resilience": ("抗压能力", "Resilience"),
    "creativity": ("创意策划", "Creativity"),
}
BEHAVIOUR_MEASURES: tuple[str, ...] = (
    "speech_rate", "speech_rate_cv", "pauses_per_min", "fillers_per_min", "smile_ratio", "eye_contact_ratio",
)
SEXES = ("female", "male")
AGE_BANDS = ("18-24", "25-34", "35-44", "45+")
LAG = 3  # months between an event (manager change, promotion, pay rise) and its effect on exits
EXIT_REASONS = ("compensation", "manager", "job_fit", "career", "personal", "performance")


@dataclass(frozen=True)
class JobSpec:
    """One job of the simulated company with its true performance weights."""

    key: str
    name_zh: str
    name_en: str
    competencies: tuple[str, ...]
    true_weights: tuple[float, ...]
    base_attainment: float = 1.0
    applicants_per_month: int = 60
    hire_rate: float = 0.3
    base_exit_logit: float = -3.9
    n_managers: int = 8


DEFAULT_JOBS: tuple[JobSpec, ...] = (
    JobSpec("regional_sales_manager", "区域销售经理", "Regional sales manager",
            ("channel_development", "customer_relationship", "data_driven", "communication"),
            (0.60, 0.40, 0.25, 0.10), applicants_per_month=40, hire_rate=0.25),
    JobSpec("store_promoter", "门店促销员", "Store promoter",
            ("customer_relationship", "communication", "resilience", "creativity"),
            (0.55, 0.35, 0.20, 0.08), applicants_per_month=90, hire_rate=0.35, base_exit_logit=-3.4),
    JobSpec("ecommerce_operator", "电商运营", "E-commerce operator",
            ("data_driven", "creativity", "communication", "resilience"),
            (0.55, 0.35, 0.20, 0.10), applicants_per_month=40),
    JobSpec("marketing_planner", "市场策划", "Marketing planner",
            ("creativity", "data_driven", "channel_development", "communication"),
            (0.50, 0.35, 0.22, 0.10), applicants_per_month=30),
)


@dataclass(frozen=True)
class ExtraGroup:
    """A group an organization may record beyond sex and age band (e.g. hukou: local / non-local), drawn
    independently of everything else; like sex and age band, it never drives performance or exits."""

    name: str
    values: tuple[str, ...]
    shares: tuple[float, ...]


HUKOU = ExtraGroup("hukou", ("local", "non_local"), (0.55, 0.45))


@dataclass(frozen=True)
class BiasInjection:
    """A known unfairness added on purpose, so the bias audit can be checked."""

    column: str = "sex"
    value: str = "female"
    score_shift: float = -0.4  # on the 1-5 answer scale, applied to the observed scores
    selection_shift: float = -0.4  # on the standardised hiring decision


@dataclass(frozen=True)
class SynthParams:
    """Everything that drives a simulated history; same params and seed, same history."""

    seed: int = 7
    years: int = 4
    start: str = "2022-01"
    jobs: tuple[JobSpec, ...] = DEFAULT_JOBS
    score_noise: float = 0.65  # answer score = 3 + 0.85 * latent + noise, rounded, clipped to 1..5
    attainment_per_sd: float = 0.12  # KPI attainment change per sd of latent performance
    attainment_noise: float = 0.10  # month-to-month noise of attainment
    manager_perf_sd: float = 0.35  # manager effect on performance, in sd of latent performance
    manager_exit_sd: float = 0.10  # manager effect on the exit logit
    composure_exit: float = -0.65  # exit logit per sd of latent composure
    performance_exit: float = -0.25  # voluntary exit logit per sd of latent performance
    early_tenure_exit: float = 0.9  # extra exit logit in the first 6 months
    pay_exit: float = -3.0  # exit logit per unit of pay ratio above market
    manager_change_exit: float = 0.7  # exit logit in the 6 months after a manager change
    promotion_exit: float = -0.6  # exit logit in the 12 months after a promotion
    judgement_noise: float = 0.6  # hiring decision noise (sd, on standardised composite)
    groups: bool = True  # simulate sex and age band (group data is optional in HireLoop)
    group_unknown_share: float = 0.04
    extra_groups: tuple[ExtraGroup, ...] = ()  # e.g. (HUKOU,); drawn from their own random stream
    bias: BiasInjection | None = None


@dataclass(frozen=True)
class SynthHistory:
    """A simulated history: applicants, hires, monthly performance, exits, and the truth behind them."""

    params: SynthParams
    applicants: pd.DataFrame
    hires: pd.DataFrame
    monthly: pd.DataFrame
    horizon: int  # months simulated; month indices run 0..horizon-1
    true_weights: dict[str, dict[str, float]] = field(default_factory=dict)

    def job(self, key: str) -> JobSpec:
        """The spec of one simulated job."""
        return next(j for j in self.params.jobs if j.key == key)


@functools.lru_cache(maxsize=64)
def _labels(start: str, lo: int, hi: int) -> np.ndarray:
    base = pd.Period(start, freq="M")
    return np.array([str(base + i) for i in range(lo, hi + 1)], dtype=object)


def month_label(start: str, index: int | np.ndarray) -> np.ndarray | str:
    """Calendar month label (YYYY-MM) of a month index counted from start."""
    base = pd.Period(start, freq="M")
    if np.isscalar(index):
        return str(base + int(index))
    idx = np.asarray(index, dtype=int)
    if len(idx) == 0:
        return np.array([], dtype=object)
    lo, hi = int(idx.min()), int(idx.max())
    return _labels(start, lo, hi)[idx - lo]


def _manager_ids(keys: np.ndarray, code: np.ndarray, local: np.ndarray) -> np.ndarray:
    """Manager ids like 'store_promoter:M3' without a per-row Python loop."""
    width = int(local.max()) + 1 if len(local) else 1
    names = np.array([f"{k}:M{m}" for k in keys for m in range(width)], dtype=object)
    return names[code * width + local]


def _row_mean(values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean of each row over the masked cells; NaN where a row has none (no warning)."""
    count = mask.sum(axis=1)
    total = np.where(mask, values, 0.0).sum(axis=1)
    return np.where(count > 0, total / np.maximum(count, 1), np.nan)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _applicants(p: SynthParams, rng: np.random.Generator, horizon: int) -> dict[str, np.ndarray]:
    parts: dict[str, list[np.ndarray]] = {}
    for spec in p.jobs:
        n = spec.applicants_per_month * horizon
        cols = {"job": np.full(n, spec.key, dtype=object),
                "apply_month": np.repeat(np.arange(horizon), spec.applicants_per_month)}
        latent = rng.standard_normal((n, len(COMPETENCIES)))
        composure = rng.standard_normal(n)
        for k, comp in enumerate(COMPETENCIES):
            cols[f"true_{comp}"] = latent[:, k]
        cols["true_composure"] = composure
        w = np.array(spec.true_weights)
        zs = np.column_stack([cols[f"true_{c}"] for c in spec.competencies])
        cols["true_performance"] = zs @ w / np.sqrt((w**2).sum())  # standardised latent performance
        for key, value in cols.items():
            parts.setdefault(key, []).append(value)
    d = {k: np.concatenate(v) for k, v in parts.items()}
    n = len(d["job"])
    sex = rng.choice(SEXES, n).astype(object)
    age = rng.choice(AGE_BANDS, n, p=[0.28, 0.36, 0.22, 0.14]).astype(object)
    sex[rng.random(n) < p.group_unknown_share] = None
    age[rng.random(n) < p.group_unknown_share] = None
    if p.groups:
        d["sex"], d["age_band"] = sex, age
        extra_rng = np.random.default_rng([p.seed, 1709])  # its own stream: adding a group changes nothing else
        for g in p.extra_groups:
            values = extra_rng.choice(np.array(g.values, dtype=object), n, p=np.asarray(g.shares) / sum(g.shares))
            values[extra_rng.random(n) < p.group_unknown_share] = None
            d[g.name] = values
    elif p.bias is not None:
        raise ValidationFailed("A bias injection needs group data: set groups=True.")
    general = np.column_stack([d[f"true_{c}"] for c in COMPETENCIES]).mean(axis=1)
    d["resume_match"] = np.clip(60 + 25 * general + rng.normal(0, 12, n), 0, 100).round(1)
    shift = np.zeros(n)
    if p.bias is not None:
        shift = np.where(d[p.bias.column] == p.bias.value, p.bias.score_shift, 0.0)
    for comp in COMPETENCIES:
        raw = 3 + 0.85 * d[f"true_{comp}"] + rng.normal(0, p.score_noise, n) + shift
        d[f"score_{comp}"] = np.clip(np.round(raw), 1, 5)
    for spec in p.jobs:  # a job only interviews its own competencies
        rows = d["job"] == spec.key
        for c in COMPETENCIES:
            if c not in spec.competencies:
                d[f"score_{c}"][rows] = np.nan
    comm, composure = d["true_communication"], d["true_composure"]
    d["speech_rate"] = np.round(210 + 18 * comm + rng.normal(0, 25, n), 1)
    d["speech_rate_cv"] = np.round(np.clip(21 - 7 * composure + rng.normal(0, 2.5, n), 3, 80), 1)
    d["pauses_per_min"] = np.round(np.clip(6 - 1.0 * comm - 0.6 * composure + rng.normal(0, 2, n), 0, None), 2)
    d["fillers_per_min"] = np.round(np.clip(3 - 0.8 * comm + rng.normal(0, 1.5, n), 0, None), 2)
    d["smile_ratio"] = np.round(np.clip(0.3 + 0.05 * d["true_customer_relationship"] + rng.normal(0, 0.1, n), 0, 1), 3)
    d["eye_contact_ratio"] = np.round(np.clip(0.6 + 0.05 * composure + rng.normal(0, 0.12, n), 0, 1), 3)
    return d


def _hire(p: SynthParams, rng: np.random.Generator, d: dict[str, np.ndarray]) -> pd.DataFrame:
    """Current practice: equal competency weights, top share of each job-month cohort hired."""
    n = len(d["job"])
    composite = np.zeros(n)
    for spec in p.jobs:
        rows = d["job"] == spec.key
        composite[rows] = np.column_stack([d[f"score_{c}"][rows] for c in spec.competencies]).mean(axis=1)
    d["interview_score"] = np.round((composite - 1) / 4 * 100, 1)
    decision = stats.zscore(composite) + 0.3 * stats.zscore(d["resume_match"]) + rng.normal(0, p.judgement_noise, n)
    if p.bias is not None:
        decision = decision + np.where(d[p.bias.column] == p.bias.value, p.bias.selection_shift, 0.0)
    # rank within each job-month cohort: sort by cohort then by decision (descending)
    job_keys, job_code = np.unique(d["job"], return_inverse=True)
    cohort = job_code * (d["apply_month"].max() + 1) + d["apply_month"]
    order = np.lexsort((-decision, cohort))
    sorted_cohort = cohort[order]
    first = np.r_[0, np.flatnonzero(np.diff(sorted_cohort)) + 1]
    size = np.diff(np.r_[first, n])
    pos = np.arange(n) - np.repeat(first, size) + 1
    pct = np.empty(n)
    pct[order] = pos / np.repeat(size, size)
    rate_of = {j.key: j.hire_rate for j in p.jobs}
    rates = np.array([rate_of[k] for k in job_keys])[job_code]
    d["hired"] = pct <= rates
    month = d.pop("apply_month")
    out = {"candidate_id": np.char.add("C", np.char.zfill(np.arange(n).astype(str), 6)).astype(object),
           "job": d.pop("job"), "apply_month": month, "apply_period": month_label(p.start, month)}
    return pd.DataFrame(out | d)


def _employment(p: SynthParams, rng: np.random.Generator, apps: pd.DataFrame,
                horizon: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    h = apps[apps["hired"]].reset_index(drop=True)
    n, months = len(h), horizon
    start = h["apply_month"].to_numpy() + 1  # first working month
    spec_of = {j.key: j for j in p.jobs}
    keys, code = np.unique(h["job"].to_numpy(dtype=object).astype(str), return_inverse=True)
    base_att = np.array([spec_of[k].base_attainment for k in keys])[code]
    base_exit = np.array([spec_of[k].base_exit_logit for k in keys])[code]
    n_mgr = np.array([spec_of[k].n_managers for k in keys])[code]
    # managers of all jobs in one flat array; a hire's manager is offset[job] + local index
    offsets = dict(zip(spec_of, np.cumsum([0] + [s.n_managers for s in spec_of.values()])[:-1]))
    total_mgr = sum(s.n_managers for s in spec_of.values())
    mgr_perf = rng.normal(0, p.manager_perf_sd, total_mgr)
    mgr_exit = rng.normal(0, p.manager_exit_sd, total_mgr)
    off = np.array([offsets[k] for k in keys], dtype=int)[code]
    perf = h["true_performance"].to_numpy()
    comp = h["true_composure"].to_numpy()
    pay0 = np.round(rng.normal(1.0, 0.08, n), 3)

    # Exogenous month-by-month processes (managers, promotions, pay), drawn before exits. Exits react to them
    # with a lag of LAG months, so that the true 3-month exit probability at month t depends only on what has
    # happened by t: the oracle does not peek at future events.
    mgr = np.zeros((n, months), dtype=int)
    mgr_changed = np.zeros((n, months), dtype=bool)
    promoted = np.zeros((n, months), dtype=bool)
    pay = np.zeros((n, months))
    since_change_m = np.zeros((n, months), dtype=int)
    since_promo_m = np.zeros((n, months), dtype=int)
    cur = (rng.random(n) * n_mgr).astype(int)
    cur_pay = pay0.copy()
    since_change = np.full(n, 99)
    since_promo = np.full(n, 99)
    jobs = h["job"].to_numpy()
    for t in range(months):
        active = t >= start
        tenure = t - start + 1
        change = active & (tenure > 1) & (rng.random(n) < 0.03)
        cur = np.where(change, (rng.random(n) * n_mgr).astype(int), cur)
        since_change = np.where(change, 0, since_change + 1)
        promo = active & (tenure >= 12) & (since_promo > 12) & (rng.random(n) < _sigmoid(-4.0 + 1.0 * perf))
        since_promo = np.where(promo, 0, since_promo + 1)
        cur_pay = np.where(promo, cur_pay * 1.10, cur_pay)
        mgr[:, t], mgr_changed[:, t], promoted[:, t], pay[:, t] = cur, change, promo, cur_pay
        since_change_m[:, t], since_promo_m[:, t] = since_change, since_promo
    mperf = mgr_perf[off[:, None] + mgr]
    lag = np.maximum(np.arange(months) - LAG, 0)
    tenure_all = np.arange(months)[None, :] - start[:, None] + 1
    eta = (base_exit[:, None] + p.composure_exit * comp[:, None] + p.performance_exit * perf[:, None]
           + p.early_tenure_exit * (tenure_all <= 6) + p.pay_exit * (pay[:, lag] - 1.0)
           + p.manager_change_exit * (since_change_m[:, lag] < 4)  # a change 3 to 6 months ago
           + p.promotion_exit * (since_promo_m[:, lag] < 10) + mgr_exit[off[:, None] + mgr[:, lag]])
    hazard_invol = np.where(tenure_all >= 3, _sigmoid(-5.6 - 1.1 * (perf[:, None] + mperf[:, lag])), 0.0)
    h_vol = _sigmoid(eta)
    hazard = 1 - (1 - h_vol) * (1 - hazard_invol)
    idx = np.arange(months)[None, :]
    active = idx >= start[:, None]
    hazard = np.where(active, hazard, 0.0)
    exit_draw = (rng.random((n, months)) < hazard) & active
    exited = exit_draw.any(axis=1)
    exit_month = np.where(exited, exit_draw.argmax(axis=1), -1)
    te = np.maximum(exit_month, 0)
    rows_n = np.arange(n)
    u_type, u_reason = rng.random(n), rng.random(n)
    invol = exited & (u_type < hazard_invol[rows_n, te] / np.maximum(hazard[rows_n, te], 1e-12))
    # voluntary reasons: weights follow the drivers present in the exit month
    w = np.column_stack([
        np.maximum(0.05, 1.0 - pay[rows_n, te]) * 8 + 0.2,
        np.where(mgr[rows_n, te] != mgr[rows_n, np.maximum(te - 6, 0)], 1.5, 0.3),
        0.4 + np.maximum(0.0, -comp), np.full(n, 0.6), np.full(n, 0.5),
    ])
    cum = np.cumsum(w / w.sum(axis=1, keepdims=True), axis=1)
    pick = (u_reason[:, None] > cum).sum(axis=1).clip(0, 4)
    reason = np.where(exited, np.where(invol, "performance", np.array(EXIT_REASONS[:5], dtype=object)[pick]), None)

    tenure_m = idx - start[:, None] + 1
    in_post = active & ((exit_month[:, None] < 0) | (idx <= exit_month[:, None]))
    ramp = -0.10 * np.exp(-(tenure_m - 1) / 2.0)
    mean_att = base_att[:, None] + p.attainment_per_sd * (perf[:, None] + mperf) + ramp
    att = mean_att + rng.normal(0, p.attainment_noise, (n, months))
    rows = np.argwhere(in_post)
    ii, tt = rows[:, 0], rows[:, 1]
    monthly_cols = {
        "employee_id": h["candidate_id"].to_numpy()[ii], "job": jobs[ii], "month": tt,
        "period": month_label(p.start, tt), "tenure_months": tenure_m[ii, tt],
        "attainment": np.round(att[ii, tt], 4), "manager_id": _manager_ids(keys, code[ii], mgr[ii, tt]),
        "manager_changed": mgr_changed[ii, tt], "promoted": promoted[ii, tt], "pay_ratio": np.round(pay[ii, tt], 4),
        "true_hazard": hazard[ii, tt], "met_target": np.round(att[ii, tt], 4) >= 1.0,
    }
    # true probability of leaving in the next three months, from the exogenous hazards (NaN past the horizon)
    log_surv = np.log1p(-np.minimum(hazard, 1 - 1e-12))
    csum = np.concatenate([np.zeros((n, 1)), np.cumsum(log_surv, axis=1)], axis=1)
    ok = tt + 3 <= months - 1
    t3 = np.minimum(tt + 3, months - 1)
    monthly_cols["true_p_exit_3m"] = np.where(ok, 1 - np.exp(csum[ii, t3 + 1] - csum[ii, tt + 1]), np.nan)
    monthly = pd.DataFrame(monthly_cols)

    last = np.where(exited, exit_month, months - 1)
    followed = start + 6 <= months  # six full months could be observed
    early = exited & (exit_month < start + 6)
    six = (tenure_m >= 1) & (tenure_m <= 6)
    complete = followed & ~early
    att6 = np.where(complete, _row_mean(att, six & in_post), np.nan)
    true_mean6 = _row_mean(mean_att, six & active)
    sd6 = p.attainment_noise / np.sqrt(6)
    surv6 = np.prod(np.where(six & active, 1 - hazard, 1.0), axis=1)
    extra = {
        "start_month": start, "start_period": month_label(p.start, start), "exited": exited,
        "exit_month": np.where(exited, exit_month, np.nan),
        "exit_type": np.where(exited, np.where(invol, "involuntary", "voluntary"), None), "exit_reason": reason,
        "tenure_months": np.maximum(last - start + 1, 0), "followed_6m": followed,
        "retained_6m": np.where(followed, ~early, np.nan), "early_exit": np.where(followed, early, np.nan),
        # six-month outcomes: mean of the first six working months, for those who worked them
        "attainment_6m": att6, "met_target_6m": np.where(complete, att6 >= 1.0, np.nan),
        "true_attainment_6m": true_mean6, "true_p_met_target_6m": stats.norm.sf((1.0 - true_mean6) / sd6),
        "true_p_exit_6m": np.where(followed, 1 - surv6, np.nan),
    }
    hires = pd.concat([h.rename(columns={"candidate_id": "employee_id"}), pd.DataFrame(extra)], axis=1)
    return hires, monthly


def simulate_history(params: SynthParams | None = None) -> SynthHistory:
    """Simulate years of hiring, performance and exits with a fixed seed; the truth is kept."""
    p = params or SynthParams()
    rng = np.random.default_rng(p.seed)
    horizon = 12 * p.years
    apps = _hire(p, rng, _applicants(p, rng, horizon))
    hires, monthly = _employment(p, rng, apps, horizon)
    truth = {j.key: dict(zip(j.competencies, j.true_weights)) for j in p.jobs}
    return SynthHistory(params=p, applicants=apps, hires=hires, monthly=monthly, horizon=horizon, true_weights=truth)


def observed(df: pd.DataFrame) -> pd.DataFrame:
    """Drop every true_* column: what a real deployment would see."""
    return df[[c for c in df.columns if not c.startswith("true_")]].copy()
