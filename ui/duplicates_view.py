"""Likely duplicates: records of one settlement, day and campaign, side by side, so the coordinator
can return the one that repeats the other (the village then deletes or corrects it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldapp.district import Decision
from fieldapp.kato import Kato
from fieldapp.models import CleanupAction, Status
from fieldapp.numbers import format_int
from fieldapp.queries import ActionSummary
from fieldapp.reference import ReferenceData
from fieldapp.store import Store
from fieldapp.units import format_hectares, format_tonnes
from ui.i18n import current_language
from ui.style import SPACING, set_role
from ui.tasks import Tasks


class DuplicatesView(QWidget):
    decided = Signal()

    def __init__(
        self, store: Store, kato: Kato, reference: ReferenceData, tasks: Tasks, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.kato, self.reference, self.tasks = store, kato, reference, tasks
        self.groups: list[list[ActionSummary]] = []
        self.confirm: Callable[[str], bool] = lambda comment: True
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show_group)
        self.intro = set_role(QLabel(), "muted")
        self.intro.setWordWrap(True)
        self.grid_holder = QWidget()
        self.grid = QGridLayout(self.grid_holder)
        self.grid.setHorizontalSpacing(SPACING * 3)
        self.grid.setVerticalSpacing(SPACING)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_holder)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.intro)
        column.addWidget(scroll, 1)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING * 2, SPACING * 2, SPACING * 2, SPACING)
        layout.addWidget(splitter)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        store = self.store
        self.tasks.run(store.duplicate_groups, self._show_groups)

    def _show_groups(self, groups: list[list[ActionSummary]]) -> None:
        self.groups = groups
        self.retranslate()
        if groups:
            self.list.setCurrentRow(0)

    def retranslate(self) -> None:
        lang = current_language()
        self.intro.setText(
            self.tr(
                "These records share a settlement, a day and a campaign: perhaps one action was entered "
                "twice. Return the one that repeats the other; the village will delete or correct it."
            )
            if self.groups
            else self.tr("No likely duplicates in the district.")
        )
        current = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for group in self.groups:
            first = group[0]
            place = self.kato.get(first.settlement)
            campaign = self.reference.campaign(first.campaign)
            text = self.tr("{date} · {place} · {campaign}: %n record(s)", "", len(group)).format(
                date=first.action_date.strftime("%d.%m.%Y"),
                place=place.name(lang) if place else first.settlement,
                campaign=campaign.name(lang) if campaign else first.campaign,
            )
            self.list.addItem(QListWidgetItem(text))
        self.list.blockSignals(False)
        if 0 <= current < self.list.count():
            self.list.setCurrentRow(current)
        self._show_group(self.list.currentRow())

    def _show_group(self, index: int) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        if not 0 <= index < len(self.groups):
            return
        lang = current_language()
        records = [r for r in (self.store.get(s.id) for s in self.groups[index]) if r is not None]
        rows = [
            (self.tr("Participants"), lambda a: format_int(a.participants, lang)),
            (self.tr("Waste, t"), lambda a: format_tonnes(a.total_kg, lang)),
            (self.tr("Area, ha"), lambda a: format_hectares(a.area_m2, lang)),
            (self.tr("Trees"), lambda a: format_int(a.trees, lang)),
            (self.tr("Photos"), lambda a: str(len(a.photos))),
            (self.tr("Place"), lambda a: a.place),
            (self.tr("Reported by"), lambda a: a.reporter),
            (self.tr("Record"), lambda a: str(a.id)[-8:]),
        ]
        for r, (label, _) in enumerate(rows, start=1):
            self.grid.addWidget(set_role(QLabel(label), "muted"), r, 0)
        for c, record in enumerate(records, start=1):
            title = set_role(QLabel(self.tr("Record {n}").format(n=c)), "cardTitle")
            self.grid.addWidget(title, 0, c)
            for r, (_, value) in enumerate(rows, start=1):
                text = QLabel(value(record))
                text.setWordWrap(True)
                self.grid.addWidget(text, r, c)
            button = QPushButton(self.tr("Return as a duplicate"))
            button.setEnabled(record.status is Status.SENT)
            others = [str(o.id)[-8:] for o in records if o.id != record.id]
            button.clicked.connect(lambda _=False, a=record, o=others: self._return(a, o))
            holder = QHBoxLayout()
            holder.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.grid.addLayout(holder, len(rows) + 1, c)
        self.grid.setRowStretch(len(rows) + 2, 1)

    def _return(self, record: CleanupAction, others: list[str]) -> None:
        comment = self.tr(
            "This looks like the same action as record {others}. Delete this one if it repeats it, "
            "or correct it and send it again."
        ).format(others=", ".join(others))
        if not self.confirm(comment):
            return
        decision = Decision(str(record.id), record.revision, Status.RETURNED, comment)
        store = self.store
        self.tasks.run(lambda: store.queue_decisions([decision]), lambda _: self._decided())

    def _decided(self) -> None:
        self.decided.emit()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
