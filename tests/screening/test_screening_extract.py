"""Bad and odd input files: each gets its own status and a message that says what to do; a batch never fails."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from hireloop.screening.extract import ExtractionLimits, extract_many, extract_text, iter_zip


DATA = Path(__file__).resolve().parents[1] / "data" / "resumes"


@pytest.fixture()
def encrypted_pdf(make_pdf) -> bytes:  # noqa: ANN001
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["Jane Doe", "jane@example.com"]))))
    w.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _zip_bomb_docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\0" * (30 * 1024 * 1024))  # 30 MB of zeros packs to ~30 KB
    return buf.getvalue()


def test_text_pdf_is_read(make_pdf) -> None:  # noqa: ANN001
    res = extract_text(make_pdf(["Jane Doe", "jane@example.com"]), "cv.pdf")
    assert res.status == "ok" and "jane@example.com" in res.text


def test_encrypted_pdf(encrypted_pdf: bytes) -> None:
    res = extract_text(encrypted_pdf, "locked.pdf")
    assert res.status == "encrypted"
    assert "password" in res.message


def test_corrupt_pdf(make_pdf) -> None:  # noqa: ANN001
    good = make_pdf(["Jane Doe"])
    res = extract_text(good[:200] + b"\x00garbage" * 50, "broken.pdf")
    assert res.status == "corrupt" and res.message


def test_pdf_without_text_or_images_is_empty(make_pdf) -> None:  # noqa: ANN001
    assert extract_text(make_pdf([]), "blank.pdf").status == "empty"


def test_zero_bytes_is_empty() -> None:
    assert extract_text(b"", "nothing.docx").status == "empty"


def test_zip_bomb_docx_is_refused_before_opening() -> None:
    res = extract_text(_zip_bomb_docx(), "bomb.docx")
    assert res.status == "too_large"
    assert "zip bomb" in res.message


def test_50_mb_file_is_too_large() -> None:
    res = extract_text(b"%PDF-1.4\n" + b"0" * (50 * 1024 * 1024), "huge.pdf")
    assert res.status == "too_large" and "20 MB" in res.message


def test_size_limit_is_a_parameter(make_pdf) -> None:  # noqa: ANN001
    data = make_pdf(["Jane Doe"])
    assert extract_text(data, "cv.pdf", limits=ExtractionLimits(max_bytes=100)).status == "too_large"


def test_unknown_format() -> None:
    res = extract_text(bytes(range(256)) * 10, "resume.xyz")
    assert res.status == "unsupported_format" and "PDF" in res.message


def test_legacy_doc_is_unsupported_with_advice() -> None:
    res = extract_text(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old.doc")
    assert res.status == "unsupported_format" and "DOCX" in res.message


def test_file_named_pdf_that_is_not_one_is_corrupt() -> None:
    assert extract_text(b"hello, I am text", "cv.pdf").status == "corrupt"


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_chinese_text_encodings(encoding: str) -> None:
    text = "姓名：李娜\n工作经历\n2019.07 - 至今  农夫山泉股份有限公司  销售代表\n"
    res = extract_text(text.encode(encoding), "简历.txt")
    assert res.status == "ok"
    assert "农夫山泉股份有限公司" in res.text and "李娜" in res.text
    assert not res.text.startswith("\ufeff")


def test_gbk_file_from_the_labelled_set() -> None:
    path = next(DATA.glob("*_txt_gbk.txt"))
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    res = extract_text(raw, path.name)
    assert res.status == "ok" and res.method == "gb18030" and "工作" in res.text


def test_html_drops_scripts_and_keeps_blocks() -> None:
    html = b"<html><head><script>var x='SECRET';</script></head><body><h2>Skills</h2><p>Excel</p><ul><li>KA</li></ul>"
    res = extract_text(html, "cv.html")
    assert res.status == "ok" and "SECRET" not in res.text
    assert res.text.split("\n")[:3] == ["Skills", "Excel", "KA"]


def test_missing_ocr_language_is_reported_not_skipped() -> None:
    png = (DATA / "resume_034_en_png.png").read_bytes()
    res = extract_text(png, "scan.png", ocr_languages="xxx_missing")
    assert res.status == "ocr_unavailable"
    assert "install" in res.message


def test_ocr_switched_off_says_so() -> None:
    res = extract_text((DATA / "resume_035_zh_scanpdf.pdf").read_bytes(), "scan.pdf", ocr=False)
    assert res.status == "ocr_unavailable" and "OCR" in res.message


def test_one_bad_file_never_fails_the_batch(make_pdf, encrypted_pdf: bytes) -> None:  # noqa: ANN001
    files = [("a.pdf", make_pdf(["Jane Doe"])), ("b.pdf", encrypted_pdf), ("c.docx", _zip_bomb_docx()),
             ("d.xyz", b"\x00\x01\x02"), ("e.txt", "王芳".encode("gbk")), ("f.pdf", b"%PDF-1.7 broken")]
    seen = []
    out = extract_many(files, hook=lambda stage, completed, total: seen.append((completed, total)))
    assert [r.status for r in out] == ["ok", "encrypted", "too_large", "unsupported_format", "ok", "corrupt"]
    assert seen[-1] == (6, 6)
    assert all(r.message for r in out if r.status != "ok")


def test_zip_upload_members_are_listed() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("cvs/a.txt", "Jane")
        zf.writestr("__MACOSX/._a.txt", "junk")
        zf.writestr("cvs/.DS_Store", "junk")
    assert [name for name, _, _ in iter_zip(buf.getvalue())] == ["cvs/a.txt"]


def test_zip_upload_parses_each_member_with_its_own_status(make_pdf) -> None:  # noqa: ANN001
    from hireloop.screening.intake import parse_zip

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.pdf", make_pdf(["Jane Doe", "jane@example.com"]))
        zf.writestr("big.pdf", b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024))
        zf.writestr("c.txt", "王芳\n电话：13912345678".encode("gbk"))
    out = parse_zip(buf.getvalue(), limits=ExtractionLimits(max_bytes=2 * 1024 * 1024))
    assert [(r.filename, r.status) for r in out] == [("a.pdf", "ok"), ("big.pdf", "too_large"), ("c.txt", "ok")]
    assert out[2].profile.phones[0].value == "+8613912345678"


def test_scanned_image_is_read_by_ocr() -> None:
    import shutil

    from PIL import Image, ImageDraw, ImageFont

    if shutil.which("tesseract") is None:
        pytest.skip("tesseract-ocr is not installed (requirements/screening.apt installs it)")
    font_path = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
    font = ImageFont.truetype(font_path, 30) if Path(font_path).exists() else ImageFont.load_default()
    img = Image.new("L", (900, 160), 255)
    d = ImageDraw.Draw(img)
    d.text((30, 30), "Email: jane.doe@example.com", font=font, fill=0)
    d.text((30, 90), "Phone: 138-1234-5678", font=font, fill=0)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    res = extract_text(buf.getvalue(), "scan.png", ocr_languages="eng")
    assert res.status == "ok" and res.method == "tesseract"
    assert "jane.doe@example.com" in res.text


def _pdf_with(draw) -> bytes:  # noqa: ANN001
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    draw(c, A4)
    c.save()
    return buf.getvalue()


def test_right_aligned_dates_stay_on_their_line() -> None:
    jobs = [("Sales Representative, Nestle China", "2018.03 - 2021.06"), ("Merchandiser, Mars China", "2015.07 - 2018.02"),
            ("Promoter, Yili Group", "2013.01 - 2015.06"), ("Intern, Wahaha", "2012.06 - 2012.12")]

    def draw(c, page) -> None:  # noqa: ANN001
        y = page[1] - 80
        for left, right in jobs:
            c.drawString(56, y, left)
            c.drawRightString(page[0] - 56, y, right)
            c.drawString(70, y - 14, "- Grew weighted distribution in modern trade accounts across the region.")
            y -= 40

    res = extract_text(_pdf_with(draw), "cv.pdf")
    lines = res.text.split("\n")
    for left, right in jobs:
        assert any(left in ln and right in ln for ln in lines), (left, res.text)


def test_two_columns_are_read_one_after_the_other() -> None:
    side = ["Contact", "Phone 13812345678", "Skills", "Excel", "Negotiation", "Languages", "English"]
    main = ["Experience", "Key Account Manager, Unilever", "2019.03 - 2024.06", "- Owned Walmart and Carrefour",
            "Education", "Fudan University, Bachelor, Marketing"]

    def draw(c, page) -> None:  # noqa: ANN001
        for i, t in enumerate(side):
            c.drawString(30, page[1] - 70 - i * 15, t)
        for i, t in enumerate(main):
            c.drawString(220, page[1] - 72 - i * 16.5, t)

    text = extract_text(_pdf_with(draw), "cv.pdf").text
    assert "\n".join(main) in text and "\n".join(side) in text
