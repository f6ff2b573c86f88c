"""Who has reported: the district's okrugs × the months of a year — reported, reported that nothing
was done, or missing — with each okrug's last sync and app version. From the district copy."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.kato import Kato
from fieldapp.store import Store
from sync.district_reports import completeness
from sync.protocol import Completeness, CompletenessResponse
from sync.report_files import KAZAKHSTAN, STATE_STYLES
from ui.failures import LoadFailed
from ui.i18n import current_language, locale_for
from ui.sorting import SortItem, sortable
from ui.style import SPACING, set_role
from ui.tasks import Tasks


class CompletenessView(QWidget):
    def __init__(
        self,
        store: Store,
        kato: Kato,
        district: str,
        tasks: Tasks,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.store, self.kato, self.district, self.tasks = store, kato, district, tasks
        self._today = today
        self.matrix: CompletenessResponse | None = None
        self.year = QComboBox()
        this_year = today().year
        for year in range(this_year, this_year - 3, -1):
            self.year.addItem(str(year), year)
        self.year.currentIndexChanged.connect(self.refresh)
        self.legend = set_role(QLabel(), "muted")
        self.legend.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addWidget(self.legend, 1)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        sortable(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING * 2, SPACING * 2, SPACING * 2, SPACING)
        layout.setSpacing(SPACING)
        self.load_failed = LoadFailed(self.refresh)
        layout.addLayout(top)
        layout.addWidget(self.load_failed)
        layout.addWidget(self.table, 1)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        store, kato, district, today = self.store, self.kato, self.district, self._today()
        year = self.year.currentData() or today.year
        self.tasks.run(
            lambda: completeness(store, kato, district, year, today), self._show, self.load_failed.failed
        )

    def _show(self, matrix: CompletenessResponse) -> None:
        self.load_failed.loaded()
        self.matrix = matrix
        self.retranslate()

    def state_text(self, state: Completeness) -> str:
        return {
            Completeness.REPORTED: self.tr("reported"),
            Completeness.NOTHING: self.tr("nothing done"),
            Completeness.MISSING: self.tr("missing"),
        }[state]

    def retranslate(self) -> None:
        self.year.setToolTip(self.tr("The year the months are shown for"))
        self.table.horizontalHeader().setToolTip(
            self.tr("Click a heading to sort: by name, by a month's state, by the last sync")
        )
        lang = current_language()
        locale = locale_for(lang)
        self.legend.setText(
            self.tr(
                "Green: records sent. Grey: the village reported that nothing was done. "
                "Red: nothing from the village yet."
            )
        )
        matrix = self.matrix
        if matrix is None:
            return
        months = list(matrix.rows[0].months) if matrix.rows else []
        headers = [self.tr("Rural okrug")]
        headers += [locale.standaloneMonthName(int(m[5:]), QLocale.FormatType.ShortFormat) for m in months]
        headers += [self.tr("Last sync"), self.tr("App version")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSortingEnabled(False)  # while filling: it would move a row as its cells are set
        self.table.setRowCount(len(matrix.rows))
        for r, row in enumerate(matrix.rows):
            place = self.kato.get(row.okrug)
            self.table.setItem(r, 0, SortItem(place.name(lang) if place else row.okrug))
            for c, month in enumerate(months, start=1):
                state = row.months[month]
                fill, ink = STATE_STYLES[state]
                item = SortItem(self.state_text(state), list(Completeness).index(state))
                item.setBackground(QBrush(QColor(f"#{fill}")))
                item.setForeground(QBrush(QColor(f"#{ink}")))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setData(Qt.ItemDataRole.UserRole, state.value)
                self.table.setItem(r, c, item)
            self.table.setItem(r, len(months) + 1, SortItem(_moment(row.last_sync), row.last_sync))
            self.table.setItem(r, len(months) + 2, SortItem(row.app_version, version_key(row.app_version)))
        self.table.setSortingEnabled(True)  # sorted again by the heading chosen, if any
        self.table.resizeColumnsToContents()
        widest = max((self.table.columnWidth(c) for c in range(1, len(months) + 1)), default=0)
        for c in range(1, len(months) + 1):  # the months as one even grid; the matrix scrolls sideways
            self.table.setColumnWidth(c, widest + SPACING)  # the stylesheet's cell padding is not counted
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def version_key(version: str) -> tuple[int, ...] | None:
    """«1.10.0» after «1.9.2»; nothing known last."""
    numbers = re.findall(r"\d+", version)
    return tuple(int(n) for n in numbers) if numbers else None


def _moment(at: datetime | None) -> str:
    return f"{at.astimezone(KAZAKHSTAN):%d.%m.%Y %H:%M}" if at else "—"
