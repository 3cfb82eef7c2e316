"""Load the demo company idempotently: running it twice changes nothing the second time."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

from hireloop.accounts import repository as accounts_repo
from hireloop.accounts import service as accounts
from hireloop.accounts.actor import system_actor
from hireloop.candidates import pipeline
from hireloop.candidates import repository as cand_repo
from hireloop.candidates import service as candidates
from hireloop.candidates.schemas import CandidateCreate
from hireloop.candidates.stages import PIPELINE, Stage
from hireloop.config import Settings
from hireloop.db import unit_of_work
from hireloop.jobs import repository as jobs_repo
from hireloop.jobs.from_template import create_from_template
from hireloop.models import Job

DEMO_PASSWORD = "hireloop-demo-2026"
DATA = Path(__file__).parent / "company.yaml"

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
_GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "晓东", "婷婷", "子涵", "浩然"]
_EN = ["Emily Chen", "Jason Wu", "Sophia Lin", "Kevin Zhang", "Grace Liu", "Daniel Huang", "Olivia Zhao", "Ryan Xu"]
_CITIES = ["上海", "广州", "杭州", "北京", "深圳", "南京", "成都", "武汉"]
_EDU = ["高中", "大专", "本科", "本科", "硕士"]


def _candidate_specs(n: int, seed: int = 20261125) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    specs = []
    for i in range(n):
        if i % 6 == 5:
            name = _EN[(i // 6) % len(_EN)]
            email = name.lower().replace(" ", ".") + f"{i}@mail.example"
        else:
            name = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
            email = f"cand{i:03d}@mail.example"
        specs.append({
            "full_name": name, "email": email, "phone": f"+86 13{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}",
            "location": rng.choice(_CITIES), "source": rng.choice(["招聘网站", "内推 referral", "校园招聘", "LinkedIn"]),
            "profile": {"years_experience": rng.choice([0, 1, 2, 3, 4, 5, 6, 8]), "education": rng.choice(_EDU)},
        })
    return specs


_COMPANIES = [("宝洁（中国）有限公司", "fmcg"), ("农夫山泉股份有限公司", "fmcg"), ("康师傅控股有限公司", "fmcg"),
              ("联合利华（中国）", "fmcg"), ("苏宁易购", "retail"), ("华为技术有限公司", "tech")]
_TITLES = ["销售代表", "城市经理", "区域销售主管", "KA经理", "导购", "电商运营专员", "市场专员"]
_SKILLS = ["渠道拓展", "渠道管理", "KA管理", "数据分析", "陈列", "直播", "团队管理", "谈判", "Excel", "沟通", "促销"]
_EDU_SCHOOL = {"高中": "广州市第二中学", "大专": "深圳职业技术学院", "本科": "华南理工大学", "硕士": "复旦大学"}


def _resume_text(spec: dict[str, Any], rng: random.Random, job_skills: list[str]) -> str:
    """A plain-text resume for a demo candidate, so that screening has something real to read."""
    years = int(spec["profile"]["years_experience"])
    edu = spec["profile"]["education"]
    lines = [spec["full_name"], f"电话：{spec['phone']}  邮箱：{spec['email']}  现居：{spec['location']}", "", "工作经历"]
    end, left = 2026, years
    while left > 0:
        span = min(left, rng.choice([1, 2, 3]))
        company, _ind = rng.choice(_COMPANIES)
        lines.append(f"{end - span}.03 - {end}.02  {company}  {rng.choice(_TITLES)}")
        lines.append(f"负责{rng.choice(['华东', '华南', '华北'])}区域{rng.choice(['线下渠道拓展', '商超KA客户维护', '门店陈列与促销', '直播带货运营'])}，"
                     f"完成销售目标 {rng.randint(90, 130)}%。")
        end, left = end - span, left - span
    lines += ["", "教育经历", f"{2026 - years - 4}.09 - {2026 - years}.06  {_EDU_SCHOOL.get(edu, '华南理工大学')}  市场营销  {edu}",
              "", "技能", "、".join(sorted(set(rng.sample(_SKILLS, 4)) | (set(job_skills) if rng.random() < 0.7 else set())))]
    return "\n".join(lines)


def _import_demo_resumes(session: Any, actor: Any, job_rows: list[Job], specs: list[dict[str, Any]]) -> None:
    """Resumes of the demo candidates through the real import and screening pipeline, job by job."""
    from hireloop.screening import service as screening

    from hireloop.screening.lexicons.skills import SKILLS

    rng = random.Random(11)
    for j, job in enumerate(job_rows):
        job_skills = [SKILLS[sid][1] for sid in (job.requirements or {}).get("required_skills", []) if sid in SKILLS]
        files = [(f"{spec['email'].split('@')[0]}.txt", _resume_text(spec, rng, job_skills).encode())
                 for i, spec in enumerate(specs) if i % len(job_rows) == j]
        batch = screening.start_import(session, actor, job.id, files)
        screening.process_import(session, batch.id, commit_each=False)


def load_demo(settings: Settings, *, candidates_count: int = 36) -> dict[str, Any]:
    """Create (or complete) the demo organization, its users, jobs, candidates and pipeline."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    with unit_of_work(settings) as uow:
        s = uow.session
        org_spec = data["organization"]
        org = accounts_repo.org_by_slug(s, org_spec["slug"]) or accounts.create_organization(s, **org_spec)
        actor = system_actor(org.id, "demo loader")
        for u in data["users"]:
            if accounts_repo.user_by_email(s, u["email"]) is None:
                accounts.create_user(s, org_id=org.id, password=DEMO_PASSWORD, **u)
        existing = {j.template_key: j for j in jobs_repo.all_jobs(s, org.id)}
        job_rows: list[Job] = []
        for spec in data["jobs"]:
            if spec["template"] in existing:
                job_rows.append(existing[spec["template"]])
                continue
            job_rows.append(create_from_template(s, actor, template_key=spec["template"], locale=org.default_locale,
                                                 overrides=spec.get("fields")))
        rng = random.Random(7)
        made = 0
        for i, spec in enumerate(_candidate_specs(candidates_count)):
            if cand_repo.find_duplicate(s, org.id, email=spec["email"], phone=None):
                continue
            cand = candidates.create(s, actor, data=CandidateCreate(**spec))
            made += 1
            job = job_rows[i % len(job_rows)]
            app = pipeline.apply(s, actor, job_id=job.id, candidate_id=cand.id, source=spec["source"])
            target = rng.choice([0, 0, 1, 1, 2, 2, 3, 3, 4, 5, 6, -1])
            if target == -1:
                # A person decides every rejection (the policy's human review); the demo names its recruiter.
                recruiter = next((u["name"] for u in data["users"] if u["role"] == "recruiter"), "demo recruiter")
                pipeline.move(s, actor, app.id, to_stage=Stage.REJECTED, reason="不符合最低学历要求 (demo)",
                              decided_by=recruiter)
            else:
                for stage in PIPELINE[1 : target + 1]:
                    pipeline.move(s, actor, app.id, to_stage=stage, reason="demo")
        if made:
            _import_demo_resumes(s, actor, job_rows, _candidate_specs(candidates_count))
        from hireloop.loop.demo import load_demo_history

        history = load_demo_history(s, org.id)  # two simulated years of hires and outcomes for the loop dashboard
        uow.commit()
        total_jobs = len(jobs_repo.all_jobs(s, org.id))
        return {"organization": org.slug, "jobs": total_jobs, "candidates_added": made,
                "simulated_employees_added": getattr(history, "employees", None),
                "users": [u["email"] for u in data["users"]]}
