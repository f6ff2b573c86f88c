"""The server's one source of the time: everything in ``server/`` asks :func:`now`.

It is the real time unless ``TAZA_SERVER_NOW`` (``ServerSettings.now``) says where the clock stood
when the process started; from there it runs on at the real pace, so expiries and the order of
events still hold. For tests and drills (New Year's Eve, the last day of a month); a production
server refuses it.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta


class Clock:
    def __init__(self, start: datetime | None = None) -> None:
        self.set(start)

    def set(self, start: datetime | None) -> None:
        """Stand at ``start`` now (an aware datetime), or follow the real time with ``None``."""
        if start is not None and start.tzinfo is None:
            raise ValueError("the server's clock needs a time with its UTC offset")
        # Measured on the monotonic clock: a set clock is not moved by the machine's own changing.
        self._start = start.astimezone(UTC) if start is not None else None
        self._since = time.monotonic()

    def now(self) -> datetime:
        if self._start is None:
            return datetime.now(UTC)
        return self._start + timedelta(seconds=time.monotonic() - self._since)


clock = Clock()


def now() -> datetime:
    """The time, in UTC."""
    return clock.now()
