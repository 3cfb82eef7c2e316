"""Transcript sentences with the time each was spoken, so the review page can jump the video to a sentence."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hireloop.scoring.composite import char_times, span_time

_END = re.compile(r"[^。！？!?；;.]+[。！？!?；;.]*")


@dataclass(frozen=True)
class TimedSentence:
    text: str
    start: int
    end: int
    t_start: float | None
    t_end: float | None
    evidence: bool


def timed_sentences(transcript: Mapping[str, Any] | None, evidence: Sequence[Mapping[str, Any]] = ()) -> list[TimedSentence]:
    """Split the transcript into sentences, each with its character span, time and whether it is evidence."""
    if not transcript:
        return []
    text = str(transcript.get("text") or "")
    spans = char_times(transcript)
    marks = [(int(e["start"]), int(e["end"])) for e in evidence if "start" in e and "end" in e]
    out = []
    for m in _END.finditer(text):
        s = m.group(0)
        lead = len(s) - len(s.lstrip())
        start, end = m.start() + lead, m.end()
        if not s.strip():
            continue
        t0, t1 = span_time(spans, start, end)
        is_evidence = any(a < end and b > start for a, b in marks)
        out.append(TimedSentence(s.strip(), start, end, t0, t1, is_evidence))
    return out
