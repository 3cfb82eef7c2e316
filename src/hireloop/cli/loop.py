"""hireloop loop: the closed loop's demo history and analyses from the command line."""

from __future__ import annotations

import json
from typing import Annotated

import typer

app = typer.Typer(help="The closed loop: demo history and analyses.", no_args_is_help=True)


@app.callback()
def loop() -> None:
    """The closed loop: demo history and analyses (a callback keeps `demo` a subcommand)."""


@app.command("demo")
def demo(org: Annotated[str, typer.Option("--org", help="organization short name")],
         seed: Annotated[int, typer.Option(help="seed of the simulated history")] = 11,
         years: Annotated[int, typer.Option(help="years of history to simulate")] = 2) -> None:
    """Load a simulated two-year hiring history (applicants, employees, monthly reviews, exits); a second run adds
    nothing."""
    from hireloop.accounts import repository
    from hireloop.db import unit_of_work
    from hireloop.loop.demo import demo_params, load_demo_history

    with unit_of_work() as uow:
        o = repository.org_by_slug(uow.session, org)
        if o is None:
            raise typer.BadParameter(f"no organization '{org}'", param_hint="--org")
        result = load_demo_history(uow.session, o.id, demo_params(seed=seed, years=years))
        uow.commit()
    if result.skipped:
        typer.echo(f"{org} already has the demo history; nothing added.")
    else:
        typer.echo(json.dumps({"employees": result.employees, "reviews": result.reviews, "exits": result.exits,
                               "applicants": result.applicants}))


@app.command("refresh-risk")
def refresh_risk(org: Annotated[str, typer.Option("--org", help="organization short name")],
                 retrain: Annotated[bool, typer.Option(help="train a new model version first")] = False) -> None:
    """Score every current employee with the saved attrition model and store the scores (what the weekly task runs)."""
    from dataclasses import asdict

    from hireloop.accounts import repository
    from hireloop.db import unit_of_work
    from hireloop.errors import HireLoopError
    from hireloop.loop.service import refresh_risk as refresh

    with unit_of_work() as uow:
        o = repository.org_by_slug(uow.session, org)
        if o is None:
            raise typer.BadParameter(f"no organization '{org}'", param_hint="--org")
        try:
            done = refresh(uow.session, o.id, retrain=retrain)
        except HireLoopError as exc:
            typer.echo(f"error: {exc.message}", err=True)
            raise typer.Exit(2) from exc
        uow.commit()
    typer.echo(json.dumps(asdict(done)))


@app.command("sync-applicants")
def sync_applicants(org: Annotated[str, typer.Option("--org", help="organization short name")]) -> None:
    """Copy the organization's applications (stage reached, interview scores) into the loop's applicant records."""
    from hireloop.accounts import repository
    from hireloop.db import unit_of_work
    from hireloop.loop.sync import sync_applicants as sync

    with unit_of_work() as uow:
        o = repository.org_by_slug(uow.session, org)
        if o is None:
            raise typer.BadParameter(f"no organization '{org}'", param_hint="--org")
        n = sync(uow.session, o.id)
        uow.commit()
    typer.echo(json.dumps({"applications": n}))
