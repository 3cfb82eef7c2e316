"""Time from the last answer's upload to both reports being ready, for a five-question two-minute-answer interview.

Builds a 120 s Mandarin answer at run time (real AISHELL speech looped with pauses under a moving real face, via
PyAV; benchmarks/analysis_speed.py), creates a regional sales manager job (five competencies, so five questions)
in a fresh SQLite database, and stores the five answers. The first four are analysed and their content scored
untimed, through the same tasks: in production that happens while the candidate records the next question. Then the clock starts when the last answer is stored
(its analysis task is queued, exactly as the upload endpoint does) and stops when both reports exist; the queued
tasks run through the real task rows (claim_next / run_task, the embedded worker's loop) with the default models.

Two runs in one process: `cold` (first interview: model loads included, as after a restart) and `warm` (a second
interview: models already loaded). The warm run reuses the first four answers' analyses of the same recording,
which are deterministic, to spend CPU only on what is timed. Prints JSON.

Run: PYTHONPATH=src python benchmarks/report_latency.py [--seconds 120] [--out-dir /tmp/hireloop-bench]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
GOAL_S = 90.0
TEMPLATE = "fmcg_regional_sales_manager"


def _settings(tmp: Path):  # noqa: ANN202
    os.environ.update({
        "HIRELOOP_DATABASE_URL": f"sqlite:///{tmp / 'bench.db'}",
        "HIRELOOP_STORAGE_ROOT": str(tmp / "storage"),
        "HIRELOOP_OUTBOX_DIR": str(tmp / "outbox"),
        "HIRELOOP_SECRET_KEY": "bench-" + uuid.uuid4().hex,
    })
    from hireloop.config import get_settings
    from hireloop.migrate import upgrade

    get_settings.cache_clear()
    settings = get_settings()
    upgrade(settings)
    return settings


def _setup(settings, org_id=None):  # noqa: ANN001, ANN202
    """An organization (once), the job from its template and one invited, consenting candidate."""
    from hireloop.accounts import service as accounts
    from hireloop.accounts.actor import system_actor
    from hireloop.candidates import pipeline
    from hireloop.candidates import service as candidates
    from hireloop.candidates.schemas import CandidateCreate
    from hireloop.compliance import consent
    from hireloop.compliance.policies import Purpose, preset
    from hireloop.db import unit_of_work
    from hireloop.interviews import service as interviews
    from hireloop.jobs import repository as jobs_repo
    from hireloop.jobs import service as jobs
    from hireloop.jobs.schemas import CompetencyIn, JobCreate
    from hireloop.templates.loader import get_template

    with unit_of_work(settings) as uow:
        s = uow.session
        if org_id is None:
            org_id = accounts.create_organization(s, name="Bench", slug=f"bench-{uuid.uuid4().hex[:6]}").id
            t = get_template(TEMPLATE)
            job = jobs.create(s, system_actor(org_id), template_key=t.key, data=JobCreate(
                title=t.title.zh, country="CN", competencies=[
                    CompetencyIn(key=c.key, name=c.name.zh, weight=c.weight, anchors=c.anchor_texts("zh"))
                    for c in t.competencies]))
            job_id = job.id
        else:
            job_id = jobs_repo.all_jobs(s, org_id)[0].id
        actor = system_actor(org_id, "bench")
        cand = candidates.create(s, actor, data=CandidateCreate(full_name=f"候选人{uuid.uuid4().hex[:4]}",
                                                                email=f"{uuid.uuid4().hex[:8]}@bench.example"))
        app = pipeline.apply(s, actor, job_id=job_id, candidate_id=cand.id)
        iv = interviews.invite(s, actor, app.id, locale="zh_CN")
        consent.grant(s, None, org_id=org_id, candidate_id=cand.id, policy=preset(iv.policy_key),
                      purposes=[p.value for p in Purpose], method="bench", locale="zh_CN")
        ids = (org_id, iv.id, len(iv.questions))
        uow.commit()
    return ids


def _store_answers(settings, org_id, interview_id, n: int, media: Path) -> list:  # noqa: ANN001
    from hireloop.db import unit_of_work
    from hireloop.models import Answer
    from hireloop.storage import get_storage

    ids = []
    with unit_of_work(settings) as uow:
        for i in range(n):
            key = f"org/{org_id}/answers/{uuid.uuid4().hex}.mp4"
            dest = get_storage().path(key)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(media, dest)
            a = Answer(org_id=org_id, interview_id=interview_id, question_index=i, storage_key=key,
                       content_type="video/mp4", size_bytes=dest.stat().st_size, sha256="0" * 64, status="stored")
            uow.session.add(a)
            uow.session.flush()
            ids.append(a.id)
        uow.commit()
    return ids


def _drain(settings) -> dict[str, float]:  # noqa: ANN001
    """Run queued tasks the way the embedded worker does, one at a time; seconds per task name."""
    from hireloop.db import session_factory
    from hireloop.dispatch import claim_next, load_task_modules, run_task

    load_task_modules(settings)
    spent: dict[str, float] = {}
    with session_factory(settings)() as s:
        while (row := claim_next(s, "bench", 600)) is not None:
            name, task_id = row.name, row.id
            t = time.perf_counter()
            status = run_task(settings, task_id, "bench")
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - t
            if status != "done":
                raise SystemExit(f"task {name} ended {status}")
    return spent


def _one_run(settings, media: Path, org_id=None, reuse_from=None) -> dict:  # noqa: ANN001
    from hireloop.db import unit_of_work
    from hireloop.dispatch import enqueue
    from hireloop.scoring.tasks import after_answer_analysed
    from hireloop.interviews import repository as iv_repo
    from hireloop.models import AnswerAnalysis, Interview, utcnow
    from hireloop.reports import repository as reports_repo

    org_id, iv_id, n = _setup(settings, org_id)
    answers = _store_answers(settings, org_id, iv_id, n, media)
    t_prep = time.perf_counter()
    for i, answer_id in enumerate(answers[:-1]):
        with unit_of_work(settings) as uow:
            src = reuse_from[i] if reuse_from else None
            if src is not None:
                row = uow.session.get(AnswerAnalysis, src)
                uow.session.add(AnswerAnalysis(org_id=org_id, answer_id=answer_id, language=row.language,
                                               transcript=row.transcript, measures=row.measures, face=row.face,
                                               modes=row.modes, notes=row.notes, models=row.models,
                                               timings=row.timings, schema_version=row.schema_version))
                iv_repo.get_answer(uow.session, org_id, answer_id).status = "analysed"
                uow.session.flush()
                after_answer_analysed(uow.session, answer_id)  # what the analysis task does next
            else:
                enqueue(uow.session, "interviews.analyze_answer", org_id=org_id, answer_id=str(answer_id))
            uow.commit()
    earlier = _drain(settings)  # analysis and content scoring of answers 1-4, done while the candidate records
    prep_s = time.perf_counter() - t_prep
    with unit_of_work(settings) as uow:
        iv = uow.session.get(Interview, iv_id)
        iv.status, iv.completed_at = "completed", utcnow()  # the candidate pressed finish after the last upload
        # The last upload has just been stored: its analysis is queued as the upload endpoint does.
        enqueue(uow.session, "interviews.analyze_answer", org_id=org_id, answer_id=str(answers[-1]))
        uow.commit()
    t0 = time.perf_counter()
    spent = _drain(settings)
    total = time.perf_counter() - t0
    with unit_of_work(settings) as uow:
        ready = [reports_repo.report_of(uow.session, org_id, iv_id, k) for k in ("hr", "candidate")]
        assert all(ready), "both reports must exist"
        render_ms = {r.kind: r.render_ms for r in ready}
        analyses = [iv_repo.analysis_for(uow.session, org_id, a).id for a in answers]
    return {"org_id": org_id, "analyses": analyses, "result": {
        "upload_to_reports_s": round(total, 2), "tasks_s": {k: round(v, 2) for k, v in spent.items()},
        "report_render_ms": render_ms, "earlier_answers_prep_s": round(prep_s, 1),
        "earlier_tasks_s": {k: round(v, 2) for k, v in earlier.items()}, "questions": n}}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--seconds", type=float, default=120.0)
    p.add_argument("--out-dir", type=Path, default=Path(tempfile.gettempdir()) / "hireloop-bench")
    args = p.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    import analysis_speed

    t = time.perf_counter()
    media = analysis_speed.build_answer("zh", args.seconds, args.out_dir, 640, 480, 15)
    build_s = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        settings = _settings(Path(tmp))
        cold = _one_run(settings, media)
        warm = _one_run(settings, media, org_id=cold["org_id"], reuse_from=cold["analyses"])
    out = {
        "benchmark": "report_latency",
        "interview": {"questions": cold["result"]["questions"], "answer_seconds": args.seconds, "language": "zh",
                      "video": "640x480 15 fps h264/aac", "template": TEMPLATE},
        "cold": cold["result"], "warm": warm["result"], "goal_s": GOAL_S,
        "meets_goal": {"cold": cold["result"]["upload_to_reports_s"] <= GOAL_S,
                       "warm": warm["result"]["upload_to_reports_s"] <= GOAL_S},
        "build_answer_s": round(build_s, 1), "cpu_count": os.cpu_count(),
        "load_avg_1m": round(os.getloadavg()[0], 2),
    }
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
