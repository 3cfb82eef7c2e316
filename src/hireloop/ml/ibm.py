"""The attrition model on a real HR export (the IBM HR Analytics sample, 1470 employees, no dates).

The export is first normalised to HireLoop's employee column names (IBM_COLUMNS, which the import tool's
mapping can reuse). Because the export has no hire or exit dates, a time split is impossible: validation is
stratified K-fold cross-validation, repeated, and the result says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.model_selection import RepeatedStratifiedKFold

from hireloop.errors import ValidationFailed
from hireloop.ml.evaluate import ClassifierMetrics, classifier_metrics
from hireloop.ml.features import assert_no_group_features
from hireloop.ml.models import AttritionRiskModel

IBM_COLUMNS: dict[str, str] = {
    "EmployeeNumber": "employee_id", "Attrition": "left", "Age": "age", "Gender": "sex",
    "MaritalStatus": "marital_status", "BusinessTravel": "business_travel", "Department": "department",
    "DistanceFromHome": "distance_from_home", "Education": "education", "EducationField": "education_field",
    "EnvironmentSatisfaction": "environment_satisfaction", "JobInvolvement": "job_involvement",
    "JobLevel": "job_level", "JobRole": "job_role", "JobSatisfaction": "job_satisfaction",
    "MonthlyIncome": "monthly_income", "NumCompaniesWorked": "num_companies_worked", "OverTime": "overtime",
    "PercentSalaryHike": "percent_salary_hike", "PerformanceRating": "performance_rating",
    "RelationshipSatisfaction": "relationship_satisfaction", "StockOptionLevel": "stock_option_level",
    "TotalWorkingYears": "total_working_years", "TrainingTimesLastYear": "training_times_last_year",
    "WorkLifeBalance": "work_life_balance", "YearsAtCompany": "tenure_years", "YearsInCurrentRole": "years_in_role",
    "YearsSinceLastPromotion": "years_since_promotion", "YearsWithCurrManager": "years_with_manager",
    "DailyRate": "daily_rate", "HourlyRate": "hourly_rate", "MonthlyRate": "monthly_rate",
}
# Constant in the export (EmployeeCount, Over18, StandardHours) or protected (age, sex, marital status):
# never features. Daily/hourly/monthly "rate" columns are unexplained noise in this sample and are left out.
IBM_FEATURES: tuple[str, ...] = (
    "tenure_years", "years_in_role", "years_since_promotion", "years_with_manager", "monthly_income",
    "percent_salary_hike", "stock_option_level", "job_level", "overtime", "performance_rating",
    "job_satisfaction", "environment_satisfaction", "work_life_balance", "job_involvement",
    "relationship_satisfaction", "business_travel", "department", "job_role", "distance_from_home",
    "num_companies_worked", "total_working_years", "training_times_last_year", "education", "education_field",
)
_YES = {"yes", "y", "true", "1", "是"}


@dataclass(frozen=True)
class IbmAttritionResult:
    """Cross-validated attrition metrics on the IBM export and the model refitted on all rows."""

    n: int
    positives: int
    validation: str
    auc: float
    auc_sd: float  # across folds
    brier: float
    ece: float
    pooled: ClassifierMetrics  # out-of-fold predictions pooled over the first repeat
    features: tuple[str, ...]
    model: AttritionRiskModel


def normalize_ibm_export(raw: pd.DataFrame) -> pd.DataFrame:
    """Rename the IBM export to HireLoop's column names; 'left' becomes 0/1 and 'overtime' 0/1."""
    cols = {c: c.strip().lstrip("\ufeff") for c in raw.columns}
    df = raw.rename(columns=cols)
    missing = [c for c in ("Attrition", "YearsAtCompany", "MonthlyIncome") if c not in df.columns]
    if missing:
        raise ValidationFailed(f"This does not look like the IBM HR export: {missing} missing. Map its columns first.")
    df = df.rename(columns=IBM_COLUMNS)[[v for k, v in IBM_COLUMNS.items() if k in df.columns]].copy()
    df["left"] = df["left"].astype(str).str.strip().str.lower().isin(_YES).astype(int)
    if "overtime" in df.columns:
        df["overtime"] = df["overtime"].astype(str).str.strip().str.lower().isin(_YES).astype(int)
    if "sex" in df.columns:
        df["sex"] = df["sex"].astype(str).str.strip().str.lower()
    if "age" in df.columns:  # kept for the bias audit only
        df["age_band"] = pd.cut(df["age"], [0, 24, 34, 44, 200], labels=["18-24", "25-34", "35-44", "45+"]).astype(str)
    return df


def train_ibm_attrition(df: pd.DataFrame, *, features: Sequence[str] = IBM_FEATURES, folds: int = 5, repeats: int = 3,
                        C: float = 0.3, seed: int = 0) -> IbmAttritionResult:
    """Repeated stratified K-fold AUC, Brier and ECE of the attrition model on a normalised export."""
    feats = [f for f in features if f in df.columns]
    assert_no_group_features(feats)
    if "left" not in df.columns:
        raise ValidationFailed("The data needs a 'left' column (1 = the employee left); normalise the export first.")
    y = df["left"].astype(int).to_numpy()
    if len(y) < folds * 10 or y.sum() < folds:
        raise ValidationFailed(f"{len(y)} rows with {y.sum()} leavers are too few for {folds}-fold validation.")
    X = df[feats]
    aucs, briers, eces = [], [], []
    pooled = np.full(len(y), np.nan)
    cv = RepeatedStratifiedKFold(n_splits=folds, n_repeats=repeats, random_state=seed)
    for i, (tr, te) in enumerate(cv.split(X, y)):
        model = AttritionRiskModel(features=feats, C=C).fit(X.iloc[tr], y[tr])
        p = model.risk(X.iloc[te])
        m = classifier_metrics(y[te], p)
        aucs.append(m.auc), briers.append(m.brier), eces.append(m.ece)
        if i < folds:
            pooled[te] = p
    final = AttritionRiskModel(features=feats, C=C).fit(X, y)
    scheme = (f"stratified {folds}-fold cross-validation repeated {repeats} times (the export has no dates, so no "
              "time split is possible); metrics are means over folds")
    return IbmAttritionResult(len(y), int(y.sum()), scheme, float(np.mean(aucs)), float(np.std(aucs)),
                              float(np.mean(briers)), float(np.mean(eces)), classifier_metrics(y, pooled),
                              tuple(feats), final)
