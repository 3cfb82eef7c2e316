"""plan_import on deliberately messy exports (tests/data/hr, made by make_fixtures.py): exact reports."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from hireloop.errors import NotFound, TooLarge, ValidationFailed
from hireloop.integrations.importing import (
    IBM_HR_ATTRITION, ColumnMapping, RatingScale, RecordKind, plan_import, preset, read_headers, suggest_mapping,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "hr"
IBM = Path("/work/shared/data/hr/ibm_hr_employee_attrition.csv")
IBM_CANDIDATES = [IBM, Path(__file__).resolve().parents[3] / "shared" / "data" / "hr" / IBM.name]

EMPLOYEE_MAPPING = ColumnMapping(
    kind=RecordKind.EMPLOYEE,
    columns={"remote_id": "Employee ID", "name": "Name", "email": "Email", "department": "Department",
             "hire_date": "Hire Date", "manager_remote_id": "Manager ID", "monthly_pay": "Monthly Salary",
             "sex": "Gender", "age": "Age"},
    name="acme_hr",
)
EXIT_MAPPING = ColumnMapping(
    kind="exit",
    columns={"employee_remote_id": "工号", "exit_date": "离职日期", "exit_type": "离职类型",
             "reason_category": "离职原因", "reason_text": "详细原因", "regretted": "是否惋惜"},
)
REVIEW_SCALE = RatingScale(1, 5, labels={"优秀": 5, "良好": 4, "合格": 3, "待改进": 2, "不合格": 1})


def _read(name: str) -> bytes:
    return (DATA / name).read_bytes()


def test_messy_employee_csv_gives_the_exact_report() -> None:
    plan = plan_import(_read("employees_messy.csv"), "employees_messy.csv", EMPLOYEE_MAPPING)
    assert plan.report() == [
        (4, "Email", "not an e-mail address", "write an address such as name@example.com"),
        (6, None, "duplicate of row 5; skipped", "delete the repeated row"),
        (8, "Employee ID", "E005 is also on row 7 with different department",
         "keep one of rows 7 and 8, or give them different ids"),
        (9, "Hire Date", "no such date: 2024-13-45", "write the date as YYYY-MM-DD, for example 2024-03-05"),
        (10, "Hire Date", "not a valid date when read day first: 03-25-24",
         "write the date as YYYY-MM-DD, or set day_first to false if this file writes dates month first"),
        (12, "Employee ID", "required value is empty", "fill in Employee ID"),
        (13, "Age", "age 130 is not plausible", "fix the age (14-100)"),
        (14, "Gender", "unknown sex: unknown-sex", "use one of: male, female, other, 男, 女"),
    ]
    assert [i.severity for i in plan.issues] == ["error", "warning", "error", "error", "error", "error", "error",
                                                 "warning"]
    assert not plan.ok
    assert plan.encoding == "utf-8-sig" and plan.delimiter == ","
    assert plan.rows_skipped_as_duplicates == 1


def test_messy_employee_csv_cleans_what_it_can() -> None:
    plan = plan_import(_read("employees_messy.csv"), "employees_messy.csv", EMPLOYEE_MAPPING)
    by_id = {e.remote_id: e for e in plan.employees}
    assert sorted(by_id) == ["E001", "E002", "E004", "E005", "E010"]
    # Five spellings of the same day: slashes, day-first dd-mm-yy, ISO with time, Excel serial, "1 Mar 2024".
    assert {by_id[i].hire_date for i in ("E001", "E002", "E004", "E005")} == {date(2024, 3, 5)}
    assert by_id["E010"].hire_date == date(2024, 3, 1)
    alice, bob = by_id["E001"], by_id["E002"]
    assert (alice.name, alice.monthly_pay, alice.sex, alice.age) == ("Alice Wang", 12000.0, "female", 35)
    assert (bob.name, bob.email, bob.monthly_pay, bob.manager_remote_id) == ("Bob Li", "bob@example.com", 8500.0,
                                                                           "E001")
    assert by_id["E004"].department == "Sales"
    assert by_id["E010"].sex is None  # the unknown value is dropped with a warning, the row survives


def test_same_input_gives_the_same_plan() -> None:
    data = _read("employees_messy.csv")
    first = plan_import(data, "employees_messy.csv", EMPLOYEE_MAPPING)
    second = plan_import(data, "employees_messy.csv", EMPLOYEE_MAPPING)
    assert first == second
    assert json.dumps(first.to_dict(), sort_keys=True) == json.dumps(second.to_dict(), sort_keys=True)


def test_gbk_exits_normalise_categories_and_dedupe() -> None:
    plan = plan_import(_read("exits_gbk.csv"), "exits_gbk.csv", EXIT_MAPPING)
    assert plan.encoding == "gb18030"
    assert plan.report() == [
        (7, "离职类型", "unknown exit type: 调走",
         "use one of: voluntary (Resignation, 主动离职) or involuntary (Terminated for cause, 辞退), or unknown"),
        (7, "离职原因", "unknown exit reason: 说不清楚",
         "use one of: career_growth, compensation, contract_end, health, manager, misconduct, other, "
         "performance, personal, probation, relocation, restructuring, retirement, study, workload (kept as other)"),
        (8, None, "duplicate of row 2; skipped", "delete the repeated row"),
    ]
    got = [(e.employee_remote_id, e.exit_date, e.exit_type, e.reason_category, e.regretted) for e in plan.exits]
    assert got == [
        ("1001", date(2024, 3, 5), "voluntary", "compensation", True),
        ("1002", date(2024, 3, 6), "involuntary", "misconduct", False),
        ("1003", date(2024, 3, 7), "voluntary", "career_growth", True),
        ("1004", date(2024, 3, 5), "involuntary", "performance", False),
        ("1005", date(2024, 3, 8), "voluntary", "relocation", None),
    ]
    assert plan.exits[0].reason_text == "同行报价高30%"
    assert plan.exits[0].remote_id == "1001:exit:2024-03-05"


def test_missing_required_column_is_a_file_level_error() -> None:
    plan = plan_import(_read("exits_missing_column.csv"), "exits_missing_column.csv", EXIT_MAPPING)
    assert plan.report() == [
        (None, "离职日期", "required column missing (needed for exit_date)",
         "add a column named 离职日期, or map exit_date to a column the file has"),
        (None, "详细原因", "mapped column not in the file; its field stays empty",
         "add a column named 详细原因, or remove it from the mapping"),
        (None, "是否惋惜", "mapped column not in the file; its field stays empty",
         "add a column named 是否惋惜, or remove it from the mapping"),
    ]
    assert not plan.ok and plan.records == ()


def test_xlsx_with_title_row_rating_labels_and_percent_cells() -> None:
    data = _read("reviews_titled.xlsx")
    suggested = suggest_mapping(read_headers(data, "reviews_titled.xlsx"))
    assert suggested.kind == RecordKind.PERFORMANCE_REVIEW
    mapping = ColumnMapping.from_dict({**suggested.to_dict(), "rating_scale": {
        "minimum": 1, "maximum": 5, "higher_is_better": True, "labels": REVIEW_SCALE.labels}})
    plan = plan_import(data, "reviews_titled.xlsx", mapping)
    assert plan.header_row == 2 and plan.sheet == "绩效"
    assert plan.report() == [
        (6, "绩效等级", "rating 7 is outside the scale 1-5",
         "fix the rating, or set rating_scale in the mapping to this system's scale"),
        (7, "达成率", "attainment 90% differs from actual/target = 60%",
         "check the KPI target, actual and attainment; the stated attainment is kept"),
    ]
    got = [(r.remote_id, r.period, r.rating, r.rating_normalised, r.attainment_pct, r.met_target)
           for r in plan.reviews]
    assert got == [
        ("1001:2024-Q1", "2024-Q1", 5.0, 1.0, 120.0, True),
        ("1002:2024-Q1", "2024-Q1", 4.0, 0.75, 95.0, False),  # a cell formatted 95% holds 0.95
        ("1003:2024-Q1", "2024-Q1", 3.0, 0.5, 100.0, True),  # attainment computed from actual / target
        ("1005:2024-Q1", "2024-Q1", 2.0, 0.25, 90.0, False),
    ]


def test_xlsx_serial_dates_and_real_date_cells() -> None:
    data = _read("changes_serial_dates.xlsx")
    mapping = suggest_mapping(read_headers(data, "changes_serial_dates.xlsx"))
    assert mapping.kind == RecordKind.EMPLOYMENT_CHANGE
    plan = plan_import(data, "changes_serial_dates.xlsx", mapping)
    assert plan.report() == [
        (5, "异动类型", "unknown change kind: 升职加薪",
         "use one of: promotion (晋升), transfer (调岗), demotion (降职), pay_change (调薪)"),
    ]
    assert [(c.employee_remote_id, c.kind, c.effective_date) for c in plan.changes] == [
        ("1001", "promotion", date(2024, 3, 5)), ("1002", "transfer", date(2024, 3, 6)),
        ("1003", "promotion", date(2024, 3, 7)),
    ]


def test_semicolon_csv_and_month_first_option() -> None:
    data = "工号;离职日期;离职类型\n7;03-25-24;Resignation\n".encode()
    mapping = ColumnMapping(kind="exit", columns={"employee_remote_id": "工号", "exit_date": "离职日期",
                                                  "exit_type": "离职类型"}, day_first=False)
    plan = plan_import(data, "x.csv", mapping)
    assert plan.ok and plan.delimiter == ";"
    assert plan.exits[0].exit_date == date(2024, 3, 25)


def _ibm_bytes() -> bytes:
    for path in IBM_CANDIDATES:
        if path.exists():
            return path.read_bytes()
    pytest.skip("the IBM HR export is not on this machine")


def test_ibm_export_plans_cleanly_with_the_preset() -> None:
    plan = plan_import(_ibm_bytes(), "ibm_hr_employee_attrition.csv", preset("ibm_hr_attrition"))
    assert plan.ok and plan.issues == ()
    assert len(plan.employees) == 1470
    assert len(plan.exits) == 237  # Attrition == "Yes" in the published data set
    first = plan.employees[0]
    assert (first.remote_id, first.age, first.department, first.job_title, first.sex, first.monthly_pay) == (
        "ibm-1", 41, "Sales", "Sales Executive", "female", 5993.0)
    assert len(first.attributes) == 35 - 7
    assert first.attributes["OverTime"] == "Yes" and first.attributes["JobSatisfaction"] == 4.0
    assert {(e.exit_date, e.exit_type) for e in plan.exits} == {(None, "unknown")}
    assert len({e.remote_id for e in plan.employees}) == 1470


def test_suggest_mapping_recognises_the_ibm_and_chinese_headers() -> None:
    headers = read_headers(_ibm_bytes(), "ibm.csv")
    assert suggest_mapping(headers).columns == IBM_HR_ATTRITION.columns
    zh = suggest_mapping(["工号(必填)", "姓名", "手机号码", "入职日期", "所属部门", "岗位", "直属上级工号", "月薪", "性别"])
    assert zh.kind == RecordKind.EMPLOYEE
    assert zh.columns == {"remote_id": "工号(必填)", "name": "姓名", "phone": "手机号码", "hire_date": "入职日期",
                          "department": "所属部门", "job_title": "岗位", "manager_remote_id": "直属上级工号",
                          "monthly_pay": "月薪", "sex": "性别"}


def test_mapping_round_trips_through_json_and_rejects_nonsense() -> None:
    mapping = ColumnMapping(kind="performance_review", columns={"employee_remote_id": "工号", "period": "周期"},
                            rating_scale=REVIEW_SCALE, day_first=False, name="beisen")
    assert ColumnMapping.from_json(mapping.to_json()) == mapping
    assert ColumnMapping.from_json(IBM_HR_ATTRITION.to_json()) == IBM_HR_ATTRITION
    with pytest.raises(ValidationFailed, match="has no field 'salary'"):
        ColumnMapping(kind="employee", columns={"remote_id": "id", "salary": "pay"})
    with pytest.raises(ValidationFailed, match="unknown keys"):
        ColumnMapping.from_json('{"kind": "exit", "columns": {}, "colour": "red"}')
    with pytest.raises(ValidationFailed, match="mapped to more than one field"):
        ColumnMapping(kind="employee", columns={"remote_id": "id", "name": "id"})
    with pytest.raises(NotFound):
        preset("workday")


def test_unreadable_and_oversized_files() -> None:
    plan = plan_import(b"PK\x03\x04 not really a workbook", "x.xlsx", EXIT_MAPPING)
    assert plan.report() == [(None, None, "the workbook cannot be opened", "save it again as .xlsx or CSV UTF-8")]
    assert plan_import(b"", "x.csv", EXIT_MAPPING).report() == [
        (None, None, "the file has no rows", "export it again with a header row and data rows")]
    with pytest.raises(TooLarge):
        plan_import(b"x" * 101, "x.csv", EXIT_MAPPING, max_bytes=100)


def test_fixture_script_reproduces_the_csv_fixtures(tmp_path: Path) -> None:
    script = tmp_path / "make_fixtures.py"
    script.write_bytes((DATA / "make_fixtures.py").read_bytes())
    subprocess.run([sys.executable, str(script)], check=True, cwd=tmp_path)
    for name in ("employees_messy.csv", "exits_gbk.csv", "exits_missing_column.csv"):
        assert (tmp_path / name).read_bytes() == _read(name), name


def test_long_reports_are_capped_with_a_summary_line() -> None:
    rows = "\n".join(f"{i},not-a-date" for i in range(50))
    data = f"工号,离职日期\n{rows}\n".encode()
    mapping = ColumnMapping(kind="exit", columns={"employee_remote_id": "工号", "exit_date": "离职日期"})
    plan = plan_import(data, "x.csv", mapping, max_issues=10)
    assert len(plan.issues) == 11 and not plan.ok
    assert plan.report()[-1] == (None, None, "40 more problems are not listed",
                                 "fix the problems listed and check the file again")
    assert plan.report()[0] == (2, "离职日期", "not a date: not-a-date",
                                "write the date as YYYY-MM-DD, for example 2024-03-05")


def test_xml_entity_bombs_in_workbooks_are_refused(tmp_path: Path) -> None:
    import io
    import zipfile

    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["工号", "离职日期"])
    wb.active.append(["1", "2024-03-05"])
    buffer = io.BytesIO()
    wb.save(buffer)
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>')
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = bomb.encode() + content.split(b"?>", 1)[-1]
            dst.writestr(item, content)
    plan = plan_import(out.getvalue(), "bomb.xlsx", EXIT_MAPPING)
    assert plan.report() == [(None, None, "the workbook cannot be opened", "save it again as .xlsx or CSV UTF-8")]


def test_suggest_mapping_for_the_gbk_exit_file() -> None:
    data = _read("exits_gbk.csv")
    suggested = suggest_mapping(read_headers(data, "exits_gbk.csv"))
    assert suggested.kind == RecordKind.EXIT and suggested.columns == EXIT_MAPPING.columns


def test_employee_rows_with_exit_columns_yield_exits() -> None:
    data = ("工号,姓名,离职日期,离职类型,离职原因\n"
            "A1,张三,2024年6月30日,主动离职,家庭原因\n"
            "A2,李四,,,\n").encode("gbk")
    mapping = suggest_mapping(["工号", "姓名", "离职日期", "离职类型", "离职原因"], kind="employee")
    assert mapping.columns == {"remote_id": "工号", "name": "姓名", "exit_date": "离职日期",
                               "exit_type": "离职类型", "exit_reason": "离职原因"}
    plan = plan_import(data, "roster.csv", mapping)
    assert plan.ok and [e.remote_id for e in plan.employees] == ["A1", "A2"]
    assert [(x.remote_id, x.exit_date, x.exit_type, x.reason_category) for x in plan.exits] == [
        ("A1:exit:2024-06-30", date(2024, 6, 30), "voluntary", "personal")]


def test_named_sheet_must_exist() -> None:
    mapping = ColumnMapping(kind="employee", columns={"remote_id": "工号"}, sheet="Sheet9")
    plan = plan_import(_read("changes_serial_dates.xlsx"), "changes.xlsx", mapping)
    assert plan.report() == [(None, None, "the workbook has no sheet 'Sheet9'", "name one of its sheets: 异动")]
