"""Reading CSV and XLSX exports into a table of raw cells with the row numbers the user sees."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime

from charset_normalizer import from_bytes

from hireloop.integrations.importing.coerce import Cell, clean_text

DELIMITERS = (",", "\t", ";", "|")
# An xlsx is a zip of XML; refusing absurd unpacked sizes keeps a 1 MB "zip bomb" from filling memory.
MAX_XLSX_UNPACKED = 200 * 1024 * 1024


class UnreadableFile(ValueError):
    """The file cannot be read as a table: the problem and what to do about it."""

    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.fix = fix


@dataclass(frozen=True)
class Table:
    """Header cells and data rows; each row carries its 1-based row number as a spreadsheet shows it."""

    header: tuple[str, ...]
    header_row: int
    rows: tuple[tuple[int, tuple[Cell, ...]], ...]
    encoding: str | None
    delimiter: str | None
    sheet: str | None


def detect_encoding(data: bytes) -> str:
    """BOM first, then strict UTF-8, then charset-normalizer with a preference for GB18030 among equals."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    results = list(from_bytes(data))
    if not results:
        return "gb18030"
    best = results[0]
    # Short Chinese files decode equally well as GBK and as Korean cp949; a Chinese-first product picks GB18030
    # (a superset of GBK and GB2312) whenever the detector rates it as clean as its first choice.
    for result in results:
        if result.encoding in ("gb18030", "gbk", "gb2312") and result.chaos <= best.chaos + 0.01:
            return "gb18030"
    return best.encoding


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most consistent number of columns (>1)."""
    sample = "\n".join(text.splitlines()[:30])
    best, best_score = ",", (-1, -1)
    for delim in DELIMITERS:
        rows = [r for r in csv.reader(io.StringIO(sample), delimiter=delim) if r]
        if not rows:
            continue
        width = len(rows[0])
        if width < 2:
            continue
        consistent = sum(1 for r in rows if len(r) == width)
        score = (consistent, width)
        if score > best_score:
            best, best_score = delim, score
    return best


def _pick_header(rows: list[tuple[int, tuple[Cell, ...]]], wanted: set[str]) -> int:
    """Index of the header row: among the first 20 rows, the one naming most mapped columns (title rows skipped)."""
    best_index, best_hits = 0, 0
    for index, (_, cells) in enumerate(rows[:20]):
        names = {clean_text(c) for c in cells}
        hits = len(wanted & {n.casefold() for n in names if n})
        if hits > best_hits:
            best_index, best_hits = index, hits
    if best_hits:
        return best_index
    # No mapped name anywhere: the first row about as wide as the widest, since title rows fill one cell.
    widths = [sum(1 for c in cells if clean_text(c) is not None) for _, cells in rows[:20]]
    return next(i for i, w in enumerate(widths) if w >= 0.8 * max(widths))


def _finish(rows: list[tuple[int, tuple[Cell, ...]]], wanted: set[str], **meta: str | None) -> Table:
    rows = [(n, cells) for n, cells in rows if any(clean_text(c) is not None for c in cells)]
    if not rows:
        raise UnreadableFile("the file has no rows", "export it again with a header row and data rows")
    h = _pick_header(rows, {w.casefold() for w in wanted})
    header = tuple(clean_text(c) or "" for c in rows[h][1])
    return Table(header=header, header_row=rows[h][0], rows=tuple(rows[h + 1 :]), **meta)  # type: ignore[arg-type]


def read_csv(data: bytes, wanted: set[str], *, encoding: str | None = None, max_rows: int) -> Table:
    """Decode, sniff the delimiter and split into rows numbered by the line each record starts on."""
    enc = encoding or detect_encoding(data)
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        raise UnreadableFile(
            f"the file is not valid {enc} text", "save it as CSV UTF-8 or XLSX and upload it again"
        ) from None
    if "\x00" in text:
        raise UnreadableFile("the file contains binary data", "upload a CSV or XLSX export")
    delim = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    rows: list[tuple[int, tuple[Cell, ...]]] = []
    start = 1
    try:
        for record in reader:
            rows.append((start, tuple(record)))
            start = reader.line_num + 1
            if len(rows) > max_rows + 20:
                raise UnreadableFile(f"the file has more than {max_rows} rows", "split it into smaller files")
    except csv.Error as exc:
        raise UnreadableFile(
            f"the CSV is malformed near line {start} ({exc})", "check the quotes around that line"
        ) from None
    return _finish(rows, wanted, encoding=enc, delimiter=delim, sheet=None)


def read_xlsx(data: bytes, wanted: set[str], *, sheet: str | None = None, max_rows: int) -> Table:
    """Read one worksheet with cached values; date-formatted cells arrive as dates, others as numbers or text."""
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(i.file_size for i in archive.infolist()) > MAX_XLSX_UNPACKED:
                raise UnreadableFile("the workbook unpacks to more than 200 MB", "split it into smaller files")
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except UnreadableFile:
        raise
    except Exception:  # openpyxl raises many types for damaged files; the user's fix is the same
        raise UnreadableFile("the workbook cannot be opened", "save it again as .xlsx or CSV UTF-8") from None
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise UnreadableFile(
                f"the workbook has no sheet {sheet!r}", f"name one of its sheets: {', '.join(workbook.sheetnames)}"
            )
        ws = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        rows: list[tuple[int, tuple[Cell, ...]]] = []
        for number, cells in enumerate(ws.iter_rows(), start=1):
            values = tuple(_cell(getattr(c, "value", None), getattr(c, "number_format", "")) for c in cells)
            rows.append((number, values))
            if len(rows) > max_rows + 20:
                raise UnreadableFile(f"the sheet has more than {max_rows} rows", "split it into smaller files")
        return _finish(rows, wanted, encoding=None, delimiter=None, sheet=ws.title)
    finally:
        workbook.close()


def _cell(value: object, number_format: str | None) -> Cell:
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in (number_format or ""):
        # A cell shown as "95%" stores 0.95; hand over what the user sees so percent parsing stays one rule.
        return f"{value * 100:.10g}%"
    if value is None or isinstance(value, str | int | float | datetime | date):
        return value  # type: ignore[return-value]
    return str(value)  # times, booleans and errors ("#N/A") as text; coercion decides what they mean


def read_table(data: bytes, filename: str, wanted: set[str], *, encoding: str | None = None,
               sheet: str | None = None, max_rows: int = 200_000) -> Table:
    """Dispatch on content (zip magic) and name: .xlsx/.xlsm to openpyxl, everything else as delimited text."""
    name = filename.lower()
    if name.endswith(".xls") and not data.startswith(b"PK"):
        raise UnreadableFile("old .xls workbooks are not supported", "save the file as .xlsx or CSV UTF-8")
    if data.startswith(b"PK\x03\x04") or name.endswith((".xlsx", ".xlsm")):
        return read_xlsx(data, wanted, sheet=sheet, max_rows=max_rows)
    return read_csv(data, wanted, encoding=encoding, max_rows=max_rows)


def read_headers(
    data: bytes, filename: str, *, encoding: str | None = None, sheet: str | None = None
) -> tuple[str, ...]:
    """The header names of a file (title rows skipped), for suggest_mapping; raises UnreadableFile."""
    return read_table(data, filename, set(), encoding=encoding, sheet=sheet, max_rows=200_000).header
