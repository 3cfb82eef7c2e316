"""The typed result of analysing one answer, and its JSON form."""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hireloop.analysis.audio import Interval
from hireloop.analysis.face import FaceSummary
from hireloop.analysis.media import MediaInfo
from hireloop.analysis.speech import Transcript

SCHEMA_VERSION = "1.0"


class FaceStatus(str, enum.Enum):
    """Whether face measures exist, and if not, why."""

    COMPUTED = "computed"
    NOT_COMPUTED = "not_computed"  # policy (e.g. EU jurisdiction): no frame was ever looked at
    NO_VIDEO = "no_video"


@dataclass(frozen=True)
class Measure:
    """One named measure with its unit (docs/measures.md defines each)."""

    name: str
    value: float | int | None
    unit: str


@dataclass(frozen=True)
class Note:
    """Something a reviewer should know about this answer, with a stable code."""

    code: str
    message: str


@dataclass(frozen=True)
class StageTiming:
    stage: str
    seconds: float


@dataclass(frozen=True)
class ModelRef:
    role: str
    name: str
    version: str


@dataclass(frozen=True)
class AnswerAnalysis:
    """Transcript, measures, face summary, timings and models for one recorded answer."""

    schema_version: str
    source: str
    media: MediaInfo
    language: str | None
    transcript: Transcript | None
    speech_segments: tuple[Interval, ...]
    pauses: tuple[Interval, ...]
    measures: tuple[Measure, ...]
    face_status: FaceStatus
    face: FaceSummary | None
    notes: tuple[Note, ...]
    timings: tuple[StageTiming, ...]
    models: tuple[ModelRef, ...]

    def measure(self, name: str) -> Measure:
        """The measure called `name` (KeyError if this answer has none by that name)."""
        for m in self.measures:
            if m.name == name:
                return m
        raise KeyError(name)

    def measure_values(self) -> dict[str, float | int | None]:
        """Name -> value for every measure: what must be identical when the same file is analysed twice."""
        return {m.name: m.value for m in self.measures}

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict (tuples become lists, enums their values)."""
        return _plain(self)


def _plain(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, Path):
        return str(obj)
    if isinstance(obj, float):
        return round(obj, 6)
    return obj
