"""Retry schedule for failed deliveries: exponential backoff with bounded jitter, spanning about three days."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class RetrySchedule:
    """Delay before retry n (n = attempts made so far): min(cap, first * factor**(n-1)), times 1 +/- jitter.

    The defaults give 17 retries after the first attempt: 1, 2, 4 ... 256 minutes, then every 8 hours,
    about 72.5 hours in all; the jitter spreads receivers' recovery storms without moving the total much.
    """

    first_delay_s: float = 60.0
    factor: float = 2.0
    cap_s: float = 8 * 3600.0
    jitter: float = 0.2
    max_attempts: int = 18

    def base_delay(self, attempt: int) -> float:
        """The un-jittered delay after the given attempt (1 = the first attempt failed)."""
        if attempt < 1:
            raise ValueError("attempt counts attempts already made and starts at 1")
        return min(self.cap_s, self.first_delay_s * self.factor ** (attempt - 1))

    def bounds(self, attempt: int) -> tuple[float, float]:
        """The smallest and largest jittered delay after the given attempt."""
        base = self.base_delay(attempt)
        return base * (1.0 - self.jitter), base * (1.0 + self.jitter)

    def total_span_s(self) -> float:
        """Seconds from the first attempt to the last, without jitter."""
        return sum(self.base_delay(n) for n in range(1, self.max_attempts))

    def next_attempt_at(self, attempt: int, now: datetime, rng: random.Random) -> datetime | None:
        """When to try again after `attempt` failed attempts, or None when the attempts are used up."""
        if attempt >= self.max_attempts:
            return None
        low, high = self.bounds(attempt)
        return now + timedelta(seconds=rng.uniform(low, high))


DEFAULT_SCHEDULE = RetrySchedule()


def next_attempt_at(attempt: int, now: datetime, rng: random.Random,
                    schedule: RetrySchedule = DEFAULT_SCHEDULE) -> datetime | None:
    """When to retry after `attempt` failed attempts (None: give up); see RetrySchedule for the rule."""
    return schedule.next_attempt_at(attempt, now, rng)
