"""Accounts: organizations, users, password login with lockout, sessions and API keys."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

from sqlalchemy.orm import Session

from hireloop.accounts import repository as repo
from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import API_KEY_SCOPES, Perm, Role, permissions_for
from hireloop.accounts.security import (
    constant_time_equals,
    hash_password,
    new_api_key,
    new_token,
    sha256_hex,
    split_api_key,
    verify_password,
)
from hireloop.compliance import audit
from hireloop.errors import Conflict, NotFound, RateLimited, Unauthorized, ValidationFailed
from hireloop.models import ApiKey, Organization, User, UserSession, utcnow

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def create_organization(session: Session, *, name: str, slug: str, default_locale: str = "zh_CN") -> Organization:
    """A new tenant."""
    if repo.org_by_slug(session, slug):
        raise Conflict(f"An organization with the short name '{slug}' exists already; choose another.")
    org = Organization(name=name, slug=slug, default_locale=default_locale)
    session.add(org)
    session.flush()
    audit.record(session, None, "organization.created", entity_type="organization", entity_id=org.id, org_id=org.id)
    return org


def create_user(
    session: Session, *, org_id: uuid.UUID, email: str, name: str, password: str, role: str, actor: Actor | None = None
) -> User:
    """A new user with a role in one organization."""
    email = email.strip().lower()
    if not _EMAIL.match(email):
        raise ValidationFailed("That is not an email address; use the form name@example.com.")
    if role not in {r.value for r in Role}:
        raise ValidationFailed(f"Unknown role '{role}'; use one of: {', '.join(r.value for r in Role)}.")
    if len(password) < 10:
        raise ValidationFailed("Choose a password of at least 10 characters.")
    if repo.user_by_email(session, email):
        raise Conflict("A user with this email exists already.")
    user = User(org_id=org_id, email=email, name=name, password_hash=hash_password(password), role=role)
    session.add(user)
    session.flush()
    audit.record(
        session, actor, "user.created", entity_type="user", entity_id=user.id, details={"role": role}, org_id=org_id
    )
    return user


def actor_for_user(user: User, csrf_token: str | None = None) -> Actor:
    return Actor(
        org_id=user.org_id,
        kind="user",
        id=user.id,
        name=user.name,
        role=user.role,
        permissions=permissions_for(user.role),
        locale=user.locale,
        csrf_token=csrf_token,
    )


def login(session: Session, *, email: str, password: str, hours: int) -> tuple[str, UserSession]:
    """Check a password, lock the account after repeated failures, and open a session; returns the raw token."""
    user = repo.user_by_email(session, email)
    now = utcnow()
    if user is None:
        verify_password(hash_password("timing-equaliser"), password)
        raise Unauthorized("Email or password is wrong.", code="bad_credentials")
    if user.locked_until and user.locked_until > now:
        raise RateLimited("Too many failed attempts; this account is locked for 15 minutes. Try again later.")
    if not user.is_active or not verify_password(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + LOCKOUT
            user.failed_logins = 0
        audit.record(session, None, "user.login_failed", entity_type="user", entity_id=user.id, org_id=user.org_id)
        raise Unauthorized("Email or password is wrong.", code="bad_credentials")
    user.failed_logins = 0
    user.locked_until = None
    token = new_token()
    us = UserSession(
        org_id=user.org_id,
        user_id=user.id,
        token_hash=sha256_hex(token),
        csrf_token=new_token(24),
        expires_at=now + timedelta(hours=hours),
    )
    session.add(us)
    session.flush()
    audit.record(session, actor_for_user(user), "user.login", entity_type="user", entity_id=user.id)
    return token, us


def logout(session: Session, token: str) -> None:
    us = repo.session_by_token_hash(session, sha256_hex(token), utcnow())
    if us:
        session.delete(us)


def actor_from_session_token(session: Session, token: str) -> Actor | None:
    """The user behind a session cookie, or None when it is unknown or expired."""
    us = repo.session_by_token_hash(session, sha256_hex(token), utcnow())
    if us is None:
        return None
    user = repo.user_in_org(session, us.org_id, us.user_id)
    if user is None or not user.is_active:
        return None
    return actor_for_user(user, csrf_token=us.csrf_token)


def set_locale(session: Session, actor: Actor, locale: str) -> None:
    if actor.kind == "user" and actor.id:
        user = repo.user_in_org(session, actor.org_id, actor.id)
        if user:
            user.locale = locale


def create_api_key(session: Session, actor: Actor, *, name: str, scopes: list[str]) -> tuple[str, ApiKey]:
    """A new organization API key; the full key is returned once and only its hash is stored."""
    bad = [s for s in scopes if s not in {p.value for p in API_KEY_SCOPES}]
    if bad:
        raise ValidationFailed(
            f"Unknown or not grantable scopes: {', '.join(bad)}.",
            details={"allowed": sorted(p.value for p in API_KEY_SCOPES)},
        )
    full, prefix, digest = new_api_key()
    key = ApiKey(
        org_id=actor.org_id, name=name, prefix=prefix, key_hash=digest, scopes=sorted(set(scopes)),
        created_by_id=actor.id if actor.kind == "user" else None,
    )
    session.add(key)
    session.flush()
    audit.record(session, actor, "apikey.created", entity_type="api_key", entity_id=key.id, details={"scopes": key.scopes})
    return full, key


def revoke_api_key(session: Session, actor: Actor, key_id: uuid.UUID) -> ApiKey:
    key = repo.api_key_in_org(session, actor.org_id, key_id)
    if key is None:
        raise NotFound("No such API key in your organization.")
    key.revoked_at = key.revoked_at or utcnow()
    audit.record(session, actor, "apikey.revoked", entity_type="api_key", entity_id=key.id)
    return key


def actor_from_api_key(session: Session, raw: str) -> Actor:
    """The organization behind an API key; raises Unauthorized with what to do when it is not valid."""
    prefix = split_api_key(raw)
    key = repo.api_key_by_prefix(session, prefix) if prefix else None
    if key is None or not constant_time_equals(key.key_hash, sha256_hex(raw)):
        raise Unauthorized(
            "The API key is not valid. Send 'Authorization: Bearer <key>' with a key created under Settings > API keys.",
            code="invalid_api_key",
        )
    if key.revoked_at is not None:
        raise Unauthorized("This API key was revoked; create a new one.", code="revoked_api_key")
    now = utcnow()
    if key.last_used_at is None or now - key.last_used_at > timedelta(minutes=1):
        key.last_used_at = now  # coarse, so that reads do not write on every call
    return Actor(
        org_id=key.org_id, kind="api_key", id=key.id, name=f"API key {key.name}",
        permissions=frozenset(Perm(s) for s in key.scopes if s in Perm._value2member_map_),
    )
