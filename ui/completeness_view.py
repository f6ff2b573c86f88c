"""Who has reported: the district's okrugs × the months of a year — reported, reported that nothing
was done, or missing — with each okrug's last sync and app version. From the district copy.

The month under way and the months before an okrug's first record or nil report (before it began
to use the app) are not "missing": nothing is expected of them yet. The reporting rate of an okrug
and of a month is what was reported (records, or "nothing done") of what was expected. A click on a
month's cell opens that okrug's records of the month in the review tab; on its name, its year."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QEvent, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.kato import Kato
from fieldapp.moments import format_moment
from fieldapp.reporting import NOT_EXPECTED, ORDER, Rate, Reporting, State
from fieldapp.store import Store
from sync.district_reports import completeness
from sync.protocol import CompletenessResponse
from sync.report_files import STATE_STYLES
from ui.failures import LoadFailed
from ui.i18n import current_language, locale_for
from ui.sorting import SortItem, sortable
from ui.style import MUTED, SPACING, SURFACE, set_role
from ui.tasks import Tasks

OKRUG_ROLE = Qt.ItemDataRole.UserRole + 1  # on a row's first cell: its okrug (None on the rate row)
MONTH_ROLE = Qt.ItemDataRole.UserRole + 1  # on a month's header: YYYY-MM
FIRST_MONTH = 2  # the columns: the okrug, its rate, the months, the last sync, the app version


class CompletenessView(QWidget):
    open_records = Signal(object, str)  # okrug (None: every okrug), period: YYYY-MM or YYYY

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
        self.reporting: Reporting | None = None
        self.year = QComboBox()
        self.year.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        this_year = today().year
        for year in range(this_year, this_year - 3, -1):
            self.year.addItem(str(year), year)
        self.year.currentIndexChanged.connect(self.refresh)
        self.legend = set_role(QLabel(), "muted")
        self.legend.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.year, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.legend, 1)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        sortable(self.table)
        self.table.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self.table.clicked.connect(self._clicked)
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

    def _show(self, found: CompletenessResponse) -> None:
        """The matrix read against the calendar (fieldapp.reporting): the states and the rates."""
        self.load_failed.loaded()
        self.matrix, self.reporting = found, found.reporting()
        self.retranslate()

    def _clicked(self, index: QModelIndex) -> None:
        """A month's cell: that okrug's records of the month (every okrug's on the rate row);
        the okrug's name or any other cell of its row: its records of the year."""
        found = self.matrix
        if found is None:
            return
        okrug = self.table.item(index.row(), 0).data(OKRUG_ROLE) if self.table.item(index.row(), 0) else None
        header = self.table.horizontalHeaderItem(index.column())
        month = header.data(MONTH_ROLE) if header is not None else None
        if okrug is None and month is None:
            return
        self.open_records.emit(okrug, month or str(found.year))

    def state_text(self, state: str) -> str:
        return {
            State.REPORTED: self.tr("reported"),
            State.NOTHING: self.tr("nothing done"),
            State.MISSING: self.tr("missing"),
            State.UNDER_WAY: self.tr("under way"),
            State.NOT_STARTED: self.tr("not started"),
        }[State(state)]

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
                "Red: nothing from the village yet. White: not expected yet (the month is under way, "
                "or it is before the okrug's first record). Rate: what was reported of what was "
                "expected. Click a cell to open its records."
            )
        )
        found, matrix = self.reporting, self.matrix
        if found is None or matrix is None:
            return
        months = found.months
        # The rate beside the name, so that it is in sight when the months scroll sideways.
        headers = [self.tr("Rural okrug"), self.tr("Rate")]
        headers += [locale.standaloneMonthName(int(m[5:]), QLocale.FormatType.ShortFormat) for m in months]
        headers += [self.tr("Last sync"), self.tr("App version")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        for c, month in enumerate(months, start=FIRST_MONTH):
            self.table.horizontalHeaderItem(c).setData(MONTH_ROLE, month)
        rows = matrix.rows
        rate, after = 1, FIRST_MONTH + len(months)
        self.table.setSortingEnabled(False)  # while filling: it would move a row as its cells are set
        self.table.setRowCount(len(rows) + 1 if rows else 0)
        for r, row in enumerate(rows):
            place = self.kato.get(row.okrug)
            name = SortItem(place.name(lang) if place else row.okrug)
            name.setData(OKRUG_ROLE, row.okrug)
            self.table.setItem(r, 0, name)
            for c, month in enumerate(months, start=FIRST_MONTH):
                self.table.setItem(r, c, self._state_item(found.shown(row.okrug, month)))
            self.table.setItem(r, rate, self._rate_item(found.rate(okrug=row.okrug)))
            self.table.setItem(r, after, SortItem(_moment(row.last_sync), row.last_sync))
            self.table.setItem(r, after + 1, SortItem(row.app_version, version_key(row.app_version)))
        if rows:  # under the okrugs: the rate of each month, and of the year
            last = len(rows)
            self.table.setItem(last, 0, SortItem(self.tr("Reporting rate"), pinned=True))  # stays last
            for c, month in enumerate(months, start=FIRST_MONTH):
                self.table.setItem(last, c, self._rate_item(found.rate(month=month), pinned=True))
            self.table.setItem(last, rate, self._rate_item(found.rate(), pinned=True))
            bold = self.table.font()
            bold.setBold(True)
            for c in range(self.table.columnCount()):
                item = self.table.item(last, c)
                if item is None:
                    item = SortItem("", None, pinned=True)
                    self.table.setItem(last, c, item)
                item.setFont(bold)
        self.table.setSortingEnabled(True)  # sorted again by the heading chosen, if any
        self.table.resizeColumnsToContents()
        widest = max((self.table.columnWidth(c) for c in range(FIRST_MONTH, after)), default=0)
        for c in range(FIRST_MONTH, after):  # the months as one even grid; the matrix scrolls sideways
            self.table.setColumnWidth(c, widest + SPACING)  # the stylesheet's cell padding is not counted
        # The names as wide as they are (a stretched first column is squeezed when the months
        # scroll sideways); the last column takes what is left on a wide screen.
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

    def _state_item(self, state: State) -> QTableWidgetItem:
        if state in NOT_EXPECTED:
            fill, ink = SURFACE, MUTED
        else:
            fill, ink = (f"#{colour}" for colour in STATE_STYLES[state])
        item = SortItem(self.state_text(state), ORDER.index(state))
        item.setBackground(QBrush(QColor(fill)))
        item.setForeground(QBrush(QColor(ink)))
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        item.setData(Qt.ItemDataRole.UserRole, state.value)
        return item

    def _rate_item(self, rate: Rate, *, pinned: bool = False) -> QTableWidgetItem:
        """«83 %», and in its tooltip «10 of 12 expected months reported»."""
        done, expected = rate.done, rate.expected
        item = SortItem(rate.percent, rate.share, pinned=pinned)
        item.setToolTip(
            self.tr("{done} of {expected} expected reported").format(done=done, expected=expected)
        )
        item.setData(Qt.ItemDataRole.UserRole, (done, expected))
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        return item

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def version_key(version: str) -> tuple[int, ...] | None:
    """«1.10.0» after «1.9.2»; nothing known last."""
    numbers = re.findall(r"\d+", version)
    return tuple(int(n) for n in numbers) if numbers else None


def _moment(at: datetime | None) -> str:
    """On the laptop's clock, as every time in both windows (the exports say UTC+5 in their heading)."""
    return format_moment(at) if at else "—"
