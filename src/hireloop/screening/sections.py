"""Lines with offsets, and the resume's headed sections (教育背景 / Education, 工作经历 / Experience, ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hireloop.screening.profile import Section, Span

HEADINGS: dict[str, tuple[str, ...]] = {
    "education": ("教育背景", "教育经历", "教育情况", "学习经历", "教育", "学历背景", "education", "educational background",
                  "academic background", "education background", "academic history"),
    "work": ("工作经历", "工作经验", "职业经历", "任职经历", "工作履历", "从业经历", "实习经历", "工作及实习经历", "工作背景",
             "work experience", "experience", "professional experience", "employment history", "employment",
             "career history", "work history", "relevant experience", "internships", "internship experience"),
    "projects": ("项目经历", "项目经验", "projects", "project experience", "key projects"),
    "skills": ("技能", "专业技能", "技能特长", "个人技能", "技能专长", "技能证书", "核心技能", "skills", "core skills",
               "key skills", "competencies", "core competencies", "skills & tools", "skills and tools",
               "technical skills", "skills & certificates", "skills and certificates"),
    "languages": ("语言能力", "语言", "外语能力", "languages", "language skills", "language"),
    "certificates": ("证书", "资格证书", "证书资质", "获得证书", "所获证书", "certifications", "certificates",
                     "licenses", "licenses & certifications", "certificates & licenses"),
    "summary": ("自我评价", "个人评价", "个人简介", "个人总结", "自我介绍", "个人优势", "summary", "profile", "about me",
                "professional summary", "objective", "career summary"),
    "personal": ("个人信息", "基本信息", "联系方式", "个人资料", "contact", "contact information", "personal information",
                 "personal details", "contact details"),
    "intent": ("求职意向", "求职目标", "期望职位", "career objective", "job objective"),
    "awards": ("荣誉奖项", "获奖情况", "所获荣誉", "荣誉", "awards", "honors", "honours", "awards & honors"),
    "other": ("兴趣爱好", "爱好", "interests", "hobbies", "其他", "additional information", "references"),
}
_LOOKUP = {h: kind for kind, hs in HEADINGS.items() for h in hs}
_DECOR = " \t#*■●◆◇□▌▍|【】[]<>《》:=_-–—·•"
_HEAD_RE = re.compile(
    r"^[\s#*■●◆◇□▌▍|【\[<《=_\-–—·•]*(" + "|".join(re.escape(h) for h in sorted(_LOOKUP, key=len, reverse=True))
    + r")\s*[】\]>》]?\s*[:]\s*(?=\S)", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    """One line of the text with its start offset."""

    text: str
    start: int

    @property
    def end(self) -> int:
        """Offset just past the line."""
        return self.start + len(self.text)

    @property
    def span(self) -> Span:
        """The line's span, leading and trailing blanks excluded."""
        lead = len(self.text) - len(self.text.lstrip())
        return Span(self.start + lead, self.start + len(self.text.rstrip()))


def split_lines(text: str) -> list[Line]:
    """Every line of `text` with its offset."""
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(Line(raw, pos))
        pos += len(raw) + 1
    return out


def heading_kind(line: str) -> tuple[str, int] | None:
    """(section kind, length of the heading part) when the line is a heading, else None."""
    core = line.strip().strip(_DECOR).strip()
    if not core or len(core) > 40:
        return None
    kind = _LOOKUP.get(core.lower()) or _LOOKUP.get(re.sub(r"\s+", " ", core.lower()))
    if kind:
        return kind, len(line)
    m = _HEAD_RE.match(line)  # "技能：Excel、PPT" - a heading with its content on the same line
    if m:
        return _LOOKUP[m.group(1).lower()], m.end()
    return None


@dataclass(frozen=True)
class Block:
    """A section's lines (heading excluded) with the section it belongs to."""

    section: Section
    lines: tuple[Line, ...]


def split_sections(text: str, lines: list[Line]) -> list[Block]:
    """Cut the text at headings; what comes before the first heading is the 'header' block."""
    blocks: list[Block] = []
    kind, heading, head_span, current = "header", "", Span(0, 0), []
    for ln in lines:
        found = heading_kind(ln.text)
        if found:
            blocks.append(Block(Section(kind, heading, _cover(head_span, current)), tuple(current)))
            kind, cut = found
            heading = ln.text[:cut].strip().strip(_DECOR).strip() if cut < len(ln.text) else ln.text.strip().strip(_DECOR)
            head_span = Span(ln.start, ln.start + len(ln.text[:cut].rstrip()))
            current = [Line(ln.text[cut:], ln.start + cut)] if cut < len(ln.text) else []
        else:
            current.append(ln)
    blocks.append(Block(Section(kind, heading, _cover(head_span, current)), tuple(current)))
    return [b for b in blocks if b.lines or b.section.heading]


def _cover(head: Span, lines: list[Line]) -> Span:
    ends = [ln.end for ln in lines if ln.text.strip()]
    return Span(head.start if head.end > head.start else (lines[0].start if lines else head.start),
                max([head.end, *ends]))
