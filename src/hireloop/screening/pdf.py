"""PDF text (poppler's pdftotext, PDFium as fallback) and OCR of images and scanned pages (tesseract)."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass


class PdfEncrypted(Exception):
    """The PDF needs a password to open."""


class PdfCorrupt(Exception):
    """The PDF cannot be read."""


class OcrUnavailable(Exception):
    """tesseract (or one of its languages) is not installed."""


@dataclass(frozen=True)
class PdfText:
    """Text of a PDF, how it was read, and whether its pages carry images (a scan)."""

    text: str
    pages: int
    method: str
    has_images: bool


def _open_pdfium(data: bytes):  # noqa: ANN202 - pypdfium2 type
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise PdfEncrypted(str(exc)) from exc
        raise PdfCorrupt(str(exc)) from exc


def pdftotext_path() -> str | None:
    """Path of poppler's pdftotext, or None when poppler-utils is not installed."""
    return shutil.which("pdftotext")


def read_pdf(data: bytes, *, engine: str = "pdfium", timeout_s: float = 30.0) -> PdfText:
    """Read a PDF's text layer (engine 'pdfium': in-process, column-aware; 'pdftotext': poppler); raises
    PdfEncrypted or PdfCorrupt."""
    doc = _open_pdfium(data)  # opens fast, and tells encrypted from corrupt precisely
    try:
        pages = len(doc)
        text, method = "", "pdfium"
        exe = pdftotext_path() if engine == "pdftotext" else None
        if exe:
            proc = subprocess.run([exe, "-enc", "UTF-8", "-q", "-", "-"], input=data, capture_output=True,
                                  timeout=timeout_s, check=False)
            if proc.returncode == 0:
                text, method = proc.stdout.decode("utf-8", "replace"), "pdftotext"
        if method != "pdftotext":
            text = "\n".join(layout_text(page) for page in doc)
        # Only look for images when the text layer is empty: that is what tells a scan from an empty page.
        has_images = _has_images(doc) if not text.strip() else False
        return PdfText(text=text, pages=pages, method=method, has_images=has_images)
    finally:
        doc.close()


def layout_text(page) -> str:  # noqa: ANN001 - pypdfium2 page
    """A page's text in reading order: two-column layouts are read column by column, wide gaps kept as '  '."""
    tp = page.get_textpage()
    try:
        runs = []
        for i in range(tp.count_rects()):
            left, bottom, right, top = tp.get_rect(i)
            t = tp.get_text_bounded(left, bottom, right, top).replace("\r", "").replace("\n", " ").strip()
            if t:
                runs.append((left, bottom, right, top, t))
    finally:
        tp.close()
    if not runs:
        return ""
    columns = _split_columns(runs)
    return "\n\n".join(_lines(col) for col in columns)


