"""Turning one row's cells into clean records, collecting the row's problems."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from hireloop.integrations.importing import categories as cat
from hireloop.integrations.importing.coerce import (
    Cell, CellProblem, clean_text, parse_date, parse_email, parse_id, parse_integer, parse_number,
    parse_percent, parse_phone,
)
from hireloop.integrations.importing.fields import FIELDS, RecordKind
from hireloop.integrations.importing.mapping import ColumnMapping
from hireloop.integrations.importing.records import (
    AttributeValue, EmployeeRecord, EmploymentChangeRecord, ExitRecord, Issue, PerformanceReviewRecord, Record,
)

# Problems in these fields lose only the value, not the row (reported as warnings).
SOFT_TYPES = {"exit_reason", "sex"}
_NUMERIC = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?|[+-]?\d+(\.\d+)?")
ATTAINMENT_TOLERANCE = 1.0  # percentage points between a stated and a computed attainment before we warn


def _value_text(cell: Cell) -> str | None:
    text = clean_text(cell)
    return None if text is None else text[:60]


def _rating(cell: Cell, mapping: ColumnMapping) -> float | None:
    scale = mapping.rating_scale
    text = clean_text(cell)
    if text is None:
        return None
    labels = {cat.fold(k): v for k, v in scale.labels.items()}
    if cat.fold(text) in labels:
        return float(labels[cat.fold(text)])
    try:
        rating = parse_number(cell)
    except CellProblem:
        accepted = ", ".join(scale.labels) or f"a number from {scale.minimum:g} to {scale.maximum:g}"
        raise CellProblem(f"unknown rating: {text}", f"use {accepted}") from None
    if rating is None:
        return None
    if not scale.minimum <= rating <= scale.maximum:
        raise CellProblem(
            f"rating {rating:g} is outside the scale {scale.minimum:g}-{scale.maximum:g}",
            "fix the rating, or set rating_scale in the mapping to this system's scale",
        )
    return rating


def _parser(type_: str, mapping: ColumnMapping) -> Callable[[Cell], Any]:
    parsers: dict[str, Callable[[Cell], Any]] = {
        "text": clean_text, "id": parse_id, "email": parse_email, "phone": parse_phone,
        "number": parse_number, "integer": parse_integer, "bool": cat.parse_bool, "sex": cat.parse_sex,
        "exit_type": cat.parse_exit_type, "exit_reason": cat.parse_exit_reason,
        "change_kind": cat.parse_change_kind, "period": cat.parse_period,
        "date": lambda c: parse_date(c, day_first=mapping.day_first),
        "percent": lambda c: parse_percent(c, fraction=mapping.attainment_as_fraction),
        "rating": lambda c: _rating(c, mapping),
    }
    return parsers[type_]


def attribute_value(cell: Cell) -> AttributeValue:
    """Extra columns keep numbers as numbers and everything else as trimmed text (dates as ISO)."""
    if isinstance(cell, datetime | date):
        return (cell.date() if isinstance(cell, datetime) else cell).isoformat()
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return float(cell)
    text = clean_text(cell)
    if text is None or not _NUMERIC.fullmatch(text):
        return text
    return parse_number(text)


class RowBuilder:
    """Coerces the mapped cells of one row and builds its records; the issues list collects what went wrong."""

    def __init__(self, mapping: ColumnMapping, positions: dict[str, int], attributes: dict[str, int]) -> None:
        self.mapping = mapping
        self.positions = positions  # target field -> column index
        self.attributes = attributes  # attribute name -> column index
        self.specs = {f.name: f for f in FIELDS[mapping.kind]}
        self.parsers = {name: _parser(self.specs[name].type, mapping) for name in positions}

    def build(self, row: int, cells: tuple[Cell, ...], issues: list[Issue]) -> list[Record]:
        """Records of one row (none if it has an error)."""
        values: dict[str, Any] = {}
        failed = False
        for name, index in self.positions.items():
            cell = cells[index] if index < len(cells) else None
            column = self.mapping.columns[name]
            try:
                values[name] = self.parsers[name](cell)
            except CellProblem as problem:
                soft = self.specs[name].type in SOFT_TYPES
                issues.append(Issue(row, column, problem.problem, problem.fix, "warning" if soft else "error",
                                    _value_text(cell)))
                values[name] = "other" if self.specs[name].type == "exit_reason" else None
                values[f"_raw_{name}"] = clean_text(cell)
                failed = failed or not soft
                continue
            if values[name] is None and self.specs[name].required:
                issues.append(Issue(row, column, "required value is empty", f"fill in {column}", "error"))
                failed = True
        if failed:
            return []
        attrs = {name: attribute_value(cells[i] if i < len(cells) else None) for name, i in self.attributes.items()}
        prefix = self.mapping.remote_id_prefix
        for key in ("remote_id", "employee_remote_id", "manager_remote_id"):
            if values.get(key) is not None:
                values[key] = prefix + values[key]
        builder = {
            RecordKind.EMPLOYEE: self._employee, RecordKind.PERFORMANCE_REVIEW: self._review,
            RecordKind.EMPLOYMENT_CHANGE: self._change, RecordKind.EXIT: self._exit,
        }[self.mapping.kind]
        return builder(row, values, attrs, issues)

    def _column(self, name: str) -> str:
        return self.mapping.columns.get(name, name)

    def _employee(self, row: int, v: dict[str, Any], attrs: dict, issues: list[Issue]) -> list[Record]:
        age = v.get("age")
        if age is not None and not 14 <= age <= 100:
            issues.append(Issue(row, self._column("age"), f"age {age} is not plausible", "fix the age (14-100)",
                                "error", str(age)))
            return []
        pay = v.get("monthly_pay")
        if pay is not None and pay < 0:
            issues.append(Issue(row, self._column("monthly_pay"), "monthly pay is negative",
                                "fix the amount", "error", f"{pay:g}"))
            return []
        fields = {k: v.get(k) for k in ("name", "email", "phone", "job_title", "department", "location",
                                         "hire_date", "manager_remote_id", "monthly_pay", "sex", "birth_date", "age")}
        records: list[Record] = [EmployeeRecord(remote_id=v["remote_id"], attributes=attrs, source_row=row, **fields)]
        left = v.get("left")
        if left or (left is None and v.get("exit_date") is not None):
            exit_date = v.get("exit_date")
            records.append(ExitRecord(
                remote_id=f"{v['remote_id']}:exit:{exit_date.isoformat() if exit_date else 'unknown'}",
                employee_remote_id=v["remote_id"], exit_date=exit_date, exit_type=v.get("exit_type") or "unknown",
                reason_category=v.get("exit_reason"), reason_text=v.get("_raw_exit_reason"), source_row=row,
            ))
        return records

    def _review(self, row: int, v: dict[str, Any], attrs: dict, issues: list[Issue]) -> list[Record]:
        target, actual, stated = v.get("kpi_target"), v.get("kpi_actual"), v.get("attainment_pct")
        computed = round(actual / target * 100.0, 4) if target and actual is not None and target > 0 else None
        if stated is not None and computed is not None and abs(stated - computed) > ATTAINMENT_TOLERANCE:
            issues.append(Issue(
                row, self._column("attainment_pct"),
                f"attainment {stated:g}% differs from actual/target = {computed:g}%",
                "check the KPI target, actual and attainment; the stated attainment is kept", "warning",
                f"{stated:g}",
            ))
        attainment = stated if stated is not None else computed
        met = v.get("met_target")
        if met is None and attainment is not None:
            met = attainment >= 100.0
        rating = v.get("rating")
        return [PerformanceReviewRecord(
            remote_id=v.get("remote_id") or f"{v['employee_remote_id']}:{v['period']}",
            employee_remote_id=v["employee_remote_id"], period=v["period"], rating=rating,
            rating_normalised=None if rating is None else self.mapping.rating_scale.normalise(rating),
            kpi_target=target, kpi_actual=actual, attainment_pct=attainment, met_target=met,
            reviewer=v.get("reviewer"), comment=v.get("comment"), attributes=attrs, source_row=row,
        )]

    def _change(self, row: int, v: dict[str, Any], attrs: dict, issues: list[Issue]) -> list[Record]:
        effective: date = v["effective_date"]
        return [EmploymentChangeRecord(
            remote_id=v.get("remote_id") or f"{v['employee_remote_id']}:{effective.isoformat()}:{v['kind']}",
            employee_remote_id=v["employee_remote_id"], kind=v["kind"], effective_date=effective,
            from_job_title=v.get("from_job_title"), to_job_title=v.get("to_job_title"),
            from_department=v.get("from_department"), to_department=v.get("to_department"),
            new_monthly_pay=v.get("new_monthly_pay"), note=v.get("note"), attributes=attrs, source_row=row,
        )]

    def _exit(self, row: int, v: dict[str, Any], attrs: dict, issues: list[Issue]) -> list[Record]:
        exit_date: date = v["exit_date"]
        # An unrecognised reason category keeps its words as the free text, so nothing the user wrote is lost.
        reason_text = v.get("reason_text") or v.get("_raw_reason_category")
        return [ExitRecord(
            remote_id=v.get("remote_id") or f"{v['employee_remote_id']}:exit:{exit_date.isoformat()}",
            employee_remote_id=v["employee_remote_id"], exit_date=exit_date,
            exit_type=v.get("exit_type") or "unknown", reason_category=v.get("reason_category"),
            reason_text=reason_text, regretted=v.get("regretted"), attributes=attrs, source_row=row,
        )]
