"""The district at a glance, for a chosen year or month: the headline figures as the national report
words them ("12,4 мың тонна қалдық жиналды…"), the monthly trend, the share of each waste fraction,
and tables by okrug and by campaign. Computed off the GUI thread from the district copy.

The page scrolls as one: the tables are as tall as their rows (the total row included) and have no
scroll bar of their own, so the wheel over them moves the page. A click on a row opens its records
(that okrug's, that campaign's, or the whole district's for the total) in the review tab. When the
window is narrow the charts and the tables stand one under the other."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QEvent, QLocale, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.district import GroupTotals
from fieldapp.i18n import count
from fieldapp.kato import Kato
from fieldapp.models import Status
from fieldapp.numbers import format_decimal, format_int
from fieldapp.queries import Period
from fieldapp.reference import ReferenceData
from fieldapp.store import Store
from fieldapp.units import format_hectares, format_tonnes, kg_to_tonnes, m2_to_hectares
from ui.charts import BarChart, DonutChart, Slice
from ui.failures import LoadFailed
from ui.i18n import current_language, locale_for
from ui.sorting import BY_NAME, SortItem, sortable
from ui.style import SPACING, set_role
from ui.tasks import Tasks

SIDE_BY_SIDE = 1100  # narrower than this (1366×768 at 150 % is 910), the charts and tables stack
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1  # on a row's first cell: its okrug or campaign (None: total)


@dataclass(frozen=True)
class DashboardData:
    period: Period
    total: GroupTotals
    by_okrug: list[GroupTotals]
    by_campaign: list[GroupTotals]
    by_month: list[GroupTotals]


def compute(store: Store, kato: Kato, period: Period, accepted_only: bool) -> DashboardData:
    """Worker side: the figures of the period (one read of the monthly sums, grouped three ways)."""
    statuses = [Status.ACCEPTED] if accepted_only else None
    by_okrug, by_campaign, by_month = store.district_breakdowns(
        period, kato, [("okrug",), ("campaign",), ("month",)], statuses
    )
    total = GroupTotals({})
    for row in by_okrug:
        total.actions += row.actions
        total.participants += row.participants
        total.area_m2 += row.area_m2
        total.trees += row.trees
        for fraction, kg in row.kg_by_fraction.items():
            total.kg_by_fraction[fraction] = total.kg_by_fraction.get(fraction, 0) + kg
    return DashboardData(period, total, by_okrug, by_campaign, by_month)


def trend_series(data: DashboardData, lang: str) -> tuple[list[str], list[float]]:
    """The bars of the monthly trend: every month of a year, or the months of a shorter period."""
    locale = locale_for(lang)
    months = [f"{data.period.start.year}-{m:02d}" for m in range(1, 13)]
    by_month = {row.group["month"]: row for row in data.by_month}
    if data.period.end.month != 1 or data.period.end.year != data.period.start.year + 1:
        months = sorted(by_month) or months[:1]
    labels = [locale.standaloneMonthName(int(m[5:]), QLocale.FormatType.ShortFormat) for m in months]
    values = [float(kg_to_tonnes(by_month[m].total_kg)) if m in by_month else 0.0 for m in months]
    return labels, values


def fraction_slices(data: DashboardData, reference: ReferenceData, lang: str) -> list[Slice]:
    """The ring's slices: tonnes by kind of waste, the largest first."""
    slices = []
    for code, kg in sorted(data.total.kg_by_fraction.items(), key=lambda item: -item[1]):
        fraction = reference.fraction(code)
        slices.append(Slice(fraction.name(lang) if fraction else code, float(kg_to_tonnes(kg))))
    return slices


def magnitude(value: Decimal | int, lang: str) -> str:
    """A big figure as the national report says it: 844 мың, 1,1 млн (kk); 844 тыс., 1,1 млн
    (ru); 844 thousand, 1.1 million (en)."""
    number = Decimal(value)
    words = {"kk": ("мың", "млн"), "ru": ("тыс.", "млн"), "en": ("thousand", "million")}[lang]
    if number >= 1_000_000:
        return f"{format_decimal(number / 1_000_000, lang, 1)} {words[1]}"
    if number >= 10_000:
        return f"{format_decimal(number / 1_000, lang, 1)} {words[0]}"
    if number == number.to_integral():
        return format_int(int(number), lang)
    return format_decimal(number, lang, 1 if number >= 100 else 2)


