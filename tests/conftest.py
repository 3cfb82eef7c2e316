"""Test fixtures: each run makes its own SQLite and PostgreSQL databases and drops them afterwards.

Tests that use the database run once per backend. PostgreSQL is the server these machines run on
127.0.0.1:5432 (user postgres, trust auth); when it is unreachable, its half is skipped locally and fails in CI.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from hireloop.config import Settings, get_settings

PG_ADMIN = os.environ.get("HIRELOOP_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
REPO = Path(__file__).resolve().parent.parent


def _pg_admin_engine():
    from sqlalchemy import create_engine

    return create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")


def pg_available() -> bool:
    try:
        with _pg_admin_engine().connect():
            return True
    except Exception:  # noqa: BLE001
        return False


def create_pg_database() -> str:
    from sqlalchemy import text

    name = f"hireloop_test_{uuid.uuid4().hex[:10]}"
    eng = _pg_admin_engine()
    with eng.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    eng.dispose()
    return PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"


def drop_pg_database(url: str) -> None:
    from sqlalchemy import text

    name = url.rsplit("/", 1)[1]
    eng = _pg_admin_engine()
    with eng.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    eng.dispose()


def make_database_url(backend: str, tmp: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp / f'test-{uuid.uuid4().hex[:8]}.db'}"
    if not pg_available():
        if IN_CI:
            pytest.fail("PostgreSQL at 127.0.0.1:5432 is not reachable; CI must test both databases")
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    return create_pg_database()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="session")
def settings(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """Settings for one backend; also exported to the environment for code that reads get_settings()."""
    from hireloop.db import dispose_engines
    from hireloop.migrate import upgrade

    tmp = tmp_path_factory.mktemp(backend)
    url = make_database_url(backend, tmp)
    values = {
        "HIRELOOP_DATABASE_URL": url,
        "HIRELOOP_STORAGE_ROOT": str(tmp / "storage"),
        "HIRELOOP_OUTBOX_DIR": str(tmp / "outbox"),
        "HIRELOOP_SECRET_KEY": "test-secret-" + uuid.uuid4().hex,
        "HIRELOOP_TASK_LEASE_SECONDS": "2",
        "HIRELOOP_TASK_POLL_SECONDS": "0.2",
        "HIRELOOP_TASK_BACKOFF_BASE_SECONDS": "0.01",
        "HIRELOOP_EXTRA_TASK_MODULES": '["tests.support.tasks"]',
        "HIRELOOP_DEFAULT_LOCALE": "en",
        # Cheap password hashing keeps tenant set-up fast; production keeps the strong default.
        "HIRELOOP_PASSWORD_TIME_COST": "1",
        "HIRELOOP_PASSWORD_MEMORY_KIB": "1024",
        # The suite logs in hundreds of times from one address; test_hardening checks the limit itself.
        "HIRELOOP_LOGIN_FAILURES_PER_WINDOW": "1000",
    }
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    get_settings.cache_clear()
    s = get_settings()
    upgrade(s)
    try:
        yield s
    finally:
        dispose_engines()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        get_settings.cache_clear()
        if backend == "postgresql":
            drop_pg_database(url)


@pytest.fixture
def uow(settings: Settings):
    from hireloop.db import unit_of_work

    with unit_of_work(settings) as u:
        yield u


@pytest.fixture(scope="session")
def app(settings: Settings):
    from hireloop.api.app import create_app

    return create_app(settings)


@pytest.fixture
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


@pytest.fixture
def tenant(settings: Settings):
    """A fresh organization with one user per role and an all-scopes API key."""
    from tests.factories import make_tenant

    return make_tenant(settings)


@pytest.fixture
def other_tenant(settings: Settings):
    from tests.factories import make_tenant

    return make_tenant(settings, marker="ZZOTHERORG")
