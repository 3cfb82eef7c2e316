"""The two prediction models of the loop: 6-month performance of candidates, 3-month attrition risk of employees.

Both are scikit-learn style estimators on pandas frames. Numeric columns are imputed and scaled, text columns
one-hot encoded; group data is refused. Probabilities can be calibrated (Platt or isotonic) and every
prediction can be explained per person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from hireloop.errors import ValidationFailed
from hireloop.ml.features import NOT_FEATURES, assert_no_group_features, label


@dataclass(frozen=True)
class Factor:
    """One feature's push on one person's prediction, against the training reference."""

    feature: str
    label_zh: str
    label_en: str
    value: float | str | None
    effect: float  # change in the prediction caused by this feature's value vs the reference


@dataclass(frozen=True)
class Explanation:
    """Top factors behind one person's prediction."""

    row: int | str
    prediction: float
    baseline: float
    factors: tuple[Factor, ...]


def _split_columns(X: pd.DataFrame) -> tuple[list[str], list[str]]:
    cat = [c for c in X.columns if X[c].dtype == object or isinstance(X[c].dtype, pd.CategoricalDtype)
           or pd.api.types.is_string_dtype(X[c].dtype)]
    num = [c for c in X.columns if c not in cat]
    return num, cat


def _preprocessor(num: list[str], cat: list[str]) -> ColumnTransformer:
    parts = []
    if num:
        parts.append(("num", make_pipeline(SimpleImputer(strategy="median", keep_empty_features=True),
                                           StandardScaler()), num))
    if cat:
        parts.append(("cat", make_pipeline(SimpleImputer(strategy="most_frequent"),
                                           OneHotEncoder(handle_unknown="ignore", sparse_output=False)), cat))
    return ColumnTransformer(parts)


class _TabularModel(BaseEstimator):
    """Shared plumbing: column checks, preprocessing, reference row and occlusion explanations."""

    features: Sequence[str] | None
    group_columns: Sequence[str]

    def _select(self, X: pd.DataFrame, fitting: bool) -> pd.DataFrame:
        if not isinstance(X, pd.DataFrame):
            raise ValidationFailed("Pass a pandas DataFrame with named feature columns.")
        if self.features is not None:
            cols = list(self.features)
        else:  # every column except identifiers, labels, time and simulation truth
            cols = [c for c in X.columns if c not in NOT_FEATURES and not str(c).startswith("true_")]
        if not fitting:
            cols = list(self.feature_names_in_)
        missing = [c for c in cols if c not in X.columns]
        if missing:
            raise ValidationFailed(f"Missing feature columns {missing}; build them with hireloop.ml.features.")
        if fitting:
            assert_no_group_features(cols, self.group_columns)
        return X[cols]

    def _fit_reference(self, X: pd.DataFrame) -> None:
        num, cat = _split_columns(X)
        ref: dict[str, object] = {c: float(np.nanmedian(X[c].to_numpy(dtype=float))) if X[c].notna().any() else 0.0
                                  for c in num}
        ref.update({c: X[c].mode(dropna=True).iloc[0] if X[c].notna().any() else None for c in cat})
        self.feature_names_in_ = np.array(X.columns, dtype=object)
        self.reference_ = ref

    def _score(self, X: pd.DataFrame) -> np.ndarray:  # the quantity explained: probability or value
        raise NotImplementedError

    def explain(self, X: pd.DataFrame, top: int = 3) -> list[Explanation]:
        """Per-person top factors: the change in prediction when each feature is set to the typical value.

        Each Explanation's row is the person's index label in X (e.g. an employee id when X is indexed by it).
        """
        labels = list(X.index)
        X = self._select(X, fitting=False).reset_index(drop=True)
        ref_row = pd.DataFrame([self.reference_])[list(self.feature_names_in_)]
        baseline = float(self._score(ref_row.astype(X.dtypes.to_dict()))[0])
        pred = self._score(X)
        effects = np.zeros((len(X), X.shape[1]))
        for j, col in enumerate(X.columns):
            Xr = X.copy()
            Xr[col] = self.reference_[col]
            effects[:, j] = pred - self._score(Xr)
        out = []
        for i in range(len(X)):
            order = np.argsort(-np.abs(effects[i]))[:top]
            factors = tuple(Factor(X.columns[j], label(X.columns[j], "zh"), label(X.columns[j], "en"),
                                   _plain(X.iat[i, j]), float(effects[i, j])) for j in order if effects[i, j] != 0)
            row = labels[i]
            row = row.item() if isinstance(row, np.generic) else row
            out.append(Explanation(row=row, prediction=float(pred[i]), baseline=baseline, factors=factors))
        return out


