"""Prediction models: attrition close to the oracle, calibrated, explained; group data refused."""

from __future__ import annotations

import numpy as np
import pytest

from hireloop.ml.evaluate import classifier_metrics, expected_calibration_error, regression_metrics, time_split
from hireloop.ml.features import ATTRITION_NUMERIC, GroupDataAsFeature, attrition_snapshots, candidate_features
from hireloop.ml.models import AttritionRiskModel, PerformanceModel

FEATURES = [*ATTRITION_NUMERIC, "job"]


@pytest.fixture(scope="module")
def snapshots(history):
    return attrition_snapshots(history.hires, history.monthly)


def test_attrition_auc_is_within_003_of_the_oracle_and_calibrated(snapshots) -> None:
    split = time_split(snapshots["month"], test_share=0.3)
    train, test = snapshots.iloc[split.train_index], snapshots.iloc[split.test_index]
    assert train["month"].max() < test["month"].min()  # trained on the past only
    model = AttritionRiskModel(features=FEATURES).fit(train, train["left"])
    got = classifier_metrics(test["left"], model.risk(test))
    oracle = classifier_metrics(test["left"], test["true_p_exit_3m"])
    assert got.positives > 500
    assert oracle.auc - got.auc <= 0.03, (got.auc, oracle.auc)
    assert got.ece <= 0.05
    platt = AttritionRiskModel(features=FEATURES, calibration="sigmoid").fit(train, train["left"])
    assert expected_calibration_error(test["left"].to_numpy(), platt.risk(test)) <= 0.05


def test_attrition_explanations_name_the_drivers(snapshots) -> None:
    model = AttritionRiskModel(features=FEATURES).fit(snapshots, snapshots["left"])
    risky = snapshots.sort_values("speech_rate_cv").tail(1)
    (exp,) = model.explain(risky, top=3)
    assert exp.prediction == pytest.approx(model.risk(risky)[0])
    assert exp.row == risky.index[0]  # the explanation names the row it explains
    assert len(exp.factors) == 3
    assert "speech_rate_cv" in [f.feature for f in exp.factors]
    assert next(f for f in exp.factors if f.feature == "speech_rate_cv").effect > 0
    assert next(f for f in exp.factors if f.feature == "speech_rate_cv").label_zh == "语速变化率"


def test_group_data_is_never_a_feature(snapshots) -> None:
    data = snapshots.assign(sex="female")
    with pytest.raises(GroupDataAsFeature):
        AttritionRiskModel(features=[*FEATURES, "sex"]).fit(data, data["left"])
    with pytest.raises(GroupDataAsFeature):
        AttritionRiskModel().fit(data[["tenure_months", "sex"]], data["left"])  # all columns, sex among them


def test_performance_model_predicts_six_month_outcomes_on_later_hires(history) -> None:
    h = history.hires[history.hires["attainment_6m"].notna()].reset_index(drop=True)
    X = candidate_features(h)
    split = time_split(h["start_month"], test_share=0.3, label="start month")
    tr, te = split.train_index, split.test_index
    model = PerformanceModel().fit(X.iloc[tr], h["attainment_6m"].iloc[tr])
    reg = regression_metrics(h["attainment_6m"].iloc[te], model.predict(X.iloc[te]))
    met = classifier_metrics(h["met_target_6m"].iloc[te], model.predict_met_target(X.iloc[te]))
    oracle = classifier_metrics(h["met_target_6m"].iloc[te], h["true_p_met_target_6m"].iloc[te])
    assert reg.r2 > 0.15
    # the oracle also knows each manager's effect, which no candidate model can: only a floor is asserted
    assert met.auc > 0.7 and met.auc < oracle.auc
    # about 570 test hires: ECE of even the true probabilities is ~0.03 here, so the bar is looser than 0.05
    assert met.ece <= 0.08 and oracle.ece <= 0.05
    assert set(model.per_job_) == {j.key for j in history.params.jobs}
    (exp,) = model.explain(X.iloc[te[:1]])
    assert exp.factors and np.isfinite(exp.prediction)


def test_snapshots_accept_minimal_real_world_tables() -> None:
    import pandas as pd

    from hireloop.ml.features import month_index

    months = month_index(pd.Series(["2024-01-15", "2024-02-03", "2024-03-31", "2024-04-01", "2024-05-20"]), "2024-01")
    assert list(months) == [0, 1, 2, 3, 4]
    monthly = pd.DataFrame({"employee_id": ["a"] * 5 + ["b"] * 5, "month": list(months) * 2,
                            "tenure_months": [1, 2, 3, 4, 5] * 2, "attainment": [0.9, 1.1, 1.0, 0.8, 1.2] * 2})
    hires = pd.DataFrame({"employee_id": ["a", "b"], "exit_month": [np.nan, 2.0]})
    snaps = attrition_snapshots(hires, monthly, horizon_months=1, last_month=4)
    # b leaves in month 2: labelled snapshots at months 0 (stays) and 1 (leaves next month); then no rows
    b = snaps[snaps["employee_id"] == "b"]
    assert list(b["month"]) == [0, 1] and list(b["left"]) == [0.0, 1.0]
    a = snaps[snaps["employee_id"] == "a"]
    assert list(a["month"]) == [0, 1, 2, 3] and a["left"].eq(0).all()
    assert a["met_target_share"].iloc[1] == pytest.approx(0.5) and a["pay_ratio"].isna().all()


def test_a_whole_table_never_learns_from_ids_labels_or_time(snapshots) -> None:
    data = snapshots[["employee_id", "month", "period", "tenure_months", "speech_rate_cv", "true_p_exit_3m", "left"]]
    model = AttritionRiskModel().fit(data, data["left"])
    assert list(model.feature_names_in_) == ["tenure_months", "speech_rate_cv"]
