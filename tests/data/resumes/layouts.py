"""Render a Person as resume text in several writing styles (Chinese and English), so the parser meets variety."""

from __future__ import annotations

import random

from people import CERT_FORMS, LANG_FORMS, LEVEL_FORMS, SKILL_FORMS, Job, Person

ZH_LEVEL = {"bachelor": ["本科", "学士", "统招本科"], "master": ["硕士", "硕士研究生"], "phd": ["博士"],
            "associate": ["大专", "专科"], "high_school": ["中专", "高中"]}
EN_LEVEL = {"bachelor": ["Bachelor of Science", "B.A.", "Bachelor of Arts", "BSc"],
            "master": ["Master of Science", "MSc", "MBA", "Master of Arts"], "phd": ["PhD", "Doctor of Philosophy"],
            "associate": ["Associate Degree", "Associate of Applied Science"],
            "high_school": ["High School Diploma", "Secondary School Certificate"]}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
AREAS_ZH = ["华东", "华南", "西南", "华北", "华中"]
AREAS_EN = ["East China", "South China", "Southwest", "North China", "Central China"]
ZH_DUTY = ["负责{area}区域{skill}工作，年度指标达成率{n}%", "主导{skill}项目，覆盖{m}家网点", "通过{skill}，季度销量同比增长{n}%",
           "协助上级开展{skill}，按时提交周报"]
EN_DUTY = ["Owned {skill} for {m} outlets in the {area} region, reaching {n}% of target.",
           "Drove {skill}, lifting quarterly volume by {n}%.", "Supported the manager with {skill} and weekly reporting."]
ZH_SUMMARY = ["性格开朗，抗压能力强，执行力好。", "吃苦耐劳，能适应出差。", "目标感强，注重结果。"]
EN_SUMMARY = ["Results-driven professional who enjoys fast-paced field work.", "Reliable, energetic and happy to travel."]


def _form(rng: random.Random, sid: str, lang: str) -> str:
    return rng.choice(SKILL_FORMS[sid][0 if lang == "zh" else 1])


def _ym(d: tuple[int, int] | None, style: int, lang: str) -> str:
    if d is None:
        return ["至今", "至今", "今"][style % 3] if lang == "zh" else ["Present", "Present", "Current"][style % 3]
    y, m = d
    if lang == "zh":
        return [f"{y}.{m:02d}", f"{y}年{m}月", f"{y}/{m:02d}"][style % 3]
    return [f"{MONTHS[m - 1]} {y}", f"{m:02d}/{y}", f"{y}.{m:02d}"][style % 3]


def _range(j: Job, style: int, lang: str) -> str:
    sep = [" - ", " – ", " ~ "][style % 3] if lang == "en" else [" - ", "-", " ~ "][style % 3]
    return _ym(j.start, style, lang) + sep + _ym(j.end, style, lang)


def _duties(rng: random.Random, j: Job, lang: str) -> list[str]:
    out = []
    for sid in j.duties:
        if lang == "zh":
            out.append(rng.choice(ZH_DUTY).format(area=rng.choice(AREAS_ZH), skill=_form(rng, sid, "zh"),
                                                  n=rng.randint(90, 140), m=rng.randint(20, 300)))
        else:
            out.append(rng.choice(EN_DUTY).format(area=rng.choice(AREAS_EN), skill=_form(rng, sid, "en"),
                                                  n=rng.randint(5, 40), m=rng.randint(20, 300)))
    return out


def work_lines(rng: random.Random, p: Person, style: int) -> list[str]:
    """The work section (heading first)."""
    zh = p.lang == "zh"
    out = [["工作经历", "【工作经验】", "工作经历"][style % 3] if zh else ["WORK EXPERIENCE", "Professional Experience", "Experience"][style % 3]]
    for j in p.jobs:
        emp, title = (j.employer_zh, j.title_zh) if zh else (j.employer_en, j.title_en)
        duties = _duties(rng, j, p.lang)
        if style % 4 == 3:  # dates first with pipes, or company | city | dates with the title below
            if zh:
                out.append(f"{_ym(j.start, 1, 'zh')}—{_ym(j.end, 1, 'zh')} | {emp} | {title}")
                out += [f"• {d}" for d in duties]
            else:
                out.append(f"{emp.upper()} | {p.city[1]} | {_range(j, 0, 'en')}")
                out.append(title)
                out += [f"- {d}" for d in duties]
        elif style % 3 == 0:
            out.append(f"{_range(j, style, p.lang)}  {emp}  {title}")
            out += [f"- {d}" for d in duties]
        elif style % 3 == 1:
            if zh:
                out.append(f"{emp} | {title} | {_range(j, 1, 'zh')}")
                out += ["工作内容：" + "；".join(duties) + "。"]
            else:
                out.append(f"{emp} — {p.city[1]}")
                out.append(f"{title} | {_range(j, 1, 'en')}")
                out += [f"- {d}" for d in duties]
        else:
            if zh:
                out += [f"公司：{emp}", f"职位：{title}", f"时间：{_range(j, 2, 'zh')}", "工作内容：" + "；".join(duties)]
            else:
                out.append(f"{title}, {emp}")
                out.append(_range(j, 0, "en"))
                out += [f"• {d}" for d in duties]
        out.append("")
    return out


