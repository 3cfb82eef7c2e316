"""Retention: per jurisdiction policy, recordings, transcripts and whole candidate records are deleted when
their period is over. A dry run lists what would go, with the reason, before anything is deleted."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from hireloop.accounts.actor import system_actor
from hireloop.compliance import audit
from hireloop.compliance import repository as repo
from hireloop.compliance.erasure import ErasureReport, erase_candidate, remove_keys
from hireloop.compliance.policies import preset
from hireloop.config import get_settings
from hireloop.models import Answer, AnswerAnalysis, Candidate, utcnow


@dataclass(frozen=True)
class PurgeItem:
    kind: str  # recording | analysis | candidate
    id: uuid.UUID
    org_id: uuid.UUID
    reason: str


@dataclass
class PurgePlan:
    as_of: datetime
    items: list[PurgeItem] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for i in self.items:
            out[i.kind] = out.get(i.kind, 0) + 1
        return out


def plan(session: Session, *, now: datetime | None = None) -> PurgePlan:
    """What the retention rules would delete now (nothing is changed)."""
    now = now or utcnow()
    out = PurgePlan(as_of=now)
    for answer, iv in repo.answers_with_interviews(session):
        ret = preset(iv.policy_key).retention
        ended = iv.completed_at or iv.expires_at
        if ended + timedelta(days=ret.recordings_days) < now and answer.storage_key:
            out.items.append(PurgeItem("recording", answer.id, iv.org_id,
                                       f"recording older than {ret.recordings_days} days ({iv.policy_key} policy)"))
        if ended + timedelta(days=ret.transcripts_days) < now:
            for a in repo.analysis_ids_of_answer(session, answer.id):
                out.items.append(PurgeItem("analysis", a, iv.org_id,
                                           f"transcript older than {ret.transcripts_days} days ({iv.policy_key} policy)"))
    # A candidate with no activity for the profile period of the strictest policy that applies to them.
    for cand in repo.all_candidates(session):
        apps = repo.applications_of(session, cand.org_id, cand.id)
        if any(a.stage == "hired" for a in apps):
            continue  # an employee's record is kept by the performance module's own rules
        ivs = repo.interviews_of(session, cand.org_id, cand.id)
        days = min([preset(i.policy_key).retention.profile_days for i in ivs] or [preset("default").retention.profile_days])
        last = max([cand.updated_at, *[a.updated_at for a in apps], *[i.updated_at for i in ivs]])
        if last + timedelta(days=days) < now:
            out.items.append(PurgeItem("candidate", cand.id, cand.org_id, f"no activity for {days} days"))
    return out


def _quotes_of(session: Session, analysis: AnswerAnalysis) -> list[str]:
    """The transcript's words live on in quotes: the answer's content score, the evidence in its interview's
    assessments, and the rendered reports. They go with it (the scores stay); returns the report files."""
    from sqlalchemy import delete

    from hireloop.models import AnswerContentScore

    answer = session.get(Answer, analysis.answer_id)
    session.execute(delete(AnswerContentScore).where(AnswerContentScore.answer_id == analysis.answer_id))
    if answer is None:
        return []
    for a in repo.assessments_of_interview(session, answer.org_id, answer.interview_id):
        a.competencies = [{**c, "answers": [{k: v for k, v in x.items() if k != "evidence"}
                                            for x in c.get("answers", [])]} for c in a.competencies or []]
    reports = repo.reports_of(session, answer.org_id, [answer.interview_id])
    for r in reports:
        session.delete(r)
    return repo.report_files(reports)


def apply(session: Session, purge: PurgePlan) -> tuple[dict[str, int], list[str]]:
    """Carry out a plan; returns the counts and the storage keys to delete once the rows are committed."""
    keys: list[str] = []
    for item in purge.items:
        if item.kind == "recording":
            answer = session.get(Answer, item.id)
            if answer is not None and answer.storage_key:
                keys.append(answer.storage_key)
                answer.storage_key = ""
                answer.status = "purged" if answer.status != "analysed" else answer.status
        elif item.kind == "analysis":
            row = session.get(AnswerAnalysis, item.id)
            if row is not None:
                keys += _quotes_of(session, row)
                session.delete(row)
        elif item.kind == "candidate" and session.get(Candidate, item.id) is not None:
            report: ErasureReport = erase_candidate(session, system_actor(item.org_id, "retention"), item.id,
                                                    reason=item.reason)
            keys += report.files  # recordings, unfinished uploads and the messages sent to them
        audit.record(session, None, "retention.purged", entity_type=item.kind, entity_id=item.id, org_id=item.org_id,
                     details={"reason": item.reason})
    return purge.counts(), keys


def remove_files(keys: list[str]) -> None:
    remove_keys(keys, get_settings().outbox_dir)
