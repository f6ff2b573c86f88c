"""A date typed as a person types it, or picked from a calendar.

QDateEdit edits a date section by section: typing «28112026» into it fills the day, then the
month (28 is no month: it keeps what it can) and gives 02.08.2026 without a word. Here the text is
read whole when the field is left (``28112026``, ``28.11.2026``, ``28/11/26``, ``2026-11-28``
alike, see :func:`fieldapp.entry.parse_date`) and written back as 28.11.2026; beside it the weekday
and how long ago it was («Wednesday · 5 days ago») say at a glance whether it is the day meant.
What is wrong with the date (not a date, in the future, before the programme) the form says
beside the field, as for every other field: :meth:`value` gives the text when it is not a date.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from fieldapp.entry import parse_date
from ui.i18n import current_language
from ui.style import SPACING, set_role

DISPLAY = "%d.%m.%Y"


class DateField(QWidget):
    """``dateChanged`` when a new date has been read (typed and left, or picked); ``edited`` on
    every keystroke (the form re-checks what it showed as wrong)."""

    dateChanged = Signal(object)  # datetime.date
    edited = Signal()
    editingFinished = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._minimum = date(1900, 1, 1)
        self._maximum = date(9999, 12, 31)
        self._date: date | None = None
        self.edit = QLineEdit()
        self.edit.setMaxLength(10)
        self.edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9 ./\-]{0,10}"), self))
        self.edit.setInputMethodHints(Qt.InputMethodHint.ImhPreferNumbers)
        self.edit.setFixedWidth(self.edit.fontMetrics().horizontalAdvance("00.00.00000") + 24)
        self.edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.edit.editingFinished.connect(self._read)
        self.edit.textEdited.connect(lambda _: self.edited.emit())
        self.edit.installEventFilter(self)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(False)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.menu = QMenu(self)
        holder = QWidgetAction(self.menu)
        holder.setDefaultWidget(self.calendar)
        self.menu.addAction(holder)
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.open_calendar)
        self.hint = set_role(QLabel(), "muted")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING // 2)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        layout.addSpacing(SPACING)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.edit)
        self.invalid_target = self.edit  # what the form marks red when the date is wrong
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.retranslate()

    # -- the API the form uses (QDateEdit's names) -----------------------------------------------

    def setDateRange(self, minimum: QDate, maximum: QDate) -> None:
        self._minimum, self._maximum = minimum.toPython(), maximum.toPython()
        self.calendar.setDateRange(minimum, maximum)

    def minimumDate(self) -> QDate:
        return QDate(self._minimum)

    def maximumDate(self) -> QDate:
        return QDate(self._maximum)

    def setDate(self, value: QDate | date) -> None:
        """A date chosen by the program or the calendar: kept within the range."""
        chosen = value.toPython() if isinstance(value, QDate) else value
        self._set(min(max(chosen, self._minimum), self._maximum))

    def date(self) -> QDate:
        """The date last read (an invalid QDate while the text is not a date)."""
        return QDate(self._date) if self._date is not None else QDate()

    def value(self) -> date | str:
        """What the form saves: the date, or the text as typed when it is not one (the form then
        says so beside the field)."""
        text = self.edit.text().strip()
        try:
            return parse_date(text) if text else ""
        except ValueError:
            return text

    def text(self) -> str:
        return self.edit.text()

    # -- reading ---------------------------------------------------------------------------------

    def _read(self) -> None:
        text = self.edit.text().strip()
        if self._date is not None and text == self._date.strftime(DISPLAY):
            return
        try:
            found: date | None = parse_date(text) if text else None
        except ValueError:
            found = None
        if found is None:
            changed = self._date is not None
            self._date = None
            self._show_hint()
            if changed:
                self.dateChanged.emit(None)
            self.editingFinished.emit()
            return
        self._set(found)  # out of range it stays, and the form says what is wrong with it
        self.editingFinished.emit()

    def _set(self, value: date) -> None:
        changed = value != self._date
        self._date = value
        self.edit.setText(value.strftime(DISPLAY))
        self._show_hint()
        if changed:
            self.dateChanged.emit(value)

    def _picked(self, value: QDate) -> None:
        self.menu.hide()
        self.setDate(value)
        self.editingFinished.emit()
        self.edit.setFocus()

    def open_calendar(self) -> None:
        if self._date is not None and self._minimum <= self._date <= self._maximum:
            self.calendar.setSelectedDate(QDate(self._date))
        self.menu.popup(self.mapToGlobal(self.edit.geometry().bottomLeft()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down step a day, Page Up and Page Down a month; Alt+Down or F4 opens the calendar."""
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, alt = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
                self.open_calendar()
                return True
            steps = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}
            months = {Qt.Key.Key_PageUp: 1, Qt.Key.Key_PageDown: -1}
            if key in steps or key in months:
                self._read()
                base = QDate(self._date or self._today)
                moved = base.addDays(steps[key]) if key in steps else base.addMonths(months[key])
                self.setDate(moved)
                self.edited.emit()
                return True
        return super().eventFilter(watched, event)

    # -- texts -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("dd.mm.yyyy"))
        self.button.setToolTip(self.tr("Choose on a calendar (F4)"))
        self.edit.setToolTip(
            self.tr("Type the date as 28.11.2026 or 28112026; Up and Down arrows change it by a day")
        )
        self.calendar.setLocale(QLocale(current_language()))
        self._show_hint()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_hint(self) -> None:
        self.hint.setText(self.describe(self._date) if self._date is not None else "")

    def describe(self, value: date) -> str:
        """«Wednesday · 5 days ago»: the weekday in the window's language, and how far back."""
        day_name = QLocale(current_language()).dayName(
            QDate(value).dayOfWeek(), QLocale.FormatType.LongFormat
        )
        day_name = day_name[:1].upper() + day_name[1:]
        days = (self._today - value).days
        if days == 0:
            when = self.tr("today")
        elif days == 1:
            when = self.tr("yesterday")
        elif days < 0:
            when = self.tr("in %n day(s)", "", -days)
        else:
            when = self.tr("%n day(s) ago", "", days)
        return f"{day_name} · {when}"
