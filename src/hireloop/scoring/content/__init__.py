"""Answer-content scoring against a competency's 1-5 behavioural anchors, with evidence sentences."""

from hireloop.scoring.content.llm import PROMPT_VERSION, LLMContentScorer, LLMScorerUnavailable
from hireloop.scoring.content.scorer import (
    SCORER_NAME,
    SCORER_VERSION,
    AnswerContentScorer,
    ContentScore,
    ContentScorer,
    Evidence,
)

__all__ = [
    "PROMPT_VERSION",
    "SCORER_NAME",
    "SCORER_VERSION",
    "AnswerContentScorer",
    "ContentScore",
    "ContentScorer",
    "Evidence",
    "LLMContentScorer",
    "LLMScorerUnavailable",
]
