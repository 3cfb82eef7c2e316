"""Failed-login limits per client address: in Redis when HIRELOOP_REDIS_URL is set (shared by every process),
else in this process's memory."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from typing import Protocol


class LoginLimiter(Protocol):
    def blocked(self, key: str) -> bool: ...

    def failed(self, key: str) -> None: ...


class MemoryLimiter:
    """At most `limit` failures per `window_s` seconds per key (a sliding window)."""

    def __init__(self, limit: int, window_s: float) -> None:
        self.limit, self.window = limit, window_s
        self._hits: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _trim(self, key: str, now: float) -> deque[float]:
        q = self._hits[key]
        while q and q[0] <= now - self.window:
            q.popleft()
        return q

    def blocked(self, key: str) -> bool:
        with self._lock:
            return len(self._trim(key, time.monotonic())) >= self.limit

    def failed(self, key: str) -> None:
        with self._lock:
            self._trim(key, time.monotonic()).append(time.monotonic())


class RedisLimiter:
    """The same rule with a Redis counter per key and window, so all workers share it."""

    def __init__(self, url: str, limit: int, window_s: float, prefix: str = "hireloop:login-fail:") -> None:
        import redis

        self.r = redis.Redis.from_url(url, socket_timeout=2)
        self.limit, self.window, self.prefix = limit, int(window_s), prefix

    def _key(self, key: str) -> str:
        return f"{self.prefix}{key}:{int(time.time()) // self.window}"

    def blocked(self, key: str) -> bool:
        return int(self.r.get(self._key(key)) or 0) >= self.limit

    def failed(self, key: str) -> None:
        k = self._key(key)
        pipe = self.r.pipeline()
        pipe.incr(k)
        pipe.expire(k, self.window * 2)
        pipe.execute()


def make_limiter(redis_url: str | None, limit: int, window_s: float) -> LoginLimiter:
    return RedisLimiter(redis_url, limit, window_s) if redis_url else MemoryLimiter(limit, window_s)
