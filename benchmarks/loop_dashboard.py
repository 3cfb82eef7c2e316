"""Latency of the loop dashboard (/loop) and the loop API on the demo history, as an analyst's browser gets them.

Loads the demo history (about 400 hires, 1,500 applicants, 3,600 monthly reviews) into a fresh SQLite database,
logs an analyst in through the real login form and times each page or endpoint (median of --repeat runs),
before and after the risk scores are stored. Prints JSON.

Run: PYTHONPATH=src python benchmarks/loop_dashboard.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PATHS = ["/loop", "/loop?job=store_promoter", "/api/v1/loop/hire-quality", "/api/v1/loop/profile",
         "/api/v1/loop/leavers", "/api/v1/loop/funnel", "/api/v1/loop/bias-audit?kind=selection",
         "/api/v1/loop/at-risk"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="hireloop-loop-bench-"))
    os.environ.update({"HIRELOOP_DATABASE_URL": f"sqlite:///{tmp / 'bench.db'}",
                       "HIRELOOP_STORAGE_ROOT": str(tmp / "storage"), "HIRELOOP_OUTBOX_DIR": str(tmp / "outbox"),
                       "HIRELOOP_SECRET_KEY": "bench-" + uuid.uuid4().hex, "HIRELOOP_DEFAULT_LOCALE": "en"})
    from fastapi.testclient import TestClient

    from hireloop.api.app import create_app
    from hireloop.config import get_settings
    from hireloop.db import unit_of_work
    from hireloop.loop import service
    from hireloop.loop.demo import load_demo_history
    from hireloop.migrate import upgrade
    from tests.factories import login, make_tenant

    get_settings.cache_clear()
    settings = get_settings()
    upgrade(settings)
    tenant = make_tenant(settings)
    t0 = time.perf_counter()
    with unit_of_work(settings) as uow:
        loaded = load_demo_history(uow.session, tenant.org_id)
        uow.commit()
    load_s = time.perf_counter() - t0

    def timings(client: TestClient) -> dict[str, float]:
        out = {}
        for path in PATHS:
            runs = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                r = client.get(path)
                runs.append(time.perf_counter() - t)
                assert r.status_code == 200, (path, r.status_code, r.text[:200])
            out[path] = round(statistics.median(runs) * 1000, 1)
        return out

    with TestClient(create_app(settings)) as client:
        login(client, tenant.emails["analyst"])
        before = timings(client)
        t0 = time.perf_counter()
        with unit_of_work(settings) as uow:
            refresh = service.refresh_risk(uow.session, tenant.org_id)
            uow.commit()
        refresh_s = time.perf_counter() - t0
        after = timings(client)
    print(json.dumps({"database": "sqlite", "hires": loaded.employees, "applicants": loaded.applicants,
                      "reviews": loaded.reviews, "demo_load_s": round(load_s, 2),
                      "risk_refresh_s (train + score + store)": round(refresh_s, 2), "scored": refresh.scored,
                      "median_ms_risk_computed_per_request": before, "median_ms_risk_stored": after}, indent=2))


if __name__ == "__main__":
    main()