def _plain(v: object) -> float | str | None:
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return None
    return v if isinstance(v, str) else float(v)  # type: ignore[arg-type]


class AttritionRiskModel(_TabularModel):
    """Probability that an employee leaves within the horizon (3 months by default)."""

    def __init__(self, features: Sequence[str] | None = None, estimator: str = "logistic", C: float = 1.0,
                 calibration: str | None = None, calibration_share: float = 0.2, time_column: str | None = "month",
                 horizon_months: int = 3, group_columns: Sequence[str] = (), random_state: int = 0) -> None:
        self.features = features
        self.estimator = estimator
        self.C = C
        self.calibration = calibration
        self.calibration_share = calibration_share
        self.time_column = time_column
        self.horizon_months = horizon_months
        self.group_columns = group_columns
        self.random_state = random_state

    def _make(self, X: pd.DataFrame) -> Pipeline:
        num, cat = _split_columns(X)
        if self.estimator == "logistic":
            clf = LogisticRegression(C=self.C, solver="newton-cholesky", max_iter=200)
        elif self.estimator == "gradient_boosting":
            clf = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_leaf_nodes=15,
                                                 random_state=self.random_state)
        else:
            raise ValidationFailed(f"Unknown estimator {self.estimator!r}; use 'logistic' or 'gradient_boosting'.")
        return Pipeline([("prep", _preprocessor(num, cat)), ("clf", clf)])

    def fit(self, X: pd.DataFrame, y: Sequence[float] | np.ndarray) -> AttritionRiskModel:
        """Fit on employee snapshots X and 0/1 'left within the horizon' labels y."""
        times = X[self.time_column].to_numpy() if self.time_column and self.time_column in X.columns else None
        X = self._select(X, fitting=True)
        y = np.asarray(y, dtype=float)
        if np.isnan(y).any() or len(np.unique(y)) < 2:
            raise ValidationFailed("Attrition labels must be 0/1 with both outcomes present.")
        self._fit_reference(X)
        self.calibrator_: LogisticRegression | IsotonicRegression | None = None
        if self.calibration is None:
            self.model_ = self._make(X).fit(X, y)
        elif self.calibration in ("isotonic", "sigmoid"):
            # calibrate on held-out rows: the latest ones when a time column is given (as the model will be
            # used on the future), otherwise a random share
            rng = np.random.default_rng(self.random_state)
            order = np.argsort(times, kind="stable") if times is not None else rng.permutation(len(y))
            n_cal = max(int(len(y) * self.calibration_share), 50)
            fit_idx, cal_idx = order[:-n_cal], order[-n_cal:]
            if len(np.unique(y[fit_idx])) < 2 or len(np.unique(y[cal_idx])) < 2:
                raise ValidationFailed("Too few leavers to hold some out for calibration; fit without calibration.")
            self.model_ = self._make(X).fit(X.iloc[fit_idx], y[fit_idx])
            p = self.model_.predict_proba(X.iloc[cal_idx])[:, 1]
            if self.calibration == "sigmoid":  # Platt scaling on the logit
                self.calibrator_ = LogisticRegression(C=1e6).fit(_logit(p)[:, None], y[cal_idx])
            else:
                self.calibrator_ = IsotonicRegression(y_min=0, y_max=1, out_of_bounds="clip").fit(p, y[cal_idx])
        else:
            raise ValidationFailed("calibration must be None, 'sigmoid' (Platt) or 'isotonic'.")
        self.classes_ = np.array([0.0, 1.0])
        self.n_train_ = len(y)
        self.base_rate_ = float(y.mean())
        return self

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        """Two-column probabilities (stays, leaves)."""
        p = self._score(self._select(X, fitting=False))
        return np.column_stack([1 - p, p])

    def risk(self, X: pd.DataFrame) -> np.ndarray:
        """Probability of leaving within the horizon."""
        return self.predict_proba(X)[:, 1]

    def _score(self, X: pd.DataFrame) -> np.ndarray:
        p = self.model_.predict_proba(X)[:, 1]
        if isinstance(self.calibrator_, LogisticRegression):
            return self.calibrator_.predict_proba(_logit(p)[:, None])[:, 1]
        if isinstance(self.calibrator_, IsotonicRegression):
            return np.asarray(self.calibrator_.predict(p), dtype=float)
        return p


