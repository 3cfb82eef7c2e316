"""Make the labelled resume set: `python tests/data/resumes/generate.py [--out DIR] [--n N --formats pdf,docx]`.

Without options it rewrites the committed set (36 resumes + labels.jsonl) in this folder, deterministically.
Needs reportlab, python-docx, Pillow and a CJK font (fonts-wqy-zenhei; reportlab's STSong-Light otherwise).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from layouts import resume_lines, two_column  # noqa: E402
from people import labels, make_person  # noqa: E402
from writers import docx_file, html_file, pdf_single, pdf_two_column, scan_png, scanned_pdf  # noqa: E402

# (format, language) for the committed set: every format the intake accepts, both languages.
PLAN = (
    [("pdf", "zh")] * 5 + [("pdf", "en")] * 4 + [("pdf2col", "zh")] * 3 + [("pdf2col", "en")] * 3
    + [("docx", "zh")] * 3 + [("docx", "en")] * 3 + [("docx_table", "zh"), ("docx_table", "en")]
    + [("txt_gbk", "zh")] * 3 + [("md_bom", "zh"), ("md_bom", "en")] + [("html", "zh")] * 2 + [("html", "en")] * 2
    + [("png", "zh")] * 2 + [("png", "en"), ("scanpdf", "zh")]
)
EXT = {"pdf": "pdf", "pdf2col": "pdf", "docx": "docx", "docx_table": "docx", "txt_gbk": "txt", "md_bom": "md",
       "html": "html", "png": "png", "scanpdf": "pdf"}


def render(fmt: str, rng: random.Random, person, style: int, seed: int) -> bytes:  # noqa: ANN001
    """One resume file's bytes."""
    if fmt == "pdf2col":
        side, main = two_column(rng, person, style)
        return pdf_two_column(side, main)
    lines = resume_lines(rng, person, style)
    if fmt == "pdf":
        return pdf_single(lines)
    if fmt in {"docx", "docx_table"}:
        return docx_file(lines, table_header=fmt == "docx_table")
    if fmt == "txt_gbk":
        return "\r\n".join(lines).replace("•", "·").encode("gbk")
    if fmt == "md_bom":
        md = [("## " + ln if ln and len(ln) < 24 and (ln.isupper() or ln in {"工作经历", "教育背景", "专业技能", "语言能力",
                                                                           "证书", "自我评价", "Experience", "Education"})
               else ln) for ln in lines]
        return "\n".join(md).encode("utf-8-sig")
    if fmt == "html":
        return html_file(lines, person.name)
    if fmt == "png":
        return scan_png(lines[:40], seed)
    if fmt == "scanpdf":
        return scanned_pdf(scan_png(lines[:40], seed))
    raise ValueError(fmt)


def generate(out: Path, plan: list[tuple[str, str]], seed: int, prefix: str = "resume") -> list[dict]:
    """Write the files of `plan` under `out` and return their labels (also written to out/labels.jsonl)."""
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for i, (fmt, lang) in enumerate(plan):
        rng = random.Random(seed * 100003 + i)
        person = make_person(rng, lang)
        style = rng.randrange(6)
        name = f"{prefix}_{i:03d}_{lang}_{fmt}.{EXT[fmt]}"
        (out / name).write_bytes(render(fmt, rng, person, style, seed + i))
        rows.append(labels(person, name, fmt) | {"style": style % 3})
    with (out / "labels.jsonl").open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return rows


def main() -> None:
    """Command line entry."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--n", type=int, default=0, help="make N resumes cycling through --formats instead of the set")
    ap.add_argument("--formats", default="pdf,pdf2col,docx", help="formats for --n")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    if a.n:
        fmts = a.formats.split(",")
        plan = [(fmts[i % len(fmts)], "zh" if i % 3 else "en") for i in range(a.n)]
    else:
        plan = PLAN
    rows = generate(a.out, plan, a.seed)
    print(json.dumps({"written": len(rows), "out": str(a.out)}))


if __name__ == "__main__":
    main()
