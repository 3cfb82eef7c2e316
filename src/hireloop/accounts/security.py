"""Password hashing, opaque tokens and API-key formats."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from functools import lru_cache

from hireloop.config import get_settings


@lru_cache(maxsize=4)
def _hasher_for(time_cost: int, memory_kib: int) -> PasswordHasher:
    return PasswordHasher(time_cost=time_cost, memory_cost=memory_kib)


def _hasher() -> PasswordHasher:
    s = get_settings()
    return _hasher_for(s.password_time_cost, s.password_memory_kib)

API_KEY_PREFIX = "hl_"


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def new_token(nbytes: int = 32) -> str:
    return secrets.token_urlsafe(nbytes)


def new_api_key() -> tuple[str, str, str]:
    """A new key as (full key shown once, public prefix, stored hash)."""
    prefix = API_KEY_PREFIX + secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    full = f"{prefix}.{secret}"
    return full, prefix, sha256_hex(full)


def split_api_key(key: str) -> str | None:
    """The prefix of a well-formed key, or None."""
    if not key.startswith(API_KEY_PREFIX) or "." not in key:
        return None
    return key.split(".", 1)[0]


def constant_time_equals(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
