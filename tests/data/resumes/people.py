"""Synthetic candidates with known truth (the labels); the resume writers render them in many styles.

The truth is decided here, before any text is written, so the parser is scored against intent, not its own output.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

AS_OF = (2026, 11)  # every label is computed as of November 2026

ZH_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
ZH_GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞",
            "平", "刚", "桂英", "晓东", "思雨", "子涵", "浩然", "欣怡", "一鸣", "佳琪", "文博"]
EN_FIRST = ["James", "Emily", "Michael", "Sarah", "David", "Laura", "Daniel", "Grace", "Kevin", "Linda", "Ryan", "Sophie",
            "Jason", "Chloe", "Eric", "Hannah", "Wei", "Mei", "Lei", "Ying"]
EN_LAST = ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Chen", "Wang", "Liu", "Zhang", "Lee", "Walker", "Harris",
           "Clarke", "Lewis", "Young", "Hughes", "Zhao", "Huang"]

CITIES = [("上海", "Shanghai"), ("北京", "Beijing"), ("广州", "Guangzhou"), ("深圳", "Shenzhen"), ("杭州", "Hangzhou"),
          ("成都", "Chengdu"), ("武汉", "Wuhan"), ("南京", "Nanjing")]

# (zh name, en name, industry); employer names as candidates write them, on purpose not always the lexicon form
EMPLOYERS = [
    ("宝洁（中国）有限公司", "Procter & Gamble (China) Ltd.", "fmcg"),
    ("联合利华服务（合肥）有限公司", "Unilever Services (Hefei) Co., Ltd.", "fmcg"),
    ("可口可乐装瓶商生产（东莞）有限公司", "Coca-Cola Bottlers (Dongguan) Co., Ltd.", "fmcg"),
    ("农夫山泉股份有限公司", "Nongfu Spring Co., Ltd.", "fmcg"),
    ("内蒙古伊利实业集团", "Inner Mongolia Yili Industrial Group", "fmcg"),
    ("蒙牛乳业（北京）有限责任公司", "Mengniu Dairy (Beijing) Co., Ltd.", "fmcg"),
    ("康师傅控股有限公司", "Master Kong Holdings Ltd.", "fmcg"),
    ("雀巢（中国）有限公司", "Nestle (China) Ltd.", "fmcg"),
    ("百事食品（中国）有限公司", "PepsiCo Foods (China) Co., Ltd.", "fmcg"),
    ("玛氏食品（中国）有限公司", "Mars Foods (China) Co., Ltd.", "fmcg"),
    ("欧莱雅（中国）有限公司", "L'Oreal (China) Co., Ltd.", "fmcg"),
    ("亿滋食品企业管理（上海）有限公司", "Mondelez China Co., Ltd.", "fmcg"),
    ("达能饮料（中国）有限公司", "Danone Waters (China) Co., Ltd.", "fmcg"),
    ("杭州娃哈哈集团有限公司", "Hangzhou Wahaha Group Co., Ltd.", "fmcg"),
    ("沃尔玛（中国）投资有限公司", "Walmart China Investment Co., Ltd.", "retail"),
    ("永辉超市股份有限公司", "Yonghui Superstores Co., Ltd.", "retail"),
    ("上海汇通物流有限公司", "Shanghai Huitong Logistics Co., Ltd.", "other"),
    ("深圳市蓝海科技有限公司", "Shenzhen Lanhai Technology Co., Ltd.", "other"),
    ("招商银行股份有限公司", "China Merchants Bank Co., Ltd.", "finance"),
    ("广州明辉家具有限公司", "Guangzhou Minghui Furniture Co., Ltd.", "other"),
]

TITLES = [("销售代表", "Sales Representative"), ("区域销售经理", "Regional Sales Manager"), ("KA经理", "Key Account Manager"),
          ("促销督导", "Promotion Supervisor"), ("渠道专员", "Channel Specialist"), ("电商运营专员", "E-commerce Specialist"),
          ("市场专员", "Marketing Specialist"), ("城市经理", "City Manager"), ("导购主管", "Store Promoter Supervisor"),
          ("销售助理", "Sales Assistant")]

SCHOOLS = {
    "bachelor": [("华东师范大学", "East China Normal University"), ("武汉大学", "Wuhan University"),
                 ("暨南大学", "Jinan University"), ("四川大学", "Sichuan University"), ("南京财经大学", "Nanjing University of Finance and Economics")],
    "master": [("复旦大学", "Fudan University"), ("中山大学", "Sun Yat-sen University"), ("上海财经大学", "Shanghai University of Finance and Economics")],
    "phd": [("北京大学", "Peking University"), ("清华大学", "Tsinghua University")],
    "associate": [("广州番禺职业技术学院", "Guangzhou Panyu Polytechnic"), ("深圳职业技术学院", "Shenzhen Polytechnic"),
                  ("浙江商业职业技术学院", "Zhejiang Business College")],
    "high_school": [("广州市商贸职业学校", "Guangzhou Commerce Vocational School"), ("成都市第七中学", "Chengdu No.7 High School")],
}
MAJORS = [("市场营销", "Marketing"), ("工商管理", "Business Administration"), ("国际贸易", "International Trade"),
          ("统计学", "Statistics"), ("电子商务", "Electronic Commerce"), ("食品科学", "Food Science")]

# skill id -> surface forms a candidate might write (zh, en); several per skill so the vocabulary is exercised
SKILL_FORMS = {
    "channel_development": (["渠道拓展", "渠道开发", "线下渠道拓展"], ["channel development", "channel expansion"]),
    "key_account": (["KA", "大客户管理"], ["key account management", "KA"]),
    "merchandising": (["陈列", "终端陈列", "商品陈列"], ["merchandising", "shelf display"]),
    "live_streaming": (["直播带货", "直播"], ["live streaming", "live commerce"]),
    "data_analysis": (["数据分析", "销售数据分析"], ["data analysis", "data analytics"]),
    "excel": (["Excel", "数据透视表"], ["Excel", "pivot tables"]),
    "negotiation": (["商务谈判"], ["negotiation", "contract negotiation"]),
    "team_management": (["团队管理", "带团队"], ["team management", "people management"]),
    "promotion": (["促销活动", "地推"], ["trade promotion", "in-store promotion"]),
    "ecommerce_operations": (["电商运营", "天猫运营"], ["e-commerce operations"]),
    "social_media": (["新媒体运营", "小红书"], ["social media marketing", "content marketing"]),
    "distribution": (["铺货", "分销管理"], ["distribution management", "route to market"]),
    "sales_forecasting": (["销售预测"], ["sales forecasting", "demand forecasting"]),
    "crm": (["CRM", "客户关系管理"], ["CRM", "Salesforce"]),
    "category_management": (["品类管理"], ["category management"]),
    "new_product_launch": (["新品上市", "新品推广"], ["new product launch", "product launch"]),
    "budget_management": (["预算管理", "费用管理"], ["budget management", "budgeting"]),
    "ppt": (["PPT"], ["PowerPoint"]),
    "community_group_buying": (["社区团购"], ["community group buying"]),
    "market_research": (["市场调研"], ["market research", "consumer insights"]),
}

LANG_FORMS = {"en": (["英语"], ["English"]), "zh": (["普通话"], ["Mandarin"]), "yue": (["粤语"], ["Cantonese"]),
              "ja": (["日语"], ["Japanese"])}
LEVEL_FORMS = {"en": (["流利", "良好", "熟练"], ["fluent", "professional working proficiency", "advanced"]),
               "zh": (["母语"], ["native"]), "yue": (["流利", "听说流利"], ["conversational", "fluent"]),
               "ja": (["日常交流", "N2"], ["basic", "intermediate"])}
CERT_FORMS = {"cet6": (["大学英语六级", "CET-6"], ["CET-6"]), "cet4": (["英语四级"], ["CET-4"]),
              "driver_license": (["C1驾照", "驾驶证"], ["Driver's license"]), "health_certificate": (["健康证"], ["Health certificate"]),
              "marketing_cert": (["助理营销师"], ["Marketing certificate (营销师)"]), "ielts": (["雅思7.0"], ["IELTS 7.0"]),
              "ncre": (["计算机二级"], ["NCRE Level 2 (计算机二级)"])}


@dataclass
class Job:
    """One work entry's truth."""

    employer_zh: str
    employer_en: str
    industry: str
    title_zh: str
    title_en: str
    start: tuple[int, int]
    end: tuple[int, int] | None  # None: to date
    duties: list[str] = field(default_factory=list)  # skill ids written in its bullets


