"""Normalised categories: booleans, sex, exit type and reason, employment-change kind, review periods.

Matching is on a folded key (NFKC, case-folded, spaces/underscores/hyphens removed), so "Voluntarily
Terminated", "voluntarily_terminated" and "ＶＯＬＵＮＴＡＲＩＬＹ terminated" are the same value.
"""

from __future__ import annotations

import re
import unicodedata

from hireloop.integrations.importing.coerce import Cell, CellProblem, clean_text


def fold(text: str) -> str:
    """The key categories are matched on."""
    return re.sub(r"[\s_\-/.·]+", "", unicodedata.normalize("NFKC", text).casefold())


def _table(groups: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {fold(alias): canonical for canonical, aliases in groups.items() for alias in aliases}


BOOLEANS = _table(
    {
        "true": ("yes", "y", "true", "t", "1", "是", "有", "对", "√", "✓", "达标", "已达标"),
        "false": ("no", "n", "false", "f", "0", "否", "无", "没有", "不", "×", "✗", "未达标", "不达标"),
    }
)
SEXES = _table(
    {
        "female": ("female", "f", "woman", "女", "女性", "女士"),
        "male": ("male", "m", "man", "男", "男性", "先生"),
        "other": ("other", "diverse", "non-binary", "nonbinary", "其他"),
    }
)
EXIT_TYPES = _table(
    {
        "voluntary": (
            "voluntary", "voluntarily terminated", "voluntary termination", "voluntary resignation",
            "resignation", "resigned", "resign", "quit", "left voluntarily", "主动离职", "主动", "辞职",
            "自愿离职", "个人辞职", "员工辞职", "retirement", "retired", "退休",
        ),
        "involuntary": (
            "involuntary", "involuntarily terminated", "involuntary termination", "terminated for cause",
            "terminated", "termination", "dismissed", "dismissal", "fired", "laid off", "layoff", "redundancy",
            "被动离职", "被动", "辞退", "开除", "解雇", "裁员", "劝退", "公司辞退",
        ),
        "unknown": ("unknown", "未知", "不详"),
    }
)
EXIT_REASONS = _table(
    {
        "compensation": ("compensation", "pay", "salary", "better pay", "薪酬", "薪资", "工资低", "待遇"),
        "career_growth": (
            "career", "career growth", "career development", "better opportunity", "promotion",
            "职业发展", "发展空间", "晋升", "更好的机会",
        ),
        "manager": ("manager", "management", "supervisor", "relationship with manager", "上级", "领导", "管理"),
        "workload": ("workload", "work life balance", "overtime", "stress", "工作量", "加班", "压力", "工作强度"),
        "relocation": ("relocation", "moved", "commute", "location", "搬家", "异地", "通勤", "地点", "回老家", "老家"),
        "personal": ("personal", "family", "personal reasons", "个人原因", "家庭原因", "家庭", "个人"),
        "health": ("health", "illness", "medical", "健康", "身体原因", "疾病"),
        "study": ("study", "education", "further study", "深造", "读书", "学习", "升学"),
        "performance": ("performance", "poor performance", "绩效", "绩效不达标", "业绩不达标", "能力不足"),
        "misconduct": ("misconduct", "conduct", "violation", "违纪", "违规", "严重违纪"),
        "restructuring": (
            "restructuring", "redundancy", "layoff", "downsizing", "reorganisation", "组织调整", "裁员", "架构调整",
        ),
        "contract_end": ("contract end", "end of contract", "contract expired", "合同到期", "合同期满", "不续签"),
        "retirement": ("retirement", "retired", "退休"),
        "probation": ("probation", "failed probation", "试用期", "试用期不合格", "试用期未通过"),
        "other": ("other", "others", "其他", "其它"),
    }
)
CHANGE_KINDS = _table(
    {
        "promotion": ("promotion", "promoted", "promote", "晋升", "升职", "提拔", "升级"),
        "transfer": ("transfer", "transferred", "lateral move", "lateral", "job change", "调岗", "调动", "转岗", "平调", "调职"),
        "demotion": ("demotion", "demoted", "降职", "降级", "降岗"),
        "pay_change": ("pay change", "salary adjustment", "raise", "调薪", "加薪", "薪资调整"),
    }
)

_CN_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _lookup(value: Cell, table: dict[str, str], what: str, accepted: str) -> str | None:
    text = clean_text(value)
    if text is None:
        return None
    found = table.get(fold(text))
    if found is None:
        raise CellProblem(f"unknown {what}: {text}", f"use one of: {accepted}")
    return found


def parse_bool(value: Cell) -> bool | None:
    """Yes/No, 是/否, true/false, 1/0, 达标/未达标 -> bool."""
    if isinstance(value, bool):
        return value
    found = _lookup(value, BOOLEANS, "yes/no value", "Yes, No, 是, 否, true, false, 1, 0")
    return None if found is None else found == "true"


def parse_sex(value: Cell) -> str | None:
    """male / female / other."""
    return _lookup(value, SEXES, "sex", "male, female, other, 男, 女")


def parse_exit_type(value: Cell) -> str | None:
    """voluntary / involuntary / unknown ("Resignation", "主动离职" -> voluntary; "辞退" -> involuntary)."""
    return _lookup(
        value, EXIT_TYPES, "exit type",
        "voluntary (Resignation, 主动离职) or involuntary (Terminated for cause, 辞退), or unknown",
    )


def parse_exit_reason(value: Cell) -> str | None:
    """A reason category; free text that names none of them is a problem the report shows (as a warning)."""
    text = clean_text(value)
    if text is None:
        return None
    key = fold(text)
    if key in EXIT_REASONS:
        return EXIT_REASONS[key]
    # Longest alias contained in the text wins, so "因家庭原因搬家" names one category deterministically.
    hits = sorted(((len(a), a) for a in EXIT_REASONS if len(a) >= 2 and a in key), reverse=True)
    if hits:
        return EXIT_REASONS[hits[0][1]]
    raise CellProblem(
        f"unknown exit reason: {text}",
        "use one of: " + ", ".join(sorted(set(EXIT_REASONS.values()))) + " (kept as other)",
    )


def parse_change_kind(value: Cell) -> str | None:
    """promotion / transfer / demotion / pay_change."""
    return _lookup(value, CHANGE_KINDS, "change kind", "promotion (晋升), transfer (调岗), demotion (降职), pay_change (调薪)")


def parse_period(value: Cell) -> str | None:
    """A review period in canonical form: 2024-Q1, 2024-H1, 2024-03 or 2024."""
    from datetime import date, datetime

    if isinstance(value, datetime | date):
        return f"{value.year:04d}-{value.month:02d}"
    text = clean_text(value)
    if text is None:
        return None
    t = unicodedata.normalize("NFKC", text).upper().replace(" ", "")
    t = re.sub(r"^FY", "", t)
    patterns: list[tuple[str, str]] = [
        (r"(\d{4})[-/]?Q([1-4])", "q"), (r"Q([1-4])[-/]?(\d{4})", "q_rev"),
        (r"(\d{4})年?第?([一二三四1-4])季度?", "q"), (r"(\d{4})[-/]?H([12])", "h"),
        (r"(\d{4})年?([上下])半年度?", "h_cn"), (r"(\d{4})[-/.年](\d{1,2})月?", "m"), (r"(\d{4})年?(度)?", "y"),
    ]
    for pattern, kind in patterns:
        m = re.fullmatch(pattern, t)
        if not m:
            continue
        if kind == "q":
            return f"{m[1]}-Q{_CN_QUARTERS[m[2]]}"
        if kind == "q_rev":
            return f"{m[2]}-Q{m[1]}"
        if kind == "h":
            return f"{m[1]}-H{m[2]}"
        if kind == "h_cn":
            return f"{m[1]}-H{1 if m[2] == '上' else 2}"
        if kind == "m" and 1 <= int(m[2]) <= 12:
            return f"{m[1]}-{int(m[2]):02d}"
        if kind == "y":
            return m[1]
    raise CellProblem(f"unknown period: {text}", "write the period as 2024-Q1, 2024-H1, 2024-03 or 2024")
