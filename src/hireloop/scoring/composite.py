"""Pure scoring arithmetic: weighted composite with renormalisation, confidence, recommendation, ranking, flags."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

PARTS = ("resume_match", "content", "behaviour")
RECOMMENDATIONS = ("advance", "hold", "review")
DEFAULT_THRESHOLDS = {"advance": 3.5, "hold": 2.5, "min_confidence": 0.5}
DEFAULT_PART_WEIGHTS = {"resume_match": 0.2, "content": 0.6, "behaviour": 0.2}
LOW_FACE_VISIBLE = 0.6
LOW_TRANSCRIPT_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Composite:
    """The composite 1-5 score and, per part, its score, nominal weight, used weight and whether it counted."""

    score: float | None
    parts: dict[str, dict[str, Any]]


def weighted_mean(values: Mapping[str, float | None], weights: Mapping[str, float]) -> float | None:
    """Mean of the values that exist, weighted; missing values drop out and the rest are renormalised."""
    pairs = [(v, float(weights.get(k, 0.0))) for k, v in values.items() if v is not None]
    total = sum(w for _, w in pairs if w > 0)
    if total <= 0:
        return None
    return sum(v * w for v, w in pairs if w > 0) / total


def combine(part_scores: Mapping[str, float | None], weights: Mapping[str, float]) -> Composite:
    """Weighted composite of the parts; a part that is missing or not counted is left out and weights renormalise."""
    present = {k: v for k, v in part_scores.items() if v is not None and weights.get(k, 0) > 0}
    total = sum(float(weights[k]) for k in present)
    parts: dict[str, dict[str, Any]] = {}
    for k in PARTS:
        v = part_scores.get(k)
        w = float(weights.get(k, 0.0))
        used = w / total if k in present and total > 0 else 0.0
        parts[k] = {"score": None if v is None else round(v, 3), "weight": w, "used_weight": round(used, 4),
                    "counted": k in present}
    score = None if total <= 0 else round(sum(present[k] * float(weights[k]) for k in present) / total, 3)
    return Composite(score, parts)


def resume_match_five_point(value: Any) -> float | None:
    """A resume match score (0-1 or 0-100) on the 1-5 scale; anything else means not available."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    pct = float(value) * 100 if 0 <= value <= 1 else float(value)
    if not 0 <= pct <= 100:
        return None
    return 1 + 4 * pct / 100


def confidence(*, answered: int, expected: int, transcript_confidence: float | None,
               face_visible: float | None) -> tuple[float, dict[str, Any]]:
    """How far to trust a score (0-1): share of questions analysed, transcript confidence, face visibility."""
    coverage = answered / expected if expected else 0.0
    parts: dict[str, Any] = {"answers": answered, "questions": expected, "coverage": round(coverage, 3),
                             "transcript_confidence": None if transcript_confidence is None else round(transcript_confidence, 3),
                             "face_visible": None if face_visible is None else round(face_visible, 3)}
    factors = [coverage]
    if transcript_confidence is not None:
        factors.append(max(0.0, min(1.0, transcript_confidence)))
    if face_visible is not None:
        # Face visibility matters less than words: it lowers confidence by at most a quarter.
        factors.append(0.75 + 0.25 * max(0.0, min(1.0, face_visible)))
    value = 1.0
    for f in factors:
        value *= f
    return round(value, 3), parts


def recommend(score: float | None, conf: float, thresholds: Mapping[str, float] | None = None) -> str:
    """advance, hold or review; never reject: a weak or uncertain result asks a person to review it."""
    t = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
    if score is None or conf < t["min_confidence"]:
        return "review"
    if score >= t["advance"]:
        return "advance"
    if score >= t["hold"]:
        return "hold"
    return "review"


def rank(scores: Sequence[tuple[Any, float | None]], *, decimals: int = 2) -> list[tuple[Any, int | None, bool]]:
    """Competition ranking (1, 2, 2, 4) by score rounded to `decimals`; returns (key, rank, tied), unscored last."""
    scored = [(k, round(s, decimals)) for k, s in scores if s is not None]
    scored.sort(key=lambda x: -x[1])
    counts: dict[float, int] = {}
    for _, s in scored:
        counts[s] = counts.get(s, 0) + 1
    out: list[tuple[Any, int | None, bool]] = []
    prev, prev_rank = None, 0
    for i, (k, s) in enumerate(scored, start=1):
        r = prev_rank if s == prev else i
        out.append((k, r, counts[s] > 1))
        prev, prev_rank = s, r
    out.extend((k, None, False) for k, s in scores if s is None)
    return out


def flags(*, face_visible: float | None, several_faces_s: float, transcript_confidence: float | None,
          off_topic: int, missing: int, failed: int) -> list[dict[str, Any]]:
    """Things a reviewer should check before trusting the score (codes; pages translate them)."""
    out: list[dict[str, Any]] = []
    if face_visible is not None and face_visible < LOW_FACE_VISIBLE:
        out.append({"code": "low_face_visibility", "value": round(face_visible, 3)})
    if several_faces_s > 0:
        out.append({"code": "several_faces", "value": round(several_faces_s, 1)})
    if transcript_confidence is not None and transcript_confidence < LOW_TRANSCRIPT_CONFIDENCE:
        out.append({"code": "low_transcript_confidence", "value": round(transcript_confidence, 3)})
    if off_topic:
        out.append({"code": "off_topic_answers", "value": off_topic})
    if missing:
        out.append({"code": "missing_answers", "value": missing})
    if failed:
        out.append({"code": "failed_analysis", "value": failed})
    return out


def char_times(transcript: Mapping[str, Any] | None) -> list[tuple[int, int, float, float]]:
    """Character spans of the transcript text with the time of the word there: (start, end, t0, t1)."""
    if not transcript:
        return []
    text = str(transcript.get("text") or "")
    spans = []
    cursor = 0
    for w in transcript.get("words") or []:
        token = str(w.get("text", "")).strip()
        if not token:
            continue
        pos = text.find(token, cursor)
        if pos < 0:
            continue
        spans.append((pos, pos + len(token), float(w.get("start", 0.0)), float(w.get("end", 0.0))))
        cursor = pos + len(token)
    return spans


def span_time(spans: Sequence[tuple[int, int, float, float]], start: int, end: int) -> tuple[float | None, float | None]:
    """When the characters start..end were spoken, from the word times; None when no word covers them."""
    inside = [s for s in spans if s[1] > start and s[0] < end]
    if not inside:
        return None, None
    return round(inside[0][2], 2), round(inside[-1][3], 2)
