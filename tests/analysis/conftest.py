"""Shared fixtures for the analysis tests: the committed recordings and their ground truth."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

MEDIA = Path(__file__).resolve().parents[1] / "data" / "media"


@pytest.fixture(scope="session")
def media_dir() -> Path:
    return MEDIA


@pytest.fixture(scope="session")
def truth() -> dict:
    return json.loads((MEDIA / "fixtures.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("models")
