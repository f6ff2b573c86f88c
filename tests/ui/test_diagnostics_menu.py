"""*Help → Save diagnostics…* in the village window and the coordinator's: the ZIP is written off
the window's thread where the user chose, with Qt's versions in it, and the user is told where it
is and that it holds no secrets."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from fieldapp.kato import default_kato
from fieldapp.models import utc_now
from fieldapp.paths import DataPaths
from fieldapp.photo_library import PhotoLibrary
from fieldapp.reference import default_reference
from fieldapp.session import CoordinatorSession, save_session
from fieldapp.store import Store
from tests.records import DISTRICT, action
from tests.ui.helpers import close_window, open_window
from ui.coordinator_window import CoordinatorWindow
from ui.i18n import Translations

SESSION_TOKEN = "sess-SECRET-5555666677778888"


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    return shown


def chosen_file(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    """The save dialog answers ``target``; returns the folders it suggested."""
    suggested: list[str] = []

    def answer(parent, caption, directory, filter):  # type: ignore[no-untyped-def]
        suggested.append(directory)
        return str(target), filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return suggested


def test_the_village_window_saves_diagnostics_from_the_help_menu(
    tmp_path: Path,
    translations: Translations,
    qtbot: QtBot,
    told: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(tmp_path, translations, qtbot)
    window.store.save(action())
    items = window.help_menu.actions()
    assert [i.text() for i in items] == ["User &guide", "Save &diagnostics…", "", "&About Taza Field"]
    assert items[2].isSeparator()

    target = tmp_path / "for-it.zip"
    suggested = chosen_file(monkeypatch, target)
    window.diagnostics_item.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    assert Path(suggested[0]).name.startswith("taza-diagnostics-")
    assert str(target) in told[0]
    assert "no passwords or tokens" in told[0]
    assert "IT staff" in told[0]
    assert str(target) in window.statusBar().currentMessage()
    with zipfile.ZipFile(target) as zf:
        versions = zf.read("versions.txt").decode("utf-8")
        integrity = zf.read("integrity.txt").decode("utf-8")
        outbox = zf.read("outbox.txt").decode("utf-8")
    assert "Qt (running): 6." in versions
    assert "Qt platform: " in versions
    assert "integrity: ok" in integrity
    assert "records waiting to be sent: 1" in outbox
    close_window(window)


def test_a_place_that_cannot_be_written_is_said(
    tmp_path: Path,
    translations: Translations,
    qtbot: QtBot,
    told: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    window = open_window(tmp_path / "laptop", translations, qtbot)
    (tmp_path / "a-file").write_text("")
    window.save_diagnostics(tmp_path / "a-file" / "diag.zip")
    qtbot.waitUntil(lambda: bool(warned), timeout=30_000)
    assert "cannot be written" in warned[0]
    assert not told
    close_window(window)


@pytest.fixture
def coordinator_window(
    tmp_path: Path, translations: Translations, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[CoordinatorWindow]:
    """A coordinator's window on an empty district copy; it is never asked to talk to a server."""
    monkeypatch.setenv("TAZA_FIELD_NO_KEYRING", "1")
    paths = DataPaths(tmp_path / "coordinator")
    session = CoordinatorSession(
        server_url="http://127.0.0.1:9",
        username="aigul",
        district=DISTRICT,
        token=SESSION_TOKEN,
        expires_at=utc_now() + timedelta(hours=8),
    )
    save_session(session, paths.session)
    store = Store.open(paths.district_database)
    window = CoordinatorWindow(
        store, PhotoLibrary(paths.photos), default_kato(), default_reference(), session, translations
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=30_000)
    yield window
    window.close()
    store.close()


def test_the_coordinator_window_has_a_help_menu_that_saves_diagnostics(
    coordinator_window: CoordinatorWindow, tmp_path: Path, qtbot: QtBot, told: list[str]
) -> None:
    window = coordinator_window
    assert window.help_menu.title() == "&Help"
    assert [i.text() for i in window.help_menu.actions()] == [
        "User &guide",
        "Save &diagnostics…",
        "",
        "&About Taza Field",
    ]
    target = tmp_path / "coordinator.zip"
    window.save_diagnostics(target)
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    assert str(target) in told[0]
    with zipfile.ZipFile(target) as zf:
        device = zf.read("device.txt").decode("utf-8")
        integrity = zf.read("integrity.txt").decode("utf-8")
        everything = b"".join(zf.read(name) for name in zf.namelist())
    assert "user: aigul (coordinator)" in device
    assert "district.sqlite (district copy)\n  schema: " in integrity
    assert SESSION_TOKEN.encode() not in everything
