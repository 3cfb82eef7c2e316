"""Demo data for the loop: a simulated hiring history (hireloop.ml.synth) stored as real employee rows.

Each simulated hire becomes an Employee (interview, competency and behaviour scores in attributes, as the
interview module would have copied them), one PerformanceReview per working month, and an Exit for leavers.
Every simulated applicant, hired or not, becomes a LoopApplicant (furthest stage reached, the scores measured
at the interview) with its group data in LoopGroupData, so pass rates and adverse impact can be computed.
Rows are keyed by remote ids 'synth-...', so loading twice adds nothing the second time.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hireloop.ml.synth import COMPETENCIES, BEHAVIOUR_MEASURES, DEFAULT_JOBS, HUKOU, BiasInjection, SynthParams, \
    simulate_history
from hireloop.models import Employee, Exit, LoopApplicant, LoopGroupData, PerformanceReview

PREFIX = "synth-"
# The age a simulated age band is stored as (Employee.age); the audit bands it back with AGE_BANDS' edges.
AGE_OF_BAND = {"18-24": 22, "25-34": 30, "35-44": 40, "45+": 50}


@dataclass(frozen=True)
class DemoLoad:
    """What one demo load added (all zero when the organization already had the history)."""

    employees: int
    reviews: int
    exits: int
    skipped: bool
    applicants: int = 0


def demo_params(*, seed: int = 11, years: int = 2, applicants_per_month: int = 16,
                bias: BiasInjection | None = None) -> SynthParams:
    """A small history (about 400 hires over two years) that loads in a few seconds."""
    jobs = tuple(dataclasses.replace(j, applicants_per_month=applicants_per_month) for j in DEFAULT_JOBS)
    start = f"{date.today().year - years}-01"
    return SynthParams(seed=seed, years=years, start=start, jobs=jobs, bias=bias, extra_groups=(HUKOU,))


def _month_start(period: str) -> date:
    return pd.Period(period, freq="M").start_time.date()


def _month_end(period: str) -> date:
    return pd.Period(period, freq="M").end_time.date()


def _clean(v: object) -> object:
    """JSON-safe scalar (numpy types and NaN do not survive a JSON column)."""
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float) and not np.isfinite(v):
        return None
    return v


def has_demo(session: Session, org_id: uuid.UUID) -> bool:
    """Whether the organization already holds the synthetic history."""
    n = session.scalar(select(func.count()).select_from(Employee).where(
        Employee.org_id == org_id, Employee.remote_id.like(f"{PREFIX}%")))
    return bool(n)


def load_demo_history(session: Session, org_id: uuid.UUID, params: SynthParams | None = None) -> DemoLoad:
    """Store a simulated history as employees, monthly reviews and exits; skip if it is already there."""
    if has_demo(session, org_id):
        return DemoLoad(0, 0, 0, skipped=True)
    p = params or demo_params()
    hist = simulate_history(p)
    names = {j.key: j.name_en for j in p.jobs}
    comps = [f"score_{c}" for c in COMPETENCIES]
    by_id: dict[str, uuid.UUID] = {}
    n_exits = 0
    for h in hist.hires.itertuples(index=False):
        row = h._asdict()
        attrs = {"job": row["job"], "interview_score": _clean(row["interview_score"]),
                 "resume_match": _clean(row["resume_match"]), "source": "synthetic demo history"}
        attrs |= {c: _clean(row[c]) for c in comps if c in row and pd.notna(row[c])}
        attrs |= {m: _clean(row[m]) for m in BEHAVIOUR_MEASURES if m in row}
        band = row.get("age_band")
        emp = Employee(org_id=org_id, remote_id=f"{PREFIX}{row['employee_id']}", full_name=f"Demo {row['employee_id']}",
                       job_title=names[row["job"]], department="Sales", hire_date=_month_start(row["start_period"]),
                       sex=row.get("sex") if row.get("sex") in ("female", "male") else None,
                       age=AGE_OF_BAND.get(band) if isinstance(band, str) else None,
                       status="exited" if row["exited"] else "active",
                       interview_results={"interview_score": attrs["interview_score"]}, attributes=attrs)
        emp.id = uuid.uuid4()
        session.add(emp)
        by_id[row["employee_id"]] = emp.id
        if row["exited"]:
            period = str(pd.Period(p.start, freq="M") + int(row["exit_month"]))
            session.add(Exit(org_id=org_id, remote_id=f"{PREFIX}exit-{row['employee_id']}", employee_id=emp.id,
                             exit_date=_month_end(period), exit_type=row["exit_type"] or "unknown",
                             reason_category=row["exit_reason"]))
            n_exits += 1
    session.flush()  # employees before the reviews that reference them
    m = hist.monthly
    reviews = [
        {"id": uuid.uuid4(), "org_id": org_id, "remote_id": f"{PREFIX}{e}-{per}", "employee_id": by_id[e],
         "period": per, "attainment_pct": round(float(a) * 100, 2), "met_target": bool(mt),
         "kpi_target": 100.0, "kpi_actual": round(float(a) * 100, 2), "attributes": {}}
        for e, per, a, mt in zip(m["employee_id"], m["period"], m["attainment"], m["met_target"])
    ]
    if reviews:
        session.execute(PerformanceReview.__table__.insert(), reviews)
    session.flush()
    n_apps = _store_applicants(session, org_id, hist.applicants, by_id, p.seed, [g.name for g in p.extra_groups])
    if p.extra_groups:  # audit the demo's extra groups unless the organization already chose its own
        from hireloop.loop import groups

        groups.configure_if_unset(session, org_id, [g.name for g in p.extra_groups])
    return DemoLoad(len(by_id), len(reviews), n_exits, skipped=False, applicants=n_apps)


def funnel_stages(hired: np.ndarray, seed: int) -> np.ndarray:
    """The furthest stage of each simulated applicant: hires were hired; of the rest, a fixed share stopped
    at each earlier stage (the simulation decides only who is hired)."""
    u = np.random.default_rng(seed + 101).random(len(hired))
    rest = np.select([u < 0.06, u < 0.60, u < 0.82], ["offered", "interviewed", "screened"], "applied")
    return np.where(hired, "hired", rest).astype(object)


def _store_applicants(session: Session, org_id: uuid.UUID, apps: pd.DataFrame, by_id: dict[str, uuid.UUID],
                      seed: int, extra_groups: list[str] = ()) -> int:
    """Every applicant with stage and interview measures (none for those never interviewed), group data apart."""
    stage = funnel_stages(apps["hired"].to_numpy(bool), seed)
    interviewed = np.isin(stage, ["interviewed", "offered", "hired"])
    cols = [c for c in [*(f"score_{c}" for c in COMPETENCIES), *BEHAVIOUR_MEASURES] if c in apps.columns]
    values = {c: apps[c].to_numpy() for c in cols}
    rows, groups = [], []
    for i, (cid, job, per, score, match) in enumerate(zip(apps["candidate_id"], apps["job"], apps["apply_period"],
                                                          apps["interview_score"], apps["resume_match"])):
        aid = uuid.uuid4()
        seen = bool(interviewed[i])
        rows.append({"id": aid, "org_id": org_id, "remote_id": f"{PREFIX}app-{cid}", "job": job,
                     "applied_period": per, "stage": stage[i], "hired": stage[i] == "hired",
                     "employee_id": by_id.get(cid), "interview_score": _clean(score) if seen else None,
                     "resume_match": _clean(match),
                     "measures": {c: _clean(values[c][i]) for c in cols if seen and pd.notna(values[c][i])}})
        sex = apps["sex"].iat[i] if "sex" in apps.columns else None
        band = apps["age_band"].iat[i] if "age_band" in apps.columns else None
        extra = {g: apps[g].iat[i] for g in extra_groups if isinstance(apps[g].iat[i], str)}
        if isinstance(sex, str) or isinstance(band, str) or extra:
            groups.append({"id": uuid.uuid4(), "org_id": org_id, "applicant_id": aid,
                           "sex": sex if isinstance(sex, str) else None,
                           "age_band": band if isinstance(band, str) else None, "extra": extra})
    if rows:
        session.execute(LoopApplicant.__table__.insert(), rows)
    if groups:
        session.execute(LoopGroupData.__table__.insert(), groups)
    session.flush()
    return len(rows)
