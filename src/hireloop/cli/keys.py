"""hireloop keys: the data keys that seal personal fields and stored files at rest."""

from __future__ import annotations

import base64
import json
from typing import Annotated

import typer

app = typer.Typer(help="Encryption at rest: create, inspect and rotate the data keys.", no_args_is_help=True)


@app.callback()
def keys() -> None:
    """Encryption at rest: the data keys (a callback keeps the commands subcommands)."""


@app.command("init")
def init(env: Annotated[bool, typer.Option("--env", help="print new keys as environment variables instead")] = False) -> None:
    """Create the key file (refuses to replace one), or print new keys for HIRELOOP_DATA_KEYS/HIRELOOP_INDEX_KEY."""
    from hireloop.crypto.keys import KeyRing, key_file_path, write_key_file

    ring = KeyRing.generate()
    if env:
        typer.echo(f"HIRELOOP_DATA_KEYS={ring.primary}={base64.b64encode(ring.keys[ring.primary]).decode()}")
        typer.echo(f"HIRELOOP_INDEX_KEY={base64.b64encode(ring.index_key).decode()}")
        return
    path = key_file_path()
    if path.exists():
        typer.echo(f"{path} exists already; `hireloop keys rotate` adds a new key to it.", err=True)
        raise typer.Exit(2)
    write_key_file(path, ring)
    typer.echo(f"Created {path} (mode 0600). Back it up apart from the database and storage: without it, "
               "sealed data cannot be read.")


@app.command("status")
def status() -> None:
    """How many values and files each key seals (as JSON); 'plain' counts what is not sealed yet."""
    from hireloop.crypto.keys import current_keyring
    from hireloop.crypto.rotate import usage
    from hireloop.db import get_engine
    from hireloop.storage import get_storage

    ring = current_keyring()
    u = usage(get_engine(), get_storage())
    typer.echo(json.dumps({"source": ring.source, "primary": ring.primary, "keys": sorted(ring.keys),
                           **u.to_dict()}, indent=2))


@app.command("rotate")
def rotate(retire: Annotated[bool, typer.Option(help="remove the old keys once nothing uses them")] = False) -> None:
    """Add a new primary key to the key file, seal everything again under it, and optionally retire old keys.

    With keys in the environment: put a new key (from `hireloop keys init --env`) first in HIRELOOP_DATA_KEYS,
    keep the old ones after it, and run `hireloop keys reseal`."""
    from hireloop.crypto.keys import current_keyring, forget_cached_keys, key_file_path, parse_key_file, write_key_file

    ring = current_keyring()
    if ring.source == "environment":
        typer.echo("The keys come from HIRELOOP_DATA_KEYS: add the new key first in it, keep the old ones after it, "
                   "restart, then run `hireloop keys reseal`.", err=True)
        raise typer.Exit(2)
    path = key_file_path()
    new = ring.with_new_primary()
    write_key_file(path, new)  # the old keys stay in the file: data sealed with them still opens meanwhile
    forget_cached_keys()
    _reseal(parse_key_file(path), retire=retire)


@app.command("reseal")
def reseal(retire: Annotated[bool, typer.Option(help="(key file only) remove keys nothing uses any more")] = False) -> None:
    """Seal every value and file not sealed with the primary key again under it (safe to run again)."""
    from hireloop.crypto.keys import current_keyring

    _reseal(current_keyring(), retire=retire)


def _reseal(ring, *, retire: bool) -> None:  # noqa: ANN001
    from hireloop.crypto.keys import forget_cached_keys, key_file_path, write_key_file
    from hireloop.crypto.rotate import reseal as run
    from hireloop.db import get_engine
    from hireloop.storage import get_storage

    result = run(get_engine(), get_storage(), ring)
    leftovers = {k for k in (*result.values, *result.files) if k != ring.primary}
    out = {"primary": ring.primary, **result.to_dict(), "retired": []}
    if retire and not leftovers and ring.source != "environment":
        out["retired"] = sorted(k for k in ring.keys if k != ring.primary)
        write_key_file(key_file_path(), ring.only_primary())
        forget_cached_keys()
    elif retire:
        out["not_retired_because"] = sorted(leftovers) or ["keys come from the environment"]
    typer.echo(json.dumps(out, indent=2))
    if leftovers:
        raise typer.Exit(1)
