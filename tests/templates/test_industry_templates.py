"""The shipped industry templates load, follow the rules, and bad files are rejected with a useful message."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hireloop.templates import TemplateInvalid, TemplateNotFound, get_template, list_templates, load_template_file
from hireloop.templates.loader import JOBS_DIR

CJK = range(0x4E00, 0xA000)


def _has_cjk(text: str) -> bool:
    return any(ord(ch) in CJK for ch in text)


def test_six_templates_cover_the_demo_jobs_and_two_other_industries() -> None:
    templates = list_templates()
    titles_zh = {t.title.zh for t in templates}
    assert {"区域销售经理", "导购", "电商运营", "市场策划"} <= titles_zh
    assert {t.industry for t in templates} == {"fmcg", "manufacturing", "retail"}
    assert len(templates) == 6


@pytest.mark.parametrize("template", list_templates(), ids=lambda t: t.key)
def test_every_competency_has_five_anchors_three_forms_and_bilingual_text(template) -> None:
    assert 4 <= len(template.competencies) <= 6
    assert abs(sum(c.weight for c in template.competencies) - 1.0) < 1e-6
    for comp in template.competencies:
        assert [a.level for a in comp.anchors] == [1, 2, 3, 4, 5]
        assert len(comp.questions) >= 3
        for text in [comp.name, comp.description, *(a.text for a in comp.anchors), *(q.text for q in comp.questions)]:
            assert _has_cjk(text.zh) and not _has_cjk(text.en), text
        # parallel forms must cover both career stages so personalisation has something to choose
        assert {"experienced", "new_graduate"} <= {q.stage for q in comp.questions}
        assert all(q.answer_seconds > 0 and q.retakes >= 0 for q in comp.questions)
    assert template.practice_question.competency_key is None
    assert template.requirements.required_skills.get("zh") and template.requirements.keywords.get("en")


def test_locale_aware_access_and_requirements_dict() -> None:
    t = get_template("fmcg_store_promoter")
    assert t.title.get("zh-CN") == "导购"
    assert t.title.get("en-US") == "Store Promoter"
    comp = t.competency("product_selling")
    assert comp.anchor_texts("en")[0].startswith("Cannot say")
    req = t.requirements.as_dict("zh")
    assert req["min_years"] == 0 and "产品讲解" in req["required_skills"]


def test_unknown_template_lists_the_ones_that_exist() -> None:
    with pytest.raises(TemplateNotFound, match="fmcg_store_promoter"):
        get_template("nope")


def _broken_copy(tmp_path: Path, mutate) -> Path:
    data = yaml.safe_load((JOBS_DIR / "fmcg_store_promoter.yaml").read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("mutate", "field", "problem"),
    [
        (lambda d: d["competencies"][1]["anchors"].pop(), "competencies[1].anchors", "exactly 5"),
        (lambda d: d["competencies"][0]["questions"].pop(), "competencies[0].questions", "at least 3"),
        (lambda d: d["competencies"][2].update(weight=0), "competencies[2].weight", "positive"),
        (lambda d: d["competencies"][0]["questions"][0]["text"].pop("en"), "competencies[0].questions[0].text.en", "missing"),
        (lambda d: d["competencies"][3]["questions"][1].update(stage="senior"), "competencies[3].questions[1].stage", "one of"),
    ],
)
def test_invalid_files_name_the_file_and_field(tmp_path: Path, mutate, field: str, problem: str) -> None:
    path = _broken_copy(tmp_path, mutate)
    with pytest.raises(TemplateInvalid) as info:
        load_template_file(path)
    assert info.value.field == field
    assert "broken.yaml" in info.value.message and problem in info.value.message


def test_job_data_for_creating_a_job_from_a_template() -> None:
    data = get_template("retail_store_manager").to_job_data("en")
    assert data["title"] == "Store Manager" and data["template_key"] == "retail_store_manager"
    first = data["competencies"][0]
    assert first["position"] == 0 and len(first["anchors"]) == 5 and len(first["questions"]) >= 3
    assert first["questions"][0]["follow_up"]  # the retail form carries a follow-up question
    assert data["practice_question"]["retakes"] == 3
