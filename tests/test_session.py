"""The coordinator's session and the OS keyring: a keyring that is locked or refuses, when the
token is read back as when it is written, costs a login, never the start of the app."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked

from fieldapp.models import utc_now
from fieldapp.session import load_session, save_session, session_from_login

TOKEN = "sess-SECRET-1111222233334444"


class LockableKeyring(KeyringBackend):
    """A keyring (in memory) that the desktop can lock, as GNOME's or KWallet's is after a while."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.locked = False
        self.kept: dict[tuple[str, str], str] = {}

    def _check(self) -> None:
        if self.locked:
            raise KeyringLocked("the keyring is locked")

    def get_password(self, service: str, username: str) -> str | None:
        self._check()
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check()
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._check()
        self.kept.pop((service, username), None)


@pytest.fixture
def ring(monkeypatch: pytest.MonkeyPatch) -> Iterator[LockableKeyring]:
    monkeypatch.delenv("TAZA_FIELD_NO_KEYRING", raising=False)
    before = keyring.get_keyring()
    made = LockableKeyring()
    keyring.set_keyring(made)
    yield made
    keyring.set_keyring(before)


@pytest.mark.allow_log_warnings("keyring")
def test_a_locked_keyring_costs_a_login_not_the_start(tmp_path: Path, ring: LockableKeyring) -> None:
    path = tmp_path / "session.json"
    session = session_from_login(
        "https://taza.example.kz", "aigul", "196200000", TOKEN, utc_now() + timedelta(days=7)
    )
    assert save_session(session, path) == "keyring"
    assert TOKEN not in path.read_text(encoding="utf-8")

    ring.locked = True
    read = load_session(path)  # no exception: the window then asks for the login
    assert read is not None
    assert read.username == "aigul"
    assert read.token == ""

    ring.locked = False
    again = load_session(path)
    assert again is not None
    assert again.token == TOKEN

    ring.locked = True  # and writing falls back to the file, as before
    assert save_session(session, path) == "file"
    assert load_session(path).token == TOKEN  # type: ignore[union-attr]
