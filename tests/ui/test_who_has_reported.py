"""Who has reported and the dashboard, the way a coordinator uses them (issue 13, items 13 and 14):
the month under way and the months before an okrug's first record are not "missing", the reporting
rate of each okrug and of each month, a click on a cell or a row opens those records in the review
tab; the dashboard scrolls as one page (the wheel over a table moves the page), its total rows are
on it, and its legend wraps instead of being cut at 1366×768 and 150 % (910 logical pixels wide).

Against a real server and the district copy pulled from it (tests.sync.test_district.seed: Қайнар
filed "nothing done" for March and has 3 records in May and 2 subbotniks in June, Алатау 2 records
in May; today is 20 November)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.kato import default_kato
from tests.records import OKRUG, OTHER_OKRUG
from tests.server.live import LiveServer
from tests.sync.laptop import Laptop
from tests.sync.test_district import YEAR, Coordinator, seed
from tests.ui import test_coordinator_window as window_tests
from tests.ui.test_coordinator_window import open_window, refresh, settle
from ui.coordinator_window import CoordinatorWindow
from ui.i18n import Translations
from ui.review_table import Column
from ui.style import SURFACE

WAIT_MS = 30_000
NARROW = (910, 485)  # 1366×768 at 150 %, less the taskbar


villages = window_tests.villages  # the coordinator window's three village laptops


@pytest.fixture
def window(
    villages: dict[str, Laptop],
    sqlite_server: LiveServer,
    translations: Translations,
    qtbot: QtBot,
    tmp_path: Path,
) -> Iterator[CoordinatorWindow]:
    seed(villages)
    coordinator = Coordinator(tmp_path / "coordinator", sqlite_server)
    opened = open_window(coordinator, translations, qtbot)
    refresh(opened, qtbot)
    yield opened
    opened.close()
    coordinator.close()


def open_tab(window: CoordinatorWindow, widget: QWidget, qtbot: QtBot) -> None:
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(widget)).center())
    assert window.tabs.currentWidget() is widget


def click(table: QTableWidget, item: QTableWidgetItem, qtbot: QtBot) -> None:
    table.scrollToItem(item)
    QApplication.processEvents()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(item).center())


def listed(window: CoordinatorWindow, qtbot: QtBot) -> list[tuple[str, str]]:
    """The review list once loaded: (date, okrug) of each row."""
    settle(window, qtbot)
    model = window.review.model
    while model.canFetchMore():
        model.fetchMore()
    return [
        (model.data(model.index(r, Column.DATE)), model.data(model.index(r, Column.OKRUG)))
        for r in range(model.rowCount())
    ]


def month_cell(table: QTableWidget, row: int, month: int) -> QTableWidgetItem:
    """The cell of a month (1 = January): the okrug's name and its rate come first."""
    header = table.horizontalHeaderItem(1 + month)
    assert header.data(Qt.ItemDataRole.UserRole + 1) == f"{YEAR}-{month:02d}"
    return table.item(row, 1 + month)


def okrug_name(code: str) -> str:
    place = default_kato().get(code)
    assert place is not None
    return place.name("en")


