"""Sending from the window, against a real server: the status bar's states, Send now, progress and
Stop, syncing by itself once the server answers again, enrolment, records the server refused, a
conflict settled by the person, and a coordinator's return reaching the list."""

from __future__ import annotations

import re
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QRadioButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from fieldapp import schema
from fieldapp.device import save_device
from fieldapp.models import Status
from fieldapp.paths import DataPaths
from fieldapp.store import Store
from server import schema as t
from sync.errors import Kind
from sync.schedule import Schedule
from tests.netproxy import LinkProxy
from tests.records import action
from tests.server.live import LiveServer, results
from tests.sync.laptop import Laptop
from tests.sync.test_engine import server_records
from tests.ui.helpers import close_window, open_window
from ui.action_table import Column
from ui.conflict_dialog import ConflictDialog
from ui.enrol_dialog import EnrolDialog
from ui.i18n import Translations, locale_for
from ui.main_window import MainWindow
from ui.sync_controller import State

QUICK = Schedule(
    first_s=0.05, after_change_s=0.05, probe_s=0.2, probe_max_s=0.5, retry_s=0.2, retry_max_s=0.5
)
WAIT_MS = 30_000


def village(tmp_path: Path, server: LiveServer, **add: object) -> Laptop:
    """A laptop folder enrolled at ``server`` (settings with its okrug), its store closed again."""
    laptop = Laptop(tmp_path, server)
    if add:
        laptop.add(**add)  # type: ignore[arg-type]
    laptop.close()
    return laptop


def send_now(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT_MS):
        qtbot.mouseClick(window.status.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.tasks.busy and not window.model.loading)


def statuses(window: MainWindow) -> list[str]:
    model = window.model
    return [model.data(model.index(r, Column.STATUS)) for r in range(model.rowCount())]


def test_send_now_and_what_the_status_bar_says(
    tmp_path: Path, sqlite_server: LiveServer, translations, qtbot
) -> None:  # type: ignore[no-untyped-def]
    village(tmp_path, sqlite_server, count=3)
    window = open_window(tmp_path, translations, qtbot)
    assert "Sending is set up" in window.status.connection.text()
    assert "3 records" in window.status.waiting.text()
    assert window.status.send_button.text() == "Send now"
    send_now(window, qtbot)
    assert "Connected to the server" in window.status.connection.text()
    assert window.status.waiting.text() == "Nothing waits to be sent"
    assert "Last sync: today" in window.status.last_sync.text()
    assert statuses(window) == ["Sent"] * 3
    assert len(server_records(sqlite_server)) == 3
    close_window(window)


def test_a_return_from_the_coordinator_reaches_the_list(
    tmp_path: Path, sqlite_server: LiveServer, translations, qtbot
) -> None:  # type: ignore[no-untyped-def]
    laptop = village(tmp_path, sqlite_server, count=1)
    window = open_window(tmp_path, translations, qtbot)
    send_now(window, qtbot)
    [record_id] = server_records(sqlite_server)
    coordinator = sqlite_server.user("aigul", "coordinator", district="196200000")
    coordinator.post(
        "/reviews",
        json={
            "decisions": [
                {"record_id": record_id, "revision": 1, "decision": "returned", "comment": "Суреттер жоқ"}
            ]
        },
    )
    send_now(window, qtbot)
    assert statuses(window) == ["Returned"]
    assert window.returned_banner.isVisible()
    window.table.selectRow(0)
    assert "Суреттер жоқ" in window.comment_text.text()
    assert laptop.credentials.okrug == "196247000"
    close_window(window)


