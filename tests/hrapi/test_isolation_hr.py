"""Tenant isolation for the performance, webhook and import routes, with real records in both organizations."""

from __future__ import annotations

from tests.factories import api
from tests.hrapi.support import make_hr_objects
from tests.routes import EXTRA_PARAMS, all_routes, fill, sample
from tests.test_tenant_isolation import snapshot

HR_PREFIXES = ("/api/v1/employees", "/api/v1/review-cycles", "/api/v1/reviews", "/api/v1/employment-changes",
               "/api/v1/exits", "/api/v1/webhook", "/api/v1/import")


def test_hr_routes_never_reach_another_tenants_records(client, settings, tenant, other_tenant):
    make_hr_objects(settings, tenant)
    make_hr_objects(settings, other_tenant)
    before = snapshot(settings, other_tenant.org_id)
    foreign = [*other_tenant.ids, *(str(v) for v in other_tenant.extra.values()), other_tenant.marker]
    checked = 0
    for method, path in all_routes(client.app):
        if not path.startswith(HR_PREFIXES):
            continue
        kwargs = sample(method, path, other_tenant, None)
        kwargs["headers"] = api(tenant.api_key)
        r = client.request(method, fill(path, other_tenant), **kwargs)
        where = f"{method} {path}"
        if any("{" + p + "}" in path for p in EXTRA_PARAMS):
            assert r.status_code == 404, f"{where}: {r.status_code} {r.text[:200]}"
        else:
            assert r.status_code < 500, f"{where}: {r.status_code} {r.text[:300]}"
        for needle in foreign:
            assert needle not in r.text, f"{where} leaks {needle!r}"
        checked += 1
    assert checked >= 30
    assert snapshot(settings, other_tenant.org_id) == before


def test_own_records_are_reachable(client, settings, tenant):
    ids = make_hr_objects(settings, tenant)
    h = api(tenant.api_key)
    for path, key in [("/api/v1/employees/{}", "employee_id"), ("/api/v1/reviews/{}", "review_id"),
                      ("/api/v1/exits/{}", "exit_id"), ("/api/v1/employment-changes/{}", "change_id"),
                      ("/api/v1/review-cycles/{}", "cycle_id"), ("/api/v1/webhook-subscriptions/{}", "subscription_id"),
                      ("/api/v1/webhook-deliveries/{}", "delivery_id")]:
        r = client.get(path.format(ids[key]), headers=h)
        assert r.status_code == 200, (path, r.text)
    sub = client.get(f"/api/v1/webhook-subscriptions/{ids['subscription_id']}", headers=h).json()
    assert "secret" not in sub  # shown once, at creation only
