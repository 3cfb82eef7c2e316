"""Speech rate, speech-rate variation (语速变化率) and fillers, computed from a transcript's timed words."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from hireloop.analysis.audio import Interval, VoiceActivity
from hireloop.analysis.speech import Word

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_DIGIT = re.compile(r"\d")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")

ZH_FILLERS = ("嗯", "呃", "额", "唔", "那个", "就是说")
EN_FILLERS = ("um", "umm", "uh", "uhh", "er", "erm", "hmm", "you know", "i mean")


def english_syllables(word: str) -> int:
    """Syllables of one English word by vowel groups, with the usual silent-e and -le corrections."""
    w = word.lower().strip("'")
    if not w:
        return 0
    count = len(_VOWEL_GROUPS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if (w.endswith("es") and len(w) > 3 and w[-3] not in "aeiouy"
            and not w.endswith(("ses", "zes", "ches", "shes", "ges", "ces", "xes")) and count > 1):
        count -= 1
    if w.endswith("ed") and not w.endswith(("ted", "ded")) and count > 1:
        count -= 1
    return max(count, 1)


def syllables(text: str, language: str) -> int:
    """Syllables in text: one per Chinese character, English by vowel groups, one per digit."""
    total = len(_CJK.findall(text))
    total += sum(english_syllables(w) for w in _LATIN_WORD.findall(text))
    total += len(_DIGIT.findall(text))
    return total


def word_count(text: str, language: str) -> int:
    """Words: jieba tokens for Chinese, whitespace-separated tokens otherwise."""
    if language == "zh":
        import jieba

        return sum(1 for tok in jieba.lcut(text) if _CJK.search(tok) or _LATIN_WORD.search(tok))
    return len(_LATIN_WORD.findall(text))


def count_fillers(text: str, language: str) -> int:
    """Filler words in the transcript (a lower bound: Whisper often leaves fillers out)."""
    if language == "zh":
        return sum(text.count(f) for f in ZH_FILLERS)
    lowered = " " + re.sub(r"[^a-z' ,]", " ", text.lower()) + " "
    n = sum(len(re.findall(rf"(?<![a-z']){re.escape(f)}(?![a-z'])", lowered)) for f in EN_FILLERS)
    # "like" is a filler only when set off by commas ("it was, like, fine"), not in "I'd like to".
    n += len(re.findall(r",\s*like\s*,", lowered))
    return n


def speech_rate(words: Sequence[Word], activity: VoiceActivity, language: str) -> dict[str, float | None]:
    """Syllables and words per minute of the answer span (first to last voiced moment)."""
    span = activity.answer_span
    text = ("" if language == "zh" else " ").join(w.text for w in words)
    if span is None or span.duration <= 0 or not words:
        return {"syllables": syllables(text, language) if words else 0, "syllables_per_min": None,
                "words_per_min": None}
    minutes = span.duration / 60.0
    n_syll = syllables(text, language)
    return {"syllables": n_syll, "syllables_per_min": n_syll / minutes,
            "words_per_min": word_count(text, language) / minutes}


def _speech_windows(segments: Sequence[Interval], window_s: float) -> list[Interval]:
    """Consecutive stretches of the timeline that each hold about `window_s` seconds of voiced speech."""
    windows: list[Interval] = []
    start: float | None = None
    acc = 0.0
    for seg in segments:
        cursor = seg.start
        while cursor < seg.end:
            if start is None:
                start = cursor
            take = min(seg.end - cursor, window_s - acc)
            acc += take
            cursor += take
            if acc >= window_s - 1e-9:
                windows.append(Interval(start, cursor))
                start, acc = None, 0.0
    # A short last window would give a noisy rate: keep it only when it holds at least half a window.
    if start is not None and acc >= window_s / 2:
        windows.append(Interval(start, segments[-1].end))
    return windows


def rate_variation(words: Sequence[Word], activity: VoiceActivity, language: str,
                   window_s: float = 5.0) -> float | None:
    """Coefficient of variation (%) of syllables per minute over consecutive ~5 s windows of speech."""
    windows = _speech_windows(activity.segments, window_s)
    if len(windows) < 2 or not words:
        return None
    rates = []
    for win in windows:
        inside = [w for w in words if win.start <= (w.start + w.end) / 2 < win.end]
        n = sum(syllables(w.text, language) for w in inside)
        rates.append(n / (win.duration / 60.0))
    mean = float(np.mean(rates))
    return float(np.std(rates) / mean * 100.0) if mean > 0 else None
