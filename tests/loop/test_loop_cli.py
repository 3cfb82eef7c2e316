"""`hireloop loop demo --org SLUG`: loads the history once, says so the second time."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from hireloop.cli.loop import app


def test_cli_demo_loads_once(settings, tenant):
    runner = CliRunner()
    first = runner.invoke(app, ["demo", "--org", tenant.slug])
    assert first.exit_code == 0, first.output
    counts = json.loads(first.output)
    assert counts["employees"] > 200 and counts["reviews"] > counts["employees"]
    second = runner.invoke(app, ["demo", "--org", tenant.slug])
    assert second.exit_code == 0 and "nothing added" in second.output
    assert runner.invoke(app, ["demo", "--org", "no-such-org"]).exit_code != 0
