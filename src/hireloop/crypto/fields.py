"""Sealed columns: values are AES-256-GCM encrypted on the way into the database and opened on the way out.

A sealed value is ``hl1:<key id>:<base64url(nonce | ciphertext | tag)>``. The column's name is the associated
data, so a value copied into another column does not open. Exact-match search goes through `blind_index`, a
keyed hash (HMAC-SHA256) of the normalised value kept in a separate indexed column.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import re
import unicodedata
from typing import Any

from cryptography.exceptions import InvalidTag
from sqlalchemy import Text
from sqlalchemy.sql import operators
from sqlalchemy.types import TypeDecorator

from hireloop.crypto.keys import KeyRing, KeysMissing, current_keyring, ring_with

PREFIX = "hl1:"


class SealedValueBroken(KeysMissing):
    code = "sealed_value_broken"


def encrypt_text(value: str, aad: str, ring: KeyRing | None = None) -> str:
    ring = ring or current_keyring()
    nonce = os.urandom(12)
    sealed = ring.aead(ring.primary).encrypt(nonce, value.encode("utf-8"), aad.encode())
    return f"{PREFIX}{ring.primary}:{base64.urlsafe_b64encode(nonce + sealed).decode()}"


def is_sealed(value: object) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX)


def sealed_key_id(value: str) -> str:
    return value[len(PREFIX):].split(":", 1)[0]


def decrypt_text(value: str, aad: str, ring: KeyRing | None = None) -> str:
    """Open a sealed value; a value that was never sealed (written before encryption was enabled) is returned
    as it is, and `hireloop keys rotate` seals such values."""
    if not is_sealed(value):
        return value
    kid, _, body = value[len(PREFIX):].partition(":")
    try:
        raw = base64.urlsafe_b64decode(body)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) < 12 + 16:
        raise SealedValueBroken(f"A sealed value in {aad} is malformed (key {kid[:70]!r}).")
    ring = ring or ring_with(kid)
    try:
        return ring.aead(kid).decrypt(raw[:12], raw[12:], aad.encode()).decode("utf-8")
    except InvalidTag:
        raise SealedValueBroken(f"A sealed value in {aad} does not open with key {kid!r}: it was changed or "
                                "moved from another column.") from None


class SealedColumnQuery(TypeError):
    """A query compared, matched or sorted a sealed column: it would silently match nothing (every value has
    its own nonce). Use the keyed-hash column (blind_index) for exact matches."""


class _Sealed(TypeDecorator.Comparator):  # type: ignore[type-arg]
    """Only IS NULL / IS NOT NULL make sense on ciphertext; anything else is refused when the query is built."""

    def operate(self, op: Any, *other: Any, **kwargs: Any) -> Any:
        if op in (operators.is_, operators.is_not):
            return super().operate(op, *other, **kwargs)
        raise SealedColumnQuery(f"{getattr(op, '__name__', op)} on the sealed column {self.type.purpose}: compare "
                                "its keyed hash (hireloop.crypto.blind_index) instead")

    def reverse_operate(self, op: Any, other: Any, **kwargs: Any) -> Any:
        raise SealedColumnQuery(f"{getattr(op, '__name__', op)} on the sealed column {self.type.purpose}")


class SealedType(TypeDecorator[Any]):
    """A column stored sealed (as text); `purpose` (table.column) is bound into every value."""

    impl = Text
    cache_ok = True
    comparator_factory = _Sealed

    def __init__(self, purpose: str) -> None:
        super().__init__()
        self.purpose = purpose


class EncryptedText(SealedType):
    """A text column stored sealed."""

    cache_ok = True  # SQLAlchemy reads it from each class itself

    def process_bind_param(self, value: str | None, dialect: Any) -> str | None:
        return None if value is None else encrypt_text(str(value), self.purpose)

    def process_result_value(self, value: str | None, dialect: Any) -> str | None:
        return None if value is None else decrypt_text(value, self.purpose)


class EncryptedJSON(SealedType):
    """A JSON document stored sealed (as text: the database cannot look inside it, by design)."""

    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        if value is None:
            return None
        return encrypt_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")), self.purpose)

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, str):  # a JSON column not yet converted by the migration
            return value
        return json.loads(decrypt_text(value, self.purpose))



_SPACES = re.compile(r"\s+")


def normalise(value: str, kind: str) -> str:
    """What counts as 'the same' for a kind: emails ignore case, phones all but digits and a leading +,
    names case, width (full-width forms) and runs of spaces."""
    v = unicodedata.normalize("NFKC", value).strip()
    if kind == "email":
        return v.casefold()
    if kind == "phone":
        digits = re.sub(r"\D", "", v)
        return digits[-11:] if len(digits) > 11 and digits.startswith("86") else digits  # +86 prefix or not
    return _SPACES.sub(" ", v).casefold()


def blind_index(value: str | None, kind: str, ring: KeyRing | None = None) -> str | None:
    """A keyed hash of the normalised value (None for empty), for exact-match search without the value."""
    if value is None or not str(value).strip():
        return None
    norm = normalise(str(value), kind)
    if not norm:
        return None
    key = (ring or current_keyring()).index_key
    return hmac.new(key, f"{kind}\x00{norm}".encode(), hashlib.sha256).hexdigest()[:40]
