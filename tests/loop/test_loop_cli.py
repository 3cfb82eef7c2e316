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
    assert counts["applicants"] > counts["employees"]  # the not-hired applicants too, for pass rates
    second = runner.invoke(app, ["demo", "--org", tenant.slug])
    assert second.exit_code == 0 and "nothing added" in second.output
    assert runner.invoke(app, ["demo", "--org", "no-such-org"]).exit_code != 0


def test_cli_refresh_risk_stores_scores_with_a_model_version(settings, tenant):
    runner = CliRunner()
    assert runner.invoke(app, ["demo", "--org", tenant.slug]).exit_code == 0
    r = runner.invoke(app, ["refresh-risk", "--org", tenant.slug])
    assert r.exit_code == 0, r.output
    done = json.loads(r.output)
    assert done["model_name"] == "attrition_3m" and done["model_version"] == 1 and done["retrained"]
    assert done["scored"] > 100 and 0 < done["high"] < done["scored"]
