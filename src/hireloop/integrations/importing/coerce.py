"""Type coercion for cells of messy HR exports: text, ids, numbers, percentages, dates, booleans.

Every parser takes a raw cell (str, int, float, datetime, date or None) and returns a clean value, or raises
CellProblem carrying the problem and the suggested fix that end up in the validation report.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

Cell = str | int | float | datetime | date | None

# Values HR systems write for "no value"; a cell holding one of them counts as empty.
MISSING_MARKERS = frozenset(
    {"", "-", "--", "—", "——", "n/a", "na", "#n/a", "null", "none", "nil", "nan", "(空)", "空", "无数据"}
)

# Excel's day zero (1899-12-30 absorbs the Lotus 1900 leap-year bug for every serial after 60).
EXCEL_EPOCH = date(1899, 12, 30)
# Serial numbers we accept as dates: 1950-01-01 .. 2100-12-31; smaller integers are more likely ids or typos.
EXCEL_SERIAL_MIN, EXCEL_SERIAL_MAX = 18264, 73415

_WS = re.compile(r"\s+")
_PLAIN_NUMBER = re.compile(r"-?\d{1,15}(\.\d{1,15})?")
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ]
    )
    for m in names
}
_DATE_FIX = "write the date as YYYY-MM-DD, for example 2024-03-05"


class CellProblem(ValueError):
    """A cell that cannot be coerced: what is wrong and how to fix it."""

    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.fix = fix


def clean_text(value: Cell) -> str | None:
    """Trim whitespace (full-width spaces and NBSP included), collapse inner runs; None for empty cells."""
    if value is None:
        return None
    if type(value) is str and value.isascii() and value.isalnum():
        return None if value.casefold() in MISSING_MARKERS else value  # fast path: most cells are plain
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel hands every number over as float; "1001.0" is never what the user typed
    text = str(value).replace("\ufeff", "").replace("\u200b", "")
    text = _WS.sub(" ", text.replace("\u3000", " ").replace("\xa0", " ")).strip()
    if text.casefold() in MISSING_MARKERS:
        return None
    return text


def _narrow(text: str) -> str:
    """Full-width digits, letters and punctuation to ASCII (NFKC), e.g. '１２，３４５' -> '12,345'."""
    return unicodedata.normalize("NFKC", text)


def parse_id(value: Cell) -> str | None:
    """An identifier from another system: trimmed text; Excel's 1001.0 (number or text) becomes '1001'."""
    text = clean_text(value)
    if text is None:
        return None
    text = _narrow(text)
    # Spreadsheets and pandas write integer ids as "1001.0"; the same person must get the same id in every file.
    return text.split(".", 1)[0] if re.fullmatch(r"\d+\.0+", text) else text


def parse_number(value: Cell) -> float | None:
    """A number: thousands separators, currency signs, full-width digits, 万 (10^4) and a trailing % are handled."""
    if isinstance(value, bool):
        raise CellProblem("not a number", "write a number, for example 12345.50")
    if isinstance(value, int | float):
        return float(value)
    if type(value) is str and _PLAIN_NUMBER.fullmatch(value):
        return float(value)  # fast path for the common "5993" / "-3.5"
    text = clean_text(value)
    if text is None:
        return None
    raw = _narrow(text).replace(" ", "")
    scale = 1.0
    for unit, factor in (("万", 1e4), ("千", 1e3), ("k", 1e3), ("K", 1e3)):
        if raw.endswith(unit):
            raw, scale = raw[: -len(unit)], factor
            break
    raw = raw.removesuffix("%")
    raw = re.sub(r"^[¥$€£]|^(?:RMB|CNY|USD|EUR)|元$", "", raw, flags=re.IGNORECASE)
    negative = raw.startswith("(") and raw.endswith(")")  # accounting style (1,234)
    raw = raw.strip("()")
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", raw):
        raw = raw.replace(",", "")
    try:
        number = float(Decimal(raw)) * scale
    except (InvalidOperation, ValueError):
        raise CellProblem("not a number", "write a number, for example 12345.50") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise CellProblem("not a number", "write a number, for example 12345.50")
    return -number if negative else number


