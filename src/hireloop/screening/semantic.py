"""Semantic similarity of a resume to a job description, explained by the resume items closest to it.

A resume is embedded as the mean of its items (job titles, skills, industries, majors), each embedded once and
cached: items repeat across thousands of resumes in volume hiring, so screening stays fast on two CPU cores,
and the closest items are the evidence a recruiter can read.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from hireloop.analysis.text import Embedder
from hireloop.screening.lexicons.industries import INDUSTRY_LABELS
from hireloop.screening.profile import ResumeProfile, Span


@dataclass(frozen=True)
class Item:
    """One resume item that is embedded, with where it is in the text."""

    text: str
    span: Span | None


def profile_items(profile: ResumeProfile) -> list[Item]:
    """Titles, skills (in the resume's language), industries and majors; duplicates removed, order kept."""
    items: list[Item] = []
    zh = profile.language == "zh"
    for w in profile.work:
        if w.title:
            items.append(Item(w.title.value, w.title.span))
    for s in profile.skills:
        items.append(Item(s.label_zh if zh else s.label_en, s.spans[0] if s.spans else None))
    for ind, _ in profile.industry_years:
        w = next((w for w in profile.work if ind in w.industries), None)
        ev = next((f for f in w.industry_evidence if f.value == ind), None) if w else None
        items.append(Item(INDUSTRY_LABELS[ind][1 if zh else 0], ev.span if ev else None))
    for e in profile.education:
        if e.major:
            items.append(Item(e.major.value, e.major.span))
    seen, out = set(), []
    for it in items:
        if it.text.lower() not in seen:
            seen.add(it.text.lower())
            out.append(it)
    return out


class SemanticScorer:
    """Embeds resume items (cached) and job descriptions; cosine of the item mean to the description."""

    def __init__(self, embedder: Embedder, cache_size: int = 200_000) -> None:
        self.embedder = embedder
        self.cache_size = cache_size
        self._items: dict[str, np.ndarray] = {}
        self._jobs: dict[str, np.ndarray] = {}

    def item_vectors(self, texts: list[str]) -> np.ndarray:
        """Vectors of item texts, embedding only those not seen before (in one batch)."""
        missing = sorted({t for t in texts if t not in self._items})
        if missing:
            if len(self._items) + len(missing) > self.cache_size:
                self._items.clear()
            for t, v in zip(missing, self.embedder.passages(missing)):
                self._items[t] = v
        if not texts:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        return np.stack([self._items[t] for t in texts])

    def profile_vector(self, profile: ResumeProfile) -> np.ndarray:
        """L2-normalised mean of the resume's item vectors (zeros when it has no items)."""
        vecs = self.item_vectors([it.text for it in profile_items(profile)])
        if not len(vecs):
            return np.zeros(self.embedder.dim, dtype=np.float32)
        mean = vecs.mean(axis=0)
        norm = float(np.linalg.norm(mean))
        return (mean / norm).astype(np.float32) if norm > 0 else mean.astype(np.float32)

    def job_vector(self, description: str) -> np.ndarray:
        """The job description embedded as an E5 query (cached per text)."""
        if description not in self._jobs:
            self._jobs[description] = np.asarray(self.embedder.query(description), dtype=np.float32)
        return self._jobs[description]

    def closest_items(self, profile: ResumeProfile, description: str, k: int = 3) -> list[tuple[Item, float]]:
        """The k resume items most similar to the description, with their cosine."""
        items = profile_items(profile)
        if not items:
            return []
        sims = self.item_vectors([it.text for it in items]) @ self.job_vector(description)
        order = np.argsort(-sims, kind="stable")[:k]
        return [(items[i], float(sims[i])) for i in order]


def scale(cosine: float, lo: float, hi: float) -> float:
    """Map a cosine onto 0..1 between `lo` and `hi` (E5 cosines of unrelated texts are still about 0.7)."""
    return float(min(1.0, max(0.0, (cosine - lo) / (hi - lo))))
