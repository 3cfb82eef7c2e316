"""Erasure of one candidate: every row, file and index that holds their personal data, in one unit of work.

Each domain registers what it holds (`@eraser`), so a new table with personal data adds its own eraser next
to it; the deletion test searches the whole database and storage afterwards.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import delete
from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.compliance import audit
from hireloop.compliance import repository as repo
from hireloop.errors import NotFound
from hireloop.models import (
    Answer,
    AnswerAnalysis,
    AnswerUpload,
    Application,
    CandidateRequest,
    ConsentRecord,
    EmailMessage,
    Interview,
    ProcessingRestriction,
    Report,
    StageChange,
)
from hireloop.storage import get_storage

Eraser = Callable[[Session, uuid.UUID, uuid.UUID, "ErasureReport"], None]
_erasers: list[tuple[str, Eraser]] = []


def eraser(name: str) -> Callable[[Eraser], Eraser]:
    """Register a function that removes one candidate's data held by a domain."""

    def deco(fn: Eraser) -> Eraser:
        _erasers.append((name, fn))
        return fn

    return deco


@dataclass
class ErasureReport:
    candidate_id: uuid.UUID
    rows: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def count(self, what: str, n: int) -> None:
        self.rows[what] = self.rows.get(what, 0) + int(n or 0)


@eraser("interviews")
def _interviews(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID, report: ErasureReport) -> None:
    iv_ids = [i.id for i in repo.interviews_of(session, org_id, candidate_id)]
    if not iv_ids:
        return
    answers = repo.answers_of(session, org_id, iv_ids)
    report.files += [a.storage_key for a in answers if a.storage_key]
    # The rendered HR and feedback reports name the candidate and quote their answers.
    reports = repo.reports_of(session, org_id, iv_ids)
    report.files += repo.report_files(reports)
    if reports:
        report.count("reports", session.execute(delete(Report).where(Report.id.in_([r.id for r in reports]))).rowcount)
    ans_ids = [a.id for a in answers]
    if ans_ids:
        report.count("answer_analyses", session.execute(delete(AnswerAnalysis).where(AnswerAnalysis.answer_id.in_(ans_ids))).rowcount)
        report.count("answers", session.execute(delete(Answer).where(Answer.id.in_(ans_ids))).rowcount)
    from hireloop.interviews.uploads import part_path

    upload_ids = [u.id for u in repo.uploads_of(session, org_id, iv_ids)]
    report.files += [f"part:{part_path(u)}" for u in upload_ids]  # unfinished uploads' bytes
    report.count("answer_uploads", session.execute(delete(AnswerUpload).where(AnswerUpload.interview_id.in_(iv_ids))).rowcount)
    report.count("interviews", session.execute(delete(Interview).where(Interview.id.in_(iv_ids))).rowcount)


@eraser("mail")
def _mail(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID, report: ErasureReport) -> None:
    cand = repo.candidate_of(session, org_id, candidate_id)
    msgs = repo.messages_to(session, org_id, cand.email if cand else None)
    for m in msgs:
        report.files.append(f"outbox:{m.id}.eml")
    report.count("email_messages", session.execute(delete(EmailMessage).where(EmailMessage.id.in_([m.id for m in msgs]))).rowcount if msgs else 0)


# Interview-derived keys the loop may keep in an employee's attributes (scores, resume match, behaviour measures).
_INTERVIEW_ATTRIBUTE_PREFIXES = ("interview_", "score_", "resume_match")


def _interview_derived(key: str) -> bool:
    from hireloop.ml.features import BEHAVIOUR_LABELS

    return key.startswith(_INTERVIEW_ATTRIBUTE_PREFIXES) or key in BEHAVIOUR_LABELS


@eraser("employees")
def _employees(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID, report: ErasureReport) -> None:
    """A hired candidate stays an employee: the employment is a separate legal basis (the contract, labour law),
    so the employee record is kept but unlinked from the candidate, and what was copied from the hiring process
    (interview results, scores) is removed (docs/decisions/compliance.md)."""
    app_ids = [a.id for a in repo.applications_of(session, org_id, candidate_id)]
    for emp in repo.employees_from(session, org_id, candidate_id, app_ids):
        emp.candidate_id = None
        emp.application_id = None
        emp.interview_results = {}
        emp.attributes = {k: v for k, v in (emp.attributes or {}).items() if not _interview_derived(k)}
        report.count("employees_unlinked", 1)
        audit.record(session, None, "employee.unlinked_from_candidate", entity_type="employee", entity_id=emp.id,
                     org_id=org_id, details={"reason": "candidate erased"})
    session.flush()


