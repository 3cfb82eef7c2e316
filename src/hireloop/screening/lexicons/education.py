"""Education levels on one scale, and the words that name them in Chinese and English."""

from __future__ import annotations

# Ordered low to high; the rank is the index.
LEVELS: tuple[str, ...] = ("high_school", "associate", "bachelor", "master", "phd")

LEVEL_LABELS: dict[str, tuple[str, str]] = {
    "high_school": ("high school", "高中/中专"),
    "associate": ("associate", "大专"),
    "bachelor": ("bachelor", "本科"),
    "master": ("master", "硕士"),
    "phd": ("PhD", "博士"),
}

# Checked from the highest level down so that "博士研究生" is a PhD, not a master.
LEVEL_TERMS: dict[str, tuple[str, ...]] = {
    "phd": ("博士", "Ph.D", "PhD", "Doctor of", "Doctorate", "D.Phil"),
    "master": ("硕士", "研究生", "MBA", "EMBA", "Master", "M.S.", "M.Sc", "MSc", "M.Com", "MCom", "M.A.", "M.Eng", "MEng",
               "Postgraduate"),
    "bachelor": ("本科", "学士", "统招本科", "Bachelor", "B.S.", "B.Sc", "BSc", "B.Com", "BCom", "B.A.", "B.Eng", "BEng", "BBA",
                 "Undergraduate"),
    "associate": ("大专", "专科", "高职", "Associate", "Junior College", "Higher Vocational"),
    "high_school": ("高中", "中专", "职高", "技校", "中职", "High School", "Secondary School", "Vocational School",
                    "Technical Secondary"),
}

# School-name endings: used to find the school when no label says which part is the school.
SCHOOL_MARKERS: tuple[str, ...] = (
    "大学", "学院", "学校", "中学", "职业技术", "党校", "University", "College", "Institute", "School",
    "Academy", "Polytechnic",
)
