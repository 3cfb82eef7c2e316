"""Labelled answers (JSON lines) for fitting and evaluating the content scorer."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from hireloop.errors import ValidationFailed


@dataclass(frozen=True)
class LabelledAnswer:
    """One answer with the rating a trained rater gave it."""

    language: str
    question: str
    competency_key: str
    competency_name: str
    anchors: tuple[str, ...]
    answer: str
    expected_rating: int
    split: str  # train | eval
    off_topic: bool


def read_labels(path: str | Path) -> list[LabelledAnswer]:
    """Read a labels file; the error names the line and the field that is wrong."""
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            comp = row["competency"]
            anchors = tuple(comp["anchors"])
            if len(anchors) != 5:
                raise ValueError("competency.anchors must list 5 anchors")
            rating = int(row["expected_rating"])
            if not 1 <= rating <= 5:
                raise ValueError("expected_rating must be 1-5")
            out.append(LabelledAnswer(
                language=row.get("language", "zh"),
                question=row["question"],
                competency_key=comp.get("key", ""),
                competency_name=comp.get("name", ""),
                anchors=anchors,
                answer=row["answer"],
                expected_rating=rating,
                split=row.get("split", "eval"),
                # Without an explicit flag, a rating-1 answer is not assumed off-topic.
                off_topic=bool(row.get("off_topic", False)),
            ))
        except (KeyError, ValueError, TypeError) as exc:
            raise ValidationFailed(f"{path}: line {n}: {exc!s}; see docs/decisions/scoring.md for the format") from exc
    return out
