"""The consent ledger: grant and withdraw per purpose, always against the notice version the candidate saw."""

from __future__ import annotations

import hashlib
import hmac
import uuid
from dataclasses import replace
from collections.abc import Iterable

from sqlalchemy.orm import Session

from hireloop.accounts.actor import Actor
from hireloop.compliance import audit
from hireloop.compliance import repository as repo
from hireloop.compliance.policies import JurisdictionPolicy, Purpose, policy_for_location, preset
from hireloop.config import get_settings
from hireloop.errors import ValidationFailed
from hireloop.models import ConsentRecord, Job, utcnow


# Presets whose law gives every candidate a person's decision (GDPR art. 22): a job cannot switch it off there.
HUMAN_REVIEW_MANDATORY = frozenset({"eu"})


def policy_for_job(job: Job) -> JurisdictionPolicy:
    """The job's override when set, else the preset for its location; a job may switch human review off where
    the law allows."""
    policy = preset(job.policy_key) if job.policy_key else policy_for_location(job.country, job.region, job.city)
    if job.human_review_before_rejection is not None and policy.key not in HUMAN_REVIEW_MANDATORY:
        policy = replace(policy, human_review_before_rejection=job.human_review_before_rejection)
    return policy


def check_job_policy(job: Job) -> None:
    """Refuse a job setting its law does not allow (human review switched off under the EU policy)."""
    located = policy_for_location(job.country, job.region, job.city)
    if job.policy_key and located.key == "eu" and job.policy_key != "eu":
        # an override may not take a job out of the law of where it is (EU: no emotion inference at work, art. 22)
        raise ValidationFailed(f"A job located in the EU follows the eu policy; {job.policy_key!r} would drop its "
                               "protections. Leave policy_key empty or set it to eu.", code="policy_weaker_than_law")
    policy = preset(job.policy_key) if job.policy_key else located
    if job.human_review_before_rejection is False and {policy.key, located.key} & set(HUMAN_REVIEW_MANDATORY):
        raise ValidationFailed(
            f"The {policy.key} policy requires a person's decision before any rejection (GDPR art. 22): leave "
            "human_review_before_rejection empty or true for this job.", code="human_review_mandatory")


def keyed_hash(value: str) -> str:
    """A keyed hash for evidence and exact-match lookups, so raw identifiers are never stored."""
    key = get_settings().secret_key.get_secret_value().encode()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def grant(session: Session, actor: Actor | None, *, org_id: uuid.UUID, candidate_id: uuid.UUID,
          policy: JurisdictionPolicy, purposes: Iterable[Purpose | str], method: str, locale: str,
          client_address: str | None = None) -> list[ConsentRecord]:
    """Record consent per purpose against this policy's notice version; granting again is a no-op."""
    wanted = []
    for p in purposes:
        try:
            wanted.append(Purpose(p))
        except ValueError as exc:
            raise ValidationFailed(f"Unknown consent purpose {p!r}; use one of {', '.join(x.value for x in Purpose)}.") from exc
    active = {(r.purpose, r.notice_version) for r in repo.active_consents(session, org_id, candidate_id)}
    made = []
    for purpose in wanted:
        if (purpose.value, policy.notice_version) in active:
            continue
        rec = ConsentRecord(
            org_id=org_id, candidate_id=candidate_id, purpose=purpose.value, policy_key=policy.key,
            notice_version=policy.notice_version,
            evidence={"method": method, "locale": locale,
                      "address_hash": keyed_hash(client_address) if client_address else None},
        )
        session.add(rec)
        made.append(rec)
    session.flush()
    for rec in made:
        audit.record(session, actor, "consent.granted", entity_type="candidate", entity_id=candidate_id, org_id=org_id,
                     details={"purpose": rec.purpose, "notice_version": rec.notice_version, "policy": policy.key})
    return made


def withdraw(session: Session, actor: Actor | None, *, org_id: uuid.UUID, candidate_id: uuid.UUID,
             purposes: Iterable[Purpose | str] | None = None) -> list[ConsentRecord]:
    """Withdraw consent (all purposes when none are named); analysis that needs it stops from now on."""
    names = {Purpose(p).value for p in purposes} if purposes is not None else None
    now = utcnow()
    changed = []
    for rec in repo.active_consents(session, org_id, candidate_id):
        if names is None or rec.purpose in names:
            rec.withdrawn_at = now
            changed.append(rec)
    session.flush()
    for rec in changed:
        audit.record(session, actor, "consent.withdrawn", entity_type="candidate", entity_id=candidate_id, org_id=org_id,
                     details={"purpose": rec.purpose})
    return changed


def granted_purposes(session: Session, *, org_id: uuid.UUID, candidate_id: uuid.UUID,
                     policy: JurisdictionPolicy) -> set[Purpose]:
    """Purposes with active consent given against this policy's current notice (an older notice does not count)."""
    return {
        Purpose(r.purpose) for r in repo.active_consents(session, org_id, candidate_id)
        if r.notice_version == policy.notice_version
    }


def ledger(session: Session, actor: Actor, candidate_id: uuid.UUID) -> list[ConsentRecord]:
    from hireloop.candidates.service import get as get_candidate

    get_candidate(session, actor, candidate_id, audit_view=False)
    return repo.consents(session, actor.org_id, candidate_id)
