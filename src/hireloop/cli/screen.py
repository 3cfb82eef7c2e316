"""`hireloop screen parse FILE [--json]`: one resume's structured profile (the lead mounts this app)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer

from hireloop.screening.intake import parse_file
from hireloop.screening.lexicons.education import LEVEL_LABELS

app = typer.Typer(help="Parse and screen resumes.", no_args_is_help=True)


@app.callback()
def _screen() -> None:
    """Parse and screen resumes."""


@app.command("parse")
def parse(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="PDF, DOCX, TXT, MD, HTML or image"),
    as_json: bool = typer.Option(False, "--json", help="print the whole profile as JSON (spans as [start, end])"),
    as_of: str = typer.Option("", help="date that closes 'to date' jobs, YYYY-MM-DD (default: today)"),
    no_ocr: bool = typer.Option(False, "--no-ocr", help="do not OCR images and scans"),
    max_mb: float = typer.Option(20.0, help="refuse files larger than this many MB"),
) -> None:
    """Print one resume's structured profile."""
    from hireloop.screening.extract import ExtractionLimits

    try:
        when = date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise typer.BadParameter("--as-of must be YYYY-MM-DD") from None
    res = parse_file(file.read_bytes(), file.name, as_of=when, ocr=not no_ocr,
                     limits=ExtractionLimits(max_bytes=int(max_mb * 1024 * 1024)))
    if as_json:
        body = {"file": file.name, "status": res.status, "message": res.extracted.message,
                "format": res.extracted.format, "method": res.extracted.method,
                "profile": res.profile.to_dict() if res.profile else None}
        typer.echo(json.dumps(body, ensure_ascii=False, indent=2))
    elif res.profile is None:
        typer.echo(f"{file.name}: {res.status} - {res.extracted.message}", err=True)
    else:
        p = res.profile
        typer.echo(f"{file.name}: {res.status} ({res.extracted.format}, {res.extracted.method})")
        typer.echo(f"name: {p.name.value if p.name else '-'}")
        typer.echo(f"email: {', '.join(e.value for e in p.emails) or '-'}   phone: {', '.join(x.value for x in p.phones) or '-'}")
        typer.echo(f"location: {p.location.raw if p.location else '-'}")
        edu = LEVEL_LABELS[p.highest_education][0] if p.highest_education else "-"
        typer.echo(f"education: {edu}")
        for e in p.education:
            typer.echo(f"  {e.level or '?'}: {e.school.value if e.school else '-'} / {e.major.value if e.major else '-'}")
        typer.echo(f"experience: {p.total_years:g} years; " + ", ".join(f"{i} {y:g}" for i, y in p.industry_years))
        for w in p.work:
            end = "now" if w.current else (str(w.dates.end) if w.dates and w.dates.end else "?")
            start = str(w.dates.start) if w.dates else "?"
            typer.echo(f"  {start}..{end} {w.employer.value if w.employer else '-'} | {w.title.value if w.title else '-'}"
                       f" {list(w.industries) or ''}")
        typer.echo("skills: " + ", ".join(s.label_en for s in p.skills))
        typer.echo("languages: " + ", ".join(f"{la.code} {la.level}".strip() for la in p.languages))
        typer.echo("certificates: " + ", ".join(c.label for c in p.certificates))
        typer.echo(f"unparsed lines: {len(p.unparsed)}")
    if res.profile is None:
        raise typer.Exit(code=2)


if __name__ == "__main__":
    app()


@app.command("import")
def import_dir(
    directory: Path = typer.Argument(..., exists=True, file_okay=False, help="folder of resumes (and zips)"),
    job: str = typer.Option(..., "--job", help="the job's id"),
    org: str = typer.Option(..., "--org", help="organization short name"),
) -> None:
    """Parse, deduplicate and screen every resume of a folder against a job, with a progress bar."""
    import uuid

    from hireloop.accounts import repository as accounts_repo
    from hireloop.accounts.actor import system_actor
    from hireloop.db import unit_of_work
    from hireloop.errors import HireLoopError
    from hireloop.screening import service

    files = [(p.name, p.read_bytes()) for p in sorted(directory.iterdir()) if p.is_file() and not p.name.startswith(".")]
    with unit_of_work() as uow:
        o = accounts_repo.org_by_slug(uow.session, org)
        if o is None:
            raise typer.BadParameter(f"no organization '{org}'")
        try:
            batch = service.start_import(uow.session, system_actor(o.id, "cli"), uuid.UUID(job), files)
        except (HireLoopError, ValueError) as exc:
            typer.echo(f"error: {getattr(exc, 'message', exc)}", err=True)
            raise typer.Exit(2) from exc
        uow.commit()
        with typer.progressbar(length=batch.total, label="screening") as bar:
            done = [0]

            def hook(stage: str, *, completed: int, total: int) -> None:
                bar.update(completed - done[0])
                done[0] = completed

            batch = service.process_import(uow.session, batch.id, hook=hook)
        uow.commit()
        typer.echo(f"{batch.processed} of {batch.total} processed: {batch.total - batch.failed - batch.duplicates} new, "
                   f"{batch.duplicates} duplicates, {batch.failed} failed")
        for it in batch.items:
            if it["status"] not in ("ok", "duplicate"):
                typer.echo(f"  {it['name']}: {it['status']} - {it['message']}")
        top = service.repo.ranked(uow.session, o.id, uuid.UUID(job), passed_only=False, min_score=0, limit=10)
        for i, (r, _a, c) in enumerate(top, 1):
            typer.echo(f"{i:3d}. {r.score:5.1f} {'pass' if r.passed else 'FAIL'}  {c.full_name}")
