"""Files still being written, in order, over several requests (resumable uploads): AES-256-CTR at the byte
offset, under a key derived (HKDF) from a data key and the file's name, so no plaintext touches the disk even
before the file is complete. When complete, the file is read back and sealed with AES-GCM into storage. This
phase gives confidentiality only: CTR has no integrity, so someone able to write the part file could change
bytes unnoticed (the SHA-256 recorded is of what was read back); the sealed file is protected from then on.

Layout: ``HLP1`` | key-id length (1 byte) | key id | ciphertext at the plaintext's offsets.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from hireloop.crypto.keys import KeyRing, current_keyring, ring_with

MAGIC = b"HLP1"


def _key(ring: KeyRing, kid: str, name: str) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=b"hireloop part " + name.encode()).derive(ring.keys[kid])


def _xor_at(key: bytes, offset: int, data: bytes) -> bytes:
    block, skip = divmod(offset, 16)
    enc = Cipher(algorithms.AES(key), modes.CTR(block.to_bytes(16, "big"))).encryptor()
    return enc.update(bytes(skip) + data)[skip:]


def _header(path: Path) -> tuple[str | None, int]:
    """(key id, header length); (None, 0) for an upload begun before encryption, which goes on in plain."""
    with path.open("rb") as fh:
        head = fh.read(len(MAGIC) + 1)
        if head[: len(MAGIC)] != MAGIC or len(head) <= len(MAGIC):
            return None, 0
        return fh.read(head[-1]).decode(), len(MAGIC) + 1 + head[-1]


def part_key_id(path: Path) -> str | None:
    """The data key id an unfinished upload is encrypted with (None for one written before encryption)."""
    try:
        return _header(path)[0]
    except OSError:
        return None


def create(path: Path) -> None:
    ring = current_keyring()
    kid = ring.primary.encode()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(MAGIC + bytes([len(kid)]) + kid)


def write_at(path: Path, offset: int, data: bytes) -> None:
    """Write plaintext `data` at plaintext `offset`, encrypted, and make it durable."""
    kid, head = _header(path)
    with path.open("r+b") as fh:
        fh.seek(head + offset)
        fh.write(data if kid is None else _xor_at(_key(ring_with(kid), kid, path.name), offset, data))
        fh.flush()
        os.fsync(fh.fileno())


class PartReader(io.RawIOBase):
    """The plaintext of a part file, read in order."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        kid, head = _header(path)
        self._key = None if kid is None else _key(ring_with(kid), kid, path.name)
        self._fh = path.open("rb")
        self._fh.seek(head)
        self._pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buf: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._fh.read(len(buf))
        plain = data if self._key is None else _xor_at(self._key, self._pos, data)
        buf[: len(plain)] = plain
        self._pos += len(plain)
        return len(plain)

    def close(self) -> None:
        if not self.closed:
            self._fh.close()
        super().close()


def open_part(path: Path) -> io.BufferedReader:
    return io.BufferedReader(PartReader(path), buffer_size=1 << 20)
