"""match(profile, requirements) -> MatchResult: a deterministic 0-100 score where every point has its evidence."""

from __future__ import annotations

import re

from hireloop.screening import vocab
from hireloop.screening.criteria import (
    CriterionResult, Evidence, FilterResult, JobRequirements, Keyword, MatchResult,
)
from hireloop.screening.lexicons.credentials import LANGUAGES
from hireloop.screening.lexicons.education import LEVEL_LABELS, LEVELS
from hireloop.screening.lexicons.industries import INDUSTRY_LABELS
from hireloop.screening.lexicons.skills import SKILLS
from hireloop.screening.profile import ResumeProfile, Span
from hireloop.screening.semantic import SemanticScorer, scale
from hireloop.screening.tokens import token_spans, tokens

TOKEN_CREDIT = 0.5  # every word of the phrase is there, but not the phrase itself
MAX_EVIDENCE = 5


def _ev(profile: ResumeProfile, span: Span | None) -> Evidence:
    return Evidence(span.of(profile.text) if span else "", span)


def skill_id(term: str) -> str | None:
    """The vocabulary id for a skill given by id, label or synonym, or None."""
    return vocab.resolve_skill(term)


def keyword_variants(kw: Keyword) -> tuple[str | None, list[str]]:
    """(skill id the keyword stands for, or None; the phrase and its synonyms)."""
    sid = None
    for term in (kw.phrase, *kw.synonyms):
        sid = sid or skill_id(term)
    return sid, [t for t in (kw.phrase, *kw.synonyms) if t.strip()]


def _phrase_spans(text: str, phrase: str) -> list[Span]:
    pat = re.escape(phrase.strip()).replace(r"\ ", r"\s+")
    if phrase.isascii():
        pat = rf"(?<![A-Za-z0-9]){pat}(?![A-Za-z0-9])"
    return [Span(m.start(), m.end()) for m in re.finditer(pat, text, re.IGNORECASE)]


def keyword_hits(profile: ResumeProfile, kw: Keyword) -> tuple[float, list[Span], str]:
    """(credit 0/0.5/1, evidence spans, note) for one keyword."""
    sid, variants = keyword_variants(kw)
    spans: list[Span] = []
    if sid:
        spans += list(skill_mentions(profile).get(sid, ()))
    for v in variants:
        spans += _phrase_spans(profile.text, v)
    if spans:
        spans = sorted(set(spans), key=lambda s: (s.start, s.end))
        return 1.0, spans[:MAX_EVIDENCE], f"found {len(spans)} time(s)"
    for v in variants:
        want = set(tokens(v))
        found = token_spans(profile.text, want)
        if len(want) >= 2 and len(found) == len(want):
            return TOKEN_CREDIT, [Span(a, b) for a, b in sorted(found.values())], "all its words found, not the phrase"
    return 0.0, [], "not found"


_TOKEN_CACHE: dict[str, frozenset[str]] = {}
_MENTION_CACHE: dict[str, dict[str, tuple[Span, ...]]] = {}


def skill_mentions(profile: ResumeProfile) -> dict[str, tuple[Span, ...]]:
    """Every vocabulary skill named anywhere in the text, titles included (cached by content hash)."""
    got = _MENTION_CACHE.get(profile.content_hash)
    if got is None:
        if len(_MENTION_CACHE) > 5000:
            _MENTION_CACHE.clear()
        acc: dict[str, list[Span]] = {}
        for k, s, e in vocab.skills().find(profile.text):
            acc.setdefault(k, []).append(Span(s, e))
        got = _MENTION_CACHE[profile.content_hash] = {k: tuple(v) for k, v in acc.items()}
    return got


def profile_tokens(profile: ResumeProfile) -> frozenset[str]:
    """The resume's token set (cached by content hash, since jieba is the slow part)."""
    got = _TOKEN_CACHE.get(profile.content_hash)
    if got is None:
        if len(_TOKEN_CACHE) > 5000:
            _TOKEN_CACHE.clear()
        got = _TOKEN_CACHE[profile.content_hash] = frozenset(tokens(profile.text))
    return got


