"""The optional LLM scorer against a tiny fake OpenAI-compatible server on 127.0.0.1 (a true outside boundary)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hireloop.scoring.content.llm import PROMPT_VERSION, LLMContentScorer, LLMScorerUnavailable

ANSWER = "I opened twelve new outlets in three months. Volume grew by 20 percent. I like my team."
ANCHORS = ["none", "weak", "ok", "good", "excellent"]


class FakeOpenAI(BaseHTTPRequestHandler):
    """Answers /v1/chat/completions with whatever reply the test put on the server."""

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
        status, content = self.server.reply
        payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": content}}]}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[ThreadingHTTPServer]:
    srv = ThreadingHTTPServer(("127.0.0.1", 0), FakeOpenAI)
    srv.requests = []  # type: ignore[attr-defined]
    srv.reply = (200, "{}")  # type: ignore[attr-defined]
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def _scorer(srv: ThreadingHTTPServer) -> LLMContentScorer:
    return LLMContentScorer(f"http://127.0.0.1:{srv.server_address[1]}/v1", "local-model", api_key="k-123", timeout=5)


def test_scores_from_the_model_and_keeps_only_verbatim_evidence(server) -> None:
    server.reply = (200, "```json\n" + json.dumps({
        "score": 4, "off_topic": False,
        "evidence": [{"quote": "Volume grew by 20 percent.", "why": "quantified result"},
                     {"quote": "I doubled profit.", "why": "invented"}],
    }) + "\n```")
    result = _scorer(server).score("Tell us about channel development", "Channel development", ANCHORS, ANSWER, "en")
    assert result.score == 4.0 and result.level == 4 and not result.off_topic
    assert [e.sentence for e in result.evidence] == ["Volume grew by 20 percent."]
    ev = result.evidence[0]
    assert ANSWER[ev.start : ev.end] == ev.sentence
    assert result.signals["evidence_dropped"] == 1.0
    assert result.scorer_version == f"{PROMPT_VERSION}+local-model"
    sent = server.requests[0]
    assert sent["path"] == "/v1/chat/completions" and sent["auth"] == "Bearer k-123"
    assert sent["body"]["model"] == "local-model" and sent["body"]["temperature"] == 0
    assert "5. excellent" in sent["body"]["messages"][1]["content"]


def test_off_topic_from_the_model_is_floored(server) -> None:
    server.reply = (200, json.dumps({"score": 3, "off_topic": True, "evidence": []}))
    result = _scorer(server).score("q", "c", ANCHORS, "I love cats.", "en")
    assert result.off_topic and result.score == 1.0


@pytest.mark.parametrize("reply", [(200, "I think it is a four."), (500, "{}")])
def test_unusable_replies_raise_a_clear_error(server, reply) -> None:
    server.reply = reply
    with pytest.raises(LLMScorerUnavailable, match="offline scorer|JSON"):
        _scorer(server).score("q", "c", ANCHORS, ANSWER, "en")
