"""Safe defaults in the village window, as a person meets them: deleting names the record and
Enter keeps it (Cancel is the default); a deletion not yet sent comes back whole with Edit → Undo
or Ctrl+Z (the outbox as it was, nothing half-written); once sent it says it cannot; the record's
history opens from the form. Against a real server where sending matters."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from fieldapp.models import Status
from fieldapp.store import Store
from server import schema as t
from tests.records import action
from tests.server.live import LiveServer
from tests.sync.laptop import Laptop
from tests.sync.test_district import Coordinator
from tests.ui import test_coordinator_window as window_tests
from tests.ui.helpers import close_window, open_window
from tests.ui.test_action_form import closed
from tests.ui.test_coordinator_window import refresh as review_refresh
from tests.ui.test_coordinator_window import settle
from tests.ui.test_review_keys import ids as review_ids
from tests.ui.test_review_keys import queued
from tests.ui.test_review_keys import ready as review_ready
from tests.ui.test_sync_window import send_now, village
from ui.history_dialog import HistoryDialog
from ui.i18n import Translations
from ui.main_window import MainWindow

# The coordinator window's fixtures: a real server, three village laptops, the coordinator's copy.
villages, coordinator = window_tests.villages, window_tests.coordinator


def when_asked(qtbot: QtBot, answer: Callable[[QWidget], None], seen: list[str]) -> None:
    """Once a modal question is up, note its words and answer it as a person would."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, look)
            return
        if isinstance(box, QMessageBox):
            seen.append(f"{box.text()}\n{box.informativeText()}")
        answer(box)

    QTimer.singleShot(0, look)


def click(text: str) -> Callable[[QWidget], None]:
    def answer(box: QWidget) -> None:
        button = next(b for b in box.findChildren(QPushButton) if b.text() == text)
        button.click()

    return answer


def wait(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not window.model.loading and not window.tasks.busy)


def outbox(store: Store) -> list[tuple[str, str, int]]:
    rows = store._reader().execute("SELECT kind, entity_id, revision FROM outbox ORDER BY kind, entity_id")
    return [tuple(r) for r in rows]


def test_deleting_names_the_record_and_enter_keeps_it(tmp_path: Path, translations, qtbot: QtBot) -> None:
    record = action(action_date=date(2026, 9, 19), campaign="world_cleanup_day")
    with Store.open(tmp_path / "taza-field.sqlite") as store:
        store.save(record)
    window = open_window(tmp_path, translations, qtbot)
    window.table.selectRow(0)
    seen: list[str] = []

    def enter(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        assert box.defaultButton() is not None
        assert box.defaultButton().text() == "Cancel"
        assert box.escapeButton() is box.defaultButton()
        qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter: the default, so nothing is deleted

    when_asked(qtbot, enter, seen)
    window.delete_action_item.trigger()
    assert "«19.09.2026 · с.Еркин · World Cleanup Day · " + str(record.id)[-8:] + "»" in seen[0]
    assert "Ctrl+Z" in seen[0]
    wait(window, qtbot)
    assert window.store.count_actions() == 1
    when_asked(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Escape), seen)
    window.delete_action_item.trigger()
    wait(window, qtbot)
    assert window.store.count_actions() == 1
    assert not window.undo_item.isEnabled()  # nothing was deleted, nothing to undo
    close_window(window)


