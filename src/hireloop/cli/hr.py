"""hireloop import / mapping: load HR exports (CSV, XLSX) into the performance module."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="Import HR exports and manage column mappings.", no_args_is_help=True)
mapping_app = typer.Typer(help="Column mappings saved per source system.", no_args_is_help=True)
app.add_typer(mapping_app, name="mapping")

OrgOption = Annotated[str | None, typer.Option("--org", help="organization short name (default: the only one)")]


def _org(session, slug: str | None):  # noqa: ANN001, ANN202
    """The organization to act on: the named one, or the only one there is."""
    from sqlalchemy import select

    from hireloop.accounts import repository
    from hireloop.models import Organization

    if slug:
        org = repository.org_by_slug(session, slug)
        if org is None:
            raise typer.BadParameter(f"no organization '{slug}'", param_hint="--org")
        return org
    orgs = list(session.scalars(select(Organization).limit(2)))
    if len(orgs) != 1:
        raise typer.BadParameter("name the organization with --org SLUG", param_hint="--org")
    return orgs[0]


def _print_report(outcome: dict, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(outcome, ensure_ascii=False, indent=2))
        return
    counts = outcome["counts"]
    typer.echo(f"{outcome['rows_read']} rows read; {counts['employees']} employees, {counts['reviews']} reviews, "
               f"{counts['changes']} changes, {counts['exits']} exits; {counts['errors']} errors, "
               f"{counts['warnings']} warnings")
    for issue in outcome["issues"]:
        where = f"row {issue['row']}" if issue["row"] else "file"
        col = f", column {issue['column']}" if issue["column"] else ""
        typer.echo(f"  {issue['severity']}: {where}{col}: {issue['problem']} -> {issue['suggested_fix']}")
    for kind, change in outcome.get("changes", {}).items():
        if any(change.values()):
            typer.echo(f"{kind}: {change['created']} created, {change['updated']} updated, "
                       f"{change['unchanged']} unchanged")


@app.command("import")
def import_file(file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
                mapping: Annotated[str, typer.Option("--mapping", help="a saved mapping or a preset (ibm_hr_attrition)")],
                org: OrgOption = None,
                dry_run: Annotated[bool, typer.Option("--dry-run", help="check only; write nothing")] = False,
                as_json: Annotated[bool, typer.Option("--json", help="print the report as JSON")] = False) -> None:
    """Import one CSV or XLSX export, all or nothing; --dry-run prints the validation report only."""
    from hireloop.accounts.actor import system_actor
    from hireloop.db import unit_of_work
    from hireloop.errors import HireLoopError
    from hireloop.integrations import imports

    data = file.read_bytes()
    with unit_of_work() as uow:
        o = _org(uow.session, org)
        actor = system_actor(o.id, "cli import")
        try:
            outcome = imports.run_import(uow.session, actor, file_bytes=data, filename=file.name,
                                         mapping_name=mapping, dry_run=dry_run)
        except imports.ImportFailed as exc:
            uow.rollback()
            report = {"ok": False, "applied": False, "message": exc.message, "issues": exc.details["issues"]}
            if as_json:
                typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
            else:
                typer.echo(f"error: {exc.message}", err=True)
                for issue in exc.details["issues"]:
                    typer.echo(f"  row {issue['row']}: {issue['column'] or ''} {issue['problem']} -> "
                               f"{issue['suggested_fix']}", err=True)
            raise typer.Exit(1) from exc
        except HireLoopError as exc:
            typer.echo(f"error: {exc.message}", err=True)
            raise typer.Exit(2) from exc
        if outcome.applied:
            uow.commit()
        _print_report(outcome.to_dict(), as_json)
        if not outcome.plan.ok:
            raise typer.Exit(1)


@mapping_app.command("save")
def mapping_save(name: str, file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="mapping JSON")],
                 org: OrgOption = None) -> None:
    """Save a column mapping (JSON, see docs/import.md) under a source's name."""
    from hireloop.accounts.actor import system_actor
    from hireloop.db import unit_of_work
    from hireloop.errors import HireLoopError
    from hireloop.integrations import imports

    try:
        body = json.loads(file.read_text(encoding="utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        typer.echo(f"error: {file} is not a JSON file: {exc}", err=True)
        raise typer.Exit(2) from exc
    with unit_of_work() as uow:
        o = _org(uow.session, org)
        try:
            row = imports.save_mapping(uow.session, system_actor(o.id, "cli"), name=name, mapping=body)
        except HireLoopError as exc:
            typer.echo(f"error: {exc.message}", err=True)
            raise typer.Exit(2) from exc
        uow.commit()
        typer.echo(f"saved mapping {row.name} ({row.kind})")


@mapping_app.command("list")
def mapping_list(org: OrgOption = None) -> None:
    """List saved mappings and the built-in presets."""
    from hireloop.db import unit_of_work
    from hireloop.integrations import repository
    from hireloop.integrations.importing import PRESETS

    with unit_of_work() as uow:
        o = _org(uow.session, org)
        for m in repository.mappings(uow.session, o.id):
            typer.echo(f"{m.name}\t{m.kind}\tsaved")
    for name, preset in sorted(PRESETS.items()):
        typer.echo(f"{name}\t{preset.kind.value}\tpreset")
