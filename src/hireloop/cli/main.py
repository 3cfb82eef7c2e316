"""hireloop: serve, migrate, demo, worker, users and API keys."""

from __future__ import annotations

import importlib
import json
import logging
import signal
import threading
from pathlib import Path
from typing import Annotated

import typer

from hireloop.config import get_settings

app = typer.Typer(help="HireLoop: AI video interviews that close the loop to on-the-job performance.",
                  no_args_is_help=True)
user_app = typer.Typer(help="Manage console users.", no_args_is_help=True)
apikey_app = typer.Typer(help="Manage API keys.", no_args_is_help=True)
app.add_typer(user_app, name="user")
app.add_typer(apikey_app, name="apikey")

from hireloop.cli import hr as _hr  # noqa: E402

from hireloop.cli import keys as _keys  # noqa: E402
from hireloop.cli import loop as _loop  # noqa: E402

app.command("import")(_hr.import_file)
app.add_typer(_loop.app, name="loop")
app.add_typer(_hr.mapping_app, name="mapping")
app.add_typer(_keys.app, name="keys")

# Sub-commands of other domains, mounted when their module is present.
for _name, _module in (("analyze", "hireloop.cli.analyze"), ("screen", "hireloop.cli.screen")):
    try:
        app.add_typer(importlib.import_module(_module).app, name=_name)
    except ModuleNotFoundError:
        pass


def _setup_logging() -> None:
    logging.basicConfig(level=get_settings().log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


@app.command()
def migrate() -> None:
    """Bring the database schema up to date."""
    from hireloop.migrate import upgrade

    upgrade(get_settings())
    typer.echo("database is up to date")


def _check_keys() -> None:
    """Fail at start, not at the first request, when the data keys are missing or unreadable."""
    from hireloop.crypto import KeysMissing, current_keyring
    from hireloop.crypto.keys import key_file_path

    s = get_settings()
    try:
        if not s.data_keys and not key_file_path(s).exists() and _database_holds_sealed_values():
            raise KeysMissing(f"The database holds sealed personal data, but there is no key file at "
                              f"{key_file_path(s)}: point HIRELOOP_DATA_KEY_FILE at it, or restore it from your key "
                              "backup. A new key would not open it.")
        current_keyring()
    except KeysMissing as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2) from None


def _database_holds_sealed_values() -> bool:
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    from hireloop.db import get_engine

    try:
        with get_engine().connect() as c:
            return c.execute(text("SELECT 1 FROM candidates WHERE full_name LIKE 'hl1:%' LIMIT 1")).first() is not None
    except SQLAlchemyError:  # not migrated yet: nothing sealed
        return False


@app.command()
def serve(host: str = "127.0.0.1", port: int = 8000,
          workers: Annotated[bool, typer.Option(help="Run the embedded background workers")] = True) -> None:
    """Serve the console and the API (with embedded background workers)."""
    import uvicorn

    from hireloop.api.app import create_app

    _setup_logging()
    _check_keys()
    uvicorn.run(create_app(get_settings(), start_workers=workers), host=host, port=port, log_level="info")


@app.command()
def worker(threads: int = 2) -> None:
    """Run background workers only (without the web server)."""
    from hireloop import dispatch

    _setup_logging()
    _check_keys()
    d = dispatch.EmbeddedDispatcher(get_settings(), workers=threads)
    dispatch.set_dispatcher(d)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    d.start()
    typer.echo(f"{threads} worker thread(s) running; Ctrl-C stops them")
    stop.wait()
    d.stop()


@app.command()
def demo() -> None:
    """Load the demo company (idempotent) and print the demo logins."""
    from hireloop.demo.loader import DEMO_PASSWORD, load_demo

    result = load_demo(get_settings())
    typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
    typer.echo(f"\nLog in at {get_settings().base_url}/login as admin@freshmart.example / {DEMO_PASSWORD}")


@user_app.command("create")
def user_create(email: str, name: str, role: str, org: Annotated[str, typer.Option(help="organization short name")],
                password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)]) -> None:
    """Create a console user in an organization."""
    from hireloop.accounts import repository, service
    from hireloop.db import unit_of_work
    from hireloop.errors import HireLoopError

    with unit_of_work() as uow:
        o = repository.org_by_slug(uow.session, org)
        if o is None:
            raise typer.BadParameter(f"no organization '{org}'")
        try:
            user = service.create_user(uow.session, org_id=o.id, email=email, name=name, password=password, role=role)
        except HireLoopError as exc:
            typer.echo(f"error: {exc.message}", err=True)
            raise typer.Exit(2) from exc
        uow.commit()
        typer.echo(f"created user {user.email} ({user.role})")


@apikey_app.command("create")
def apikey_create(name: str, org: Annotated[str, typer.Option(help="organization short name")],
                  scope: Annotated[list[str], typer.Option(help="permission, repeatable; default: all grantable")] = []) -> None:  # noqa: B006
    """Create an API key; the key is printed once."""
    from hireloop.accounts import repository, service
    from hireloop.accounts.actor import system_actor
    from hireloop.accounts.permissions import API_KEY_SCOPES
    from hireloop.db import unit_of_work
    from hireloop.errors import HireLoopError

    with unit_of_work() as uow:
        o = repository.org_by_slug(uow.session, org)
        if o is None:
            raise typer.BadParameter(f"no organization '{org}'")
        try:
            full, key = service.create_api_key(uow.session, system_actor(o.id, "cli"), name=name,
                                               scopes=scope or sorted(p.value for p in API_KEY_SCOPES))
        except HireLoopError as exc:
            typer.echo(f"error: {exc.message}", err=True)
            raise typer.Exit(2) from exc
        uow.commit()
        typer.echo(full)
        typer.echo(f"scopes: {', '.join(key.scopes)} (store the key now: it is not shown again)", err=True)


