"""The list of clean-up actions: a table model over the store that fetches as it scrolls.

The first page and the count for a filter are fetched off the GUI thread (a new filter while one
is loading simply wins); further pages are fetched as the view scrolls (``fetchMore``), by key,
so page 500 costs what page 1 does. 100,000 rows open at once and scroll smoothly.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QTableView

from fieldapp.collation import sort_key
from fieldapp.i18n import translate as domain_text
from fieldapp.kato import Kato
from fieldapp.models import Status
from fieldapp.numbers import format_int
from fieldapp.outbox import HELD_MONTH_CLOSED, held_explanation
from fieldapp.queries import ActionFilter, ActionOrder, ActionSummary
from fieldapp.reference import ReferenceData
from fieldapp.store import Store
from fieldapp.units import format_hectares, format_tonnes
from ui import style
from ui.i18n import current_language
from ui.tasks import Tasks

PAGE_SIZE = 200
MAX_PAGE_SIZE = 2000
Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    DATE = 0
    SETTLEMENT = 1
    CAMPAIGN = 2
    PARTICIPANTS = 3
    TONNES = 4
    HECTARES = 5
    PHOTOS = 6
    STATUS = 7


_NUMERIC = {Column.PARTICIPANTS, Column.TONNES, Column.HECTARES, Column.PHOTOS}
# What the store sorts by for each column (``ActionOrder.column``).
ORDER_OF = {
    Column.DATE: "date",
    Column.SETTLEMENT: "settlement",
    Column.CAMPAIGN: "campaign",
    Column.PARTICIPANTS: "participants",
    Column.TONNES: "tonnes",
    Column.HECTARES: "hectares",
    Column.PHOTOS: "photos",
    Column.STATUS: "status",
}
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's ActionSummary
# After a right-aligned heading the list is sorted by: the style sheet's header draws the sort arrow
# over the end of the text («Photos»), so the text ends this much before it.
ARROW_ROOM = "\u2003\u2002"


class ActionTableModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    reloaded = Signal()  # a new filter's first page is in
    failed = Signal(object)

    def __init__(
        self,
        store: Store,
        kato: Kato,
        reference: ReferenceData,
        tasks: Tasks,
        parent: QObject | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._store, self._kato, self._reference, self._tasks = store, kato, reference, tasks
        self._page_size = page_size
        self._rows: list[ActionSummary] = []
        self._total = 0
        self._where = ActionFilter()
        self._generation = 0
        self._loading = False
        self._order = ActionOrder()
        self._sorting = (Column.DATE.value, True)  # the column clicked and whether descending
        # Asked when the list is sorted again: the record to keep selected (its id), if any.
        self.keep_on_sort: Callable[[], str | None] = lambda: None

    # -- loading ---------------------------------------------------------------------------------

    @property
    def where(self) -> ActionFilter:
        return self._where

    @property
    def total(self) -> int:
        """Rows matching the filter, fetched or not."""
        return self._total

    @property
    def loading(self) -> bool:
        return self._loading

    def set_filter(self, where: ActionFilter) -> None:
        self._where = where
        self.reload()

    @property
    def order(self) -> ActionOrder:
        return self._order

    def order_column(self, section: int) -> str | None:
        """The store's name for what column ``section`` sorts by."""
        return ORDER_OF.get(Column(section)) if 0 <= section < len(Column) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted in the store (an indexed query per page), not here: the list may hold 100,000
        records of which a few hundred are loaded. The selected record stays selected."""
        if self.order_column(column) is None:
            return
        sorting = (column, order == Qt.SortOrder.DescendingOrder)
        if sorting == self._sorting:
            return
        self._sorting = sorting
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        self.reload(keep=self.keep_on_sort())

    def rank_namer(self, column: str) -> Callable[[str], str]:
        """How a code of a ranked column reads in the current language (for its alphabetical place);
        called on the GUI thread, the function it returns is called off it."""
        lang = current_language()
        kato, reference = self._kato, self._reference

        def name(code: str) -> str:
            if column == "status":
                known = code in {s.value for s in Status}
                return domain_text(f"status.{code}", lang) if known else code
            if column == "campaign":
                campaign = reference.campaign(code)
                return campaign.name(lang) if campaign else code
            place = kato.get(code)
            return place.name(lang) if place else code

        return name

    def reload(self, keep: str | None = None) -> None:
        """Count and fetch the first page for the current filter and order, off the GUI thread;
        with ``keep``, pages on until that record is among the rows."""
        self._generation += 1
        generation, where, store, size = self._generation, self._where, self._store, self._page_size
        section, descending = self._sorting
        column = self.order_column(section) or "date"
        namer = self.rank_namer(column)
        self._set_loading(True)

        def fetch() -> tuple[int, list[ActionSummary], ActionOrder]:
            order = ActionOrder(column, descending)
            if order.ranked:
                names = {code: namer(code) for code in store.distinct_codes(column, where)}
                ranks = tuple(sorted(names, key=lambda code: (sort_key(names[code]), code)))
                order = ActionOrder(column, descending, ranks)
            total = store.count_actions(where)
            rows = store.list_actions(where, limit=size, order=order)
            found = keep is None or any(r.id == keep for r in rows)
            while not found and len(rows) < total:
                page = store.list_actions(where, limit=MAX_PAGE_SIZE, after=order.key(rows[-1]), order=order)
                if not page:
                    break
                rows += page
                found = any(r.id == keep for r in page)
            return total, rows, order

        self._tasks.run(
            fetch,
            on_done=lambda result: self._apply(generation, *result),
            on_error=lambda exc: self._fail(generation, exc),
        )

    def _apply(self, generation: int, total: int, rows: list[ActionSummary], order: ActionOrder) -> None:
        if generation != self._generation:
            return  # a newer filter was asked for meanwhile
        self.beginResetModel()
        self._rows, self._total, self._order = rows, total, order
        self.endResetModel()
        self._set_loading(False)
        self.reloaded.emit()

    def _fail(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._set_loading(False)
            self.failed.emit(exc)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        """The next page, after the last row we have: one indexed query of a few ms."""
        if parent.isValid() or not self._rows:
            return
        # Someone scrolling far wants many rows: pages grow with what is loaded (up to 2,000).
        size = min(MAX_PAGE_SIZE, max(self._page_size, len(self._rows) // 4))
        order = self._order
        page = self._store.list_actions(self._where, limit=size, after=order.key(self._rows[-1]), order=order)
        if not page:
            self._total = len(self._rows)  # rows were deleted meanwhile
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # -- reading ---------------------------------------------------------------------------------

    def summary(self, row: int) -> ActionSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, action_id: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == action_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            sorted_here = self.order_column(self._sorting[0]) == ORDER_OF.get(Column(section))
            if section in _NUMERIC and sorted_here:  # right-aligned: room for the arrow
                return _header(Column(section)) + ARROW_ROOM
            return _header(Column(section))
        if role == Qt.ItemDataRole.TextAlignmentRole and section in _NUMERIC:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.InitialSortOrderRole:  # the first click: names А→Я, the most first
            numbers = section in _NUMERIC or section == Column.DATE
            return Qt.SortOrder.DescendingOrder if numbers else Qt.SortOrder.AscendingOrder
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.summary(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in _NUMERIC:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        flagged = row.status is Status.RETURNED or row.held is not None
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.held == HELD_MONTH_CLOSED:  # nothing for the person to fix: it waits by itself
                return QBrush(QColor(style.AMBER_LIGHT))
            if row.held is not None:
                return QBrush(QColor(style.RED_LIGHT))
            if row.status is Status.RETURNED:
                return QBrush(QColor(style.AMBER_LIGHT))
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.held == HELD_MONTH_CLOSED and column is Column.STATUS:
                return QBrush(QColor(style.AMBER))
            if row.held is not None and column is Column.STATUS:
                return QBrush(QColor(style.RED))
            if row.status is Status.RETURNED and column is Column.STATUS:
                return QBrush(QColor(style.AMBER))
            if row.status is Status.DRAFT:
                return QBrush(QColor(style.MUTED))
        if role == Qt.ItemDataRole.FontRole and flagged and column is Column.STATUS:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and row.held is not None:
            return held_explanation(row.held, row.held_problem).text(current_language())
        if role == Qt.ItemDataRole.ToolTipRole and row.status is Status.RETURNED and row.review_comment:
            return _returned_tooltip(row.review_comment)
        if role == ROW_ROLE:
            return row
        return None

    def _text(self, row: ActionSummary, column: Column) -> str:
        lang = current_language()
        match column:
            case Column.DATE:
                return row.action_date.strftime("%d.%m.%Y")
            case Column.SETTLEMENT:
                place = self._kato.get(row.settlement)
                return place.name(lang) if place else row.settlement
            case Column.CAMPAIGN:
                campaign = self._reference.campaign(row.campaign)
                return campaign.name(lang) if campaign else row.campaign
            case Column.PARTICIPANTS:
                return format_int(row.participants, lang)
            case Column.TONNES:
                return format_tonnes(row.total_kg, lang, fixed=True)
            case Column.HECTARES:
                return format_hectares(row.area_m2, lang, fixed=True)
            case Column.PHOTOS:
                return str(row.photo_count) if row.photo_count else ""
            case Column.STATUS:
                if row.held is not None:
                    return domain_text(f"status.held.{row.held}", lang)
                return self.status_text(row.status)

    def status_text(self, status: Status) -> str:
        return domain_text(f"status.{status.value}", current_language())

    def held_texts(self) -> list[str]:
        """What the status column says of records the server refused or found in conflict."""
        return [
            domain_text(f"status.held.{held}", current_language())
            for held in ("rejected", "conflict", "month_closed")
        ]

    def retranslate(self) -> None:
        """Texts depend on the language: tell the view everything changed; sorted by names, the
        rows take the new language's alphabetical order."""
        if self._order.ranked:
            self.reload(keep=self.keep_on_sort())
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1))


