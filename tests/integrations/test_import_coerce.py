"""Cell coercion: the date, number and category rules that docs/import.md promises."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hireloop.integrations.importing.categories import (
    parse_bool, parse_change_kind, parse_exit_reason, parse_exit_type, parse_period, parse_sex,
)
from hireloop.integrations.importing.coerce import (
    CellProblem, clean_text, parse_date, parse_email, parse_id, parse_integer, parse_number, parse_percent,
    parse_phone,
)

MARCH_5 = date(2024, 3, 5)


@pytest.mark.parametrize("raw", [
    "2024/3/5", "2024-03-05", "2024.03.05", "2024年3月5日", "2024 年 3 月 5 号", "05-03-24", "5/3/2024",
    "20240305", "45356", 45356, 45356.75, "2024-03-05 00:00:00", "2024-03-05T08:30:00Z", "５/３/２０２４",
    "5 Mar 2024", "March 5, 2024", datetime(2024, 3, 5, 9, 0), MARCH_5, " 2024-03-05\u3000",
])
def test_every_documented_date_form_reads_as_march_5(raw: object) -> None:
    assert parse_date(raw) == MARCH_5  # type: ignore[arg-type]


def test_day_first_is_a_mapping_option() -> None:
    assert parse_date("03-05-24", day_first=True) == date(2024, 5, 3)
    assert parse_date("03-05-24", day_first=False) == MARCH_5
    # Year-first forms never depend on the option.
    assert parse_date("2024/3/5", day_first=False) == MARCH_5


def test_impossible_day_first_date_suggests_the_option() -> None:
    with pytest.raises(CellProblem) as caught:
        parse_date("03-25-24", day_first=True)
    assert caught.value.problem == "not a valid date when read day first: 03-25-24"
    assert "set day_first to false" in caught.value.fix


def test_two_digit_years_follow_the_posix_pivot() -> None:
    assert parse_date("01-01-68") == date(2068, 1, 1)
    assert parse_date("01-01-69") == date(1969, 1, 1)


@pytest.mark.parametrize("raw", ["2024-13-45", "yesterday", "31/02/2024", 12, "2024-02-30", True])
def test_non_dates_are_problems(raw: object) -> None:
    with pytest.raises(CellProblem):
        parse_date(raw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("raw", "expected"), [
    ("12,345", 12345.0), ("12,345.50", 12345.5), ("１２，３４５", 12345.0), ("¥6,500", 6500.0), ("6500元", 6500.0),
    ("1.2万", 12000.0), ("(1,234)", -1234.0), ("-3.5", -3.5), (" 42 ", 42.0), ("95%", 95.0), (7, 7.0),
    ("N/A", None), ("-", None), ("", None), (None, None), ("NaN", None),
])
def test_numbers(raw: object, expected: float | None) -> None:
    assert parse_number(raw) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", ["12,34", "abc", "1.2.3", "1e999", "inf", "12,5"])
def test_non_numbers_are_problems(raw: str) -> None:
    with pytest.raises(CellProblem):
        parse_number(raw)


def test_percent_and_fraction_option() -> None:
    assert parse_percent("95%") == 95.0
    assert parse_percent("９５％") == 95.0
    assert parse_percent("95") == 95.0
    assert parse_percent("0.95", fraction=True) == 95.0
    assert parse_percent("95%", fraction=True) == 95.0  # an explicit % sign always wins


def test_text_ids_integers_email_phone() -> None:
    assert clean_text("\ufeff  Bob\u3000 Li\xa0 ") == "Bob Li"
    assert clean_text("null") is None
    assert parse_id(1001.0) == "1001"
    assert parse_id("1001.0") == "1001"
    assert parse_id("00123") == "00123"  # leading zeros are part of an id
    assert parse_id("Ｅ００１") == "E001"
    assert parse_integer("30") == 30
    with pytest.raises(CellProblem):
        parse_integer("30.5")
    assert parse_email(" Bob@EXAMPLE.com ") == "Bob@example.com"
    with pytest.raises(CellProblem):
        parse_email("carol@example")
    assert parse_phone("138-0013 8000") == "13800138000"
    assert parse_phone("+86 (138) 0013 8000") == "+8613800138000"


@pytest.mark.parametrize(("raw", "expected"), [
    ("Voluntarily Terminated", "voluntary"), ("Resignation", "voluntary"), ("主动离职", "voluntary"),
    ("voluntarily_terminated", "voluntary"), ("Terminated for cause", "involuntary"), ("辞退", "involuntary"),
    ("LAID OFF", "involuntary"), ("退休", "voluntary"), ("未知", "unknown"),
])
def test_exit_types(raw: str, expected: str) -> None:
    assert parse_exit_type(raw) == expected


def test_unknown_exit_type_names_the_accepted_values() -> None:
    with pytest.raises(CellProblem) as caught:
        parse_exit_type("调走")
    assert caught.value.problem == "unknown exit type: 调走"
    assert "主动离职" in caught.value.fix


@pytest.mark.parametrize(("raw", "expected"), [
    ("Yes", True), ("No", False), ("是", True), ("否", False), ("TRUE", True), ("0", False), ("达标", True),
    ("未达标", False), (True, True), ("", None),
])
def test_booleans(raw: object, expected: bool | None) -> None:
    assert parse_bool(raw) is expected  # type: ignore[arg-type]


def test_sex_reasons_change_kinds() -> None:
    assert [parse_sex(v) for v in ("F", "男", "Female", "m")] == ["female", "male", "female", "male"]
    assert parse_exit_reason("薪酬") == "compensation"
    assert parse_exit_reason("因家庭原因") == "personal"
    assert parse_exit_reason("想回老家") == "relocation"
    assert parse_change_kind("晋升") == "promotion"
    assert parse_change_kind("Transferred") == "transfer"
    with pytest.raises(CellProblem):
        parse_change_kind("升职加薪")  # names two kinds; the user must pick


@pytest.mark.parametrize(("raw", "expected"), [
    ("2024Q1", "2024-Q1"), ("Q1 2024", "2024-Q1"), ("2024年第一季度", "2024-Q1"), ("2024 Q1", "2024-Q1"),
    ("2024H2", "2024-H2"), ("2024年上半年", "2024-H1"), ("2024-3", "2024-03"), ("2024年3月", "2024-03"),
    ("2024", "2024"), (2024, "2024"), ("FY2024", "2024"), (datetime(2024, 3, 1), "2024-03"),
])
def test_periods(raw: object, expected: str) -> None:
    assert parse_period(raw) == expected  # type: ignore[arg-type]
