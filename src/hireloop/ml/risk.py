"""Risk refresh: score every current employee with the attrition model and list those at risk, with reasons."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from hireloop.errors import ValidationFailed
from hireloop.ml.features import attrition_snapshots, current_employees
from hireloop.ml.models import AttritionRiskModel, Factor


@dataclass(frozen=True)
class RiskScore:
    """One employee's current attrition risk and the factors behind it."""

    employee_id: str
    month: int
    period: str | None
    risk: float
    band: str  # high | medium | low
    factors: tuple[Factor, ...]


def risk_band(risk: float, *, high: float, medium: float) -> str:
    """The band a probability falls into."""
    return "high" if risk >= high else "medium" if risk >= medium else "low"


def score_employees(model: AttritionRiskModel, hires: pd.DataFrame, monthly: pd.DataFrame, *, high: float = 0.25,
                    medium: float = 0.12, top_factors: int = 3) -> list[RiskScore]:
    """Score the latest month of every employee still employed, highest risk first."""
    if not 0 < medium <= high < 1:
        raise ValidationFailed("Risk bands need 0 < medium <= high < 1.")
    snaps = attrition_snapshots(hires, monthly, horizon_months=model.horizon_months, include_unlabelled=True)
    current = current_employees(snaps)
    if current.empty:
        return []
    risk = model.risk(current)
    explanations = model.explain(current, top=top_factors)
    out = [RiskScore(str(row.employee_id), int(row.month), getattr(row, "period", None), float(r),
                     risk_band(float(r), high=high, medium=medium), e.factors)
           for row, r, e in zip(current.itertuples(index=False), risk, explanations)]
    return sorted(out, key=lambda s: -s.risk)


def at_risk(scores: list[RiskScore], *, band: str = "high", limit: int | None = None) -> list[RiskScore]:
    """The at-risk list: employees in the given band or above, highest risk first."""
    order = {"high": 0, "medium": 1, "low": 2}
    if band not in order:
        raise ValidationFailed("band must be 'high', 'medium' or 'low'.")
    chosen = [s for s in scores if order[s.band] <= order[band]]
    return chosen[:limit] if limit is not None else chosen
