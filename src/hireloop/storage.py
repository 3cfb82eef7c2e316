"""File storage addressed by key (never by a path taken from the user); local disk by default."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

from hireloop.config import Settings, get_settings

_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-/]{0,299}$")


class InvalidKey(ValueError):
    pass


class LocalStorage:
    """Keys like 'org/<id>/answers/<id>.webm' map to files under one root; '..' and absolute keys are refused."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root).resolve()

    def path(self, key: str) -> Path:
        if not _KEY.match(key) or ".." in key.split("/") or "//" in key:
            raise InvalidKey(f"invalid storage key {key!r}")
        p = (self.root / key).resolve()
        if self.root not in p.parents:
            raise InvalidKey(f"storage key escapes the root: {key!r}")
        return p

    def put_file(self, key: str, source: Path) -> Path:
        """Move a finished file into place atomically (same filesystem) or copy it."""
        dest = self.path(key)
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.replace(source, dest)
        except OSError:
            shutil.copyfile(source, dest)
            source.unlink(missing_ok=True)
        return dest

    def put_bytes(self, key: str, data: bytes) -> Path:
        dest = self.path(key)
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(dest.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, dest)
        return dest

    def exists(self, key: str) -> bool:
        return self.path(key).exists()

    def delete(self, key: str) -> None:
        self.path(key).unlink(missing_ok=True)

    def open(self, key: str):  # noqa: ANN201
        return self.path(key).open("rb")

    def iter_keys(self, prefix: str = "") -> Iterator[str]:
        base = self.root / prefix if prefix else self.root
        if base.exists():
            for p in base.rglob("*"):
                if p.is_file():
                    yield p.relative_to(self.root).as_posix()


def get_storage(settings: Settings | None = None) -> LocalStorage:
    return LocalStorage((settings or get_settings()).storage_root)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
