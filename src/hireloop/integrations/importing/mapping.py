"""The column mapping of one source system: which source column feeds which target field, and the reading rules."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from hireloop.errors import ValidationFailed
from hireloop.integrations.importing.fields import FIELDS, RecordKind, field_spec


@dataclass(frozen=True)
class RatingScale:
    """A review rating scale: numeric bounds, its direction, and labels that stand for numbers ("A", "优秀")."""

    minimum: float = 1.0
    maximum: float = 5.0
    higher_is_better: bool = True
    labels: dict[str, float] = field(default_factory=dict)

    def normalise(self, rating: float) -> float:
        """The rating on 0..1 where 1 is always best, so scales of different systems compare."""
        share = (rating - self.minimum) / (self.maximum - self.minimum)
        return round(share if self.higher_is_better else 1.0 - share, 6)


@dataclass(frozen=True)
class ColumnMapping:
    """How to read one source's export: target field -> source column, plus coercion options (JSON-serialisable)."""

    kind: RecordKind
    columns: dict[str, str]
    day_first: bool = True
    rating_scale: RatingScale = field(default_factory=RatingScale)
    attainment_as_fraction: bool = False
    remote_id_prefix: str = ""
    attributes: tuple[str, ...] = ()
    keep_unmapped: bool = False
    encoding: str | None = None
    sheet: str | None = None
    name: str = ""

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "kind", RecordKind(self.kind))
        except ValueError:
            kinds = ", ".join(k.value for k in RecordKind)
            raise ValidationFailed(f"Unknown record kind {self.kind!r}; use one of: {kinds}") from None
        if not isinstance(self.columns, dict):
            raise ValidationFailed("columns must map target field names to source column names")
        object.__setattr__(self, "attributes", tuple(self.attributes))
        problems = []
        for target, source in self.columns.items():
            if field_spec(self.kind, target) is None:
                known = ", ".join(f.name for f in FIELDS[self.kind])
                problems.append(f"{self.kind.value} has no field {target!r} (fields: {known})")
            if not isinstance(source, str) or not source.strip():
                problems.append(f"field {target!r} must name a source column")
        sources = [s for s in self.columns.values() if isinstance(s, str)]
        for dup in sorted({s for s in sources if sources.count(s) > 1}):
            problems.append(f"source column {dup!r} is mapped to more than one field")
        scale = self.rating_scale
        if not scale.minimum < scale.maximum:
            problems.append("rating_scale.minimum must be below rating_scale.maximum")
        for label, value in scale.labels.items():
            if not scale.minimum <= value <= scale.maximum:
                problems.append(f"rating label {label!r} = {value} lies outside the rating scale")
        if problems:
            raise ValidationFailed("The column mapping is invalid: " + "; ".join(problems), details=problems)

    def source_for(self, target: str) -> str | None:
        """The source column mapped to a target field, if any."""
        return self.columns.get(target)

    def to_dict(self) -> dict[str, Any]:
        """A plain dict for JSON storage."""
        data = asdict(self)
        data["kind"] = self.kind.value
        data["attributes"] = list(self.attributes)
        return data

    def to_json(self) -> str:
        """Stable JSON, so the same mapping always serialises to the same text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ColumnMapping:
        """Rebuild a mapping saved with to_dict; unknown keys are a clear error, not silently ignored."""
        allowed = set(cls.__dataclass_fields__)
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise ValidationFailed(f"The column mapping has unknown keys {unknown}; allowed: {sorted(allowed)}")
        values = dict(data)
        scale = values.get("rating_scale")
        if isinstance(scale, dict):
            values["rating_scale"] = RatingScale(**scale)
        try:
            return cls(**values)
        except (TypeError, ValueError) as exc:
            raise ValidationFailed(f"The column mapping is invalid: {exc}") from exc

    @classmethod
    def from_json(cls, text: str) -> ColumnMapping:
        """Rebuild a mapping saved with to_json."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationFailed(f"The column mapping is not valid JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise ValidationFailed("The column mapping must be a JSON object")
        return cls.from_dict(data)
