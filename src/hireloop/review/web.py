"""Console pages for review: ranked list per job, comparison, candidate review with synced player, decisions."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.api.deps import UoW, requires
from hireloop.candidates.service import get as get_candidate
from hireloop.compliance import audit, safeguards
from hireloop.compliance import repository as compliance_repo
from hireloop.errors import HireLoopError
from hireloop.interviews import repository as iv_repo
from hireloop.jobs.service import get as get_job
from hireloop.reports import service as reports
from hireloop.reports.render import FLAG_LABELS, RECOMMENDATION_LABELS
from hireloop.review import service
from hireloop.review.transcript import timed_sentences
from hireloop.web.render import render

router = APIRouter(include_in_schema=False)
Reader = Annotated[Actor, Depends(requires(Perm.REVIEWS_READ))]
Writer = Annotated[Actor, Depends(requires(Perm.REVIEWS_WRITE))]


def _error(request: Request, uow: UoW, exc: HireLoopError) -> Response:
    uow.rollback()
    return render(request, "error.html", {"status": exc.status_code, "code": exc.code, "message": exc.message},
                  exc.status_code)


def _labels() -> dict:
    from hireloop import i18n

    return {"rec_label": lambda r: i18n.gettext_(RECOMMENDATION_LABELS.get(r or "", r or "")),
            "flag_label": lambda c: i18n.gettext_(FLAG_LABELS.get(c, c))}


@router.get("/jobs/{job_id}/review")
def ranked(request: Request, uow: UoW, actor: Reader, job_id: uuid.UUID,
           recommendation: Annotated[str | None, Query()] = None, min_score: Annotated[str | None, Query()] = None,
           stage: Annotated[str | None, Query()] = None) -> Response:
    """The job's interviewed candidates, ranked by composite score, with filters; tick 2-4 to compare."""
    job = get_job(uow.session, actor, job_id)
    try:
        floor = float(min_score) if min_score else None
    except ValueError:
        floor = None
    rows = service.ranking(uow.session, actor, job.id, recommendation=recommendation or None, min_score=floor,
                           stage=stage or None)
    return render(request, "review/ranked.html", {"job": job, "rows": rows, "f": {"recommendation": recommendation or "",
                  "min_score": min_score or "", "stage": stage or ""}, **_labels()})


@router.get("/jobs/{job_id}/review/compare")
def compare(request: Request, uow: UoW, actor: Reader, job_id: uuid.UUID,
            ids: Annotated[list[uuid.UUID] | None, Query()] = None) -> Response:
    """Two to four candidates side by side: composite, competencies, behaviour, flags, recommendation."""
    job = get_job(uow.session, actor, job_id)
    items, message = [], None
    try:
        pairs = service.compare(uow.session, actor, ids or [])
        for app, a in pairs:
            if app.job_id != job.id:
                continue
            items.append({"app": app, "a": a, "c": get_candidate(uow.session, actor, app.candidate_id)})
    except HireLoopError as exc:
        if exc.status_code == 404:
            return _error(request, uow, exc)
        message = exc.message
    uow.commit()  # the audit records of viewing these candidates
    keys = [c.key for c in job.competencies]
    names = {c.key: c.name for c in job.competencies}
    return render(request, "review/compare.html", {"job": job, "items": items, "message": message, "keys": keys,
                                                   "names": names, **_labels()})


@router.get("/applications/{application_id}/review")
def candidate_review(request: Request, uow: UoW, actor: Reader, application_id: uuid.UUID) -> Response:
    """One candidate: score, evidence, transcript synced with the recordings, scorecards, override and decision."""
    try:
        app = service.get_application(uow.session, actor, application_id)
    except HireLoopError as exc:
        return _error(request, uow, exc)
    cand = get_candidate(uow.session, actor, app.candidate_id)
    job = get_job(uow.session, actor, app.job_id)
    a = service.assessment_of(uow.session, actor, app.id)
    iv = iv_repo.get(uow.session, actor.org_id, a.interview_id) if a else None
    if iv is None:
        ivs = [i for i in iv_repo.for_candidate(uow.session, actor.org_id, cand.id) if i.application_id == app.id]
        iv = ivs[0] if ivs else None
    answers = []
    if iv is not None:
        evidence = {}
        for comp in (a.competencies if a else []):
            for ans in comp.get("answers", []):
                evidence[ans["question_index"]] = ans
        current = {x.question_index: x for x in iv_repo.answers(uow.session, actor.org_id, iv.id, current_only=True)}
        for i, q in enumerate(iv.questions):
            ans = current.get(i)
            an = iv_repo.analysis_for(uow.session, actor.org_id, ans.id) if ans else None
            scored = evidence.get(i, {})
            answers.append({"index": i, "q": q, "answer": ans, "scored": scored,
                            "sentences": timed_sentences(an.transcript if an else None, scored.get("evidence", []))})
    reports_ready = {k: reports.get_report(uow.session, actor, iv.id, k) for k in ("hr", "candidate")} if iv else {}
    audit.record(uow.session, actor, "assessment.viewed", entity_type="application", entity_id=app.id)
    uow.commit()
    holds = compliance_repo.restrictions(uow.session, actor.org_id, kind=safeguards.HUMAN_REVIEW, application_id=app.id)
    flags = {"human_review": any(h.request_id is not None for h in holds),
             "routed_to_review": any(h.request_id is None for h in holds),
             "opted_out": safeguards.opted_out(uow.session, actor.org_id, cand.id)}
    return render(request, "review/candidate.html", {"safeguards": flags,
        "app": app, "c": cand, "job": job, "a": a, "iv": iv, "answers": answers, "reports": reports_ready,
        "names": {comp.key: comp.name for comp in job.competencies},
        "cards": service.scorecards(uow.session, actor, app.id), "decisions": service.decisions(uow.session, actor, app.id),
        "mine": next((s for s in service.scorecards(uow.session, actor, app.id) if s.reviewer_id == actor.id), None),
        **_labels()})


