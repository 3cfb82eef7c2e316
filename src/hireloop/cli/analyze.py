"""`hireloop analyze FILE --lang zh [--json OUT]`: analyse one recorded answer and print a readable summary."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from hireloop.errors import HireLoopError

# A callback, not a command, so that the lead mounts it as `hireloop analyze FILE` (no sub-command name);
# interspersed args let options follow FILE as users type them.
app = typer.Typer(help="Analyse one recorded answer (transcript, speech and face measures).",
                  context_settings={"allow_interspersed_args": True})


def _fmt(value: float | int | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "ratio":
        return f"{value:.0%}"
    if isinstance(value, float):
        return f"{value:.2f} {unit}"
    return f"{value} {unit}"


def _progress(stage: str, *, completed: int, total: int) -> None:
    if completed == total:
        typer.echo(f"  {stage} done", err=True)


@app.callback(invoke_without_command=True)
def analyze(
    file: Annotated[Path, typer.Argument(help="Recording: webm, mp4 or mov.", exists=False)],
    lang: Annotated[Optional[str], typer.Option("--lang", help="Language code (zh, en); detected if omitted.")] = None,
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Write the full result as JSON here.")] = None,
    no_face: Annotated[bool, typer.Option("--no-face", help="Do not compute face measures (EU policy).")] = False,
    model: Annotated[Optional[str], typer.Option("--model", help="ASR model folder or whisper-base / whisper-tiny.en.")] = None,
    model_cache: Annotated[Optional[Path], typer.Option("--model-cache", help="Where the bundled base model is joined.")] = None,
    face_fps: Annotated[float, typer.Option("--face-fps", help="Video frames sampled per second.")] = 5.0,
) -> None:
    """Analyse FILE and print transcript, measures and timings."""
    from hireloop.analysis.pipeline import AnalysisOptions, analyze_answer
    from hireloop.config import get_settings

    settings = get_settings()
    options = AnalysisOptions(
        asr_model=model or settings.asr_model,
        model_cache_dir=model_cache or Path("var/models"),
        compute_face=not no_face,
        face_model_path=Path(settings.face_model) if settings.face_model else None,
        face_fps=face_fps,
    )
    try:
        result = analyze_answer(file, lang=lang, options=options, hook=_progress)
    except HireLoopError as exc:
        typer.echo(f"error [{exc.code}]: {exc.message}", err=True)
        raise typer.Exit(code=2) from exc

    media = result.media
    typer.echo(f"{result.source}: {media.duration_s:.1f} s, {media.container}, audio {media.audio_codec}, "
               f"video {media.video_codec or 'none'}")
    if result.transcript is not None:
        t = result.transcript
        typer.echo(f"language {t.language}; model {t.model}; transcript confidence {t.confidence:.2f}")
        typer.echo(f"transcript: {t.text}")
    for note in result.notes:
        typer.echo(f"note [{note.code}]: {note.message}")
    typer.echo("measures:")
    for m in result.measures:
        typer.echo(f"  {m.name:<24} {_fmt(m.value, m.unit)}")
    typer.echo(f"face measures: {result.face_status.value}")
    timings = ", ".join(f"{s.stage} {s.seconds:.2f}s" for s in result.timings)
    typer.echo(f"timings: {timings}")
    if json_out is not None:
        json_out.write_text(json.dumps(result.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
        typer.echo(f"wrote {json_out}")
