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
    """Load a simulated two-year hiring history (employees, monthly reviews, exits); a second run adds nothing."""
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
        typer.echo(json.dumps({"employees": result.employees, "reviews": result.reviews, "exits": result.exits}))
