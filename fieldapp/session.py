"""A district coordinator's session: which server, which user and district, and the token.

The token goes to the operating system's keyring when there is one (Windows Credential Manager,
macOS Keychain, the Secret Service on a Linux desktop); where there is none it is kept in
``session.json`` beside the data, readable by its owner only. The password is never kept: when the
session ends (after ``USER_SESSION_HOURS`` on the server) the coordinator logs in again.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from fieldapp.atomic import write_atomic
from fieldapp.i18n import FieldAppError, msg
from fieldapp.models import KatoCode, UtcDateTime, utc_now

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

SERVICE = "Taza Field"


class CoordinatorSession(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    server_url: str = Field(pattern=r"^https?://\S+$", max_length=300)
    username: str = Field(min_length=1, max_length=100)
    district: KatoCode
    token: str = Field(default="", max_length=200)
    expires_at: UtcDateTime
    role: str = "coordinator"

    @property
    def expired(self) -> bool:
        return self.expires_at <= utc_now()

    def __repr__(self) -> str:  # the token never goes into a log
        return f"CoordinatorSession({self.username}@{self.server_url}, district {self.district})"

    __str__ = __repr__


class SessionFileError(FieldAppError):
    pass


def _keyring() -> KeyringBackend | None:
    """The OS keyring, or None where there is no usable one (a server, a test machine)."""
    if os.environ.get("TAZA_FIELD_NO_KEYRING"):
        return None
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend is no backend
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) < 1:
        return None
    return backend


def _account(session: CoordinatorSession) -> str:
    return f"{session.username}@{session.server_url}"


def save_session(session: CoordinatorSession, path: Path) -> str:
    """Keep the session; returns where the token went ("keyring" or "file")."""
    ring = _keyring()
    stored = session
    where = "file"
    if ring is not None:
        try:
            ring.set_password(SERVICE, _account(session), session.token)
            stored, where = session.model_copy(update={"token": ""}), "keyring"
        except Exception as exc:  # locked or refused keyring: the file it is
            log.warning("the keyring refused the token (%s); it is kept in %s", exc, path)
    data = json.loads(stored.model_dump_json())
    data["token_in"] = where
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
    if os.name == "posix":
        path.chmod(0o600)
    return where


def load_session(path: Path) -> CoordinatorSession | None:
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise SessionFileError(msg("session.damaged", path=str(path))) from None
    try:
        session = CoordinatorSession.model_validate(data)
    except ValidationError:
        raise SessionFileError(msg("session.damaged", path=str(path))) from None
    if data.get("token_in") == "keyring":
        ring = _keyring()
        token = None
        if ring is not None:
            try:
                token = ring.get_password(SERVICE, _account(session))
            except Exception as exc:  # locked, or refused: no token, so the login is asked for
                log.warning("the keyring did not give the token back (%s); the login is asked for", exc)
        session = session.model_copy(update={"token": token or ""})
    return session


def forget_session(path: Path) -> None:
    """Log out here: the token leaves the keyring and the file (the district copy stays)."""
    session = None
    with contextlib.suppress(SessionFileError):
        session = load_session(path)
    ring = _keyring()
    if session is not None and ring is not None:
        with contextlib.suppress(Exception):  # nothing there
            ring.delete_password(SERVICE, _account(session))
    path.unlink(missing_ok=True)


def session_from_login(
    server_url: str, username: str, district: str | None, token: str, expires_at: datetime
) -> CoordinatorSession:
    if not district:
        raise FieldAppError(msg("session.not_a_coordinator"))
    return CoordinatorSession(
        server_url=server_url.rstrip("/"),
        username=username,
        district=district,
        token=token,
        expires_at=expires_at,
    )
