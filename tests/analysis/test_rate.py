"""Syllables, speech rate, speech-rate variation and fillers follow DESIGN.md section 4."""

from __future__ import annotations

import pytest

from hireloop.analysis import rate
from hireloop.analysis.audio import Interval, VoiceActivity
from hireloop.analysis.speech import Word


def test_syllables_chinese_characters_and_english() -> None:
    assert rate.syllables("甚至出现交易几乎停滞的情况。", "zh") == 13
    assert rate.syllables("ask not what your country can do", "en") == 8
    assert rate.english_syllables("potatoes") == 3 and rate.english_syllables("counselled") == 2


def test_fillers() -> None:
    assert rate.count_fillers("嗯，我觉得那个，就是说这个项目呃很好", "zh") == 4
    assert rate.count_fillers("Um, I think, like, you know, I'd like to lead. Uh", "en") == 4


def _words(n: int, start: float, end: float) -> list[Word]:
    step = (end - start) / n
    return [Word("字", start + i * step, start + (i + 1) * step, 0.9) for i in range(n)]


def test_speech_rate_and_variation() -> None:
    # 10 s of speech at 4 syl/s then 10 s at 6 syl/s, with a 2 s pause between.
    words = _words(40, 0.0, 10.0) + _words(60, 12.0, 22.0)
    activity = VoiceActivity("test", (Interval(0, 10), Interval(12, 22)), (Interval(10, 12),))
    sr = rate.speech_rate(words, activity, "zh")
    assert sr["syllables"] == 100 and sr["syllables_per_min"] == pytest.approx(100 / (22 / 60))
    cv = rate.rate_variation(words, activity, "zh")
    # Windows: [0,5) [5,10) at 240/min, [12,17) [17,22) at 360/min -> CV = 60/300 = 20 %.
    assert cv == pytest.approx(20.0, abs=0.5)


def test_variation_needs_two_windows() -> None:
    words = _words(10, 0.0, 3.0)
    activity = VoiceActivity("test", (Interval(0, 3),), ())
    assert rate.rate_variation(words, activity, "zh") is None


def test_custom_model_folder_must_be_ctranslate2(tmp_path) -> None:  # noqa: ANN001
    from hireloop.analysis import speech

    with pytest.raises(speech.ModelUnavailable) as err:
        speech.resolve_model(tmp_path, language="zh", cache_dir=tmp_path)
    assert err.value.code == "asr_model_unavailable" and "model.bin" in err.value.message
