"""Training the loop's models on an organization's own data, and keeping them in its model registry."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy.orm import Session

from hireloop.config import get_settings
from hireloop.errors import ValidationFailed
from hireloop.loop import repository as repo
from hireloop.ml.ibm import normalize_ibm_export
from hireloop.ml import training as ml_training
from hireloop.ml.registry import ModelCard, ModelRegistry
from hireloop.ml.training import TrainedModel, train_attrition_from_employee_table
from hireloop.models import utcnow

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


# --- the loop's own models: 6-month performance of candidates, 3-month attrition risk of employees ---------

PERFORMANCE = "performance"
ATTRITION_3M = "attrition_3m"  # monthly snapshots; "attrition" is the one-row-per-employee HR export model
RISK_MODEL_MAX_AGE_DAYS = 28


def _card_dict(card: ModelCard) -> dict[str, Any]:
    return asdict(card)


def _refuse_group_features(session: Session, org_id: uuid.UUID, trained: TrainedModel) -> None:
    """No model learns from group data: sex, age band, and the organization's configured extra groups."""
    from hireloop.loop.groups import configured
    from hireloop.ml.features import assert_no_group_features

    assert_no_group_features(trained.features, configured(session, org_id))


def _checked_and_saved(session: Session, org_id: uuid.UUID, trained: TrainedModel, *, save: bool,
                       notes: str) -> dict[str, Any]:
    """Refuse a model that learned from group data, then keep it as a new registry version; its summary."""
    _refuse_group_features(session, org_id, trained)
    summary = trained.summary()
    if save:
        summary["registry_version"] = trained.save(registry(org_id), notes=notes).version
    return summary


def train_performance(session: Session, org_id: uuid.UUID, *, save: bool = True) -> tuple[TrainedModel, dict[str, Any]]:
    """Fit the 6-month performance model on the organization's hires, validated on the latest hires (time split)."""
    from hireloop.loop.analytics import load_frames

    frames = load_frames(session, org_id)
    h = frames.hires
    n = 0 if h.empty else int(h["attainment_6m"].notna().sum())
    if n < MIN_EMPLOYEES:
        raise ValidationFailed(f"{n} hires have six months of results; at least {MIN_EMPLOYEES} are needed to learn "
                               "what predicts performance.", code="too_little_data")
    model = ml_training.train_performance(h)
    return model, _checked_and_saved(session, org_id, model, save=save,
                                     notes="trained on the organization's hires and their first six months")


def train_attrition_risk(session: Session, org_id: uuid.UUID, *, save: bool = True) -> tuple[TrainedModel, dict[str, Any]]:
    """Fit the 3-month attrition risk model on monthly employee snapshots, validated on the latest months."""
    from hireloop.loop.analytics import load_frames

    frames = load_frames(session, org_id)
    if frames.monthly.empty:
        raise ValidationFailed("No monthly performance data: import performance reviews first.", code="too_little_data")
    trained = ml_training.train_attrition(frames.hires, frames.monthly)
    if int(trained.data.get("leavers_in_horizon", 0)) < MIN_LEAVERS:
        raise ValidationFailed(f"Only {trained.data.get('leavers_in_horizon')} exits follow a monthly snapshot: at "
                               f"least {MIN_LEAVERS} are needed to learn attrition risk.", code="too_little_data")
    trained = replace(trained, name=ATTRITION_3M)
    return trained, _checked_and_saved(session, org_id, trained, save=save,
                                       notes="trained on monthly snapshots of the organization's employees")


def train(session: Session, org_id: uuid.UUID, kind: str) -> dict[str, Any]:
    """Train and save one kind of model (attrition | performance); attrition also refreshes the stored scores."""
    if kind == "performance":
        return train_performance(session, org_id)[1]
    if kind != "attrition":
        raise ValidationFailed("kind must be 'attrition' or 'performance'.", code="unknown_model_kind")
    from hireloop.loop.analytics import load_frames

    if load_frames(session, org_id).monthly.empty:  # an HR export without months: the one-row-per-employee model
        return train_attrition(session, org_id)[1]
    summary = train_attrition_risk(session, org_id)[1]
    summary["risk_refresh"] = asdict(refresh_risk(session, org_id))
    return summary


def train_and_audit(session: Session, actor: Any, kind: str) -> dict[str, Any]:
    """Train one kind of model (as `train`) and write the audit event; used by the API and the console."""
    from hireloop.compliance import audit
    from hireloop.loop.analytics import to_jsonable

    summary = train(session, actor.org_id, kind)
    audit.record(session, actor, "loop.model_trained", entity_type="model", entity_id=summary.get("name"),
                 details={"kind": kind, "version": summary.get("registry_version"),
                          "metrics": to_jsonable(summary.get("metrics", {}))})
    return summary


def model_cards(org_id: uuid.UUID) -> list[dict[str, Any]]:
    """Every model in the organization's registry with the cards of all its versions, newest first."""
    reg = registry(org_id)
    names = sorted(p.name for p in reg.root.iterdir() if p.is_dir()) if reg.root.exists() else []
    out = []
    for name in names:
        try:
            cards = reg.cards(name)
        except ValidationFailed:  # a folder that is not a model
            continue
        if cards:
            out.append({"name": name, "latest_version": cards[-1].version,
                        "versions": [_card_dict(c) for c in reversed(cards)]})
    return out


