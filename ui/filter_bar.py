"""Filters above the list: month, campaign, status, and a search box."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLineEdit, QStyle, QTableView, QWidget

from fieldapp.i18n import translate as domain_text
from fieldapp.models import EARLIEST_DATE, Status
from fieldapp.queries import ActionFilter, Period
from fieldapp.reference import ReferenceData
from ui.i18n import current_language, locale_for
from ui.style import SPACING

SEARCH_DELAY_MS = 250  # wait for a pause in typing before asking the store
ATTENTION = "attention"  # the status filter's last item: refused by the server, or in conflict


def hint_width(edit: QLineEdit) -> int:
    """How wide ``edit`` must be for its whole placeholder to show: the text, the frame and text
    margins, and the clear button's room."""
    frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
    margins = edit.textMargins()
    clear = edit.sizeHint().height() if edit.isClearButtonEnabled() else 0
    text = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    return text + 2 * frame + margins.left() + margins.right() + clear + 2 * SPACING


def fit_column_to_texts(table: QTableView, column: int, texts: list[str]) -> None:
    """``column`` as wide as the widest of ``texts`` and its heading, whichever rows are in view
    (ResizeToContents measures only the rows it sees: a «Возвращено» further down was cut)."""
    header = table.horizontalHeader()
    cell = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table)
    widest = max((table.fontMetrics().horizontalAdvance(t) for t in texts), default=0) + 2 * (cell + SPACING)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
    header.resizeSection(column, max(widest, header.sectionSizeHint(column)))


def month_name(year: int, month: int, lang: str) -> str:
    """«Қараша 2026», «Ноябрь 2026», «November 2026»."""
    name = locale_for(lang).standaloneMonthName(month, QLocale.FormatType.LongFormat)
    return f"{name[:1].upper()}{name[1:]} {year}"


class FilterBar(QWidget):
    changed = Signal(object)  # ActionFilter

    def __init__(self, reference: ReferenceData, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self._reference = reference
        self._today = today or date.today()
        self.month = QComboBox()
        self.campaign = QComboBox()
        self.status = QComboBox()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        for combo in (self.month, self.campaign, self.status):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addWidget(self.month)
        layout.addWidget(self.campaign)
        layout.addWidget(self.status)
        layout.addWidget(self.search, 1)
        self._fill()
        self.retranslate()
        for combo in (self.month, self.campaign, self.status):
            combo.currentIndexChanged.connect(self._emit)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.search.returnPressed.connect(self._emit)

    # -- contents --------------------------------------------------------------------------------

    def _months(self) -> list[tuple[int, int]]:
        months = []
        year, month = self._today.year, self._today.month
        while (year, month) >= (EARLIEST_DATE.year, EARLIEST_DATE.month):
            months.append((year, month))
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return months

    def _fill(self) -> None:
        self.month.addItem("", None)
        for year, month in self._months():
            self.month.addItem("", f"{year}-{month:02d}")  # Qt data: plain str round-trips
        self.campaign.addItem("", None)
        for campaign in self._reference.active_campaigns():
            self.campaign.addItem("", campaign.code)
        self.status.addItem("", None)
        for status in Status:
            self.status.addItem("", status.value)  # Qt hands a StrEnum back as a plain str
        self.status.addItem("", ATTENTION)

    def retranslate(self) -> None:
        self.search.setToolTip(
            self.tr(
                "Finds the settlement, place, notes, reporter or comment; "
                "Kazakh letters may be typed as Russian ones (к for қ)"
            )
        )
        lang = current_language()
        self.month.setItemText(0, self.tr("All months"))
        for i in range(1, self.month.count()):
            year, month = map(int, self.month.itemData(i).split("-"))
            self.month.setItemText(i, month_name(year, month, lang))
        self.campaign.setItemText(0, self.tr("All campaigns"))
        for i in range(1, self.campaign.count()):
            campaign = self._reference.campaign(self.campaign.itemData(i))
            self.campaign.setItemText(i, campaign.name(lang) if campaign else self.campaign.itemData(i))
        self.status.setItemText(0, self.tr("All statuses"))
        for i in range(1, self.status.count()):
            if self.status.itemData(i) == ATTENTION:
                self.status.setItemText(i, self.tr("Needs attention"))
            else:
                self.status.setItemText(i, domain_text(f"status.{self.status.itemData(i)}", lang))
        self.search.setPlaceholderText(self.tr("Search: settlement, place, notes, reporter"))
        self.month.setToolTip(self.tr("Month"))
        self.campaign.setToolTip(self.tr("Campaign"))
        self.status.setToolTip(self.tr("Status"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the filter ------------------------------------------------------------------------------

    def current(self) -> ActionFilter:
        month = self.month.currentData()
        status = self.status.currentData()
        return ActionFilter(
            period=Period.parse(month) if month else None,
            campaign=self.campaign.currentData(),
            status=Status(status) if status and status != ATTENTION else None,
            attention=status == ATTENTION,
            text=self.search.text(),
        )

    def show_status(self, status: Status | None) -> None:
        """Show only records of ``status`` (the returned-records banner uses it)."""
        self.status.setCurrentIndex(max(0, self.status.findData(status.value if status else None)))

    def show_attention(self) -> None:
        """Show only the records the server refused or found in conflict."""
        self.status.setCurrentIndex(self.status.findData(ATTENTION))

    def clear(self) -> None:
        for combo in (self.month, self.campaign, self.status):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._emit()

    def _emit(self) -> None:
        self._debounce.stop()
        self.changed.emit(self.current())

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape and self.search.hasFocus() and self.search.text():
            self.search.clear()
            return
        super().keyPressEvent(event)
