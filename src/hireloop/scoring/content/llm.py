"""Optional content scorer that asks a private OpenAI-compatible endpoint (e.g. a local model server); off by default."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

import httpx

from hireloop.errors import HireLoopError
from hireloop.scoring.content import cues
from hireloop.scoring.content.scorer import ContentScore, Evidence, check_anchors, round_level

PROMPT_VERSION = "content-llm-v1"

SYSTEM_PROMPT = """You are a structured-interview rater. Rate ONE answer on ONE competency using ONLY its five
behavioural anchors (level 1 to 5). Judge what the answer shows (a concrete example, the candidate's own actions,
results, reflection), never the person's feelings, accent, or style. If the answer does not address the question,
set off_topic to true and score 1. Quote evidence sentences EXACTLY as they appear in the answer.
Reply with JSON only: {"score": <number 1-5>, "off_topic": <true|false>,
"evidence": [{"quote": "<exact sentence from the answer>", "why": "<short reason, in the answer's language>"}]}"""


class LLMScorerUnavailable(HireLoopError):
    """The configured LLM endpoint failed or answered something unusable."""

    status_code = 503
    code = "llm_scorer_unavailable"


def _user_message(question: str, competency: str, anchors: list[str], answer: str, lang: str) -> str:
    lines = [f"Language: {lang}", f"Competency: {competency}", f"Question: {question}", "Anchors:"]
    lines += [f"  {i}. {a}" for i, a in enumerate(anchors, start=1)]
    lines += ["Answer (transcript):", answer]
    return "\n".join(lines)


def _parse_json(content: str) -> dict[str, Any]:
    text = content.strip()
    fenced = re.search(r"```(?:json)?\s*(.*?)```", text, re.S)
    if fenced:
        text = fenced.group(1)
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end < start:
        raise ValueError("no JSON object in the reply")
    return json.loads(text[start : end + 1])


class LLMContentScorer:
    """Same interface as ContentScorer; scores with a chat model behind an OpenAI-compatible /chat/completions."""

    name = "hireloop-content-llm"

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        *,
        timeout: float = 60.0,
        client: httpx.Client | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.api_key = api_key
        self.timeout = timeout
        self.client = client
        self.version = f"{PROMPT_VERSION}+{model}"

    def _post(self, payload: dict[str, Any]) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        url = f"{self.base_url}/chat/completions"
        try:
            if self.client is not None:
                resp = self.client.post(url, json=payload, headers=headers, timeout=self.timeout)
            else:
                with httpx.Client(timeout=self.timeout) as client:
                    resp = client.post(url, json=payload, headers=headers)
            resp.raise_for_status()
            return resp.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise LLMScorerUnavailable(
                f"The LLM scoring endpoint {url} failed ({exc}); check its address, model name and key, "
                "or switch the job back to the offline scorer."
            ) from exc

    def score(
        self, question: str, competency: str, anchors: Sequence[str], answer_text: str, lang: str | None = None
    ) -> ContentScore:
        """Ask the model for a 1-5 rating; evidence quotes not found verbatim in the answer are dropped."""
        anchors = check_anchors(anchors)
        text = answer_text or ""
        lang = "zh" if (lang or cues.detect_language(text or question)).lower().startswith("zh") else "en"
        payload = {
            "model": self.model,
            "temperature": 0,
            "response_format": {"type": "json_object"},
            "messages": [
                {"role": "system", "content": SYSTEM_PROMPT},
                {"role": "user", "content": _user_message(question, competency, anchors, text, lang)},
            ],
        }
        reply = self._post(payload)
        try:
            content = reply["choices"][0]["message"]["content"]
            data = _parse_json(content)
            raw_score = float(data["score"])
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise LLMScorerUnavailable(
                f"The LLM at {self.base_url} did not return the expected JSON ({exc}); "
                f"prompt {PROMPT_VERSION} needs a model that follows JSON instructions."
            ) from exc
        off_topic = bool(data.get("off_topic", False))
        score = 1.0 if off_topic else min(5.0, max(1.0, raw_score))
        evidence = []
        dropped = 0
        for item in data.get("evidence") or []:
            quote = str(item.get("quote", "")).strip() if isinstance(item, dict) else ""
            pos = text.find(quote) if quote else -1
            if pos < 0:
                dropped += 1  # a quote the model invented or reworded is not evidence
                continue
            evidence.append(Evidence(quote, pos, pos + len(quote), str(item.get("why", ""))))
        signals = {"llm_raw_score": raw_score, "evidence_dropped": float(dropped)}
        return ContentScore(round(score, 2), round_level(score), tuple(evidence), signals, off_topic, self.name, self.version)
