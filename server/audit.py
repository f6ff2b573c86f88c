"""The server's audit log: who did what, when and from where (``audit_log``).

Written in the transaction of what it records, so an entry exists exactly when the act does (a
refused or rolled-back act leaves none, except a failed login, which is its own act).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from server import schema as t


def note(
    conn: Connection,
    *,
    at: datetime,
    actor: str,
    role: str,
    action: str,
    target: str = "",
    details: dict[str, Any] | None = None,
    address: str = "",
) -> None:
    """One entry: ``action`` (login, review, signoff, reopen, user_add, ...) by ``actor`` in ``role``
    about ``target``, from ``address`` (the caller's IP address; "cli" for the command line)."""
    conn.execute(
        t.audit_log.insert().values(
            at=at,
            actor=actor[:100],
            role=role[:16],
            action=action[:40],
            target=target[:200],
            details=json.dumps(details, ensure_ascii=False, sort_keys=True, default=str) if details else "",
            address=address[:64],
        )
    )
