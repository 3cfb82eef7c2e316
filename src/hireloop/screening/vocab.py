"""Compiled matchers over the lexicons: one regex per lexicon, built once, so a resume is scanned in one pass each."""

from __future__ import annotations

import re
from functools import lru_cache

from hireloop.screening.lexicons.credentials import CERTIFICATES, LANGUAGES
from hireloop.screening.lexicons.industries import INDUSTRIES
from hireloop.screening.lexicons.places import CITIES
from hireloop.screening.lexicons.skills import CASE_SENSITIVE, SKILLS


def _term_pattern(term: str, *, case_sensitive: bool = False) -> str:
    """Latin terms must stand alone ('KA' not in 'KARAOKE'); Chinese terms match as substrings."""
    body = re.escape(term).replace(r"\ ", r"\s+")
    if term.isascii():
        body = rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])"
        return body if case_sensitive else f"(?i:{body})"
    return body


class TermMatcher:
    """Finds any of many terms in a text and maps each hit to its key (longest term wins)."""

    def __init__(self, terms: dict[str, str], case_sensitive: frozenset[str] = frozenset()) -> None:
        self._lookup: dict[str, str] = {}
        for term, key in terms.items():
            self._lookup[self._norm(term)] = key
        ordered = sorted(terms, key=len, reverse=True)
        # A lookahead finds a hit at every position, so "KA渠道拓展" yields both KA渠道 and 渠道拓展.
        self._re = re.compile("(?=(" + "|".join(_term_pattern(t, case_sensitive=t in case_sensitive) for t in ordered)
                              + "))")

    @staticmethod
    def _norm(term: str) -> str:
        return re.sub(r"\s+", " ", term.lower())

    def find(self, text: str, offset: int = 0) -> list[tuple[str, int, int]]:
        """(key, start, end) of every hit, in order."""
        out: list[tuple[str, int, int]] = []
        for m in self._re.finditer(text):
            key = self._lookup.get(self._norm(m.group(1)))
            if key is None:
                continue
            s, e = offset + m.start(1), offset + m.end(1)
            if out and out[-1][0] == key and out[-1][2] >= e:
                continue  # a shorter synonym inside a longer one of the same key ("分销" in "分销管理")
            out.append((key, s, e))
        return out

    def keys(self, text: str) -> set[str]:
        """The keys found in `text`."""
        return {k for k, _, _ in self.find(text)}


def _skill_terms() -> dict[str, str]:
    terms: dict[str, str] = {}
    for sid, (en, zh, syns) in SKILLS.items():
        for t in (en, zh, *syns):
            t = t.strip()
            if t and t.lower() not in {k.lower() for k in terms if terms[k] != sid}:
                terms.setdefault(t, sid)
    return terms


@lru_cache(maxsize=1)
def skills() -> TermMatcher:
    """Skill synonyms (zh and en) -> skill id."""
    return TermMatcher(_skill_terms(), frozenset(CASE_SENSITIVE))


@lru_cache(maxsize=None)
def industry_companies(industry: str) -> TermMatcher:
    """Company names of one industry -> industry id."""
    return TermMatcher({c: industry for c in INDUSTRIES[industry][0]}, frozenset({"Mars", "Metro", "Orion"}))


@lru_cache(maxsize=None)
def industry_terms(industry: str) -> TermMatcher:
    """Industry words (快消, FMCG, beverages, ...) -> industry id."""
    return TermMatcher({t: industry for t in INDUSTRIES[industry][1]}, frozenset({"CPG", "FMCG", "SaaS"}))


@lru_cache(maxsize=1)
def cities() -> TermMatcher:
    """City names in Chinese and English -> canonical city id."""
    return TermMatcher({name: cid for cid, names in CITIES.items() for name in names})


@lru_cache(maxsize=1)
def languages() -> TermMatcher:
    """Language names -> ISO 639 code."""
    return TermMatcher({name: code for code, names in LANGUAGES.items() for name in names})


@lru_cache(maxsize=1)
def certificates() -> TermMatcher:
    """Certificate names -> certificate id."""
    return TermMatcher({name: cid for cid, (_, names) in CERTIFICATES.items() for name in names},
                       frozenset({"CPA", "CFA", "PMP", "ACCA", "NCRE"}))


def resolve_skill(term: str) -> str | None:
    """The vocabulary id a skill name or synonym stands for, or None."""
    if term in SKILLS:
        return term
    hits = skills().find(term)
    if len(hits) == 1 and hits[0][2] - hits[0][1] >= len(term.strip()) * 0.6:
        return hits[0][0]
    return None


def resolve_city(name: str) -> str:
    """Canonical city id for a Chinese or English city name (lower-cased input when unknown)."""
    hits = cities().find(name)
    return hits[0][0] if hits else name.strip().lower()


def skill_synonyms(skill_id: str) -> tuple[str, ...]:
    """Every term that names a skill."""
    en, zh, syns = SKILLS[skill_id]
    return (en, zh, *syns)
