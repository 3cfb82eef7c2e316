"""Resume text -> ResumeProfile (Chinese and English), every field with the span of text it came from."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from hireloop.screening import vocab
from hireloop.screening.dates import merged_years
from hireloop.screening.extract import normalize_text
from hireloop.screening.entries import detect_level, education_entries, work_entries
from hireloop.screening.lexicons.credentials import CERTIFICATE_LANGUAGE, CERTIFICATES, PROFICIENCY_TERMS
from hireloop.screening.lexicons.industries import INDUSTRIES
from hireloop.screening.lexicons.places import LOCATION_LABELS
from hireloop.screening.lexicons.skills import SKILLS
from hireloop.screening.profile import (
    Certificate, Education, Field, Language, ResumeProfile, Skill, Span, WorkEntry,
)
from hireloop.screening.sections import Block, Line, heading_kind, split_lines, split_sections

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
# Chinese mobiles (+86 138 1234 5678, 138-1234-5678) and international numbers (+44 20 7946 0958).
PHONE_RE = re.compile(
    r"(?<![\d\w])(?:(?:\+|00)?86[\s\-]?)?1[3-9]\d(?:[\s\-]?\d{4}){2}(?!\d)"
    r"|(?<![\d\w])(?:\+|00)[1-9]\d{0,2}[\s\-]?\(?\d{1,4}\)?(?:[\s\-]?\d{2,4}){2,4}(?!\d)"
    r"|(?<![\d\w])\(?0\d{2,3}\)?[\s\-]\d{7,8}(?!\d)"
)
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖"
    "贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳"
    "翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳"
    "时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖"
    "巩明佘池查麻苑迟邝")
_COMPOUND = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "尉迟", "长孙", "宇文", "司徒", "夏侯")
_NAME_LABEL_RE = re.compile(r"(?:姓\s*名\s*[:\s]|^\s*name\s*:)\s*([\u4e00-\u9fff·]{2,5}|[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-.]+){1,3})",
                            re.IGNORECASE | re.MULTILINE)
_ZH_NAME_RE = re.compile(r"^[#*\s]*([\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3})(?=\s*(?:$|[|｜,，/\s(（]))")
_EN_NAME_RE = re.compile(r"^[#*\s]*([A-Z][a-zA-Z'\-]+(?:\s+[A-Z][a-zA-Z'\-.]*){1,3})\s*(?=$|[|,/(])")
_EDU_LABEL_RE = re.compile(r"(?:最高学历|学历|学\s*历|highest degree|education level)\s*[:]\s*(\S{2,12})", re.IGNORECASE)
_LANG_PROF_RE = re.compile("|".join(re.escape(t) if not t.isascii() else rf"\b{re.escape(t)}\b" for t in PROFICIENCY_TERMS),
                           re.IGNORECASE)
_NOT_NAMES = {"个人简历", "简历", "求职简历", "resume", "curriculum vitae", "cv"}


MAX_PARSED_CHARS = 200_000  # ~60 pages; a longer text is not one resume


def parse_resume(text: str, *, as_of: date | None = None, max_chars: int = MAX_PARSED_CHARS) -> ResumeProfile:
    """Parse one resume's text; spans index `profile.text` (the text NFKC-normalised as extract_text returns it);
    `as_of` closes 'to date' periods (default: today)."""
    as_of = as_of or date.today()
    full = normalize_text(text)  # idempotent: extracted text is already normalised
    text = full[:max_chars]  # fields come from the head; the rest is kept as one unparsed span
    lines = split_lines(text)
    blocks = split_sections(text, lines)
    by_kind: dict[str, list[Block]] = {}
    for b in blocks:
        by_kind.setdefault(b.section.kind, []).append(b)

    work: list[WorkEntry] = []
    for b in by_kind.get("work", []):
        work += work_entries(b.lines, text)
    if not work and "work" not in by_kind:  # no headings at all: look for dated jobs anywhere outside education
        rest = [ln for b in blocks if b.section.kind not in {"education", "projects"} for ln in b.lines]
        work = [w for w in work_entries(rest, text) if w.employer is not None and not _looks_like_school(w)]
    education: list[Education] = []
    for b in by_kind.get("education", []):
        education += education_entries(b.lines, text)
    if not education:
        education = _education_fallback(text, lines)

    ranges = [w.dates for w in work if w.dates]
    industry_years = []
    for ind in INDUSTRIES:
        ind_ranges = [w.dates for w in work if w.dates and ind in w.industries]
        if ind_ranges:
            industry_years.append((ind, merged_years(ind_ranges, as_of)))

    emails = tuple(_fields(EMAIL_RE, text))
    phones = tuple(Field(_norm_phone(f.value), f.span, f.raw) for f in _fields(PHONE_RE, text)
                   if not _inside_any(f.span, [w.dates.span for w in work if w.dates]))
    # Company names and job titles are not skills ("Huitong Logistics", "KA经理"): matched by other criteria.
    named = [f.span for w in work for f in (w.employer, w.title) if f]
    skills = _skills(text, named)
    lang_blocks = [ln for k in ("languages", "skills") for b in by_kind.get(k, []) for ln in b.lines]
    certificates = _certificates(text, by_kind.get("certificates", []))
    languages = _languages(text, lines, lang_blocks, certificates)
    name = _name(text, lines)
    location = _location(text, lines)
    profile_fields = [f.span for f in (*emails, *phones) if f] + [f.span for f in (name, location) if f]
    consumed = profile_fields + [e.span for e in education] + [w.span for w in work] + [
        sp for s in skills for sp in s.spans] + [c.span for c in certificates] + [la.span for la in languages]
    headings = [Span(b.section.span.start, b.lines[0].start if b.lines and b.lines[0].start > b.section.span.start
                     else _line_end(text, b.section.span.start)) for b in blocks if b.section.heading]
    tail = (Span(len(text), len(full)),) if len(full) > len(text) else ()
    return ResumeProfile(
        text=full,
        language="zh" if _cjk_share(text) > 0.05 else "en",
        name=name,
        emails=emails,
        phones=_dedupe_fields(phones),
        location=location,
        education=tuple(education),
        work=tuple(work),
        total_years=merged_years(ranges, as_of) if ranges else 0.0,
        industry_years=tuple(industry_years),
        skills=skills,
        languages=languages,
        certificates=certificates,
        sections=tuple(b.section for b in blocks if b.section.heading),
        unparsed=_unparsed(lines, consumed + headings) + tail,
        content_hash=content_hash(full),
        as_of=as_of.isoformat(),
    )


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def content_hash(text: str) -> str:
    """SHA-256 of the text with case and all whitespace removed: the same resume re-exported hashes the same."""
    return hashlib.sha256(re.sub(r"\s+", "", text).lower().encode("utf-8")).hexdigest()


def _cjk_share(text: str) -> float:
    return sum(1 for c in text if "\u4e00" <= c <= "\u9fff") / max(1, len(text))


def _fields(rx: re.Pattern[str], text: str) -> list[Field]:
    return [Field(m.group(0).strip(), Span(m.start(), m.end()), m.group(0)) for m in rx.finditer(text)]


def _inside_any(span: Span, spans: list[Span]) -> bool:
    return any(s.start <= span.start and span.end <= s.end for s in spans)


def _dedupe_fields(fields: tuple[Field, ...]) -> tuple[Field, ...]:
    seen, out = set(), []
    for f in fields:
        if f.value not in seen:
            seen.add(f.value)
            out.append(f)
    return tuple(out)


def _norm_phone(raw: str) -> str:
    """E.164-like: Chinese mobiles become +86XXXXXXXXXXX, others keep their + and digits."""
    digits = re.sub(r"\D", "", raw)
    if raw.strip().startswith("00"):
        digits = digits[2:]
        raw = "+" + digits
    if len(digits) == 11 and digits.startswith("1"):
        return "+86" + digits
    if digits.startswith("86") and len(digits) == 13:
        return "+" + digits
    return ("+" + digits) if raw.strip().startswith("+") else digits


def _looks_like_school(w: WorkEntry) -> bool:
    return bool(w.employer and re.search(r"大学|学院|University|College|School", w.employer.value))


def _education_fallback(text: str, lines: list[Line]) -> list[Education]:
    """No education section: take '学历: 本科' style labels, or lines naming both a school and a degree."""
    out: list[Education] = []
    for ln in lines:
        m = _EDU_LABEL_RE.search(ln.text)
        hit = detect_level(m.group(1)) if m else None
        if m and hit:
            s = ln.start + m.start(1) + hit[1]
            out.append(Education(hit[0], None, None, None, Span(s, ln.start + m.start(1) + hit[2]), ln.span))
    if not out:
        cand = [ln for ln in lines if detect_level(ln.text) and re.search(r"大学|学院|学校|University|College", ln.text)]
        out = education_entries(cand, text)
    return out


def _skills(text: str, exclude: list[Span]) -> tuple[Skill, ...]:
    spans: dict[str, list[Span]] = {}
    for sid, s, e in vocab.skills().find(text):
        if any(x.start <= s and e <= x.end for x in exclude):
            continue
        spans.setdefault(sid, []).append(Span(s, e))
    return tuple(Skill(sid, SKILLS[sid][0], SKILLS[sid][1], tuple(sp)) for sid, sp in sorted(spans.items()))


def _certificates(text: str, blocks: list[Block]) -> tuple[Certificate, ...]:
    out: dict[str, Certificate] = {}
    for cid, s, e in vocab.certificates().find(text):
        out.setdefault(cid, Certificate(cid, CERTIFICATES[cid][0], Span(s, e)))
    covered = [c.span for c in out.values()]
    extra = []
    for b in blocks:  # a line in the certificates section is a certificate even when the lexicon lacks it
        for ln in b.lines:
            t = ln.text.strip().lstrip("•·-*● ").strip()
            if t and not any(ln.start <= c.start < ln.end for c in covered):
                extra.append(Certificate("", t, ln.span))
    return tuple(sorted(out.values(), key=lambda c: c.id)) + tuple(extra)


def _languages(text: str, lines: list[Line], section_lines: list[Line],
               certificates: tuple[Certificate, ...]) -> tuple[Language, ...]:
    found: dict[str, Language] = {}
    section_starts = {ln.start for ln in section_lines}
    for ln in lines:
        in_section = ln.start in section_starts
        hits = vocab.languages().find(ln.text, ln.start)
        if not hits:
            continue
        prof = _LANG_PROF_RE.search(ln.text)
        if not in_section and not prof:
            continue  # "English Literature" as a major is not a language skill
        for n, (code, s, e) in enumerate(hits):
            # The proficiency written after this language and before the next one on the line.
            stop = hits[n + 1][1] - ln.start if n + 1 < len(hits) else len(ln.text)
            near = _LANG_PROF_RE.search(ln.text, e - ln.start, stop)
            level = near.group(0) if near else (prof.group(0) if prof and len(hits) == 1 else "")
            found.setdefault(code, Language(code, level, Span(s, e)))
    for c in certificates:
        code = CERTIFICATE_LANGUAGE.get(c.id)
        if code and code not in found:
            found[code] = Language(code, c.label, c.span)
    return tuple(sorted(found.values(), key=lambda la: la.code))


def _name(text: str, lines: list[Line]) -> Field | None:
    m = _NAME_LABEL_RE.search(text)
    if m:
        return Field(m.group(1).replace(" ", ""), Span(m.start(1), m.end(1)), m.group(1))
    seen = 0
    for ln in lines:
        t = ln.text.strip()
        if not t or t.lower() in _NOT_NAMES or heading_kind(t):
            continue
        seen += 1
        if seen > 6:
            break
        zm = _ZH_NAME_RE.match(ln.text)
        if zm:
            name = zm.group(1).replace(" ", "")
            if (name[0] in _SURNAMES or name[:2] in _COMPOUND) and len(name) <= 4:
                return Field(name, Span(ln.start + zm.start(1), ln.start + zm.end(1)), zm.group(1))
        em = _EN_NAME_RE.match(ln.text)
        if em and not any(ch.isdigit() for ch in em.group(1)) and not heading_kind(em.group(1)):
            words = em.group(1).split()
            if 2 <= len(words) <= 4 and not vocab.cities().find(em.group(1)):
                return Field(" ".join(words), Span(ln.start + em.start(1), ln.start + em.end(1)), em.group(1))
    return None


def _location(text: str, lines: list[Line]) -> Field | None:
    label_re = re.compile(r"(?:" + "|".join(re.escape(lab) for lab in LOCATION_LABELS) + r")\s*[:]\s*", re.IGNORECASE)
    for ln in lines:
        m = label_re.search(ln.text)
        if m:
            hits = vocab.cities().find(ln.text[m.end():], ln.start + m.end())
            if hits:
                cid, s, e = hits[0]
                return Field(cid, Span(s, e), text[s:e])
    for ln in lines[:8]:  # header lines: "张伟 | 上海 | 138..."
        hits = vocab.cities().find(ln.text, ln.start)
        if hits and len(ln.text.strip()) < 120 and not detect_level(ln.text):
            cid, s, e = hits[0]
            return Field(cid, Span(s, e), text[s:e])
    return None


def _unparsed(lines: list[Line], consumed: list[Span]) -> tuple[Span, ...]:
    """Non-blank lines that no field touched, merged when only blank lines part them: kept, never dropped."""
    merged: list[list[int]] = []
    for sp in sorted(consumed, key=lambda x: x.start):
        if merged and sp.start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], sp.end)
        else:
            merged.append([sp.start, sp.end])
    out: list[Span] = []
    k, joinable = 0, False
    for ln in lines:
        sp = ln.span
        if sp.end <= sp.start:
            continue  # blank lines do not break a run of unparsed lines
        while k < len(merged) and merged[k][1] <= sp.start:
            k += 1
        if k < len(merged) and merged[k][0] < sp.end:
            joinable = False  # a parsed line sits between
            continue
        if out and joinable:
            out[-1] = Span(out[-1].start, sp.end)
        else:
            out.append(sp)
        joinable = True
    return tuple(out)
