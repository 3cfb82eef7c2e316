"""Reference client: sync an HR system with HireLoop using only the public API (httpx, an API key).

Pull: applications (new stages, hires) and assessment results changed since the last run, by `updated_after`
with a watermark kept in a small JSON state file. Push: reviews and exits from the HR system, by bulk upsert
keyed by the HR system's own ids (`remote_id`), all or nothing per request, safe to repeat.

    export HIRELOOP_URL=https://hireloop.example.com HIRELOOP_API_KEY=hl_...
    python examples/reference_client.py pull --state sync-state.json
    python examples/reference_client.py push outcomes.json   # {"employees": [...], "reviews": [...], "exits": [...]}

See docs/api-sync.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

API = "/api/v1"
PAGE = 200
BULK = 1000
# Rows committed a moment after a later one can carry an earlier updated_at; re-reading a short overlap and
# skipping what was already seen closes that gap.
OVERLAP = timedelta(seconds=5)


class HireLoopClient:
    """A thin client of HireLoop's public REST API."""

    def __init__(self, base_url: str, api_key: str, http: httpx.Client | None = None, timeout: float = 30.0) -> None:
        self.http = http or httpx.Client(base_url=base_url, timeout=timeout)
        self.headers = {"Authorization": f"Bearer {api_key}"}

    def _check(self, response: httpx.Response) -> Any:
        if response.status_code >= 400:
            try:
                error = response.json()["error"]
            except (ValueError, KeyError):
                error = {"code": "http_error", "message": response.text[:300], "details": None}
            raise RuntimeError(f"{response.request.method} {response.request.url.path}: {response.status_code} "
                               f"{error['code']}: {error['message']} {json.dumps(error.get('details'))[:2000]}")
        return response.json()

    def changes(self, resource: str, since: str | None) -> Iterator[dict[str, Any]]:
        """Every record of `resource` changed after `since` (all when None), deletions included, oldest first."""
        # The epoch as the first watermark: every record, in change order.
        params: dict[str, Any] = {"limit": PAGE, "include_deleted": "true",
                                  "updated_after": since or "1970-01-01T00:00:00Z"}
        cursor = None
        while True:
            query = {**params, **({"cursor": cursor} if cursor else {})}
            page = self._check(self.http.get(f"{API}/{resource}", params=query, headers=self.headers))
            yield from page["items"]
            cursor = page["next_cursor"]
            if not cursor:
                return

    def bulk_upsert(self, resource: str, items: list[dict[str, Any]]) -> dict[str, int]:
        """Create or update records by remote_id, 1000 per request; each request is all or nothing."""
        total = {"created": 0, "updated": 0, "unchanged": 0}
        for start in range(0, len(items), BULK):
            out = self._check(self.http.post(f"{API}/{resource}/bulk", json={"items": items[start:start + BULK]},
                                             headers=self.headers))
            for key in total:
                total[key] += out[key]
        return total

    def create(self, resource: str, body: dict[str, Any], idempotency_key: str | None = None) -> dict[str, Any]:
        """Create one record; the Idempotency-Key makes a retry after a timeout safe."""
        headers = {**self.headers, "Idempotency-Key": idempotency_key or str(uuid.uuid4())}
        return self._check(self.http.post(f"{API}/{resource}", json=body, headers=headers))

    def exists(self, resource: str) -> bool:
        """Whether this server offers a resource (assessment results arrive with the interview modules)."""
        return self.http.get(f"{API}/{resource}", params={"limit": 1}, headers=self.headers).status_code != 404


def _parse(ts: str) -> datetime:
    return datetime.fromisoformat(ts.replace("Z", "+00:00"))


def pull(client: HireLoopClient, state: dict[str, Any],
         resources: tuple[str, ...] = ("applications", "assessment-results")) -> dict[str, list[dict[str, Any]]]:
    """New or changed records per resource since the state's watermarks; advances the watermarks in `state`."""
    out: dict[str, list[dict[str, Any]]] = {}
    for resource in resources:
        if not client.exists(resource):
            continue
        mark = state.setdefault("watermarks", {}).get(resource)
        seen = set(state.setdefault("seen", {}).get(resource, []))
        since = (_parse(mark) - OVERLAP).isoformat() if mark else None
        fresh = [r for r in client.changes(resource, since) if f"{r['id']}@{r['updated_at']}" not in seen]
        out[resource] = fresh
        if fresh:
            newest = max(_parse(r["updated_at"]) for r in fresh)
            state["watermarks"][resource] = newest.isoformat()
            window = newest - OVERLAP
            keep = seen | {f"{r['id']}@{r['updated_at']}" for r in fresh}
            state["seen"][resource] = sorted(k for k in keep if _parse(k.split("@", 1)[1]) >= window)
    return out


def push(client: HireLoopClient, outcomes: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, int]]:
    """Upsert employees first (reviews and exits refer to them by employee_remote_id), then reviews and exits."""
    done = {}
    for resource in ("employees", "reviews", "employment-changes", "exits"):
        items = outcomes.get(resource) or []
        if items:
            done[resource] = client.bulk_upsert(resource, items)
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default=os.environ.get("HIRELOOP_URL", "http://127.0.0.1:8000"))
    parser.add_argument("--api-key", default=os.environ.get("HIRELOOP_API_KEY"))
    sub = parser.add_subparsers(dest="command", required=True)
    p_pull = sub.add_parser("pull", help="print applications and assessment results changed since the last pull")
    p_pull.add_argument("--state", type=Path, default=Path("hireloop-sync-state.json"))
    p_push = sub.add_parser("push", help="upsert employees, reviews and exits from a JSON file")
    p_push.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    if not args.api_key:
        parser.error("set HIRELOOP_API_KEY or pass --api-key")
    client = HireLoopClient(args.url, args.api_key)
    if args.command == "pull":
        state = json.loads(args.state.read_text()) if args.state.exists() else {}
        changes = pull(client, state)
        print(json.dumps(changes, ensure_ascii=False, indent=2))
        args.state.write_text(json.dumps(state, indent=2))  # only after the changes were handed on
    else:
        print(json.dumps(push(client, json.loads(args.file.read_text(encoding="utf-8"))), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
