"""Date ranges as resumes write them (2018.03-2021.06, 2018年3月至今, Mar 2018 – Present) and merged periods."""

from __future__ import annotations

import re
from datetime import date

from hireloop.screening.profile import DateRange, Span, YearMonth

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
               r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_MM = r"(?:1[0-2]|0?[1-9])"
_DATE = (
    rf"(?:(?P<{{p}}mn>{_MONTH_NAME})\.?\s*,?\s*(?P<{{p}}y1>{_YEAR})"
    rf"|(?P<{{p}}y2>{_YEAR})\s*(?:[./\-]|年)\s*(?P<{{p}}m2>{_MM})(?!\d)\s*月?"
    rf"|(?P<{{p}}m3>{_MM})\s*/\s*(?P<{{p}}y3>{_YEAR})"
    rf"|(?P<{{p}}y4>{_YEAR})(?!\d)\s*年?)"
)
_CURRENT = r"(?P<cur>至今|至今日|今|现在|目前|present|current|now|to date|today|ongoing)"
# "一" is how OCR reads a dash between two Chinese dates; it is only a separator between two dates.
_SEP = r"\s*(?:-|–|—|―|~|至|到|to|until|－|～|一)\s*"
RANGE_RE = re.compile(
    rf"(?<![\d.])(?:{_DATE.format(p='a')}){_SEP}(?:{_DATE.format(p='b')}|{_CURRENT})(?![\d])",
    re.IGNORECASE,
)


def _ym(m: re.Match[str], p: str) -> YearMonth | None:
    g = m.groupdict()
    if g.get(p + "mn"):
        return YearMonth(int(g[p + "y1"]), _MONTHS[g[p + "mn"].lower()[:3]])
    if g.get(p + "y2"):
        return YearMonth(int(g[p + "y2"]), int(g[p + "m2"]))
    if g.get(p + "y3"):
        return YearMonth(int(g[p + "y3"]), int(g[p + "m3"]))
    if g.get(p + "y4"):
        return YearMonth(int(g[p + "y4"]), 1)
    return None


def find_ranges(text: str, offset: int = 0) -> list[DateRange]:
    """Every date range in `text`; spans are shifted by `offset`."""
    out = []
    for m in RANGE_RE.finditer(text):
        start = _ym(m, "a")
        if start is None:
            continue
        current = bool(m.group("cur"))
        end = None if current else _ym(m, "b")
        if end is not None and end.index < start.index:
            continue  # not a period (e.g. two unrelated years); better missed than wrong
        out.append(DateRange(start, end, current, Span(offset + m.start(), offset + m.end())))
    return out


def months_between(rng: DateRange, as_of: date) -> tuple[int, int]:
    """[first, last] month indexes of a range, 'to date' ending at `as_of`; the last month counts in full."""
    end = rng.end or YearMonth(as_of.year, as_of.month)
    return rng.start.index, max(rng.start.index, end.index)


def merged_years(ranges: list[DateRange], as_of: date) -> float:
    """Years covered by the union of the ranges, overlaps counted once, rounded to 0.1."""
    intervals = sorted(months_between(r, as_of) for r in ranges)
    total, cur_a, cur_b = 0, None, None
    for a, b in intervals:
        if cur_b is None or a > cur_b + 1:
            if cur_b is not None:
                total += cur_b - cur_a + 1
            cur_a, cur_b = a, b
        else:
            cur_b = max(cur_b, b)
    if cur_b is not None:
        total += cur_b - cur_a + 1
    return round(total / 12.0, 1)
