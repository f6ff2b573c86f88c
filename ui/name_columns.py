"""The names of a list (settlement, okrug, campaign) share the width the figures leave, but are never
cut to three letters: narrower than a readable width each, they keep that width and the list scrolls
sideways instead (the demo's two windows side by side, a window made narrow by hand)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

READABLE_CHARS = 12  # «с.Жаңаарна», «Гүлдала а.о.», «Сенбілік»: what a name column must show


class NameColumns(QObject):
    def __init__(self, table: QTableView, columns: Sequence[int]) -> None:
        super().__init__(table)
        self.table, self.columns = table, list(columns)
        for column in self.columns:
            table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.viewport().installEventFilter(self)

    def readable(self) -> int:
        return self.table.fontMetrics().averageCharWidth() * READABLE_CHARS

    def update(self) -> None:
        """Stretch the names over what is left, or, when that is less than readable, give each its
        readable width (call after the other columns were sized)."""
        header = self.table.horizontalHeader()
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c not in self.columns and not header.isSectionHidden(c)
        )
        readable = self.readable()
        room = self.table.viewport().width() - others
        stretch = room >= readable * len(self.columns)
        mode = QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.Interactive
        for column in self.columns:
            if header.sectionResizeMode(column) != mode:
                header.setSectionResizeMode(column, mode)
            if not stretch:
                header.resizeSection(column, readable)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.update()
        return False