def test_a_deletion_not_yet_sent_comes_back_whole(
    tmp_path: Path, sqlite_server: LiveServer, translations, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    village(tmp_path, sqlite_server)
    window = open_window(tmp_path, translations, qtbot)
    store = window.store
    first = store.save(action(action_date=date(2026, 9, 19), participants=12))
    wait(window, qtbot)
    send_now(window, qtbot)  # the server has it: sent
    draft = store.save(action(action_date=date(2026, 10, 2), status=Status.DRAFT, place="Мектеп"))
    ready = store.save(action(action_date=date(2026, 10, 3), place="Саябақ"))
    window.refresh()
    wait(window, qtbot)
    before = {str(r.id): store.get(r.id) for r in (first, draft, ready)}
    before_outbox = outbox(store)
    totals_before = window.totals.year_card._values["actions"].text()
    assert [s for s in store.status_counts().items() if s[1]]  # something counted

    seen: list[str] = []
    for record in (first, draft, ready):
        window._select(str(record.id))
        when_asked(qtbot, click("Delete"), seen)
        window.delete_action_item.trigger()
        qtbot.waitUntil(lambda r=record: store.get(r.id).deleted)  # type: ignore[misc]
        wait(window, qtbot)
    assert window.store.count_actions() == 0
    assert window.undo_item.isEnabled()
    assert "Undo deleting «03.10.2026" in window.undo_item.text()
    assert "Ctrl+Z" in window.statusBar().currentMessage()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z
    qtbot.waitUntil(lambda: not store.get(ready.id).deleted)
    wait(window, qtbot)
    assert "is back" in window.statusBar().currentMessage()
    window.undo_item.trigger()  # Edit → Undo: the next one back
    qtbot.waitUntil(lambda: not store.get(draft.id).deleted)
    wait(window, qtbot)
    window.edit_menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: not store.get(first.id).deleted)
    wait(window, qtbot)
    assert not window.undo_item.isEnabled()

    for record_id, was in before.items():
        assert store.get(record_id) == was  # whole: the same revision, status, figures, everything
    assert outbox(store) == before_outbox  # the sent one waits for nothing; the ready one waits again
    assert store.integrity_check() == []  # the monthly totals agree with the records
    assert window.totals.year_card._values["actions"].text() == totals_before
    assert window.model.rowCount() == 3
    assert [e.event for e in store.history(first.id)][-2:] == ["delete", "undelete"]  # kept, and said

    send_now(window, qtbot)
    with sqlite_server.engine.connect() as conn:
        on_server = dict(conn.execute(select(t.records.c.id, t.records.c.deleted)).all())
    assert on_server == {str(first.id): False, str(ready.id): False}  # the server never deleted one
    assert store.get(first.id).status is Status.SENT
    # a change after the undo goes as the next revision (the undone tombstone's number again)
    edited = store.get(first.id).revise(participants=99, status=Status.READY)
    assert edited.revision == 2
    store.save(edited)
    send_now(window, qtbot)
    with sqlite_server.engine.connect() as conn:
        revision = conn.execute(
            select(t.records.c.revision).where(t.records.c.id == str(first.id))
        ).scalar_one()
    assert revision == edited.revision
    close_window(window)


