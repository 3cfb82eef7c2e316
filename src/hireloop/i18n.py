"""Translations: English source strings, catalogs in locales/<lang>/LC_MESSAGES/*.po (read with Babel)."""

from __future__ import annotations

import gettext
from contextvars import ContextVar
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES_DIR = Path(__file__).parent / "locales"
SUPPORTED = {"zh_CN": "中文", "en": "English"}
_current: ContextVar[str] = ContextVar("hireloop_locale", default="zh_CN")


def catalog_files(locale: str) -> list[Path]:
    """The locale's .po files: messages.po first, then one file per area (kept apart so parallel work merges)."""
    folder = LOCALES_DIR / locale / "LC_MESSAGES"
    files = sorted(folder.glob("*.po"), key=lambda f: (f.name != "messages.po", f.name))
    return files


def read_catalog(locale: str) -> Catalog:
    """Every .po file of the locale merged into one catalog; a msgid translated in two files keeps the first."""
    merged = Catalog(locale=locale)
    for po in catalog_files(locale):
        with po.open("rb") as fh:
            part = read_po(fh, locale=locale)
        for message in part:
            if not message.id:
                continue
            known = merged.get(message.id, message.context)
            if known is None or not known.string:
                merged[message.id] = message
    return merged


@lru_cache
def _translations(locale: str) -> gettext.NullTranslations:
    if not catalog_files(locale):
        return gettext.NullTranslations()
    catalog = read_catalog(locale)
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
