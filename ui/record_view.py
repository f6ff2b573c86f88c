"""One record shown as it is, read only (the other record a duplicate warning names), and the
question the form asks when the settlement already has a record of that campaign, day and place:
each other record is a link that opens it, without leaving the question."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.i18n import translate as domain_text
from fieldapp.kato import Kato
from fieldapp.models import CleanupAction
from fieldapp.numbers import format_int
from fieldapp.queries import short_id
from fieldapp.reference import ReferenceData
from fieldapp.units import format_hectares, format_tonnes
from ui.i18n import current_language
from ui.style import GREEN, MUTED, SPACING, set_role


class RecordView(QDialog):
    """A record's figures, read only. Escape or Close closes it."""

    def __init__(
        self, record: CleanupAction, kato: Kato, reference: ReferenceData, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.record, self._kato, self._reference = record, kato, reference
        self.title = set_role(QLabel(), "cardTitle")
        self.title.setWordWrap(True)
        self.body = QLabel()
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING * 2, SPACING * 2, SPACING * 2, SPACING * 2)
        layout.setSpacing(SPACING)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(SPACING * 50)
        self.retranslate()

    def lines(self) -> list[tuple[str, str]]:
        record, lang = self.record, current_language()
        settlement = self._kato.get(record.settlement)
        campaign = self._reference.campaign(record.campaign)
        rows = [
            (self.tr("Date"), f"{record.action_date:%d.%m.%Y}"),
            (self.tr("Settlement"), settlement.name(lang) if settlement else record.settlement),
            (self.tr("Campaign"), campaign.name(lang) if campaign else record.campaign),
            (self.tr("Place"), record.place),
            (self.tr("Participants"), format_int(record.participants, lang)),
        ]
        for amount in record.waste:
            fraction = self._reference.fraction(amount.fraction)
            name = fraction.name(lang) if fraction else amount.fraction
            rows.append((name, f"{format_tonnes(amount.kg, lang)} {domain_text('unit.tonnes', lang)}"))
        if record.area_m2:
            rows.append((self.tr("Area, ha"), format_hectares(record.area_m2, lang)))
        if record.trees:
            rows.append((self.tr("Trees"), format_int(record.trees, lang)))
        rows += [
            (self.tr("Photos"), format_int(len(record.photos), lang) if record.photos else ""),
            (self.tr("Reported by"), record.reporter),
            (self.tr("Notes"), record.notes),
            (self.tr("Status"), domain_text(f"status.{record.status.value}", lang)),
        ]
        return [(label, value) for label, value in rows if value]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Record {id}").format(id=short_id(str(self.record.id))))
        self.title.setText(self.windowTitle())
        self.body.setText(
            "<table cellspacing='4'>"
            + "".join(
                f"<tr><td style='color:{MUTED}'>{escape(label)}</td><td>{escape(value)}</td></tr>"
                for label, value in self.lines()
            )
            + "</table>"
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class DuplicateQuestion(QDialog):
    """ "This settlement already has a record of this campaign on this day at this place": save
    this one too, or go back. Each other record is a link that opens it (``open_other(index)``)."""

    def __init__(
        self,
        title: str,
        text: str,
        others: list[str],
        yes: str,
        no: str,
        open_other: Callable[[int, QWidget], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        question = QLabel(text)
        question.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING * 2, SPACING * 2, SPACING * 2, SPACING * 2)
        layout.setSpacing(SPACING)
        layout.addWidget(question)
        self.links: list[QPushButton] = []
        for index, line in enumerate(others):
            link = QPushButton(f"→ {line}")
            link.setFlat(True)
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.setStyleSheet(
                f"QPushButton {{ text-align: left; color: {GREEN}; text-decoration: underline; }}"
            )
            link.setAutoDefault(False)
            link.setEnabled(open_other is not None)
            if open_other is not None:
                link.setToolTip(self.tr("Open this record to compare (the form stays as it is)"))
                link.clicked.connect(lambda _=False, i=index: open_other(i, self))
            layout.addWidget(link)
            self.links.append(link)
        buttons = QDialogButtonBox()
        self.yes_button = buttons.addButton(yes, QDialogButtonBox.ButtonRole.AcceptRole)
        self.no_button = buttons.addButton(no, QDialogButtonBox.ButtonRole.RejectRole)
        self.no_button.setDefault(True)
        self.yes_button.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(SPACING * 55)
