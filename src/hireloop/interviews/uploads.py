"""Resumable answer uploads: ranges append at the received offset; the last range stores the answer and
enqueues its analysis. A dropped connection loses nothing: the client asks for the offset and goes on."""

from __future__ import annotations

import hashlib
import re
import uuid
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from hireloop import dispatch
from hireloop.compliance import audit
from hireloop.config import get_settings
from hireloop.crypto import parts
from hireloop.errors import Conflict, TooLarge, ValidationFailed
from hireloop.interviews import repository as repo
from hireloop.interviews.portal import PortalContext
from hireloop.models import Answer, AnswerUpload
from hireloop.storage import get_storage

ALLOWED_TYPES = {
    "video/webm": "webm", "audio/webm": "webm", "video/mp4": "mp4", "audio/mp4": "m4a", "video/quicktime": "mov",
    "audio/ogg": "ogg", "video/x-matroska": "mkv",
}
_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")


class UploadTypeRefused(ValidationFailed):
    code = "unsupported_media_type"
    status_code = 415


def _part_path(upload_id: uuid.UUID) -> Path:
    root = Path(get_settings().storage_root) / "_uploads"
    root.mkdir(parents=True, exist_ok=True)
    return root / f"{upload_id}.part"


def _base_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def start(session: Session, ctx: PortalContext, *, question_index: int, total_bytes: int, content_type: str) -> AnswerUpload:
    """Open an upload for one question (-1 is the practice question); checks size and type first."""
    iv = ctx.interview
    if not -1 <= question_index < len(iv.questions):
        raise ValidationFailed(f"There is no question {question_index} in this interview.")
    limit = get_settings().max_upload_mb * 1024 * 1024
    if total_bytes <= 0:
        raise ValidationFailed("The recording is empty; record the answer again.", code="empty_upload")
    if total_bytes > limit:
        raise TooLarge(f"The recording is {total_bytes / 1e6:.0f} MB; the limit is {get_settings().max_upload_mb} MB. "
                       "Record a shorter answer.")
    if _base_type(content_type) not in ALLOWED_TYPES:
        raise UploadTypeRefused(f"Recordings of type {content_type!r} are not accepted; use a current browser "
                                "(it records WebM or MP4).")
    if question_index >= 0:
        q = iv.questions[question_index]
        done = [a for a in repo.answers(session, iv.org_id, iv.id) if a.question_index == question_index]
        if len(done) > int(q.get("retakes", 1)):
            raise Conflict("You have used every retake for this question; your last recording is kept.",
                           code="no_retakes_left")
    up = AnswerUpload(org_id=iv.org_id, interview_id=iv.id, question_index=question_index,
                      content_type=_base_type(content_type), total_bytes=total_bytes)
    session.add(up)
    session.flush()
    parts.create(_part_path(up.id))  # encrypted from the first byte (hireloop.crypto.parts)
    return up


def receive(session: Session, ctx: PortalContext, upload_id: uuid.UUID, *, content_range: str | None,
            chunk: bytes) -> tuple[AnswerUpload, Answer | None]:
    """Write one byte range at its offset; a repeated range is accepted without writing twice."""
    iv = ctx.interview
    up = repo.upload(session, iv.org_id, iv.id, upload_id)
    if up is None:
        raise ValidationFailed("Unknown upload; start the upload of this answer again.", code="unknown_upload")
    if up.status == "done":
        return up, repo.get_answer(session, iv.org_id, up.answer_id) if up.answer_id else None
    m = _RANGE.match(content_range or "")
    if not m:
        raise ValidationFailed("Send each part with a header 'Content-Range: bytes START-END/TOTAL'.", code="bad_range")
    start_b, end_b, total = (int(x) for x in m.groups())
    if total != up.total_bytes or end_b < start_b or end_b >= total or end_b - start_b + 1 != len(chunk):
        raise ValidationFailed("The part does not match its Content-Range header.", code="bad_range",
                               details={"received": up.received_bytes})
    if end_b < up.received_bytes:
        return up, None  # this part arrived before; the connection dropped before we could say so
    if start_b > up.received_bytes:
        raise Conflict("A part is missing; continue from the received offset.", code="range_gap",
                       details={"received": up.received_bytes})
    skip = up.received_bytes - start_b  # an overlapping resend: write only the new bytes
    parts.write_at(_part_path(up.id), up.received_bytes, chunk[skip:])
    up.received_bytes = end_b + 1
    answer = _finish(session, ctx, up) if up.received_bytes == up.total_bytes else None
    return up, answer


_MAGIC = {"webm": (0, b"\x1a\x45\xdf\xa3"), "mkv": (0, b"\x1a\x45\xdf\xa3"), "ogg": (0, b"OggS"),
          "mp4": (4, b"ftyp"), "m4a": (4, b"ftyp"), "mov": (4, b"ftyp")}


def _sniff_ok(path: Path, ext: str) -> bool:
    offset, magic = _MAGIC[ext]
    with parts.open_part(path) as fh:
        head = fh.read(16)
    return head[offset : offset + len(magic)] == magic or (ext == "mov" and head[4:8] in (b"moov", b"mdat", b"wide"))


class _Hashing:
    """A reader that feeds what passes through it to a hash."""

    def __init__(self, src: BinaryIO, digest: hashlib._Hash) -> None:
        self._src, self._digest = src, digest

    def read(self, n: int = -1) -> bytes:
        data = self._src.read(n)
        self._digest.update(data)
        return data


def part_path(upload_id: uuid.UUID) -> Path:
    """Where an unfinished upload's bytes are (encrypted); erasure removes it with the upload."""
    return _part_path(upload_id)


def _finish(session: Session, ctx: PortalContext, up: AnswerUpload) -> Answer:
    """Store the file first, then the row; the analysis is enqueued and runs after the commit."""
    iv = ctx.interview
    part = _part_path(up.id)
    ext = ALLOWED_TYPES[up.content_type]
    if not _sniff_ok(part, ext):
        up.status = "refused"
        part.unlink(missing_ok=True)
        raise UploadTypeRefused("The file is not the video it claims to be; record the answer again in the browser.")
    previous = [a for a in repo.answers(session, iv.org_id, iv.id) if a.question_index == up.question_index]
    answer_id = uuid.uuid4()
    key = f"org/{iv.org_id}/interviews/{iv.id}/answers/{answer_id}.{ext}"
    digest = hashlib.sha256()
    with parts.open_part(part) as plain:
        get_storage().put_stream(key, _Hashing(plain, digest))  # sealed with AES-GCM, hashed on the way
    part.unlink(missing_ok=True)
    digest = digest.hexdigest()
    for a in previous:
        a.is_current = False  # a retake replaces the earlier attempt; its file stays until deletion rules apply
    answer = Answer(id=answer_id, org_id=iv.org_id, interview_id=iv.id, question_index=up.question_index,
                    attempt=len(previous) + 1, storage_key=key, content_type=up.content_type,
                    size_bytes=up.total_bytes, sha256=digest, status="stored" if up.question_index >= 0 else "practice")
    session.add(answer)
    up.status = "done"
    up.answer_id = answer_id
    session.flush()
    audit.record(session, None, "answer.stored", entity_type="answer", entity_id=answer.id, org_id=iv.org_id,
                 details={"interview_id": str(iv.id), "question_index": up.question_index, "attempt": answer.attempt})
    if up.question_index >= 0:
        answer.status = "queued"
        dispatch.enqueue(session, "interviews.analyze_answer", org_id=iv.org_id, answer_id=str(answer.id))
    return answer
