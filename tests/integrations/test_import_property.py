"""Property: whatever bytes arrive, plan_import answers with a plan and a report, never an exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hireloop.integrations.importing import ColumnMapping, ImportPlan, RatingScale, plan_import

MAPPINGS = [
    ColumnMapping(kind="employee", columns={"remote_id": "id", "hire_date": "hired", "monthly_pay": "pay",
                                            "sex": "sex", "age": "age", "left": "left", "email": "email"},
                  keep_unmapped=True),
    ColumnMapping(kind="performance_review", columns={"employee_remote_id": "id", "period": "period",
                                                      "rating": "rating", "kpi_target": "target",
                                                      "kpi_actual": "actual", "attainment_pct": "pct"},
                  rating_scale=RatingScale(1, 5, labels={"A": 5})),
    ColumnMapping(kind="exit", columns={"employee_remote_id": "id", "exit_date": "hired", "exit_type": "sex",
                                        "reason_category": "pay", "regretted": "left"}),
]
HEADER_WORDS = ["id", "hired", "pay", "sex", "age", "left", "email", "period", "rating", "target", "actual", "pct",
                " id ", "工号", ""]
CELL = st.one_of(
    st.text(alphabet=st.sampled_from(list("0123456789-/.,%年月日 \u3000QHA男女是否YesNo@\"'\n\r\t;|¥万")),
            max_size=14),
    st.sampled_from(["2024/3/5", "05-03-24", "45356", "1,234", "Resignation", "辞退", "N/A", "", "0", "-1e9",
                     "99999999999999999999", "1.2万", "2024Q1", "７", "A"]),
)


def _render(rows: list[list[str]], delimiter: str) -> str:
    return "\n".join(delimiter.join(cells) for cells in rows)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.lists(st.sampled_from(HEADER_WORDS), min_size=0, max_size=9),
    rows=st.lists(st.lists(CELL, max_size=10), max_size=12),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gbk", "utf-16"]),
    mapping_index=st.integers(0, len(MAPPINGS) - 1),
)
def test_csv_ish_text_never_crashes(header: list[str], rows: list[list[str]], delimiter: str, encoding: str,
                                    mapping_index: int) -> None:
    text = _render([header, *rows], delimiter)
    data = text.encode(encoding, errors="replace")
    _check(plan_import(data, "export.csv", MAPPINGS[mapping_index]), data)


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=600), name=st.sampled_from(["a.csv", "a.xlsx", "a.xls", "a.txt", "a"]),
       mapping_index=st.integers(0, len(MAPPINGS) - 1))
def test_arbitrary_bytes_never_crash(data: bytes, name: str, mapping_index: int) -> None:
    _check(plan_import(data, name, MAPPINGS[mapping_index]), data)


def _check(plan: ImportPlan, data: bytes) -> None:
    assert isinstance(plan, ImportPlan)
    for issue in plan.issues:
        assert issue.row is None or issue.row >= 1
        assert issue.problem and issue.suggested_fix and issue.severity in ("error", "warning")
    assert len(plan.employees) <= plan.rows_read
    plan.to_dict()  # the report must always serialise


XLSX_CELL = st.one_of(
    st.none(), st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
    st.dates().map(lambda d: d), CELL,
)


@settings(max_examples=20, deadline=None)
@given(rows=st.lists(st.lists(XLSX_CELL, max_size=8), max_size=8),
       header=st.lists(st.sampled_from(HEADER_WORDS), max_size=8), mapping_index=st.integers(0, len(MAPPINGS) - 1))
def test_arbitrary_workbooks_never_crash(rows: list[list[object]], header: list[str], mapping_index: int) -> None:
    import io

    from openpyxl import Workbook

    wb = Workbook()
    for row in [header, *rows]:
        wb.active.append([c.replace("\r", " ") if isinstance(c, str) else c for c in row])
    buffer = io.BytesIO()
    wb.save(buffer)
    data = buffer.getvalue()
    _check(plan_import(data, "export.xlsx", MAPPINGS[mapping_index]), data)
