"""Queries for organizations, users, sessions and API keys."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hireloop.models import ApiKey, Organization, User, UserSession


def org_by_slug(session: Session, slug: str) -> Organization | None:
    return session.scalars(select(Organization).where(Organization.slug == slug)).first()


def user_by_email(session: Session, email: str) -> User | None:
    return session.scalars(select(User).where(func.lower(User.email) == email.strip().lower())).first()


def user_in_org(session: Session, org_id: uuid.UUID, user_id: uuid.UUID) -> User | None:
    return session.scalars(select(User).where(User.org_id == org_id, User.id == user_id)).first()


def list_users(session: Session, org_id: uuid.UUID) -> list[User]:
    return list(session.scalars(select(User).where(User.org_id == org_id).order_by(User.email)))


def session_by_token_hash(session: Session, token_hash: str, now: datetime) -> UserSession | None:
    return session.scalars(
        select(UserSession).where(UserSession.token_hash == token_hash, UserSession.expires_at > now)
    ).first()


def api_key_by_prefix(session: Session, prefix: str) -> ApiKey | None:
    return session.scalars(select(ApiKey).where(ApiKey.prefix == prefix)).first()


def list_api_keys(session: Session, org_id: uuid.UUID) -> list[ApiKey]:
    return list(session.scalars(select(ApiKey).where(ApiKey.org_id == org_id).order_by(ApiKey.created_at)))


def api_key_in_org(session: Session, org_id: uuid.UUID, key_id: uuid.UUID) -> ApiKey | None:
    return session.scalars(select(ApiKey).where(ApiKey.org_id == org_id, ApiKey.id == key_id)).first()
