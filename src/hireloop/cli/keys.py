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
def rotate() -> None:
    """Add a new primary key to the key file and seal everything again under it (old keys stay until
    `hireloop keys retire`).

    With keys in the environment: put a new key (from `hireloop keys init --env`) first in HIRELOOP_DATA_KEYS,
    keep the old ones after it, restart, and run `hireloop keys reseal`."""
    from hireloop.crypto.keys import current_keyring, forget_cached_keys, key_file_path, parse_key_file, write_key_file

    ring = current_keyring()
    if ring.source == "environment":
        typer.echo("The keys come from HIRELOOP_DATA_KEYS: add the new key first in it, keep the old ones after it, "
                   "restart, then run `hireloop keys reseal`.", err=True)
        raise typer.Exit(2)
    path = key_file_path()
    write_key_file(path, ring.with_new_primary())  # old keys stay: data sealed with them still opens meanwhile
    forget_cached_keys()
    _reseal(parse_key_file(path))


@app.command("reseal")
def reseal() -> None:
    """Seal every value and file not sealed with the primary key again under it (safe to run again)."""
    from hireloop.crypto.keys import current_keyring

    _reseal(current_keyring())


def _reseal(ring) -> None:  # noqa: ANN001
    from hireloop.crypto.rotate import reseal as run
    from hireloop.db import get_engine
    from hireloop.storage import get_storage

    result = run(get_engine(), get_storage(), ring)
    leftovers = {k for k in (*result.values, *result.files) if k != ring.primary}
    typer.echo(json.dumps({"primary": ring.primary, **result.to_dict(), "still_other_keys": sorted(leftovers)},
                          indent=2))
    if leftovers:  # written meanwhile by a process with the old key, or changed while resealing: run again
        raise typer.Exit(1)


@app.command("retire")
def retire(grace: Annotated[int, typer.Option(help="seconds the primary key must have been in place")] = 900) -> None:
    """Move keys nothing uses any more (values, files, unfinished uploads) out of the key file into the archive
    beside it (`*.retired.json`, which backups from before the rotation need)."""
    import time

    from hireloop.crypto.keys import (
        current_keyring,
        forget_cached_keys,
        key_file_path,
        write_key_file,
        write_private_file,
    )
    from hireloop.crypto.rotate import still_in_use
    from hireloop.db import get_engine
    from hireloop.storage import get_storage

    ring = current_keyring()
    path = key_file_path()
    if ring.source == "environment":
        typer.echo("The keys come from HIRELOOP_DATA_KEYS: remove the old ones there once `hireloop keys status` "
                   "shows nothing uses them.", err=True)
        raise typer.Exit(2)
    age = time.time() - path.stat().st_mtime
    if age < grace:
        typer.echo(f"The primary key is {age:.0f} s old; wait {grace - age:.0f} s more, so that work begun with the "
                   "old key has finished (or pass --grace).", err=True)
        raise typer.Exit(2)
    old = sorted(k for k in ring.keys if k != ring.primary)
    busy = still_in_use(get_engine(), get_storage(), ring)
    if busy:
        typer.echo(json.dumps({"retired": [], "still_in_use": sorted(busy),
                               "do": "run `hireloop keys reseal`, let unfinished uploads complete, then retire"}))
        raise typer.Exit(1)
    archive = path.with_name(path.stem + ".retired.json")
    kept = json.loads(archive.read_text()) if archive.exists() else {}
    kept.update({k: base64.b64encode(ring.keys[k]).decode() for k in old})
    write_private_file(archive, json.dumps(kept, indent=2))
    write_key_file(path, ring.only_primary())
    forget_cached_keys()
    typer.echo(json.dumps({"retired": old, "archive": str(archive),
                           "note": "backups made before the rotation need the archived keys"}, indent=2))