def parse_percent(value: Cell, *, fraction: bool = False) -> float | None:
    """A percentage in points: '95%', '95', '９５％' -> 95.0; with fraction=True a bare 0.95 also means 95."""
    if isinstance(value, str) and "%" in _narrow(value):
        return parse_number(value)
    number = parse_number(value)
    if number is None:
        return None
    return number * 100.0 if fraction else number


def parse_integer(value: Cell) -> int | None:
    """A whole number (age, counts)."""
    number = parse_number(value)
    if number is None:
        return None
    if not float(number).is_integer():
        raise CellProblem("not a whole number", "write a whole number, for example 35")
    return int(number)


def _year(two_or_four: str) -> int:
    """Two-digit years follow the POSIX rule: 00-68 are 2000-2068, 69-99 are 1969-1999."""
    y = int(two_or_four)
    if len(two_or_four) <= 2:
        return 2000 + y if y <= 68 else 1900 + y
    return y


def _make_date(y: int, m: int, d: int, text: str) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise CellProblem(f"no such date: {text}", _DATE_FIX) from None


def excel_serial_to_date(serial: float) -> date:
    """An Excel serial day number (1900 date system) to a date."""
    if not EXCEL_SERIAL_MIN <= serial <= EXCEL_SERIAL_MAX:
        raise CellProblem("number is not a plausible Excel date", _DATE_FIX)
    return EXCEL_EPOCH + timedelta(days=int(serial))


def parse_date(value: Cell, *, day_first: bool = True) -> date | None:
    """A calendar date from the many ways HR exports write one; see docs/import.md for the rules."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise CellProblem("not a date", _DATE_FIX)
    if isinstance(value, int | float):
        return excel_serial_to_date(value)
    text = clean_text(value)
    if text is None:
        return None
    t = _narrow(text).strip()
    # A time part ("2024-03-05 00:00:00", "2024-03-05T08:00") carries nothing for HR dates.
    t = re.sub(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$", "", t).strip()
    if m := re.fullmatch(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?", t):
        return _make_date(int(m[1]), int(m[2]), int(m[3]), text)
    if m := re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", t):
        return _make_date(int(m[1]), int(m[2]), int(m[3]), text)
    if m := re.fullmatch(r"(\d{4})(\d{2})(\d{2})", t):
        return _make_date(int(m[1]), int(m[2]), int(m[3]), text)
    if m := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})", t):
        a, b, y = int(m[1]), int(m[2]), _year(m[3])
        day, month = (a, b) if day_first else (b, a)
        if month > 12 and day <= 12:
            order = "day first" if day_first else "month first"
            other = "false" if day_first else "true"
            raise CellProblem(
                f"not a valid date when read {order}: {text}",
                f"write the date as YYYY-MM-DD, or set day_first to {other} if this file writes dates "
                f"{'month' if day_first else 'day'} first",
            )
        return _make_date(y, month, day, text)
    if m := re.fullmatch(r"(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -,]*(\d{2}|\d{4})", t):
        month = _MONTHS.get(m[2].lower())
        if month:
            return _make_date(_year(m[3]), month, int(m[1]), text)
    if m := re.fullmatch(r"([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})", t):
        month = _MONTHS.get(m[1].lower())
        if month:
            return _make_date(int(m[3]), month, int(m[2]), text)
    if re.fullmatch(r"\d{5}(\.\d+)?", t):
        return excel_serial_to_date(float(t))
    raise CellProblem(f"not a date: {text}", _DATE_FIX)


def parse_email(value: Cell) -> str | None:
    """An e-mail address, lower-cased domain; a missing @ or domain is a problem."""
    text = clean_text(value)
    if text is None:
        return None
    t = _narrow(text).replace(" ", "")
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s.]{2,}", t):
        raise CellProblem("not an e-mail address", "write an address such as name@example.com")
    local, domain = t.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def parse_phone(value: Cell) -> str | None:
    """A phone number: digits with an optional leading +; spaces, dashes and brackets are dropped."""
    text = clean_text(value)
    if text is None:
        return None
    t = _narrow(text)
    digits = re.sub(r"[\s\-().]", "", t)
    if not re.fullmatch(r"\+?\d{5,20}", digits):
        raise CellProblem("not a phone number", "write digits only, for example 13800138000 or +8613800138000")
    return digits
