"""Pauses on recordings with silences of known length, and the silent-answer result."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from hireloop.analysis import audio, media
from hireloop.analysis.pipeline import AnalysisOptions, analyze_answer
from hireloop.analysis.result import FaceStatus


@pytest.mark.parametrize("name", ["answer_zh_pauses.webm", "answer_en_pauses.mp4"])
def test_inserted_silences_are_found_with_their_length(media_dir: Path, truth: dict, name: str) -> None:
    samples = media.decode_audio(media_dir / name)
    activity = audio.detect_voice(samples)
    expected = truth[name]["pauses"]
    assert len(activity.pauses) == len(expected)
    for found, (start, end) in zip(activity.pauses, expected):
        assert abs(found.start - start) <= 0.1 and abs(found.end - end) <= 0.1


def test_pause_stats_follow_the_definition() -> None:
    iv = audio.Interval
    activity = audio.VoiceActivity("test", (iv(1, 5), iv(5.5, 20), iv(22.5, 31)), (iv(5, 5.5), iv(20, 22.5)))
    stats = audio.pause_stats(activity)
    assert stats["pauses_per_min"] == pytest.approx(2 / (30 / 60))
    assert stats["pause_mean_s"] == pytest.approx(1.5)
    assert stats["pause_longest_s"] == pytest.approx(2.5)
    assert stats["long_pauses"] == 1


def test_short_gaps_are_not_pauses() -> None:
    # A 0.2 s gap between two bursts is below the 0.25 s definition and must merge.
    rng = np.random.default_rng(1)
    burst = (0.3 * rng.standard_normal(8000)).astype(np.float32)
    samples = np.concatenate([burst, np.zeros(3200, np.float32), burst])
    activity = audio.detect_voice(samples, method="energy")
    assert activity.pauses == ()


def test_silent_answer_says_no_speech(media_dir: Path) -> None:
    result = analyze_answer(media_dir / "silent.webm", options=AnalysisOptions(compute_face=False))
    assert [n.code for n in result.notes] == ["no_speech"]
    assert result.transcript is None
    assert result.measure("speaking_time").value == 0.0
    assert result.measure("speech_rate").value is None
    assert result.face_status is FaceStatus.NOT_COMPUTED
