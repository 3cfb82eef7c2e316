"""Feature tables for the loop models, the guard that keeps group data out of them, and display labels."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from hireloop.errors import ValidationFailed

# Columns that hold protected-group data. They may be audited, never learned from.
GROUP_COLUMNS: frozenset[str] = frozenset({
    "sex", "gender", "age", "age_band", "birth_year", "date_of_birth", "race", "ethnicity", "ethnic_group",
    "religion", "disability", "marital_status", "nationality", "national_origin", "pregnancy",
    "sexual_orientation", "group", "protected_group", "hukou",
})

BEHAVIOUR_LABELS: dict[str, tuple[str, str, str]] = {  # key: (zh, en, unit)
    "speech_rate": ("语速", "speech rate", "syllables/min"),
    "speech_rate_cv": ("语速变化率", "speech-rate variation", "%"),
    "pauses_per_min": ("停顿频率", "pauses", "/min"),
    "fillers_per_min": ("口头禅频率", "fillers", "/min"),
    "smile_ratio": ("微笑比例", "smile ratio", ""),
    "eye_contact_ratio": ("眼神交流比例", "eye contact ratio", ""),
}

# Identifiers, labels and time: never learned from when a model is given a whole table.
NOT_FEATURES: frozenset[str] = frozenset({
    "employee_id", "candidate_id", "application_id", "left", "month", "period", "apply_month", "apply_period",
    "start_month", "start_period", "exit_month", "exited", "exit_type", "exit_reason", "early_exit", "retained_6m",
    "attainment_6m", "met_target_6m", "hired", "followed_6m", "tenure_at_exit",
})

CANDIDATE_NUMERIC: tuple[str, ...] = ("resume_match", "interview_score") + tuple(BEHAVIOUR_LABELS)

ATTRITION_NUMERIC: tuple[str, ...] = (
    "tenure_months", "in_first_3_months", "in_first_6_months", "attainment_last3", "attainment_trend",
    "attainment_mean", "met_target_share", "promotions", "promoted_12m", "manager_changes_12m",
    "manager_changed_6m", "pay_ratio", "manager_exit_rate_12m", "interview_score", "resume_match",
) + tuple(BEHAVIOUR_LABELS)


class GroupDataAsFeature(ValidationFailed):
    """Raised when protected-group data would become a model feature."""

    code = "group_data_as_feature"


def label(key: str, lang: str = "en") -> str:
    """Display name of a competency or measure in zh or en; the key itself when unknown."""
    from hireloop.ml.synth import COMPETENCIES

    key = key.removeprefix("score_")
    if key in COMPETENCIES:
        return COMPETENCIES[key][0 if lang == "zh" else 1]
    if key in BEHAVIOUR_LABELS:
        return BEHAVIOUR_LABELS[key][0 if lang == "zh" else 1]
    return key


def assert_no_group_features(columns: Iterable[str], extra_group_columns: Iterable[str] = ()) -> None:
    """Refuse any feature list that contains protected-group data (sex, age band, configured groups)."""
    banned = GROUP_COLUMNS | {c.lower() for c in extra_group_columns}
    bad = sorted(c for c in columns if c.lower() in banned or c.lower().split("__")[0] in banned)
    if bad:
        raise GroupDataAsFeature(
            f"Group data can never be a model feature: remove {', '.join(bad)} from the feature list "
            "(group data is used only by the bias audit).",
            details={"columns": bad},
        )


def competency_columns(df: pd.DataFrame) -> list[str]:
    """The per-competency answer score columns (score_<competency>) present in a frame."""
    return [c for c in df.columns if c.startswith("score_")]


def candidate_features(df: pd.DataFrame, *, competencies: Iterable[str] | None = None) -> pd.DataFrame:
    """Resume, interview and behaviour features of candidates, with the job as a categorical column."""
    comps = list(competencies) if competencies is not None else competency_columns(df)
    comps = [c if c.startswith("score_") else f"score_{c}" for c in comps]
    cols = [c for c in CANDIDATE_NUMERIC if c in df.columns] + [c for c in comps if c in df.columns]
    out = df[cols].astype(float).copy()
    if "job" in df.columns:
        out["job"] = df["job"].astype(str).to_numpy()
    out.index = df.index
    return out


def _rolling(m: pd.DataFrame, col: str, window: int, how: str) -> pd.Series:
    """Per-employee trailing window statistic, aligned to m's index (m sorted by employee and month)."""
    r = m[col].astype(float).groupby(m["employee_id"], sort=False).rolling(window, min_periods=1)
    out = r.mean() if how == "mean" else r.sum()
    return out.reset_index(level=0, drop=True).sort_index()


def _manager_exit_rate(m: pd.DataFrame, hires: pd.DataFrame, window: int = 12) -> np.ndarray:
    """Share of a manager's team-months in the trailing window that ended in an exit (known at month end)."""
    if "manager_id" not in m.columns or "exit_month" not in hires.columns:
        return np.full(len(m), np.nan)
    exit_of = hires.set_index("employee_id")["exit_month"]
    exited_now = (m["employee_id"].map(exit_of) == m["month"]).to_numpy(dtype=float)
    mgr_codes, mgr = np.unique(m["manager_id"].astype(str).to_numpy(), return_inverse=True)
    month = m["month"].to_numpy(dtype=int)
    lo = month.min()
    span = month.max() - lo + 1
    heads = np.zeros((len(mgr_codes), span))
    exits = np.zeros((len(mgr_codes), span))
    np.add.at(heads, (mgr, month - lo), 1.0)
    np.add.at(exits, (mgr, month - lo), exited_now)
    ch = np.concatenate([np.zeros((len(mgr_codes), 1)), np.cumsum(heads, axis=1)], axis=1)
    ce = np.concatenate([np.zeros((len(mgr_codes), 1)), np.cumsum(exits, axis=1)], axis=1)
    t = month - lo
    start = np.maximum(t + 1 - window, 0)
    h = ch[mgr, t + 1] - ch[mgr, start]
    e = ce[mgr, t + 1] - ce[mgr, start]
    return np.where(h > 0, e / np.maximum(h, 1), np.nan)


