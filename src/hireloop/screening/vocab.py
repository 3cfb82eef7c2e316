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
    """Finds any of many terms in a text and maps each hit to its key.

    Each term is first probed with a plain substring test (C speed) and only the terms present are searched
    with their boundary-aware regex: a one-page resume contains few of the hundreds of terms. Overlapping hits
    of different keys are all kept ("KA渠道拓展" gives KA and 渠道拓展); a hit inside a longer hit of the same
    key is dropped ("分销" inside "分销管理").
    """

    def __init__(self, terms: dict[str, str], case_sensitive: frozenset[str] = frozenset()) -> None:
        self._terms: list[tuple[str, bool, str, re.Pattern[str]]] = []
        for term, key in sorted(terms.items(), key=lambda kv: (-len(kv[0]), kv[0])):
            cs = term in case_sensitive
            probe = re.sub(r"\s+", " ", term if cs else term.lower()).split(" ", 1)[0]
            self._terms.append((probe, cs, key, re.compile(_term_pattern(term, case_sensitive=cs))))

    def find(self, text: str, offset: int = 0) -> list[tuple[str, int, int]]:
        """(key, start, end) of every hit, in text order."""
        low = text.lower()
        hits: list[tuple[int, int, str]] = []
        for probe, cs, key, rx in self._terms:
            if probe not in (text if cs else low):
                continue
            hits += [(m.start(), m.end(), key) for m in rx.finditer(text)]
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0]), h[2]))
        out: list[tuple[str, int, int]] = []
        reach: dict[str, int] = {}
        for s, e, key in hits:
            if reach.get(key, -1) >= e:
                continue
            reach[key] = max(reach.get(key, -1), e)
            out.append((key, offset + s, offset + e))
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


@lru_cache(maxsize=4096)
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
