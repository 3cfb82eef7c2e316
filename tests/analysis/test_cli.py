"""The analyze command prints a summary, writes JSON, and turns bad input into an error code and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from hireloop.cli.analyze import app


def test_cli_summary_and_json(media_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    result = CliRunner().invoke(app, [str(media_dir / "silent.webm"), "--no-face", "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "no_speech" in result.output and "face measures: not_computed" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["face"] is None and data["notes"][0]["code"] == "no_speech"


def test_cli_bad_input_exit_code(media_dir: Path) -> None:
    result = CliRunner().invoke(app, [str(media_dir / "video_only.webm")])
    assert result.exit_code == 2
    assert "no_audio_track" in result.output