def test_the_month_under_way_and_the_months_before_the_first_record_are_not_missing(
    window: CoordinatorWindow, qtbot: QtBot
) -> None:
    view = window.completeness
    open_tab(window, view, qtbot)
    table = view.table
    rows = {table.item(r, 0).data(Qt.ItemDataRole.UserRole + 1): r for r in range(table.rowCount())}
    kainar, alatau = rows[OKRUG], rows[OTHER_OKRUG]
    rate_row = rows[None]
    assert rate_row == table.rowCount() - 1
    assert table.item(rate_row, 0).text() == "Reporting rate"

    def state(row: int, month: int) -> str:
        return month_cell(table, row, month).data(Qt.ItemDataRole.UserRole)

    assert [state(kainar, m) for m in range(1, 12)] == [
        "not_started", "not_started", "nothing", "missing", "reported", "reported",
        "missing", "missing", "missing", "missing", "under_way",
    ]  # fmt: skip
    assert [state(alatau, m) for m in (1, 4, 5, 6, 11)] == [
        "not_started",
        "not_started",
        "reported",
        "missing",
        "under_way",
    ]
    assert month_cell(table, kainar, 1).text() == "not started"
    assert month_cell(table, kainar, 11).text() == "under way"
    assert month_cell(table, kainar, 4).text() == "missing"
    for month in (1, 11):  # not red: white, in the muted ink
        assert month_cell(table, kainar, month).background().color() == QColor(SURFACE)
    assert month_cell(table, kainar, 4).background().color() == QColor("#FFC7CE")

    rate = 1  # beside the name
    assert table.horizontalHeaderItem(rate).text() == "Rate"
    # Қайнар: March (nothing done), May and June of the 8 months March–October
    assert table.item(kainar, rate).text() == "38 %"
    assert "3 of 8" in table.item(kainar, rate).toolTip()
    assert table.item(alatau, rate).text() == "17 %"  # May, of May–October
    silent = [r for r in rows.values() if r not in (kainar, alatau, rate_row)]
    assert silent
    assert all(table.item(r, rate).text() == "0 %" for r in silent)
    okrugs = len(rows) - 1
    may, january = 5, 1
    assert f"2 of {okrugs}" in month_cell(table, rate_row, may).toolTip()
    assert f"0 of {okrugs - 2}" in month_cell(table, rate_row, january).toolTip()  # two had not begun
    assert month_cell(table, rate_row, 11).text() == "—"  # nothing is expected of November yet
    expected = 8 + 6 + 10 * len(silent)
    assert table.item(rate_row, rate).toolTip().startswith(f"4 of {expected}")


def test_a_click_in_who_has_reported_opens_the_okrugs_records(
    window: CoordinatorWindow, qtbot: QtBot
) -> None:
    view, review = window.completeness, window.review
    open_tab(window, view, qtbot)
    table = view.table
    rows = {table.item(r, 0).data(Qt.ItemDataRole.UserRole + 1): r for r in range(table.rowCount())}
    kainar = rows[OKRUG]

    click(table, month_cell(table, kainar, 5), qtbot)  # May
    assert window.tabs.currentWidget() is review
    assert (review.okrug.currentData(), review.month.currentData(), review.status.currentData()) == (
        OKRUG,
        f"{YEAR}-05",
        "all",
    )
    assert listed(window, qtbot) == [(f"09.05.{YEAR}", okrug_name(OKRUG))] * 3

    open_tab(window, view, qtbot)
    click(table, table.item(kainar, 0), qtbot)  # the name: its whole year
    assert window.tabs.currentWidget() is review
    assert review.month.currentData() == str(YEAR)
    assert review.month.currentText() == f"Whole year {YEAR}"
    assert sorted(listed(window, qtbot)) == sorted(
        [(f"09.05.{YEAR}", okrug_name(OKRUG))] * 3 + [(f"14.06.{YEAR}", okrug_name(OKRUG))] * 2
    )

    open_tab(window, view, qtbot)
    click(table, month_cell(table, rows[None], 5), qtbot)  # the rate of May: every okrug's May
    assert review.okrug.currentData() is None
    assert review.month.currentData() == f"{YEAR}-05"
    assert sorted(listed(window, qtbot)) == sorted(
        [(f"09.05.{YEAR}", okrug_name(OKRUG))] * 3 + [(f"20.05.{YEAR}", okrug_name(OTHER_OKRUG))] * 2
    )


def wheel(widget: QWidget, down: bool) -> None:
    """A turn of the mouse wheel over the middle of ``widget``, through the window system (so that
    it goes to whatever is under the mouse and on to its parents, as a real wheel does)."""
    window = widget.window()
    at = widget.mapTo(window, widget.rect().center())
    QTest.wheelEvent(window.windowHandle(), QPointF(at), QPoint(0, -120 if down else 120))
    QApplication.processEvents()


