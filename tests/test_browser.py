"""Headless Chromium (Debian's package) logs in and opens a pipeline board."""

from __future__ import annotations

import shutil
import socket
import threading
import time

import pytest
import uvicorn

from tests.conftest import IN_CI
from tests.factories import PASSWORD

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(app):
    if not CHROMIUM:
        if IN_CI:
            pytest.fail("Debian's chromium is not installed; scripts/system-deps.sh installs it")
        pytest.skip("chromium is not installed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    t.join(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield b
        b.close()


def watched_page(browser, locale: str = "zh-CN"):  # noqa: ANN001, ANN201
    """A new page and the list its script errors and CSP violations are collected in (with the page's address)."""
    page = browser.new_page(locale=locale)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    return page, errors


def log_in(page, server_url: str, email: str) -> None:  # noqa: ANN001
    """Log in through the form and wait for the jobs page."""
    page.goto(f"{server_url}/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server_url}/jobs")


def test_log_in_and_open_a_pipeline_board(server, browser, tenant, tmp_path):
    page, errors = watched_page(browser)
    page.goto(f"{server}/jobs")
    assert "/login" in page.url  # not logged in: sent to the login form
    page.fill("input[name=email]", tenant.emails["recruiter"])
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/jobs")
    assert "招聘看板" in page.content()  # Chinese by default for a zh-CN browser
    page.click("text=招聘看板")
    page.wait_for_selector(".board")
    column = page.locator('section.column[data-stage="screened"]')
    assert column.locator(".cardlet").count() == 1
    assert f"{tenant.marker} Candidate" in column.inner_text()
    # Move the card on: the board is a working tool, not a picture.
    card = column.locator(".cardlet").first
    card.locator("select[name=to_stage]").select_option("invited")
    card.locator("button").click()
    page.wait_for_selector('section.column[data-stage="invited"] .cardlet')
    assert page.locator('section.column[data-stage="screened"] .cardlet').count() == 0
    page.screenshot(path=str(tmp_path / "board.png"), full_page=True)
    assert not errors, errors  # no script errors, no CSP violations, no missing assets


def test_wrong_password_shows_a_clear_message(server, browser, tenant):
    page = browser.new_page(locale="en-US")
    page.goto(f"{server}/login")
    page.fill("input[name=email]", tenant.emails["recruiter"])
    page.fill("input[name=password]", "not the password")
    page.click("button[type=submit]")
    assert "Email or password is wrong." in page.locator(".error").inner_text()


def test_every_console_page_renders_without_script_errors(server, browser, tenant, app):
    """Open every HTML page of the console (and the portal landing) in Chromium as an administrator."""
    from tests.routes import PUBLIC, all_routes, fill

    page, errors = watched_page(browser)
    log_in(page, server, tenant.emails["admin"])
    visited = []
    for method, path in all_routes(app):
        if method != "GET" or path.startswith("/api/") or (method, path) in PUBLIC or path.startswith("/lang"):
            continue
        resp = page.goto(server + fill(path, tenant))
        assert resp is not None and resp.status < 400, (path, resp and resp.status)
        assert "HireLoop" in page.title()
        visited.append(path)
    assert {"/jobs", "/jobs/{job_id}/board", "/candidates/{candidate_id}", "/interviews/{interview_id}", "/tasks"} <= set(visited)
    assert not errors, errors


def test_loop_dashboard_with_history_renders_its_charts_without_errors(server, browser, tenant, settings):
    """The analyst's loop page with the demo history: every chart drawn, no script or CSP error, in Chromium."""
    from hireloop.db import unit_of_work
    from hireloop.loop.demo import load_demo_history

    with unit_of_work(settings) as uow:
        load_demo_history(uow.session, tenant.org_id)
        uow.commit()
    page, errors = watched_page(browser)
    log_in(page, server, tenant.emails["analyst"])
    resp = page.goto(f"{server}/loop")
    assert resp is not None and resp.status == 200
    assert page.locator("svg").count() >= 4 and page.locator("svg rect").count() > 20
    assert page.locator("table.grid").count() >= 6
    # an analyst trains the performance model from the page: the form posts with its CSRF token
    page.click("#train-models button[value=performance]")
    page.wait_for_url("**/loop?*done=trained*")
    assert "performance v1" in page.locator("p[role=status]").inner_text()
    assert not errors, errors
