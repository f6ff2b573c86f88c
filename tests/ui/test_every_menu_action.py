"""Every item of every menu of both windows, triggered as a person picks it from the menu (a
QAction's ``triggered`` hands its slot ``checked``, which once became the month's report's month and
the receipt's path): no exception, no ERROR in the log, no warning shown. Each dialog an item opens
is closed the way a person dismisses it; the month is chosen in the month's report's dialog so the
file name it suggests is seen; a save or open dialog answers a file in the test's folder."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
)
from pytestqt.qtbot import QtBot

from fieldapp.models import Status
from tests.records import DISTRICT, OKRUG, TODAY
from tests.server.live import LiveServer
from tests.sync.laptop import Laptop
from tests.sync.test_district import Coordinator
from tests.ui.helpers import close_window, open_window
from tests.ui.test_coordinator_window import open_window as open_coordinator_window
from ui.i18n import Translations
from ui.village_reports import MonthChoiceDialog

WAIT_MS = 30_000

# Items that close the window: triggered last, each then seen to have closed it.
CLOSING = {
    "village": ["Actions › Quit"],
    "coordinator": ["District › Log out", "District › Quit"],
}


def plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def menu_items(window: QMainWindow) -> list[tuple[str, list[QMenu], QAction]]:
    """Every item of the menu bar's menus and their submenus, with the menus it sits in."""
    found: list[tuple[str, list[QMenu], QAction]] = []

    def walk(menu: QMenu, chain: list[QMenu]) -> None:
        chain = [*chain, menu]
        for item in menu.actions():
            if item.isSeparator():
                continue
            if item.menu() is not None:
                walk(item.menu(), chain)  # type: ignore[arg-type]
                continue
            name = " › ".join([*(plain(m.title()) for m in chain), plain(item.text())])
            found.append((name, chain, item))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), [])  # type: ignore[arg-type]
    return found


@dataclass
class Dismisser:
    """Closes whatever modal dialog is up: a person choosing Cancel or Close, except where the item
    asks which month or language to produce: there the proposed choice is taken, to reach the file."""

    shown: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._dismiss)
        self.timer.start()

    def _dismiss(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            return
        name = type(widget).__name__
        if isinstance(widget, QMessageBox):
            self.shown.append(f"{name}: {widget.text()}")
            if widget.icon() in (QMessageBox.Icon.Warning, QMessageBox.Icon.Critical):
                self.warnings.append(widget.text())
        else:
            self.shown.append(name)
        if isinstance(widget, (MonthChoiceDialog, QInputDialog)):
            widget.accept()
        elif isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()

    def stop(self) -> None:
        self.timer.stop()


@dataclass
class Files:
    """The save and open dialogs: a save lands in ``folder`` under the name the app suggested."""

    folder: Path
    opens: Path | None = None
    suggested: list[str] = field(default_factory=list)

    def save(self, parent, caption, directory="", filter="", *rest):  # type: ignore[no-untyped-def]
        name = Path(directory).name
        self.suggested.append(name)
        return str(self.folder / name), filter

    def open(self, parent, caption, directory="", filter="", *rest):  # type: ignore[no-untyped-def]
        return (str(self.opens) if self.opens is not None else ""), filter


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Files:
    made = Files(tmp_path / "chosen")
    made.folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", made.save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", made.open)
    return made


@pytest.fixture
def dismisser(ui_app: QApplication) -> Iterator[Dismisser]:
    made = Dismisser()
    yield made
    made.stop()


def trigger_every_item(
    window: QMainWindow,
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
    dismisser: Dismisser,
    idle: Callable[[], bool],
    closing: list[str],
    before: Callable[[], None] = lambda: None,
) -> list[str]:
    """Trigger each enabled item (its menus shown first, as a person opens them); the closing ones
    last. Returns the items found disabled."""
    items = menu_items(window)  # named before any language item renames them
    names = [name for name, _, _ in items]
    for name in closing:
        assert name in names, f"{name} is no longer in the menus: {names}"
    disabled: list[str] = []
    ordered = [i for i in items if i[0] not in closing] + [i for i in items if i[0] in closing]
    for name, chain, item in ordered:
        before()
        if name in closing:
            window.show()
        for menu in chain:
            menu.aboutToShow.emit()
        if not item.isEnabled():
            disabled.append(name)
            continue
        caplog.clear()
        with caplog.at_level(logging.INFO), qtbot.captureExceptions() as exceptions:
            item.trigger()
            qtbot.waitUntil(lambda: idle() and QApplication.activeModalWidget() is None, timeout=WAIT_MS)
            qtbot.wait(50)  # a dialog a finished job opens, then its own job
            qtbot.waitUntil(lambda: idle() and QApplication.activeModalWidget() is None, timeout=WAIT_MS)
        errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
        assert not exceptions, f"{name}: {[str(e[1]) for e in exceptions]}"
        assert not errors, f"{name}: {errors}"
        assert not dismisser.warnings, f"{name}: {dismisser.warnings}"
        if name in closing:
            assert not window.isVisible(), f"{name} left the window open"
    return disabled


def test_every_item_of_both_windows_menus(
    tmp_path: Path,
    sqlite_server: LiveServer,
    translations: Translations,
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
    files: Files,
    dismisser: Dismisser,
) -> None:
    laptop = Laptop(tmp_path / "village", sqlite_server)
    [accepted] = laptop.add(action_date=TODAY)
    laptop.add(action_date=TODAY)  # not sent: for the USB file
    laptop.store.mark_sent(accepted.id, accepted.revision)
    laptop.store.apply_review(accepted.id, accepted.revision, Status.ACCEPTED)
    laptop.close()
    window = open_window(tmp_path / "village", translations, qtbot)

    def select_accepted() -> None:  # the record a person picked before asking for its receipt
        model = window.model
        rows = [r for r in range(model.rowCount()) if str(model.summary(r).id) == str(accepted.id)]
        if rows:
            window.table.setCurrentIndex(model.index(rows[0], 0))

    def village_idle() -> bool:
        return not window.tasks.busy and not window.model.loading and not window.sync.running

    disabled = trigger_every_item(
        window, qtbot, caplog, dismisser, village_idle, CLOSING["village"], select_accepted
    )
    assert disabled == ["Edit › Undo", "Sending › Stop sending"]  # nothing deleted, nothing sending
    month_report = f"taza-{OKRUG}-{TODAY:%Y-%m}.pdf"
    assert month_report in files.suggested, files.suggested
    assert not [name for name in files.suggested if re.search(r"(True|False)", name)]
    for name in (month_report, f"taza-receipt-{str(accepted.id)[-8:]}.pdf"):
        assert (files.folder / name).read_bytes().startswith(b"%PDF-")
    [bundle] = files.folder.glob("*.tazabundle")
    close_window(window)

    coordinator = Coordinator(tmp_path / "coordinator", sqlite_server)
    try:
        files.opens = bundle  # the village's USB file, brought in from the District menu
        window = open_coordinator_window(coordinator, translations, qtbot)

        def coordinator_idle() -> bool:
            return not window.tasks.busy and not window.review.model.loading and not window.controller.running

        disabled = trigger_every_item(
            window, qtbot, caplog, dismisser, coordinator_idle, CLOSING["coordinator"]
        )
        assert disabled == ["Edit › Undo the last decision"]  # nothing decided yet
        assert any("new record" in text for text in dismisser.shown), dismisser.shown
        for kind in ("xlsx", "csv", "pdf", "zip"):
            [written] = files.folder.glob(f"taza-{DISTRICT}-*.{kind}")
            assert written.stat().st_size, kind
    finally:
        coordinator.close()
