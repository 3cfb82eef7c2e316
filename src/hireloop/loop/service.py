"""Training the loop's models on an organization's own data, and keeping them in its model registry."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy.orm import Session

from hireloop.config import get_settings
from hireloop.errors import ValidationFailed
from hireloop.loop import repository as repo
from hireloop.ml.ibm import normalize_ibm_export
from hireloop.ml.registry import ModelRegistry
from hireloop.ml.training import TrainedModel, train_attrition_from_employee_table

MIN_EMPLOYEES = 50
MIN_LEAVERS = 10


def registry(org_id: uuid.UUID) -> ModelRegistry:
    """The organization's own model registry (versioned files with model cards under the storage root)."""
    return ModelRegistry(Path(get_settings().storage_root) / "models" / str(org_id))


def employee_table(session: Session, org_id: uuid.UUID) -> pd.DataFrame:
    """One row per employee in the HR export's column names: imported attributes, the mapped fields, and
    Attrition = Yes for anyone with an exit."""
    rows: list[dict[str, Any]] = []
    for emp, ex in repo.employees_with_exits(session, org_id):
        row = dict(emp.attributes or {})
        row.update({"EmployeeNumber": emp.remote_id or str(emp.id), "Age": emp.age, "Department": emp.department,
                    "JobRole": emp.job_title, "MonthlyIncome": emp.monthly_pay, "Gender": emp.sex,
                    "Attrition": "Yes" if ex is not None or emp.status == "exited" else "No"})
        rows.append(row)
    return pd.DataFrame(rows)


def train_attrition(session: Session, org_id: uuid.UUID, *, save: bool = True) -> tuple[TrainedModel, dict[str, Any]]:
    """Fit and validate the attrition model on the organization's employees; saves a new registry version."""
    table = employee_table(session, org_id)
    if "YearsAtCompany" in table.columns:  # records without the HR attributes (e.g. just hired) say nothing yet
        table = table[table["YearsAtCompany"].notna()]
    if len(table) < MIN_EMPLOYEES:
        raise ValidationFailed(f"{len(table)} employees is too few to learn from; import at least {MIN_EMPLOYEES} "
                               "with their exits (hireloop import FILE --mapping NAME).", code="too_little_data")
    df = normalize_ibm_export(table)
    if int(df["left"].sum()) < MIN_LEAVERS:
        raise ValidationFailed(f"Only {int(df['left'].sum())} leavers: at least {MIN_LEAVERS} are needed to learn "
                               "what predicts leaving.", code="too_little_data")
    model = train_attrition_from_employee_table(df)
    summary = model.summary()
    if save:
        card = model.save(registry(org_id), notes="trained from the organization's imported HR records")
        summary["registry_version"] = getattr(card, "version", None)
    return model, summary
