"""Before an export: what is exported, of which period (the dashboard's), and in which language.

The period is said in words and in days («Наурыз 2026 · 01.03.2026 – 31.03.2026»), so that a
coordinator who chose a month on the dashboard and forgot it does not send the year's file.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from fieldapp.queries import Period
from ui.filter_bar import month_name
from ui.i18n import LANGUAGE_NAMES, current_language
from ui.style import set_role

REPORT_LANGUAGES = ("kk", "ru", "en")


def period_days(period: Period) -> str:
    return f"{period.start:%d.%m.%Y} – {period.end - timedelta(days=1):%d.%m.%Y}"


class ExportDialog(QDialog):
    """Says what will be exported and of which period; asks the language of the file."""

    def __init__(self, what: str, period: Period, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lang = current_language()
        self.period = period
        self.what = QLabel(what)
        set_role(self.what, "sectionTitle")
        self.what.setWordWrap(True)
        self.period_label = QLabel()
        self.period_value = QLabel(f"<b>{self.period_words(period, lang)}</b> · {period_days(period)}")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        set_role(self.hint, "muted")
        self.language_label = QLabel()
        self.language = QComboBox()
        for code in REPORT_LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(REPORT_LANGUAGES.index(lang) if lang in REPORT_LANGUAGES else 0)
        self.language_label.setBuddy(self.language)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.period_label, self.period_value)
        form.addRow("", self.hint)
        form.addRow(self.language_label, self.language)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Export"))
        self.period_label.setText(self.tr("Period:"))
        self.hint.setText(self.tr("The period chosen on the Dashboard tab: change it there for another one."))
        self.language_label.setText(self.tr("&Language of the file:"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Choose where to save…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.setMinimumWidth(440)

    def period_words(self, period: Period, lang: str) -> str:
        """«Наурыз 2026», «2026 жыл», or (another span) its first and last days."""
        if period == Period.month(period.start.year, period.start.month):
            return month_name(period.start.year, period.start.month, lang)
        if period == Period.year(period.start.year):
            return self.tr("The year {year}").format(year=period.start.year)
        return period_days(period)

    def chosen_language(self) -> str:
        return str(self.language.currentData())
