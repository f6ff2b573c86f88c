"""The village's reports from its window: a month with nothing done (filed, refused when the month
has records, sent with the next sync), the month's report as a PDF and a receipt for an accepted
record, both opened back."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from fieldapp.models import Status
from server import schema as t
from tests.records import OKRUG, TODAY, action
from tests.server.live import LiveServer
from tests.ui.helpers import close_window, open_window
from tests.ui.test_sync_window import send_now, village
from ui.i18n import Translations
from ui.main_window import MainWindow
from ui.village_reports import NilReportDialog, recent_months


def settle(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not window.tasks.busy and not window.model.loading)


def words(text: str) -> str:
    """A PDF's text with its spacing as one reads it (extraction gives tabs between words)."""
    return " ".join(text.split())


def months_offered(dialog: NilReportDialog) -> list[str]:
    return [dialog.month.itemData(i) for i in range(dialog.month.count())]


def test_recent_months() -> None:
    assert recent_months(date(2026, 2, 10), 4) == ["2026-02", "2026-01", "2025-12", "2025-11"]


def test_a_month_with_nothing_done_is_filed_and_sent(
    tmp_path: Path, sqlite_server: LiveServer, translations: Translations, qtbot: QtBot
) -> None:
    village(tmp_path, sqlite_server)
    window = open_window(tmp_path, translations, qtbot)
    window.store.save(action(action_date=date(2026, 10, 3)))
    dialog = window.report_nothing_done()
    qtbot.waitUntil(lambda: dialog.state is not None)
    offered = months_offered(dialog)
    assert offered[0] == "2026-11"
    assert len(offered) == 11
    assert "2026-10" not in offered
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    assert ok.text() == "Report"

    dialog.month.setCurrentIndex(offered.index("2026-09"))
    dialog.note.setText("Жаңбыр, жол жабық")
    with qtbot.waitSignal(dialog.filed):
        ok.click()
    [filed] = window.store.nil_reports(OKRUG)
    assert (filed.month, filed.note) == ("2026-09", "Жаңбыр, жол жабық")
    assert "nothing done in September 2026" in window.statusBar().currentMessage()

    again = window.report_nothing_done()
    qtbot.waitUntil(lambda: again.state is not None)
    assert "2026-09" not in months_offered(again)
    assert "Already reported as nothing done: September 2026." in again.earlier.text()
    # A record for the month arrives while the dialog is open: refused with a reason, nothing stored.
    again.month.setCurrentIndex(months_offered(again).index("2026-08"))
    window.store.save(action(action_date=date(2026, 8, 14)))
    again.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: again.error_box.isVisibleTo(again))
    assert "There are records in August 2026" in again.error.text()
    assert [r.month for r in window.store.nil_reports(OKRUG)] == ["2026-09"]
    again.reject()

    send_now(window, qtbot)
    with sqlite_server.engine.connect() as conn:
        rows = conn.execute(select(t.nil_reports.c.okrug, t.nil_reports.c.month)).all()
    assert [tuple(r) for r in rows] == [(OKRUG, "2026-09")]
    close_window(window)


def test_the_months_report_as_pdf(tmp_path: Path, translations: Translations, qtbot: QtBot) -> None:
    window = open_window(tmp_path, translations, qtbot)
    for day, people in ((3, 25), (17, 40), (24, 12)):
        window.store.save(action(action_date=date(2026, 10, day), participants=people))
    window.store.save(action(action_date=date(2026, 9, 5), participants=99))  # another month
    target = tmp_path / "october.pdf"
    translations.apply("ru")
    try:
        window.export_month_report("2026-10", target)
        qtbot.waitUntil(target.is_file)
    finally:
        translations.apply("en")
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    text = words(reader.pages[0].extract_text())
    assert "Кайнарский с.о." in text
    assert "01.10.2026 — 31.10.2026" in text
    assert "77 человек" in text  # 25 + 40 + 12, September's 99 not counted
    for day in ("03.10.2026", "17.10.2026", "24.10.2026"):
        assert day in text
    assert "05.09.2026" not in text
    close_window(window)


def test_a_receipt_for_an_accepted_record(
    tmp_path: Path, translations: Translations, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(tmp_path, translations, qtbot)
    saved = window.store.save(action(action_date=TODAY))
    window.refresh()
    settle(window, qtbot)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.table.selectRow(0)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    window._reports_menu_shown()
    assert not window.receipt_item.isEnabled()
    window.export_receipt(tmp_path / "early.pdf")  # not accepted yet: said, nothing written
    assert told
    assert "accepted" in told[0]
    assert not (tmp_path / "early.pdf").exists()

    window.store.mark_sent(saved.id, saved.revision)
    window.store.apply_review(saved.id, saved.revision, Status.ACCEPTED)
    window.refresh()

    def accepted_selected() -> bool:  # the list may reload once more by itself after the changes
        settle(window, qtbot)
        window.table.selectRow(0)
        window._reports_menu_shown()
        return window.receipt_item.isEnabled()

    qtbot.waitUntil(accepted_selected)
    target = tmp_path / "receipt.pdf"
    window.export_receipt(target)
    qtbot.waitUntil(target.is_file)
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    text = words(reader.pages[0].extract_text())
    # however the extraction spaces its glyphs, and were a font to join «ff» into one
    assert str(saved.id) in unicodedata.normalize("NFKC", "".join(text.split()))
    assert "Accepted" in text
    assert "25.11.2026" in text
    close_window(window)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs a device that is always full")
def test_a_receipt_on_a_full_disk_is_refused_whole_and_leaves_nothing(
    tmp_path: Path, translations: Translations, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(tmp_path, translations, qtbot)
    saved = window.store.save(action(action_date=TODAY))
    window.store.mark_sent(saved.id, saved.revision)
    window.store.apply_review(saved.id, saved.revision, Status.ACCEPTED)
    window.refresh_item.trigger()

    def accepted_selected() -> bool:
        settle(window, qtbot)
        window.table.selectRow(0)
        window._reports_menu_shown()
        return window.receipt_item.isEnabled()

    qtbot.waitUntil(accepted_selected)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "receipt.pdf"
    (folder / ".receipt.pdf.part").symlink_to("/dev/full")  # where the PDF is written first: full
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    window.receipt_item.trigger()
    qtbot.waitUntil(lambda: bool(warned))
    assert "The PDF could not be written whole to" in warned[0]
    assert str(target) in warned[0]
    assert list(folder.iterdir()) == []  # neither the receipt nor its partial file
    close_window(window)
