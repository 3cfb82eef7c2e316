"""Resume intake and screening for a job: store files, parse, find duplicates, match, rank, explain."""

from __future__ import annotations

import hashlib
from datetime import date
import json
import re
import uuid
from functools import lru_cache
from typing import Any

from sqlalchemy.orm import Session

from hireloop import dispatch
from hireloop.accounts.actor import Actor
from hireloop.analysis.text import get_embedder
from hireloop.candidates import pipeline
from hireloop.candidates import repository as cand_repo
from hireloop.compliance import audit
from hireloop.config import get_settings
from hireloop.errors import NotFound, TooLarge, ValidationFailed
from hireloop.jobs.service import get as get_job
from hireloop.models import Application, Candidate, Job, Resume, ResumeImport, ScreeningResult, utcnow
from hireloop.screening import repository as repo
from hireloop.screening.criteria import JobRequirements, MatchResult
from hireloop.screening.extract import ExtractionLimits, iter_zip
from hireloop.screening.intake import duplicate_keys, parse_file
from hireloop.screening.match import match
from hireloop.screening.parse import parse_resume
from hireloop.screening.rank import profile_features
from hireloop.screening.semantic import SemanticScorer
from hireloop.storage import get_storage

MAX_FILES = 2000
MAX_FILE_BYTES = 20 * 1024 * 1024
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


@lru_cache(maxsize=2)
def _scorer(model_path: str | None) -> SemanticScorer:
    return SemanticScorer(get_embedder(model_path))


def scorer() -> SemanticScorer:
    """The process-wide semantic scorer (its item cache makes the next resumes faster)."""
    return _scorer(get_settings().embedding_model)


def requirements_for(job: Job) -> JobRequirements:
    """The job's screening requirements; its description feeds the semantic criterion when none is set."""
    data = dict(job.requirements or {})
    if not data.get("description"):
        data["description"] = f"{job.title}\n{job.description}"
    return JobRequirements.from_dict(data)


def validate_requirements(data: dict[str, Any]) -> dict[str, Any]:
    """Check requirements from the job form or API; returns them normalised."""
    return JobRequirements.from_dict(data).to_dict()


def _req_hash(req: JobRequirements) -> str:
    return hashlib.sha256(json.dumps(req.to_dict(), sort_keys=True, default=str).encode()).hexdigest()


def start_import(session: Session, actor: Actor, job_id: uuid.UUID, files: list[tuple[str, bytes]]) -> ResumeImport:
    """Store every uploaded file (zips are opened), then enqueue their parsing; returns the batch to watch."""
    job = get_job(session, actor, job_id)
    if not files:
        raise ValidationFailed("Choose at least one resume file (PDF, DOCX, TXT, HTML, image) or a zip of them.")
    expanded: list[tuple[str, bytes | None, str | None]] = []
    limits = ExtractionLimits(max_bytes=MAX_FILE_BYTES)
    for name, data in files:
        if name.lower().endswith(".zip"):
            try:
                members = iter_zip(data, limits=limits)
            except Exception:  # noqa: BLE001 - a broken zip is one failed item, not a failed batch
                expanded.append((name, None, "This zip file cannot be opened; check it and upload it again."))
                continue
            for member, blob, size in members:
                expanded.append((f"{name}/{member}", blob, None if blob is not None else
                                 f"Skipped: {size / 1e6:.0f} MB is over the {MAX_FILE_BYTES // 2**20} MB limit."))
        else:
            expanded.append((name, data, None))
    if len(expanded) > MAX_FILES:
        raise TooLarge(f"{len(expanded)} files is more than {MAX_FILES} in one import; split the upload.")
    batch = ResumeImport(org_id=actor.org_id, job_id=job.id, total=len(expanded), items=[])
    session.add(batch)
    session.flush()
    storage = get_storage()
    items = []
    for i, (name, data, problem) in enumerate(expanded):
        key = f"org/{actor.org_id}/resume-imports/{batch.id}/{i:05d}-{_SAFE.sub('_', name)[-80:] or 'file'}"
        if data is not None:
            storage.put_bytes(key, data)
        items.append({"name": name, "key": key if data is not None else None,
                      "status": "pending" if problem is None else "too_large", "message": problem})
    batch.items = items
    dispatch.enqueue(session, "screening.process_import", org_id=actor.org_id, import_id=str(batch.id))
    audit.record(session, actor, "resume_import.started", entity_type="job", entity_id=job.id,
                 details={"import_id": str(batch.id), "files": len(items)})
    return batch