def test_the_dashboard_scrolls_as_one_page_and_a_row_opens_its_records(
    window: CoordinatorWindow, villages: dict[str, Laptop], qtbot: QtBot
) -> None:
    others = ("march_of_parks", "tree_planting", "taza_aula", "ulgili_auyl", "other")
    for campaign in others:  # seven campaigns: a table taller than a table's old 180 px
        villages["kainar"].add(action_date=date(YEAR, 7, 4), campaign=campaign)
    villages["kainar"].sync()
    refresh(window, qtbot)
    window.resize(*NARROW)
    dashboard, review = window.dashboard, window.review
    open_tab(window, dashboard, qtbot)
    settle(window, qtbot)
    QApplication.processEvents()
    page = dashboard.scroll.verticalScrollBar()
    assert page.maximum() > 0  # 485 px is shorter than the page
    for table, rows in ((dashboard.okrug_table, 2 + 1), (dashboard.campaign_table, 2 + len(others) + 1)):
        assert table.rowCount() == rows  # the okrugs (or campaigns) and the total
        assert table.verticalScrollBar().maximum() == 0  # the table is as tall as its rows
        last = table.visualItemRect(table.item(rows - 1, 0))
        assert last.bottom() <= table.viewport().height()  # the total row is on the page
        assert table.item(rows - 1, 0).text() == "Total"

    table = dashboard.okrug_table
    for target in (table.viewport(), dashboard.campaign_table.viewport(), dashboard.trend):
        dashboard.scroll.ensureWidgetVisible(target, 0, 0)
        QApplication.processEvents()
        middle = target.mapTo(dashboard.scroll.viewport(), target.rect().center())
        assert dashboard.scroll.viewport().rect().contains(middle)  # the mouse is over it
        before, down = page.value(), page.value() < page.maximum()
        wheel(target, down)
        assert (page.value() > before) if down else (page.value() < before), target  # the page moved
        assert table.verticalScrollBar().value() == 0

    dashboard.scroll.ensureWidgetVisible(table)
    QApplication.processEvents()
    kainar = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == okrug_name(OKRUG))
    click(table, table.item(kainar, 2), qtbot)  # its participants: the row opens
    assert window.tabs.currentWidget() is review
    assert (review.okrug.currentData(), review.month.currentData(), review.campaign.currentData()) == (
        OKRUG,
        str(YEAR),
        None,
    )
    assert len(listed(window, qtbot)) == 5 + len(others)

    open_tab(window, dashboard, qtbot)
    QApplication.processEvents()
    campaigns = dashboard.campaign_table
    dashboard.scroll.ensureWidgetVisible(campaigns)
    QApplication.processEvents()
    subbotnik = next(r for r in range(campaigns.rowCount()) if "ubbotnik" in campaigns.item(r, 0).text())
    click(campaigns, campaigns.item(subbotnik, 0), qtbot)
    assert (review.okrug.currentData(), review.campaign.currentData()) == (None, "subbotnik")
    assert listed(window, qtbot) == [(f"14.06.{YEAR}", okrug_name(OKRUG))] * 2

    open_tab(window, dashboard, qtbot)
    dashboard.month.setCurrentIndex(dashboard.month.findData(5))  # May
    settle(window, qtbot)
    QApplication.processEvents()
    dashboard.scroll.ensureWidgetVisible(table)
    QApplication.processEvents()
    click(table, table.item(table.rowCount() - 1, 0), qtbot)  # the total: the district's May
    assert (review.okrug.currentData(), review.month.currentData()) == (None, f"{YEAR}-05")
    assert len(listed(window, qtbot)) == 5


def test_the_dashboards_legend_is_whole_at_150_percent(
    window: CoordinatorWindow, translations: Translations, qtbot: QtBot
) -> None:
    from PySide6.QtGui import QFontMetrics

    window.resize(*NARROW)
    dashboard = window.dashboard
    open_tab(window, dashboard, qtbot)
    for lang in ("kk", "ru", "en"):
        translations.apply(lang)
        settle(window, qtbot)
        QApplication.processEvents()
        chart = dashboard.fractions
        assert chart.slices
        metrics = QFontMetrics(chart.font())
        inner = chart.width() - 8
        side = min(chart.height() - 8 - metrics.height() - 6, inner * 0.45)
        legend_width = inner - side - 12
        texts, heights = chart._legend_lines(metrics, legend_width)
        room = chart.height() - 8 - metrics.height() - 6
        assert sum(heights) <= room, (lang, texts)  # every entry shown, wrapped, none cut
        for text in texts:  # and no entry is wider than the legend (nothing elided)
            lines = metrics.boundingRect(
                0, 0, int(legend_width - 16), 10_000, int(Qt.TextFlag.TextWordWrap), text
            )
            assert lines.width() <= legend_width - 16, text
