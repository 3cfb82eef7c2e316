"""Sealed files: AES-256-GCM in fixed 64 KiB chunks, so a recording can be streamed and seeked (HTTP range
requests) without opening the whole file.

Layout: ``HLF1`` | key-id length (1 byte) | key id | nonce prefix (7 bytes) | chunk … chunk. Chunk i holds
``CHUNK`` plaintext bytes (the last one fewer, possibly none) plus a 16-byte tag; its nonce is the prefix, i
(4 bytes) and a last-chunk flag, and its associated data binds the storage key, so chunks cannot be
reordered, dropped, cut off or moved to another file unnoticed.
"""

from __future__ import annotations

import io
import os
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag

from hireloop.crypto.keys import KeyRing, KeysMissing, current_keyring, ring_with

MAGIC = b"HLF1"
CHUNK = 64 * 1024
TAG = 16


class SealedFileBroken(KeysMissing):
    code = "sealed_file_broken"


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", index, 1 if last else 0)


def _aad(storage_key: str, index: int, last: bool) -> bytes:
    return storage_key.encode() + struct.pack(">QB", index, 1 if last else 0)


def seal_stream(plain: BinaryIO, out: BinaryIO, storage_key: str, ring: KeyRing | None = None) -> int:
    """Seal `plain` into `out`; returns the plaintext size."""
    ring = ring or current_keyring()
    aes, kid = ring.aead(ring.primary), ring.primary.encode()
    prefix = os.urandom(7)
    out.write(MAGIC + bytes([len(kid)]) + kid + prefix)
    index, size = 0, 0
    chunk = plain.read(CHUNK)
    while True:
        nxt = plain.read(CHUNK)
        last = not nxt
        out.write(aes.encrypt(_nonce(prefix, index, last), chunk, _aad(storage_key, index, last)))
        size += len(chunk)
        if last:
            return size
        chunk, index = nxt, index + 1


def is_sealed_file(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(MAGIC)) == MAGIC


class SealedReader(io.RawIOBase):
    """A read-only, seekable view of the plaintext of a sealed file."""

    def __init__(self, path: Path, storage_key: str, ring: KeyRing | None = None) -> None:
        super().__init__()
        self._fh = path.open("rb")
        head = self._fh.read(len(MAGIC) + 1)
        if len(head) < len(MAGIC) + 1 or head[: len(MAGIC)] != MAGIC:
            self._fh.close()
            raise SealedFileBroken(f"Stored file {storage_key} is not a sealed file.")
        kid = self._fh.read(head[-1]).decode()
        self.key_id = kid
        self._prefix = self._fh.read(7)
        self._header = len(MAGIC) + 1 + head[-1] + 7
        ring = ring or ring_with(kid)
        self._aes = ring.aead(kid)
        self._storage_key = storage_key
        total = os.fstat(self._fh.fileno()).st_size - self._header
        self._chunks = max(1, -(-total // (CHUNK + TAG)))
        self.size = total - self._chunks * TAG
        if self.size < 0:
            self._fh.close()
            raise SealedFileBroken(f"Stored file {storage_key} is cut off.")
        self._pos = 0
        self._cache: tuple[int, bytes] | None = None

    def _chunk(self, index: int) -> bytes:
        if self._cache and self._cache[0] == index:
            return self._cache[1]
        last = index == self._chunks - 1
        self._fh.seek(self._header + index * (CHUNK + TAG))
        sealed = self._fh.read(CHUNK + TAG)
        try:
            plain = self._aes.decrypt(_nonce(self._prefix, index, last), sealed, _aad(self._storage_key, index, last))
        except InvalidTag:
            raise SealedFileBroken(f"Stored file {self._storage_key} was changed, cut off or moved (chunk {index}); "
                                   "restore it from a backup.") from None
        self._cache = (index, plain)
        return plain

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self.size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buf: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._pos >= self.size:
            if self._pos == 0 and self.size == 0:
                self._chunk(0)  # an empty file still proves its integrity
            return 0
        index, skip = divmod(self._pos, CHUNK)
        data = self._chunk(index)[skip : skip + len(buf)]
        buf[: len(data)] = data
        self._pos += len(data)
        return len(data)

    def iter_range(self, start: int, end: int) -> Iterator[bytes]:
        """Plaintext bytes start..end inclusive, a chunk at a time."""
        self.seek(start)
        left = end - start + 1
        while left > 0:
            data = self.read(min(left, CHUNK))
            if not data:
                return
            left -= len(data)
            yield data

    def close(self) -> None:
        if not self.closed:
            self._fh.close()
        super().close()
