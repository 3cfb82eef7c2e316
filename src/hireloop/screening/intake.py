"""File(s) in, profiles out: extraction and parsing together, plus duplicate detection across applications."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from hireloop.screening.extract import ExtractedText, ExtractionLimits, extract_text
from hireloop.screening.parse import content_hash, parse_resume
from hireloop.screening.profile import ResumeProfile


@dataclass(frozen=True)
class ParsedResume:
    """One file's outcome: the extraction status, and the profile when the status is ok."""

    extracted: ExtractedText
    profile: ResumeProfile | None

    @property
    def filename(self) -> str:
        """The uploaded file name."""
        return self.extracted.filename

    @property
    def status(self) -> str:
        """ok / encrypted / corrupt / empty / too_large / unsupported_format / ocr_unavailable."""
        return self.extracted.status


def parse_file(data: bytes, filename: str, *, as_of: date | None = None, limits: ExtractionLimits | None = None,
               ocr: bool = True, ocr_languages: str = "chi_sim+eng", pdf_engine: str = "pdfium") -> ParsedResume:
    """Extract and parse one resume file; never raises for a bad file (see `extracted.status`)."""
    ex = extract_text(data, filename, limits=limits, ocr=ocr, ocr_languages=ocr_languages, pdf_engine=pdf_engine)
    if not ex.ok:
        return ParsedResume(ex, None)
    try:
        return ParsedResume(ex, parse_resume(ex.text, as_of=as_of))
    except Exception as exc:  # noqa: BLE001 - a parser bug must not fail the batch; the text is kept
        from dataclasses import replace

        return ParsedResume(replace(ex, status="corrupt", message=f"the text could not be parsed ({exc}); "
                                    "the raw text is kept, review it by hand"), None)


def parse_many(files: Iterable[tuple[str, bytes]], *, hook: Callable[..., None] | None = None,
               **options: object) -> list[ParsedResume]:
    """Parse a batch of (filename, bytes) in order; progress to `hook("parse", completed=i, total=n)`."""
    items = list(files)
    out = []
    for i, (name, data) in enumerate(items, 1):
        out.append(parse_file(data, name, **options))  # type: ignore[arg-type]
        if hook:
            hook("parse", completed=i, total=len(items))
    return out


def parse_zip(data: bytes, *, limits: ExtractionLimits | None = None, hook: Callable[..., None] | None = None,
              **options: object) -> list[ParsedResume]:
    """Parse every resume in an uploaded zip; an oversized member gets status too_large without being read."""
    from hireloop.screening.extract import TOO_LARGE, iter_zip

    limits = limits or ExtractionLimits()
    members = iter_zip(data, limits=limits)
    out = []
    for i, (name, body, size) in enumerate(members, 1):
        if body is None:
            ex = ExtractedText(name, TOO_LARGE, f"the file is {size / 2**20:.1f} MB, over the "
                               f"{limits.max_bytes / 2**20:.0f} MB limit; compress it or export a smaller PDF", "unknown")
            out.append(ParsedResume(ex, None))
        else:
            out.append(parse_file(body, name, limits=limits, **options))  # type: ignore[arg-type]
        if hook:
            hook("parse", completed=i, total=len(members))
    return out


@dataclass(frozen=True)
class DuplicateKeys:
    """What identifies a person across applications: normalised emails and phones, and the content hash."""

    emails: frozenset[str]
    phones: frozenset[str]
    content_hash: str


def duplicate_keys(profile: ResumeProfile) -> DuplicateKeys:
    """The keys to store with an application so that a second application by the same person is found."""
    emails = frozenset(e.value.strip().lower() for e in profile.emails)
    phones = frozenset(re.sub(r"\D", "", p.value)[-11:] for p in profile.phones if len(re.sub(r"\D", "", p.value)) >= 7)
    return DuplicateKeys(emails, phones, profile.content_hash or content_hash(profile.text))


@dataclass(frozen=True)
class Duplicate:
    """Two resumes that belong to the same person, and why we think so."""

    first: int
    second: int
    reason: str  # email / phone / content
    value: str


def find_duplicates(keys: list[DuplicateKeys]) -> list[Duplicate]:
    """Pairs (earlier, later) sharing an email, a phone or identical content; each later item reported once."""
    seen: dict[tuple[str, str], int] = {}
    out = []
    for i, k in enumerate(keys):
        hit = None
        candidates = [("content", k.content_hash)] + [("email", e) for e in sorted(k.emails)] + [
            ("phone", p) for p in sorted(k.phones)]
        for reason, value in candidates:
            j = seen.get((reason, value))
            if j is not None and hit is None:
                hit = Duplicate(j, i, reason, value)
        for key in candidates:
            seen.setdefault(key, i)
        if hit:
            out.append(hit)
    return out
