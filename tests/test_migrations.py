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
        # One step down from head: for a merge revision, back to one of the branches it joins (the other branch's
        # own migrations are undone too), then up again.
        from alembic.script import ScriptDirectory

        from hireloop.migrate import alembic_config

        head = ScriptDirectory.from_config(alembic_config(s)).get_revision("head")
        below = head.down_revision if isinstance(head.down_revision, str) else sorted(head.down_revision)[-1]
        downgrade(s, below)
        upgrade(s)
        assert {"organizations", "jobs"} <= set(inspect(engine).get_table_names())
        engine.dispose()
    finally:
        if backend_name == "postgresql":
            drop_pg_database(url)
