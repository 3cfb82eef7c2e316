"""One-call training with honest validation, saving to the registry, and the at-risk list."""

from __future__ import annotations

import json

import pytest

from hireloop.errors import ValidationFailed
from hireloop.ml.registry import ModelRegistry
from hireloop.ml.risk import at_risk, score_employees
from hireloop.ml.training import train_attrition, train_performance


@pytest.fixture(scope="module")
def trained(history):
    return train_attrition(history.hires, history.monthly)


def test_train_attrition_reports_time_split_metrics_and_saves_a_card(trained, tmp_path) -> None:
    s = trained.summary()
    json.dumps(s)  # what `hireloop models train attrition --json` prints
    assert s["validation"].startswith("time split")
    assert s["metrics"]["oracle_auc"] - s["metrics"]["auc"] <= 0.03 and s["metrics"]["ece"] <= 0.05
    assert not {"sex", "age_band"} & set(trained.features)
    card = trained.save(ModelRegistry(tmp_path))
    assert card.version == 1 and card.metrics["auc"] == pytest.approx(s["metrics"]["auc"])
    assert card.validation == trained.validation and card.data["employees"] > 1000


def test_train_performance_validates_on_later_hires(history) -> None:
    t = train_performance(history.hires)
    assert "start month" in t.validation
    assert t.metrics["r2"] > 0.15 and t.metrics["auc"] > 0.7
    with pytest.raises(ValidationFailed):
        train_performance(history.hires.drop(columns=["attainment_6m"]))


def test_at_risk_list_ranks_current_employees_with_reasons(trained, history) -> None:
    scores = score_employees(trained.model, history.hires, history.monthly, high=0.25, medium=0.12)
    assert [s.risk for s in scores] == sorted((s.risk for s in scores), reverse=True)
    high = at_risk(scores)
    assert high and all(s.band == "high" and s.risk >= 0.25 for s in high)
    assert len(at_risk(scores, band="medium")) > len(high)
    assert all(s.factors for s in high[:5])
    started = history.hires["start_month"] < history.horizon  # hired in the last month: not started yet
    assert len(scores) == (~history.hires["exited"] & started).sum()  # every current employee, once
    assert all(0 < s.risk < 1 for s in scores)
    leaving = set(history.hires.loc[history.hires["exited"], "employee_id"])
    assert not leaving & {s.employee_id for s in scores}  # only people still employed are scored
    with pytest.raises(ValidationFailed):
        score_employees(trained.model, history.hires, history.monthly, high=0.1, medium=0.2)
