"""The kinds of failure sync knows, each with its own reaction and a plain message in the user's
language (the catalogue's ``sync.error.*``).

========================  ==========================================  ============================
kind                      when                                        reaction
========================  ==========================================  ============================
offline                   no network at all (no route, no DNS)        wait for a link, then sync
unreachable               network, but no answer from the server      try again later by itself
timeout                   the server or the link took too long        retry with backoff
connection_lost           the link dropped in the middle              retry: nothing is lost
server_error              5xx: a bug or an overloaded server          retry with backoff and jitter
auth_revoked              the device token was revoked or is unknown  stop; ask for re-enrolment
protocol_mismatch         client and server speak other versions      stop; tell the user to update
refused                   any other 4xx                               stop this step; log it
not_enrolled              no enrolment on this laptop                 ask for the code
disk_full                 this laptop's disk is full                  stop until the user acts
local                     any other error on this laptop (a bug, a    stop until the user acts;
                          file that cannot be written)                log it
========================  ==========================================  ============================

The last two are not the server's: they are never said as "the server had a problem", and trying
again by itself would only fail the same way (and fill the log).

A record the server rejects is not an error of the run: it is held with its reason and shown,
and the rest go on.
"""

from __future__ import annotations

import errno
import socket
import sqlite3
from enum import StrEnum
from typing import Any

from fieldapp.i18n import FieldAppError, msg


class Kind(StrEnum):
    OFFLINE = "offline"
    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    CONNECTION_LOST = "connection_lost"
    SERVER_ERROR = "server_error"
    AUTH_REVOKED = "auth_revoked"
    SESSION_EXPIRED = "session_expired"  # a coordinator's login ended: log in again
    PROTOCOL_MISMATCH = "protocol_mismatch"
    REFUSED = "refused"
    NOT_ENROLLED = "not_enrolled"
    CANCELLED = "cancelled"
    DISK_FULL = "disk_full"
    LOCAL = "local"

    @property
    def transient(self) -> bool:
        """Worth the same request again after a pause, within this run."""
        return self in (Kind.TIMEOUT, Kind.CONNECTION_LOST, Kind.SERVER_ERROR)

    @property
    def no_link(self) -> bool:
        """The server cannot be reached now: the app waits for it to become reachable."""
        return self in (Kind.OFFLINE, Kind.UNREACHABLE)

    @property
    def local(self) -> bool:
        """The laptop's own failure, not the server's nor the link's."""
        return self in (Kind.DISK_FULL, Kind.LOCAL)

    @property
    def needs_person(self) -> bool:
        """Nothing will change by trying again: someone must act (enrol, update)."""
        return self in (Kind.AUTH_REVOKED, Kind.SESSION_EXPIRED, Kind.PROTOCOL_MISMATCH, Kind.NOT_ENROLLED)


class SyncError(FieldAppError):
    """A failure of sync, of one :class:`Kind`. ``reason`` and ``details`` are the server's, when
    it said something (``sync.protocol.Reason``); ``status`` its HTTP status."""

    def __init__(
        self,
        kind: Kind,
        *,
        reason: str | None = None,
        status: int | None = None,
        details: dict[str, Any] | None = None,
        detail: str = "",
    ) -> None:
        params: dict[str, Any] = {"reason": reason or "", "status": status or ""}
        super().__init__(msg(f"sync.error.{kind.value}", **params))
        self.kind, self.reason, self.status = kind, reason, status
        self.details = details or {}
        self.detail = detail  # for the log, not for people

    def __str__(self) -> str:
        extra = f" ({self.detail})" if self.detail else ""
        return f"{self.kind.value}{': ' + self.reason if self.reason else ''}{extra}"


def local_error(exc: BaseException) -> SyncError:
    """A failure of this laptop during sync (anything that is not the server's or the link's):
    a full disk, said as such, or any other error, named for IT staff."""
    if isinstance(exc, SyncError):
        return exc
    if any(_disk_full(cause) for cause in _causes(exc)):
        return SyncError(Kind.DISK_FULL, detail=repr(exc))
    error = SyncError(Kind.LOCAL, reason=f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
    error.detail = repr(exc)
    if isinstance(exc, FieldAppError):  # already said for people: in their language, then
        error.message = msg("sync.error.local", reason=exc.message, status="")
    return error


def _disk_full(exc: BaseException) -> bool:
    if isinstance(exc, sqlite3.OperationalError):
        return "disk is full" in str(exc)  # SQLITE_FULL; Python gives it no code of its own
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)  # Windows' too


class Cancelled(SyncError):
    def __init__(self) -> None:
        super().__init__(Kind.CANCELLED)


_OFFLINE_ERRNOS = {errno.ENETUNREACH, errno.ENETDOWN, 10050, 10051}  # and Windows' WSAENETDOWN/UNREACH
_UNREACHABLE_ERRNOS = {errno.ECONNREFUSED, errno.EHOSTUNREACH, errno.EHOSTDOWN, 10061, 10065}


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception and everything it wraps (requests → urllib3 → the socket's OSError)."""
    seen: list[BaseException] = []
    todo: list[Any] = [exc]
    while todo:
        item = todo.pop()
        if not isinstance(item, BaseException) or any(item is s for s in seen):
            continue
        seen.append(item)
        todo += [item.__cause__, item.__context__, getattr(item, "reason", None), *item.args]
    return seen


def connection_kind(exc: BaseException, *, connected: bool) -> Kind:
    """The kind of a failure to talk at all. ``connected``: whether the TCP connection was made
    (a failure after that is a lost connection, not an unreachable server)."""
    for cause in _causes(exc):
        if isinstance(cause, socket.gaierror):
            return Kind.OFFLINE  # no name resolution: no network (or a wrong address, rarely)
        if isinstance(cause, OSError) and cause.errno in _OFFLINE_ERRNOS:
            return Kind.OFFLINE
        if isinstance(cause, OSError) and cause.errno in _UNREACHABLE_ERRNOS:
            return Kind.UNREACHABLE
    return Kind.CONNECTION_LOST if connected else Kind.UNREACHABLE