def test_once_sent_a_deletion_cannot_be_undone(
    tmp_path: Path, sqlite_server: LiveServer, translations, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    village(tmp_path, sqlite_server, count=1)
    window = open_window(tmp_path, translations, qtbot)
    send_now(window, qtbot)
    window.table.selectRow(0)
    seen: list[str] = []
    when_asked(qtbot, click("Delete"), seen)
    window.delete_action_item.trigger()
    qtbot.waitUntil(lambda: window.store.count_actions() == 0)
    wait(window, qtbot)
    send_now(window, qtbot)  # the deletion reaches the server
    when_asked(qtbot, click("OK"), seen)
    window.undo_item.trigger()
    qtbot.waitUntil(lambda: len(seen) == 2)
    wait(window, qtbot)
    assert "cannot be brought back" in seen[1]
    assert "already been sent to the server" in seen[1]
    assert window.store.count_actions() == 0  # the deletion stands, nothing half-done
    assert window.store.integrity_check() == []
    assert not window.undo_item.isEnabled()
    close_window(window)


def test_a_deletion_written_to_a_usb_file_cannot_be_undone(
    tmp_path: Path, sqlite_server: LiveServer, translations, qtbot: QtBot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The district deletes the record when it brings the file in: taken back here, the laptop
    and the server would disagree without a word."""
    village(tmp_path, sqlite_server, count=1)
    window = open_window(tmp_path, translations, qtbot)
    send_now(window, qtbot)
    window.table.selectRow(0)
    seen: list[str] = []
    when_asked(qtbot, click("Delete"), seen)
    window.delete_action_item.trigger()
    qtbot.waitUntil(lambda: window.store.count_actions() == 0)
    wait(window, qtbot)
    assert window.undo_item.isEnabled()
    target = tmp_path / "usb" / "kainar.tazabundle"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    when_asked(qtbot, click("OK"), seen)
    window.bundle_item.trigger()  # Sending → Write a USB file…
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert "Written to" in seen[1]
    assert target.is_file()
    when_asked(qtbot, click("OK"), seen)
    window.undo_item.trigger()
    qtbot.waitUntil(lambda: len(seen) == 3)
    wait(window, qtbot)
    assert "written to a USB file" in seen[2]
    assert window.store.count_actions() == 0  # the deletion stands, nothing half-done
    assert window.store.integrity_check() == []
    close_window(window)


def test_the_history_opens_from_the_form(tmp_path: Path, translations, qtbot: QtBot) -> None:
    record = action(action_date=date(2026, 9, 19), participants=12)
    with Store.open(tmp_path / "taza-field.sqlite") as store:
        store.save(record)
        store.save(record.revise(participants=15, notes="Екінші рет"))
    window = open_window(tmp_path, translations, qtbot)
    window.table.selectRow(0)
    window.edit_action_item.trigger()
    dialog = window.editor.dialog  # type: ignore[union-attr]
    assert dialog.history_button.isVisible()
    qtbot.mouseClick(dialog.history_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.findChild(HistoryDialog) is not None)
    history = dialog.findChild(HistoryDialog)
    qtbot.waitUntil(history.isVisible)
    table = history.table
    assert table.rowCount() == 2
    assert [table.item(r, 1).text() for r in range(2)] == ["created", "edited"]
    assert table.item(1, 4).text() == "Participants, Notes"
    assert table.item(0, 3).text() == "Ready to send"
    assert "2 steps" in history.heading.text()
    qtbot.mouseClick(history.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not history.isVisible())
    assert dialog.isVisible()  # back in the form, nothing changed
    dialog.close_without_asking()
    new = window._open_editor(None)
    assert not new.history_button.isVisible()  # a new record has no history yet
    new.close_without_asking()
    assert closed(new)
    close_window(window)


# -- the coordinator's decisions ------------------------------------------------------------------


def test_a_decision_not_yet_sent_is_undone_and_once_sent_it_cannot_be(
    villages: dict[str, Laptop], coordinator: Coordinator, translations: Translations, qtbot: QtBot
) -> None:
    window = review_ready(villages, coordinator, translations, qtbot)
    review, store = window.review, window.store
    assert not window.undo_item.isEnabled()
    order = review_ids(review)
    review.table.selectRow(1)
    qtbot.keyClick(review.table, Qt.Key.Key_Return)  # accepted, queued
    settle(window, qtbot)
    assert queued(window) == {order[1]: (Status.ACCEPTED, "")}
    assert store.get(order[1]).status is Status.ACCEPTED  # shown at once
    assert window.undo_item.isEnabled()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    review.table.setFocus()
    qtbot.keyClick(review.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z
    qtbot.waitUntil(lambda: not queued(window))
    settle(window, qtbot)
    assert store.get(order[1]).status is Status.SENT  # waiting for review again, as the server has it
    assert review_ids(review) == order
    assert [s.id for s in review.selected()] == [order[1]]  # and chosen, to decide again
    assert not window.undo_item.isEnabled()
    assert [e.event for e in store.history(order[1])][-2:] == ["review_here", "review_undone"]

    # a return, undone from the menu
    def ask(count: int) -> str:
        return "Фото жоқ"

    review.ask_comment = ask  # type: ignore[method-assign]
    qtbot.mouseClick(review.return_button, Qt.MouseButton.LeftButton)
    settle(window, qtbot)
    assert queued(window) == {order[1]: (Status.RETURNED, "Фото жоқ")}
    window.undo_item.trigger()
    qtbot.waitUntil(lambda: not queued(window))
    settle(window, qtbot)
    record = store.get(order[1])
    assert (record.status, record.review_comment) == (Status.SENT, "")

    # sent: it cannot be taken back, and says so
    review.table.selectRow(0)
    qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)
    settle(window, qtbot)
    review_refresh(window, qtbot)  # the decision goes to the server
    assert not queued(window)
    seen: list[str] = []
    when_asked(qtbot, click("OK"), seen)
    window.undo_item.trigger()
    qtbot.waitUntil(lambda: len(seen) == 1)
    settle(window, qtbot)
    assert "already been sent to the server" in seen[0]
    assert store.get(order[0]).status is Status.ACCEPTED
    window.close()
