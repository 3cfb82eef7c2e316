"""Translations: English source strings, catalogs in locales/<lang>/LC_MESSAGES/messages.po (read with Babel)."""

from __future__ import annotations

import gettext
from contextvars import ContextVar
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES_DIR = Path(__file__).parent / "locales"
SUPPORTED = {"zh_CN": "中文", "en": "English"}
_current: ContextVar[str] = ContextVar("hireloop_locale", default="zh_CN")


@lru_cache
def _translations(locale: str) -> gettext.NullTranslations:
    po = LOCALES_DIR / locale / "LC_MESSAGES" / "messages.po"
    if not po.exists():
        return gettext.NullTranslations()
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=locale)
    buf = BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


def normalise(locale: str | None, default: str = "zh_CN") -> str:
    if not locale:
        return default
    locale = locale.replace("-", "_")
    if locale in SUPPORTED:
        return locale
    if locale.lower().startswith("zh"):
        return "zh_CN"
    if locale.lower().startswith("en"):
        return "en"
    return default


def set_locale(locale: str) -> None:
    _current.set(normalise(locale))


def get_locale() -> str:
    return _current.get()


def gettext_(message: str) -> str:
    return _translations(_current.get()).gettext(message)


def ngettext_(singular: str, plural: str, n: int) -> str:
    return _translations(_current.get()).ngettext(singular, plural, n)


_ = gettext_
