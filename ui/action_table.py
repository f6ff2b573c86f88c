"""The list of clean-up actions: a table model over the store that fetches as it scrolls.

The first page and the count for a filter are fetched off the GUI thread (a new filter while one
is loading simply wins); further pages are fetched as the view scrolls (``fetchMore``), by key,
so page 500 costs what page 1 does. 100,000 rows open at once and scroll smoothly.
"""

from __future__ import annotations

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

from fieldapp.i18n import translate as domain_text
from fieldapp.kato import Kato
from fieldapp.models import Status
from fieldapp.numbers import format_int
from fieldapp.outbox import held_explanation
from fieldapp.queries import ActionFilter, ActionSummary
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
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's ActionSummary


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

    def reload(self) -> None:
        """Count and fetch the first page for the current filter, off the GUI thread."""
        self._generation += 1
        generation, where, store, size = self._generation, self._where, self._store, self._page_size
        self._set_loading(True)

        def fetch() -> tuple[int, list[ActionSummary]]:
            return store.count_actions(where), store.list_actions(where, limit=size)

        self._tasks.run(
            fetch,
            on_done=lambda result: self._apply(generation, *result),
            on_error=lambda exc: self._fail(generation, exc),
        )

    def _apply(self, generation: int, total: int, rows: list[ActionSummary]) -> None:
        if generation != self._generation:
            return  # a newer filter was asked for meanwhile
        self.beginResetModel()
        self._rows, self._total = rows, total
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
        page = self._store.list_actions(self._where, limit=size, after=self._rows[-1].key)
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
            return _header(Column(section))
        if role == Qt.ItemDataRole.TextAlignmentRole and section in _NUMERIC:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
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
            if row.held is not None:
                return QBrush(QColor(style.RED_LIGHT))
            if row.status is Status.RETURNED:
                return QBrush(QColor(style.AMBER_LIGHT))
        if role == Qt.ItemDataRole.ForegroundRole:
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
        return [domain_text(f"status.held.{held}", current_language()) for held in ("rejected", "conflict")]

    def retranslate(self) -> None:
        """Texts depend on the language: tell the view everything changed."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1))


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
