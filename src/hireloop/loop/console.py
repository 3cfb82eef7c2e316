"""Console page /loop: the funnel, the score distribution, hire quality by score band, validity with intervals,
high-performer profiles, leavers and screening rules, bias audits (selection and scoring), models and the
at-risk list.

Charts are server-rendered SVG (geometry computed here, drawn by the template): no JavaScript, no CDN.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

import numpy as np
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from hireloop import i18n
from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.api.deps import UoW, requires
from hireloop.errors import ValidationFailed
from hireloop.jobs import repository as jobs_repo
from hireloop.loop import analytics as an
from hireloop.loop import applicants as ap
from hireloop.loop import decisions, groups
from hireloop.loop import service as svc
from hireloop.loop.console_actions import DONE_MESSAGES
from hireloop.loop.console_actions import router as actions_router
from hireloop.ml.quality import HireQuality
from hireloop.ml.validity import ValidityCoefficient
from hireloop.ml.weights import WeightProposal
from hireloop.web.render import N_, render

router = APIRouter(include_in_schema=False)
router.include_router(actions_router)  # the page's forms: train models, accept or reject weights
Reader = Annotated[Actor, Depends(requires(Perm.EMPLOYEES_READ))]
T = TypeVar("T")
CHART_W, CHART_H, PAD = 520, 200, 30
STAGE_LABELS = {"applied": N_("Applied"), "screened": N_("Screened"), "interviewed": N_("Interviewed"),
                "offered": N_("Offered"), "hired": N_("Hired")}


@dataclass(frozen=True)
class Bar:
    """One bar of a chart in SVG coordinates, with its whisker (confidence interval) and labels."""

    x: float
    y: float
    w: float
    h: float
    lo: float  # whisker ends (SVG coordinates)
    hi: float
    label: str
    value: str
    n: int


def _fin(v: float, default: float = 0.0) -> float:
    return float(v) if v is not None and np.isfinite(v) else default


def band_bars(q: HireQuality) -> list[Bar]:
    """Vertical bars: met-target rate of each interview-score quintile, 0-100%, with Wilson intervals."""
    slot = (CHART_W - 2 * PAD) / len(q.bands)
    scale = CHART_H - 2 * PAD

    def y(v: float) -> float:
        return CHART_H - PAD - _fin(v) * scale

    return [Bar(PAD + i * slot + slot * 0.15, y(b.met_target.estimate), slot * 0.7, _fin(b.met_target.estimate) * scale,
                y(b.met_target.low), y(b.met_target.high), b.band,
                "—" if not np.isfinite(b.met_target.estimate) else f"{b.met_target.estimate:.0%}", b.n_performance)
            for i, b in enumerate(q.bands)]


def validity_bars(rows: list[ValidityCoefficient], outcome: str = "attainment_6m") -> list[Bar]:
    """Horizontal bars around r = 0 (-1 left, +1 right) with Fisher z intervals, one per predictor."""
    sel = [r for r in rows if r.outcome == outcome]
    mid, half = CHART_W / 2 + 60, (CHART_W - 2 * PAD - 120) / 2
    zh = i18n.get_locale().startswith("zh")
    out = []
    for i, r in enumerate(sel):
        x0, x1 = sorted((mid, mid + r.r * half))
        out.append(Bar(x0, PAD + i * 22, max(x1 - x0, 1.0), 14, mid + r.low * half, mid + r.high * half,
                       r.label_zh if zh else r.label_en, f"{r.r:+.2f}", r.n))
    return out


def funnel_bars(steps: list[ap.FunnelStep]) -> list[Bar]:
    """Horizontal bars, one per stage, as long as its share of all applicants."""
    width = CHART_W - 2 * PAD - 120
    first = steps[0].n if steps and steps[0].n else 1
    return [Bar(PAD + 90, PAD + i * 26, max(width * s.n / first, 1.0), 18, 0, 0, STAGE_LABELS[s.stage],
                f"{s.n} ({s.n / first:.0%})", s.n) for i, s in enumerate(steps)]


def histogram_bars(bins: list[ap.HistogramBin]) -> tuple[list[Bar], list[Bar]]:
    """Vertical bars per score bin: everyone interviewed, and the hired among them (drawn over it)."""
    if not bins:
        return [], []
    slot = (CHART_W - 2 * PAD) / len(bins)
    scale = (CHART_H - 2 * PAD) / max(max(b.n for b in bins), 1)
    base = CHART_H - PAD

    def bar(i: int, b: ap.HistogramBin, n: int) -> Bar:
        return Bar(PAD + i * slot + 1, base - n * scale, slot - 2, n * scale, 0, 0, f"{b.low:g}", str(n), n)

    return [bar(i, b, b.n) for i, b in enumerate(bins)], [bar(i, b, b.n_hired) for i, b in enumerate(bins)]


def target_jobs(session: Any, org_id: Any, proposal: WeightProposal) -> list[dict[str, Any]]:
    """The organization's HireLoop jobs a proposal could apply to, those assessing most of its competencies first."""
    wanted = {w.competency for w in proposal.weights}
    rows = [{"id": str(j.id), "title": j.title, "matching": len(wanted & {c.key for c in j.competencies})}
            for j in jobs_repo.all_jobs(session, org_id)]
    return sorted(rows, key=lambda r: -r["matching"])


