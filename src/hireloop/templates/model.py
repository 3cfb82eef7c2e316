"""Frozen dataclasses for the industry templates: jobs, competencies, anchors and parallel question forms."""

from __future__ import annotations

from dataclasses import dataclass, field

STAGES = ("experienced", "new_graduate", "any")
INDUSTRIES = ("fmcg", "manufacturing", "retail", "other", "any")  # "other": outside the template's own industry


def base_locale(locale: str | None) -> str:
    """Reduce 'zh-CN', 'zh_Hans', 'en-US' ... to 'zh' or 'en' (English for anything else)."""
    return "zh" if (locale or "").lower().startswith("zh") else "en"


@dataclass(frozen=True)
class LocalText:
    """One text in Chinese and English."""

    zh: str
    en: str

    def get(self, locale: str | None = "zh") -> str:
        """The text in `locale` ('zh', 'zh-CN', 'en', ...)."""
        return self.zh if base_locale(locale) == "zh" else self.en


@dataclass(frozen=True)
class Anchor:
    """One behavioural anchor: what an answer at this level (1-5) shows."""

    level: int
    text: LocalText


@dataclass(frozen=True)
class Question:
    """One interview question; questions of the same competency are parallel forms of each other."""

    id: str
    competency_key: str | None
    text: LocalText
    stage: str = "any"  # experienced | new_graduate | any
    industry: str = "any"  # fmcg | other | any
    think_seconds: int = 30
    answer_seconds: int = 120
    retakes: int = 1
    follow_up: LocalText | None = None


@dataclass(frozen=True)
class Competency:
    """A competency with its weight, five anchors (level 1..5) and its parallel question forms."""

    key: str
    name: LocalText
    description: LocalText
    weight: float
    anchors: tuple[Anchor, ...]
    questions: tuple[Question, ...]

    def anchor_texts(self, locale: str | None = "zh") -> list[str]:
        """The five anchors in `locale`, index 0 = level 1."""
        return [a.text.get(locale) for a in sorted(self.anchors, key=lambda a: a.level)]


@dataclass(frozen=True)
class Requirements:
    """A job's default requirements, used by screening when a job is created from the template."""

    min_education: str
    min_years: float
    industry: str
    required_skills: LocalList
    preferred_skills: LocalList
    keywords: LocalList

    def as_dict(self, locale: str | None = "zh") -> dict[str, object]:
        """Plain dict for `Job.requirements`."""
        return {
            "min_education": self.min_education,
            "min_years": self.min_years,
            "industry": self.industry,
            "required_skills": list(self.required_skills.get(locale)),
            "preferred_skills": list(self.preferred_skills.get(locale)),
            "keywords": list(self.keywords.get(locale)),
        }


@dataclass(frozen=True)
class LocalList:
    """A list of short terms in Chinese and English."""

    zh: tuple[str, ...] = ()
    en: tuple[str, ...] = ()

    def get(self, locale: str | None = "zh") -> tuple[str, ...]:
        """The terms in `locale`."""
        return self.zh if base_locale(locale) == "zh" else self.en


@dataclass(frozen=True)
class JobTemplate:
    """An industry template: job text, default requirements, competency model, question bank, practice question."""

    key: str
    version: int
    industry: str
    title: LocalText
    description: LocalText
    requirements: Requirements
    competencies: tuple[Competency, ...]
    practice_question: Question
    source: str = field(default="", compare=False)

    def to_job_data(self, locale: str | None = "zh") -> dict[str, object]:
        """Plain data for creating a job from this template: job fields, competency rows with anchors, question bank."""

        def question(q: Question) -> dict[str, object]:
            return {
                "id": q.id,
                "text": q.text.get(locale),
                "stage": q.stage,
                "industry": q.industry,
                "think_seconds": q.think_seconds,
                "answer_seconds": q.answer_seconds,
                "retakes": q.retakes,
                "follow_up": q.follow_up.get(locale) if q.follow_up else None,
            }

        return {
            "template_key": self.key,
            "template_version": self.version,
            "title": self.title.get(locale),
            "description": self.description.get(locale),
            "requirements": self.requirements.as_dict(locale),
            "competencies": [
                {
                    "key": c.key,
                    "name": c.name.get(locale),
                    "description": c.description.get(locale),
                    "weight": c.weight,
                    "anchors": c.anchor_texts(locale),
                    "position": i,
                    "questions": [question(q) for q in c.questions],
                }
                for i, c in enumerate(self.competencies)
            ],
            "practice_question": question(self.practice_question),
        }

    def competency(self, key: str) -> Competency:
        """The competency with `key`; KeyError names the template when it is missing."""
        for c in self.competencies:
            if c.key == key:
                return c
        raise KeyError(f"template {self.key!r} has no competency {key!r}")