def _filters(profile: ResumeProfile, req: JobRequirements) -> list[FilterResult]:
    out = []
    if req.min_education:
        need = LEVELS.index(req.min_education)
        have = profile.highest_education
        label = LEVEL_LABELS[req.min_education][0]
        best = next((e for e in profile.education if e.level == have), None)
        ev = (_ev(profile, best.level_span or best.span),) if best else ()
        if not have:
            out.append(FilterResult("min_education", "unknown", f"needs {label}; no education level found in the "
                                    "resume, check it by hand"))
        else:
            ok = LEVELS.index(have) >= need
            out.append(FilterResult("min_education", "pass" if ok else "fail",
                                    f"needs {label}, has {LEVEL_LABELS[have][0]}", ev))
    if req.min_years is not None:
        ev = tuple(_ev(profile, w.dates.span) for w in profile.work if w.dates)
        ok = profile.total_years >= req.min_years
        status = "pass" if ok else ("unknown" if not profile.work else "fail")
        out.append(FilterResult("min_years", status, f"needs {req.min_years:g} years, has {profile.total_years:g}"
                                + ("" if profile.work else " (no dated jobs found)"), ev))
    for ie in req.industry_years:
        years = profile.years_in(ie.industry)
        entries = [w for w in profile.work if ie.industry in w.industries]
        ev = tuple(_ev(profile, f.span) for w in entries for f in w.industry_evidence if f.value == ie.industry)
        label = INDUSTRY_LABELS[ie.industry][0]
        out.append(FilterResult(f"industry_years:{ie.industry}", "pass" if years >= ie.years else "fail",
                                f"needs {ie.years:g} years in {label}, has {years:g}", ev))
    if req.required_skills:
        missing, ev = [], []
        for term in req.required_skills:
            credit, spans, _ = keyword_hits(profile, Keyword(term))
            if credit < 1.0:
                missing.append(term)
            ev += [_ev(profile, s) for s in spans[:1]]
        out.append(FilterResult("required_skills", "fail" if missing else "pass",
                                f"missing: {', '.join(missing)}" if missing else "all required skills found", tuple(ev)))
    if req.locations:
        wanted = {vocab.resolve_city(c) for c in req.locations}
        if profile.location is None:
            out.append(FilterResult("location", "unknown", f"needs {', '.join(req.locations)}; no location in the "
                                    "resume"))
        else:
            ok = profile.location.value in wanted
            out.append(FilterResult("location", "pass" if ok else "fail", f"needs {', '.join(req.locations)}, lives "
                                    f"in {profile.location.raw}", (_ev(profile, profile.location.span),)))
    if req.languages:
        have = {la.code: la for la in profile.languages}
        missing = [c for c in req.languages if c not in have and c != profile.language]
        ev = tuple(_ev(profile, have[c].span) for c in req.languages if c in have)
        names = lambda cs: ", ".join(LANGUAGES[c][-1] for c in cs)  # noqa: E731
        out.append(FilterResult("languages", "fail" if missing else "pass",
                                f"missing: {names(missing)}" if missing else f"has {names(req.languages)}"
                                + (" (resume written in it)" if profile.language in req.languages else ""), ev))
    return out


def _criteria(profile: ResumeProfile, req: JobRequirements, scorer: SemanticScorer | None) -> list[CriterionResult]:
    w = req.weights
    groups: list[tuple[float, list[tuple[str, str, float, float, list[Evidence], str]]]] = []
    if req.keywords:
        rows = []
        for kw in req.keywords:
            credit, spans, note = keyword_hits(profile, kw)
            rows.append(("keyword", kw.phrase, max(kw.weight, 0.0), credit, [_ev(profile, s) for s in spans], note))
        groups.append((w.keywords, rows))
    if req.preferred_skills:
        rows = []
        for term in req.preferred_skills:
            credit, spans, note = keyword_hits(profile, Keyword(term))
            sid = skill_id(term)
            label = SKILLS[sid][0] if sid else term
            rows.append(("preferred_skill", label, 1.0, credit, [_ev(profile, s) for s in spans], note))
        groups.append((w.preferred_skills, rows))
    if req.description.strip() and scorer is not None:
        lo, hi = req.semantic_range
        cos = float(scorer.profile_vector(profile) @ scorer.job_vector(req.description))
        close = scorer.closest_items(profile, req.description)
        ev = [Evidence(it.text if it.span is None else it.span.of(profile.text), it.span) for it, _ in close]
        note = f"cosine {cos:.3f}; closest: " + ", ".join(f"{it.text} ({s:.2f})" for it, s in close) if close \
            else "not found: no titles or skills to compare"
        groups.append((w.semantic, [("semantic", "similarity to the job description", 1.0, scale(cos, lo, hi), ev,
                                     note)]))
    targets = [ie for ie in req.industry_years if ie.years > 0]
    if targets or (req.min_years or 0) > 0:
        # More relevant experience than the minimum counts, up to twice the minimum.
        if targets:
            ie = max(targets, key=lambda t: t.years)
            have, need, what = profile.years_in(ie.industry), ie.years, INDUSTRY_LABELS[ie.industry][0]
        else:
            have, need, what = profile.total_years, float(req.min_years or 0), "overall"
        ev = [_ev(profile, x.span) for x in profile.work if not targets or ie.industry in x.industries]
        groups.append((w.experience, [("experience", f"years {what}", 1.0, min(1.0, have / (2 * need)),
                                       ev[:MAX_EVIDENCE], f"{have:g} years {what} (full marks at {2 * need:g})")]))
    total = sum(gw for gw, rows in groups if rows and gw > 0)
    out = []
    for gw, rows in groups:
        inner = sum(r[2] for r in rows) or 1.0
        for kind, label, rw, credit, ev, note in rows:
            weight = (gw / total) * (rw / inner) if total > 0 else 0.0
            out.append(CriterionResult(kind, label, round(weight, 6), round(credit, 4), tuple(ev), note))
    return out


def match(profile: ResumeProfile, requirements: JobRequirements, *, scorer: SemanticScorer | None = None
          ) -> MatchResult:
    """Score one resume against a job: 0-100 from the weighted criteria, plus pass/fail per hard filter."""
    filters = _filters(profile, requirements)
    criteria = _criteria(profile, requirements, scorer)
    if criteria:
        score = 100.0 * sum(c.weight * c.score for c in criteria)
    else:
        score = 100.0 * (sum(f.passed for f in filters) / len(filters)) if filters else 0.0
    return MatchResult(round(score, 1), all(f.passed for f in filters), tuple(filters), tuple(criteria))


def screen(profiles: list[ResumeProfile], requirements: JobRequirements, *, scorer: SemanticScorer | None = None
           ) -> list[tuple[int, MatchResult]]:
    """Match many profiles; (position, result) best first: hard-filter passes, then score, then position."""
    results = [(i, match(p, requirements, scorer=scorer)) for i, p in enumerate(profiles)]
    return sorted(results, key=lambda ir: (not ir[1].passed, -ir[1].score, ir[0]))
