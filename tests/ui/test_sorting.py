"""Every list and table sorts by a click on its heading, by what the cells mean: numbers as
numbers, dates as dates, names in the Kazakh (Russian) alphabet; the arrow shows the order; the
village list sorts in the store and keeps the record one was on selected."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTableView, QTableWidget
from pytestqt.qtbot import QtBot

from fieldapp.backups import backup_now
from fieldapp.collation import sort_key
from fieldapp.paths import DataPaths
from fieldapp.store import Store
from tests.records import action
from tests.sync.laptop import Laptop
from tests.sync.test_district import Coordinator, seed
from tests.ui.helpers import close_window, open_window
from tests.ui.test_coordinator_window import coordinator, refresh, settle, villages  # noqa: F401 - fixtures
from tests.ui.test_coordinator_window import open_window as open_coordinator
from ui.action_table import Column
from ui.backup_dialog import BackupDialog
from ui.main_window import MainWindow
from ui.review_table import Column as ReviewColumn
from ui.tasks import Tasks

# Қайнар а.о.'s settlements: «Қ» comes after «К» and before «С» (Python's order puts it after «Я»).
PLACES = {
    "196247780": "Сақтан а.",
    "196247600": "Қайнар а.",
    "196247100": "Еркін а.",
    "196247580": "Көктал а.",
    "196247500": "Жаңалық а.",
    "196247400": "Жалқамыс а.",
}
KAZAKH_ORDER = ["Еркін а.", "Жалқамыс а.", "Жаңалық а.", "Көктал а.", "Қайнар а.", "Сақтан а."]


def click_heading(qtbot: QtBot, table: QTableView | QTableWidget, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def wait_loaded(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not window.model.loading and not window.tasks.busy)


def shown(window: MainWindow, column: Column) -> list[str]:
    model = window.model
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def indicator(table: QTableView | QTableWidget) -> tuple[int, Qt.SortOrder, bool]:
    header = table.horizontalHeader()
    return header.sortIndicatorSection(), header.sortIndicatorOrder(), header.isSortIndicatorShown()


def test_the_village_list_sorts_by_each_heading(tmp_path: Path, translations, qtbot: QtBot) -> None:
    dates = [date(2024, 12, 2), date(2026, 1, 15), date(2025, 3, 1), date(2025, 11, 30), date(2024, 2, 9)]
    dates.append(date(2025, 10, 1))
    participants = [5, 100, 40, 7, 1000, 12]
    kilos = [900, 12_500, 0, 2_000, 150, 30_000]
    with Store.open(tmp_path / "taza-field.sqlite") as store:
        store.save_many(
            [
                action(
                    settlement=code, action_date=day, participants=n, waste=[{"fraction": "mixed", "kg": k}]
                )
                for code, day, n, k in zip(PLACES, dates, participants, kilos, strict=True)
            ]
        )
    window = open_window(tmp_path, translations, qtbot)
    window.language_items["kk"].trigger()
    wait_loaded(window, qtbot)
    table = window.table
    assert indicator(table) == (Column.DATE, Qt.SortOrder.DescendingOrder, True)  # newest first

    click_heading(qtbot, table, Column.SETTLEMENT)
    wait_loaded(window, qtbot)
    assert shown(window, Column.SETTLEMENT) == KAZAKH_ORDER
    assert indicator(table) == (Column.SETTLEMENT, Qt.SortOrder.AscendingOrder, True)
    click_heading(qtbot, table, Column.SETTLEMENT)
    wait_loaded(window, qtbot)
    assert shown(window, Column.SETTLEMENT) == KAZAKH_ORDER[::-1]
    assert indicator(table)[:2] == (Column.SETTLEMENT, Qt.SortOrder.DescendingOrder)

    click_heading(qtbot, table, Column.PARTICIPANTS)  # the most first, as numbers («1 000» > «100»)
    wait_loaded(window, qtbot)
    assert [
        int(t.replace("\xa0", "").replace(" ", "")) for t in shown(window, Column.PARTICIPANTS)
    ] == sorted(participants, reverse=True)
    assert indicator(table)[:2] == (Column.PARTICIPANTS, Qt.SortOrder.DescendingOrder)
    click_heading(qtbot, table, Column.TONNES)
    wait_loaded(window, qtbot)
    assert [window.model.summary(r).total_kg for r in range(6)] == sorted(kilos, reverse=True)
    click_heading(qtbot, table, Column.TONNES)
    wait_loaded(window, qtbot)
    assert [window.model.summary(r).total_kg for r in range(6)] == sorted(kilos)

    click_heading(qtbot, table, Column.DATE)  # as dates, not as «dd.mm.yyyy» strings
    wait_loaded(window, qtbot)
    assert shown(window, Column.DATE) == [f"{d:%d.%m.%Y}" for d in sorted(dates, reverse=True)]
    click_heading(qtbot, table, Column.DATE)
    wait_loaded(window, qtbot)
    assert shown(window, Column.DATE) == [f"{d:%d.%m.%Y}" for d in sorted(dates)]
    assert indicator(table)[:2] == (Column.DATE, Qt.SortOrder.AscendingOrder)

    click_heading(qtbot, table, Column.SETTLEMENT)
    wait_loaded(window, qtbot)
    assert shown(window, Column.SETTLEMENT) == KAZAKH_ORDER
    window.language_items["ru"].trigger()  # re-sorted by the Russian names: «с.Кайнар» before «с.Коктал»
    wait_loaded(window, qtbot)
    assert indicator(table)[:2] == (Column.SETTLEMENT, Qt.SortOrder.AscendingOrder)
    assert shown(window, Column.SETTLEMENT) == [
        "с.Еркин",
        "с.Жалкамыс",
        "с.Жаналык",
        "с.Кайнар",
        "с.Коктал",
        "с.Сактан",
    ]
    close_window(window)


def test_the_selected_record_stays_selected_when_sorted(tmp_path: Path, translations, qtbot: QtBot) -> None:
    codes = list(PLACES)
    with Store.open(tmp_path / "taza-field.sqlite") as store:
        store.save_many(
            [
                action(
                    settlement=codes[i % len(codes)],
                    action_date=date(2025, 1 + i % 12, 1 + i % 28),
                    participants=(i * 37) % 500 + 1,
                )
                for i in range(900)
            ]
        )
    window = open_window(tmp_path, translations, qtbot)
    table, model = window.table, window.model
    assert model.rowCount() == 200  # the first page of 900
    # The record with the fewest participants: sorted the most first, it is the last of 900.
    row = min(range(200), key=lambda r: model.summary(r).participants)
    chosen = model.summary(row)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(model.index(row, 0)).center()
    )
    assert window._selected_summary().id == chosen.id
    click_heading(qtbot, table, Column.PARTICIPANTS)
    wait_loaded(window, qtbot)
    current = table.currentIndex()
    assert model.summary(current.row()).id == chosen.id
    assert current.row() > 200  # it was paged to, below the first page
    assert table.selectionModel().isRowSelected(current.row())
    assert window.model.total == 900
    counts = [model.summary(r).participants for r in range(model.rowCount())]
    assert counts == sorted(counts, reverse=True)
    click_heading(qtbot, table, Column.SETTLEMENT)
    wait_loaded(window, qtbot)
    assert model.summary(table.currentIndex().row()).id == chosen.id
    close_window(window)


def test_the_backups_sort_by_time_and_records(tmp_path: Path, translations, qtbot: QtBot) -> None:
    paths = DataPaths(tmp_path)
    with Store.open(paths.database) as store:
        for count, when in (
            (2, datetime(2026, 1, 5, 9, tzinfo=UTC)),
            (10, datetime(2026, 3, 1, 9, tzinfo=UTC)),
        ):
            store.save_many([action() for _ in range(count - store.count_actions())])
            backup_now(store, now=when)
        store.save_many([action() for _ in range(90)])
        backup_now(store, now=datetime(2026, 11, 20, 9, tzinfo=UTC))
    tasks = Tasks()
    dialog = BackupDialog(paths, tasks)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.backups is not None and not tasks.busy)
    table = dialog.table
    assert table.rowCount() == 3

    def column(c: int) -> list[str]:
        return [table.item(r, c).text() for r in range(3)]

    click_heading(qtbot, table, 3)  # the records: 2, 10, 100 as numbers, not «10» < «100» < «2»
    assert column(3) == ["2", "10", "100"]
    click_heading(qtbot, table, 3)
    assert column(3) == ["100", "10", "2"]
    click_heading(qtbot, table, 0)  # the time as a time, not «1 March» < «20 November» < «5 January»
    assert [t.split(",")[0] for t in column(0)] == ["5 January 2026", "1 March 2026", "20 November 2026"]
    assert indicator(table) == (0, Qt.SortOrder.AscendingOrder, True)
    table.selectRow(0)
    chosen = dialog.selected()
    assert chosen is not None
    assert chosen.records == 2


def test_the_coordinator_tables_sort_by_their_headings(
    villages: dict[str, Laptop],  # noqa: F811 - the fixture
    coordinator: Coordinator,  # noqa: F811
    translations,
    qtbot: QtBot,
) -> None:
    seed(villages)  # Қайнар: 3 × 30 and 2 × 12 participants; Алатау: 2 × 50
    window = open_coordinator(coordinator, translations, qtbot)
    translations.apply("kk")
    refresh(window, qtbot)
    review, model = window.review, window.review.model
    assert model.rowCount() == 7
    table = review.table
    assert indicator(table) == (ReviewColumn.DATE, Qt.SortOrder.DescendingOrder, True)
    click_heading(qtbot, table, ReviewColumn.PARTICIPANTS)
    settle(window, qtbot)
    assert [model.summary(r).participants for r in range(7)] == [50, 50, 30, 30, 30, 12, 12]
    chosen = model.summary(5)  # one of Қайнар's subbotniks, picked with a click
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(model.index(5, 0)).center()
    )
    click_heading(qtbot, table, ReviewColumn.OKRUG)
    settle(window, qtbot)
    okrugs = [model.data(model.index(r, ReviewColumn.OKRUG)) for r in range(7)]
    assert okrugs == sorted(okrugs, key=sort_key)
    assert okrugs[0] != okrugs[-1]
    assert indicator(table) == (ReviewColumn.OKRUG, Qt.SortOrder.AscendingOrder, True)
    assert model.summary(table.currentIndex().row()).id == chosen.id  # still on the same record
    assert [s.id for s in review.selected()] == [chosen.id]  # and the record panel shows it

    window.tabs.setCurrentWidget(window.dashboard)
    okrug_table = window.dashboard.okrug_table  # the district's total stays under the okrugs
    rows = okrug_table.rowCount()
    assert rows >= 3
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        click_heading(qtbot, okrug_table, 2)
        assert indicator(okrug_table) == (2, order, True)
        participants = [int(okrug_table.item(r, 2).text()) for r in range(rows)]
        okrugs = participants[:-1]
        assert okrugs == sorted(okrugs, reverse=order == Qt.SortOrder.DescendingOrder)
        assert participants[-1] == sum(okrugs) == 214  # the total, in bold, under them
        assert okrug_table.item(rows - 1, 0).font().bold()
    click_heading(qtbot, okrug_table, 0)
    names = [okrug_table.item(r, 0).text() for r in range(rows - 1)]
    assert names == sorted(names, key=sort_key)

    window.tabs.setCurrentWidget(window.completeness)
    matrix = window.completeness.table
    okrug_rows = matrix.rowCount() - 1  # under them, the reporting rate, which stays last
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        click_heading(qtbot, matrix, 0)
        assert indicator(matrix) == (0, order, True)
        names = [matrix.item(r, 0).text() for r in range(okrug_rows)]
        assert len(names) > 2
        assert names == sorted(names, key=sort_key, reverse=order == Qt.SortOrder.DescendingOrder)
        assert (
            matrix.item(okrug_rows, 0).text() == "Есеп беру деңгейі"
            or matrix.item(okrug_rows, 0).font().bold()
        )
    click_heading(qtbot, matrix, 1)  # the rate: as a share, «100 %» above «9 %»
    rates = [matrix.item(r, 1).data(Qt.ItemDataRole.UserRole) for r in range(okrug_rows)]
    shares = [done / expected if expected else -1 for done, expected in rates]
    assert shares == sorted(shares, reverse=indicator(matrix)[1] == Qt.SortOrder.DescendingOrder)
    window.close()