def test_no_link_then_the_server_answers_and_sync_starts_by_itself(
    tmp_path: Path, sqlite_server: LiveServer, translations, qtbot
) -> None:  # type: ignore[no-untyped-def]
    village(tmp_path, sqlite_server, count=2)
    sqlite_server.stop()
    window = open_window(tmp_path, translations, qtbot, schedule=QUICK)
    qtbot.waitUntil(lambda: window.sync.state is State.NO_LINK, timeout=WAIT_MS)
    assert "No connection" in window.status.connection.text()
    assert "server does not answer" in window.status.connection.toolTip()
    assert "2 records" in window.status.waiting.text()
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT_MS):
        sqlite_server.start()
    qtbot.waitUntil(lambda: window.status.waiting.text() == "Nothing waits to be sent", timeout=WAIT_MS)
    assert len(server_records(sqlite_server)) == 2
    close_window(window)


def test_a_saved_record_goes_soon_by_itself(
    tmp_path: Path, sqlite_server: LiveServer, translations, qtbot
) -> None:  # type: ignore[no-untyped-def]
    village(tmp_path, sqlite_server)
    window = open_window(tmp_path, translations, qtbot, schedule=QUICK)
    qtbot.waitUntil(lambda: window.sync.last_report is not None, timeout=WAIT_MS)
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT_MS):
        saved = window.store.save(action())
        window._saved(saved)
    assert str(saved.id) in server_records(sqlite_server)
    close_window(window)


def test_progress_shows_and_stop_keeps_the_rest_for_later(
    tmp_path: Path, sqlite_server: LiveServer, translations, qtbot
) -> None:  # type: ignore[no-untyped-def]
    laptop = village(tmp_path, sqlite_server, count=6, photos=1)
    with LinkProxy(("127.0.0.1", sqlite_server.process.port)) as link:
        link.shape(up_bps=40_000)
        device = laptop.credentials.model_copy(update={"server_url": link.url})
        save_device(device, DataPaths(tmp_path).device)
        window = open_window(tmp_path, translations, qtbot)
        seen: list[str] = []
        window.sync.progress.connect(lambda p: seen.append(window.status.detail.text()))
        qtbot.mouseClick(window.status.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: any("photos 1 of 6" in text for text in seen), timeout=WAIT_MS)
        assert window.status.stop_button.isVisible()
        assert window.status.bar.isVisible()
        assert not window.status.send_button.isEnabled()
        assert any("Records 6 of 6" in text for text in seen)
        assert any("left" in text for text in seen)
        qtbot.mouseClick(window.status.stop_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.sync.state is State.IDLE, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: "photo" in window.status.waiting.text(), timeout=WAIT_MS)
        assert not window.status.stop_button.isVisible()
        link.shape()
        send_now(window, qtbot)
        assert window.status.waiting.text() == "Nothing waits to be sent"
        close_window(window)


def test_enrolment_from_the_window(
    tmp_path: Path, sqlite_server: LiveServer, translations: Translations, qtbot: QtBot
) -> None:
    window = open_window(tmp_path, translations, qtbot)
    assert "Not connected to a server" in window.status.connection.text()
    assert window.status.send_button.text() == "Connect…"
    assert not window.send_now_item.isEnabled()
    window.store.save_many([action()])
    qtbot.mouseClick(window.status.send_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(EnrolDialog)
    assert dialog is not None
    translations.apply("kk")
    dialog.server.setText(sqlite_server.root)
    dialog.code.setText("AAAA-BBBB-CCCC")
    dialog.connect_laptop()
    qtbot.waitUntil(lambda: dialog.error_box.isVisible(), timeout=WAIT_MS)
    assert "тіркеу коды серверде жоқ" in dialog.error.text()
    translations.apply("en")
    dialog.code.setText(sqlite_server.enrolment_code("196247000"))
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT_MS):
        dialog.connect_laptop()
    assert DataPaths(tmp_path).device.exists()
    assert window.send_now_item.isEnabled()
    assert len(server_records(sqlite_server)) == 1
    close_window(window)


