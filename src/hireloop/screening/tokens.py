"""Word tokens for Chinese (jieba) and English, and stable hashes of them for the stored ranking index."""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9+#&.\-']*|\d+(?:\.\d+)?|[\u4e00-\u9fff]+")
_STOP = {"的", "了", "和", "与", "及", "在", "等", "对", "并", "the", "and", "of", "in", "for", "to", "a", "an", "with",
         "on", "at", "by", "or", "as", "is", "are", "be"}
HASH_DIM = 1 << 18


@lru_cache(maxsize=1)
def _jieba():  # noqa: ANN202 - jieba module
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def tokens(text: str) -> list[str]:
    """Content tokens in order: jieba words for Chinese runs, lower-cased words for Latin text."""
    out: list[str] = []
    for m in _WORD_RE.finditer(text):
        w = m.group(0)
        if "\u4e00" <= w[0] <= "\u9fff":
            out += [t for t in _jieba().lcut(w, HMM=False) if t not in _STOP]
        else:
            w = w.lower().strip(".-'")
            if w and w not in _STOP:
                out.append(w)
    return out


def token_spans(text: str, wanted: set[str]) -> dict[str, tuple[int, int]]:
    """First (start, end) of each wanted token in the text: Chinese as a substring, Latin as a whole word."""
    low = text.lower()
    out = {}
    for t in wanted:
        if t.isascii():
            m = re.search(rf"(?<![a-z0-9]){re.escape(t)}(?![a-z0-9])", low)
            if m:
                out[t] = (m.start(), m.end())
        else:
            i = low.find(t)
            if i >= 0:
                out[t] = (i, i + len(t))
    return out


def token_hash(token: str) -> int:
    """A stable hash bucket for a token (crc32, not Python's salted hash)."""
    return zlib.crc32(token.encode("utf-8")) % HASH_DIM
