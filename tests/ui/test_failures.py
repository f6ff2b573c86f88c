"""Failures outside any one job, as the person at the window meets them: the data file that
stops taking writes, an exception nobody caught."""

from __future__ import annotations

import sqlite3
import threading
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from fieldapp import schema
from fieldapp.logs import setup_logging, stop_logging
from fieldapp.paths import DataPaths
from fieldapp.store import Store
from fieldapp.writer import WriterClosed
from tests.records import TODAY, action
from tests.ui.helpers import close_window, open_window
from ui.failures import CrashDialog, install_hooks
from ui.i18n import Translations
from ui.main_window import MainWindow


class FailingDisk(sqlite3.Connection):
    """The writer's connection on a disk that starts failing once ``broken``: every write and
    even the rollback of a savepoint raise."""

    broken = False

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
        if FailingDisk.broken and sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "ROLLBACK")):
            raise sqlite3.OperationalError("disk I/O error")
        return super().execute(sql, *args)


@pytest.fixture
def failing_disk() -> Any:
    FailingDisk.broken = False
    yield FailingDisk
    FailingDisk.broken = False


def click_in_boxes(monkeypatch: pytest.MonkeyPatch, answer: str) -> list[str]:
    """Question boxes answer ``answer``; warnings are noted instead of shown."""

    def click(box: QMessageBox) -> int:
        box.setProperty("_clicked", next(b for b in box.buttons() if b.text() == answer))
        return 0

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", click)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: box.property("_clicked"))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    return warned


@pytest.mark.allow_log_warnings
def test_a_data_file_that_cannot_be_written_is_said_and_nothing_saved_is_lost(
    tmp_path: Path,
    translations: Translations,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    failing_disk: Any,
) -> None:
    kept = [action(action_date=date(2026, 9, 19)), action(action_date=date(2026, 9, 20))]
    with Store.open(tmp_path / "taza-field.sqlite") as store:
        store.save_many(kept)
    translations.apply("ru")
    window = open_window(
        tmp_path,
        translations,
        qtbot,
        connect=lambda: schema.connect(tmp_path / "taza-field.sqlite", factory=failing_disk),
    )
    saved_here = window.store.save(
        action(action_date=date(2026, 9, 21))
    )  # committed through the window's writer
    window.refresh_item.trigger()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    warned = click_in_boxes(monkeypatch, "Удалить")
    failing_disk.broken = True
    window.table.selectRow(0)
    window.delete_action_item.trigger()

    qtbot.waitUntil(lambda: getattr(window, "write_failure_box", None) is not None)
    box = window.write_failure_box
    assert box.isVisible()
    assert box.windowTitle() == "Невозможно записать файл данных"
    assert "В файл данных нельзя записать (disk I/O error)" in box.text()
    assert "Всё, что было сохранено раньше, на месте" in box.text()
    notes = [w.text() for w in window.statusBar().findChildren(QLabel)]
    assert "Невозможно записать файл данных" in notes
    assert not window.new_action_item.isEnabled()
    assert not window.new_button.isEnabled()
    assert not window.delete_action_item.isEnabled()
    qtbot.waitUntil(lambda: bool(warned))  # the delete itself failed, and said so
    assert window.model.rowCount() == 3  # the list still reads

    current = window.store.get(saved_here.id)
    assert current is not None
    with pytest.raises(WriterClosed) as refused:  # a change made now is refused at once, in the same words
        window.store.save(current.revise(participants=99))
    assert "перестал в него писать" in refused.value.text("ru")
    box.done(0)
    close_window(window)

    with Store.open(tmp_path / "taza-field.sqlite") as reopened:
        assert reopened.count_actions() == 3
        assert {str(a.id) for a in kept} | {str(saved_here.id)} == {s.id for s in reopened.list_actions()}
        assert reopened.integrity_check() == []


@pytest.fixture
def hooks(tmp_path: Path) -> Iterator[Any]:
    """The app's hooks for uncaught exceptions, logging to the laptop folder's log file."""
    setup_logging(DataPaths(tmp_path))
    installed = install_hooks()
    yield installed
    installed.uninstall()
    stop_logging()


def log_text(root: Path) -> str:
    return (root / "logs" / "taza-field.log").read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
