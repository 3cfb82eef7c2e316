"""Versioned models on disk with model cards. A saved version is immutable: it is only ever replaced by a new one.

Layout: <root>/<name>/v0001/model.joblib and card.json. Files are written to a temporary folder and renamed,
made read-only, and the card keeps the model file's SHA-256, which is checked on every load.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import joblib

from hireloop.errors import Conflict, HireLoopError, NotFound, ValidationFailed
from hireloop.ml.features import assert_no_group_features

_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")


class ModelTampered(HireLoopError):
    """A stored model file no longer matches its card."""

    status_code = 500
    code = "model_tampered"


@dataclass(frozen=True)
class ModelCard:
    """What a model is, what it learned from and how well it did."""

    name: str
    version: int
    created_at: str
    estimator: str
    features: tuple[str, ...]
    target: str
    data: Mapping[str, Any]  # source, rows, period, positives
    validation: str  # how the metrics were obtained (time split, stratified CV, ...)
    metrics: Mapping[str, float]
    params: Mapping[str, Any] = field(default_factory=dict)
    notes: str = ""
    sha256: str = ""

    def to_json(self) -> str:
        """The card as JSON text."""
        return json.dumps(asdict(self), ensure_ascii=False, indent=2, sort_keys=True, default=str)


class ModelRegistry:
    """Saves, lists and loads model versions under one root folder."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def _dir(self, name: str) -> Path:
        if not _NAME.match(name):
            raise ValidationFailed(f"Model name {name!r} must be lowercase letters, digits, '_' or '-'.")
        return self.root / name

    def versions(self, name: str) -> list[int]:
        """Saved versions of a model, oldest first."""
        d = self._dir(name)
        if not d.exists():
            return []
        return sorted(int(p.name[1:]) for p in d.iterdir() if p.is_dir() and re.fullmatch(r"v\d{4,}", p.name))

    def save(self, name: str, model: Any, *, features: Sequence[str], target: str, data: Mapping[str, Any],
             validation: str, metrics: Mapping[str, float], params: Mapping[str, Any] | None = None,
             notes: str = "", version: int | None = None) -> ModelCard:
        """Store a fitted model as the next version (or the given one, which must not exist) with its card."""
        assert_no_group_features(features)
        existing = self.versions(name)
        version = version if version is not None else (existing[-1] + 1 if existing else 1)
        target_dir = self._dir(name) / f"v{version:04d}"
        if target_dir.exists():
            raise Conflict(f"{name} v{version} already exists and is immutable; save a new version instead.")
        self._dir(name).mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self._dir(name)))
        try:
            joblib.dump(model, tmp / "model.joblib")
            digest = hashlib.sha256((tmp / "model.joblib").read_bytes()).hexdigest()
            card = ModelCard(name=name, version=version, created_at=datetime.now(UTC).isoformat(timespec="seconds"),
                             estimator=type(model).__name__, features=tuple(features), target=target, data=dict(data),
                             validation=validation, metrics={k: float(v) for k, v in metrics.items()},
                             params=dict(params or {}), notes=notes, sha256=digest)
            (tmp / "card.json").write_text(card.to_json(), encoding="utf-8")
            for f in tmp.iterdir():
                f.chmod(0o444)
            try:
                tmp.rename(target_dir)  # atomic; fails if a concurrent save took the version
            except OSError as exc:
                raise Conflict(f"{name} v{version} was saved concurrently; retry to get the next version.") from exc
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)
        return card

    def card(self, name: str, version: int | None = None) -> ModelCard:
        """The card of a version (the latest when version is None)."""
        v = self._resolve(name, version)
        raw = json.loads((self._dir(name) / f"v{v:04d}" / "card.json").read_text(encoding="utf-8"))
        raw["features"] = tuple(raw["features"])
        return ModelCard(**raw)

    def load(self, name: str, version: int | None = None) -> tuple[Any, ModelCard]:
        """The model and its card; refuses a model file that no longer matches the card's hash."""
        card = self.card(name, version)
        path = self._dir(name) / f"v{card.version:04d}" / "model.joblib"
        if hashlib.sha256(path.read_bytes()).hexdigest() != card.sha256:
            raise ModelTampered(f"{name} v{card.version} does not match its card; restore it from backup or retrain.")
        return joblib.load(path), card

    def cards(self, name: str) -> list[ModelCard]:
        """Cards of every version, oldest first."""
        return [self.card(name, v) for v in self.versions(name)]

    def _resolve(self, name: str, version: int | None) -> int:
        versions = self.versions(name)
        if not versions:
            raise NotFound(f"No saved model named {name!r}; train one first.")
        if version is None:
            return versions[-1]
        if version not in versions:
            raise NotFound(f"{name} has no version {version}; saved versions are {versions}.")
        return version
