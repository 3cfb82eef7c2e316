"""Text extraction from resume files: every file gets a status and a message, one bad file never fails a batch."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from hireloop.screening import pdf

OK = "ok"
ENCRYPTED = "encrypted"
CORRUPT = "corrupt"
EMPTY = "empty"
TOO_LARGE = "too_large"
UNSUPPORTED = "unsupported_format"
OCR_UNAVAILABLE = "ocr_unavailable"
STATUSES = (OK, ENCRYPTED, CORRUPT, EMPTY, TOO_LARGE, UNSUPPORTED, OCR_UNAVAILABLE)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_EXTS = {".txt", ".md", ".markdown", ".text"}
HTML_EXTS = {".html", ".htm", ".xhtml"}
IMAGE_EXTS = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp"}


@dataclass(frozen=True)
class ExtractedText:
    """The text of one file (normalised: NFKC, \\n line ends) with its status and a message saying what to do."""

    filename: str
    status: str
    message: str
    format: str
    text: str = ""
    method: str = ""
    pages: int = 0

    @property
    def ok(self) -> bool:
        """True when text was extracted."""
        return self.status == OK


@dataclass(frozen=True)
class ExtractionLimits:
    """Size guards: file size, and for DOCX (a zip) the unpacked size and compression ratio (zip bombs)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_unzipped_bytes: int = 100 * 1024 * 1024
    max_zip_ratio: float = 200.0


