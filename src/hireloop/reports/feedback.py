"""What a report says: strengths, areas to develop and concrete suggestions, from an assessment's stored results."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

STRONG = 3.5
WEAK = 2.8

# Concrete suggestions, keyed by the signal of the content scorer that was lowest across the weak answers.
SUGGESTIONS: dict[str, dict[str, str]] = {
    "structure": {
        "zh": "建议加强结构化思维训练：回答时按“情境—任务—行动—结果”的顺序讲述一个具体经历。",
        "en": "Practise structured answers: tell one concrete experience as situation, task, action and result.",
    },
    "numbers": {
        "zh": "建议在回答中多用具体数字说明成果，例如销售额、完成率或节省的时间。",
        "en": "Quantify your results with figures such as sales, completion rates or time saved.",
    },
    "first_person_actions": {
        "zh": "建议多讲“我”具体做了什么，而不只是团队做了什么。",
        "en": "Say what you yourself did, not only what the team did.",
    },
    "reflection": {
        "zh": "建议在结尾总结经验：这件事让你学到了什么，之后如何改进。",
        "en": "End with what you learned and what you would do differently next time.",
    },
    "vagueness": {
        "zh": "建议少用笼统的表述，用一个真实的例子代替“一般来说”“我比较擅长”。",
        "en": "Replace general claims (\"usually\", \"I am good at\") with one real example.",
    },
    "length": {
        "zh": "建议充分利用答题时间，把经历的关键细节讲完整。",
        "en": "Use the answer time to give the key details of your example in full.",
    },
    "relevance": {
        "zh": "建议先确认理解了问题，再紧扣问题作答。",
        "en": "Make sure you understand the question, then answer it directly.",
    },
    "fluency": {
        "zh": "建议练习在镜头前讲述经历，控制语速，减少“嗯”“那个”等口头语。",
        "en": "Rehearse your examples aloud to keep an even pace with fewer fillers.",
    },
}
# Lower is better for vagueness; every other signal is better when higher.
_INVERTED = {"vagueness"}


@dataclass(frozen=True)
class CompetencyResult:
    key: str
    name: str
    score: float | None
    level: int | None


@dataclass(frozen=True)
class Feedback:
    strengths: tuple[CompetencyResult, ...]
    to_develop: tuple[CompetencyResult, ...]
    suggestions: tuple[str, ...]


def _signal_gaps(answers: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    """How far each signal falls short (0 = fine, 1 = absent) averaged over the answers given."""
    gaps: dict[str, list[float]] = {}
    for a in answers:
        signals = a.get("signals") or {}
        if a.get("off_topic"):
            gaps.setdefault("relevance", []).append(1.0)
        for name in SUGGESTIONS:
            v = signals.get(name)
            if not isinstance(v, (int, float)) or name == "relevance":
                continue
            gap = float(v) if name in _INVERTED else 1.0 - float(v)
            gaps.setdefault(name, []).append(max(0.0, min(1.0, gap)))
    return {k: sum(v) / len(v) for k, v in gaps.items()}


def build_feedback(competencies: Sequence[Mapping[str, Any]], behaviour: Sequence[Mapping[str, Any]], lang: str,
                   *, max_suggestions: int = 3) -> Feedback:
    """Strengths (best competencies), areas to develop (weakest) and two or three concrete suggestions."""
    results = [CompetencyResult(c["key"], c["name"], c.get("score"), c.get("level")) for c in competencies]
    scored = sorted((r for r in results if r.score is not None), key=lambda r: -(r.score or 0))
    strengths = tuple(r for r in scored if (r.score or 0) >= STRONG)[:3] or tuple(scored[:1])
    to_develop = tuple(r for r in reversed(scored) if (r.score or 0) < WEAK and r not in strengths)[:3]
    if not to_develop and len(scored) > 1:
        to_develop = (scored[-1],) if scored[-1] not in strengths else ()
    answers = [a for c in competencies for a in c.get("answers", [])]
    gaps = _signal_gaps(answers)
    fluency = next((b for b in behaviour if b.get("key") == "fluency" and b.get("percentile") is not None), None)
    if fluency is not None and fluency["percentile"] < 30:
        gaps["fluency"] = 1 - fluency["percentile"] / 100
    ordered = sorted(gaps.items(), key=lambda kv: -kv[1])
    picked = [k for k, g in ordered if g >= 0.3][:max_suggestions]
    for k, _ in ordered:  # always two at least: every candidate gets something concrete to work on
        if len(picked) >= 2:
            break
        if k not in picked:
            picked.append(k)
    for k in ("structure", "numbers"):
        if len(picked) >= 2:
            break
        if k not in picked:
            picked.append(k)
    lang = "zh" if lang.startswith("zh") else "en"
    return Feedback(strengths, to_develop, tuple(SUGGESTIONS[k][lang] for k in picked))