models_app = typer.Typer(help="The loop's prediction models.", no_args_is_help=True)
models_train = typer.Typer(help="Train a model on an organization's data.", no_args_is_help=True)
models_app.add_typer(models_train, name="train")
app.add_typer(models_app, name="models")


@models_train.command("attrition")
def train_attrition(org: Annotated[str | None, typer.Option(help="organization short name (default: the only one)")] = None,
                    as_json: Annotated[bool, typer.Option("--json", help="print the validation metrics as JSON")] = False) -> None:
    """Fit the attrition-risk model on the imported employees and exits; prints how it was validated."""
    from hireloop.accounts import repository
    from hireloop.db import unit_of_work
    from hireloop.errors import HireLoopError
    from hireloop.loop.service import train_attrition as train
    from hireloop.models import Organization

    with unit_of_work() as uow:
        orgs = [repository.org_by_slug(uow.session, org)] if org else list(uow.session.query(Organization))
        if not orgs or orgs[0] is None or len(orgs) > 1:
            raise typer.BadParameter("name the organization with --org SLUG")
        try:
            _model, summary = train(uow.session, orgs[0].id)
        except HireLoopError as exc:
            typer.echo(f"error: {exc.message}", err=True)
            raise typer.Exit(2) from exc
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False, indent=2, default=str))
    else:
        m = summary.get("metrics", {})
        typer.echo(f"attrition model: AUC {m.get('auc', float('nan')):.3f} (validation: {summary.get('validation')})")


audit_app = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)
app.add_typer(audit_app, name="audit")


@audit_app.command("verify")
def audit_verify(org: Annotated[str | None, typer.Option(help="organization short name (default: all)")] = None) -> None:
    """Check every organization's audit hash chain; exits 1 when a row was edited or removed."""
    from hireloop.accounts import repository
    from hireloop.compliance.audit import verify_chain
    from hireloop.db import unit_of_work
    from hireloop.models import Organization

    bad = 0
    with unit_of_work() as uow:
        orgs = [repository.org_by_slug(uow.session, org)] if org else list(uow.session.query(Organization))
        for o in orgs:
            if o is None:
                raise typer.BadParameter(f"no organization '{org}'")
            r = verify_chain(uow.session, o.id)
            typer.echo(f"{o.slug}: {'ok' if r.ok else 'BROKEN'} ({r.checked} rows)"
                       + ("" if r.ok else f" first bad row {r.first_bad_id}: {r.problem}"))
            bad += 0 if r.ok else 1
    raise typer.Exit(1 if bad else 0)


def _backup_key(key_file: Path | None) -> bytes:
    from hireloop.compliance.backup import load_key

    settings = get_settings()
    return load_key(key_file, settings.backup_key.get_secret_value() if settings.backup_key else None)


@app.command("backup-key")
def backup_key(out: Path) -> None:
    """Write a new random backup key (keep it apart from the backups)."""
    import base64

    from hireloop.compliance.backup import new_key

    if out.exists():
        raise typer.BadParameter(f"{out} exists; choose another file")
    out.write_text(base64.b64encode(new_key()).decode() + "\n")
    out.chmod(0o600)
    typer.echo(f"wrote {out}")


@app.command()
def backup(out: Path, key_file: Annotated[Path | None, typer.Option(help="key file from `hireloop backup-key`")] = None) -> None:
    """Back up the database and the stored files, consistently and encrypted, to OUT."""
    from hireloop.compliance.backup import backup as run
    from hireloop.db import get_engine
    from hireloop.errors import HireLoopError

    try:
        s = run(get_engine(), get_settings().storage_root, out, _backup_key(key_file))
    except HireLoopError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"backed up {sum(s.tables.values())} rows in {len(s.tables)} tables and {s.files} files to {out} "
               f"({s.bytes / 1e6:.1f} MB, schema {s.revision})")


@app.command()
def restore(source: Path, key_file: Annotated[Path | None, typer.Option(help="key file of the backup")] = None) -> None:
    """Restore a backup into an empty, migrated database and storage."""
    from hireloop.compliance.backup import restore as run
    from hireloop.db import get_engine
    from hireloop.errors import HireLoopError

    try:
        s = run(get_engine(), get_settings().storage_root, source, _backup_key(key_file))
    except HireLoopError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"restored {sum(s.tables.values())} rows and {s.files} files (schema {s.revision})")


@app.command()
def retention(apply_changes: Annotated[bool, typer.Option("--apply", help="delete (default: dry run)")] = False) -> None:
    """Show (or, with --apply, carry out) what the retention rules of each policy delete now."""
    from hireloop.compliance import retention as rules
    from hireloop.db import unit_of_work

    with unit_of_work() as uow:
        purge = rules.plan(uow.session)
        for item in purge.items:
            typer.echo(f"{item.kind:10s} {item.id}  {item.reason}")
        typer.echo(f"{'deleting' if apply_changes else 'would delete'}: {purge.counts() or 'nothing'}")
        if apply_changes:
            _counts, keys = rules.apply(uow.session, purge)
            uow.commit()
            rules.remove_files(keys)


if __name__ == "__main__":
    app()
