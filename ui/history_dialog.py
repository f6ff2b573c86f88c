"""A record's history, as the store keeps it: every state it was ever in, newest last — who made
the change (here or the server), when (the laptop's time), the status, and what changed from the
step before. Read-only: it only shows what is already stored."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.i18n import translate as domain_text
from fieldapp.models import CleanupAction
from fieldapp.moments import format_moment
from fieldapp.queries import HistoryEntry, short_id
from ui.i18n import current_language
from ui.style import SPACING, set_role

# What a step may change, with the catalogue's label of each.
_COMPARED = (
    ("action_date", "field.action_date"),
    ("settlement", "field.settlement"),
    ("campaign", "field.campaign"),
    ("place", "field.place"),
    ("participants", "field.participants"),
    ("waste", "field.waste"),
    ("area_m2", "field.area"),
    ("trees", "field.trees"),
    ("gps", "field.gps"),
    ("photos", "field.photos"),
    ("reporter", "field.reporter"),
    ("notes", "field.notes"),
    ("review_comment", "field.review_comment"),
)


def changed_fields(before: CleanupAction | None, after: CleanupAction, lang: str) -> str:
    if before is None:
        return ""
    return ", ".join(
        domain_text(key, lang) for name, key in _COMPARED if getattr(before, name) != getattr(after, name)
    )


def _local_time(recorded_at: str) -> str:
    try:
        return format_moment(recorded_at)
    except ValueError:
        return recorded_at


class HistoryDialog(QDialog):
    def __init__(self, entries: list[HistoryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = entries
        self.heading = set_role(QLabel(), "cardTitle")
        self.heading.setWordWrap(True)
        self.note = set_role(QLabel(), "muted")
        self.note.setWordWrap(True)
        self.table = QTableWidget(len(entries), 5)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING * 2, SPACING * 2, SPACING * 2, SPACING * 2)
        layout.setSpacing(SPACING)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 420)
        self.retranslate()

    def retranslate(self) -> None:
        lang = current_language()
        self.setWindowTitle(self.tr("History of the record"))
        record = self.entries[-1].action if self.entries else None
        self.heading.setText(
            self.tr("Record {id}: %n step(s)", "", len(self.entries)).format(
                id=short_id(str(record.id)) if record else ""
            )
        )
        self.note.setText(
            self.tr("Every version the record has had is kept on this laptop; the newest is last.")
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("What happened"),
                self.tr("Where"),
                self.tr("Status"),
                self.tr("What changed"),
            ]
        )
        before: CleanupAction | None = None
        for row, entry in enumerate(self.entries):
            action = entry.action
            what = domain_text(f"event.{entry.event}", lang)
            if what == f"event.{entry.event}":
                what = entry.event  # an event this version does not name: shown as stored
            cells = [
                _local_time(entry.recorded_at),
                what,
                self.tr("on this laptop") if entry.origin == "local" else self.tr("on the server"),
                domain_text(f"status.{action.status.value}", lang),
                changed_fields(before, action, lang),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                comment = action.review_comment
                if column == 4 and comment and before is not None and comment != before.review_comment:
                    item.setToolTip(comment)
                self.table.setItem(row, column, item)
            before = action
        self.table.resizeRowsToContents()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
