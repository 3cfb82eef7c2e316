"""A job's screening requirements (hard filters and weighted criteria) and the explained match result."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from hireloop.errors import ValidationFailed
from hireloop.screening.lexicons.credentials import LANGUAGES
from hireloop.screening.lexicons.education import LEVELS
from hireloop.screening.lexicons.industries import INDUSTRIES
from hireloop.screening.profile import Span


@dataclass(frozen=True)
class Keyword:
    """A phrase the recruiter looks for, with synonyms ('线下渠道拓展' / 'offline channel expansion')."""

    phrase: str
    synonyms: tuple[str, ...] = ()
    weight: float = 1.0


@dataclass(frozen=True)
class IndustryExperience:
    """At least `years` of experience in `industry` (an id from the industry lexicon, e.g. 'fmcg')."""

    industry: str
    years: float


@dataclass(frozen=True)
class CriterionWeights:
    """Relative weights of the criterion groups; groups a job does not use are left out and the rest rescaled."""

    keywords: float = 0.35
    preferred_skills: float = 0.25
    semantic: float = 0.25
    experience: float = 0.15


@dataclass(frozen=True)
class JobRequirements:
    """What a job asks of a resume: hard filters (pass/fail) and weighted criteria (the 0-100 score)."""

    min_education: str | None = None
    min_years: float | None = None
    industry_years: tuple[IndustryExperience, ...] = ()
    required_skills: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    keywords: tuple[Keyword, ...] = ()
    preferred_skills: tuple[str, ...] = ()
    description: str = ""
    weights: CriterionWeights = field(default_factory=CriterionWeights)
    semantic_range: tuple[float, float] = (0.75, 0.90)  # cosine mapped to 0 and 1 (E5 cosines sit high)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> JobRequirements:
        """Build from the job form / API JSON (lists for tuples); raises ValidationFailed saying what to fix."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValidationFailed(f"unknown requirement field(s): {', '.join(unknown)}")
        try:
            kw = dict(data)
            kw["industry_years"] = tuple(IndustryExperience(str(x["industry"]), float(x["years"]))
                                         for x in data.get("industry_years", ()))
            kw["keywords"] = tuple(Keyword(str(x["phrase"]), tuple(map(str, x.get("synonyms", ()))),
                                           float(x.get("weight", 1.0))) if isinstance(x, dict) else Keyword(str(x))
                                   for x in data.get("keywords", ()))
            for name in ("required_skills", "locations", "languages", "preferred_skills"):
                kw[name] = tuple(map(str, data.get(name, ())))
            if "weights" in data:
                kw["weights"] = CriterionWeights(**{k: float(v) for k, v in data["weights"].items()})
            if "semantic_range" in data:
                lo, hi = data["semantic_range"]
                kw["semantic_range"] = (float(lo), float(hi))
            for name in ("min_years",):
                if kw.get(name) is not None:
                    kw[name] = float(kw[name])
            return cls(**kw).validate()
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationFailed(f"invalid screening requirements: {exc}") from exc

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (the inverse of from_dict)."""
        return asdict(self)

    def validate(self) -> JobRequirements:
        """Raise ValidationFailed with what to fix when a value is out of range; returns self."""
        if self.min_education and self.min_education not in LEVELS:
            raise ValidationFailed(f"min_education must be one of {', '.join(LEVELS)}, not {self.min_education!r}")
        for ie in self.industry_years:
            if ie.industry not in INDUSTRIES:
                raise ValidationFailed(f"unknown industry {ie.industry!r}; use one of {', '.join(INDUSTRIES)}")
            if ie.years < 0:
                raise ValidationFailed("industry years must be zero or more")
        if self.min_years is not None and self.min_years < 0:
            raise ValidationFailed("min_years must be zero or more")
        for code in self.languages:
            if code not in LANGUAGES:
                raise ValidationFailed(f"unknown language {code!r}; use one of {', '.join(LANGUAGES)}")
        w = self.weights
        if min(w.keywords, w.preferred_skills, w.semantic, w.experience) < 0:
            raise ValidationFailed("criterion weights must be zero or more")
        lo, hi = self.semantic_range
        if not hi > lo:
            raise ValidationFailed("semantic_range must be (low, high) with high > low")
        return self


@dataclass(frozen=True)
class Evidence:
    """A piece of resume text that supports a result; `span` points into the profile's text."""

    text: str
    span: Span | None


@dataclass(frozen=True)
class FilterResult:
    """One hard filter: status pass / fail / unknown (the resume does not say), with the reason in words."""

    name: str
    status: str
    reason: str
    evidence: tuple[Evidence, ...] = ()

    @property
    def passed(self) -> bool:
        """True only on a clear pass."""
        return self.status == "pass"


@dataclass(frozen=True)
class CriterionResult:
    """One weighted criterion: its share of the score, how well it was met (0-1) and the evidence or 'not found'."""

    kind: str
    label: str
    weight: float
    score: float
    evidence: tuple[Evidence, ...]
    note: str

    @property
    def points(self) -> float:
        """Points this criterion adds to the 0-100 score."""
        return round(100.0 * self.weight * self.score, 2)


@dataclass(frozen=True)
class MatchResult:
    """Score 0-100 with its breakdown, and the hard filters; `passed` is True when every filter passed."""

    score: float
    passed: bool
    filters: tuple[FilterResult, ...]
    criteria: tuple[CriterionResult, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict for the API and the console (spans as {start, end}; points per criterion)."""
        out = asdict(self)
        for c, raw in zip(self.criteria, out["criteria"]):
            raw["points"] = c.points
        for f, raw in zip(self.filters, out["filters"]):
            raw["passed"] = f.passed
        return out

    def explain(self) -> list[str]:
        """One line per filter and criterion, for logs and the CLI."""
        out = [f"score {self.score:.1f} / 100, hard filters {'passed' if self.passed else 'NOT passed'}"]
        out += [f"[{f.status}] {f.name}: {f.reason}" for f in self.filters]
        out += [f"{c.points:5.1f} pts  {c.kind}: {c.label} - {c.note}" for c in self.criteria]
        return out
