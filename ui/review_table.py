"""The coordinator's list of the district's records: the village list's paging model with the okrug
beside the settlement (a district has many), and the review's own words for the statuses."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from fieldapp.i18n import translate as domain_text
from fieldapp.models import Status
from fieldapp.queries import ActionSummary
from ui.action_table import ORDER_OF, ROW_ROLE, ActionTableModel
from ui.action_table import Column as VillageColumn
from ui.i18n import current_language

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    DATE = 0
    OKRUG = 1
    SETTLEMENT = 2
    CAMPAIGN = 3
    PARTICIPANTS = 4
    TONNES = 5
    HECTARES = 6
    PHOTOS = 7
    STATUS = 8


# Where each column's data comes from in the village list (the okrug is this list's own).
_VILLAGE = {
    Column.DATE: VillageColumn.DATE,
    Column.SETTLEMENT: VillageColumn.SETTLEMENT,
    Column.CAMPAIGN: VillageColumn.CAMPAIGN,
    Column.PARTICIPANTS: VillageColumn.PARTICIPANTS,
    Column.TONNES: VillageColumn.TONNES,
    Column.HECTARES: VillageColumn.HECTARES,
    Column.PHOTOS: VillageColumn.PHOTOS,
    Column.STATUS: VillageColumn.STATUS,
}
REVIEW_STATUS_KEYS = {
    Status.SENT: "review.pending",
    Status.READY: "review.pending",
    Status.ACCEPTED: "status.accepted",
    Status.RETURNED: "status.returned",
}


class ReviewTableModel(ActionTableModel):
    """Rows are ``ActionSummary``; ``okrug_of`` gives a settlement's okrug name for the list."""

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def order_column(self, section: int) -> str | None:
        if section == Column.OKRUG:
            return "okrug"
        return ORDER_OF[_VILLAGE[Column(section)]] if 0 <= section < len(Column) else None

    def rank_namer(self, column: str) -> Callable[[str], str]:
        if column != "status":
            return super().rank_namer(column)
        lang = current_language()

        def name(code: str) -> str:
            if code not in {s.value for s in Status}:
                return code
            return domain_text(REVIEW_STATUS_KEYS.get(Status(code), f"status.{code}"), lang)

        return name

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section == Column.OKRUG:
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("ReviewTable", "Rural okrug")
            if role == Qt.ItemDataRole.InitialSortOrderRole:
                return Qt.SortOrder.AscendingOrder
            return None
        return super().headerData(_VILLAGE[Column(section)], orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = Column(index.column())
        row = self.summary(index.row())
        if row is None:
            return None
        if column is Column.OKRUG:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.okrug_name(row)
            if role == ROW_ROLE:
                return row
            return None
        if column is Column.STATUS and role == Qt.ItemDataRole.DisplayRole:
            return self.review_status(row.status)
        return super().data(self.index(index.row(), _VILLAGE[column]), role)

    def okrug_name(self, row: ActionSummary) -> str:
        okrug = self._kato.okrug_of(row.settlement)
        return okrug.name(current_language()) if okrug else ""

    @staticmethod
    def review_status(status: Status) -> str:
        return domain_text(REVIEW_STATUS_KEYS.get(status, f"status.{status.value}"), current_language())

    def status_texts(self) -> list[str]:
        return [self.review_status(s) for s in (Status.SENT, Status.ACCEPTED, Status.RETURNED)]
