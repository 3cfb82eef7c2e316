"""File storage addressed by key (never by a path taken from the user); local disk by default.

Every file is sealed at rest (hireloop.crypto.files): `open` and `read_bytes` give the plaintext, `plain_path`
a temporary plaintext copy for tools that need a path (ffmpeg), and `path` only the sealed file itself.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from hireloop.config import Settings, get_settings
from hireloop.crypto.files import SealedReader, file_key_id, seal_stream

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
        """Seal a finished file into place (written beside it, then renamed) and remove the plaintext."""
        with source.open("rb") as fh:
            dest = self.put_stream(key, fh)
        source.unlink(missing_ok=True)
        return dest

    def put_bytes(self, key: str, data: bytes) -> Path:
        return self.put_stream(key, io.BytesIO(data))

    def put_stream(self, key: str, plain: BinaryIO) -> Path:
        dest = self.path(key)
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(dest.name + ".tmp")
        try:
            with tmp.open("wb") as out:
                seal_stream(plain, out, key)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, dest)
        finally:
            tmp.unlink(missing_ok=True)
        return dest

    def open(self, key: str) -> BinaryIO:
        """The plaintext, readable and seekable; a file stored before encryption was enabled opens as it is."""
        p = self.path(key)
        if file_key_id(p) is None:
            return p.open("rb")
        return io.BufferedReader(SealedReader(p, key), buffer_size=64 * 1024)  # type: ignore[return-value]

    def read_bytes(self, key: str) -> bytes:
        with self.open(key) as fh:
            return fh.read()

    @contextmanager
    def plain_path(self, key: str) -> Iterator[Path]:
        """A temporary plaintext copy (mode 0600, removed afterwards) for programs that need a file path.

        Copies live in `<root>/../tmp` (0700), not the system's temporary folder, and copies a killed process
        left there more than an hour ago are removed first."""
        tmp_dir = self.root.parent / "tmp"
        tmp_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        _remove_stale(tmp_dir, older_than_s=3600)
        suffix = Path(key).suffix
        fd, name = tempfile.mkstemp(prefix="hl-", suffix=suffix, dir=tmp_dir)
        tmp = Path(name)
        try:
            with os.fdopen(fd, "wb") as out, self.open(key) as src:
                shutil.copyfileobj(src, out, 1 << 20)
            yield tmp
        finally:
            tmp.unlink(missing_ok=True)

    def exists(self, key: str) -> bool:
        return self.path(key).exists()

    def delete(self, key: str) -> None:
        self.path(key).unlink(missing_ok=True)

    def iter_keys(self, prefix: str = "") -> Iterator[str]:
        base = self.root / prefix if prefix else self.root
        if base.exists():
            for p in base.rglob("*"):
                if p.is_file():
                    yield p.relative_to(self.root).as_posix()


def _remove_stale(folder: Path, *, older_than_s: float) -> None:
    cutoff = time.time() - older_than_s
    for p in folder.glob("hl-*"):
        try:
            if p.stat().st_mtime < cutoff:
                p.unlink()
        except OSError:
            pass


def get_storage(settings: Settings | None = None) -> LocalStorage:
    return LocalStorage((settings or get_settings()).storage_root)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