def normalize_text(text: str) -> str:
    """NFKC (full-width to half-width), unified line ends, no control characters, trailing spaces trimmed."""
    text = unicodedata.normalize("NFKC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\f", "\n").replace("\u00a0", " ").replace("\u3000", " ")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    lines = [ln.rstrip() for ln in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def sniff_format(data: bytes, filename: str) -> str:
    """pdf / docx / image / html / text / doc / unknown, from magic bytes first and the extension second."""
    ext = ("." + filename.rsplit(".", 1)[-1].lower()) if "." in filename else ""
    head = data[:16]
    if data[:1024].lstrip()[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "docx" if ext in {".docx", ""} or b"word/" in data[:65536] else "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"  # legacy .doc, or an encrypted Office file
    if (head.startswith(b"\x89PNG") or head.startswith(b"\xff\xd8\xff") or head[:4] in (b"II*\x00", b"MM\x00*")
            or head.startswith(b"BM") or head.startswith(b"GIF8") or (head[:4] == b"RIFF" and data[8:12] == b"WEBP")):
        return "image"
    if ext in HTML_EXTS:
        return "html"
    if ext in TEXT_EXTS:
        return "text"
    if ext in IMAGE_EXTS or ext in {".pdf", ".docx"}:
        return "corrupt:" + ext[1:]  # says it is one but the bytes are not
    sample = data[:4096].lstrip().lower()
    if sample.startswith((b"<!doctype html", b"<html")):
        return "html"
    if ext in {"", ".rtf"} and b"\x00" not in data[:4096] and data:
        return "text"
    return "unknown"


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode text bytes: BOMs, UTF-8, then GB18030 (a superset of GBK) when it reads as Chinese, then detection."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, "replace"), enc + "-bom"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        non_ascii = [c for c in text if ord(c) > 127]
        cjk = sum(1 for c in non_ascii if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef")
        if non_ascii and cjk / len(non_ascii) > 0.8:
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best), best.encoding
    return data.decode("utf-8", "replace"), "utf-8-replace"


def _docx_guard(data: bytes, limits: ExtractionLimits) -> str | None:
    """Why this DOCX must not be opened (zip bomb, not a Word file), or None."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos) or 1
        if total > limits.max_unzipped_bytes or total / packed > limits.max_zip_ratio:
            return (f"the DOCX expands to {total / 2**20:.0f} MB ({total / packed:.0f}x its packed size), which looks like "
                    "a zip bomb; save the resume again from Word or export it as PDF")
        if "word/document.xml" not in zf.namelist():
            return ""
    return None


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_text(data: bytes) -> str:
    """Paragraphs and tables of word/document.xml in document order, read with lxml directly.

    python-docx builds every part of the package and took ~30 ms a file; this reads one XML part in ~3 ms.
    Templates often put the name and contacts in a table, so table rows become 'cell | cell' lines.
    """
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"), parser=etree.XMLParser(resolve_entities=False,
                                                                                      no_network=True, huge_tree=False))
    body = root.find(f"{_W}body")
    lines: list[str] = []
    for child in (body if body is not None else []):
        if child.tag == f"{_W}p":
            lines.append(_para_text(child))
        elif child.tag == f"{_W}tbl":
            for row in child.iter(f"{_W}tr"):
                seen: list[str] = []
                for cell in row.iter(f"{_W}tc"):
                    t = " ".join(_para_text(p) for p in cell.iter(f"{_W}p")).strip()
                    if t and t not in seen:  # merged cells repeat their text
                        seen.append(t)
                lines.append(" | ".join(seen))
    return "\n".join(lines)


def _para_text(p) -> str:  # noqa: ANN001 - lxml element
    parts = []
    for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br"):
        if el.tag == f"{_W}t":
            parts.append(el.text or "")
        elif el.tag == f"{_W}tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


_BLOCK_TAGS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "table", "ul", "ol",
               "header", "footer", "article", "dt", "dd")


def _html_text(data: bytes) -> str:
    import lxml.html

    text, _ = decode_text(data)
    root = lxml.html.document_fromstring(text or "<html></html>")
    for bad in root.xpath("//script|//style|//noscript|//head"):
        bad.drop_tree()
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
    for el in root.iter("td", "th"):
        el.tail = " | " + (el.tail or "")
    return root.text_content()


def extract_text(data: bytes, filename: str, *, limits: ExtractionLimits | None = None, ocr: bool = True,
                 ocr_languages: str = "chi_sim+eng", pdf_engine: str = "pdfium") -> ExtractedText:
    """Extract one file's text; never raises for a bad file, the status says what went wrong."""
    limits = limits or ExtractionLimits()
    fmt = "unknown"
    try:
        if len(data) > limits.max_bytes:
            return ExtractedText(filename, TOO_LARGE, f"the file is {len(data) / 2**20:.1f} MB, over the "
                                 f"{limits.max_bytes / 2**20:.0f} MB limit; compress it or export a smaller PDF", fmt)
        if not data.strip():
            return ExtractedText(filename, EMPTY, "the file is empty; upload the resume again", fmt)
        fmt = sniff_format(data, filename)
        return _extract(data, filename, fmt, limits, ocr, ocr_languages, pdf_engine)
    except Exception as exc:  # noqa: BLE001 - one bad file must never fail the batch
        return ExtractedText(filename, CORRUPT, f"the file could not be read ({type(exc).__name__}: {exc}); "
                             "open it and save it again as PDF or DOCX", fmt)


def _extract(data: bytes, filename: str, fmt: str, limits: ExtractionLimits, ocr: bool, ocr_languages: str,
             pdf_engine: str) -> ExtractedText:
    if fmt.startswith("corrupt:"):
        return ExtractedText(filename, CORRUPT, f"the file is named .{fmt[8:]} but is not a valid {fmt[8:].upper()}; "
                             "open it and save it again", fmt[8:])
    if fmt == "pdf":
        try:
            result = pdf.read_pdf(data, engine=pdf_engine)
        except pdf.PdfEncrypted:
            return ExtractedText(filename, ENCRYPTED, "the PDF is password-protected; ask the candidate for a copy "
                                 "without a password", fmt)
        except pdf.PdfCorrupt as exc:
            return ExtractedText(filename, CORRUPT, f"the PDF is damaged ({exc}); ask the candidate to export it "
                                 "again", fmt)
        text = normalize_text(result.text)
        if text.strip():
            return ExtractedText(filename, OK, "", fmt, text, result.method, result.pages)
        if not result.has_images:
            return ExtractedText(filename, EMPTY, "the PDF has no text and no images; ask for another copy", fmt,
                                 pages=result.pages)
        return _ocr(filename, fmt, lambda: pdf.ocr_pdf(data, languages=ocr_languages), ocr, result.pages)
    if fmt == "image":
        return _ocr(filename, fmt, lambda: pdf.ocr_image(data, languages=ocr_languages), ocr, 1)
    if fmt == "docx":
        why = _docx_guard(data, limits)
        if why:
            return ExtractedText(filename, TOO_LARGE, why, fmt)
        if why == "":
            return ExtractedText(filename, UNSUPPORTED, "the zip file is not a Word document; upload the resume "
                                 "itself (PDF, DOCX, TXT, HTML or an image)", "zip")
        return _finish(filename, fmt, _docx_text(data), "lxml-docx")
    if fmt == "ole":
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
            return ExtractedText(filename, ENCRYPTED, "the Office file is password-protected; ask the candidate for "
                                 "a copy without a password", "docx")
        return ExtractedText(filename, UNSUPPORTED, "old Word (.doc) files are not supported; save it as DOCX or "
                             "PDF and upload again", "doc")
    if fmt == "html":
        return _finish(filename, fmt, _html_text(data), "lxml")
    if fmt == "text":
        text, encoding = decode_text(data)
        return _finish(filename, fmt, text, encoding)
    if fmt == "zip":
        return ExtractedText(filename, UNSUPPORTED, "a zip archive inside a batch is not opened; unpack it and upload "
                             "the resumes", fmt)
    return ExtractedText(filename, UNSUPPORTED, "unknown file format; upload PDF, DOCX, TXT, Markdown, HTML or an "
                         "image (PNG/JPEG)", fmt)


def _finish(filename: str, fmt: str, raw: str, method: str) -> ExtractedText:
    text = normalize_text(raw)
    if not text.strip():
        return ExtractedText(filename, EMPTY, "the file contains no text; upload the resume again", fmt, method=method)
    return ExtractedText(filename, OK, "", fmt, text, method, 1)


def _ocr(filename: str, fmt: str, run: Callable[[], str], ocr: bool, pages: int) -> ExtractedText:
    if not ocr:
        return ExtractedText(filename, OCR_UNAVAILABLE, "this is a scan or an image and OCR is switched off; turn "
                             "OCR on or ask for a PDF with text", fmt, pages=pages)
    try:
        raw = run()
    except pdf.OcrUnavailable as exc:
        return ExtractedText(filename, OCR_UNAVAILABLE, f"this is a scan or an image and OCR cannot run: {exc}", fmt,
                             pages=pages)
    text = normalize_text(raw)
    if not text.strip():
        return ExtractedText(filename, EMPTY, "OCR found no text in the scan; ask for a clearer copy or a PDF", fmt,
                             method="tesseract", pages=pages)
    return ExtractedText(filename, OK, "", fmt, text, "tesseract", pages)


def extract_many(files: Iterable[tuple[str, bytes]], *, hook: Callable[..., None] | None = None,
                 **options: object) -> list[ExtractedText]:
    """Extract a batch of (filename, bytes); progress goes to `hook("extract", completed=i, total=n)`."""
    items = list(files)
    out = []
    for i, (name, data) in enumerate(items, 1):
        out.append(extract_text(data, name, **options))  # type: ignore[arg-type]
        if hook:
            hook("extract", completed=i, total=len(items))
    return out


def iter_zip(data: bytes, *, limits: ExtractionLimits | None = None) -> list[tuple[str, bytes | None, int]]:
    """Members of an uploaded zip of resumes as (name, bytes, size); bytes is None for a member over the size
    limit (not read at all). Folders, hidden files and __MACOSX are skipped. Raises TooLarge when the whole zip
    unpacks to more than ten times `max_unzipped_bytes`, and ValidationFailed when it is not a zip."""
    from hireloop.errors import TooLarge, ValidationFailed

    limits = limits or ExtractionLimits()
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ValidationFailed("the upload is not a valid zip file; zip the resumes again") from exc
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir() and not i.filename.split("/")[-1].startswith(".")
                 and "__MACOSX" not in i.filename]
        total = sum(i.file_size for i in infos if i.file_size <= limits.max_bytes)
        if total > limits.max_unzipped_bytes * 10:
            raise TooLarge(f"the zip expands to {total / 2**20:.0f} MB; upload at most "
                           f"{limits.max_unzipped_bytes * 10 / 2**20:.0f} MB of resumes at a time")
        return [(i.filename, zf.read(i) if i.file_size <= limits.max_bytes else None, i.file_size) for i in infos]