def attrition_snapshots(hires: pd.DataFrame, monthly: pd.DataFrame, *, horizon_months: int = 3,
                        last_month: int | None = None, include_unlabelled: bool = False) -> pd.DataFrame:
    """One row per employee and month they were still employed: features so far and 'leaves within horizon'.

    monthly: employee_id, month (integer index, see month_index), tenure_months, attainment (1.0 = target);
    optional met_target (default attainment >= 1), promoted, manager_changed (default False), pay_ratio
    (pay / market midpoint, default unknown), job, period. hires: employee_id, exit_month (NaN while employed);
    optional interview_score, resume_match and behaviour measures. Labels need horizon_months of follow-up;
    rows without it are dropped unless include_unlabelled (then 'left' is NaN): how current employees are scored.
    """
    need = {"employee_id", "month", "tenure_months", "attainment"}
    missing = need - set(monthly.columns)
    if missing:
        raise ValidationFailed(f"Monthly performance data lacks columns {sorted(missing)}; import them first.")
    if "employee_id" not in hires.columns:
        raise ValidationFailed("The hires table needs an employee_id column to join exits and interview data.")
    defaults = {"met_target": monthly["attainment"] >= 1.0, "promoted": False, "manager_changed": False,
                "pay_ratio": np.nan}
    monthly = monthly.assign(**{k: v for k, v in defaults.items() if k not in monthly.columns})
    m = monthly.sort_values(["employee_id", "month"]).reset_index(drop=True)
    g = m.groupby("employee_id", sort=False)
    att = m["attainment"].astype(float)
    last3 = _rolling(m, "attainment", 3, "mean")
    shifted = g["attainment"].shift(3)
    prev3 = shifted.groupby(m["employee_id"], sort=False).rolling(3, min_periods=1).mean().reset_index(
        level=0, drop=True).sort_index()
    feats = pd.DataFrame({
        "employee_id": m["employee_id"], "month": m["month"].astype(int),
        "tenure_months": m["tenure_months"].astype(float),
        "in_first_3_months": (m["tenure_months"] <= 3).astype(float),
        "in_first_6_months": (m["tenure_months"] <= 6).astype(float),
        "attainment_last3": last3,
        "attainment_trend": (last3 - prev3).fillna(0.0),
        "attainment_mean": att.groupby(m["employee_id"]).cumsum() / (g.cumcount() + 1),
        "met_target_share": m["met_target"].astype(float).groupby(m["employee_id"]).cumsum() / (g.cumcount() + 1),
        "promotions": m["promoted"].astype(float).groupby(m["employee_id"]).cumsum(),
        "promoted_12m": _rolling(m, "promoted", 12, "sum").gt(0).astype(float),
        "manager_changes_12m": _rolling(m, "manager_changed", 12, "sum"),
        "manager_changed_6m": _rolling(m, "manager_changed", 6, "sum").gt(0).astype(float),
        "pay_ratio": m["pay_ratio"].astype(float),
        "manager_exit_rate_12m": _manager_exit_rate(m, hires),
    })
    for extra in ("job", "period", "true_p_exit_3m"):
        if extra in m.columns:
            feats[extra] = m[extra].to_numpy()
    static = [c for c in ("employee_id", "interview_score", "resume_match", *BEHAVIOUR_LABELS, "exit_month")
              if c in hires.columns]
    feats = feats.merge(hires[static], on="employee_id", how="left")
    exit_month = feats.pop("exit_month") if "exit_month" in feats else pd.Series(np.nan, index=feats.index)
    still = exit_month.isna() | (exit_month > feats["month"])
    feats = feats[still].copy()
    exit_month = exit_month[still]
    end = int(monthly["month"].max()) if last_month is None else last_month
    labelled = feats["month"] + horizon_months <= end
    left = (exit_month > feats["month"]) & (exit_month <= feats["month"] + horizon_months)
    feats["left"] = np.where(labelled, left.astype(float), np.nan)
    if not include_unlabelled:
        feats = feats[labelled]
    return feats.reset_index(drop=True)


def month_index(dates: pd.Series, origin: str) -> pd.Series:
    """Whole months from origin (YYYY-MM) to each date: the integer 'month' the loop tables use."""
    periods = pd.to_datetime(dates, errors="coerce").dt.to_period("M")
    base = pd.Period(origin, freq="M")
    return periods.map(lambda p: np.nan if pd.isna(p) else (p - base).n).astype(float)


def current_employees(snapshots: pd.DataFrame) -> pd.DataFrame:
    """The latest snapshot of each employee still employed: the rows the risk refresh scores."""
    last = snapshots.sort_values("month").groupby("employee_id", sort=False).tail(1)
    return last[last["month"] == snapshots["month"].max()].reset_index(drop=True)
