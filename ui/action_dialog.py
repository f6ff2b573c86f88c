"""The clean-up action form: its layout and how it shows problems. What happens on Save is the
editor's business (:mod:`ui.action_editor`).

Every input sits with a small error line under it; :meth:`ActionDialog.show_report` puts each
problem of a validation report beside its field (the report names fields as the model does:
``participants``, ``waste.plastic``...) and a summary at the bottom. Numbers are typed as text in
the language's convention (decimal comma in Kazakh and Russian) and parsed by the domain.
"""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldapp import models
from fieldapp.entry import ActionEntry
from fieldapp.kato import Kato
from fieldapp.models import Status
from fieldapp.reference import ReferenceData
from fieldapp.units import QuantityError, format_tonnes, parse_tonnes
from fieldapp.validation import Issue, Report
from ui.date_field import DateField
from ui.i18n import current_language
from ui.photo_strip import PhotoStrip
from ui.settlement_box import SettlementBox
from ui.style import SPACING, set_invalid, set_role


class Field(QWidget):
    """An input with its error line under it."""

    def __init__(self, *inputs: QWidget, suffix: QLabel | None = None) -> None:
        super().__init__()
        self.inputs = inputs
        self.error = set_role(QLabel(), "error")
        self.error.setWordWrap(True)
        self.error.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACING)
        for widget in inputs:
            row.addWidget(widget)
        if suffix is not None:
            row.addWidget(suffix)
        if not any(w.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Expanding for w in inputs):
            row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error)

    def show_issues(self, texts: list[str]) -> None:
        self.error.setText("\n".join(texts))
        self.error.setVisible(bool(texts))
        for widget in self.inputs:
            # a compound input (the date: text, calendar button, hint) marks its text box
            set_invalid(getattr(widget, "invalid_target", widget), bool(texts))


def _card(title: QLabel, body: QWidget | QFormLayout | QGridLayout | QVBoxLayout) -> QFrame:
    card = QFrame()
    set_role(card, "card")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(SPACING * 2, SPACING * 3 // 2, SPACING * 2, SPACING * 2)
    layout.setSpacing(SPACING)
    layout.addWidget(title)
    if isinstance(body, QWidget):
        layout.addWidget(body)
    else:
        layout.addLayout(body)
    return card


def _number_edit(width_chars: int = 9) -> QLineEdit:
    edit = QLineEdit()
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
    edit.setMaxLength(16)
    edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("0") * width_chars + 24)
    edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return edit


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setHorizontalSpacing(SPACING * 2)
    form.setVerticalSpacing(SPACING)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    return form


TWO_COLUMNS_WIDTH = 1000  # logical pixels


