"""Backups in the window: the day's backup when it opens, and restoring one from the Actions menu —
the list, the question first, then the restored records in the list with the window still open."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldapp import backups
from fieldapp.backups import Kind
from fieldapp.paths import DataPaths
from fieldapp.store import Store
from tests.records import action
from tests.ui.helpers import close_window, open_window
from ui.backup_dialog import BackupDialog
from ui.main_window import MainWindow


def idle(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.model.loading and not window.tasks.busy)


def loaded(dialog: BackupDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.backups is not None)


@dataclass
class Boxes:
    """Scripted clicks for the question boxes (by button text), and the texts of every box shown."""

    replies: list[str] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    script = Boxes()

    def click(box: QMessageBox) -> int:
        script.shown.append(box.text())
        wanted = script.replies.pop(0)
        box.setProperty("_clicked", next(b for b in box.buttons() if b.text() == wanted))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: box.property("_clicked"))
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text: script.shown.append(text))
    return script


def test_the_day_s_backup_is_made_once_when_the_window_opens(tmp_path: Path, translations, qtbot) -> None:
    with Store.open(tmp_path / "taza-field.sqlite") as store:
        store.save_many([action(), action(action_date=date(2025, 9, 21))])
    window = open_window(tmp_path, translations, qtbot)
    window.start_daily_backup()
    idle(window, qtbot)
    window.start_daily_backup()  # the same day again: nothing more
    idle(window, qtbot)
    [made] = backups.list_backups(DataPaths(tmp_path))
    assert made.kind is Kind.DAILY
    assert made.records == 2
    close_window(window)


def test_restoring_a_backup_from_the_menu(tmp_path: Path, translations, qtbot, boxes: Boxes) -> None:
    with Store.open(tmp_path / "taza-field.sqlite") as store:
        store.save_many([action(), action(action_date=date(2025, 9, 21))])
        made = backups.backup_now(store)
    window = open_window(tmp_path, translations, qtbot)
    assert window.restore_item in window.file_menu.actions()
    assert window.restore_item.text() == "Restore from a &backup…"
    window.store.save(action(place="Кейін қосылған"))
    window.refresh()
    idle(window, qtbot)
    assert window.model.rowCount() == 3

    dialog = window.restore_backup()
    loaded(dialog, qtbot)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Made by hand"
    assert dialog.table.item(0, 3).text() == "2"
    assert str(made.taken_at.year) in dialog.table.item(0, 0).text()  # its own time, not today's
    assert dialog.restore_button.isEnabled()  # the newest is chosen

    # asked first: Cancel changes nothing and leaves the list open
    boxes.replies.append("Cancel")
    dialog.ask_restore()
    assert "(records: 2)" in boxes.shown[0]
    assert "Before a restore" in boxes.shown[0]
    assert dialog.isVisible()
    assert window.store.count_actions() == 3

    boxes.replies.append("Replace the data")
    with qtbot.waitSignal(dialog.finished):  # the list closes; the window restores
        dialog.ask_restore()
    qtbot.waitUntil(lambda: not window._restoring)
    idle(window, qtbot)
    assert window.model.rowCount() == 2  # the list shows the restored records, the window still open
    assert window.store.count_actions() == 2
    assert "Records on this laptop now: 2." in boxes.shown[-1]
    assert window.restore_item.isEnabled()
    kinds = [b.kind for b in backups.list_backups(DataPaths(tmp_path))]
    assert sorted(k.value for k in kinds) == ["before-restore", "manual"]

    # the safety copy is in the list, and restoring it goes back
    dialog = window.restore_backup()
    loaded(dialog, qtbot)
    assert dialog.table.item(0, 1).text() == "Before a restore"
    assert dialog.table.item(0, 3).text() == "3"
    boxes.replies.append("Replace the data")
    dialog.ask_restore()
    qtbot.waitUntil(lambda: not window._restoring)
    idle(window, qtbot)
    assert window.model.rowCount() == 3
    close_window(window)


def test_a_damaged_backup_is_refused_with_the_reason(
    tmp_path: Path, translations, qtbot, boxes: Boxes
) -> None:
    with Store.open(tmp_path / "taza-field.sqlite") as store:
        store.save(action())
        made = backups.backup_now(store)
    made.path.write_bytes(made.path.read_bytes()[:5000])
    window = open_window(tmp_path, translations, qtbot)
    dialog = window.restore_backup()
    loaded(dialog, qtbot)
    boxes.replies.append("Replace the data")
    dialog.ask_restore()
    qtbot.waitUntil(lambda: not window._restoring)
    idle(window, qtbot)
    assert "is damaged" in boxes.shown[-1]
    assert "Nothing has been changed" in boxes.shown[-1]
    assert window.store.count_actions() == 1
    assert [b.kind for b in backups.list_backups(DataPaths(tmp_path))] == [Kind.MANUAL]
    close_window(window)


def test_no_backups_yet(tmp_path: Path, translations, qtbot) -> None:
    window = open_window(tmp_path, translations, qtbot)
    dialog = window.restore_backup()
    loaded(dialog, qtbot)
    assert dialog.pages.currentWidget() is dialog.message
    assert "no backups yet" in dialog.message.text()
    assert not dialog.restore_button.isEnabled()
    dialog.reject()
    close_window(window)