def sort_by_headers(table: QTableView, model: ActionTableModel, keep: Callable[[], str | None]) -> None:
    """A click on a heading sorts the list by that column in the store (again: the other way);
    the arrow shows which; ``keep`` names the record to keep selected."""
    model.keep_on_sort = keep
    header = table.horizontalHeader()
    header.setSortIndicator(Column.DATE, Qt.SortOrder.DescendingOrder)  # the store's own order
    header.setSortIndicatorShown(True)
    header.setSectionsClickable(True)
    table.setSortingEnabled(True)


def _header(column: Column) -> str:
    names = {
        Column.DATE: QCoreApplication.translate("ActionTable", "Date"),
        Column.SETTLEMENT: QCoreApplication.translate("ActionTable", "Settlement"),
        Column.CAMPAIGN: QCoreApplication.translate("ActionTable", "Campaign"),
        Column.PARTICIPANTS: QCoreApplication.translate("ActionTable", "Participants"),
        Column.TONNES: QCoreApplication.translate("ActionTable", "Tonnes"),
        Column.HECTARES: QCoreApplication.translate("ActionTable", "Hectares"),
        Column.PHOTOS: QCoreApplication.translate("ActionTable", "Photos"),
        Column.STATUS: QCoreApplication.translate("ActionTable", "Status"),
    }
    return names[column]


def _returned_tooltip(comment: str) -> str:
    return QCoreApplication.translate("ActionTable", "Returned by the coordinator: {comment}").format(
        comment=comment
    )
