"""A small transparent model that turns answer signals into a 1-5 score: ridge regression on standardised signals."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

FEATURES = (
    "relevance_contrast",
    "anchor_expected_level",
    "anchor_slope",
    "structure",
    "numbers",
    "first_person_actions",
    "reflection",
    "vagueness",
    "length",
)
WEIGHTS_FILE = Path(__file__).with_name("weights.json")


class ContentModel:
    """Ridge regression (closed form) on z-scored signals; predictions are clipped to the 1-5 scale."""

    def __init__(self, alpha: float = 4.0, features: Sequence[str] = FEATURES) -> None:
        self.alpha = alpha
        self.features = tuple(features)

    def _matrix(self, rows: Sequence[dict[str, float]]) -> np.ndarray:
        return np.array([[float(r[f]) for f in self.features] for r in rows], dtype=float)

    def fit(self, rows: Sequence[dict[str, float]], y: Sequence[float]) -> ContentModel:
        """Fit on signal dicts and expected ratings; returns self."""
        X = self._matrix(rows)
        target = np.asarray(y, dtype=float)
        self.mean_ = X.mean(axis=0)
        self.scale_ = X.std(axis=0)
        self.scale_[self.scale_ == 0] = 1.0
        Z = (X - self.mean_) / self.scale_
        self.intercept_ = float(target.mean())
        A = Z.T @ Z + self.alpha * np.eye(Z.shape[1])
        self.coef_ = np.linalg.solve(A, Z.T @ (target - self.intercept_))
        self.n_train_ = len(target)
        return self

    def contributions(self, signals: dict[str, float]) -> dict[str, float]:
        """Each signal's share of the score (points above or below the training mean)."""
        z = (self._matrix([signals])[0] - self.mean_) / self.scale_
        return {f: float(c * v) for f, c, v in zip(self.features, self.coef_, z, strict=True)}

    def predict_one(self, signals: dict[str, float]) -> float:
        """Score of one answer on the 1-5 scale."""
        raw = self.intercept_ + sum(self.contributions(signals).values())
        return float(np.clip(raw, 1.0, 5.0))

    def predict(self, rows: Sequence[dict[str, float]]) -> np.ndarray:
        """Scores of many answers."""
        return np.array([self.predict_one(r) for r in rows])

    def to_dict(self, card: dict[str, Any] | None = None) -> dict[str, Any]:
        """Plain data to ship as weights.json, with a model card."""
        return {
            "kind": "ridge",
            "alpha": self.alpha,
            "features": list(self.features),
            "mean": self.mean_.tolist(),
            "scale": self.scale_.tolist(),
            "coef": self.coef_.tolist(),
            "intercept": self.intercept_,
            "n_train": self.n_train_,
            "card": card or {},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ContentModel:
        """Rebuild a fitted model from `to_dict` output."""
        model = cls(alpha=float(data["alpha"]), features=data["features"])
        model.mean_ = np.asarray(data["mean"], dtype=float)
        model.scale_ = np.asarray(data["scale"], dtype=float)
        model.coef_ = np.asarray(data["coef"], dtype=float)
        model.intercept_ = float(data["intercept"])
        model.n_train_ = int(data["n_train"])
        return model


def load_default_model(path: str | Path | None = None) -> tuple[ContentModel, dict[str, Any]]:
    """The shipped model (fitted on the training split of tests/data/answers/labels.jsonl) and its card."""
    data = json.loads(Path(path or WEIGHTS_FILE).read_text(encoding="utf-8"))
    return ContentModel.from_dict(data), data.get("card", {})
