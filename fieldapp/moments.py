"""Moments shown to people: always in the laptop's own time zone.

What is stored and sent is UTC (``2026-11-25T09:05:00Z``); a time on screen or printed is the
laptop's wall clock (14:05 in Almaty), in both windows and on the command line alike, never UTC
and never a fixed zone. A stored moment without a zone is UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime


def parse_moment(text: str) -> datetime:
    """A stored moment (ISO 8601, ``Z`` or an offset, or none: UTC) as an aware datetime."""
    at = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def local_moment(at: datetime | str) -> datetime:
    """``at`` on the laptop's clock (its time zone as the system says now)."""
    if isinstance(at, str):
        at = parse_moment(at)
    elif at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone()


def format_moment(at: datetime | str) -> str:
    """«25.11.2026 14:05», on the laptop's clock."""
    return f"{local_moment(at):%d.%m.%Y %H:%M}"
