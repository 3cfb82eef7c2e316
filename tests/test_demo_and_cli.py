"""The demo company and the CLI commands a newcomer and an operator use."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from hireloop.cli.main import app as cli
from hireloop.demo.loader import DEMO_PASSWORD, load_demo
from tests.factories import login


def test_demo_loads_once_and_is_idempotent(settings, client):
    first = load_demo(settings)
    second = load_demo(settings)
    assert first["jobs"] == 4 and first["candidates_added"] >= 30
    assert second["candidates_added"] == 0 and second["jobs"] == 4
    login(client, "admin@freshmart.example", DEMO_PASSWORD)
    page = client.get("/jobs").text
    for title in ["区域销售经理", "导购", "电商运营", "市场策划"]:
        assert title in page
    cands = client.get("/api/v1/candidates", params={"limit": 200}).json()["items"]
    assert len(cands) >= 30
    stages = {a["stage"] for a in client.get("/api/v1/applications", params={"limit": 200}).json()["items"]}
    assert len(stages) >= 4  # candidates in different stages


def test_cli_user_and_apikey_create(settings, tenant, client):
    runner = CliRunner()
    r = runner.invoke(cli, ["user", "create", f"new.{tenant.slug}@x.example", "New Person", "recruiter", "--org",
                            tenant.slug, "--password", "a-long-enough-password"])
    assert r.exit_code == 0, r.output
    login(client, f"new.{tenant.slug}@x.example", "a-long-enough-password")
    r = runner.invoke(cli, ["user", "create", "bad-email", "X", "recruiter", "--org", tenant.slug, "--password", "a-long-enough-password"])
    assert r.exit_code == 2 and "email address" in r.output
    r = runner.invoke(cli, ["apikey", "create", "sync", "--org", tenant.slug, "--scope", "jobs:read"])
    assert r.exit_code == 0, r.output
    key = r.stdout.strip().splitlines()[0]
    client.cookies.clear()
    assert client.get("/api/v1/jobs", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    r = runner.invoke(cli, ["apikey", "create", "x", "--org", tenant.slug, "--scope", "users:manage"])
    assert r.exit_code == 2


def test_cli_help_lists_the_commands():
    out = subprocess.run([sys.executable, "-m", "hireloop.cli.main", "--help"], capture_output=True, text=True).stdout
    for cmd in ["serve", "migrate", "demo", "worker", "user", "apikey"]:
        assert cmd in out