def test_a_revoked_laptop_is_told_once_and_offered_to_connect_again(
    tmp_path: Path, sqlite_server: LiveServer, translations, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    laptop = village(tmp_path, sqlite_server, count=1)
    sqlite_server.cli("device", "revoke", str(laptop.credentials.device_id))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window = open_window(tmp_path, translations, qtbot)
    with qtbot.waitSignal(window.sync.failed, timeout=WAIT_MS):
        qtbot.mouseClick(window.status.send_button, Qt.MouseButton.LeftButton)
    assert window.sync.state is State.NEEDS_PERSON
    assert len(shown) == 1
    assert "revoked" in shown[0]
    assert "Access revoked" in window.status.connection.text()
    assert window.status.send_button.text() == "Connect…"
    close_window(window)


def test_a_refused_record_needs_attention(
    tmp_path: Path, sqlite_server: LiveServer, translations, qtbot
) -> None:  # type: ignore[no-untyped-def]
    laptop = village(tmp_path, sqlite_server, count=1)
    store = Store.open(DataPaths(tmp_path).database)
    store.save(action(action_date=date(2099, 1, 2)))  # a laptop clock far ahead
    store.close()
    window = open_window(tmp_path, translations, qtbot)
    send_now(window, qtbot)
    assert sorted(statuses(window)) == ["Not accepted by the server", "Sent"]
    assert window.attention_banner.isVisible()
    assert "1 record" in window.attention_text.text()
    assert "1 needs attention" in window.status.waiting.text()
    window.filters.show_attention()
    qtbot.waitUntil(lambda: not window.model.loading and window.model.rowCount() == 1)
    window.table.selectRow(0)
    assert "mistake (Date)" in window.comment_text.text()
    assert laptop.credentials is not None
    close_window(window)


def test_a_conflict_is_settled_in_the_window(
    tmp_path: Path, sqlite_server: LiveServer, translations, qtbot
) -> None:  # type: ignore[no-untyped-def]
    laptop = Laptop(tmp_path, sqlite_server)
    first = laptop.add(1, participants=40, trees=5)[0]
    laptop.sync()
    old = sqlite_server.enrol(laptop.credentials.okrug, "old laptop")
    assert (
        results(old.push(first.revise(participants=70, status=Status.READY), base=1))[0].outcome == "applied"
    )
    current = laptop.store.get(first.id)
    assert current is not None
    laptop.store.save(current.revise(participants=41, trees=9, status=Status.READY))
    assert laptop.sync().conflicts == 1
    laptop.close()
    window = open_window(tmp_path, translations, qtbot)
    assert statuses(window) == ["Conflict"]
    window.table.selectRow(0)
    window.edit_selected()
    dialog = window.findChild(ConflictDialog)
    assert dialog is not None
    assert set(dialog.choices) == {"participants", "trees"}
    dialog.choices["participants"].button(1).setChecked(True)  # the server's 70, this laptop's 9 trees
    assert isinstance(dialog.choices["trees"].checkedButton(), QRadioButton)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: statuses(window) == ["Ready to send"], timeout=WAIT_MS)
    send_now(window, qtbot)
    with sqlite_server.engine.connect() as conn:
        row = conn.execute(select(t.records)).one()
    assert (row.revision, row.participants, row.trees, row.conflict) == (3, 70, 9, False)
    close_window(window)


class FullDisk(sqlite3.Connection):
    """The store's writer connection on a disk that is full while ``full`` is set: every write
    fails as SQLite says it then."""

    full = False

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
        if FullDisk.full and sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args)  # type: ignore[arg-type]


