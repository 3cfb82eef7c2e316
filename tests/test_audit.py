"""The audit log is append-only and hash-chained: an edited or removed row is detected."""

from __future__ import annotations

from sqlalchemy import select, update

from hireloop.compliance.audit import verify_chain
from hireloop.db import session_factory
from hireloop.models import AuditEvent
from tests.factories import api


def test_state_changes_are_audited_and_the_chain_verifies(client, settings, tenant):
    h = api(tenant.api_key)
    client.post(f"/api/v1/applications/{tenant.application_id}/stage", json={"to_stage": "invited"}, headers=h)
    with session_factory(settings)() as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.org_id == tenant.org_id)).all()
        assert {"organization.created", "user.created", "job.created", "candidate.created", "application.created",
                "application.stage_changed", "apikey.created"} <= set(actions)
        assert verify_chain(s, tenant.org_id).ok


def test_editing_one_row_is_detected(settings, tenant, client):
    from tests.factories import login

    with session_factory(settings)() as s:
        target = s.scalars(select(AuditEvent).where(AuditEvent.org_id == tenant.org_id,
                                                    AuditEvent.action == "application.stage_changed")).first()
        s.execute(update(AuditEvent).where(AuditEvent.id == target.id).values(details={"from": "applied", "to": "hired"}))
        s.commit()
        report = verify_chain(s, tenant.org_id)
    assert not report.ok and report.first_bad_id == target.id and "edited" in report.problem
    login(client, tenant.emails["admin"])
    assert client.get("/api/v1/audit-events/verify").json()["ok"] is False


def test_removing_a_row_is_detected(settings, tenant):
    with session_factory(settings)() as s:
        rows = s.scalars(select(AuditEvent).where(AuditEvent.org_id == tenant.org_id).order_by(AuditEvent.id)).all()
        s.delete(rows[2])
        s.commit()
        report = verify_chain(s, tenant.org_id)
    assert not report.ok and report.first_bad_id == rows[3].id