@dataclass
class School:
    """One education entry's truth."""

    level: str
    school_zh: str
    school_en: str
    major_zh: str
    major_en: str
    start: int
    end: int


@dataclass
class Person:
    """A candidate: everything the labels say."""

    lang: str
    name: str
    email: str
    phone: str  # normalised truth, +86...
    city: tuple[str, str]
    jobs: list[Job]
    schools: list[School]
    skills_listed: list[str]
    languages: dict[str, int]
    certificates: list[str]

    @property
    def skills(self) -> list[str]:
        """Every vocabulary skill the resume mentions (listed or in duties)."""
        return sorted(set(self.skills_listed) | {s for j in self.jobs for s in j.duties})


def _months(a: tuple[int, int], b: tuple[int, int] | None) -> tuple[int, int]:
    b = b or AS_OF
    return a[0] * 12 + a[1] - 1, b[0] * 12 + b[1] - 1


def union_years(jobs: list[Job]) -> float:
    """Years covered by the jobs, overlaps once, end month inclusive (the definition the parser documents)."""
    months: set[int] = set()
    for j in jobs:
        a, b = _months(j.start, j.end)
        months.update(range(a, b + 1))
    return round(len(months) / 12, 1)


def make_person(rng: random.Random, lang: str) -> Person:
    """A random candidate with a plausible career."""
    if lang == "zh":
        name = rng.choice(ZH_SURNAMES) + rng.choice(ZH_GIVEN)
        email = f"{rng.choice(['zhang', 'li', 'wang', 'hr', 'cand'])}{rng.randint(10, 9999)}@{rng.choice(['163.com', 'qq.com', 'example.cn'])}"
    else:
        name = f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}"
        email = f"{name.split()[0].lower()}.{name.split()[1].lower()}{rng.randint(1, 99)}@{rng.choice(['gmail.com', 'outlook.com', 'example.com'])}"
    phone = "+861" + str(rng.choice([3, 5, 7, 8, 9])) + "".join(str(rng.randint(0, 9)) for _ in range(9))
    level = rng.choices(["high_school", "associate", "bachelor", "master", "phd"], [2, 4, 8, 4, 1])[0]
    grad = rng.randint(2004, 2022)
    schools = []
    chain = {"phd": ["bachelor", "master", "phd"], "master": ["bachelor", "master"]}.get(level, [level])
    if rng.random() < 0.4 and len(chain) > 1:
        chain = chain[-1:]  # some list only the highest degree
    year = grad - sum({"phd": 4, "master": 3, "bachelor": 4, "associate": 3, "high_school": 3}[lv] for lv in chain)
    for lv in chain:
        dur = {"phd": 4, "master": 3, "bachelor": 4, "associate": 3, "high_school": 3}[lv]
        s_zh, s_en = rng.choice(SCHOOLS[lv])
        m_zh, m_en = rng.choice(MAJORS)
        schools.append(School(lv, s_zh, s_en, m_zh, m_en, year, year + dur))
        year += dur
    jobs: list[Job] = []
    cur = (grad, rng.choice([7, 8, 9]))
    n_jobs = rng.randint(1, 4)
    skill_ids = list(SKILL_FORMS)
    for k in range(n_jobs):
        emp_zh, emp_en, ind = rng.choice(EMPLOYERS)
        t_zh, t_en = rng.choice(TITLES)
        length = rng.randint(8, 48)
        end_idx = cur[0] * 12 + cur[1] - 1 + length
        end = (end_idx // 12, end_idx % 12 + 1)
        last = k == n_jobs - 1
        if end >= AS_OF or (last and rng.random() < 0.5):
            end = None
        duties = rng.sample(skill_ids, rng.randint(1, 3))
        jobs.append(Job(emp_zh, emp_en, ind, t_zh, t_en, cur, end, duties))
        if end is None:
            break
        gap = rng.choice([-3, 0, 1, 2, 5])  # -3: the next job started before this one ended
        nxt = end[0] * 12 + end[1] - 1 + gap
        cur = (nxt // 12, nxt % 12 + 1)
        if cur >= AS_OF:
            break
    jobs.reverse()  # resumes list the latest job first
    listed = rng.sample(skill_ids, rng.randint(3, 6))
    languages = {"zh": 1} if lang == "zh" else {"en": 1}
    other = "en" if lang == "zh" else "zh"
    if rng.random() < 0.8:
        languages[other] = 1
    if rng.random() < 0.25:
        languages[rng.choice(["yue", "ja"])] = 1
    certs = rng.sample(list(CERT_FORMS), rng.randint(0, 3))
    if "cet6" in certs and "cet4" in certs:
        certs.remove("cet4")
    if {"cet4", "cet6", "ielts"} & set(certs):
        languages["en"] = 1  # an English test names English even without a languages section
    return Person(lang, name, email, phone, rng.choice(CITIES), jobs, schools, listed, languages, certs)


def labels(person: Person, filename: str, fmt: str) -> dict:
    """The label line for one rendered resume."""
    return {
        "file": filename, "format": fmt, "language": person.lang, "as_of": f"{AS_OF[0]}-{AS_OF[1]:02d}-01",
        "name": person.name, "email": person.email, "phone": person.phone,
        "location": person.city[1].lower(),
        "education_level": max((s.level for s in person.schools),
                               key=["high_school", "associate", "bachelor", "master", "phd"].index),
        "education": [{"level": s.level, "school": s.school_zh if person.lang == "zh" else s.school_en,
                       "major": s.major_zh if person.lang == "zh" else s.major_en} for s in person.schools],
        "work": [{"employer": j.employer_zh if person.lang == "zh" else j.employer_en,
                  "title": j.title_zh if person.lang == "zh" else j.title_en,
                  "start": f"{j.start[0]}-{j.start[1]:02d}", "end": None if j.end is None else f"{j.end[0]}-{j.end[1]:02d}",
                  "current": j.end is None} for j in person.jobs],
        "total_years": union_years(person.jobs),
        "industry_years": {"fmcg": union_years([j for j in person.jobs if j.industry == "fmcg"])},
        "skills": person.skills,
        "languages": sorted(person.languages),
        "certificates": sorted(person.certificates),
    }