def trained_card(models: list[dict[str, Any]], name: str | None, version: int | None) -> dict[str, Any] | None:
    """The card of the model version a training just saved (validation and metrics), to show after the redirect."""
    for m in models:
        if m["name"] == name:
            return next((c for c in m["versions"] if c["version"] == version), None)
    return None


@router.get("/loop")
def loop_page(request: Request, uow: UoW, actor: Reader, job: str | None = None, done: str | None = None,
              model: str | None = None, version: int | None = None) -> Response:
    """The analyst's dashboard of the closed loop for all hires or one job."""
    frames = an.load_frames(uow.session, actor.org_id)
    notes: list[str] = []

    def attempt(fn: Callable[[], T]) -> T | None:
        try:
            return fn()
        except ValidationFailed as exc:  # thin data: show what to do instead of failing the whole page
            notes.append(exc.message)
            return None

    job = job or None
    quality = attempt(lambda: an.quality(frames, job))
    validity = attempt(lambda: an.validity(frames, job)) or []
    stored = svc.stored_risk(uow.session, actor.org_id, job=job, band="high", limit=20)
    risk = stored["items"] if stored else an.to_jsonable(
        attempt(lambda: an.risk_list(frames, job, band="high", limit=20)) or [])
    apps = ap.load_applicants(uow.session, actor.org_id)
    japps = attempt(lambda: ap.for_job(apps, job, frames.hires)) if not apps.empty else None
    steps = ap.funnel(japps) if japps is not None else []
    hist_all, hist_hired = histogram_bars(ap.score_histogram(japps)) if japps is not None else ([], [])
    extra = groups.configured(uow.session, actor.org_id)
    selection = attempt(lambda: ap.selection(japps, extra)) if japps is not None else None
    if japps is not None and ap.interviewed(japps)["interview_score"].notna().any():  # as the API's scoring audit
        audit, audit_population = attempt(lambda: ap.scoring(japps, extra)), N_("interviewed applicants")
    else:
        audit, audit_population = attempt(lambda: an.bias_audit(frames, job)), N_("hires")
    profiles = attempt(lambda: an.profiles(frames, job)) or []
    leavers = attempt(lambda: an.leavers(frames, apps, job, extra_groups=extra))
    zh = i18n.get_locale().startswith("zh")
    can_manage = actor.can(Perm.SCORING_MODELS_MANAGE)
    proposal = attempt(lambda: an.weights(frames, job)) if job else None
    models = svc.model_cards(actor.org_id)
    return render(request, "loop/dashboard.html", {
        "job": job, "jobs": an.jobs(frames), "quality": quality, "notes": list(dict.fromkeys(notes)),
        "sentence": (quality.sentence_zh if zh else quality.sentence_en) if quality else None,
        "band_bars": band_bars(quality) if quality else [], "validity_rows": validity,
        "validity_bars": validity_bars(validity), "audit": audit, "risk": risk, "risk_meta": stored,
        "funnel": steps, "funnel_bars": funnel_bars(steps), "hist_all": hist_all, "hist_hired": hist_hired,
        "selection": selection, "stage_labels": STAGE_LABELS, "profiles": profiles, "leavers": leavers, "models": models,
        "can_manage": can_manage, "audit_population": audit_population, "configured_groups": extra,
        "available_groups": groups.available(apps) if can_manage else [], "proposal": proposal,
        "target_jobs": target_jobs(uow.session, actor.org_id, proposal) if can_manage and proposal else [],
        "decisions": decisions.listing(uow.session, actor.org_id, job)[:20],
        "done_message": i18n.gettext_(DONE_MESSAGES[done]) if done in DONE_MESSAGES else None,
        "trained_card": trained_card(models, model, version) if done == "trained" else None,
        "accepted_version": version if done == "accepted" else None,
        "chart": {"w": CHART_W, "h": CHART_H, "pad": PAD, "mid": CHART_W / 2 + 60},
    })