def education_lines(rng: random.Random, p: Person, style: int) -> list[str]:
    """The education section (heading first)."""
    zh = p.lang == "zh"
    out = [["教育背景", "【教育经历】", "教育背景"][style % 3] if zh else ["EDUCATION", "Education", "Education"][style % 3]]
    for s in reversed(p.schools):
        if zh:
            lv = rng.choice(ZH_LEVEL[s.level])
            if style % 3 == 0:
                out.append(f"{s.start}.09 - {s.end}.06  {s.school_zh}  {s.major_zh}  {lv}")
            elif style % 3 == 1:
                out.append(f"{s.school_zh} | {s.major_zh}专业 | {lv} | {s.start}-{s.end}")
            else:
                out += [f"学校：{s.school_zh}", f"专业：{s.major_zh}", f"学历：{lv}", f"时间：{s.start}.09-{s.end}.07"]
        else:
            lv = rng.choice(EN_LEVEL[s.level])
            if style % 3 == 0:
                out.append(f"{s.start}.09 - {s.end}.06  {s.school_en}  {lv}  {s.major_en}")
            elif style % 3 == 1:
                out.append(f"{s.school_en} — {p.city[1]}")
                out.append(f"{lv} in {s.major_en} | Sep {s.start} – Jun {s.end}")
            else:
                out.append(f"{lv} in {s.major_en}, {s.school_en}, {s.start} - {s.end}")
    out.append("")
    return out


def contact_lines(rng: random.Random, p: Person, style: int) -> list[str]:
    """Name and contacts, as the top of a resume."""
    phone = p.phone[3:]
    shown = [f"{phone[:3]}-{phone[3:7]}-{phone[7:]}", f"+86 {phone[:3]} {phone[3:7]} {phone[7:]}", phone][style % 3]
    if p.lang == "zh":
        if style % 4 == 3:
            return [f"{p.name}  |  求职意向：{rng.choice(['销售经理', '城市经理'])}", f"年龄：{rng.randint(24, 45)}岁 | 性别：男",
                    f"手机：{shown} | 邮箱：{p.email}", f"期望城市：{p.city[0]}", ""]
        if style % 3 == 2:
            return [f"姓名：{p.name}", f"手机：{shown}", f"邮箱：{p.email}", f"现居地：{p.city[0]}", ""]
        return [["个人简历", ""][style % 2], p.name, f"电话：{shown} | 邮箱：{p.email} | 现居：{p.city[0]}", ""]
    if style % 4 == 3:
        return [f"{p.name}", f"Objective: a field sales role in {p.city[1]} | Mobile {shown} | {p.email}", ""]
    if style % 3 == 2:
        return [p.name.upper(), f"{p.city[1]}, China · {p.email} · {shown}", ""]
    return [p.name, f"Phone: {shown}", f"Email: {p.email}", f"Location: {p.city[1]}", ""]


def skill_lines(rng: random.Random, p: Person, style: int) -> list[str]:
    """Skills, languages and certificates sections."""
    zh = p.lang == "zh"
    forms = [_form(rng, s, p.lang) for s in p.skills_listed]
    out = []
    if style % 2 == 0:
        out += ["专业技能" if zh else "SKILLS", ("、" if zh else ", ").join(forms), ""]
    else:
        out += [("技能：" if zh else "Skills: ") + ("，" if zh else ", ").join(forms), ""]
    out.append("语言能力" if zh else "LANGUAGES")
    for code in p.languages:
        name = LANG_FORMS[code][0 if zh else 1][0]
        level = rng.choice(LEVEL_FORMS[code][0 if zh else 1])
        out.append(f"{name}：{level}" if zh else f"{name} ({level})")
    out.append("")
    if p.certificates:
        out.append("证书" if zh else "CERTIFICATIONS")
        out += [("- " if not zh else "") + rng.choice(CERT_FORMS[c][0 if zh else 1]) for c in p.certificates]
        out.append("")
    return out


def summary_lines(rng: random.Random, p: Person) -> list[str]:
    """A short self-assessment that names no skill (kept to test that unparsed text survives)."""
    return (["自我评价", rng.choice(ZH_SUMMARY)] if p.lang == "zh" else ["SUMMARY", rng.choice(EN_SUMMARY)]) + [""]


def resume_lines(rng: random.Random, p: Person, style: int) -> list[str]:
    """A single-column resume; the section order varies with the style."""
    head = contact_lines(rng, p, style)
    parts = [work_lines(rng, p, style), education_lines(rng, p, style), skill_lines(rng, p, style)]
    if style % 2:
        parts = [parts[1], parts[0], parts[2]]
    return head + [ln for part in parts for ln in part] + summary_lines(rng, p)


def two_column(rng: random.Random, p: Person, style: int) -> tuple[list[str], list[str]]:
    """(sidebar, main) for a two-column layout: contacts, skills and languages beside work and education."""
    side = contact_lines(rng, p, 0 if style % 3 == 2 else style) + skill_lines(rng, p, 0)
    main = work_lines(rng, p, style) + education_lines(rng, p, style) + summary_lines(rng, p)
    return side, main
