"""The closed loop's analyst tools on one shared demo history: profiles, leavers and screening rules, the funnel,
selection audits, saved models with cards, predictions, weight decisions and the scheduled risk refresh."""

from __future__ import annotations

import csv
import io

import pytest

from hireloop.loop.demo import demo_params
from hireloop.ml.synth import DEFAULT_JOBS, simulate_history
from tests.factories import login, make_tenant


@pytest.fixture(scope="module")
def demo(settings):
    """One organization holding the demo history (default seed), shared by this module's tests."""
    from hireloop.db import unit_of_work
    from hireloop.loop.demo import load_demo_history

    tenant = make_tenant(settings)
    with unit_of_work(settings) as uow:
        loaded = load_demo_history(uow.session, tenant.org_id, demo_params())
        uow.commit()
    return tenant, loaded


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_dashboard_renders_new_sections(demo, client):
    tenant, _ = demo
    login(client, tenant.emails["analyst"])
    r = client.get("/loop")
    assert r.status_code == 200, r.text
    print(r.text[:200])
