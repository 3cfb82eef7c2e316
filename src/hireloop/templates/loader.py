"""Load and validate the industry templates shipped as YAML files in `hireloop/templates/jobs/`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from hireloop.errors import NotFound, ValidationFailed
from hireloop.templates.model import (
    INDUSTRIES,
    STAGES,
    Anchor,
    Competency,
    JobTemplate,
    LocalList,
    LocalText,
    Question,
    Requirements,
)

JOBS_DIR = Path(__file__).with_name("jobs")
MIN_QUESTIONS = 3
N_ANCHORS = 5


class TemplateInvalid(ValidationFailed):
    """A template file breaks a rule; the message names the file and the field."""

    code = "template_invalid"

    def __init__(self, source: str, field: str, problem: str) -> None:
        super().__init__(f"{source}: {field}: {problem}", details={"file": source, "field": field})
        self.source = source
        self.field = field


class TemplateNotFound(NotFound):
    code = "template_not_found"


class _Reader:
    """Walks one YAML document and raises TemplateInvalid with the path of the offending field."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, field: str, problem: str) -> TemplateInvalid:
        return TemplateInvalid(self.source, field, problem)

    def get(self, data: Any, key: str, where: str, kind: type | tuple[type, ...] = object) -> Any:
        if not isinstance(data, dict):
            raise self.fail(where, "must be a mapping")
        if key not in data or data[key] is None:
            raise self.fail(f"{where}.{key}".lstrip("."), "is missing")
        value = data[key]
        if not isinstance(value, kind):
            raise self.fail(f"{where}.{key}".lstrip("."), f"must be {getattr(kind, '__name__', kind)}")
        return value

    def text(self, data: Any, where: str) -> LocalText:
        if not isinstance(data, dict):
            raise self.fail(where, "must have zh and en texts")
        out = {}
        for lang in ("zh", "en"):
            value = data.get(lang)
            if not isinstance(value, str) or not value.strip():
                raise self.fail(f"{where}.{lang}", "is missing or empty (every text needs Chinese and English)")
            out[lang] = " ".join(value.split()) if lang == "en" else value.strip()
        return LocalText(**out)

    def terms(self, data: Any, where: str) -> LocalList:
        if data is None:
            return LocalList()
        if not isinstance(data, dict):
            raise self.fail(where, "must have zh and en lists")
        out = {}
        for lang in ("zh", "en"):
            values = data.get(lang) or []
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise self.fail(f"{where}.{lang}", "must be a list of strings")
            out[lang] = tuple(values)
        return LocalList(**out)

    def question(self, data: Any, where: str, competency_key: str | None, defaults: dict[str, int]) -> Question:
        qid = self.get(data, "id", where, str)
        stage = data.get("stage", "any")
        industry = data.get("industry", "any")
        if stage not in STAGES:
            raise self.fail(f"{where}.stage", f"must be one of {', '.join(STAGES)}, not {stage!r}")
        if industry not in INDUSTRIES:
            raise self.fail(f"{where}.industry", f"must be one of {', '.join(INDUSTRIES)}, not {industry!r}")
        timing = {}
        for name in ("think_seconds", "answer_seconds", "retakes"):
            value = data.get(name, defaults.get(name))
            low = 0 if name == "retakes" else 1
            if not isinstance(value, int) or isinstance(value, bool) or value < low:
                raise self.fail(f"{where}.{name}", f"must be an integer >= {low}")
            timing[name] = value
        follow = data.get("follow_up")
        return Question(
            id=qid,
            competency_key=competency_key,
            text=self.text(data.get("text"), f"{where}.text"),
            stage=stage,
            industry=industry,
            follow_up=self.text(follow, f"{where}.follow_up") if follow is not None else None,
            **timing,
        )

    def competency(self, data: Any, where: str, defaults: dict[str, int]) -> Competency:
        key = self.get(data, "key", where, str)
        weight = self.get(data, "weight", where, (int, float))
        if isinstance(weight, bool) or weight <= 0:
            raise self.fail(f"{where}.weight", "must be a positive number")
        anchors_raw = self.get(data, "anchors", where, list)
        if len(anchors_raw) != N_ANCHORS:
            raise self.fail(f"{where}.anchors", f"must have exactly {N_ANCHORS} anchors (levels 1-5), has {len(anchors_raw)}")
        anchors = []
        for i, raw in enumerate(anchors_raw):
            level = raw.get("level") if isinstance(raw, dict) else None
            if level != i + 1:
                raise self.fail(f"{where}.anchors[{i}].level", f"must be {i + 1} (anchors are listed from 1 to 5)")
            anchors.append(Anchor(level=level, text=self.text(raw, f"{where}.anchors[{i}]")))
        questions_raw = self.get(data, "questions", where, list)
        if len(questions_raw) < MIN_QUESTIONS:
            raise self.fail(f"{where}.questions", f"needs at least {MIN_QUESTIONS} parallel forms, has {len(questions_raw)}")
        questions = tuple(self.question(q, f"{where}.questions[{i}]", key, defaults) for i, q in enumerate(questions_raw))
        return Competency(
            key=key,
            name=self.text(data.get("name"), f"{where}.name"),
            description=self.text(data.get("description"), f"{where}.description"),
            weight=float(weight),
            anchors=tuple(anchors),
            questions=questions,
        )

    def template(self, data: Any) -> JobTemplate:
        if not isinstance(data, dict):
            raise self.fail("(document)", "must be a mapping")
        key = self.get(data, "key", "", str)
        defaults = data.get("defaults") or {}
        req = self.get(data, "requirements", "", dict)
        min_years = self.get(req, "min_years", "requirements", (int, float))
        if min_years < 0:
            raise self.fail("requirements.min_years", "must be >= 0")
        requirements = Requirements(
            min_education=self.get(req, "min_education", "requirements", str),
            min_years=float(min_years),
            industry=self.get(req, "industry", "requirements", str),
            required_skills=self.terms(req.get("required_skills"), "requirements.required_skills"),
            preferred_skills=self.terms(req.get("preferred_skills"), "requirements.preferred_skills"),
            keywords=self.terms(req.get("keywords"), "requirements.keywords"),
        )
        comps_raw = self.get(data, "competencies", "", list)
        if not 4 <= len(comps_raw) <= 6:
            raise self.fail("competencies", f"must list 4 to 6 competencies, has {len(comps_raw)}")
        competencies = tuple(self.competency(c, f"competencies[{i}]", defaults) for i, c in enumerate(comps_raw))
        seen: set[str] = set()
        ids: set[str] = set()
        for i, c in enumerate(competencies):
            if c.key in seen:
                raise self.fail(f"competencies[{i}].key", f"duplicate key {c.key!r}")
            seen.add(c.key)
            for q in c.questions:
                if q.id in ids:
                    raise self.fail(f"competencies[{i}].questions", f"duplicate question id {q.id!r}")
                ids.add(q.id)
        return JobTemplate(
            key=key,
            version=int(data.get("version", 1)),
            industry=self.get(data, "industry", "", str),
            title=self.text(data.get("title"), "title"),
            description=self.text(data.get("description"), "description"),
            requirements=requirements,
            competencies=competencies,
            practice_question=self.question(self.get(data, "practice_question", "", dict), "practice_question", None, defaults),
            source=self.source,
        )


def load_template_file(path: str | Path) -> JobTemplate:
    """Read and validate one template YAML file; TemplateInvalid names the file and the field at fault."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise TemplateInvalid(path.name, "(yaml)", f"is not valid YAML: {exc}") from exc
    return _Reader(path.name).template(data)


@lru_cache(maxsize=1)
def _shipped() -> tuple[JobTemplate, ...]:
    templates = tuple(load_template_file(p) for p in sorted(JOBS_DIR.glob("*.yaml")))
    keys = [t.key for t in templates]
    if len(keys) != len(set(keys)):
        raise TemplateInvalid(str(JOBS_DIR), "key", "two template files use the same key")
    return templates


def list_templates() -> list[JobTemplate]:
    """Every industry template that ships with HireLoop, validated, in file-name order."""
    return list(_shipped())


def get_template(key: str) -> JobTemplate:
    """The shipped template with `key`; TemplateNotFound lists the keys that exist."""
    for t in _shipped():
        if t.key == key:
            return t
    raise TemplateNotFound(f"No industry template {key!r}; choose one of: {', '.join(t.key for t in _shipped())}")
