"""The key ring: data keys by id (the primary one seals new data, the others only open old data) and the
index key for keyed hashes.

Sources, in order: HIRELOOP_DATA_KEYS (``kid=base64,kid=base64``; the first is primary) with
HIRELOOP_INDEX_KEY, else the key file (JSON, mode 0600; default ``<storage root>/../keys/data-keys.json``).
When neither exists the key file is created with fresh keys, unless HIRELOOP_REQUIRE_KEYS is set, in which
case starting without keys is an error (what a production deployment wants).
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import os
import re
import secrets
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from hireloop.config import Settings, get_settings
from hireloop.errors import HireLoopError

log = logging.getLogger(__name__)
_lock = threading.Lock()
_cache: dict[tuple[str, str, str], tuple[KeyRing, tuple[int, ...], float]] = {}  # ring, key file mtime, checked at
RECHECK_SECONDS = 1.0  # a rotated key file is picked up by running processes within a second


class KeysMissing(HireLoopError):
    """No usable data keys; the message says where HireLoop looked and what to set."""

    status_code = 500
    code = "encryption_keys_missing"


@dataclass(frozen=True)
class KeyRing:
    keys: dict[str, bytes]
    primary: str
    index_key: bytes
    source: str = "memory"
    _aead: dict[str, AESGCM] = field(default_factory=dict, compare=False, repr=False)

    def aead(self, kid: str) -> AESGCM:
        """The cipher of one key id; KeysMissing names the id when the ring lacks it."""
        try:
            return self._aead[kid]
        except KeyError:
            if kid not in self.keys:
                raise KeysMissing(f"Data key {kid!r} is not in the key ring ({self.source}); add the key that "
                                  "sealed this data, or restore the key file from your key backup.") from None
            cipher = self._aead[kid] = AESGCM(self.keys[kid])
            return cipher

    @staticmethod
    def generate(kid: str | None = None) -> KeyRing:
        kid = kid or new_key_id()
        return KeyRing({kid: AESGCM.generate_key(bit_length=256)}, kid, secrets.token_bytes(32))

    def with_new_primary(self, kid: str | None = None) -> KeyRing:
        """A ring whose new primary key seals from now on; the old keys still open what they sealed."""
        kid = kid or new_key_id()
        return KeyRing({kid: AESGCM.generate_key(bit_length=256), **self.keys}, kid, self.index_key, self.source)

    def only_primary(self) -> KeyRing:
        return KeyRing({self.primary: self.keys[self.primary]}, self.primary, self.index_key, self.source)

    def to_json(self) -> str:
        return json.dumps({"format": 1, "primary": self.primary,
                           "keys": {k: _b64(v) for k, v in self.keys.items()},
                           "index_key": _b64(self.index_key),
                           "written_at": datetime.now(UTC).isoformat(timespec="seconds")}, indent=2)


def new_key_id() -> str:
    return datetime.now(UTC).strftime("k%Y%m%d") + secrets.token_hex(2)


KEY_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def _kid(kid: str, where: str) -> str:
    if not KEY_ID.match(kid):
        raise KeysMissing(f"Key id {kid[:70]!r} in {where} must be 1-64 letters, digits, '-' or '_'.")
    return kid


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def _key(text: str, what: str) -> bytes:
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise KeysMissing(f"{what} is not base64; generate keys with `hireloop keys init`.") from None
    if len(raw) != 32:
        raise KeysMissing(f"{what} must be 32 bytes (AES-256), got {len(raw)}.")
    return raw


def key_file_path(settings: Settings | None = None) -> Path:
    s = settings or get_settings()
    return Path(s.data_key_file) if s.data_key_file else Path(s.storage_root).parent / "keys" / "data-keys.json"


def parse_key_file(path: Path) -> KeyRing:
    try:
        doc = json.loads(path.read_text())
        keys = {_kid(str(k), str(path)): _key(v, f"key {k} in {path}") for k, v in doc["keys"].items()}
        primary, index = str(doc["primary"]), _key(doc["index_key"], f"index_key in {path}")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise KeysMissing(f"The key file {path} cannot be read ({type(exc).__name__}); restore it from your key "
                          "backup.") from None
    if primary not in keys:
        raise KeysMissing(f"The primary key {primary!r} is not among the keys of {path}.")
    return KeyRing(keys, primary, index, str(path))


def parse_env(data_keys: str, index_key: str | None) -> KeyRing:
    pairs = [p.strip() for p in data_keys.split(",") if p.strip()]
    keys: dict[str, bytes] = {}
    for p in pairs:
        kid, sep, value = p.partition("=")
        if not sep or not kid.strip():
            raise KeysMissing("HIRELOOP_DATA_KEYS must look like 'kid=base64key,kid2=base64key' (first = primary).")
        keys[_kid(kid.strip(), "HIRELOOP_DATA_KEYS")] = _key(value, f"HIRELOOP_DATA_KEYS key {kid.strip()}")
    if not keys:
        raise KeysMissing("HIRELOOP_DATA_KEYS is empty.")
    if not index_key:
        raise KeysMissing("HIRELOOP_DATA_KEYS is set but HIRELOOP_INDEX_KEY is not; both come from `hireloop keys init`.")
    return KeyRing(keys, next(iter(keys)), _key(index_key, "HIRELOOP_INDEX_KEY"), "environment")


def write_key_file(path: Path, ring: KeyRing, *, create_only: bool = False) -> bool:
    """Write the key ring; with create_only, an existing file is left as it is and False is returned (two
    processes starting at once on a new install must end up with one key file, not each its own)."""
    return write_private_file(path, ring.to_json(), create_only=create_only)


def write_private_file(path: Path, text: str, *, create_only: bool = False) -> bool:
    """Write atomically with mode 0600: the old file is replaced only once the new one is complete and on disk;
    with create_only, an existing file is kept and False is returned."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)  # mode 0600, a unique name
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if create_only:
            try:
                os.link(tmp, path)  # fails when the file exists: no window between checking and writing
            except FileExistsError:
                return False
        else:
            os.replace(tmp, path)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)  # the rename itself survives a crash
        finally:
            os.close(dir_fd)
        return True
    finally:
        tmp.unlink(missing_ok=True)


