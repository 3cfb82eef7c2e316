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
