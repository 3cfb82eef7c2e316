"""Helpers for the HR API tests: real performance and webhook records for a tenant, and a webhook receiver."""

from __future__ import annotations

import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from sqlalchemy import func, select

from hireloop.accounts.actor import system_actor
from hireloop.db import session_factory, unit_of_work
from hireloop.integrations import events, imports
from hireloop.integrations import service as webhooks
from hireloop.integrations.schemas import SubscriptionCreate
from hireloop.models import Employee, EmploymentChange, Exit, PerformanceReview, ReviewCycle, WebhookDelivery
from hireloop.performance import service as perf
from hireloop.performance.schemas import (
    ChangeCreate, EmployeeCreate, ExitCreate, ReviewCreate, ReviewCycleCreate,
)

PERFORMANCE_TABLES = (Employee, ReviewCycle, PerformanceReview, EmploymentChange, Exit)


def make_hr_objects(settings, tenant) -> dict:  # noqa: ANN001
    """One of each performance and integration record for `tenant`, ids stored in tenant.extra."""
    with unit_of_work(settings) as uow:
        s = uow.session
        actor = system_actor(tenant.org_id, "test")
        emp = perf.create_employee(s, actor, data=EmployeeCreate(remote_id=f"{tenant.marker}-E1",
                                                                 full_name=f"{tenant.marker} Employee"))
        leaver = perf.create_employee(s, actor, data=EmployeeCreate(remote_id=f"{tenant.marker}-E2"))
        cycle = perf.create_cycle(s, actor, data=ReviewCycleCreate(name=f"{tenant.marker} cycle", period="2024-Q1"))
        review = perf.create_review(s, actor, data=ReviewCreate(employee_id=emp.id, period="2024-Q1", rating=4,
                                                                comment=f"{tenant.marker} comment"))
        change = perf.create_change(s, actor, data=ChangeCreate(employee_id=emp.id, kind="promotion",
                                                                effective_date=date(2024, 4, 1)))
        exit_ = perf.create_exit(s, actor, data=ExitCreate(employee_id=leaver.id, exit_date=date(2024, 6, 30),
                                                           exit_type="voluntary"))
        sub, _ = webhooks.create_subscription(
            s, actor, data=SubscriptionCreate(url="http://127.0.0.1:9/hook", event_types=["*"],
                                              description=f"{tenant.marker} hook"), allowed_cidrs=["127.0.0.0/8"])
        event = events.employee_created(s, org_id=tenant.org_id, employee_id=emp.id)
        delivery = s.scalars(select(WebhookDelivery).where(WebhookDelivery.event_id == event.id)).one()
        mapping = imports.save_mapping(s, actor, name=f"{tenant.marker.lower()}-exits", mapping={
            "kind": "exit", "columns": {"employee_remote_id": "工号", "exit_date": "离职日期"}})
        # The delivery would try 127.0.0.1:9; nothing in these tests runs it, so cancel it to keep workers calm.
        delivery.status = "cancelled"
        uow.commit()
        ids = {"employee_id": emp.id, "cycle_id": cycle.id, "review_id": review.id, "change_id": change.id,
               "exit_id": exit_.id, "subscription_id": sub.id, "delivery_id": delivery.id, "mapping_id": mapping.id}
    tenant.extra.update(ids)
    return ids


def counts(settings, org_id) -> dict[str, int]:  # noqa: ANN001
    """Rows per performance table of one organization."""
    with session_factory(settings)() as s:
        return {m.__tablename__: s.scalar(select(func.count()).select_from(m).where(m.org_id == org_id))
                for m in PERFORMANCE_TABLES}


def rows(settings, model, org_id) -> list[tuple]:  # noqa: ANN001
    """Every row of one table of an organization, as comparable tuples (updated_at included)."""
    with session_factory(settings)() as s:
        table = model.__table__
        found = s.execute(select(table).where(table.c.org_id == org_id)).mappings().all()
        return sorted(tuple(sorted((k, str(v)) for k, v in r.items())) for r in found)


class Receiver:
    """A webhook receiver on 127.0.0.1 that records requests and answers with a status the test sets."""

    def __init__(self) -> None:
        self.status = 200
        self.requests: list[tuple[dict[str, str], bytes]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                outer.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(outer.status)
                self.end_headers()
                self.wfile.write(b"ok" if outer.status < 300 else b"nope")

            def log_message(self, *args) -> None:  # noqa: ANN002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks/hireloop"

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:  # noqa: ANN002
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)
