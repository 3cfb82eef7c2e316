"""Offline answer-content scorer: embedding similarity plus rules, combined by a small fitted ridge model."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from hireloop.analysis.text import Embedder, get_embedder
from hireloop.errors import ValidationFailed
from hireloop.scoring.content import cues
from hireloop.scoring.content.model import ContentModel, load_default_model
from hireloop.scoring.content.signals import AnswerAnalysis, analyse_answer

SCORER_NAME = "hireloop-content-offline"
SCORER_VERSION = "1.0.0"
# Off-topic when the answer is closer to everyday-life topics than to the question (hand-set at the natural zero,
# checked on the training split only; see docs/decisions/scoring.md).
OFF_TOPIC_THRESHOLD = 0.0


@dataclass(frozen=True)
class Evidence:
    """A sentence of the answer that supports the score, with its character offsets and the reason."""

    sentence: str
    start: int
    end: int
    why: str


@dataclass(frozen=True)
class ContentScore:
    """The score of one answer on one competency's 1-5 anchors."""

    score: float
    level: int
    evidence: tuple[Evidence, ...]
    signals: dict[str, float] = field(hash=False)
    off_topic: bool
    scorer_name: str
    scorer_version: str


class AnswerContentScorer(Protocol):
    """The interface every content scorer (offline or LLM) implements."""

    def score(
        self, question: str, competency: str, anchors: Sequence[str], answer_text: str, lang: str | None = None
    ) -> ContentScore: ...


_WHY = {
    "zh": {
        "anchor": "最接近{level}分行为锚定（相似度{sim:.2f}）",
        "numbers": "给出了具体数字",
        "action": "说明了本人的具体行动",
        "result": "说明了结果",
        "reflection": "有总结或推广的做法",
        "vague": "泛泛而谈，没有具体例子",
        "off_topic": "与问题无关（更接近日常生活话题，对比值{contrast:.2f}）",
    },
    "en": {
        "anchor": "closest to the level {level} anchor (similarity {sim:.2f})",
        "numbers": "gives figures",
        "action": "states their own action",
        "result": "states a result",
        "reflection": "draws a method or shares it",
        "vague": "speaks in generalities, no concrete example",
        "off_topic": "unrelated to the question (closer to everyday-life topics, contrast {contrast:.2f})",
    },
}


def check_anchors(anchors: Sequence[str]) -> list[str]:
    """Five non-empty anchors (level 1..5) or a ValidationFailed that says what to fix."""
    anchors = [str(a).strip() for a in anchors]
    if len(anchors) != 5 or not all(anchors):
        raise ValidationFailed(
            f"A competency needs exactly five non-empty behavioural anchors (levels 1-5) to be scored; got {len(anchors)}."
        )
    return anchors


def round_level(score: float) -> int:
    """Nearest whole level, halves rounded up (2.5 -> 3), within 1-5."""
    return int(min(5, max(1, math.floor(score + 0.5))))


def _sentence_cues(text: str, lang: str) -> list[str]:
    found = []
    if cues.count_numbers(text, lang):
        found.append("numbers")
    star = cues.star_components(text, lang)
    if cues.count_first_person_actions(text, lang) and star["action"]:
        found.append("action")
    if star["result"]:
        found.append("result")
    if cues.count_matches(cues.REFLECTION, text, lang):
        found.append("reflection")
    if cues.count_matches(cues.VAGUE, text, lang):
        found.append("vague")
    return found


def select_evidence(
    analysis: AnswerAnalysis, level: int, off_topic: bool, lang: str, max_items: int = 3
) -> tuple[Evidence, ...]:
    """The sentences that best support `level`, in the order they were spoken, each with a reason."""
    words = _WHY[lang]
    n = len(analysis.sentences)
    if n == 0:
        return ()
    if off_topic:
        contrast = analysis.signals["relevance_contrast"]
        order = np.argsort(analysis.sentence_relevance)[: min(2, n)]
        picked = sorted(int(i) for i in order)
        return tuple(
            Evidence(s.text, s.start, s.end, words["off_topic"].format(contrast=contrast))
            for s in (analysis.sentences[i] for i in picked)
        )
    sims = analysis.sentence_anchor_sim[:, level - 1]
    support = np.array(sims, dtype=float)
    cue_lists = [_sentence_cues(s.text, lang) for s in analysis.sentences]
    # Cues that fit the level make a sentence better evidence for it: concrete facts for high, generalities for low.
    good = {"numbers", "action", "result", "reflection"} if level >= 3 else {"vague"}
    for i, found in enumerate(cue_lists):
        support[i] += 0.02 * len(good.intersection(found))
        if level >= 4 and {"numbers", "result"} <= set(found):
            support[i] += 0.03  # levels 4-5 hinge on a quantified result: show it
    picked = sorted(int(i) for i in np.argsort(-support)[: min(max_items, n)])
    out = []
    for i in picked:
        s = analysis.sentences[i]
        parts = [words["anchor"].format(level=level, sim=float(sims[i]))]
        parts += [words[c] for c in cue_lists[i] if c in good or level <= 2 and c == "vague"]
        sep = "；" if lang == "zh" else "; "
        out.append(Evidence(s.text, s.start, s.end, sep.join(dict.fromkeys(parts))))
    return tuple(out)


class ContentScorer:
    """Scores a transcript against one competency's five anchors, offline (bundled embedder + rules + ridge)."""

    name = SCORER_NAME
    version = SCORER_VERSION

    def __init__(
        self,
        embedder: Embedder | None = None,
        model: ContentModel | None = None,
        *,
        off_topic_threshold: float = OFF_TOPIC_THRESHOLD,
        max_evidence: int = 3,
    ) -> None:
        self.embedder = embedder
        self.model = model
        self.off_topic_threshold = off_topic_threshold
        self.max_evidence = max_evidence

    def _ready(self) -> tuple[Embedder, ContentModel]:
        if self.embedder is None:
            self.embedder = get_embedder()
        if self.model is None:
            self.model = load_default_model()[0]
        return self.embedder, self.model

    def score(
        self, question: str, competency: str, anchors: Sequence[str], answer_text: str, lang: str | None = None
    ) -> ContentScore:
        """Score `answer_text`; off-topic answers are flagged and floored at 1."""
        anchors = check_anchors(anchors)
        text = answer_text or ""
        lang = (lang or cues.detect_language(text or question))[:2].lower()
        lang = "zh" if lang == "zh" else "en"
        embedder, model = self._ready()
        analysis = analyse_answer(embedder, question, competency, anchors, text, lang)
        signals: dict[str, Any] = dict(analysis.signals)
        if not analysis.sentences:
            signals["empty"] = 1.0
            return ContentScore(1.0, 1, (), signals, False, self.name, self.version)
        off_topic = analysis.signals["relevance_contrast"] < self.off_topic_threshold
        contributions = model.contributions(analysis.signals)
        signals.update({f"contribution.{k}": round(v, 4) for k, v in contributions.items()})
        score = 1.0 if off_topic else model.predict_one(analysis.signals)
        level = round_level(score)
        evidence = select_evidence(analysis, level, off_topic, lang, self.max_evidence)
        return ContentScore(round(score, 2), level, evidence, signals, off_topic, self.name, self.version)
