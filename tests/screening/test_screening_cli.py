"""`hireloop screen parse FILE [--json]`."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from hireloop.cli.screen import app


def test_parse_json_prints_the_profile(data_dir) -> None:  # noqa: ANN001
    res = CliRunner().invoke(app, ["parse", str(data_dir / "resume_015_zh_docx.docx"), "--json", "--as-of", "2026-11-01"])
    assert res.exit_code == 0, res.output
    body = json.loads(res.output)
    assert body["status"] == "ok" and body["profile"]["highest_education"]
    start, end = body["profile"]["emails"][0]["span"]
    assert body["profile"]["text"][start:end] == body["profile"]["emails"][0]["raw"]


def test_parse_reports_a_bad_file(tmp_path) -> None:  # noqa: ANN001
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"not a pdf at all")
    res = CliRunner().invoke(app, ["parse", str(bad)])
    assert res.exit_code == 2 and "corrupt" in res.output


def test_parse_human_readable(data_dir) -> None:  # noqa: ANN001
    res = CliRunner().invoke(app, ["parse", str(data_dir / "resume_005_en_pdf.pdf"), "--as-of", "2026-11-01"])
    assert res.exit_code == 0 and "education:" in res.output and "experience:" in res.output
