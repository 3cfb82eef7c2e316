"""Create a job from an industry template: its competency model, its screening requirements, its question bank."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.jobs.schemas import CompetencyIn, JobCreate
from hireloop.jobs.service import create
from hireloop.models import Job
from hireloop.templates import JobTemplate, get_template


def _skill_ids(terms: tuple[str, ...]) -> list[str]:
    """Vocabulary ids of the template's skill terms (a term the vocabulary does not know becomes a keyword)."""
    from hireloop.screening import vocab

    out = []
    for term in terms:
        for sid, _s, _e in vocab.skills().find(term):
            if sid not in out:
                out.append(sid)
    return out


def requirements_of(t: JobTemplate) -> dict[str, Any]:
    """The template's default requirements in the screening library's format."""
    from hireloop.screening.lexicons.industries import INDUSTRIES

    r = t.requirements
    req: dict[str, Any] = {"min_education": r.min_education or None, "min_years": r.min_years or None}
    if r.industry in INDUSTRIES and r.min_years:
        req["industry_years"] = [{"industry": r.industry, "years": r.min_years}]
    req["required_skills"] = _skill_ids(r.required_skills.zh + r.required_skills.en)
    req["preferred_skills"] = [s for s in _skill_ids(r.preferred_skills.zh + r.preferred_skills.en)
                               if s not in req["required_skills"]]
    req["keywords"] = [{"phrase": zh, "synonyms": [en] if en else []}
                       for zh, en in zip(r.keywords.zh, r.keywords.en + ("",) * len(r.keywords.zh))]
    return req


def create_from_template(session: Session, actor: Actor, *, template_key: str, locale: str = "zh_CN",
                         overrides: dict[str, Any] | None = None) -> Job:
    """A new job with the template's competencies (anchors in `locale`), requirements and question bank."""
    t = get_template(template_key)
    lang = "zh" if locale.startswith("zh") else "en"
    data: dict[str, Any] = {
        "title": f"{t.title.zh} {t.title.en}",
        "description": t.description.get(lang),
        "requirements": requirements_of(t),
        "competencies": [
            CompetencyIn(key=c.key, name=f"{c.name.zh} {c.name.en}", description=c.description.get(lang),
                         weight=c.weight, anchors=c.anchor_texts(lang))
            for c in t.competencies
        ],
        **(overrides or {}),
    }
    return create(session, actor, data=JobCreate(**data), template_key=t.key)
