"""Writes the deliberately messy HR exports the import tests use. Run: python tests/data/hr/make_fixtures.py

Each file mimics a real export problem: BOM, GBK, stray and full-width whitespace, mixed date formats,
Excel serial dates, a title row above the header, duplicate rows, conflicting ids and a missing column.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent


def _csv(rows: list[list[object]], *, delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


EMPLOYEES = [
    [" Employee ID ", "Name", "Email", "Department", "Hire Date", "Manager ID", "Monthly Salary", "Gender", "Age"],
    ["E001", "  Alice Wang ", "alice@example.com", "Sales", "2024/3/5", "", "12,000", "F", "35"],
    ["E002", "Bob\u3000Li", "bob@EXAMPLE.com", "Marketing", "05-03-24", "E001", "８５００", "Male", "28"],
    ["E003", "Carol Chen", "carol@example", "Sales", "2024年3月5日", "E001", "9500", "女", "41"],
    ["E004", "Dan Zhao", "dan@example.com", " Sales ", "2024-03-05", "E001", "7000", "M", "30"],
    ["E004", "Dan Zhao", "dan@example.com", "Sales", "2024-03-05 00:00:00", "E001", "7,000", "m", " 30"],
    ["E005", "Eve Sun", "eve@example.com", "Sales", "45356", "E001", "6000", "F", "25"],
    ["E005", "Eve Sun", "eve@example.com", "Marketing", "2024-03-05", "E001", "6000", "F", "25"],
    ["E006", "Frank Wu", "frank@example.com", "Sales", "2024-13-45", "", "5000", "M", "33"],
    ["E007", "Grace Ma", "grace@example.com", "Sales", "03-25-24", "", "N/A", "F", "29"],
    [],
    ["", "Henry He", "henry@example.com", "Sales", "2024-01-02", "", "5000", "M", "40"],
    ["E009", "Ivy Xu", "", "Sales", "2023.12.01", "", "¥6,500", "F", "130"],
    ["E010", "Jack Lin", "", "Sales", "1 Mar 2024", "", "5,500", "unknown-sex", "31"],
]

EXITS_GBK = [
    ["工号", "离职日期", "离职类型", "离职原因", "详细原因", "是否惋惜"],
    ["1001", "2024年3月5日", "主动离职", "薪酬", "同行报价高30%", "是"],
    ["1002", "2024/3/6", "辞退", "违纪", "", "否"],
    ["1003", "2024-03-07", "Voluntarily Terminated", "Career growth", "", "Yes"],
    ["1004", "05-03-24", "Terminated for cause", "performance", "", "No"],
    ["1005", "2024-03-08", "Resignation", "想回老家", "", ""],
    ["1006", "2024-03-09", "调走", "说不清楚", "", ""],
    ["1001", "2024年3月5日", "主动离职", "薪酬", "同行报价高30%", "是"],
]

EXITS_MISSING_COLUMN = [
    ["工号", "离职类型", "离职原因"],
    ["1001", "主动离职", "薪酬"],
    ["1002", "辞退", "违纪"],
]


def _reviews_xlsx() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "绩效"
    ws.append(["2024年第一季度绩效考核汇总"])  # the title row many Chinese exports carry above the header
    ws.append(["员工工号", "考核周期", "绩效等级", "销售目标", "实际销售额", "达成率", "是否达标"])
    rows = [
        ["1001", "2024Q1", "优秀", "100,000", 120000, 1.2, "是"],
        [1002, "2024年第一季度", "良好", 100000, "95,000", 0.95, None],
        ["1003", "Q1 2024", 3, 80000, 80000, None, None],
        ["1004", "2024-Q1", 7, 50000, 20000, 0.4, "否"],
        ["1005", "2024 Q1", "待改进", 50000, 30000, 0.9, "否"],
    ]
    for row in rows:
        ws.append(row)
    for r in range(3, 3 + len(rows)):
        ws.cell(row=r, column=6).number_format = "0%"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _changes_xlsx() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "异动"
    ws.append(["工号", "异动类型", "生效日期", "原岗位", "新岗位"])
    ws.append(["1001", "晋升", datetime(2024, 3, 5), "销售代表", "销售主管"])
    ws.append(["1002", "调岗", 45357, "促销员", "电商运营"])  # a plain number: an Excel serial date (2024-03-06)
    ws.append(["1003", "Promotion", "2024/3/7", "Sales Rep", "Sales Lead"])
    ws.append(["1004", "升职加薪", 45358, "", ""])
    ws.cell(row=2, column=3).number_format = "yyyy-mm-dd"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def main() -> None:
    """Write every fixture next to this script."""
    (HERE / "employees_messy.csv").write_bytes(b"\xef\xbb\xbf" + _csv(EMPLOYEES).encode("utf-8"))
    (HERE / "exits_gbk.csv").write_bytes(_csv(EXITS_GBK).encode("gbk"))
    (HERE / "exits_missing_column.csv").write_bytes(_csv(EXITS_MISSING_COLUMN).encode("utf-8"))
    (HERE / "reviews_titled.xlsx").write_bytes(_reviews_xlsx())
    (HERE / "changes_serial_dates.xlsx").write_bytes(_changes_xlsx())


if __name__ == "__main__":
    main()
