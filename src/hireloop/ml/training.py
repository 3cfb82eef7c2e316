"""Train, validate and describe the loop models in one call each: what `hireloop models train` runs.

Each function returns a TrainedModel: the model refitted on all labelled rows (what gets deployed), plus the
metrics of an honest validation done before the refit, and what a model card needs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from hireloop.errors import ValidationFailed
from hireloop.ml.evaluate import classifier_metrics, regression_metrics, time_split
from hireloop.ml.features import ATTRITION_NUMERIC, attrition_snapshots, candidate_features
from hireloop.ml.ibm import IBM_FEATURES, train_ibm_attrition
from hireloop.ml.models import AttritionRiskModel, PerformanceModel
from hireloop.ml.registry import ModelCard, ModelRegistry


@dataclass(frozen=True)
class TrainedModel:
    """A fitted model with its validation metrics and model-card data."""

    name: str
    model: Any
    features: tuple[str, ...]
    target: str
    validation: str
    metrics: Mapping[str, float]
    data: Mapping[str, Any]
    params: Mapping[str, Any] = field(default_factory=dict)

    def save(self, registry: ModelRegistry, notes: str = "") -> ModelCard:
        """Store as the next version in the registry and return its card."""
        return registry.save(self.name, self.model, features=self.features, target=self.target, data=self.data,
                             validation=self.validation, metrics=self.metrics, params=self.params, notes=notes)

    def summary(self) -> dict[str, Any]:
        """JSON-ready summary (what `--json` prints)."""
        return {"name": self.name, "target": self.target, "validation": self.validation,
                "metrics": dict(self.metrics), "data": dict(self.data), "features": list(self.features)}


def _period(df: pd.DataFrame, col: str) -> str:
    return f"{df[col].min()}..{df[col].max()}" if col in df.columns and len(df) else ""


def train_attrition(hires: pd.DataFrame, monthly: pd.DataFrame, *, features: Sequence[str] | None = None,
                    test_share: float = 0.3, calibration: str | None = None, horizon_months: int = 3,
                    C: float = 1.0) -> TrainedModel:
    """3-month attrition risk from monthly employee snapshots; validated on the latest months (time split)."""
    snaps = attrition_snapshots(hires, monthly, horizon_months=horizon_months)
    if len(snaps) == 0:
        raise ValidationFailed("No employee-month has a known outcome yet; import more months of data.")
    wanted = list(features) if features is not None else [*ATTRITION_NUMERIC, "job"]
    feats = [f for f in wanted if f in snaps.columns and snaps[f].notna().any()]
    split = time_split(snaps["month"], test_share=test_share)
    train, test = snaps.iloc[split.train_index], snaps.iloc[split.test_index]
    params = {"C": C, "calibration": calibration, "horizon_months": horizon_months, "estimator": "logistic"}
    model = AttritionRiskModel(features=feats, C=C, calibration=calibration, horizon_months=horizon_months)
    m = classifier_metrics(test["left"], model.fit(train, train["left"]).risk(test))
    metrics: dict[str, float] = {"auc": m.auc, "brier": m.brier, "ece": m.ece, "log_loss": m.log_loss,
                                 "base_rate": m.base_rate, "n_test": m.n, "n_train": len(train)}
    if "true_p_exit_3m" in test.columns and test["true_p_exit_3m"].notna().all():  # synthetic data only
        metrics["oracle_auc"] = classifier_metrics(test["left"], test["true_p_exit_3m"]).auc
    final = AttritionRiskModel(features=feats, C=C, calibration=calibration, horizon_months=horizon_months)
    final.fit(snaps, snaps["left"])
    data = {"rows": len(snaps), "employees": int(snaps["employee_id"].nunique()), "leavers_in_horizon":
            int(snaps["left"].sum()), "period": _period(snaps, "period")}
    return TrainedModel("attrition", final, tuple(feats), f"left within {horizon_months} months", split.description,
                        metrics, data, params)


def train_performance(hires: pd.DataFrame, *, test_share: float = 0.3, by_job: bool = True,
                      calibration: str | None = None, target: float = 1.0,
                      met_from: str = "regression") -> TrainedModel:
    """6-month KPI attainment and met-target probability; trained on earlier hires, tested on later ones.

    Rows are fitted oldest first, so the residual spread behind the met-target probability comes from
    time-ordered (blocked) folds.
    """
    need = {"attainment_6m", "start_month"}
    if need - set(hires.columns):
        raise ValidationFailed(f"Hires lack {sorted(need - set(hires.columns))}; join six-month outcomes first.")
    h = hires[hires["attainment_6m"].notna()].sort_values("start_month", kind="stable").reset_index(drop=True)
    X = candidate_features(h)
    split = time_split(h["start_month"], test_share=test_share, label="start month")
    tr, te = np.sort(split.train_index), split.test_index
    y = h["attainment_6m"].to_numpy(float)

    def model() -> PerformanceModel:
        return PerformanceModel(by_job=by_job, calibration=calibration, target=target, met_from=met_from)

    fitted = model().fit(X.iloc[tr], y[tr])
    reg = regression_metrics(y[te], fitted.predict(X.iloc[te]))
    met = classifier_metrics((y[te] >= target).astype(float), fitted.predict_met_target(X.iloc[te]))
    metrics = {"r2": reg.r2, "mae": reg.mae, "rmse": reg.rmse, "auc": met.auc, "brier": met.brier, "ece": met.ece,
               "met_target_rate": met.base_rate, "n_test": len(te), "n_train": len(tr)}
    final = model().fit(X, y)
    data = {"rows": len(h), "period": _period(h, "start_period")}
    return TrainedModel("performance", final, tuple(X.columns), "attainment_6m", split.description, metrics, data,
                        {"by_job": by_job, "calibration": calibration, "target": target, "estimator": "linear",
                         "met_from": met_from})


def train_attrition_from_employee_table(employees: pd.DataFrame, *, features: Sequence[str] = IBM_FEATURES,
                                        folds: int = 5, repeats: int = 3) -> TrainedModel:
    """Attrition from a one-row-per-employee table with a 'left' column and no dates (e.g. the IBM export)."""
    r = train_ibm_attrition(employees, features=features, folds=folds, repeats=repeats)
    metrics = {"auc": r.auc, "auc_sd": r.auc_sd, "brier": r.brier, "ece": r.ece, "pooled_auc": r.pooled.auc,
               "base_rate": r.pooled.base_rate, "n": r.n}
    data = {"rows": r.n, "leavers": r.positives, "period": "no dates in the export"}
    return TrainedModel("attrition", r.model, r.features, "left (ever, as recorded in the export)", r.validation,
                        metrics, data, {"C": r.model.C, "estimator": "logistic"})


def as_float_dict(values: Mapping[str, Any]) -> dict[str, float]:
    """Metrics with numpy scalars turned into plain floats (for JSON)."""
    return {k: float(np.asarray(v)) for k, v in values.items()}
