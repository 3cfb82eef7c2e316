"""Write resume lines as real files: PDF (one and two columns, reportlab), DOCX, GBK text, Markdown, HTML, scans."""

from __future__ import annotations

import html
import io
import random
from pathlib import Path

FONT_FILES = ["/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"]
_FONT: str | None = None


def cjk_font() -> str:
    """Register a CJK font with reportlab: an installed TTC (embedded, so text extracts) or the built-in CID font."""
    global _FONT
    if _FONT:
        return _FONT
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    for path in FONT_FILES:
        if Path(path).exists():
            pdfmetrics.registerFont(TTFont("CJK", path, subfontIndex=0))
            _FONT = "CJK"
            return _FONT
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    _FONT = "STSong-Light"
    return _FONT


def _wrap(line: str, font: str, size: float, width: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(line, font, size) <= width:
        return [line]
    out, cur = [], ""
    for ch in line:
        if stringWidth(cur + ch, font, size) > width:
            cut = max(cur.rfind(" "), cur.rfind("，"), cur.rfind(","))
            if cut > len(cur) * 0.6:
                out.append(cur[:cut + 1].rstrip())
                cur = cur[cut + 1:].lstrip()
            else:
                out.append(cur)
                cur = ""
        cur += ch
    return out + ([cur] if cur else [])


def _draw(c, lines: list[str], x: float, y: float, width: float, size: float, top: float) -> float:  # noqa: ANN001

    font = cjk_font()
    for raw in lines:
        heading = raw.strip() and len(raw) < 24 and raw.strip() == raw and not any(ch.isdigit() for ch in raw) \
            and (raw.isupper() or raw.startswith("【") or raw in {"工作经历", "教育背景", "专业技能", "语言能力", "证书", "自我评价"}
                 or raw.istitle())
        for ln in _wrap(raw, font, size + (1.5 if heading else 0), width) or [""]:
            if y < 50:
                c.showPage()
                y = top
            c.setFont(font, size + (1.5 if heading else 0))
            c.drawString(x, y, ln)
            y -= size * 1.55
    return y


def pdf_single(lines: list[str]) -> bytes:
    """A one-column A4 PDF with an embedded CJK font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    _draw(c, lines, 56, A4[1] - 60, A4[0] - 112, 10, A4[1] - 60)
    c.save()
    return buf.getvalue()


def pdf_two_column(side: list[str], main: list[str]) -> bytes:
    """A two-column PDF: a narrow sidebar on the left, the main column on the right, like many templates."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFillGray(0.93)
    c.rect(0, 0, 190, A4[1], stroke=0, fill=1)
    c.setFillGray(0)
    side = [p.strip() for ln in side for p in ln.split(" | ")]
    _draw(c, side, 24, A4[1] - 60, 150, 9, A4[1] - 60)
    _draw(c, main, 214, A4[1] - 60, A4[0] - 214 - 40, 9.5, A4[1] - 60)
    c.save()
    return buf.getvalue()


def docx_file(lines: list[str], *, table_header: bool = False) -> bytes:
    """A DOCX: headings as Word headings, contact block optionally as a table (a common template)."""
    import docx

    d = docx.Document()
    body = lines
    if table_header:
        split = lines.index("") if "" in lines else 3
        head, body = lines[:split], lines[split:]
        cells = [p.strip() for ln in head for p in ln.replace(" · ", " | ").split(" | ") if p.strip()]
        table = d.add_table(rows=(len(cells) + 1) // 2, cols=2)
        for i, cell in enumerate(cells):
            table.cell(i // 2, i % 2).text = cell
    for ln in body:
        if ln and len(ln) < 24 and (ln.isupper() or ln.startswith("【") or ln in {"工作经历", "教育背景", "专业技能", "语言能力",
                                                                                "证书", "自我评价", "Experience", "Education"}):
            d.add_heading(ln, level=2)
        elif ln.startswith(("- ", "• ")):
            d.add_paragraph(ln[2:], style="List Bullet")
        else:
            d.add_paragraph(ln)
    buf = io.BytesIO()
    d.core_properties.created = __import__("datetime").datetime(2026, 1, 1)
    d.save(buf)
    return buf.getvalue()


def html_file(lines: list[str], title: str) -> bytes:
    """An HTML resume (as exported by job boards): h2 headings, list items, a script that must be ignored."""
    parts = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>",
             "<style>body{font-family:sans-serif}</style><script>var tracking = 'ignore me';</script></head><body>"]
    in_list = False
    for ln in lines:
        bullet = ln.startswith(("- ", "• "))
        if in_list and not bullet:
            parts.append("</ul>")
            in_list = False
        if bullet:
            if not in_list:
                parts.append("<ul>")
                in_list = True
            parts.append(f"<li>{html.escape(ln[2:])}</li>")
        elif ln and len(ln) < 24 and (ln.isupper() or ln.startswith("【") or ln in {"工作经历", "教育背景", "专业技能", "语言能力", "证书", "自我评价"}):
            parts.append(f"<h2>{html.escape(ln)}</h2>")
        elif ln:
            parts.append(f"<p>{html.escape(ln)}</p>")
    parts.append("</ul></body></html>" if in_list else "</body></html>")
    return "\n".join(parts).encode("utf-8")


def scan_png(lines: list[str], seed: int) -> bytes:
    """A 'scanned' page: the text drawn in a CJK font, slightly blurred and speckled, as a PNG."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = random.Random(seed)
    font_path = next((p for p in FONT_FILES if Path(p).exists()), None)
    font = ImageFont.truetype(font_path, 26) if font_path else ImageFont.load_default()
    wrapped = []
    for ln in lines:  # wrap as a word processor would: at spaces for English, anywhere for Chinese
        limit = 48 if any("\u4e00" <= ch <= "\u9fff" for ch in ln) else 88
        while len(ln) > limit:
            cut = ln.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            wrapped.append(ln[:cut].rstrip())
            ln = ln[cut:].lstrip()
        wrapped.append(ln)
    img = Image.new("L", (1500, 80 + 42 * len(wrapped)), 250)
    d = ImageDraw.Draw(img)
    for i, ln in enumerate(wrapped):
        d.text((70, 50 + i * 42), ln, font=font, fill=20)
    for _ in range(400):  # dust
        x, y = rng.randrange(img.width), rng.randrange(img.height)
        d.point((x, y), fill=rng.randint(120, 200))
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def scanned_pdf(png: bytes) -> bytes:
    """A PDF with only an image of the page (no text layer), as a scanner makes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    img = ImageReader(io.BytesIO(png))
    w, h = img.getSize()
    scale = min((A4[0] - 40) / w, (A4[1] - 40) / h)
    c.drawImage(img, 20, A4[1] - 20 - h * scale, w * scale, h * scale)
    c.save()
    return buf.getvalue()
