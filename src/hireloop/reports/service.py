"""Generate, store, release and fetch the reports of an interview."""

from __future__ import annotations

import time
import uuid

from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.compliance import audit
from hireloop.errors import NotFound
from hireloop.interviews import repository as iv_repo
from hireloop.jobs import repository as jobs_repo
from hireloop.models import Candidate, FeedbackSettings, Interview, Report, utcnow
from hireloop.reports import repository as repo
from hireloop.reports.render import KINDS, html_to_pdf, render_html, report_context
from hireloop.scoring import repository as scoring_repo
from hireloop.storage import get_storage


class ReportNotReady(NotFound):
    code = "report_not_ready"


def generate(session: Session, interview_id: uuid.UUID, *, kinds: tuple[str, ...] = KINDS) -> list[Report]:
    """Render the HR and candidate reports of a scored interview to HTML and PDF, and store them."""
    iv = iv_repo.get_unscoped(session, interview_id)
    if iv is None:
        raise NotFound("No such interview.", code="interview_not_found")
    a = scoring_repo.assessment_for_interview(session, iv.org_id, iv.id)
    if a is None:
        raise ReportNotReady("The interview has not been scored yet; its reports follow the score.")
    job = jobs_repo.get(session, iv.org_id, iv.job_id)
    cand = session.get(Candidate, iv.candidate_id)
    assert job is not None and cand is not None
    settings = scoring_repo.feedback_settings(session, iv.org_id)
    show = bool(settings and settings.show_scores_to_candidates)
    storage = get_storage()
    out = []
    for kind in kinds:
        t0 = time.perf_counter()
        ctx = report_context(kind=kind, assessment=a, interview=iv, job=job, candidate=cand, show_scores=show)
        html = render_html(kind, ctx, locale=iv.locale)
        pdf = html_to_pdf(html)
        base = f"org/{iv.org_id}/reports/{iv.id}/{kind}"
        storage.put_bytes(base + ".html", html.encode())
        storage.put_bytes(base + ".pdf", pdf)
        row = repo.report_of(session, iv.org_id, iv.id, kind) or Report(org_id=iv.org_id, interview_id=iv.id, kind=kind)
        row.assessment_id, row.locale = a.id, iv.locale
        row.html_key, row.pdf_key = base + ".html", base + ".pdf"
        row.render_ms = int((time.perf_counter() - t0) * 1000)
        row.generated_at = utcnow()
        session.add(row)
        out.append(row)
    session.flush()
    audit.record(session, None, "reports.generated", entity_type="interview", entity_id=iv.id, org_id=iv.org_id,
                 details={"kinds": list(kinds), "assessment": str(a.id)})
    return out


def get_report(session: Session, actor: Actor, interview_id: uuid.UUID, kind: str) -> Report | None:
    """A report of an interview of the actor's organization; None while not generated yet."""
    iv = iv_repo.get(session, actor.org_id, interview_id)
    if iv is None:
        raise NotFound("No such interview in your organization.", code="interview_not_found")
    if kind not in KINDS:
        raise NotFound("Reports are 'hr' or 'candidate'.", code="report_kind")
    return repo.report_of(session, actor.org_id, iv.id, kind)


def read(report: Report, fmt: str) -> bytes:
    """The stored bytes of a report ('html' or 'pdf')."""
    with get_storage().open(report.html_key if fmt == "html" else report.pdf_key) as fh:
        return fh.read()


def release_candidate_report(session: Session, actor: Actor, interview_id: uuid.UUID) -> Report:
    """HR releases the feedback report: the candidate's status page then links it."""
    report = get_report(session, actor, interview_id, "candidate")
    if report is None:
        raise ReportNotReady("The feedback report is not ready yet; it is generated when the interview is scored.")
    if report.released_at is None:
        report.released_at = utcnow()
        report.released_by = actor.name
        iv = session.get(Interview, interview_id)
        if iv is not None:
            iv.results_released_at = report.released_at
        session.flush()
        audit.record(session, actor, "report.released", entity_type="interview", entity_id=interview_id,
                     details={"kind": "candidate"})
    return report


def released_for_candidate(session: Session, interview: Interview) -> Report | None:
    """The candidate's report when HR has released it, else None (for the portal)."""
    report = repo.report_of(session, interview.org_id, interview.id, "candidate")
    return report if report is not None and report.released_at is not None else None


def feedback_settings(session: Session, actor: Actor) -> FeedbackSettings:
    """The organization's choices for candidate feedback (defaults until someone saves them)."""
    return scoring_repo.feedback_settings(session, actor.org_id) or FeedbackSettings(org_id=actor.org_id,
                                                                                     show_scores_to_candidates=False)


def set_feedback_settings(session: Session, actor: Actor, *, show_scores_to_candidates: bool) -> FeedbackSettings:
    """Choose whether feedback reports rendered from now on show the candidate their scores."""
    row = scoring_repo.feedback_settings(session, actor.org_id)
    if row is None:
        row = FeedbackSettings(org_id=actor.org_id)
        session.add(row)
    row.show_scores_to_candidates = show_scores_to_candidates
    session.flush()
    audit.record(session, actor, "feedback_settings.changed", entity_type="organization", entity_id=actor.org_id,
                 details={"show_scores_to_candidates": show_scores_to_candidates})
    return row