@pytest.mark.allow_log_warnings
def test_a_full_disk_during_sync_is_said_as_the_laptops_and_waits_for_the_user(
    tmp_path: Path, sqlite_server: LiveServer, translations, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    village(tmp_path, sqlite_server, count=2)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    FullDisk.full = True
    try:
        window = open_window(
            tmp_path,
            translations,
            qtbot,
            schedule=QUICK,  # would retry within a second if it took this for the server's trouble
            connect=lambda: schema.connect(tmp_path / "taza-field.sqlite", factory=FullDisk),
        )
        qtbot.waitUntil(lambda: window.sync.state is State.LOCAL_PROBLEM, timeout=WAIT_MS)
        assert window.sync.last_error is not None
        assert window.sync.last_error.kind is Kind.DISK_FULL
        assert "disk is full" in window.status.connection.text()
        assert "server had a problem" not in window.status.connection.text()
        assert len(shown) == 1
        assert "This laptop's disk is full" in shown[0]
        assert "the server is not at fault" in shown[0]
        assert window.sync.next_attempt is None  # nothing planned: not retried by itself
        assert window.status.send_button.isEnabled()
        assert len(server_records(sqlite_server)) == 0
    finally:
        FullDisk.full = False
    send_now(window, qtbot)  # space freed, the user presses Send now
    assert window.sync.state is State.IDLE
    assert len(server_records(sqlite_server)) == 2
    assert window.sync.next_attempt is not None  # and the schedule runs again
    close_window(window)


# Runs only when asked (Send now), a try two minutes after a failure: the next try can be read.
SLOW = Schedule(first_s=3600, every_s=3600, after_change_s=0.2, probe_s=120, probe_max_s=300)
SHOTS = Path("/work/notes/shots")


def test_send_now_while_offline_says_so_and_when_the_next_try_is(
    tmp_path: Path, sqlite_server: LiveServer, translations: Translations, qtbot: QtBot
) -> None:
    village(tmp_path, sqlite_server, count=2)
    sqlite_server.stop()
    window = open_window(tmp_path, translations, qtbot, schedule=SLOW)
    assert "Sending is set up" in window.status.connection.text()
    with qtbot.waitSignal(window.sync.failed, timeout=WAIT_MS):
        window.send_now_item.trigger()  # Send ▸ Send now (F9)
    assert window.sync.state is State.NO_LINK
    when = window.sync.next_attempt
    assert when is not None
    assert timedelta(seconds=90) < when - datetime.now().astimezone() < timedelta(seconds=150)
    at = locale_for("en").toString(when.time(), QLocale.FormatType.ShortFormat)
    assert window.status.connection.text() == f"● No connection: next try at {at}"
    tip = window.status.connection.toolTip()
    assert "Tried at" in tip
    assert "could not be reached" in tip
    assert "wait on this laptop" in tip
    assert "2 records" in window.status.waiting.text()
    assert window.status.send_button.isEnabled()  # pressed again, it tries again at once
    texts = {}
    for lang in ("kk", "ru", "en"):
        translations.apply(lang)
        at = locale_for(lang).toString(when.time(), QLocale.FormatType.ShortFormat)
        texts[lang] = window.status.connection.text()
        assert at in texts[lang]
        qtbot.wait(100)  # laid out again in the new language, as a person sees it
        SHOTS.mkdir(parents=True, exist_ok=True)
        window.statusBar().grab().save(str(SHOTS / f"excelsync-sync-offline-{lang}.png"))
        window.grab().save(str(SHOTS / f"excelsync-village-offline-{lang}.png"))
    assert "Байланыс жоқ" in texts["kk"]
    assert "Нет связи" in texts["ru"]
    sqlite_server.start()
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT_MS):
        qtbot.mouseClick(window.status.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.status.waiting.text() == "Nothing waits to be sent", timeout=WAIT_MS)
    assert "Connected to the server" in window.status.connection.text()
    close_window(window)