def _logit(p: np.ndarray) -> np.ndarray:
    q = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(q / (1 - q))


class PerformanceModel(_TabularModel):
    """Six-month KPI attainment (regression) and met-target probability for candidates.

    Competency weights differ by job, so by default one model is fitted per job that has enough hires,
    with a pooled model for the rest.

    The met-target probability comes by default from the regression's predictive distribution:
    P(attainment >= target) = Phi((prediction - target) / sd), with sd the spread of out-of-fold residuals
    (blocked k-fold over the rows in the order given: pass them oldest first for time-ordered folds), per job
    when the job has enough of them. A separate logistic classifier (met_from="classifier", optionally
    calibrated) is kept for comparison: on the small demo histories it was overconfident (met-target ECE 0.18
    against 0.13, see docs/decisions/ml.md).
    """

    def __init__(self, features: Sequence[str] | None = None, estimator: str = "linear", alpha: float = 1.0,
                 calibration: str | None = None, by_job: bool = True, min_per_job: int = 60,
                 target: float = 1.0, group_columns: Sequence[str] = (), random_state: int = 0,
                 met_from: str = "regression", residual_folds: int = 5) -> None:
        self.features = features
        self.estimator = estimator
        self.alpha = alpha
        self.calibration = calibration
        self.by_job = by_job
        self.min_per_job = min_per_job
        self.target = target
        self.group_columns = group_columns
        self.random_state = random_state
        self.met_from = met_from
        self.residual_folds = residual_folds

    def _pair(self, X: pd.DataFrame) -> tuple[Pipeline, Pipeline]:
        num, cat = _split_columns(X)
        if self.estimator == "linear":
            reg = Ridge(alpha=self.alpha)
            clf = LogisticRegression(C=1.0 / self.alpha, solver="newton-cholesky", max_iter=200)
        elif self.estimator == "gradient_boosting":
            reg = HistGradientBoostingRegressor(max_iter=200, learning_rate=0.05, random_state=self.random_state)
            clf = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, random_state=self.random_state)
        else:
            raise ValidationFailed(f"Unknown estimator {self.estimator!r}; use 'linear' or 'gradient_boosting'.")
        return (Pipeline([("prep", _preprocessor(num, cat)), ("reg", reg)]),
                Pipeline([("prep", _preprocessor(num, cat)), ("clf", clf)]))

    def _fit_one(self, X: pd.DataFrame, y: np.ndarray) -> tuple[Pipeline, object]:
        reg, clf = self._pair(X)
        met = (y >= self.target).astype(int)
        reg.fit(X, y)
        if self.met_from == "regression":
            return reg, None
        if self.met_from != "classifier":
            raise ValidationFailed(f"Unknown met_from {self.met_from!r}; use 'regression' or 'classifier'.")
        if len(np.unique(met)) < 2:
            raise ValidationFailed("Everyone met (or missed) target in the training data; add more outcomes.")
        if self.calibration in ("isotonic", "sigmoid"):
            clf = CalibratedClassifierCV(clf, method=self.calibration, cv=3).fit(X, met)
        else:
            clf.fit(X, met)
        return reg, clf

    def fit(self, X: pd.DataFrame, attainment: Sequence[float] | np.ndarray) -> PerformanceModel:
        """Fit on candidate features X (with a 'job' column when by_job) and observed 6-month attainment."""
        X = self._select(X, fitting=True)
        y = np.asarray(attainment, dtype=float)
        if np.isnan(y).any():
            raise ValidationFailed("Attainment has missing values; keep only hires with six months of results.")
        self._fit_reference(X)
        self.pooled_ = self._fit_one(X, y)
        self.per_job_: dict[str, tuple[Pipeline, object]] = {}
        if self.by_job and "job" in X.columns:
            for job, idx in X.groupby("job").groups.items():
                if len(idx) >= self.min_per_job:
                    sub = X.loc[idx].dropna(axis=1, how="all")
                    self.per_job_[str(job)] = self._fit_one(sub, y[X.index.get_indexer(idx)])
        if self.met_from == "regression" and self.residual_folds:
            self._fit_residual_sd(X.reset_index(drop=True), y)
        self.n_train_ = len(y)
        return self

    def _fit_residual_sd(self, X: pd.DataFrame, y: np.ndarray) -> None:
        """Spread of out-of-fold residuals (blocked folds over the given order), pooled and per job."""
        k = int(min(self.residual_folds, max(len(y) // 20, 2)))
        oof = np.full(len(y), np.nan)
        for fold in np.array_split(np.arange(len(y)), k):
            train = np.setdiff1d(np.arange(len(y)), fold)
            sub = clone(self).set_params(residual_folds=0).fit(X.iloc[train], y[train])
            oof[fold] = sub.predict(X.iloc[fold])
        resid = y - oof
        self.residual_sd_ = float(np.std(resid, ddof=1))
        self.residual_sd_by_job_: dict[str, float] = {}
        if "job" in X.columns:
            jobs = X["job"].astype(str).to_numpy()
            for job in np.unique(jobs):
                r = resid[jobs == job]
                if len(r) >= 30:
                    self.residual_sd_by_job_[str(job)] = float(np.std(r, ddof=1))

    def _route(self, X: pd.DataFrame, which: int) -> np.ndarray:
        if which == 1 and getattr(self, "met_from", "classifier") == "regression":
            return self._met_from_regression(X)
        out = np.empty(len(X))
        jobs = X["job"].astype(str).to_numpy() if "job" in X.columns else np.full(len(X), "")
        for job in np.unique(jobs):
            sel = jobs == job
            pair = self.per_job_.get(job, self.pooled_)
            model = pair[which]
            cols = list(model.feature_names_in_)
            sub = X.loc[sel, cols]
            out[sel] = model.predict(sub) if which == 0 else model.predict_proba(sub)[:, 1]
        return out

    def _met_from_regression(self, X: pd.DataFrame) -> np.ndarray:
        from scipy.stats import norm

        mu = self._route(X, 0)
        jobs = X["job"].astype(str).to_numpy() if "job" in X.columns else np.full(len(X), "")
        by_job = getattr(self, "residual_sd_by_job_", {})
        sd = np.array([by_job.get(j, self.residual_sd_) for j in jobs], dtype=float)
        return norm.cdf((mu - self.target) / np.maximum(sd, 1e-6))

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """Expected six-month KPI attainment (1.0 = target)."""
        return self._route(self._select(X, fitting=False).reset_index(drop=True), 0)

    def predict_met_target(self, X: pd.DataFrame) -> np.ndarray:
        """Probability of meeting target over the first six months."""
        return self._route(self._select(X, fitting=False).reset_index(drop=True), 1)

    def _score(self, X: pd.DataFrame) -> np.ndarray:
        return self._route(X.reset_index(drop=True), 1)


def refit(model: _TabularModel, **changes: object) -> _TabularModel:
    """An unfitted copy with some parameters changed (for refreshes and comparisons)."""
    return clone(model).set_params(**changes)
