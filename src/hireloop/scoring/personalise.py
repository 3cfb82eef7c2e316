"""Pick, per competency, the parallel question form that fits the candidate's profile (same anchors for all)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hireloop.errors import ValidationFailed
from hireloop.templates.model import Competency, JobTemplate, LocalText, Question

NEW_GRADUATE_MAX_YEARS = 1.0  # under a year of full-time work: asked about study, internships and campus life

# Substrings that place a free-text industry (from a parsed resume) in one of the template industries.
INDUSTRY_TERMS: dict[str, tuple[str, ...]] = {
    "fmcg": ("快消", "快速消费品", "fmcg", "cpg", "consumer goods", "consumer packaged", "食品", "饮料", "日化",
             "乳", "酒", "零食", "个护", "美妆", "beverage", "food", "personal care", "dairy", "snack", "cosmetic"),
    "retail": ("零售", "门店", "超市", "便利店", "连锁", "商超", "百货", "retail", "supermarket", "convenience store",
               "store chain", "department store"),
    "manufacturing": ("制造", "生产", "工厂", "车间", "产线", "manufactur", "factory", "plant", "production", "assembly"),
}

_STAGE_TEXT = {
    "experienced": LocalText(zh="有工作经验的候选人", en="experienced candidates"),
    "new_graduate": LocalText(zh="应届生或工作不满一年的候选人", en="new graduates and people with under a year of work"),
    "any": LocalText(zh="所有候选人", en="all candidates"),
}
_INDUSTRY_TEXT = {
    "fmcg": LocalText(zh="快消行业", en="FMCG"),
    "retail": LocalText(zh="零售行业", en="retail"),
    "manufacturing": LocalText(zh="制造业", en="manufacturing"),
    "other": LocalText(zh="其他行业", en="another industry"),
    "any": LocalText(zh="不限行业", en="any industry"),
}


@dataclass(frozen=True)
class CandidateProfile:
    """What personalisation looks at: career stage and industry background."""

    stage: str  # experienced | new_graduate | unknown
    industries: frozenset[str]  # among fmcg, retail, manufacturing; empty when unknown or none matched
    years_experience: float | None
    industry_known: bool  # an industry was stated, even if it matched none of ours


@dataclass(frozen=True)
class ChosenQuestion:
    """The form chosen for one competency, and why."""

    competency_key: str
    question: Question
    reason: LocalText
    profile_stage: str
    profile_industries: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """Plain dict to store with the interview (question id, both reasons, the profile used)."""
        return {
            "competency_key": self.competency_key,
            "question_id": self.question.id,
            "stage": self.question.stage,
            "industry": self.question.industry,
            "reason_zh": self.reason.zh,
            "reason_en": self.reason.en,
            "profile": {"stage": self.profile_stage, "industries": list(self.profile_industries)},
        }


def classify_industries(texts: Iterable[str]) -> frozenset[str]:
    """Template industries named in free-text industry or employer descriptions."""
    found = set()
    for text in texts:
        low = (text or "").lower()
        for key, terms in INDUSTRY_TERMS.items():
            if any(t in low for t in terms):
                found.add(key)
    return frozenset(found)


def _fact(facts: Any, *names: str) -> Any:
    for name in names:
        value = facts.get(name) if isinstance(facts, Mapping) else getattr(facts, name, None)
        if value is not None:
            return value
    return None


def profile_from_facts(facts: Mapping[str, Any] | Any) -> CandidateProfile:
    """Read years of experience, a new-graduate flag and industries from a dict or a parsed-resume object."""
    years = _fact(facts, "years_experience", "total_years", "years")
    years = float(years) if isinstance(years, (int, float)) and not isinstance(years, bool) else None
    new_grad = _fact(facts, "new_graduate", "is_new_graduate")
    if new_grad is True or (years is not None and years < NEW_GRADUATE_MAX_YEARS):
        stage = "new_graduate"
    elif years is not None or new_grad is False:
        stage = "experienced"
    else:
        stage = "unknown"
    raw = _fact(facts, "industries", "industry")
    texts = [raw] if isinstance(raw, str) else [str(x) for x in (raw or [])]
    return CandidateProfile(stage, classify_industries(texts), years, any(t.strip() for t in texts))


def _home_industry(competencies: Sequence[Competency]) -> str | None:
    tags = {q.industry for c in competencies for q in c.questions} - {"any", "other"}
    return next(iter(tags)) if len(tags) == 1 else None


def _fit(q: Question, profile: CandidateProfile, home: str | None) -> tuple[int, int]:
    """(stage fit, industry fit): 2 exact, 1 general form, 0 mismatch; stage matters more than industry."""
    if q.stage == "any":
        stage_fit = 1
    elif profile.stage == "unknown":
        stage_fit = 1 if q.stage == "experienced" else 0  # most applicants to these jobs have worked before
    else:
        stage_fit = 2 if q.stage == profile.stage else 0
    if q.industry == "any":
        industry_fit = 1
    elif q.industry == "other":
        outside = profile.industry_known and (home is None or home not in profile.industries)
        industry_fit = 2 if outside else 0
    else:
        industry_fit = 2 if q.industry in profile.industries else 0
    return stage_fit, industry_fit


def _tiebreak(seed: int | str, competency_key: str, question_id: str) -> str:
    return hashlib.sha256(f"{seed}:{competency_key}:{question_id}".encode()).hexdigest()


def _describe(profile: CandidateProfile) -> LocalText:
    if profile.years_experience is not None and profile.years_experience < NEW_GRADUATE_MAX_YEARS:
        zh, en = "候选人工作经验不满一年", "The candidate has under a year of work experience"
    elif profile.years_experience is not None:
        zh = f"候选人约有 {profile.years_experience:g} 年工作经验"
        en = f"The candidate has about {profile.years_experience:g} years of work experience"
    elif profile.stage == "new_graduate":
        zh, en = "候选人是应届生", "The candidate is a new graduate"
    else:
        zh, en = "候选人的工作年限未知", "The candidate's years of experience are unknown"
    if profile.industries:
        names = sorted(profile.industries)
        zh += "，行业背景：" + "、".join(_INDUSTRY_TEXT[n].zh for n in names)
        en += ", background in " + " and ".join(_INDUSTRY_TEXT[n].en for n in names)
    elif profile.industry_known:
        zh += "，来自其他行业"
        en += ", from another industry"
    return LocalText(zh=zh, en=en)


def choose_questions(
    template_or_competencies: JobTemplate | Sequence[Competency],
    profile_facts: Mapping[str, Any] | Any,
    *,
    seed: int | str,
) -> list[ChosenQuestion]:
    """One parallel form per competency, fitted to the profile; ties are broken by `seed` (deterministic)."""
    if isinstance(template_or_competencies, JobTemplate):
        competencies = list(template_or_competencies.competencies)
        home = template_or_competencies.industry
    else:
        competencies = list(template_or_competencies)
        home = _home_industry(competencies)
    profile = profile_from_facts(profile_facts)
    who = _describe(profile)
    chosen = []
    for comp in competencies:
        if not comp.questions:
            raise ValidationFailed(f"Competency {comp.key!r} has no questions; add at least one before inviting candidates.")
        best = min(
            comp.questions,
            key=lambda q: (tuple(-x for x in _fit(q, profile, home)), _tiebreak(seed, comp.key, q.id)),
        )
        stage_fit, industry_fit = _fit(best, profile, home)
        form = LocalText(
            zh=f"选用面向{_STAGE_TEXT[best.stage].zh}、{_INDUSTRY_TEXT[best.industry].zh}的题目",
            en=f"chose the form written for {_STAGE_TEXT[best.stage].en} ({_INDUSTRY_TEXT[best.industry].en})",
        )
        note_zh = note_en = ""
        if stage_fit == 0 or industry_fit == 0:
            note_zh = "（没有完全匹配的题目，取最接近的一题）"
            note_en = " (no form matched exactly; the closest one was used)"
        chosen.append(
            ChosenQuestion(
                competency_key=comp.key,
                question=best,
                reason=LocalText(
                    zh=f"{who.zh}，因此{form.zh}{note_zh}；评分仍使用同一胜任力的行为锚定。",
                    en=f"{who.en}: {form.en}{note_en}; scored against the same competency anchors.",
                ),
                profile_stage=profile.stage,
                profile_industries=tuple(sorted(profile.industries)),
            )
        )
    return chosen
