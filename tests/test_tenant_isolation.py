"""Tenant isolation: with two organizations, no route of one returns, changes or counts the other's records.

The test walks every registered route, so a new route is covered the moment it exists.
"""

from __future__ import annotations

from sqlalchemy import select

from hireloop.db import session_factory
from hireloop.models import Base
from tests.factories import api, login
from tests.routes import PUBLIC, all_routes, fill, sample


def snapshot(settings, org_id) -> dict[str, list]:
    """Every row of every table that belongs to one organization."""
    out = {}
    with session_factory(settings)() as s:
        for table in Base.metadata.sorted_tables:
            col = table.c.get("org_id") if table.name != "organizations" else table.c.id
            if col is None:
                continue
            rows = s.execute(select(table).where(col == org_id)).mappings().all()
            out[table.name] = sorted((tuple(sorted((k, str(v)) for k, v in r.items())) for r in rows))
    return out


def test_no_route_reaches_another_tenants_records(client, settings, tenant, other_tenant):
    before = snapshot(settings, other_tenant.org_id)
    foreign = [*other_tenant.ids, other_tenant.marker]
    checked = 0
    for credentials in ("cookie", "api_key"):
        csrf = login(client, tenant.emails["admin"]) if credentials == "cookie" else None
        for method, path in all_routes(client.app):
            if (method, path) in PUBLIC or path == "/logout":
                continue
            if credentials == "api_key" and not path.startswith("/api/"):
                continue
            if credentials == "cookie":
                headers = {}
            else:
                client.cookies.clear()
                headers = api(tenant.api_key)
            target = fill(path, other_tenant)  # the other organization's ids in the path
            kwargs = sample(method, path, other_tenant, csrf)
            kwargs["headers"] = {**kwargs["headers"], **headers}
            r = client.request(method, target, follow_redirects=False, **kwargs)
            checked += 1
            where = f"{credentials} {method} {path}"
            if "{" in path or (method, path) == ("POST", "/api/v1/applications"):
                # Another tenant's id must look exactly like an unknown id (or be refused outright).
                allowed = {404} if credentials == "cookie" or "api-keys" not in path else {403, 404}
                assert r.status_code in allowed, f"{where}: {r.status_code} {r.text[:200]}"
            else:
                assert r.status_code < 500, f"{where}: {r.status_code}"
            body = r.text
            sent = str(kwargs.get("json", "")) + str(kwargs.get("data", ""))
            for needle in foreign:
                if needle not in sent:  # echoing back an id the caller sent reveals nothing
                    assert needle not in body, f"{where} leaks {needle!r}"
    assert checked >= 20
    assert snapshot(settings, other_tenant.org_id) == before, "a request of one tenant changed another tenant's rows"


def test_lists_and_counts_are_scoped(client, tenant, other_tenant):
    h = api(tenant.api_key)
    for path, n in [("/api/v1/jobs", 1), ("/api/v1/candidates", 2), ("/api/v1/applications", 2), ("/api/v1/interviews", 1)]:
        items = client.get(path, headers=h).json()["items"]
        assert len(items) == n, path  # what the factory made for this tenant, and nothing of the other
    csrf = login(client, tenant.emails["admin"])
    assert csrf
    page = client.get("/jobs").text
    # this tenant's screened and invited applications are counted, the other tenant's are not
    assert page.count('<td class="num">1</td>') == 2
