"""The signals an answer is scored on: relevance, anchor coverage (embeddings), structure, specificity, length."""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from hireloop.analysis.text import Embedder
from hireloop.scoring.content import cues
from hireloop.scoring.content.cues import Sentence

# Answer length at which the length signal saturates (Chinese characters / English words of a ~2-minute answer).
FULL_LENGTH = {"zh": 350, "en": 220}
ANCHOR_TEMPERATURE = 0.01  # E5 cosines sit in a narrow band (about 0.75-0.9): a low temperature spreads them

# Off-topic answers in interviews are nearly always everyday-life talk (hobbies, family, travel...). An answer
# closer to these than to the question is off-topic; this contrast also removes E5's high baseline cosine.
EVERYDAY_TOPICS = {
    "zh": ("我的兴趣爱好和业余生活", "我的家乡、家人和朋友", "我喜欢的电影、音乐、书和运动", "旅行、美食和宠物"),
    "en": ("My hobbies and free time", "My hometown, family and friends", "Movies, music, books and sports I like",
           "Travel, food and pets"),
}

SIGNAL_NAMES = (
    "relevance_contrast",
    "relevance",
    "relevance_max",
    "anchor_expected_level",
    "anchor_slope",
    "structure",
    "numbers",
    "first_person_actions",
    "reflection",
    "vagueness",
    "length",
)


@dataclass(frozen=True)
class AnswerAnalysis:
    """Everything the scorer derives from one answer: signals plus per-sentence similarities for evidence."""

    sentences: tuple[Sentence, ...]
    signals: dict[str, float]
    sentence_relevance: np.ndarray  # (n,) cosine to the question
    sentence_anchor_sim: np.ndarray  # (n, 5) cosine to each anchor


class _AnchorCache:
    """Anchor and question embeddings are reused across the many answers to the same question."""

    def __init__(self, size: int = 256) -> None:
        self._items: OrderedDict[tuple[str, tuple[str, ...]], np.ndarray] = OrderedDict()
        self._size = size

    def get(self, embedder: Embedder, kind: str, texts: tuple[str, ...]) -> np.ndarray:
        key = (f"{getattr(embedder, 'name', id(embedder))}:{kind}", texts)
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        if kind == "query":
            value = np.stack([embedder.query(t) for t in texts])
        else:
            value = embedder.passages(list(texts))
        self._items[key] = value
        if len(self._items) > self._size:
            self._items.popitem(last=False)
        return value


_CACHE = _AnchorCache()


def _saturate(x: float, full: float) -> float:
    return float(min(1.0, x / full)) if full > 0 else 0.0


def analyse_answer(
    embedder: Embedder, question: str, competency: str, anchors: list[str], answer: str, lang: str
) -> AnswerAnalysis:
    """Compute the signals of `answer` for one question and its competency's five anchors."""
    sentences = tuple(cues.split_sentences(answer, lang))
    if not sentences:
        zeros = {name: 0.0 for name in SIGNAL_NAMES}
        zeros["anchor_expected_level"] = 1.0
        return AnswerAnalysis((), zeros, np.zeros(0), np.zeros((0, len(anchors))))
    q_vec = _CACHE.get(embedder, "query", (f"{question} {competency}",))[0]
    anchor_vecs = _CACHE.get(embedder, "passage", tuple(anchors))
    everyday = _CACHE.get(embedder, "query", EVERYDAY_TOPICS[lang])
    vecs = embedder.passages([answer] + [s.text for s in sentences])  # one batch: whole answer, then sentences
    whole, s_vecs = vecs[0], vecs[1:]
    rel = s_vecs @ q_vec
    anchor_sim = s_vecs @ anchor_vecs.T  # (n, 5)

    # Each anchor is covered by the few sentences closest to it, not by the whole answer's average.
    k = min(3, len(sentences))
    coverage = np.sort(anchor_sim, axis=0)[-k:].mean(axis=0)
    weights = np.exp((coverage - coverage.max()) / ANCHOR_TEMPERATURE)
    weights /= weights.sum()
    levels = np.arange(1, len(anchors) + 1, dtype=float)
    expected_level = float(weights @ levels)
    slope = float(np.polyfit(levels, coverage, 1)[0]) if len(anchors) > 1 else 0.0

    star = cues.star_components(answer, lang)
    units = cues.length_units(answer, lang)
    per_100 = 100.0 / max(units, 1) if lang == "en" else 300.0 / max(units, 1)  # zh chars vs en words
    signals = {
        "relevance_contrast": float(whole @ q_vec - (everyday @ whole).max()),
        "relevance": float(whole @ q_vec),
        "relevance_max": float(rel.max()),
        "anchor_expected_level": expected_level,
        "anchor_slope": slope * 100.0,
        "structure": sum(1 for v in star.values() if v > 0) / 4.0,
        "numbers": _saturate(cues.count_numbers(answer, lang), 8),
        "first_person_actions": _saturate(cues.count_first_person_actions(answer, lang), 8),
        "reflection": _saturate(cues.count_matches(cues.REFLECTION, answer, lang), 3),
        "vagueness": min(1.0, cues.count_matches(cues.VAGUE, answer, lang) * per_100 / 3.0),
        "length": float(min(1.0, math.log1p(units) / math.log1p(FULL_LENGTH[lang]))),
    }
    return AnswerAnalysis(sentences, signals, rel, anchor_sim)
