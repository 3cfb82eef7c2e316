"""The candidate's side: open a signed link, read the notice, consent, hold one device, withdraw, ask for help."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session

from hireloop.accounts.security import new_token, sha256_hex
from hireloop.compliance import audit, consent
from hireloop.compliance.policies import JurisdictionPolicy, Purpose, missing_consents, preset
from hireloop.errors import Conflict, Forbidden, HireLoopError, NotFound, ValidationFailed
from hireloop.interviews import repository as repo
from hireloop.interviews.links import read_token
from hireloop.models import CandidateRequest, Interview, utcnow

SESSION_IDLE = timedelta(minutes=10)
# Days to answer each kind of request; None means the jurisdiction policy's period (request_days).
REQUEST_KINDS: dict[str, int | None] = {"alternative_process": None, "accommodation": 14, "human_review": None,
                                        "explanation": None, "access": None, "deletion": None}


class LinkInvalid(NotFound):
    code = "link_invalid"


class LinkExpired(HireLoopError):
    status_code = 410
    code = "link_expired"


class OtherDevice(Conflict):
    code = "open_on_another_device"


@dataclass(frozen=True)
class PortalContext:
    interview: Interview
    policy: JurisdictionPolicy


def open_link(session: Session, token: str, *, for_update: bool = False) -> PortalContext:
    """The interview behind a genuine, current link; clear errors for tampered, cancelled or expired links."""
    parsed = read_token(token)
    iv = repo.get_unscoped(session, parsed[0]) if parsed else None
    if iv is None or parsed is None or iv.link_nonce != parsed[1]:
        raise LinkInvalid("This interview link is not valid. Use the latest link from your invitation email, "
                          "or ask the recruiter to send it again.")
    if iv.status == "cancelled":
        raise LinkInvalid("This interview was cancelled by the company. Contact the recruiter if you think this is a mistake.")
    if iv.status in ("invited", "in_progress") and iv.expires_at < utcnow():
        iv.status = "expired"
    if iv.status == "expired":
        raise LinkExpired("This interview link has expired. Ask the recruiter to extend it; your answers so far are kept.")
    return PortalContext(iv, preset(iv.policy_key))


def claim_device(ctx: PortalContext, device_token: str | None) -> str | None:
    """Hold the interview to one device; returns a new device token when this device takes it over."""
    iv = ctx.interview
    now = utcnow()
    if device_token and iv.portal_session_hash == sha256_hex(device_token):
        iv.portal_seen_at = now
        return None
    if iv.portal_session_hash and iv.portal_seen_at and now - iv.portal_seen_at < SESSION_IDLE:
        raise OtherDevice("This interview is open on another device or browser. Continue there, or close it and "
                          "wait 10 minutes before opening the link here.")
    token = new_token(24)
    iv.portal_session_hash = sha256_hex(token)
    iv.portal_seen_at = now
    return token


def require_device(ctx: PortalContext, device_token: str | None) -> None:
    iv = ctx.interview
    if not device_token or iv.portal_session_hash != sha256_hex(device_token):
        raise OtherDevice("This interview is open on another device or browser; continue there, or open the "
                          "invitation link again on this device.")
    iv.portal_seen_at = utcnow()


def give_consent(session: Session, ctx: PortalContext, *, purposes: list[str], locale: str,
                 client_address: str | None) -> None:
    """Record the candidate's consent against the notice they saw; the required ones must all be given."""
    iv, policy = ctx.interview, ctx.policy
    if policy.notice_version != iv.notice_version:
        raise Conflict("The notice changed since your invitation; reload the page to read the current one.",
                       code="notice_changed")
    given = {Purpose(p) for p in purposes if p in Purpose._value2member_map_}
    missing = missing_consents(policy, given)
    if missing:
        raise ValidationFailed("To take the video interview, agree to the recording and content analysis, or ask "
                               "for an alternative process instead.", code="consent_required",
                               details={"missing": [m.value for m in missing]})
    consent.grant(session, None, org_id=iv.org_id, candidate_id=iv.candidate_id, policy=policy, purposes=given,
                  method="portal_checkbox", locale=locale, client_address=client_address)
    if iv.status == "invited":
        iv.status = "in_progress"
        iv.started_at = utcnow()


def consented(session: Session, ctx: PortalContext) -> set[Purpose]:
    return consent.granted_purposes(session, org_id=ctx.interview.org_id, candidate_id=ctx.interview.candidate_id,
                                    policy=ctx.policy)


def withdraw(session: Session, ctx: PortalContext) -> None:
    """The candidate withdraws consent: no further analysis; what was recorded is kept for the deletion process."""
    iv = ctx.interview
    consent.withdraw(session, None, org_id=iv.org_id, candidate_id=iv.candidate_id)
    iv.status = "withdrawn"
    file_request(session, ctx, kind="deletion", details="consent withdrawn in the interview portal")
    audit.record(session, None, "interview.consent_withdrawn", entity_type="interview", entity_id=iv.id, org_id=iv.org_id)


def file_request(session: Session, ctx: PortalContext, *, kind: str, details: str, due_days: int | None = None) -> CandidateRequest:
    """A candidate's request (alternative process, accommodation, human review, explanation, access, deletion),
    due within the period the job's jurisdiction policy gives."""
    if kind not in REQUEST_KINDS:
        raise ValidationFailed(f"Unknown request type {kind!r}; use one of {', '.join(REQUEST_KINDS)}.")
    iv = ctx.interview
    days = due_days or REQUEST_KINDS[kind] or ctx.policy.request_days
    req = CandidateRequest(org_id=iv.org_id, candidate_id=iv.candidate_id, interview_id=iv.id, kind=kind,
                           details=details[:4000], due_at=utcnow() + timedelta(days=days))
    session.add(req)
    session.flush()
    audit.record(session, None, "candidate_request.filed", entity_type="candidate_request", entity_id=req.id,
                 org_id=iv.org_id, details={"kind": kind})
    return req


def ensure_can_record(session: Session, ctx: PortalContext) -> None:
    if ctx.interview.status != "in_progress":
        raise Forbidden("Give your consent on the first page before recording.", code="consent_required")
    missing = missing_consents(ctx.policy, consented(session, ctx))
    if missing:
        raise Forbidden("Recording needs your consent; open the invitation link again to give it.", code="consent_required")


def progress(session: Session, ctx: PortalContext) -> dict[int, str]:
    """Question index -> status of its current answer."""
    return {a.question_index: a.status for a in repo.answers(session, ctx.interview.org_id, ctx.interview.id, current_only=True)}
