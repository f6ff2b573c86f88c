"""Tables that sort by their headings, by what the cells mean rather than how they read.

A ``QTableWidgetItem`` compares its text, so «100» comes before «40», «02.12.2024» after
«01.03.2026» and «Қайнар» after «Ярославка». A ``SortItem`` carries the value it sorts by: a
number, a date, a name's alphabetical key (``fieldapp.collation``), a state's rank. A pinned item
(the total under the rows) stays at the bottom whichever way the column goes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from fieldapp.collation import sort_key

BY_NAME: Any = object()  # the text is a name: sorted alphabetically


class SortItem(QTableWidgetItem):
    """``key`` is what the cell sorts by (None: nothing known, after the values); by default the
    text, as a name in alphabetical order."""

    def __init__(self, text: str, key: Any = BY_NAME, *, pinned: bool = False) -> None:
        super().__init__(text)
        self.sort_value = sort_key(text) if key is BY_NAME else key
        self.pinned = pinned

    def __lt__(self, other: QTableWidgetItem) -> bool:
        other_pinned = getattr(other, "pinned", False)
        if self.pinned or other_pinned:
            if self.pinned == other_pinned:
                return False
            table = self.tableWidget()
            descending = (
                table is not None
                and table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            )
            # Ascending, the smaller comes first; descending, the larger: the pinned one last.
            return descending if self.pinned else not descending
        if not isinstance(other, SortItem):
            return super().__lt__(other)
        mine, theirs = self.sort_value, other.sort_value
        if mine is None or theirs is None:  # nothing known («—») goes after the values
            return mine is not None
        try:
            return bool(mine < theirs)
        except TypeError:  # values of two kinds in one column: keep them apart, by kind
            return type(mine).__name__ < type(theirs).__name__


def sortable(table: QTableWidget) -> None:
    """Clicking a heading sorts by that column, again the other way; an arrow shows which. The rows
    keep the order they were filled in until a heading is clicked."""
    header = table.horizontalHeader()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    header.setSortIndicatorShown(True)
    header.setSectionsClickable(True)
    table.setSortingEnabled(True)
