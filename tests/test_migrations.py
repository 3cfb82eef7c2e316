"""Migrations: an empty database upgrades to head, downgrades one step and upgrades again; models match."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from hireloop.config import Settings
from hireloop.db import make_engine
from hireloop.migrate import downgrade, upgrade
from hireloop.models import Base
from tests.conftest import drop_pg_database, make_database_url


@pytest.mark.parametrize("backend_name", ["sqlite", "postgresql"])
def test_upgrade_downgrade_upgrade_on_an_empty_database(backend_name, tmp_path):
    url = make_database_url(backend_name, tmp_path)
    s = Settings(database_url=url)
    try:
        upgrade(s)
        engine = make_engine(url, null_pool=True)
        tables = set(inspect(engine).get_table_names())
        assert {"organizations", "users", "jobs", "candidates", "applications", "audit_events", "background_tasks"} <= tables
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}), Base.metadata)
        assert diff == [], f"models and migrations disagree; write a migration: {diff}"
        downgrade(s, "-1")
        upgrade(s)
        assert {"organizations", "jobs"} <= set(inspect(engine).get_table_names())
        engine.dispose()
    finally:
        if backend_name == "postgresql":
            drop_pg_database(url)
