"""The coordinator's "Month sign-off" tab against a real server: it says what stands in the way,
signs the month off with its button once nothing does, reopens it with a reason typed into the
dialog, shows the history — and, with no link, the chain it read last, with its time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from fieldapp.district import META_CLOSED_MONTHS
from server import schema as t
from server.signoffs import Tree
from sync.protocol import ReviewBatch, ReviewDecision, Status
from tests.records import DISTRICT, OKRUG, OTHER_OKRUG, action
from tests.server.live import LiveServer, results
from tests.server.test_signoffs import nil_push, nothing_done
from tests.sync.test_district import YEAR, Coordinator
from tests.ui.test_coordinator_window import open_window, settle
from ui.coordinator_window import CoordinatorWindow
from ui.i18n import Translations

MONTH = f"{YEAR}-03"
WAIT_MS = 30_000


@pytest.fixture
def coordinator(sqlite_server: LiveServer, tmp_path: Path) -> Iterator[Coordinator]:
    made = Coordinator(tmp_path / "coordinator", sqlite_server)
    yield made
    made.close()


def month_tab(window: CoordinatorWindow, qtbot: QtBot) -> None:
    window.tabs.setCurrentWidget(window.signoff)
    view = window.signoff
    view.month.setCurrentIndex(view.month.findData(MONTH))
    qtbot.waitUntil(lambda: view.chain is not None and view.chain.month == MONTH, timeout=WAIT_MS)
    settle(window, qtbot)


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def test_the_coordinator_signs_off_and_reopens_a_month_in_the_tab(
    sqlite_server: LiveServer,
    coordinator: Coordinator,
    translations: Translations,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    server = sqlite_server
    laptop = server.enrol(OKRUG, "Қайнар")
    record = action(action_date=date(YEAR, 3, 14))
    assert [r.outcome for r in results(laptop.push(record))] == ["applied"]
    translations.apply("en")
    window = open_window(coordinator, translations, qtbot)
    month_tab(window, qtbot)
    view = window.signoff
    assert view.heading.text() == "Талгарский район — March 2026"
    assert "Not signed off" in view.state_label.text()
    assert "Waiting for review: 1 record." in view.blockers_label.text()
    assert "No report and no «nothing done» yet: 10 okrugs" in view.blockers_label.text()
    assert not view.sign_button.isEnabled()
    assert not view.reopen_button.isEnabled()

    # The okrugs report, the record is accepted (on the server, as another coordinator's laptop would).
    assert nil_push(server.enrol(OTHER_OKRUG, "Алатау"), OTHER_OKRUG).status_code == 200
    nothing_done(server, [o for o in Tree(window.kato).okrugs(DISTRICT) if o not in (OKRUG, OTHER_OKRUG)])
    reviewer = coordinator.client()
    reviewer.reviews(
        ReviewBatch(decisions=[ReviewDecision(record_id=record.id, revision=1, decision=Status.ACCEPTED)])
    )
    reviewer.close()
    click(qtbot, view.refresh_button)
    qtbot.waitUntil(lambda: view.sign_button.isEnabled(), timeout=WAIT_MS)
    assert view.state_label.text() == "Ready to sign off"
    assert view.sign_button.text() == "Sign off March 2026"

    with qtbot.waitSignal(view.decided, timeout=WAIT_MS):
        click(qtbot, view.sign_button)
    assert view.state_label.text().startswith("Signed off by aigul, ")
    assert view.reopen_button.isEnabled()
    assert not view.sign_button.isEnabled()
    assert "aigul signed off Талгарский район" in view.history.text()
    table = [[view.table.item(r, c).text() for c in range(2)] for r in range(view.table.rowCount())]
    assert table == [
        ["District", "Талгарский район"],
        ["Region", "Алматинская область"],
        ["Ministry", "Republic of Kazakhstan"],
    ]
    with server.engine.connect() as conn:
        assert conn.execute(select(t.signoffs.c.unit, t.signoffs.c.signed_by)).all() == [(DISTRICT, "aigul")]

    # The district copy learns of it on its next refresh: its decisions about March stand.
    with qtbot.waitSignal(window.controller.finished, timeout=WAIT_MS):
        window.refresh_item.trigger()
    assert coordinator.store.get_meta(META_CLOSED_MONTHS) == f'["{MONTH}"]'

    # Reopening asks why; the button waits for a reason.
    click(qtbot, view.reopen_button)
    dialog = view.reopen_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    assert not dialog.ok.isEnabled()
    dialog.reason.setPlainText("Қайнар sent a late subbotnik")
    assert dialog.ok.isEnabled()
    with qtbot.waitSignal(view.decided, timeout=WAIT_MS):
        click(qtbot, dialog.ok)
    assert view.state_label.text() == "Ready to sign off"
    assert "aigul reopened Талгарский район. Reason: Қайнар sent a late subbotnik" in view.history.text()

    # Kazakh and Russian say it too.
    for lang, reopened, sign in (
        ("kk", "қайта ашты", "Бекіту: Наурыз 2026"),
        ("ru", "открыл(а) снова", "Утвердить: Март 2026"),
    ):
        translations.apply(lang)
        assert reopened in view.history.text()
        assert view.sign_button.text() == sign
    translations.apply("en")

    # No link: the tab still shows the chain it read last, and says why it is not fresh.
    server.stop()
    click(qtbot, view.refresh_button)
    qtbot.waitUntil(lambda: view.problem_label.isVisible(), timeout=WAIT_MS)
    assert view.state_label.text() == "Ready to sign off"
    assert view.as_of.text().startswith("As of ")
    window.close()