@eraser("resumes")
def _resumes(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID, report: ErasureReport) -> None:
    """The uploaded resume files (their rows go with the candidate) and the candidate's entries in the import
    lists, whose file names often carry the person's name."""
    from hireloop.models import Resume

    resumes = repo.resumes_of(session, org_id, candidate_id)
    keys = {r.storage_key for r in resumes if r.storage_key}
    report.files += sorted(keys)
    report.count("resumes", session.execute(delete(Resume).where(Resume.id.in_([r.id for r in resumes]))).rowcount
                 if resumes else 0)
    cid = str(candidate_id)
    for batch in repo.resume_imports(session, org_id):
        items = list(batch.items or [])
        mine = [i for i in items if i.get("candidate_id") == cid or (i.get("key") and i.get("key") in keys)]
        if mine:
            report.files += [i["key"] for i in mine if i.get("key") and i["key"] not in keys]
            batch.items = [i if i not in mine else {"status": "erased", "name": "", "key": None, "message": None}
                           for i in items]  # the count of files stays right; nothing of the person does
            report.count("resume_import_items", len(mine))
    session.flush()


@eraser("restrictions")
def _restrictions(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID, report: ErasureReport) -> None:
    report.count("processing_restrictions", session.execute(delete(ProcessingRestriction).where(
        ProcessingRestriction.org_id == org_id, ProcessingRestriction.candidate_id == candidate_id)).rowcount)


@eraser("pipeline")
def _pipeline(session: Session, org_id: uuid.UUID, candidate_id: uuid.UUID, report: ErasureReport) -> None:
    app_ids = [a.id for a in repo.applications_of(session, org_id, candidate_id)]
    if app_ids:
        report.count("stage_changes", session.execute(delete(StageChange).where(StageChange.application_id.in_(app_ids))).rowcount)
        report.count("applications", session.execute(delete(Application).where(Application.id.in_(app_ids))).rowcount)
    report.count("consent_records", session.execute(delete(ConsentRecord).where(ConsentRecord.org_id == org_id,
                                                                                ConsentRecord.candidate_id == candidate_id)).rowcount)
    report.count("candidate_requests", session.execute(delete(CandidateRequest).where(
        CandidateRequest.org_id == org_id, CandidateRequest.candidate_id == candidate_id)).rowcount)


def erase_candidate(session: Session, actor: Actor, candidate_id: uuid.UUID, *, reason: str) -> ErasureReport:
    """Delete everything held on one candidate; files go after the rows, once the caller commits."""
    cand = repo.candidate_of(session, actor.org_id, candidate_id)
    if cand is None:
        raise NotFound("No such candidate in your organization (maybe already erased).", code="candidate_not_found")
    report = ErasureReport(candidate_id=candidate_id)
    for _name, fn in _erasers:
        fn(session, actor.org_id, candidate_id, report)
    session.delete(cand)
    report.count("candidates", 1)
    session.flush()
    audit.record(session, actor, "candidate.erased", entity_type="candidate", entity_id=candidate_id,
                 details={"reason": reason[:200], "rows": report.rows, "files": len(report.files)})
    from hireloop.integrations import events

    events.candidate_erased(session, org_id=actor.org_id, candidate_id=candidate_id)  # subscribers are told
    return report


def remove_files(report: ErasureReport, outbox_dir) -> int:  # noqa: ANN001
    """Delete the files of an erasure after its rows are committed (a crash in between leaves only orphans)."""
    return remove_keys(report.files, outbox_dir)


def remove_keys(keys: list[str], outbox_dir) -> int:  # noqa: ANN001
    """Delete stored files by key, outbox messages ('outbox:<name>') and unfinished uploads ('part:<path>')."""
    from pathlib import Path

    storage = get_storage()
    n = 0
    for key in keys:
        if key.startswith(("outbox:", "part:")):
            kind, name = key.split(":", 1)
            p = Path(outbox_dir) / name if kind == "outbox" else Path(name)
            if p.exists():
                p.unlink()
                n += 1
        elif key and storage.exists(key):
            storage.delete(key)
            n += 1
    return n