@dataclass(frozen=True)
class RiskRefresh:
    """What one refresh of the stored risk scores did."""

    model_name: str
    model_version: int
    computed_at: str
    scored: int
    high: int
    retrained: bool


def _risk_model(session: Session, org_id: uuid.UUID, retrain: bool) -> tuple[Any, ModelCard, bool]:
    reg = registry(org_id)
    if not retrain and reg.versions(ATTRITION_3M):
        model, card = reg.load(ATTRITION_3M)
        age = datetime.now(UTC) - datetime.fromisoformat(card.created_at)
        if age.days < RISK_MODEL_MAX_AGE_DAYS:
            return model, card, False
    train_attrition_risk(session, org_id)
    model, card = reg.load(ATTRITION_3M)
    return model, card, True


def refresh_risk(session: Session, org_id: uuid.UUID, *, retrain: bool = False) -> RiskRefresh:
    """Score every current employee with the saved attrition model and store the scores in place of the last ones.

    The model is retrained (a new registry version) when none is saved, when it is older than four weeks, or
    when asked.
    """
    from hireloop.loop.analytics import load_frames
    from hireloop.loop.analytics import to_jsonable
    from hireloop.ml.risk import score_employees

    model, card, retrained = _risk_model(session, org_id, retrain)
    frames = load_frames(session, org_id)
    scores = score_employees(model, frames.hires, frames.monthly)
    ids = frames.hires.set_index("employee_id")
    now = utcnow()
    rows = [{"id": uuid.uuid4(), "org_id": org_id, "employee_id": ids.at[s.employee_id, "eid"],
             "job": ids.at[s.employee_id, "job"], "model_name": card.name, "model_version": card.version,
             "risk": s.risk, "band": s.band, "period": s.period, "factors": to_jsonable(list(s.factors)),
             "computed_at": now} for s in scores if s.employee_id in ids.index]
    repo.replace_risk_scores(session, org_id, rows)
    return RiskRefresh(card.name, card.version, now.isoformat(timespec="seconds"), len(rows),
                       sum(r["band"] == "high" for r in rows), retrained)


def stored_risk(session: Session, org_id: uuid.UUID, *, job: str | None = None, band: str = "high",
                limit: int | None = 50) -> dict[str, Any] | None:
    """The latest stored risk scores (None when no refresh has run yet), filtered like the at-risk list."""
    rows = repo.latest_risk_scores(session, org_id)
    if not rows:
        return None
    order = {"high": 0, "medium": 1, "low": 2}
    first = rows[0][0]
    items = [{"employee_id": rid, "job": r.job, "period": r.period, "risk": r.risk, "band": r.band,
              "factors": r.factors} for r, rid, title in rows
             if order.get(r.band, 2) <= order[band] and (not job or job in (r.job, title))]
    return {"source": "stored", "computed_at": first.computed_at.isoformat(timespec="seconds"),
            "model": {"name": first.model_name, "version": first.model_version}, "n_scored": len(rows),
            "items": items[:limit] if limit is not None else items}


def predictions(session: Session, org_id: uuid.UUID, *, job: str | None = None, limit: int = 20) -> dict[str, Any]:
    """Predicted 6-month attainment and chance of meeting target for the latest interviewed, not hired
    applicants, with each person's top factors, from the saved performance model."""
    from hireloop.loop.applicants import for_job, interviewed, load_applicants
    from hireloop.loop.analytics import to_jsonable
    from hireloop.ml.features import candidate_features

    reg = registry(org_id)
    if not reg.versions(PERFORMANCE):
        raise ValidationFailed("No performance model is saved yet: train one (POST /api/v1/loop/models/performance/"
                               "train, or the button on the loop page).", code="no_model")
    model, card = reg.load(PERFORMANCE)
    apps = interviewed(for_job(load_applicants(session, org_id), job))
    # only those with an interview score: nothing is predicted from imputed values alone, and candidates in the
    # alternative process (no automated analysis) carry no score in the loop's copy
    apps = apps[~apps["hired"] & apps["interview_score"].notna()]
    apps = apps.sort_values(["applied_period", "applicant_id"], ascending=[False, True]).head(limit)
    X = candidate_features(apps.reset_index(drop=True)).set_axis(apps["applicant_id"].to_list())
    items = []
    if len(X):
        att = model.predict(X)
        why = model.explain(X, top=3)
        for (aid, row), a, e in zip(apps.set_index("applicant_id").iterrows(), att, why):
            items.append({"applicant_id": aid, "job": row["job"], "applied_period": row["applied_period"],
                          "stage": row["stage"], "predicted_attainment": float(a), "p_met_target": e.prediction,
                          "factors": to_jsonable(list(e.factors))})
    return {"model": {"name": card.name, "version": card.version, "metrics": dict(card.metrics),
                      "validation": card.validation}, "items": items}
