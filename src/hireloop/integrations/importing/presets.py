"""Built-in mapping presets and suggest_mapping, which guesses a mapping from zh/en header names."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hireloop.errors import NotFound
from hireloop.integrations.importing.categories import fold
from hireloop.integrations.importing.fields import FIELDS, RecordKind
from hireloop.integrations.importing.mapping import ColumnMapping

# IBM's public "HR Employee Attrition" export (1470 rows, 35 columns): no names, dates or ids of its own, so
# EmployeeNumber becomes a stable remote_id, Attrition=Yes an exit with unknown date and type, and every other
# column an attribute for the attrition model.
IBM_HR_ATTRITION = ColumnMapping(
    kind=RecordKind.EMPLOYEE,
    columns={
        "remote_id": "EmployeeNumber", "age": "Age", "left": "Attrition", "department": "Department",
        "job_title": "JobRole", "monthly_pay": "MonthlyIncome", "sex": "Gender",
    },
    remote_id_prefix="ibm-",
    keep_unmapped=True,
    name="ibm_hr_attrition",
)

PRESETS: dict[str, ColumnMapping] = {IBM_HR_ATTRITION.name: IBM_HR_ATTRITION}


def preset(name: str) -> ColumnMapping:
    """A built-in mapping by name."""
    try:
        return PRESETS[name]
    except KeyError:
        raise NotFound(f"No mapping preset {name!r}; presets: {', '.join(sorted(PRESETS))}") from None


def _header_key(header: str) -> str:
    # "工号(必填)" and "Employee ID *" name the same column as "工号" and "Employee ID".
    return fold(re.sub(r"[(（\[【].*?[)）\]】]|[*:：#]", "", header))


def _containable(synonym_key: str) -> bool:
    cjk = sum(1 for ch in synonym_key if "\u4e00" <= ch <= "\u9fff")
    return cjk >= 2 or len(synonym_key) >= 6


def _match(headers: Sequence[str], kind: RecordKind) -> dict[str, str]:
    keys = [_header_key(h) for h in headers]
    columns: dict[str, str] = {}
    taken: set[int] = set()
    # Exact matches first, in field order, so that a precise header is never stolen by a containment guess.
    for spec in FIELDS[kind]:
        wanted = {fold(s) for s in (spec.name.replace("_", " "), *spec.synonyms)}
        for i, key in enumerate(keys):
            if i not in taken and key in wanted:
                columns[spec.name] = headers[i]
                taken.add(i)
                break
    for spec in FIELDS[kind]:
        if spec.name in columns:
            continue
        best: tuple[int, int] | None = None
        for synonym in (fold(s) for s in spec.synonyms):
            if not _containable(synonym):
                continue
            for i, key in enumerate(keys):
                if i not in taken and synonym in key and (best is None or len(synonym) > best[0]):
                    best = (len(synonym), i)
        if best is not None:
            columns[spec.name] = headers[best[1]]
            taken.add(best[1])
    return columns


def suggest_mapping(headers: Sequence[str], kind: RecordKind | str | None = None) -> ColumnMapping:
    """Guess a mapping from header names (zh and en); without a kind, the kind whose fields match best."""
    clean = [h.strip().replace("\ufeff", "") if isinstance(h, str) else "" for h in headers]
    usable = [h for h in clean if h]
    if kind is not None:
        chosen = RecordKind(kind)
        return ColumnMapping(kind=chosen, columns=_match(usable, chosen))
    scored = []
    for order, candidate in enumerate(RecordKind):
        columns = _match(usable, candidate)
        required = [f.name for f in FIELDS[candidate] if f.required]
        covered = sum(1 for name in required if name in columns)
        # All required fields first, then the most matched columns; ties go to the earlier kind (employee).
        scored.append(((covered == len(required), len(columns), -order), candidate, columns))
    _, chosen, columns = max(scored, key=lambda s: s[0])
    return ColumnMapping(kind=chosen, columns=columns)