class ActionDialog(QDialog):
    """The form. ``save_requested`` carries the status the user chose (draft or ready)."""

    save_requested = Signal(object)  # Status
    discard_requested = Signal()
    field_changed = Signal(str, bool)  # the field's name (as the report names it), left
    history_requested = Signal()

    def __init__(
        self,
        kato: Kato,
        reference: ReferenceData,
        okrug: str,
        photo_strip: PhotoStrip,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._reference = reference
        self._campaign_codes: list[str] = []
        self._today = today or date.today()
        self._issues_by_field: dict[str, list[Issue]] = {}
        self._general: list[Issue] = []
        self.setModal(True)
        self.setMinimumSize(640, 420)

        # -- where and when --
        self.settlement = SettlementBox(kato, okrug)
        self.settlement.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.action_date = DateField(self._today)
        self.action_date.setDateRange(QDate(models.EARLIEST_DATE), QDate(self._today))
        self.action_date.setDate(QDate(self._today))
        self.campaign = QComboBox()
        self.campaign.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.place = QLineEdit()
        self.place.setMaxLength(models.MAX_PLACE_CHARS)
        self.place.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        # -- people and results --
        self.participants = _number_edit(7)
        self.area = _number_edit(9)
        self.trees = _number_edit(7)
        self.lat = _number_edit(10)
        self.lon = _number_edit(10)
        self.gps_note = set_role(QLabel(), "muted")
        self.reporter = QLineEdit()
        self.reporter.setMaxLength(models.MAX_REPORTER_CHARS)
        self.reporter.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 16)

        # -- waste by fraction --
        self.waste: dict[str, QLineEdit] = {}
        self.waste_fields: dict[str, Field] = {}
        self.waste_labels: dict[str, QLabel] = {}
        self.waste_total = set_role(QLabel(), "cardTitle")
        for fraction in reference.active_fractions():
            edit = _number_edit(9)
            edit.textChanged.connect(self._update_total)
            self.waste[fraction.code] = edit

        self.photos = photo_strip
        self.photos.location_found.connect(self._fill_location)

        self._build_layout()
        self.retranslate()
        self._connect_live_checks()

    # -- layout ------------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.banner = QFrame()
        set_role(self.banner, "banner")
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(SPACING * 3 // 2, SPACING, SPACING * 3 // 2, SPACING)
        banner_layout.addWidget(self.banner_text)
        self.banner.hide()

        self.fields: dict[str, Field] = {
            "settlement": Field(self.settlement),
            "action_date": Field(self.action_date),
            "campaign": Field(self.campaign),
            "place": Field(self.place),
            "participants": Field(self.participants),
            "area_m2": Field(self.area, suffix=self._unit_label("ha")),
            "trees": Field(self.trees),
            "gps": Field(self.lat, self.lon, suffix=self.gps_note),
            "reporter": Field(self.reporter),
            "notes": Field(self.notes),
        }
        self.labels: dict[str, QLabel] = {name: QLabel() for name in self.fields}
        for name, label in self.labels.items():
            label.setBuddy(self.fields[name].inputs[0])

        where = _form()
        for name in ("settlement", "action_date", "campaign", "place"):
            where.addRow(self.labels[name], self.fields[name])
        people = _form()
        people.addRow(self._figures_row())
        for name in ("gps", "reporter", "notes"):
            people.addRow(self.labels[name], self.fields[name])

        waste = QGridLayout()
        waste.setHorizontalSpacing(SPACING)
        waste.setVerticalSpacing(SPACING // 2)
        for row, (code, edit) in enumerate(self.waste.items()):
            self.waste_labels[code] = QLabel()
            self.waste_labels[code].setBuddy(edit)
            self.waste_fields[code] = Field(edit, suffix=self._unit_label("t"))
            waste.addWidget(self.waste_labels[code], row, 0)
            waste.addWidget(self.waste_fields[code], row, 1)
        self.waste_error = set_role(QLabel(), "error")
        self.waste_error.setWordWrap(True)
        self.waste_error.hide()
        waste.addWidget(self.waste_total, len(self.waste), 0, 1, 2)
        waste.addWidget(self.waste_error, len(self.waste) + 1, 0, 1, 2)
        waste.setColumnStretch(1, 1)

        self.where_title = set_role(QLabel(), "sectionTitle")
        self.people_title = set_role(QLabel(), "sectionTitle")
        self.waste_title = set_role(QLabel(), "sectionTitle")
        self.photos_title = set_role(QLabel(), "sectionTitle")
        left = QVBoxLayout()
        left.setSpacing(SPACING * 3 // 2)
        left.addWidget(_card(self.where_title, where))
        left.addWidget(_card(self.people_title, people))
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(SPACING * 3 // 2)
        right.addWidget(_card(self.waste_title, waste))
        right.addWidget(_card(self.photos_title, self.photos), 1)
        self.columns = columns = QHBoxLayout()
        columns.setSpacing(SPACING * 3 // 2)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)

        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(SPACING * 2, SPACING * 2, SPACING * 2, SPACING)
        body.setSpacing(SPACING * 3 // 2)
        body.addWidget(self.banner)
        body.addLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        self.error_box = QFrame()
        set_role(self.error_box, "errorBox")
        self.error_text = QLabel()
        self.error_text.setWordWrap(True)
        error_layout = QHBoxLayout(self.error_box)
        error_layout.setContentsMargins(SPACING * 3 // 2, SPACING, SPACING * 3 // 2, SPACING)
        error_layout.addWidget(self.error_text)
        self.error_box.hide()

        self.history_button = QPushButton()
        self.history_button.setAutoDefault(False)
        self.history_button.clicked.connect(self.history_requested.emit)
        self.history_button.hide()  # a record being edited has one
        self.cancel_button = QPushButton()
        self.draft_button = QPushButton()
        self.ready_button = QPushButton()
        self.ready_button.setProperty("primary", True)
        self.ready_button.setDefault(True)
        for button in (self.cancel_button, self.draft_button):
            button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.draft_button.clicked.connect(lambda: self.save_requested.emit(Status.DRAFT))
        self.ready_button.clicked.connect(lambda: self.save_requested.emit(Status.READY))
        QShortcut(QKeySequence("Ctrl+Return"), self, lambda: self.save_requested.emit(Status.READY))
        QShortcut(QKeySequence.StandardKey.Save, self, lambda: self.save_requested.emit(Status.DRAFT))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(SPACING * 2, 0, SPACING * 2, SPACING * 2)
        buttons.setSpacing(SPACING)
        message_area = QWidget()  # always there, so the buttons keep their size when it is empty
        message_layout = QHBoxLayout(message_area)
        message_layout.setContentsMargins(0, 0, 0, 0)
        message_layout.addWidget(self.error_box)
        buttons.addWidget(self.history_button)
        buttons.addWidget(message_area, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.ready_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self._set_tab_order()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        QTimer.singleShot(0, self.settlement.setFocus)  # ready to type, keyboard only

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Two columns side by side when there is room, one above the other when not (a
        1366-pixel screen at 150 % scaling): the form scrolls down, never sideways."""
        super().resizeEvent(event)
        direction = (
            QBoxLayout.Direction.LeftToRight
            if self.width() >= TWO_COLUMNS_WIDTH
            else QBoxLayout.Direction.TopToBottom
        )
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)

    def _figures_row(self) -> QGridLayout:
        """Participants, area and trees side by side, each label above its input."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACING * 3)
        grid.setVerticalSpacing(2)
        for column, name in enumerate(("participants", "area_m2", "trees")):
            grid.addWidget(self.labels[name], 0, column)
            grid.addWidget(self.fields[name], 1, column, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(3, 1)
        return grid

    def _unit_label(self, unit: str) -> QLabel:
        label = set_role(QLabel(), "muted")
        label.setProperty("unit", unit)
        return label

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.settlement,
            self.action_date.edit,
            self.campaign,
            self.place,
            self.participants,
            self.area,
            self.trees,
            self.lat,
            self.lon,
            self.reporter,
            self.notes,
            *self.waste.values(),
            self.photos,
            self.ready_button,
            self.draft_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- texts -------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.settlement.setToolTip(self.tr("The village of your rural okrug where the action took place"))
        self.action_date.setToolTip(
            self.tr("The day of the action, typed as dd.mm.yyyy or picked in the calendar")
        )
        self.campaign.setToolTip(
            self.tr("The programme's campaign the action was part of (subbotnik, World Cleanup Day…)")
        )
        self.place.setToolTip(self.tr("Where exactly: a street, a park, a river bank"))
        self.participants.setToolTip(self.tr("How many people took part, volunteers included"))
        self.area.setToolTip(self.tr("The area cleaned, in hectares (up to 2 decimals)"))
        self.trees.setToolTip(self.tr("Trees and seedlings planted; 0 if none"))
        self.lat.setToolTip(
            self.tr("Latitude in degrees (for example 43.25); filled from a photo's GPS when it has one")
        )
        self.lon.setToolTip(
            self.tr("Longitude in degrees (for example 77.05); filled from a photo's GPS when it has one")
        )
        self.reporter.setToolTip(self.tr("Who fills in the record: the coordinator sees this name"))
        self.notes.setToolTip(self.tr("Anything the coordinator should know about this action"))
        lang = current_language()
        self.where_title.setText(self.tr("Where and when"))
        self.people_title.setText(self.tr("People and results"))
        self.waste_title.setText(self.tr("Waste collected, tonnes"))
        self.photos_title.setText(self.tr("Photos"))
        texts = {
            "settlement": self.tr("&Settlement"),
            "action_date": self.tr("&Date"),
            "campaign": self.tr("&Campaign"),
            "place": self.tr("P&lace"),
            "participants": self.tr("&Participants"),
            "area_m2": self.tr("&Area cleaned"),
            "trees": self.tr("&Trees planted"),
            "gps": self.tr("&GPS (lat., long.)"),
            "reporter": self.tr("&Reported by"),
            "notes": self.tr("&Notes"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        for label in self.findChildren(QLabel):
            unit = label.property("unit")
            if unit == "ha":
                label.setText(self.tr("ha"))
            elif unit == "t":
                label.setText(self.tr("t"))
        self.place.setPlaceholderText(self.tr("e.g. the river bank by the school"))
        self.settlement.lineEdit().setPlaceholderText(self.tr("Type a name in Kazakh or Russian"))
        self.lat.setPlaceholderText(self.tr("latitude"))
        self.lon.setPlaceholderText(self.tr("longitude"))
        for fraction in self._reference.active_fractions():
            self.waste_labels[fraction.code].setText(fraction.name(lang))
            hint = fraction.hint(lang)
            self.waste_labels[fraction.code].setToolTip(hint or "")
            tonnes = self.tr("{fraction}: tonnes collected, up to 3 decimals (0.25 t is 250 kg)")
            self.waste[fraction.code].setToolTip(tonnes.format(fraction=fraction.name(lang)))
        self._fill_campaigns(lang)
        self.cancel_button.setText(self.tr("Cancel"))
        self.history_button.setText(self.tr("&History…"))
        self.history_button.setToolTip(self.tr("Every version of this record, as stored on this laptop"))
        self.draft_button.setText(self.tr("Save as draft"))
        self.draft_button.setToolTip(self.tr("Keep it on this laptop to finish later (Ctrl+S)"))
        self.ready_button.setText(self.tr("Save, ready to send"))
        self.ready_button.setToolTip(self.tr("It will be sent at the next connection (Ctrl+Enter)"))
        self._update_total()
        self._render_issues()

    def set_title(self, editing: bool) -> None:
        self._editing = editing
        self.history_button.setVisible(editing)
        self.setWindowTitle(self.tr("Edit clean-up action") if editing else self.tr("New clean-up action"))

    def _fill_campaigns(self, lang: str) -> None:
        current = self.campaign.currentData()
        codes = [c.code for c in self._reference.active_campaigns()]
        if current and current not in codes:
            codes.append(current)  # an old record's retired campaign stays choosable
        self.campaign.blockSignals(True)
        self.campaign.clear()
        self.campaign.addItem(self.tr("Choose a campaign…"), "")
        for code in codes:
            campaign = self._reference.campaign(code)
            self.campaign.addItem(campaign.name(lang) if campaign else code, code)
        self.campaign.setCurrentIndex(max(0, self.campaign.findData(current)))
        self.campaign.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.set_title(getattr(self, "_editing", False))
        super().changeEvent(event)

    # -- reading and filling -----------------------------------------------------------------------

    def load(self, entry: ActionEntry) -> None:
        if entry.settlement:
            self.settlement.set_code(entry.settlement)
        if isinstance(entry.action_date, date):
            self.action_date.setDate(QDate(entry.action_date))
        self.campaign.setCurrentIndex(max(0, self.campaign.findData(entry.campaign)))
        if entry.campaign and self.campaign.findData(entry.campaign) < 0:
            self._fill_campaigns(current_language())
        self.place.setText(entry.place)
        self.participants.setText(entry.participants)
        self.area.setText(entry.area_ha)
        self.trees.setText(entry.trees)
        self.lat.setText(entry.lat)
        self.lon.setText(entry.lon)
        self.reporter.setText(entry.reporter)
        self.notes.setPlainText(entry.notes)
        for code, edit in self.waste.items():
            edit.setText(entry.waste.get(code, ""))
        self.photos.set_photos(entry.photos)

    def entry(self, status: Status) -> ActionEntry:
        return ActionEntry(
            settlement=self.settlement.code(),
            action_date=self.action_date.value(),
            campaign=self.campaign.currentData() or "",
            participants=self.participants.text(),
            waste={code: edit.text() for code, edit in self.waste.items()},
            area_ha=self.area.text(),
            trees=self.trees.text(),
            place=self.place.text(),
            lat=self.lat.text(),
            lon=self.lon.text(),
            notes=self.notes.toPlainText(),
            reporter=self.reporter.text(),
            photos=self.photos.photos(),
            status=status,
        )

    def settlement_typed_but_unknown(self) -> bool:
        return not self.settlement.code() and bool(self.settlement.currentText().strip())

    def set_banner(self, text: str) -> None:
        self.banner_text.setText(text)
        self.banner.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        for button in (self.ready_button, self.draft_button):
            button.setEnabled(not busy)

    # -- problems ----------------------------------------------------------------------------------

    def show_report(self, report: Report | None) -> None:
        """Show each problem beside its field, and how many there are at the bottom."""
        self._issues_by_field = {}
        self._general = []
        for issue in report.issues if report else []:
            target = self._target(issue.field)
            if target is None:
                self._general.append(issue)
            else:
                self._issues_by_field.setdefault(target, []).append(issue)
        self._render_issues()
        first = next(
            (
                self.fields.get(name) or self.waste_fields.get(name.split(".", 1)[-1])
                for name in self._issues_by_field
            ),
            None,
        )
        if first is not None and report and report.errors:
            first.inputs[0].setFocus()

    def show_error(self, text: str) -> None:
        """A problem that is not about one field (the store refused, a file is unreadable)."""
        self.error_text.setText(text)
        self.error_box.setVisible(bool(text))

    def _target(self, field: str) -> str | None:
        if field in self.fields or field == "waste":
            return field
        if field.startswith("waste.") and field.split(".", 1)[1] in self.waste:
            return field
        return None

    def _render_issues(self) -> None:
        lang = current_language()
        for name, field in self.fields.items():
            field.show_issues([i.text(lang) for i in self._issues_by_field.get(name, [])])
        for code, field in self.waste_fields.items():
            field.show_issues([i.text(lang) for i in self._issues_by_field.get(f"waste.{code}", [])])
        waste_texts = [i.text(lang) for i in self._issues_by_field.get("waste", [])]
        self.waste_error.setText("\n".join(waste_texts))
        self.waste_error.setVisible(bool(waste_texts))
        errors = sum(1 for issues in self._issues_by_field.values() for i in issues if i.severity == "error")
        lines = [i.text(lang) for i in self._general]
        if errors:
            lines.insert(0, self.tr("%n field(s) need correcting: see the red notes above.", "", errors))
        self.show_error("\n".join(lines))

    # -- small helpers -----------------------------------------------------------------------------

    def _update_total(self) -> None:
        lang = current_language()
        total = 0
        for edit in self.waste.values():
            try:
                total += parse_tonnes(edit.text(), lang) if edit.text().strip() else 0
            except QuantityError:
                continue
        self.waste_total.setText(self.tr("Total: {tonnes} t").format(tonnes=format_tonnes(total, lang)))

    def _fill_location(self, lat: float, lon: float, name: str) -> None:
        if self.lat.text().strip() or self.lon.text().strip():
            return
        lang = current_language()
        mark = "," if lang in ("kk", "ru") else "."
        self.lat.setText(f"{lat:.6f}".replace(".", mark))
        self.lon.setText(f"{lon:.6f}".replace(".", mark))
        self.gps_note.setText(self.tr("from {photo}").format(photo=name))

    def _connect_live_checks(self) -> None:
        """Tell the editor as each field changes (``left`` False) and when it is left (True): a
        message beside a field is checked again as it is corrected, and a field just left says at
        once what is wrong with it, without waiting for Save."""
        edits: dict[str, QLineEdit] = {
            "place": self.place,
            "participants": self.participants,
            "area_m2": self.area,
            "trees": self.trees,
            "gps": self.lat,
            "reporter": self.reporter,
        }
        edits.update({f"waste.{code}": edit for code, edit in self.waste.items()})
        for name, edit in edits.items():
            edit.textEdited.connect(lambda _, n=name: self._tell(n, False))
            edit.editingFinished.connect(lambda n=name: self._tell(n, True))
        self.lon.textEdited.connect(lambda _: self._tell("gps", False))
        self.lon.editingFinished.connect(lambda: self._tell("gps", True))
        self.notes.textChanged.connect(lambda: self._tell("notes", False))
        self.action_date.edited.connect(lambda: self._tell("action_date", False))
        self.action_date.editingFinished.connect(lambda: self._tell("action_date", True))
        self.campaign.currentIndexChanged.connect(lambda _: self._tell("campaign", True))
        self.settlement.currentTextChanged.connect(lambda _: self._tell("settlement", False))
        self.settlement.lineEdit().editingFinished.connect(lambda: self._tell("settlement", True))

    def _tell(self, name: str, left: bool) -> None:
        # A field loses its focus as the form closes and is taken apart: nothing to check then.
        if self.isVisible():
            self.field_changed.emit(name, left)

    def recheck(self, report: Report, changed: str, left: bool) -> None:
        """Check again what is shown as wrong (it goes once corrected, or says the new problem);
        a field just left shows what is wrong with it — except that it is still empty, which is
        said on Save (a person may fill the fields in any order)."""
        by_field: dict[str, list[Issue]] = {}
        general: list[Issue] = []
        for issue in report.issues:
            target = self._target(issue.field)
            if target is None:
                general.append(issue)
            else:
                by_field.setdefault(target, []).append(issue)
        for name in list(self._issues_by_field):
            if by_field.get(name):
                self._issues_by_field[name] = by_field[name]
            else:
                del self._issues_by_field[name]
        if self._general:
            self._general = general
        if left and changed not in self._issues_by_field:
            found = [i for i in by_field.get(changed, []) if not i.code.endswith(".required")]
            if found:
                self._issues_by_field[changed] = found
        self._render_issues()

    def reject(self) -> None:
        self.discard_requested.emit()

    def close_without_asking(self) -> None:
        super().reject()