def _split_columns(runs: list[tuple]) -> list[list[tuple]]:
    """Split text runs at a vertical gutter when the page really has two columns (not right-aligned dates)."""
    if len(runs) > 2000:  # the gutter search is quadratic; a page this dense is read in stream order
        return [runs]
    best = None
    for x in sorted({round(r[2]) for r in runs}):
        left = [r for r in runs if r[2] <= x + 0.5]
        right = [r for r in runs if r[0] >= x + 6]  # a gutter is at least 6 pt wide
        crossing = len(runs) - len(left) - len(right)
        if len(left) < 3 or len(right) < 3 or crossing > max(1, len(runs) // 20):
            continue
        right_chars = sum(len(r[4]) for r in right)
        if right_chars < 0.2 * sum(len(r[4]) for r in runs):
            continue  # a column of dates or page numbers, not a text column
        # Tab stops (dates right-aligned on the company's line) share baselines with the left text; columns do not.
        left_bases = {round(r[1]) for r in left}
        aligned = sum(1 for r in right if {round(r[1]) - 1, round(r[1]), round(r[1]) + 1} & left_bases)
        if aligned > 0.5 * len(right):
            continue
        score = crossing * 1000 - min(len(left), len(right))
        if best is None or score < best[0]:
            best = (score, x)
    if best is None:
        return [runs]
    x = best[1]
    left = [r for r in runs if r[2] <= x + 0.5 or not r[0] >= x + 6 and r[0] < x]
    right = [r for r in runs if r not in left]
    return [left, right]


def _lines(runs: list[tuple]) -> str:
    """Group runs into lines by baseline and join them, a wide gap becoming a double space (a field break)."""
    runs = sorted(runs, key=lambda r: (-r[3], r[0]))
    lines: list[list[tuple]] = []
    for r in runs:
        h = max(r[3] - r[1], 1.0)
        if lines:
            ref = lines[-1][0]
            if abs(ref[1] - r[1]) < 0.5 * h or abs(ref[3] - r[3]) < 0.5 * h:
                lines[-1].append(r)
                continue
        lines.append([r])
    # A blank line where the gap is well above the column's usual line pitch (a new paragraph or section).
    tops = [max(r[3] for r in ln) for ln in lines]
    pitches = sorted(a - b for a, b in zip(tops, tops[1:]) if a - b > 0)
    pitch = pitches[len(pitches) // 2] if pitches else 0.0
    out: list[str] = []
    for k, ln in enumerate(lines):
        ln.sort(key=lambda r: r[0])
        h = max(ln[0][3] - ln[0][1], 1.0)
        if k and pitch and tops[k - 1] - tops[k] > 1.6 * pitch:
            out.append("")
        parts = [ln[0][4]]
        for a, b in zip(ln, ln[1:]):
            gap = b[0] - a[2]
            parts.append(("  " if gap > 1.2 * h else " " if gap > 0.2 * h else "") + b[4])
        out.append("".join(parts))
    return "\n".join(out)


def _has_images(doc) -> bool:  # noqa: ANN001
    import pypdfium2.raw as raw

    for page in doc:
        for obj in page.get_objects(max_depth=2):
            if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
                return True
    return False


def ocr_available(languages: str = "chi_sim+eng") -> tuple[bool, str]:
    """Whether tesseract and every asked language are installed, with a message saying what is missing."""
    exe = shutil.which("tesseract")
    if not exe:
        return False, "tesseract is not installed: install Debian packages tesseract-ocr tesseract-ocr-chi-sim"
    proc = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, check=False, timeout=30)
    have = set(proc.stdout.split()) | set(proc.stderr.split())
    missing = [lang for lang in languages.split("+") if lang not in have]
    if missing:
        return False, f"tesseract language data missing: {', '.join(missing)} (install tesseract-ocr-chi-sim / -eng)"
    return True, ""


_CJK_GAP = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[ \t]+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")


def ocr_image(image_bytes: bytes, *, languages: str = "chi_sim+eng", timeout_s: float = 60.0) -> str:
    """OCR one image (PNG/JPEG/TIFF/...) with tesseract; raises OcrUnavailable."""
    ok, why = ocr_available(languages)
    if not ok:
        raise OcrUnavailable(why)
    from PIL import Image

    # Normalise to grayscale PNG: tesseract reads it reliably and it drops alpha and odd colour modes.
    with Image.open(io.BytesIO(image_bytes)) as img:
        img.load()
        gray = img.convert("L")
        if max(gray.size) < 1200:  # small scans read far better upscaled
            scale = 1200 / max(gray.size)
            gray = gray.resize((int(gray.width * scale), int(gray.height * scale)))
        buf = io.BytesIO()
        gray.save(buf, format="PNG")
    # psm 6 (one block) keeps headings that the automatic layout (psm 3) drops; one OpenMP thread is several
    # times faster on a busy 2-core host than tesseract's default of all cores.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    proc = subprocess.run(["tesseract", "stdin", "stdout", "-l", languages, "--psm", "6"], input=buf.getvalue(),
                          capture_output=True, timeout=timeout_s, check=False, env=env)
    if proc.returncode != 0:
        raise PdfCorrupt(proc.stderr.decode("utf-8", "replace").strip() or "tesseract failed")
    # tesseract's chi_sim puts a space between Chinese characters; join them back.
    return _CJK_GAP.sub("", proc.stdout.decode("utf-8", "replace"))


def ocr_pdf(data: bytes, *, languages: str = "chi_sim+eng", dpi: int = 300, max_pages: int = 10) -> str:
    """Render a scanned PDF's pages and OCR them; raises OcrUnavailable, PdfEncrypted, PdfCorrupt."""
    ok, why = ocr_available(languages)
    if not ok:
        raise OcrUnavailable(why)
    doc = _open_pdfium(data)
    try:
        texts = []
        for i, page in enumerate(doc):
            if i >= max_pages:
                break
            pil = page.render(scale=dpi / 72).to_pil()
            buf = io.BytesIO()
            pil.save(buf, format="PNG")
            texts.append(ocr_image(buf.getvalue(), languages=languages))
            page.close()
        return "\f".join(texts)
    finally:
        doc.close()
