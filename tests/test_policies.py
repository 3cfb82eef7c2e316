"""Jurisdiction policies decide what is computed, shown or scored, and what the candidate must agree to."""

from __future__ import annotations

import pytest

from hireloop.compliance.policies import (
    ALL_MEASURES,
    FACE_MEASURES,
    PRESETS,
    Mode,
    Purpose,
    effective_modes,
    missing_consents,
    policy_for_location,
    preset,
)

EVERY_CONSENT = set(Purpose)


@pytest.mark.parametrize(("country", "region", "city", "key"), [
    ("CN", "华东", "上海", "cn"), ("cn", None, None, "cn"), ("DE", None, "Berlin", "eu"), ("FR", None, None, "eu"),
    ("US", "IL", "Chicago", "us-il"), ("US", "Illinois", None, "us-il"), ("US", "NY", "New York", "us-nyc"),
    ("US", "NY", "Albany", "default"), ("SG", None, None, "default"), (None, None, None, "default"),
])
def test_location_picks_the_preset(country, region, city, key):
    assert policy_for_location(country, region, city).key == key


def test_eu_computes_no_face_or_behaviour_measure_even_with_every_consent():
    modes = effective_modes(preset("eu"), EVERY_CONSENT)
    assert all(modes[m] == Mode.NOT_COMPUTED for m in FACE_MEASURES)
    assert set(modes.values()) == {Mode.NOT_COMPUTED}
    with pytest.raises(ValueError, match="never computed"):
        preset("eu").with_measures(smile=Mode.SHOWN)


def test_missing_consent_switches_the_measure_off_entirely():
    cn = preset("cn")
    modes = effective_modes(cn, {Purpose.RECORDING, Purpose.CONTENT_ANALYSIS, Purpose.VOICE_ANALYSIS})
    assert modes["speech_rate"] == Mode.SCORED
    assert all(modes[m] == Mode.NOT_COMPUTED for m in FACE_MEASURES)
    assert set(effective_modes(cn, set()).values()) == {Mode.NOT_COMPUTED}


def test_required_consents_and_the_notice_version():
    il = preset("us-il")
    assert missing_consents(il, {"recording"}) == [Purpose.CONTENT_ANALYSIS]
    assert missing_consents(il, EVERY_CONSENT) == []
    changed = il.with_measures(smile=Mode.SCORED)
    assert changed.notice_version != il.notice_version  # a changed policy needs fresh consent
    assert len({p.notice_version for p in PRESETS.values()}) == len(PRESETS)


def test_every_preset_has_both_languages_human_review_and_covers_every_measure():
    for p in PRESETS.values():
        assert p.notice.text("zh_CN") and p.notice.text("en") and p.notice.text("zh_CN") != p.notice.text("en")
        assert p.human_review_before_rejection
        assert set(p.measures) == set(ALL_MEASURES)
    assert preset("us-nyc").bias_audit_required and preset("us-nyc").notice_lead_days == 10
    assert preset("us-il").retention.recordings_days == 30
    with pytest.raises(ValueError):
        preset("mars")


def test_consent_ledger_grant_withdraw_and_notice_version(settings, tenant, client):
    from hireloop.compliance import consent
    from hireloop.db import unit_of_work
    from tests.factories import api

    p = preset("cn")
    with unit_of_work(settings) as uow:
        made = consent.grant(uow.session, None, org_id=tenant.org_id, candidate_id=tenant.candidate_id, policy=p,
                             purposes=["recording", "content_analysis", "face_analysis"], method="portal_checkbox",
                             locale="zh_CN", client_address="203.0.113.9")
        again = consent.grant(uow.session, None, org_id=tenant.org_id, candidate_id=tenant.candidate_id, policy=p,
                              purposes=["recording"], method="portal_checkbox", locale="zh_CN")
        uow.commit()
    assert len(made) == 3 and again == []
    assert made[0].evidence["address_hash"] and "203.0.113.9" not in str(made[0].evidence)
    with unit_of_work(settings) as uow:
        got = consent.granted_purposes(uow.session, org_id=tenant.org_id, candidate_id=tenant.candidate_id, policy=p)
        assert got == {Purpose.RECORDING, Purpose.CONTENT_ANALYSIS, Purpose.FACE_ANALYSIS}
        # consent to an older notice does not count for a changed policy
        changed = p.with_measures(smile=Mode.SHOWN)
        assert consent.granted_purposes(uow.session, org_id=tenant.org_id, candidate_id=tenant.candidate_id,
                                        policy=changed) == set()
        consent.withdraw(uow.session, None, org_id=tenant.org_id, candidate_id=tenant.candidate_id, purposes=["face_analysis"])
        uow.commit()
    with unit_of_work(settings) as uow:
        got = consent.granted_purposes(uow.session, org_id=tenant.org_id, candidate_id=tenant.candidate_id, policy=p)
    assert Purpose.FACE_ANALYSIS not in got
    assert all(effective_modes(p, got)[m] == Mode.NOT_COMPUTED for m in FACE_MEASURES)

    ledger = client.get(f"/api/v1/candidates/{tenant.candidate_id}/consents", headers=api(tenant.api_key)).json()
    assert [r["purpose"] for r in ledger] == ["recording", "content_analysis", "face_analysis"]
    assert ledger[2]["withdrawn_at"] is not None and ledger[0]["notice_version"] == p.notice_version


def test_job_policy_follows_location_and_override(client, tenant):
    from tests.factories import api

    h = api(tenant.api_key)
    job = client.post("/api/v1/jobs", json={"title": "Verkäufer", "country": "DE", "city": "Berlin"}, headers=h).json()
    pol = client.get(f"/api/v1/jobs/{job['id']}/policy", headers=h).json()
    assert pol["key"] == "eu" and set(pol["measures"].values()) == {"not_computed"}
    r = client.patch(f"/api/v1/jobs/{job['id']}", json={"policy_key": "default"}, headers=h)  # weaker than the law
    assert r.status_code == 422 and r.json()["error"]["code"] == "policy_weaker_than_law"
    assert client.get(f"/api/v1/jobs/{job['id']}/policy", headers=h).json()["key"] == "eu"
    cn = client.post("/api/v1/jobs", json={"title": "促销员", "country": "CN", "city": "上海"}, headers=h).json()
    client.patch(f"/api/v1/jobs/{cn['id']}", json={"policy_key": "eu"}, headers=h)  # stricter than the law: allowed
    assert client.get(f"/api/v1/jobs/{cn['id']}/policy", headers=h).json()["key"] == "eu"
    r = client.patch(f"/api/v1/jobs/{job['id']}", json={"policy_key": "moon"}, headers=h)
    assert r.status_code == 422
