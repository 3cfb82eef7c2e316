"""Sealed files: AES-256-GCM in fixed 64 KiB chunks, so a recording can be streamed and seeked (HTTP range
requests) without opening the whole file.

Layout: ``HLF2`` | key-id length (1 byte) | key id | salt (16 bytes) | chunk … chunk. Each file has its own key,
HKDF-SHA256 of the data key with the random salt and the storage key, so nonces never repeat across files
(a random per-file nonce prefix under one key would reach NIST's collision bound after a few thousand files).
Chunk i holds ``CHUNK`` plaintext bytes (the last one fewer, possibly none) plus a 16-byte tag; its nonce is i
and a last-chunk flag, and its associated data binds the storage key, so chunks cannot be reordered, dropped,
cut off or moved to another file unnoticed. The last chunk is authenticated when the file is opened.
"""

from __future__ import annotations

import io
import os
import struct
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from hireloop.crypto.keys import KeyRing, KeysMissing, current_keyring, ring_with

MAGIC = b"HLF2"
CHUNK = 64 * 1024
TAG = 16
SALT = 16


class SealedFileBroken(KeysMissing):
    code = "sealed_file_broken"


def _file_cipher(ring: KeyRing, kid: str, salt: bytes, storage_key: str) -> AESGCM:
    key = HKDF(hashes.SHA256(), 32, salt=salt, info=b"hireloop file\x00" + storage_key.encode()).derive(ring.keys[kid])
    return AESGCM(key)


def _nonce(index: int, last: bool) -> bytes:
    return b"\x00\x00\x00" + struct.pack(">QB", index, 1 if last else 0)


def _aad(storage_key: str, index: int, last: bool) -> bytes:
    return storage_key.encode() + struct.pack(">QB", index, 1 if last else 0)


def _read_full(src: BinaryIO, n: int) -> bytes:
    """Exactly n bytes, or fewer only at the end (a stream may return short reads)."""
    parts, left = [], n
    while left > 0:
        data = src.read(left)
        if not data:
            break
        parts.append(data)
        left -= len(data)
    return b"".join(parts)


def seal_stream(plain: BinaryIO, out: BinaryIO, storage_key: str, ring: KeyRing | None = None) -> int:
    """Seal `plain` into `out`; returns the plaintext size."""
    ring = ring or current_keyring()
    kid, salt = ring.primary.encode(), os.urandom(SALT)
    aes = _file_cipher(ring, ring.primary, salt, storage_key)
    out.write(MAGIC + bytes([len(kid)]) + kid + salt)
    index, size = 0, 0
    chunk = _read_full(plain, CHUNK)
    while True:
        nxt = _read_full(plain, CHUNK)
        last = not nxt
        out.write(aes.encrypt(_nonce(index, last), chunk, _aad(storage_key, index, last)))
        size += len(chunk)
        if last:
            return size
        chunk, index = nxt, index + 1


def file_key_id(path: Path) -> str | None:
    """The id of the data key a sealed file needs, or None for a file that is not sealed."""
    with path.open("rb") as fh:
        head = fh.read(len(MAGIC) + 1)
        if head[: len(MAGIC)] != MAGIC or len(head) <= len(MAGIC):
            return None
        return fh.read(head[-1]).decode()


class SealedReader(io.RawIOBase):
    """A read-only, seekable view of the plaintext of a sealed file."""

    def __init__(self, path: Path, storage_key: str, ring: KeyRing | None = None) -> None:
        super().__init__()
        self._fh = path.open("rb")
        try:
            head = self._fh.read(len(MAGIC) + 1)
            if len(head) < len(MAGIC) + 1 or head[: len(MAGIC)] != MAGIC:
                raise SealedFileBroken(f"Stored file {storage_key} is not a sealed file.")
            kid = self._fh.read(head[-1]).decode()
            salt = self._fh.read(SALT)
            self._header = len(MAGIC) + 1 + head[-1] + SALT
            self._aes = _file_cipher(ring or ring_with(kid), kid, salt, storage_key)
            self._storage_key = storage_key
            body = os.fstat(self._fh.fileno()).st_size - self._header
            self._chunks = max(1, -(-body // (CHUNK + TAG)))
            last_len = body - (self._chunks - 1) * (CHUNK + TAG)
            # the last chunk holds its tag and, unless the file is empty, at least one byte: anything shorter was cut
            if len(salt) < SALT or last_len < TAG or (last_len == TAG and self._chunks > 1):
                raise SealedFileBroken(f"Stored file {storage_key} is cut off; restore it from a backup.")
            self.size = body - self._chunks * TAG
            self._pos = 0
            self._cache: tuple[int, bytes] | None = None
            self._chunk(self._chunks - 1)  # authenticates the end: a file cut at a chunk boundary fails here
        except BaseException:
            self._fh.close()
            raise

    def _chunk(self, index: int) -> bytes:
        if self._cache and self._cache[0] == index:
            return self._cache[1]
        last = index == self._chunks - 1
        self._fh.seek(self._header + index * (CHUNK + TAG))
        sealed = self._fh.read(CHUNK + TAG)
        try:
            plain = self._aes.decrypt(_nonce(index, last), sealed, _aad(self._storage_key, index, last))
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
        if base + offset < 0:
            raise ValueError(f"negative seek position {base + offset}")
        self._pos = base + offset
        return self._pos

    def readinto(self, buf: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._pos >= self.size:
            return 0
        index, skip = divmod(self._pos, CHUNK)
        data = self._chunk(index)[skip : skip + len(buf)]
        buf[: len(data)] = data
        self._pos += len(data)
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._fh.close()
        super().close()
