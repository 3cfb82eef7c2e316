"""Matching: explanations with evidence, hard-filter reasons, determinism, and the ranker agreeing with match()."""

from __future__ import annotations

from datetime import date

import pytest

from hireloop.errors import ValidationFailed
from hireloop.screening import (
    IndustryExperience, JobRequirements, Keyword, ProfileIndex, find_duplicates, duplicate_keys, match,
    parse_resume, profile_features, rank,
)

AS_OF = date(2026, 11, 1)

FMCG_JOB = JobRequirements(
    min_education="associate", min_years=3, industry_years=(IndustryExperience("fmcg", 3),),
    required_skills=("渠道拓展",), locations=("Shanghai",), languages=("en",),
    keywords=(Keyword("线下渠道拓展", ("offline channel expansion",)), Keyword("KA"), Keyword("经销商管理")),
    preferred_skills=("陈列", "live streaming", "data analysis"),
)


@pytest.fixture(scope="module")
def profiles(zh_resume: str, en_resume: str):  # noqa: ANN201
    return parse_resume(zh_resume, as_of=AS_OF), parse_resume(en_resume, as_of=AS_OF)


def test_keyword_found_with_evidence_span(profiles) -> None:  # noqa: ANN001
    zh, _ = profiles
    res = match(zh, FMCG_JOB)
    kw = {c.label: c for c in res.criteria if c.kind == "keyword"}
    assert kw["线下渠道拓展"].score == 1.0  # found through the vocabulary synonym 渠道拓展
    assert [e.text for e in kw["线下渠道拓展"].evidence] == ["渠道拓展"]
    ev = kw["KA"].evidence[0]
    assert zh.text[ev.span.start:ev.span.end] == "KA"
    assert kw["经销商管理"].score == 0.0 and kw["经销商管理"].note == "not found" and not kw["经销商管理"].evidence


def test_hard_filters_pass_and_fail_with_reasons(profiles) -> None:  # noqa: ANN001
    zh, en = profiles
    ok = match(zh, FMCG_JOB)
    assert ok.passed and all(f.status == "pass" for f in ok.filters)
    bad = {f.name: f for f in match(en, FMCG_JOB).filters}
    assert not match(en, FMCG_JOB).passed
    assert bad["location"].status == "fail" and "Beijing" in bad["location"].reason
    assert bad["industry_years:fmcg"].status == "pass"  # 4.7 years at Unilever
    assert bad["required_skills"].status == "fail" and "渠道拓展" in bad["required_skills"].reason
    assert bad["languages"].status == "pass"


def test_unknown_is_not_a_pass() -> None:
    p = parse_resume("Some text without any dates or schools", as_of=AS_OF)
    res = match(p, JobRequirements(min_education="bachelor", locations=("上海",)))
    assert {f.name: f.status for f in res.filters} == {"min_education": "unknown", "location": "unknown"}
    assert not res.passed


def test_score_adds_up_and_is_deterministic(profiles) -> None:  # noqa: ANN001
    zh, _ = profiles
    a, b = match(zh, FMCG_JOB), match(zh, FMCG_JOB)
    assert a == b
    assert 0 <= a.score <= 100
    assert a.score == pytest.approx(sum(c.points for c in a.criteria), abs=0.1)
    assert sum(c.weight for c in a.criteria) == pytest.approx(1.0, abs=1e-4)


def test_more_fmcg_years_scores_higher(profiles) -> None:  # noqa: ANN001
    zh, en = profiles
    job = JobRequirements(industry_years=(IndustryExperience("fmcg", 3),))
    assert match(zh, job).score > match(en, job).score


def test_ranker_agrees_with_match_and_orders_passes_first(profiles) -> None:  # noqa: ANN001
    zh, en = profiles
    index = ProfileIndex.from_features([profile_features(en), profile_features(zh)], ids=[10, 20])
    job = JobRequirements(min_years=3, industry_years=(IndustryExperience("fmcg", 2),), locations=("上海",),
                          keywords=(Keyword("KA"), Keyword("渠道拓展")), preferred_skills=("Excel", "SQL"))
    ranking = rank(index, job)
    assert list(ranking.ids) == [20, 10] and list(ranking.passed) == [True, False]
    assert list(ranking.scores) == [match(zh, job).score, match(en, job).score]
    assert rank(index, job).scores.tolist() == ranking.scores.tolist()


