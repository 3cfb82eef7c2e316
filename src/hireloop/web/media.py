"""Serving a stored (sealed) file over HTTP, decrypted chunk by chunk, with single-range requests (RFC 9110
section 14) so a video player can seek without the whole recording being opened."""

from __future__ import annotations

import re
from collections.abc import Iterator

from fastapi.responses import Response, StreamingResponse

from hireloop.storage import LocalStorage

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$", re.IGNORECASE)


def _parse_range(header: str | None, size: int) -> tuple[int, int] | None | str:
    """(start, end) inclusive; None for the whole file; 'unsatisfiable' when no byte of it exists."""
    if not header:
        return None
    m = _RANGE.match(header.strip())
    if not m or (not m.group(1) and not m.group(2)):
        return None  # a malformed or multi-range header is ignored: the whole file is sent (RFC 9110 14.2)
    if not m.group(1):  # suffix: the last N bytes
        n = int(m.group(2))
        return (max(size - n, 0), size - 1) if n and size else "unsatisfiable"
    start = int(m.group(1))
    if m.group(2) and int(m.group(2)) < start:
        return None  # last < first is not a valid range-spec (RFC 9110 14.1.1): the header is ignored
    end = min(int(m.group(2)), size - 1) if m.group(2) else size - 1
    if start >= size:
        return "unsatisfiable"
    return start, end


def stored_file_response(storage: LocalStorage, key: str, media_type: str, range_header: str | None) -> Response:
    fh = storage.open(key)
    size = fh.seek(0, 2)
    rng = _parse_range(range_header, size)
    if rng == "unsatisfiable":
        fh.close()
        return Response(status_code=416, headers={"Content-Range": f"bytes */{size}"})
    start, end = rng if isinstance(rng, tuple) else (0, size - 1)

    def body() -> Iterator[bytes]:
        try:
            fh.seek(start)
            left = end - start + 1
            while left > 0:
                data = fh.read(min(left, 256 * 1024))
                if not data:
                    return
                left -= len(data)
                yield data
        finally:
            fh.close()

    headers = {"Accept-Ranges": "bytes", "Content-Length": str(max(end - start + 1, 0)),
               "Cache-Control": "private, no-store"}
    if isinstance(rng, tuple):
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    return StreamingResponse(body(), status_code=206 if isinstance(rng, tuple) else 200, media_type=media_type,
                             headers=headers)
