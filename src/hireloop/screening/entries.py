"""Education and work entries: anchored on date ranges and school names, fields told apart by lexicons."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hireloop.screening import vocab
from hireloop.screening.dates import find_ranges
from hireloop.screening.lexicons.education import LEVEL_TERMS, SCHOOL_MARKERS
from hireloop.screening.lexicons.industries import INDUSTRIES
from hireloop.screening.profile import DateRange, Education, Field, Span, WorkEntry
from hireloop.screening.sections import Line

_SEP_RE = re.compile(r"\s*(?:[|｜/／，;；\t]|,(?!\s*(?i:Ltd|Inc|LLC|Limited|Co\b|S\.A))|\s{2,}|\s[-–—@]\s|\bat\b|\bin\b(?=\s+[A-Z]))\s*")
_BULLET_RE = re.compile(r"^\s*(?:[•·\-●▪◦■◆>]|\*(?=\s)|\d{1,2}[.、)]|[(（]\d{1,2}[)）])\s*")  # "**Bold**" is no bullet
_LABEL_RE = re.compile(
    r"^(?:公司名称|公司|单位|工作单位|雇主|职位名称|职位|岗位|职务|担任职务|时间|任职时间|在职时间|学校|毕业院校|院校|专业|所学专业|学历|"
    r"company|employer|organisation|organization|title|position|role|job title|dates?|period|school|university|"
    r"major|degree|field of study)\s*[:]\s*", re.IGNORECASE)
_COMPANY_MARKERS = ("有限公司", "公司", "集团", "股份", "分公司", "办事处", "事业部", "商贸", "贸易", "超市", "门店",
                    "Co.", "Co,", "Ltd", "Inc", "Corp", "Corporation", "Group", "LLC", "GmbH", "Limited", "PLC",
                    "S.A.", "Company", "Stores", "Supermarket", "Trading")
_TITLE_WORDS = (
    "经理", "主管", "代表", "专员", "助理", "总监", "导购", "促销员", "促销", "督导", "业务员", "业务", "销售", "店长", "组长",
    "主任", "实习生", "实习", "运营", "顾问", "工程师", "分析师", "策划", "客服", "文员", "营业员", "收银员", "理货员",
    "负责人", "总经理", "副总", "Manager", "Representative", "Rep", "Specialist", "Director", "Assistant",
    "Executive", "Supervisor", "Associate", "Coordinator", "Lead", "Officer", "Intern", "Analyst", "Consultant",
    "Promoter", "Merchandiser", "Head", "Engineer", "Planner", "Buyer", "Clerk", "Cashier", "VP", "President",
)
_TITLE_RE = re.compile("|".join(re.escape(w) if not w.isascii() else rf"\b{re.escape(w)}\b" for w in _TITLE_WORDS),
                       re.IGNORECASE)
_LEVEL_RE = [(level, re.compile("|".join(re.escape(t) if not t.isascii() else rf"(?<![A-Za-z]){re.escape(t)}(?![a-z])"
                                         for t in terms))) for level, terms in LEVEL_TERMS.items()]
_MAJOR_LABEL_RE = re.compile(r"(?:专业|major|field of study)\s*[:]?\s*([^\s|,，/;；()（）]{2,30})", re.IGNORECASE)
_MAJOR_IN_RE = re.compile(r"(?:Bachelor|Master|Doctor|B\.?A\.?|B\.?S\.?c?|M\.?S\.?c?|M\.?A\.?|MBA|Ph\.?D\.?|BBA|"
                          r"B\.?Eng|M\.?Eng|Associate|Diploma)[A-Za-z.' ]*\s(?:in|of)\s+([A-Z][A-Za-z&' ]{2,40}?)"
                          r"(?=\s*(?:[,|;()\n]|\s{2,}|$|\d))")
_ZH_MAJOR_RE = re.compile(r"([\u4e00-\u9fff]{2,10})专业")


def _parts(text: str, offset: int) -> list[tuple[str, int, int]]:
    """Split a header line into (part, start, end) on separators, labels removed."""
    out, pos = [], 0
    for m in list(_SEP_RE.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        piece = text[pos:end]
        lab = _LABEL_RE.match(piece.strip())
        lead = len(piece) - len(piece.lstrip()) + (lab.end() if lab else 0)
        core = piece[lead:].strip().strip("()（）[]【】:-–—*_`#")  # markdown emphasis is not part of a name
        if core:
            s = offset + pos + piece.find(core, lead if lead <= len(piece) else 0)
            out += _subsplit(core, s)
        pos = m.end() if m else len(text)
    return out


# PDF text often loses the double spaces between fields; these cut where a field obviously ends.
_CJK_SPACE_RE = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=\S)|(?<=[\u4e00-\u9fff]\)) +(?=\S)|(?<=\S) +(?=[\u4e00-\u9fff])")
_SUFFIX_END_RE = re.compile(r"\b(?:Ltd\.?|Inc\.?|LLC|Limited|GmbH|PLC|Corp\.|Corporation|Group)(\s+)"
                            r"(?=[A-Z])(?!Ltd|Limited|Co\b)")
_EN_DEGREE = (r"(?:(?:Bachelor|Master|Doctor|Associate)(?:'s)?(?:\s+(?:Degree|of\s+(?:Science|Arts|Engineering|"
              r"Philosophy|Business\s+Administration|Applied\s+Science)))?|B\.A\.|BA|B\.Sc\.?|BSc|B\.S\.|B\.?Com|M\.?Com|M\.Sc\.?|MSc|"
              r"M\.S\.|M\.A\.|MBA|EMBA|BBA|Ph\.?D\.?|B\.?Eng\.?|M\.?Eng\.?|High School Diploma|"
              r"Secondary School Certificate|Diploma)")
_DEGREE_SPLIT_RE = re.compile(rf"(?<=[a-z.]) +(?={_EN_DEGREE}(?![A-Za-z]))")
DEGREE_PREFIX_RE = re.compile(rf"^{_EN_DEGREE}(?![A-Za-z])\s*(?:(?:in|of)\s+)?")


_ZH_FIELD_END_RE = re.compile(r"(?<=大学|学院|学校)(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=(?:硕士|本科|博士|大专|专科|中专|高中)"
                              r"(?:研究生)?$)")


def _subsplit(core: str, start: int) -> list[tuple[str, int, int]]:
    cuts = sorted({m.start() for m in _ZH_FIELD_END_RE.finditer(core)} | {m.start() for m in _CJK_SPACE_RE.finditer(core)} | {m.start(1) for m in _SUFFIX_END_RE.finditer(core)}
                  | {m.start() for m in _DEGREE_SPLIT_RE.finditer(core)})
    out, pos = [], 0
    for c in [*cuts, len(core)]:
        piece = core[pos:c]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if piece:
            out.append((piece, start + pos + lead, start + pos + lead + len(piece)))
        pos = c
    return out


def _is_company(part: str) -> bool:
    return any(mark.lower() in part.lower() for mark in _COMPANY_MARKERS) or any(
        vocab.industry_companies(ind).find(part) for ind in INDUSTRIES)


def _is_location(part: str) -> bool:
    hits = vocab.cities().find(part)
    return bool(hits) and sum(e - s for _, s, e in hits) >= len(part.replace(" ", "")) * 0.6


def _header_like(line: Line) -> bool:
    t = line.text.strip()
    if t.endswith(".") and re.search(r"\b(?:Ltd|Inc|Co|Corp|Jr|Sr|Bros)\.$", t):
        t = t[:-1]  # "Co., Ltd." ends a company name, not a sentence
    return bool(t) and len(t) <= 80 and not _BULLET_RE.match(t) and not t.endswith(("。", ";", "；", ".", "!", "！"))


def work_entries(lines: Sequence[Line], text: str) -> list[WorkEntry]:
    """Work entries of a work section: one per date range, header from the lines around it."""
    lines = [ln for ln in lines if ln.text.strip()]
    anchors: list[tuple[int, DateRange]] = []
    for i, ln in enumerate(lines):
        ranges = find_ranges(ln.text, ln.start)
        if ranges:
            anchors.append((i, ranges[0]))
    if not anchors:
        return []
    # One layout per section: when the first date has header-like lines above it, headers sit above dates
    # ("Title, Company\nMar 2018 - Present"); otherwise they follow the date line.
    first_i = anchors[0][0]
    above = any(_header_like(ln) for ln in lines[max(0, first_i - 2):first_i])
    entries = []
    for k, (i, rng) in enumerate(anchors):
        prev_i = anchors[k - 1][0] if k else -1
        next_i = anchors[k + 1][0] if k + 1 < len(anchors) else len(lines)
        parts = _parts_without(lines[i], rng.span)
        first = last = i
        if above:
            j = i - 1
            while j > prev_i and _named(parts) < 2 and i - j <= 2 and _header_like(lines[j]):
                parts = _parts(lines[j].text, lines[j].start) + parts
                first = j
                j -= 1
        else:
            j = i + 1
            while j < next_i and _named(parts) < 2 and j - i <= 2 and _header_like(lines[j]):
                parts = parts + _parts(lines[j].text, lines[j].start)
                last = j
                j += 1
        stop = next_i
        if above and k + 1 < len(anchors):  # the next entry's header lines are not our description
            nxt_parts = _parts_without(lines[next_i], anchors[k + 1][1].span)
            while stop - 1 > last and _named(nxt_parts) < 2 and next_i - (stop - 1) <= 2 and _header_like(lines[stop - 1]):
                nxt_parts = _parts(lines[stop - 1].text, 0) + nxt_parts
                stop -= 1
        employer, title = _employer_title(parts, text)
        desc_lines = [ln for ln in lines[last + 1:stop] if ln.text.strip()]
        desc = Span(desc_lines[0].start, desc_lines[-1].end) if desc_lines else None
        span = Span(lines[first].start, desc.end if desc else lines[last].end)
        inds, evidence = _industries(text, employer, span)
        entries.append(WorkEntry(employer, title, rng, inds, evidence, desc, span))
    return entries


def _named(parts: list[tuple[str, int, int]]) -> int:
    """How many header parts can be an employer or a title (a city is neither)."""
    return sum(1 for p in parts if not _is_location(p[0]))


def _parts_without(line: Line, span: Span) -> list[tuple[str, int, int]]:
    a, b = span.start - line.start, span.end - line.start
    return _parts(line.text[:a], line.start) + _parts(line.text[b:], line.start + b)


def _employer_title(parts: list[tuple[str, int, int]], text: str) -> tuple[Field | None, Field | None]:
    parts = [p for p in parts if not _is_location(p[0]) and not find_ranges(p[0])]
    employer = next((p for p in parts if _is_company(p[0])), None)
    rest = [p for p in parts if p is not employer]
    title = next((p for p in rest if _TITLE_RE.search(p[0]) and not _is_company(p[0])), None)
    rest = [p for p in rest if p is not title]
    if employer is None and rest:
        employer = rest.pop(0)
    if title is None and rest:
        title = rest.pop(0)
    return (_field(employer, text), _field(title, text))


def _field(part: tuple[str, int, int] | None, text: str) -> Field | None:
    if part is None:
        return None
    return Field(part[0], Span(part[1], part[2]), text[part[1]:part[2]])


def _industries(text: str, employer: Field | None, span: Span) -> tuple[tuple[str, ...], tuple[Field, ...]]:
    """Industries of an entry. The employer decides when it names one (a company in the lexicon, or an industry
    word in its name: 'FairPrice (supermarket chain)'); only otherwise do industry words in the entry count, so a
    supermarket buyer of snacks is retail, not FMCG."""
    found: dict[str, Field] = {}
    if employer is not None:
        for ind in INDUSTRIES:
            hits = vocab.industry_companies(ind).find(employer.value, employer.span.start) or \
                vocab.industry_terms(ind).find(employer.value, employer.span.start)
            if hits:
                _, s, e = hits[0]
                found[ind] = Field(ind, Span(s, e), text[s:e])
    if not found:
        chunk = text[span.start:span.end]
        for ind in INDUSTRIES:
            hits = vocab.industry_terms(ind).find(chunk, span.start)
            if hits:
                _, s, e = hits[0]
                found[ind] = Field(ind, Span(s, e), text[s:e])
    return tuple(found), tuple(found.values())


def detect_level(text: str) -> tuple[str, int, int] | None:
    """The highest education level named in `text` with its position (relative to `text`)."""
    for level, rx in _LEVEL_RE:
        m = rx.search(text)
        if m:
            return level, m.start(), m.end()
    return None


def education_entries(lines: Sequence[Line], text: str) -> list[Education]:
    """Education entries: a new entry starts where a second school or a second date range appears."""
    groups: list[list[Line]] = []
    has_school = has_dates = False
    for ln in lines:
        if not ln.text.strip():
            continue
        school_here = any(m.lower() in ln.text.lower() for m in SCHOOL_MARKERS)
        dates_here = bool(find_ranges(ln.text))
        if not groups or (school_here and has_school) or (dates_here and has_dates):
            groups.append([])
            has_school = has_dates = False
        groups[-1].append(ln)
        has_school |= school_here
        has_dates |= dates_here
    out = []
    for g in groups:
        entry = _education(g, text)
        if entry is not None:
            out.append(entry)
    return out


def _education(group: list[Line], text: str) -> Education | None:
    start, end = group[0].start, group[-1].end
    chunk = text[start:end]
    level_hit = detect_level(chunk)
    ranges = find_ranges(chunk, start)
    school = major = None
    parts = []
    for ln in group:
        parts += _parts_without(ln, ranges[0].span) if ranges and ln.start <= ranges[0].span.start < ln.end else \
            _parts(ln.text, ln.start)
    for p in parts:
        if school is None and any(m.lower() in p[0].lower() for m in SCHOOL_MARKERS) and not _is_major_text(p[0]):
            school = p
    if school is None:  # "CEIBS", "INSEAD", "HKUST": an acronym next to a degree is the school
        school = next((p for p in parts if re.fullmatch(r"[A-Z]{2,8}", p[0]) and not detect_level(p[0])
                       and not DEGREE_PREFIX_RE.match(p[0])), None) if detect_level(chunk) else None
    m = _MAJOR_LABEL_RE.search(chunk) or _ZH_MAJOR_RE.search(chunk)
    if m:
        major = (m.group(1).strip(), start + m.start(1), start + m.start(1) + len(m.group(1).strip()))
    else:
        major = _major_from_parts(parts, school)
    if school is None and level_hit is None:
        return None
    level_span = Span(start + level_hit[1], start + level_hit[2]) if level_hit else None
    if level_hit is None and school and "职业技术" in school[0]:
        level = "associate"  # vocational colleges award the 大专 diploma
    else:
        level = level_hit[0] if level_hit else ""
    return Education(level, _field(school, text), _field(major, text), ranges[0] if ranges else None, level_span,
                     Span(start, end))


def _major_from_parts(parts: list[tuple[str, int, int]], school: tuple[str, int, int] | None
                      ) -> tuple[str, int, int] | None:
    """'MBA Marketing' -> Marketing; 'Bachelor of Science | Marketing' -> Marketing; else the first plain part."""
    for k, p in enumerate(parts):
        inner = re.match(r"^(.+?)\s*\(([^()]+)\)?$", p[0])  # "市场营销(大专)": the major with its level in brackets
        if inner and detect_level(inner.group(2)) and not detect_level(inner.group(1)) and p is not school:
            return (inner.group(1), p[1], p[1] + len(inner.group(1)))
        deg = DEGREE_PREFIX_RE.match(p[0])
        if deg and p is not school:
            if deg.end() < len(p[0]):
                return (p[0][deg.end():].strip(), p[1] + deg.end(), p[2])
            nxt = next((q for q in parts[k + 1:] if q is not school and not _is_location(q[0])
                        and not detect_level(q[0]) and not find_ranges(q[0])), None)
            if nxt:
                return nxt
            field = re.search(r"\bof\s+(?!(?:Science|Arts|Philosophy|Engineering|Applied Science)\b)([A-Z][A-Za-z ]+)$",
                              p[0][:deg.end()].strip())
            if field:  # "Master of Business Administration" with no major of its own
                return (field.group(1), p[1] + field.start(1), p[1] + field.end(1))
    for p in parts:
        if p is school or _is_location(p[0]) or detect_level(p[0]) or len(p[0]) > 30 or find_ranges(p[0]):
            continue
        if school and p[1] < school[1] and not re.search(r"[\u4e00-\u9fff]", p[0]):
            continue
        return p
    return None


def _is_major_text(part: str) -> bool:
    return bool(re.search(r"专业$|^major", part, re.IGNORECASE))
