"""Model registry: versions with cards, immutable versions, tamper check; the IBM export end to end."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from hireloop.errors import Conflict, NotFound, ValidationFailed
from hireloop.ml.features import GroupDataAsFeature
from hireloop.ml.ibm import IBM_FEATURES, normalize_ibm_export, train_ibm_attrition
from hireloop.ml.models import AttritionRiskModel
from hireloop.ml.registry import ModelRegistry, ModelTampered

# the shared data folder sits beside the repository (../shared from the repository root)
IBM_CSV = (Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "hr"
           / "ibm_hr_employee_attrition.csv").resolve()


def _tiny_model() -> tuple[AttritionRiskModel, pd.DataFrame]:
    rng = np.random.default_rng(0)
    X = pd.DataFrame({"tenure_months": rng.integers(1, 40, 200).astype(float), "pay_ratio": rng.normal(1, 0.1, 200)})
    y = (rng.random(200) < 0.3).astype(float)
    return AttritionRiskModel().fit(X, y), X


def test_versions_cards_and_immutability(tmp_path) -> None:
    reg = ModelRegistry(tmp_path)
    model, X = _tiny_model()
    kw = dict(features=list(X.columns), target="left_3m", data={"source": "unit", "rows": 200},
              validation="none", metrics={"auc": 0.5})
    c1 = reg.save("attrition", model, **kw)
    c2 = reg.save("attrition", model, **kw)
    assert (c1.version, c2.version) == (1, 2) and reg.versions("attrition") == [1, 2]
    loaded, card = reg.load("attrition")
    assert card.version == 2 and card.features == ("tenure_months", "pay_ratio") and card.sha256
    np.testing.assert_allclose(loaded.risk(X), model.risk(X))
    assert reg.card("attrition", 1).created_at and reg.cards("attrition")[0].metrics == {"auc": 0.5}
    with pytest.raises(Conflict):
        reg.save("attrition", model, version=1, **kw)  # a saved version is never overwritten
    path = tmp_path / "attrition" / "v0001" / "model.joblib"
    assert not os.access(path, os.W_OK) or os.geteuid() == 0  # read-only (root ignores modes)
    path.chmod(0o644)
    path.write_bytes(path.read_bytes() + b"x")
    with pytest.raises(ModelTampered):
        reg.load("attrition", 1)
    with pytest.raises(NotFound):
        reg.load("performance")
    with pytest.raises(NotFound):
        reg.load("attrition", 9)
    with pytest.raises(ValidationFailed):
        reg.save("../evil", model, **kw)
    with pytest.raises(GroupDataAsFeature):
        reg.save("attrition", model, **{**kw, "features": ["tenure_months", "age_band"]})


@pytest.mark.skipif(not IBM_CSV.exists(), reason="the shared HR export is not beside the repository")
def test_ibm_export_trains_with_stratified_cv() -> None:
    raw = pd.read_csv(IBM_CSV)
    df = normalize_ibm_export(raw)
    assert len(df) == 1470 and df["left"].sum() == 237
    assert {"sex", "age", "age_band", "marital_status"} <= set(df.columns)
    assert not {"sex", "age", "age_band", "marital_status"} & set(IBM_FEATURES)
    result = train_ibm_attrition(df, repeats=1)
    assert "stratified 5-fold" in result.validation and "no dates" in result.validation
    assert 0.78 < result.auc < 0.9 and result.ece < 0.08
    assert result.pooled.n == 1470
    (exp,) = result.model.explain(df.head(1))
    assert exp.factors
    with pytest.raises(ValidationFailed):
        normalize_ibm_export(raw.drop(columns=["Attrition"]))
