"""Shared fixtures: the labelled resume set and small real files made on the fly."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "resumes"
AS_OF = date(2026, 11, 1)


@pytest.fixture(scope="session")
def labels() -> list[dict]:
    """Rows of tests/data/resumes/labels.jsonl."""
    return [json.loads(ln) for ln in (DATA / "labels.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]


def _make_pdf(lines: list[str]) -> bytes:
    """A one-page text PDF (reportlab, built-in CID font so no font file is needed)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 11)
    y = A4[1] - 60
    for ln in lines:
        c.drawString(56, y, ln)
        y -= 16
    c.save()
    return buf.getvalue()


ZH_RESUME = """张伟
电话：+86 138-1234-5678 | 邮箱：zhang.wei@example.com | 现居：上海

教育背景
2010.09 - 2014.06  华东师范大学  市场营销  本科

工作经历
2018.03 - 至今  宝洁（中国）有限公司  区域销售经理
- 负责华东区域KA渠道拓展与门店陈列，完成年度指标120%
2014.07 - 2018.06  上海联华超市有限公司  采购专员
- 负责品类管理与供应商谈判

技能
Excel、PPT、直播带货
语言能力
英语：流利（CET-6）
自我评价
性格开朗，抗压能力强。
"""

EN_RESUME = """JOHN SMITH
Beijing, China · john.smith@mail.com · +86 139 8765 4321

EXPERIENCE
Key Account Manager, Unilever China
Mar 2022 – Present
• Managed key accounts with Walmart and Carrefour.

Software Engineer, Shenzhen Lanhai Technology Co., Ltd.
Jul 2015 – Feb 2022
• Built internal tools in Python and SQL.

EDUCATION
Bachelor of Science in Computer Science, Wuhan University, 2011 - 2015

LANGUAGES
English (fluent), Mandarin (native)
"""


@pytest.fixture(scope="session")
def make_pdf():  # noqa: ANN201
    """Factory: lines -> PDF bytes."""
    return _make_pdf


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """tests/data/resumes."""
    return DATA


@pytest.fixture(scope="session")
def zh_resume() -> str:
    """A small Chinese resume text."""
    return ZH_RESUME


@pytest.fixture(scope="session")
def en_resume() -> str:
    """A small English resume text."""
    return EN_RESUME
