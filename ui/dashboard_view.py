"""The district at a glance, for a chosen year or month: the headline figures as the national report
words them ("12,4 мың тонна қалдық жиналды…"), the monthly trend, the share of each waste fraction,
and tables by okrug and by campaign. Computed off the GUI thread from the district copy."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.district import GroupTotals
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
        charts = QHBoxLayout()
        charts.addWidget(self._card(self.trend), 3)
        charts.addWidget(self._card(self.fractions), 2)
        self.okrug_title = set_role(QLabel(), "sectionTitle")
        self.campaign_title = set_role(QLabel(), "sectionTitle")
        self.okrug_table = _table()
        self.campaign_table = _table()
        tables = QGridLayout()
        tables.addWidget(self.okrug_title, 0, 0)
        tables.addWidget(self.campaign_title, 0, 1)
        tables.addWidget(self.okrug_table, 1, 0)
        tables.addWidget(self.campaign_table, 1, 1)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(SPACING * 2, SPACING * 2, SPACING * 2, SPACING * 2)
        column.setSpacing(SPACING * 3 // 2)
        column.addLayout(choose)
        column.addWidget(self.headline)
        column.addWidget(self.subline)
        column.addLayout(charts, 1)
        column.addLayout(tables, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.load_failed = LoadFailed(self.refresh)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.load_failed)
        outer.addWidget(scroll)

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
        self.trend.empty_text = self.fractions.empty_text = self.tr("Nothing recorded in this period.")
        data = self.data
        if data is None:
            self.headline.setText(self.tr("Counting…"))
            return
        total = data.total
        self.headline.setText(
            self.tr(
                "{tonnes} tonnes of waste collected, {hectares} hectares cleaned, {people} participants"
            ).format(
                tonnes=magnitude(kg_to_tonnes(total.total_kg), lang),
                hectares=magnitude(m2_to_hectares(total.area_m2), lang),
                people=magnitude(total.participants, lang),
            )
        )
        self.subline.setText(
            self.tr("%n clean-up action(s)", "", total.actions)
            + " · "
            + self.tr("{trees} trees planted").format(trees=format_int(total.trees, lang))
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
                if r == len(rows):
                    item.setFont(bold)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        table.setSortingEnabled(True)  # sorted again by the heading chosen, if any
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _table() -> QTableWidget:
    table = QTableWidget()
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setMinimumHeight(180)
    sortable(table)
    return table
