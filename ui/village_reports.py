"""What a village sends or prints besides its records: a month in which nothing was done (so the
district sees «nothing done» rather than «missing»), the month's report as a PDF for the akim, and a
receipt for a record the district accepted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.district import NilReportData
from fieldapp.i18n import FieldAppError
from fieldapp.store import Store
from ui.filter_bar import month_name
from ui.i18n import current_language
from ui.style import SPACING, error_box, set_role
from ui.tasks import Tasks

MONTHS_BACK = 12


def recent_months(today: date, count: int = MONTHS_BACK) -> list[str]:
    """This month and the ``count - 1`` before it, newest first, as YYYY-MM."""
    months = []
    year, month = today.year, today.month
    for _ in range(count):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


def month_label(month: str, lang: str) -> str:
    return month_name(int(month[:4]), int(month[5:7]), lang)


class MonthsState:
    """Which recent months of an okrug have records, and which were reported as «nothing done»."""

    def __init__(self, store: Store, okrug: str, today: date) -> None:
        months = recent_months(today)
        first, last = months[-1], months[0]
        self.months = months
        self.with_records = {m for o, m in store.reported_months(first, last) if o == okrug}
        self.nil = {r.month: r for r in store.nil_reports(okrug) if not r.withdrawn and r.month >= first}

    def open_months(self) -> list[str]:
        """The months that can still be reported as «nothing done»."""
        return [m for m in self.months if m not in self.with_records and m not in self.nil]


class NilReportDialog(QDialog):
    """«Nothing was done in …»: the month, a short reason, and what was reported before."""

    filed = Signal(object)  # NilReportData

    def __init__(
        self,
        store: Store,
        okrug: str,
        tasks: Tasks,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.store, self.okrug, self.tasks = store, okrug, tasks
        self._today = today
        self.state: MonthsState | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.month = QComboBox()
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        self.month_label, self.note_label = QLabel(), QLabel()
        self.month_label.setBuddy(self.month)
        self.note_label.setBuddy(self.note)
        form = QFormLayout()
        form.setSpacing(SPACING)
        form.addRow(self.month_label, self.month)
        form.addRow(self.note_label, self.note)
        self.earlier = set_role(QLabel(), "muted")
        self.earlier.setWordWrap(True)
        self.earlier.hide()
        self.error_box, self.error = error_box()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.file)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING * 3 // 2)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.earlier)
        layout.addWidget(self.error_box)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        store_, okrug_, today_ = store, okrug, today()
        self.tasks.run(lambda: MonthsState(store_, okrug_, today_), self._show_state, self._failed)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("A month with nothing done"))
        self.intro.setText(
            self.tr(
                "If no clean-up was held in a month, say so here: the district then sees «nothing done» "
                "for that month instead of «missing». If you log an action for the month later, this "
                "report is withdrawn by itself."
            )
        )
        self.month_label.setText(self.tr("&Month"))
        self.note_label.setText(self.tr("&Reason (optional)"))
        self.note.setPlaceholderText(self.tr("For example: deep snow, the roads were closed"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Report"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_state(self, state: MonthsState) -> None:
        self.state = state
        self._fill()

    def _fill(self) -> None:
        if self.state is None:
            return
        lang = current_language()
        chosen = self.month.currentData()
        self.month.clear()
        for month in self.state.open_months():
            self.month.addItem(month_label(month, lang), month)
        if chosen is not None and self.month.findData(chosen) >= 0:
            self.month.setCurrentIndex(self.month.findData(chosen))
        has_choice = self.month.count() > 0
        self.month.setEnabled(has_choice)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(has_choice)
        lines = []
        if self.state.nil:
            reported = ", ".join(month_label(m, lang) for m in sorted(self.state.nil, reverse=True))
            lines.append(self.tr("Already reported as nothing done: {months}.").format(months=reported))
        if not has_choice:
            lines.append(self.tr("Every recent month has records or a report already."))
        self.earlier.setText(" ".join(lines))
        self.earlier.setVisible(bool(lines))

    def file(self) -> None:
        month = self.month.currentData()
        if not month:
            return
        store, okrug, note = self.store, self.okrug, self.note.text()
        self.buttons.setEnabled(False)
        self.tasks.run(lambda: store.file_nil_report(okrug, month, note), self._filed, self._failed)

    def _filed(self, report: NilReportData) -> None:
        self.buttons.setEnabled(True)
        self.filed.emit(report)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        text = exc.text(current_language()) if isinstance(exc, FieldAppError) else str(exc)
        self.error.setText(text)
        self.error_box.show()


class MonthChoiceDialog(QDialog):
    """Which month's report to print (the months with records first)."""

    def __init__(self, months: list[str], with_records: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.month = QComboBox()
        lang = current_language()
        for month in months:
            self.month.addItem(month_label(month, lang), month)
        first = next((i for i, m in enumerate(months) if m in with_records), 0)
        self.month.setCurrentIndex(first)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.month)
        layout.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignRight)
        self.setWindowTitle(self.tr("The month's report"))
        self.label.setText(self.tr("Which month?"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save as PDF…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.setMinimumWidth(360)

    def chosen(self) -> str:
        return str(self.month.currentData())
