"""Hardening: login limits per address and per account, security headers, and paths that cannot escape storage."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient

from hireloop.api.app import create_app
from hireloop.storage import InvalidKey, LocalStorage
from tests.factories import PASSWORD


def _try(client, email, password):
    client.get("/login")
    return client.post("/login", data={"email": email, "password": password, "csrf_token": client.cookies.get("hl_csrf")},
                       follow_redirects=False)


@pytest.mark.parametrize("store", ["memory", "redis"])
def test_failed_logins_are_limited_per_address(settings, tenant, store):
    redis_url = None
    if store == "redis":
        import redis

        try:
            redis.Redis.from_url("redis://127.0.0.1:6379/0").ping()
        except redis.RedisError:
            pytest.skip("Redis is not reachable on 127.0.0.1:6379")
        redis_url = "redis://127.0.0.1:6379/0"
    s = settings.model_copy(update={"login_failures_per_window": 3, "redis_url": redis_url})
    app = create_app(s)
    if redis_url:  # this run's own keys
        app.state.login_limiter.prefix = f"hireloop-test:{uuid.uuid4().hex}:"
    with TestClient(app) as client:
        for i in range(3):  # three different accounts, so the per-account lockout is not what stops it
            assert _try(client, f"nobody{i}@x.example", "wrong-password").status_code == 401
        r = _try(client, tenant.emails["admin"], PASSWORD)
        assert r.status_code == 429 and "Too many failed logins" in r.text


def test_an_account_is_locked_after_repeated_failures(client, tenant):
    for _ in range(5):
        assert _try(client, tenant.emails["analyst"], "wrong-password").status_code == 401
    r = _try(client, tenant.emails["analyst"], PASSWORD)
    assert r.status_code == 429 and "locked" in r.text


def test_security_headers(client):
    r = client.get("/login")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
    assert "HttpOnly" in r.headers["set-cookie"]


@pytest.mark.parametrize("key", ["../etc/passwd", "/etc/passwd", "a/../../b", "a//b", "", "a/..", "..\\x"])
def test_storage_keys_cannot_leave_the_root(tmp_path, key):
    with pytest.raises(InvalidKey):
        LocalStorage(tmp_path).path(key)