def test_stop_keeps_its_place_and_a_runs_totals_hold_while_records_are_saved(
    tmp_path: Path, sqlite_server: LiveServer, translations: Translations, qtbot: QtBot
) -> None:
    laptop = village(tmp_path, sqlite_server, count=4, photos=1)
    with LinkProxy(("127.0.0.1", sqlite_server.process.port)) as link:
        link.shape(up_bps=60_000)
        device = laptop.credentials.model_copy(update={"server_url": link.url})
        save_device(device, DataPaths(tmp_path).device)
        window = open_window(tmp_path, translations, qtbot, schedule=SLOW)
        texts: list[str] = []
        places: set[tuple[int, int]] = set()

        def look() -> None:  # as a person sees it: after the bar has laid itself out
            if window.status.stop_button.isVisible():
                texts.append(window.status.detail.text())
                where = window.status.stop_button.mapTo(window, window.status.stop_button.rect().topLeft())
                places.add((where.x(), where.y()))

        watch = QTimer(interval=15)
        watch.timeout.connect(look)
        watch.start()
        saved = []
        with qtbot.waitSignal(window.sync.finished, timeout=WAIT_MS):
            qtbot.mouseClick(window.status.send_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: any("photos 1 of 4" in t for t in texts), timeout=WAIT_MS)
            SHOTS.mkdir(parents=True, exist_ok=True)
            window.statusBar().grab().save(str(SHOTS / "excelsync-sync-running-en.png"))
            for _ in range(2):  # the person goes on logging while it sends
                saved.append(window.store.save(action()))
                window._saved(saved[-1])
        watch.stop()
        shown = set(texts)
        assert len(shown) >= 3, shown  # the text changed as the run went on...
        assert len(places) == 1, places  # ...and Stop did not move
        counts = {re.search(r"Records (\d+) of (\d+)", t).groups() for t in shown if "Records" in t}  # type: ignore[union-attr]
        assert {total for _, total in counts} == {"4"}, shown  # the two saved during it are not added
        assert all(re.search(r"photos \d+ of 4 \(", t) for t in shown if "photos" in t), shown
        assert window.sync.last_report is not None
        assert window.sync.last_report.records_sent == 4
        link.shape()
        # saved during the run, they go soon after it by themselves
        first = window.sync.last_report
        qtbot.waitUntil(
            lambda: window.sync.last_report is not first and not window.sync.running, timeout=WAIT_MS
        )
        assert window.sync.last_report is not None
        assert window.sync.last_report.records_sent == 2
        assert {str(r.id) for r in saved} <= set(server_records(sqlite_server))
        qtbot.waitUntil(lambda: not window.tasks.busy and not window.model.loading, timeout=WAIT_MS)
        close_window(window)


def test_send_now_over_a_link_that_breaks_says_the_link_broke_and_when_it_tries_again(
    tmp_path: Path, sqlite_server: LiveServer, translations: Translations, qtbot: QtBot
) -> None:
    laptop = village(tmp_path, sqlite_server, count=1)
    with LinkProxy(("127.0.0.1", sqlite_server.process.port)) as link:
        device = laptop.credentials.model_copy(update={"server_url": link.url})
        save_device(device, DataPaths(tmp_path).device)
        window = open_window(tmp_path, translations, qtbot, schedule=SLOW)
        cutting = QTimer(interval=5)  # every connection is cut as it carries its first bytes
        cutting.timeout.connect(lambda: link.cut_after(up=1))
        cutting.start()
        with qtbot.waitSignal(window.sync.failed, timeout=60_000):
            window.send_now_item.trigger()
        cutting.stop()
        link.cut_after()
        assert window.sync.state is State.RETRYING
        when = window.sync.next_attempt
        assert when is not None
        at = locale_for("en").toString(when.time(), QLocale.FormatType.ShortFormat)
        assert window.status.connection.text() == f"● The connection broke off: trying again at {at}"
        assert "server had a problem" not in window.status.connection.text()
        with qtbot.waitSignal(window.sync.finished, timeout=WAIT_MS):
            qtbot.mouseClick(window.status.send_button, Qt.MouseButton.LeftButton)
        assert "Connected to the server" in window.status.connection.text()
        qtbot.waitUntil(lambda: not window.tasks.busy and not window.model.loading, timeout=WAIT_MS)
        close_window(window)