@router.post("/applications/{application_id}/review/override")
def override(request: Request, uow: UoW, actor: Writer, application_id: uuid.UUID,
             recommendation: Annotated[str, Form()], reason: Annotated[str, Form()] = "") -> Response:
    """One click replaces the system's recommendation (with the reason typed beside it); logged."""
    try:
        service.override(uow.session, actor, application_id, recommendation=recommendation, reason=reason)
    except HireLoopError as exc:
        return _error(request, uow, exc)
    uow.commit()
    return RedirectResponse(f"/applications/{application_id}/review", status_code=303)


@router.post("/applications/{application_id}/review/decision")
def decision(request: Request, uow: UoW, actor: Writer, application_id: uuid.UUID,
             decision: Annotated[str, Form()], reason: Annotated[str, Form()] = "") -> Response:
    try:
        service.decide(uow.session, actor, application_id, decision=decision, reason=reason)
    except HireLoopError as exc:
        return _error(request, uow, exc)
    uow.commit()
    return RedirectResponse(f"/applications/{application_id}/review", status_code=303)


@router.post("/applications/{application_id}/review/scorecard")
async def scorecard(request: Request, uow: UoW, actor: Writer, application_id: uuid.UUID) -> Response:
    """Save the reviewer's own ratings per competency (fields rating_<key>), overall and recommendation."""
    form = await request.form()
    ratings = {k[len("rating_"):]: v for k, v in form.items() if k.startswith("rating_")}
    try:
        service.save_scorecard(uow.session, actor, application_id, ratings=ratings,
                               overall=int(str(form.get("overall") or 0) or 0),
                               recommendation=str(form.get("recommendation") or ""), notes=str(form.get("notes") or ""))
    except ValueError:
        uow.rollback()
        return render(request, "error.html", {"status": 422, "code": "bad_rating", "message": "Ratings are 1 to 5."}, 422)
    except HireLoopError as exc:
        return _error(request, uow, exc)
    uow.commit()
    return RedirectResponse(f"/applications/{application_id}/review", status_code=303)


def _report_page(request: Request, uow: UoW, actor: Actor, interview_id: uuid.UUID, kind: str) -> Response:
    try:
        report = reports.get_report(uow.session, actor, interview_id, kind)
    except HireLoopError as exc:
        return _error(request, uow, exc)
    if report is None:
        return render(request, "review/report_pending.html", {"interview_id": interview_id, "kind": kind})
    audit.record(uow.session, actor, "report.viewed", entity_type="interview", entity_id=interview_id,
                 details={"kind": kind, "format": "html"})
    uow.commit()
    return HTMLResponse(reports.read(report, "html").decode())


@router.get("/interviews/{interview_id}/report/hr")
def hr_report(request: Request, uow: UoW, actor: Reader, interview_id: uuid.UUID) -> Response:
    """The HR report of an interview (HTML; the PDF is under /api/v1)."""
    return _report_page(request, uow, actor, interview_id, "hr")


@router.get("/interviews/{interview_id}/report/candidate")
def candidate_report(request: Request, uow: UoW, actor: Reader, interview_id: uuid.UUID) -> Response:
    """The candidate's feedback report as the candidate will see it."""
    return _report_page(request, uow, actor, interview_id, "candidate")


@router.post("/interviews/{interview_id}/report/release")
def release(request: Request, uow: UoW, actor: Writer, interview_id: uuid.UUID) -> Response:
    try:
        reports.release_candidate_report(uow.session, actor, interview_id)
    except HireLoopError as exc:
        return _error(request, uow, exc)
    iv = iv_repo.get(uow.session, actor.org_id, interview_id)
    uow.commit()
    return RedirectResponse(f"/applications/{iv.application_id}/review" if iv else "/jobs", status_code=303)
