"""Property tests: extraction and parsing never crash, whatever the bytes or text."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hireloop.screening.extract import STATUSES, extract_text, normalize_text
from hireloop.screening.intake import parse_file
from hireloop.screening.parse import parse_resume

RESUME_WORDS = st.sampled_from(["工作经历", "教育背景", "Experience", "2018.03 - 至今", "Mar 2018 – Present",
                                "宝洁", "本科", "KA", "138-1234-5678", "a@b.co", "|", "  ", "\n", "：", "Ltd.",
                                "大学", "2019年7月—2021年12月", "技能：", "Skills:", "#", "•"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(RESUME_WORDS, st.text(max_size=30)), max_size=40))
def test_parser_never_crashes_on_text(parts: list[str]) -> None:
    text = "".join(parts)
    p = parse_resume(text, as_of=date(2026, 11, 1))
    assert p.text == normalize_text(text)
    for s in p.unparsed:
        assert 0 <= s.start <= s.end <= len(p.text)
    assert p.total_years >= 0
    assert parse_resume(text, as_of=date(2026, 11, 1)) == p  # deterministic


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048), st.sampled_from(["a.pdf", "a.docx", "a.txt", "a.html", "a.png", "a.bin", "a"]))
def test_extraction_never_raises_on_bytes(data: bytes, name: str) -> None:
    res = extract_text(data, name, ocr=False)
    assert res.status in STATUSES
    assert res.status == "ok" or res.message


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=512))
def test_pdf_header_garbage_never_raises(data: bytes) -> None:
    res = parse_file(b"%PDF-1.4\n" + data, "x.pdf", ocr=False)
    assert res.status in STATUSES
