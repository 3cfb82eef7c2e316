"""Console page /loop: hire quality by score band, validity with intervals, the bias audit and the at-risk list.

Charts are server-rendered SVG (geometry computed here, drawn by the template): no JavaScript, no CDN.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, TypeVar

import numpy as np
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from hireloop import i18n
from hireloop.accounts.actor import Actor
from hireloop.accounts.permissions import Perm
from hireloop.api.deps import UoW, requires
from hireloop.errors import ValidationFailed
from hireloop.loop import analytics as an
from hireloop.ml.quality import HireQuality
from hireloop.ml.validity import ValidityCoefficient
from hireloop.web.render import render

router = APIRouter(include_in_schema=False)
Reader = Annotated[Actor, Depends(requires(Perm.EMPLOYEES_READ))]
T = TypeVar("T")
CHART_W, CHART_H, PAD = 520, 200, 30


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


@router.get("/loop")
def loop_page(request: Request, uow: UoW, actor: Reader, job: str | None = None) -> Response:
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
    audit = attempt(lambda: an.bias_audit(frames, job))
    risk = attempt(lambda: an.risk_list(frames, job, band="high", limit=20)) or []
    zh = i18n.get_locale().startswith("zh")
    return render(request, "loop/dashboard.html", {
        "job": job, "jobs": an.jobs(frames), "quality": quality, "notes": list(dict.fromkeys(notes)),
        "sentence": (quality.sentence_zh if zh else quality.sentence_en) if quality else None,
        "band_bars": band_bars(quality) if quality else [], "validity_rows": validity,
        "validity_bars": validity_bars(validity), "audit": audit, "risk": risk,
        "chart": {"w": CHART_W, "h": CHART_H, "pad": PAD, "mid": CHART_W / 2 + 60},
    })
