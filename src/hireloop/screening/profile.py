"""The structured resume profile: frozen dataclasses whose every field points back at the text it came from."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """Half-open character range [start, end) into `ResumeProfile.text`."""

    start: int
    end: int

    def of(self, text: str) -> str:
        """The text this span covers."""
        return text[self.start:self.end]


@dataclass(frozen=True)
class Field:
    """One extracted value (normalised) with the raw text it came from."""

    value: str
    span: Span
    raw: str = ""


@dataclass(frozen=True)
class YearMonth:
    """A month in a resume date; `month` is 1..12 (1 when only the year was written)."""

    year: int
    month: int

    @property
    def index(self) -> int:
        """Months since year 0, for arithmetic."""
        return self.year * 12 + (self.month - 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class DateRange:
    """A period with its text span; `end` is None and `current` True for 'to date' (至今, Present)."""

    start: YearMonth
    end: YearMonth | None
    current: bool
    span: Span


@dataclass(frozen=True)
class Education:
    """One education entry; `level` is high_school / associate / bachelor / master / phd or '' if unknown."""

    level: str
    school: Field | None
    major: Field | None
    dates: DateRange | None
    level_span: Span | None
    span: Span


@dataclass(frozen=True)
class WorkEntry:
    """One job held: employer, title, dates, the industries it counts for, and its description span."""

    employer: Field | None
    title: Field | None
    dates: DateRange | None
    industries: tuple[str, ...]
    industry_evidence: tuple[Field, ...]
    description: Span | None
    span: Span

    @property
    def current(self) -> bool:
        """True when the entry runs to date."""
        return bool(self.dates and self.dates.current)


@dataclass(frozen=True)
class Skill:
    """A skill from the vocabulary (`id`) with every place it is mentioned."""

    id: str
    label_en: str
    label_zh: str
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Language:
    """A language (ISO 639 code) with the proficiency words written next to it."""

    code: str
    level: str
    span: Span


@dataclass(frozen=True)
class Certificate:
    """A certificate: `id` from the lexicon, or '' when only the section said it is one."""

    id: str
    label: str
    span: Span


@dataclass(frozen=True)
class Section:
    """A headed part of the resume (education, work, skills, ...) as found in the text."""

    kind: str
    heading: str
    span: Span


@dataclass(frozen=True)
class ResumeProfile:
    """Everything parsed from one resume, with `text` kept whole and `unparsed` listing what no field used."""

    text: str
    language: str
    name: Field | None
    emails: tuple[Field, ...]
    phones: tuple[Field, ...]
    location: Field | None
    education: tuple[Education, ...]
    work: tuple[WorkEntry, ...]
    total_years: float
    industry_years: tuple[tuple[str, float], ...]
    skills: tuple[Skill, ...]
    languages: tuple[Language, ...]
    certificates: tuple[Certificate, ...]
    sections: tuple[Section, ...]
    unparsed: tuple[Span, ...]
    content_hash: str
    as_of: str = field(default="")

    @property
    def highest_education(self) -> str:
        """The highest normalised education level, or '' when none was found."""
        from hireloop.screening.lexicons.education import LEVELS

        levels = [e.level for e in self.education if e.level]
        return max(levels, key=LEVELS.index) if levels else ""

    def years_in(self, industry: str) -> float:
        """Years of experience in one industry (overlaps merged)."""
        return dict(self.industry_years).get(industry, 0.0)

    @property
    def skill_ids(self) -> frozenset[str]:
        """Canonical ids of every skill found."""
        return frozenset(s.id for s in self.skills)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (spans as [start, end])."""
        return _plain(self) | {"highest_education": self.highest_education}


def _plain(obj: Any) -> Any:
    if isinstance(obj, Span):
        return [obj.start, obj.end]
    if isinstance(obj, YearMonth):
        return str(obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (tuple, list)):
        return [_plain(x) for x in obj]
    return obj