def test_semantic_criterion_explains_with_closest_items(profiles) -> None:  # noqa: ANN001
    from hireloop.analysis.text import get_embedder
    from hireloop.screening import SemanticScorer, job_vector

    zh, en = profiles
    scorer = SemanticScorer(get_embedder())
    job = JobRequirements(description="快消品KA经理，负责商超渠道拓展与终端陈列")
    res_zh, res_en = match(zh, job, scorer=scorer), match(en, job, scorer=scorer)
    (sem,) = [c for c in res_zh.criteria if c.kind == "semantic"]
    assert sem.evidence and "cosine" in sem.note
    assert res_zh.score > res_en.score  # a sales manager is closer than a software engineer turned KAM
    index = ProfileIndex.from_features([profile_features(zh, scorer), profile_features(en, scorer)])
    ranked = rank(index, job, job_vector=job_vector(scorer, job))
    assert ranked.scores[0] == pytest.approx(res_zh.score, abs=0.2)  # vectors are stored as float16


def test_invalid_requirements_say_what_to_fix() -> None:
    with pytest.raises(ValidationFailed, match="min_education must be one of"):
        JobRequirements(min_education="college").validate()
    with pytest.raises(ValidationFailed, match="unknown industry"):
        JobRequirements(industry_years=(IndustryExperience("toys", 1),)).validate()


def test_duplicates_by_email_phone_and_content(zh_resume: str, en_resume: str) -> None:
    a = parse_resume(zh_resume, as_of=AS_OF)
    same_text = parse_resume(zh_resume.replace("\n", "\n\n"), as_of=AS_OF)
    new_email = parse_resume(zh_resume.replace("zhang.wei@example.com", "zw@other.cn").replace("120%", "130%"),
                             as_of=AS_OF)
    other = parse_resume(en_resume, as_of=AS_OF)
    dups = find_duplicates([duplicate_keys(p) for p in (a, other, same_text, new_email)])
    assert [(d.first, d.second, d.reason) for d in dups] == [(0, 2, "content"), (0, 3, "phone")]


def test_requirements_round_trip_from_the_job_form() -> None:
    form = {"min_education": "bachelor", "min_years": 3, "industry_years": [{"industry": "fmcg", "years": 3}],
            "keywords": [{"phrase": "线下渠道拓展", "synonyms": ["offline channel expansion"], "weight": 2}, "KA"],
            "preferred_skills": ["陈列"], "locations": ["上海"], "languages": ["en"], "description": "快消销售"}
    req = JobRequirements.from_dict(form)
    assert req.keywords[0] == Keyword("线下渠道拓展", ("offline channel expansion",), 2.0)
    assert req.keywords[1] == Keyword("KA")
    assert JobRequirements.from_dict(req.to_dict()) == req
    with pytest.raises(ValidationFailed, match="unknown requirement field"):
        JobRequirements.from_dict({"min_educaton": "bachelor"})
    with pytest.raises(ValidationFailed, match="invalid screening requirements"):
        JobRequirements.from_dict({"industry_years": [{"years": 3}]})


def test_match_result_serialises_with_points(profiles) -> None:  # noqa: ANN001
    zh, _ = profiles
    body = match(zh, FMCG_JOB).to_dict()
    assert body["score"] > 0 and body["filters"][0]["passed"] is True
    kw = next(c for c in body["criteria"] if c["label"] == "KA")
    assert kw["points"] > 0 and kw["evidence"][0]["span"]["start"] >= 0


def test_screen_orders_passes_first_then_score(profiles) -> None:  # noqa: ANN001
    from hireloop.screening import screen

    zh, en = profiles
    out = screen([en, zh, en], FMCG_JOB)
    assert [i for i, _ in out] == [1, 0, 2]  # zh passes; the two equal en results keep their order
    assert out[0][1].passed and not out[1][1].passed


def test_profile_features_survive_storage(profiles) -> None:  # noqa: ANN001
    import json

    from hireloop.screening import ProfileFeatures

    zh, en = profiles
    rows = [profile_features(p) for p in (zh, en)]
    stored = [ProfileFeatures.from_dict(json.loads(json.dumps(r.to_dict()))) for r in rows]
    assert stored == rows
    job = JobRequirements(keywords=(Keyword("KA"),), min_years=5)
    assert rank(ProfileIndex.from_features(stored), job).scores.tolist() == \
        rank(ProfileIndex.from_features(rows), job).scores.tolist()