class DashboardView(QWidget):
    computed = Signal()
    # okrug, period (YYYY-MM or YYYY), campaign, status choice of the review ("all" or "accepted")
    open_records = Signal(object, str, object, str)

    def __init__(
        self,
        store: Store,
        kato: Kato,
        reference: ReferenceData,
        district: str,
        tasks: Tasks,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.store, self.kato, self.reference, self.district, self.tasks = (
            store,
            kato,
            reference,
            district,
            tasks,
        )
        self._today = today
        self.data: DashboardData | None = None
        self._generation = 0
        self._build()
        self.retranslate()
        self.refresh()

    def _build(self) -> None:
        self.year = QComboBox()
        this_year = self._today().year
        for year in range(this_year, this_year - 3, -1):
            self.year.addItem(str(year), year)
        self.month = QComboBox()
        self.month.addItem("", None)
        for month in range(1, 13):
            self.month.addItem("", month)
        self.accepted_only = QCheckBox()
        for combo in (self.year, self.month):
            # as wide as its longest entry in the language shown ("Весь год", "Жыл бойы", "Whole year")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self.refresh)
        self.accepted_only.toggled.connect(self.refresh)
        choose = QHBoxLayout()
        choose.setSpacing(SPACING)
        choose.addWidget(self.year)
        choose.addWidget(self.month)
        choose.addWidget(self.accepted_only)
        choose.addStretch(1)

        self.headline = QLabel()
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        self.subline = set_role(QLabel(), "muted")
        self.subline.setWordWrap(True)
        self.trend = BarChart()
        self.fractions = DonutChart()
        self._cards = (self._card(self.trend), self._card(self.fractions))
        self.okrug_title = set_role(QLabel(), "sectionTitle")
        self.campaign_title = set_role(QLabel(), "sectionTitle")
        self.okrug_table = _table()
        self.campaign_table = _table()
        self.okrug_table.clicked.connect(lambda index: self._row_clicked(self.okrug_table, "okrug", index))
        self.campaign_table.clicked.connect(
            lambda index: self._row_clicked(self.campaign_table, "campaign", index)
        )
        self._grid = QGridLayout()
        self._grid.setSpacing(SPACING * 3 // 2)
        self._narrow: bool | None = None
        self._arrange(narrow=False)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(SPACING * 2, SPACING * 2, SPACING * 2, SPACING * 2)
        column.setSpacing(SPACING * 3 // 2)
        column.addLayout(choose)
        column.addWidget(self.headline)
        column.addWidget(self.subline)
        column.addLayout(self._grid)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)
        self.load_failed = LoadFailed(self.refresh)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.load_failed)
        outer.addWidget(self.scroll)

    def _arrange(self, narrow: bool) -> None:
        """Charts side by side over the two tables; or, narrow, everything in one column."""
        if narrow == self._narrow:
            return
        self._narrow = narrow
        grid = self._grid
        parts = (*self._cards, self.okrug_title, self.okrug_table, self.campaign_title, self.campaign_table)
        for part in parts:
            grid.removeWidget(part)
        for c in range(2):
            grid.setColumnStretch(c, 0)
        if narrow:
            for r, part in enumerate(parts):
                grid.addWidget(part, r, 0)
            grid.setColumnStretch(0, 1)
            return
        grid.addWidget(self._cards[0], 0, 0)
        grid.addWidget(self._cards[1], 0, 1)
        grid.addWidget(self.okrug_title, 1, 0)
        grid.addWidget(self.campaign_title, 1, 1)
        grid.addWidget(self.okrug_table, 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.campaign_table, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)  # even: the campaigns' names need the room as much as the okrugs'
        grid.setColumnStretch(1, 1)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._arrange(narrow=event.size().width() < SIDE_BY_SIDE)
        super().resizeEvent(event)

    def _row_clicked(self, table: QTableWidget, key: str, index: QModelIndex) -> None:
        item = table.item(index.row(), 0)
        if self.data is None or item is None:
            return
        code = item.data(GROUP_ROLE)
        period = self.data.period
        whole_year = period.start.month == 1 and period.end.year == period.start.year + 1
        status = "accepted" if self.accepted_only.isChecked() else "all"
        self.open_records.emit(
            code if key == "okrug" else None,
            f"{period.start:%Y}" if whole_year else f"{period.start:%Y-%m}",
            code if key == "campaign" else None,
            status,
        )

    @staticmethod
    def _card(chart: QWidget) -> QWidget:
        card = QWidget()
        set_role(card, "card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        layout.addWidget(chart)
        card.setMinimumHeight(240)
        return card

    # -- the figures ------------------------------------------------------------------------------------

    def period(self) -> Period:
        year = self.year.currentData() or self._today().year
        month = self.month.currentData()
        return Period.month(year, month) if month else Period.year(year)

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        store, kato, period, accepted = self.store, self.kato, self.period(), self.accepted_only.isChecked()
        self.tasks.run(
            lambda: compute(store, kato, period, accepted),
            lambda data: self._show(generation, data),
            lambda exc: self._failed(generation, exc),
        )

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.load_failed.failed(exc)

    def _show(self, generation: int, data: DashboardData) -> None:
        if generation != self._generation:
            return
        self.load_failed.loaded()
        self.data = data
        self.retranslate()
        self.computed.emit()

    def retranslate(self) -> None:
        self.year.setToolTip(self.tr("The year the totals are for"))
        self.month.setToolTip(self.tr("One month of the year, or the whole year"))
        self.accepted_only.setToolTip(
            self.tr("Count only the records you have accepted, not those waiting for review")
        )
        lang = current_language()
        locale = locale_for(lang)
        self.month.setItemText(0, self.tr("Whole year"))
        for i in range(1, self.month.count()):
            name = locale.standaloneMonthName(i, QLocale.FormatType.LongFormat)
            self.month.setItemText(i, name[:1].upper() + name[1:])
        self.accepted_only.setText(self.tr("Only records I have accepted"))
        self.okrug_title.setText(self.tr("By rural okrug"))
        self.campaign_title.setText(self.tr("By campaign"))
        for table in (self.okrug_table, self.campaign_table):
            table.setToolTip(self.tr("Click a row to open its records in the review"))
        self.trend.empty_text = self.fractions.empty_text = self.tr("Nothing recorded in this period.")
        data = self.data
        if data is None:
            self.headline.setText(self.tr("Counting…"))
            return
        total = data.total
        self.headline.setText(
            self.tr("{tonnes} of waste collected, {hectares} cleaned, {people}").format(
                tonnes=count("tonnes", magnitude(kg_to_tonnes(total.total_kg), lang)).text(lang),
                hectares=count("hectares", magnitude(m2_to_hectares(total.area_m2), lang)).text(lang),
                people=count("participants", magnitude(total.participants, lang)).text(lang),
            )
        )
        self.subline.setText(
            self.tr("%n clean-up action(s)", "", total.actions)
            + " · "
            + self.tr("{trees} planted").format(trees=count("trees", total.trees).text(lang))
            + " · "
            + self._period_text(data.period, lang)
        )
        labels, values = trend_series(data, lang)
        self.trend.set_data(
            self.tr("Waste collected by month, t"),
            labels,
            values,
            lambda v: format_decimal(Decimal(str(v)), lang, 1),
        )
        self.fractions.set_data(
            self.tr("Waste by kind, t"),
            fraction_slices(data, self.reference, lang),
            lambda v: format_decimal(Decimal(str(v)), lang, 1),
        )
        self._fill(self.okrug_table, data.by_okrug, "okrug", lang, total)
        self._fill(self.campaign_table, data.by_campaign, "campaign", lang, total)

    def _period_text(self, period: Period, lang: str) -> str:
        if period.start.month == 1 and period.end.year == period.start.year + 1:
            return self.tr("year {year}").format(year=period.start.year)
        name = locale_for(lang).standaloneMonthName(period.start.month, QLocale.FormatType.LongFormat)
        return f"{name[:1].upper()}{name[1:]} {period.start.year}"

    def _fill(
        self, table: QTableWidget, rows: list[GroupTotals], key: str, lang: str, total: GroupTotals
    ) -> None:
        """One row per okrug (or campaign), and the district's total in bold under them."""
        headers = [
            self.tr("Rural okrug") if key == "okrug" else self.tr("Campaign"),
            self.tr("Actions"),
            self.tr("Participants"),
            self.tr("Tonnes"),
            self.tr("Hectares"),
            self.tr("Trees"),
        ]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setSortingEnabled(False)  # while filling: it would move a row as its cells are set
        table.setRowCount(len(rows) + 1 if rows else 0)
        bold = table.font()
        bold.setBold(True)
        for r, row in enumerate([*rows, total] if rows else []):
            code = row.group.get(key, "")
            if r == len(rows):
                name = self.tr("Total")
            elif key == "okrug":
                place = self.kato.get(code)
                name = place.name(lang) if place else code
            else:
                found = self.reference.campaign(code)
                name = found.name(lang) if found else code
            cells = [
                name,
                format_int(row.actions, lang),
                format_int(row.participants, lang),
                format_tonnes(row.total_kg, lang, fixed=True),
                format_hectares(row.area_m2, lang, fixed=True),
                format_int(row.trees, lang),
            ]
            values = [BY_NAME, row.actions, row.participants, row.total_kg, row.area_m2, row.trees]
            for c, text in enumerate(cells):
                item = SortItem(text, values[c], pinned=r == len(rows))  # the total stays under the rows
                if not c:
                    item.setData(GROUP_ROLE, code if r < len(rows) else None)
                if r == len(rows):
                    item.setFont(bold)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        table.setSortingEnabled(True)  # sorted again by the heading chosen, if any
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.updateGeometry()  # as tall as its rows now: the page scrolls, not the table

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class _WholeTable(QTableWidget):
    """A table as tall as all its rows, with no vertical scroll bar: in the page's scroll area the
    wheel over it scrolls the page (a table that scrolled itself would take the wheel first)."""

    def sizeHint(self):  # type: ignore[no-untyped-def]
        hint = super().sizeHint()
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        bar = self.horizontalScrollBar()
        extra = bar.sizeHint().height() if bar.isVisible() else 0
        hint.setHeight(self.horizontalHeader().height() + rows + 2 * self.frameWidth() + extra)
        return hint

    def minimumSizeHint(self):  # type: ignore[no-untyped-def]
        least = super().minimumSizeHint()
        least.setHeight(self.sizeHint().height())
        return least

    def wheelEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if abs(event.angleDelta().y()) >= abs(event.angleDelta().x()):
            event.ignore()  # up and down belong to the page
            return
        super().wheelEvent(event)


def _table() -> QTableWidget:
    table = _WholeTable()
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    table.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
    sortable(table)
    return table
