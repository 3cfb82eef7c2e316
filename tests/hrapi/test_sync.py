"""Incremental sync: after creates, updates and deletes, updated_after returns exactly those changes."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from tests.factories import api


def _all(client, path, h, **params):
    out, cursor = [], None
    while True:
        page = client.get(path, params={**params, "limit": 2, **({"cursor": cursor} if cursor else {})}, headers=h)
        assert page.status_code == 200, page.text
        out += page.json()["items"]
        cursor = page.json()["next_cursor"]
        if not cursor:
            return out


def _watermark() -> str:
    time.sleep(0.01)  # timestamps have microsecond resolution; keep the watermark strictly between writes
    mark = datetime.now(UTC).isoformat()
    time.sleep(0.01)
    return mark


def test_updated_after_returns_exactly_the_changes(client, tenant):
    h = api(tenant.api_key)
    ids = [client.post("/api/v1/employees", json={"remote_id": f"S{i}", "full_name": f"Sync {i}"},
                       headers=h).json()["id"] for i in range(5)]
    mark = _watermark()
    new = client.post("/api/v1/employees", json={"remote_id": "S9", "full_name": "New"}, headers=h).json()["id"]
    assert client.patch(f"/api/v1/employees/{ids[1]}", json={"job_title": "Lead"}, headers=h).status_code == 200
    assert client.delete(f"/api/v1/employees/{ids[3]}", headers=h).status_code == 200

    changed = _all(client, "/api/v1/employees", h, updated_after=mark, include_deleted="true")
    assert [e["id"] for e in changed] == [new, ids[1], ids[3]]  # change order, paged two at a time
    assert [e["deleted"] for e in changed] == [False, False, True]
    assert changed[2]["deleted_at"] is not None

    live = _all(client, "/api/v1/employees", h, updated_after=mark)
    assert [e["id"] for e in live] == [new, ids[1]]  # without include_deleted, a deletion is not listed
    assert client.get(f"/api/v1/employees/{ids[3]}", headers=h).status_code == 404
    assert {e["id"] for e in _all(client, "/api/v1/employees", h)} == {*ids, new} - {ids[3]}

    # Nothing changed after the last change: the next sync is empty.
    last = changed[-1]["updated_at"]
    assert _all(client, "/api/v1/employees", h, updated_after=last, include_deleted="true") == []


def test_applications_and_candidates_sync_by_updated_after(client, tenant):
    h = api(tenant.api_key)
    mark = _watermark()
    assert client.get("/api/v1/applications", params={"updated_after": mark}, headers=h).json()["items"] == []
    r = client.post(f"/api/v1/applications/{tenant.application_id}/stage", json={"to_stage": "invited"}, headers=h)
    assert r.status_code == 200
    items = client.get("/api/v1/applications", params={"updated_after": mark}, headers=h).json()["items"]
    assert [(a["id"], a["stage"]) for a in items] == [(str(tenant.application_id), "invited")]
    assert client.get("/api/v1/jobs", params={"updated_after": mark}, headers=h).json()["items"] == []
    client.patch(f"/api/v1/candidates/{tenant.candidate_id}", json={"location": "Shanghai"}, headers=h)
    cands = client.get("/api/v1/candidates", params={"updated_after": mark}, headers=h).json()["items"]
    assert [c["id"] for c in cands] == [str(tenant.candidate_id)]
    assert cands[0]["deleted_at"] is None


def test_a_bad_timestamp_is_a_clear_422(client, tenant):
    r = client.get("/api/v1/employees", params={"updated_after": "yesterday"}, headers=api(tenant.api_key))
    assert r.status_code == 422 and r.json()["error"]["code"] == "validation_failed"
