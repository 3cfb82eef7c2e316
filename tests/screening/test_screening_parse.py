"""Field extraction: the labelled set (every non-OCR format), spans that point at their text, nothing dropped."""

from __future__ import annotations

from datetime import date

import pytest

from hireloop.screening.dates import find_ranges, merged_years
from hireloop.screening.extract import normalize_text
from hireloop.screening.intake import parse_file
from hireloop.screening.parse import parse_resume
from hireloop.screening.profile import ResumeProfile

AS_OF = date(2026, 11, 1)
OCR_FORMATS = {"png", "scanpdf"}  # slow on two cores; scored by benchmarks/resume_parsing.py


@pytest.fixture(scope="module")
def parsed(labels, data_dir) -> list[tuple[dict, ResumeProfile]]:  # noqa: ANN001
    out = []
    for row in labels:
        if row["format"] in OCR_FORMATS:
            continue
        res = parse_file((data_dir / row["file"]).read_bytes(), row["file"], as_of=AS_OF)
        assert res.status == "ok", (row["file"], res.extracted.message)
        out.append((row, res.profile))
    return out


def test_labelled_set_has_every_format_and_both_languages(labels) -> None:  # noqa: ANN001
    assert len(labels) >= 30
    formats = {r["format"] for r in labels}
    assert {"pdf", "pdf2col", "docx", "txt_gbk", "html", "png"} <= formats
    assert {r["language"] for r in labels} == {"zh", "en"}


def test_education_level_and_years(parsed) -> None:  # noqa: ANN001
    wrong_level = [r["file"] for r, p in parsed if p.highest_education != r["education_level"]]
    wrong_years = [r["file"] for r, p in parsed if abs(p.total_years - r["total_years"]) > 1.0]
    wrong_fmcg = [r["file"] for r, p in parsed if abs(p.years_in("fmcg") - r["industry_years"]["fmcg"]) > 1.0]
    assert len(wrong_level) <= 0.05 * len(parsed), wrong_level
    assert len(wrong_years) <= 0.10 * len(parsed), wrong_years
    assert len(wrong_fmcg) <= 0.10 * len(parsed), wrong_fmcg


def test_contacts_and_names(parsed) -> None:  # noqa: ANN001
    for row, p in parsed:
        assert row["email"] in [e.value for e in p.emails], row["file"]
        assert row["phone"] in [x.value for x in p.phones], row["file"]
        assert p.name is not None and p.name.value.lower() == row["name"].lower(), row["file"]


def test_skills_f1(parsed) -> None:  # noqa: ANN001
    tp = fp = fn = 0
    for row, p in parsed:
        want, got = set(row["skills"]), p.skill_ids
        tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.8


def test_work_entries_have_employer_title_and_dates(parsed) -> None:  # noqa: ANN001
    for row, p in parsed:
        assert len(p.work) == len(row["work"]), row["file"]
        for want, got in zip(row["work"], p.work):
            assert str(got.dates.start) == want["start"] and got.current == want["current"], row["file"]
            assert got.employer is not None and got.title is not None, row["file"]


def test_every_span_points_at_its_text(parsed) -> None:  # noqa: ANN001
    for _, p in parsed:
        t = p.text
        for f in [*p.emails, *p.phones, p.name, p.location]:
            if f is not None:
                assert f.span.of(t) == f.raw
        for w in p.work:
            for f in (w.employer, w.title):
                if f is not None:
                    assert f.span.of(t) == f.value
        for e in p.education:
            if e.school:
                assert e.school.span.of(t) == e.school.value
        for s in p.skills:
            assert all(sp.of(t) for sp in s.spans)


def test_chinese_profile(zh_resume: str) -> None:
    p = parse_resume(zh_resume, as_of=AS_OF)
    assert p.name.value == "张伟" and p.location.value == "shanghai"
    assert [x.value for x in p.phones] == ["+8613812345678"]
    assert p.highest_education == "bachelor" and p.education[0].major.value == "市场营销"
    first = p.work[0]
    assert first.employer.value == "宝洁(中国)有限公司" and first.title.value == "区域销售经理" and first.current
    assert first.industries == ("fmcg",) and p.work[1].industries == ("retail",)
    assert p.total_years == 12.4  # 2014-07 .. 2026-11, the end month counted
    assert p.years_in("fmcg") == 8.8
    assert {"channel_development", "key_account", "merchandising", "live_streaming", "excel"} <= p.skill_ids
    assert "en" in {la.code for la in p.languages} and "cet6" in {c.id for c in p.certificates}


def test_unparsed_text_is_kept(zh_resume: str) -> None:
    p = parse_resume(zh_resume, as_of=AS_OF)
    kept = " ".join(s.of(p.text) for s in p.unparsed)
    assert "性格开朗" in kept
    assert p.text == normalize_text(zh_resume)  # spans index the normalised text; nothing is removed


def test_english_profile_skips_non_fmcg_job(en_resume: str) -> None:
    p = parse_resume(en_resume, as_of=AS_OF)
    assert p.name.value == "JOHN SMITH" and p.location.value == "beijing"
    assert p.work[0].employer.value == "Unilever China" and p.work[0].title.value == "Key Account Manager"
    assert p.years_in("fmcg") == 4.8 and p.total_years == 11.4  # 57 months, 137 months
    assert p.education[0].major.value == "Computer Science" and p.education[0].school.value == "Wuhan University"
    assert {la.code: la.level for la in p.languages} == {"en": "fluent", "zh": "native"}


@pytest.mark.parametrize(("text", "start", "end", "current"), [
    ("2018.03 - 2021.06", "2018-03", "2021-06", False),
    ("2018年3月至今", "2018-03", None, True),
    ("Mar 2018 – Present", "2018-03", None, True),
    ("Sept. 2016 to June 2019", "2016-09", "2019-06", False),
    ("03/2019 - 11/2020", "2019-03", "2020-11", False),
    ("2019/7—至今", "2019-07", None, True),
])
def test_date_ranges(text: str, start: str, end: str | None, current: bool) -> None:
    (r,) = find_ranges(text)
    assert str(r.start) == start and (str(r.end) if r.end else None) == end and r.current is current


def test_overlapping_jobs_are_counted_once() -> None:
    ranges = find_ranges("2015.01-2017.12\n2017.01-2018.12\n2020.01-2020.12")
    assert merged_years(ranges, AS_OF) == 5.0  # 48 months + 12 months


def test_phone_number_is_not_a_date() -> None:
    assert find_ranges("电话 13812345678 2018") == []


def test_handwritten_holdout_resumes(data_dir) -> None:  # noqa: ANN001
    import json

    rows = [json.loads(ln) for ln in (data_dir / "holdout" / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    for row in rows:
        res = parse_file((data_dir / "holdout" / row["file"]).read_bytes(), row["file"], as_of=AS_OF)
        p = res.profile
        assert p.highest_education == row["education_level"], row["file"]
        assert abs(p.total_years - row["total_years"]) <= 1.0, row["file"]
        assert abs(p.years_in("fmcg") - row["industry_years"]["fmcg"]) <= 1.0, row["file"]
        assert set(row["skills"]) <= p.skill_ids, row["file"]
        assert sorted(str(w.dates.start) for w in p.work) == sorted(w["start"] for w in row["work"]), row["file"]


def test_very_long_text_is_kept_but_only_its_head_parsed(zh_resume: str) -> None:
    long = zh_resume + "\n" + "无关内容。" * 1000
    p = parse_resume(long, as_of=AS_OF, max_chars=len(zh_resume))
    assert p.text == normalize_text(long) and p.highest_education == "bachelor"
    assert p.unparsed[-1].end == len(p.text)
