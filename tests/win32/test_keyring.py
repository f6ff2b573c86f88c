"""A coordinator's token in Windows' Credential Manager (keyring's WinVaultKeyring), through
fieldapp.session: saved, read back by another process, forgotten; and when Credential Manager
refuses, the token is kept in session.json and nothing else changes."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from uuid import uuid4

import pytest

from fieldapp.models import utc_now
from fieldapp.session import SERVICE, CoordinatorSession, forget_session, load_session, save_session
from fieldapp.session import session_from_login as login
from tests.win32.conftest import ROOT, app_env

pytestmark = pytest.mark.skipif(sys.platform != "win32", reason="Windows' Credential Manager")

if sys.platform == "win32":
    import keyring
    from keyring.backends import Windows
    from win32ctypes.pywin32 import pywintypes, win32cred


def credential(target: str) -> dict | None:  # type: ignore[type-arg]
    """The generic credential named ``target``, read straight from Credential Manager."""
    try:
        return win32cred.CredRead(Type=win32cred.CRED_TYPE_GENERIC, TargetName=target)  # type: ignore[no-any-return]
    except pywintypes.error as exc:
        if exc.winerror == 1168:  # ERROR_NOT_FOUND
            return None
        raise


@pytest.fixture
def vault(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TAZA_FIELD_NO_KEYRING", raising=False)
    assert isinstance(keyring.get_keyring(), Windows.WinVaultKeyring)


@pytest.fixture
def session() -> Iterator[CoordinatorSession]:
    made = login(
        "https://taza.example.kz",
        f"әсел-{uuid4().hex[:6]}",  # its own entry: nothing of an earlier run is read
        "196200000",
        f"sess-{uuid4().hex}",
        utc_now() + timedelta(days=7),
    )
    yield made
    for target in (SERVICE, f"{made.username}@{made.server_url}@{SERVICE}"):
        found = credential(target)
        if found is not None and found["UserName"] == f"{made.username}@{made.server_url}":
            win32cred.CredDelete(Type=win32cred.CRED_TYPE_GENERIC, TargetName=target)


def stored_token(session: CoordinatorSession) -> str | None:
    account = f"{session.username}@{session.server_url}"
    for target in (SERVICE, f"{account}@{SERVICE}"):
        found = credential(target)
        if found is not None and found["UserName"] == account:
            return bytes(found["CredentialBlob"]).decode("utf-16-le")
    return None


def test_the_token_goes_to_credential_manager_and_back(
    vault: None, session: CoordinatorSession, tmp_path: Path
) -> None:
    path = tmp_path / "session.json"
    assert save_session(session, path) == "keyring"
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["token"] == ""
    assert on_disk["token_in"] == "keyring"
    assert session.token not in path.read_text(encoding="utf-8")
    assert stored_token(session) == session.token

    # another process (the next start of the app) reads it back
    read_back = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from fieldapp.session import load_session\n"
            "print(load_session(Path(sys.argv[1])).token)",
            str(path),
        ],
        capture_output=True,
        text=True,
        env=app_env(),
        cwd=ROOT,
        check=True,
    )
    assert read_back.stdout.strip() == session.token

    forget_session(path)
    assert not path.exists()
    assert stored_token(session) is None


@pytest.mark.allow_log_warnings("keyring")
def test_when_credential_manager_refuses_the_token_is_kept_in_the_file(
    vault: None, session: CoordinatorSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "session.json"

    def no_logon_session(*args: object) -> None:  # a service account, a stale RDP session
        raise pywintypes.error(1312, "CredWrite", "A specified logon session does not exist.")

    monkeypatch.setattr(win32cred, "CredWrite", no_logon_session)
    assert save_session(session, path) == "file"
    assert stored_token(session) is None
    assert json.loads(path.read_text(encoding="utf-8"))["token_in"] == "file"
    monkeypatch.undo()

    read = load_session(path)
    assert read is not None
    assert read.token == session.token
    assert read.username == session.username


@pytest.mark.allow_log_warnings("keyring")
def test_when_credential_manager_cannot_give_the_token_back_the_login_is_asked_for(
    vault: None, session: CoordinatorSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "session.json"
    assert save_session(session, path) == "keyring"

    def refused(*args: object, **kwargs: object) -> None:
        raise pywintypes.error(5, "CredRead", "Access is denied.")

    monkeypatch.setattr(win32cred, "CredRead", refused)
    read = load_session(path)  # no exception: the window asks for the login again
    assert read is not None
    assert read.token == ""
    monkeypatch.undo()
    assert load_session(path).token == session.token  # type: ignore[union-attr]
