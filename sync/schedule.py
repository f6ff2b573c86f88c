"""When the app syncs by itself: often enough that records leave soon after a link appears, rarely
enough that a laptop on a poor link is not always busy, and never all laptops at the same moment.

Plain arithmetic, so that it can be tested without a clock; the window turns it into timers.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from sync.errors import Kind


@dataclass(frozen=True)
class Schedule:
    every_s: float = 15 * 60  # a sync when all is well: sends what was logged, fetches decisions
    after_change_s: float = 10  # soon after a record is saved (when the server can be reached)
    first_s: float = 3  # after the window opens
    probe_s: float = 30  # no link: ask the server whether it answers, first after this long...
    probe_max_s: float = 5 * 60  # ...then less and less often, up to this
    retry_s: float = 60  # a server error or a broken connection: try the whole sync again after...
    retry_max_s: float = 30 * 60  # ...growing up to this

    def after_failure(self, kind: Kind, failures: int, rng: random.Random) -> float | None:
        """Seconds until the next attempt after ``failures`` failures in a row of ``kind``
        (None: only a person can fix it). Jittered ±20 % so that laptops spread out."""
        if kind.needs_person or kind.local:  # a full disk or a bug fails the same way next time
            return None
        base, cap = (self.probe_s, self.probe_max_s) if kind.no_link else (self.retry_s, self.retry_max_s)
        return min(cap, base * 2 ** max(0, failures - 1)) * rng.uniform(0.8, 1.2)

    def after_success(self, rng: random.Random) -> float:
        return self.every_s * rng.uniform(0.9, 1.1)