def process_import(session: Session, import_id: uuid.UUID, *, commit_each: bool = True, hook=None) -> ResumeImport:  # noqa: ANN001
    """Parse every pending file of a batch; each file commits on its own, so progress shows live and a
    restarted task goes on where it stopped."""
    batch = session.get(ResumeImport, import_id)
    if batch is None:
        raise NotFound("No such resume import.")
    job = session.get(Job, batch.job_id)
    assert job is not None
    req = requirements_for(job)
    batch.status = "running"
    storage = get_storage()
    items = [dict(x) for x in batch.items]
    for i, item in enumerate(items):
        if item["status"] == "pending":
            data = storage.read_bytes(item["key"])
            items[i] = {**item, **_one(session, batch, job, req, item["name"], data, item["key"])}
            if items[i]["status"] not in ("ok", "duplicate"):
                storage.delete(item["key"])  # a file we could not read is not kept
        batch.items = [dict(x) for x in items]  # a new list: an in-place change would not be saved
        batch.processed = sum(1 for x in items if x["status"] != "pending")
        batch.failed = sum(1 for x in items if x["status"] not in ("pending", "ok", "duplicate"))
        batch.duplicates = sum(1 for x in items if x["status"] == "duplicate")
        if hook:
            hook("import", completed=batch.processed, total=batch.total)
        if commit_each:
            session.commit()
    batch.status = "done"
    batch.finished_at = utcnow()
    return batch


def _one(session: Session, batch: ResumeImport, job: Job, req: JobRequirements, name: str, data: bytes,
         key: str) -> dict[str, Any]:
    parsed = parse_file(data, name.rsplit("/", 1)[-1], limits=ExtractionLimits(max_bytes=MAX_FILE_BYTES),
                        ocr=True, ocr_languages="chi_sim+eng")
    if parsed.status != "ok" or parsed.profile is None:
        return {"status": parsed.status, "message": parsed.extracted.message}
    profile = parsed.profile
    keys = duplicate_keys(profile)
    existing = (repo.candidate_by_contacts(session, batch.org_id, sorted(keys.emails), sorted(keys.phones))
                or _candidate_of(session, repo.resume_by_hash(session, batch.org_id, keys.content_hash)))
    duplicate = existing is not None
    cand = existing or Candidate(
        org_id=batch.org_id, full_name=(profile.name.value if profile.name else name.rsplit("/", 1)[-1])[:200],
        email=next(iter(sorted(keys.emails)), None), phone=next(iter(sorted(keys.phones)), None),
        location=profile.location.value if profile.location else None, source="resume import",
        profile={"years_experience": profile.total_years, "education": profile.highest_education,
                 "industries": [k for k, _ in profile.industry_years], "language": profile.language},
    )
    if not duplicate:
        session.add(cand)
        session.flush()
    resume = repo.resume_by_hash(session, batch.org_id, keys.content_hash)
    if resume is None or resume.candidate_id != cand.id:
        resume = Resume(org_id=batch.org_id, candidate_id=cand.id, import_id=batch.id, filename=name[:255], storage_key=key,
                        content_hash=keys.content_hash, text=profile.text, profile=profile.to_dict(),
                        features=profile_features(profile, scorer()).to_dict())
        session.add(resume)
        session.flush()
    app = cand_repo.find_application(session, batch.org_id, job.id, cand.id)
    if app is None:
        from hireloop.accounts.actor import system_actor

        app = pipeline.apply(session, system_actor(batch.org_id, "resume import"), job_id=job.id, candidate_id=cand.id,
                             source="resume import")
    _store_result(session, app, resume, match(profile, req, scorer=scorer()), _req_hash(req))
    return {"status": "duplicate" if duplicate else "ok", "candidate_id": str(cand.id), "application_id": str(app.id),
            "message": "The same person applied before (same email, phone or resume); the new file is attached."
            if duplicate else None}