def _sealed_files_exist(storage_root: Path) -> bool:
    """Whether any stored file is sealed (stops at the first one found)."""
    from hireloop.crypto.files import file_key_id

    stack = [Path(storage_root) / "org"]
    while stack:
        try:
            entries = list(os.scandir(stack.pop()))
        except OSError:
            continue
        for e in entries:
            if e.is_dir(follow_symlinks=False):
                stack.append(Path(e.path))
            elif e.is_file(follow_symlinks=False) and file_key_id(Path(e.path)) is not None:
                return True
    return False


def current_keyring(settings: Settings | None = None) -> KeyRing:
    s = settings or get_settings()
    env = s.data_keys.get_secret_value() if s.data_keys else ""
    idx = s.index_key.get_secret_value() if s.index_key else ""
    path = key_file_path(s)
    cache_key = (env, idx, str(path))
    hit = _cache.get(cache_key)
    now = time.monotonic()
    if hit is not None:
        ring, mtime, checked = hit
        if env or now - checked < RECHECK_SECONDS:
            return ring
        if (file_stamp(path) or (-1,)) == mtime:
            _cache[cache_key] = (ring, mtime, now)
            return ring
    with _lock:
        if env:
            ring = parse_env(env, idx or None)
        elif path.exists():
            ring = parse_key_file(path)
        elif s.require_keys:
            raise KeysMissing(f"No data keys: set HIRELOOP_DATA_KEYS and HIRELOOP_INDEX_KEY, or create {path} with "
                              "`hireloop keys init`.")
        elif _sealed_files_exist(s.storage_root):
            # a missing key file next to sealed data is a wrong path or a lost file, never a new install
            raise KeysMissing(f"Stored files are sealed, but there is no key file at {path}: point "
                              "HIRELOOP_DATA_KEY_FILE at it, or restore it from your key backup. A new key would "
                              "not open them.")
        else:
            if write_key_file(path, KeyRing.generate(), create_only=True):
                log.warning("created a new data key file; back it up apart from the database and storage",
                            extra={"key_file": str(path)})
            ring = parse_key_file(path)  # ours, or the one another process created a moment before
        _cache[cache_key] = (ring, (0,) if env else (file_stamp(path) or (-1,)), now)
        return ring


def file_stamp(path: Path) -> tuple[int, int, int] | None:
    """What identifies a version of a file: inode, modification time and size (None when it is not there)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


def ring_with(kid: str) -> KeyRing:
    """The current ring, read again when it lacks `kid` (another process rotated the keys a moment ago)."""
    ring = current_keyring()
    if kid not in ring.keys:
        forget_cached_keys()
        ring = current_keyring()
    return ring


def forget_cached_keys() -> None:
    """After the key file changes (rotation), the next use reads it again."""
    with _lock:
        _cache.clear()


def unretire(key_ids: set[str], settings: Settings | None = None) -> set[str]:
    """Bring retired keys back from the archive beside the key file (a restore of an older backup needs them);
    returns the ids still missing."""
    ring = current_keyring(settings)
    missing = set(key_ids) - set(ring.keys)
    path = key_file_path(settings)
    archive = path.with_name(path.stem + ".retired.json")
    if not missing or ring.source == "environment" or not archive.exists():
        return missing
    try:
        kept = json.loads(archive.read_text())
    except (OSError, ValueError):
        return missing
    found = {k: _key(kept[k], f"key {k} in {archive}") for k in missing if k in kept}
    if found:
        write_key_file(path, KeyRing({**ring.keys, **found}, ring.primary, ring.index_key, ring.source))
        forget_cached_keys()
        log.warning("retired data keys brought back for a restore", extra={"key_ids": sorted(found)})
    return missing - set(found)
