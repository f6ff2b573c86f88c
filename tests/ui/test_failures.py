"""Failures outside any one job, as the person at the window meets them: the data file that
stops taking writes, an exception nobody caught."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from fieldapp import schema
from fieldapp.store import Store
from fieldapp.writer import WriterClosed
from tests.records import action
from tests.ui.helpers import close_window, open_window
from ui.i18n import Translations


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