@pytest.mark.allow_log_warnings("uncaught exception")
def test_an_error_in_a_slot_is_logged_and_said_with_save_diagnostics(
    tmp_path: Path, translations: Translations, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, hooks: Any
) -> None:
    def broken_about(window: MainWindow) -> None:
        raise ZeroDivisionError("a bug in About")

    monkeypatch.setattr(MainWindow, "about", broken_about)
    translations.apply("kk")
    window = open_window(tmp_path, translations, qtbot)
    window.about_item.trigger()  # Help → About, whose slot raises

    qtbot.waitUntil(lambda: hooks.dialog is not None and hooks.dialog.isVisible())
    dialog = hooks.dialog
    assert dialog.parent() is window
    assert dialog.heading.text() == "Taza Field-те қате шықты"
    assert "ZeroDivisionError: a bug in About" in dialog.error.text()
    assert dialog.save_button.text() == "Диагностиканы сақтау…"
    logged = log_text(tmp_path)
    assert "CRITICAL" in logged
    assert "Traceback (most recent call last)" in logged
    assert "in broken_about" in logged
    assert "ZeroDivisionError: a bug in About" in logged

    target = tmp_path / "diagnostics.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(told))
    with zipfile.ZipFile(target) as archive:
        logs_inside = [n for n in archive.namelist() if n.endswith("taza-field.log")]
        assert logs_inside
        assert "ZeroDivisionError: a bug in About" in archive.read(logs_inside[0]).decode("utf-8")
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: hooks.dialog is None)
    close_window(window)


@pytest.mark.qt_no_exception_capture
@pytest.mark.allow_log_warnings("uncaught exception")
def test_an_error_in_another_thread_is_logged_and_said_once(
    tmp_path: Path, translations: Translations, qtbot: QtBot, hooks: Any
) -> None:
    window = open_window(tmp_path, translations, qtbot)

    def work(n: int) -> None:
        raise KeyError(f"missing {n}")

    for n in (1, 2):
        thread = threading.Thread(target=work, args=(n,), name=f"worker-{n}")
        thread.start()
        thread.join()
    qtbot.waitUntil(lambda: hooks.dialog is not None and hooks.dialog.errors == 2)
    dialog = hooks.dialog
    assert dialog.isVisible()
    assert len(window.findChildren(CrashDialog)) == 1  # one dialog for both
    assert "KeyError: 'missing 2'" in dialog.error.text()
    assert "(2 errors so far)" in dialog.error.text()
    logged = log_text(tmp_path)
    assert "uncaught exception in thread worker-1" in logged
    assert "uncaught exception in thread worker-2" in logged
    assert logged.count("Traceback (most recent call last)") == 2
    dialog.reject()
    qtbot.waitUntil(lambda: hooks.dialog is None)
    close_window(window)


@pytest.mark.allow_log_warnings
def test_totals_that_cannot_load_say_so_and_try_again(
    tmp_path: Path, translations: Translations, qtbot: QtBot
) -> None:
    with Store.open(tmp_path / "taza-field.sqlite") as store:
        store.save_many(
            [action(action_date=TODAY, participants=12), action(action_date=TODAY, participants=8)]
        )
    window = open_window(tmp_path, translations, qtbot)
    panel = window.totals.load_failed
    assert not panel.isVisible()
    conn = sqlite3.connect(tmp_path / "taza-field.sqlite", isolation_level=None)
    conn.execute("ALTER TABLE totals_monthly RENAME TO totals_monthly_away")  # as if the file were damaged
    try:
        window.refresh_item.trigger()  # View → Refresh (F5)
        qtbot.waitUntil(lambda: panel.isVisible())
        qtbot.waitUntil(lambda: not window.tasks.busy)
        assert "Could not load:" in panel.label.text()
        assert "no such table: totals_monthly" in panel.label.text()
        assert "Could not count the records" in window.statusBar().currentMessage()
        assert window.summary.text() == panel.label.text()  # the one line a narrow window shows
    finally:
        conn.execute("ALTER TABLE totals_monthly_away RENAME TO totals_monthly")
        conn.close()
    qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.isVisible())
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert window.totals.summary().startswith("This year: 2 actions · 20 participants")
    close_window(window)