def _candidate_of(session: Session, resume: Resume | None) -> Candidate | None:
    return session.get(Candidate, resume.candidate_id) if resume else None


def _store_result(session: Session, app: Application, resume: Resume, result: MatchResult, req_hash: str) -> ScreeningResult:
    row = repo.result_for(session, app.org_id, app.id) or ScreeningResult(org_id=app.org_id, application_id=app.id,
                                                                         job_id=app.job_id, resume_id=resume.id,
                                                                         score=0.0, passed=False, result={},
                                                                         requirements_hash="")
    row.resume_id = resume.id
    row.score = float(result.score)
    row.passed = bool(result.passed)
    row.result = result.to_dict()
    row.requirements_hash = req_hash
    session.add(row)
    session.flush()
    return row


def rescore_job(session: Session, job_id: uuid.UUID) -> int:
    """Recompute every stored result of a job after its requirements changed; the same inputs give the same score."""
    job = session.get(Job, job_id)
    if job is None:
        return 0
    org_id = job.org_id
    req = requirements_for(job)
    h = _req_hash(req)
    n = 0
    for app, resume in repo.applications_with_resumes(session, org_id, job_id):
        as_of = resume.profile.get("as_of")  # the date the resume was read: "to date" jobs end there, as before
        profile = parse_resume(resume.text, as_of=date.fromisoformat(as_of) if as_of else None)
        _store_result(session, app, resume, match(profile, req, scorer=scorer()), h)
        n += 1
    return n


def get_import(session: Session, actor: Actor, import_id: uuid.UUID) -> ResumeImport:
    batch = repo.get_import(session, actor.org_id, import_id)
    if batch is None:
        raise NotFound("No such resume import in your organization.", code="import_not_found")
    return batch


def ranked(session: Session, actor: Actor, job_id: uuid.UUID, *, passed_only: bool = False, min_score: float = 0.0,
           limit: int = 200) -> list[tuple[ScreeningResult, Application, Candidate]]:
    get_job(session, actor, job_id)
    return repo.ranked(session, actor.org_id, job_id, passed_only=passed_only, min_score=min_score, limit=limit)


def explanation(session: Session, actor: Actor, application_id: uuid.UUID) -> tuple[ScreeningResult, Resume]:
    """The match breakdown and the resume text it points into, for highlighting."""
    app = pipeline.get(session, actor, application_id)
    row = repo.result_for(session, actor.org_id, app.id)
    if row is None:
        raise NotFound("This application has no screened resume.", code="not_screened")
    resume = session.get(Resume, row.resume_id)
    assert resume is not None
    audit.record(session, actor, "resume.viewed", entity_type="candidate", entity_id=app.candidate_id)
    return row, resume


def shortlist(session: Session, actor: Actor, job_id: uuid.UUID, application_ids: list[uuid.UUID]) -> int:
    """Advance the chosen applications of a job to 'screened' (a person decides; nobody is rejected automatically)."""
    from hireloop.candidates.stages import Stage

    get_job(session, actor, job_id)
    n = 0
    for app_id in application_ids:
        app = pipeline.get(session, actor, app_id)
        if app.job_id != job_id:
            raise NotFound("That application is not one of this job's.", code="application_not_found")
        if app.stage == Stage.APPLIED.value:
            pipeline.move(session, actor, app.id, to_stage=Stage.SCREENED, reason="shortlisted from resume screening")
            n += 1
    return n


def highlight(text: str, result: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """The resume text cut into pieces, each with the criteria whose evidence covers it (for <mark>)."""
    marks: list[tuple[int, int, str]] = []
    for group in ("criteria", "filters"):
        for c in result.get(group, []):
            label = c.get("label") or c.get("name") or ""
            for ev in c.get("evidence", []):
                span = ev.get("span")
                if span:
                    start, end = (span["start"], span["end"]) if isinstance(span, dict) else span
                    if 0 <= start < end <= len(text):
                        marks.append((start, end, label))
    cuts = sorted({0, len(text), *[m[0] for m in marks], *[m[1] for m in marks]})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        labels = sorted({lab for s, e, lab in marks if s <= a and b <= e})
        pieces.append((text[a:b], labels))
    return pieces
