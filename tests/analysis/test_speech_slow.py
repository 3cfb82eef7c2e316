"""End-to-end runs with Whisper (slow): Simplified Mandarin, model names, and identical measures twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hireloop.analysis import speech
from hireloop.analysis.pipeline import AnalysisOptions, analyze_answer
from hireloop.analysis.result import SCHEMA_VERSION

pytestmark = pytest.mark.slow


def test_mandarin_answer_end_to_end(media_dir: Path, model_cache: Path) -> None:
    stages: list[str] = []
    result = analyze_answer(media_dir / "answer_face_absent.webm", lang="zh",
                            options=AnalysisOptions(model_cache_dir=model_cache),
                            hook=lambda stage, completed, total: stages.append(stage))
    t = result.transcript
    assert t is not None and t.model == "whisper-base" and 0 < t.confidence <= 1
    assert "调整" in t.text and "處" not in t.text and "調" not in t.text  # Simplified, not Traditional
    assert all(b.start >= a.start for a, b in zip(t.words, t.words[1:]))
    assert {"probe", "decode_audio", "speech", "face"} <= set(stages)
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert data["schema_version"] == SCHEMA_VERSION and data["face_status"] == "computed"
    assert (model_cache / "whisper-base" / "model.bin.sha256").read_text() == speech.BASE_MODEL_SHA256


def test_same_file_twice_gives_identical_measures(media_dir: Path, model_cache: Path) -> None:
    options = AnalysisOptions(model_cache_dir=model_cache)
    first = analyze_answer(media_dir / "answer_short.mov", options=options)
    second = analyze_answer(media_dir / "answer_short.mov", options=options)
    assert first.language == "en" and first.transcript is not None
    assert first.measure_values() == second.measure_values()
    assert first.transcript == second.transcript and first.face == second.face
