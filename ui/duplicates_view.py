"""Likely duplicates: records of one settlement, day, campaign and place, side by side, so the
coordinator can return the one that repeats the other (the village then deletes or corrects it),
or say that they are different actions ("Not duplicates": the group is hidden, and the server keeps
who said so and when; see :mod:`fieldapp.duplicates`)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldapp.district import Decision
from fieldapp.i18n import FieldAppError
from fieldapp.kato import Kato
from fieldapp.models import CleanupAction, Status
from fieldapp.numbers import format_int
from fieldapp.queries import ActionSummary
from fieldapp.reference import ReferenceData
from fieldapp.store import Store
from fieldapp.units import format_hectares, format_tonnes
from ui.bitmaps import load_bitmap, to_pixmap
from ui.failures import LoadFailed
from ui.i18n import current_language
from ui.review_table import ReviewTableModel
from ui.style import SPACING, set_role
from ui.tasks import Tasks

log = logging.getLogger(__name__)

THUMB = 96


class DuplicatesView(QWidget):
    decided = Signal()

    def __init__(
        self,
        store: Store,
        kato: Kato,
        reference: ReferenceData,
        tasks: Tasks,
        thumb_path: Callable[[str], Path] | None = None,
        parent: QWidget | None = None,
        who: Callable[[], str] = lambda: "",
    ) -> None:
        super().__init__(parent)
        self.store, self.kato, self.reference, self.tasks = store, kato, reference, tasks
        self._thumb_path = thumb_path
        self._who = who
        self._shown: tuple[list[str], list[CleanupAction]] | None = None  # ids, records
        self.groups: list[list[ActionSummary]] = []
        self.places: list[str] = []  # the place each group names ("" when none)
        self.confirm: Callable[[str], bool] = lambda comment: True
        self.confirm_different: Callable[[int], bool] = self._ask_different
        self.list = QListWidget()
        self.list.setWordWrap(True)  # a group's line wraps in a narrow window, not cut off
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.currentRowChanged.connect(self._show_group)
        self.intro = set_role(QLabel(), "muted")
        self.intro.setWordWrap(True)
        self.not_duplicates = QPushButton()
        self.not_duplicates.clicked.connect(self._dismiss_current)
        self.not_duplicates_hint = set_role(QLabel(), "muted")
        self.not_duplicates_hint.setWordWrap(True)
        group_bar = QHBoxLayout()
        group_bar.setSpacing(SPACING * 2)
        group_bar.addWidget(self.not_duplicates, 0, Qt.AlignmentFlag.AlignTop)
        group_bar.addWidget(self.not_duplicates_hint, 1)
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
        column.addLayout(group_bar)
        column.addWidget(scroll, 1)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        self.load_failed = LoadFailed(self.refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING * 2, SPACING * 2, SPACING * 2, SPACING)
        layout.addWidget(self.load_failed)
        layout.addWidget(splitter)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        store = self.store

        def read() -> list[tuple[list[ActionSummary], str]]:
            return [(group, store.group_place(group)) for group in store.duplicate_groups()]

        self.tasks.run(read, self._show_groups, self.load_failed.failed)

    def _show_groups(self, found: list[tuple[list[ActionSummary], str]]) -> None:
        self.load_failed.loaded()
        self.groups = [group for group, _ in found]
        self.places = [place for _, place in found]
        self._shown = None  # statuses may have changed
        self.retranslate()
        if self.groups:
            self.list.setCurrentRow(0)

    def retranslate(self) -> None:
        lang = current_language()
        self.intro.setText(
            self.tr(
                "These records share a settlement, a day, a campaign and a place: perhaps one action was "
                "entered twice. Return the one that repeats the other; the village will delete or "
                "correct it."
            )
            if self.groups
            else self.tr("No likely duplicates in the district.")
        )
        self.not_duplicates.setText(self.tr("Not duplicates"))
        self.not_duplicates.setToolTip(
            self.tr("These are different actions: stop showing them here, on every laptop of the district")
        )
        self.not_duplicates_hint.setText(
            self.tr(
                "Different actions after all? Say so: the group is no longer shown, and the server "
                "keeps who said it and when."
            )
        )
        current = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for group, spot in zip(self.groups, self.places or [""] * len(self.groups), strict=True):
            first = group[0]
            place = self.kato.get(first.settlement)
            campaign = self.reference.campaign(first.campaign)
            name = place.name(lang) if place else first.settlement
            text = self.tr("{date} · {place} · {campaign}: %n record(s)", "", len(group)).format(
                date=first.action_date.strftime("%d.%m.%Y"),
                place=f"{name}, {spot}" if spot else name,
                campaign=campaign.name(lang) if campaign else first.campaign,
            )
            item = QListWidgetItem(text)
            item.setToolTip(text)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if 0 <= current < self.list.count():
            self.list.setCurrentRow(current)
        self._show_group(self.list.currentRow())

    def _show_group(self, index: int) -> None:
        """The group's records side by side (read off the GUI thread, kept for a language change)."""
        has_group = 0 <= index < len(self.groups)
        self.not_duplicates.setVisible(has_group)
        self.not_duplicates_hint.setVisible(has_group)
        if not has_group:
            self._lay_out([])
            return
        ids = [s.id for s in self.groups[index]]
        if self._shown is not None and self._shown[0] == ids:
            self._lay_out(self._shown[1])
            return
        store = self.store

        def read() -> list[CleanupAction]:
            return [r for r in (store.get(i) for i in ids) if r is not None]

        def shown(records: list[CleanupAction]) -> None:
            self._shown = (ids, records)
            if self.list.currentRow() == index:
                self._lay_out(records)

        self.tasks.run(read, shown, self.load_failed.failed)

    def _lay_out(self, records: list[CleanupAction]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
            elif item.layout() is not None:
                _clear(item.layout())
        if not records:
            return
        lang = current_language()
        rows = [
            (self.tr("Participants"), lambda a: format_int(a.participants, lang)),
            (self.tr("Waste, t"), lambda a: format_tonnes(a.total_kg, lang)),
            (self.tr("Area, ha"), lambda a: format_hectares(a.area_m2, lang)),
            (self.tr("Trees"), lambda a: format_int(a.trees, lang)),
            (self.tr("Photos"), lambda a: str(len(a.photos)) if a.photos else self.tr("none")),
            (self.tr("Place"), lambda a: a.place),
            (self.tr("Reported by"), lambda a: a.reporter),
            (self.tr("Record"), lambda a: str(a.id)[-8:]),
            (self.tr("Status"), lambda a: ReviewTableModel.review_status(a.status)),
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
            self.grid.addLayout(self._thumbnails(record), len(rows) + 1, c)
            button = QPushButton(self.tr("Return as a duplicate"))
            button.setEnabled(record.status is Status.SENT)
            others = [str(o.id)[-8:] for o in records if o.id != record.id]
            button.clicked.connect(lambda _=False, a=record, o=others: self._return(a, o))
            holder = QHBoxLayout()
            holder.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.grid.addLayout(holder, len(rows) + 2, c)
        self.grid.setRowStretch(len(rows) + 3, 1)

    def _thumbnails(self, record: CleanupAction) -> QHBoxLayout:
        """The record's first photos, small, to compare at a glance (loaded off the GUI thread)."""
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        if self._thumb_path is None:
            return row
        ratio = self.devicePixelRatioF()
        box = (round(THUMB * ratio), round(THUMB * ratio))
        for photo in record.photos[:3]:
            label = QLabel()
            label.setFixedSize(THUMB, THUMB)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            set_role(label, "muted")
            row.addWidget(label)
            path = self._thumb_path(photo.sha256)

            def shown(bitmap, label: QLabel = label) -> None:  # type: ignore[no-untyped-def]
                with contextlib.suppress(RuntimeError):  # the group was left meanwhile
                    if bitmap is None:
                        label.setText(self.tr("not yet"))
                    else:
                        label.setPixmap(to_pixmap(bitmap, ratio))

            def failed(exc: BaseException, label: QLabel = label) -> None:
                log.warning("thumbnail cannot be shown: %s", exc)
                with contextlib.suppress(RuntimeError):
                    label.setText(self.tr("cannot be shown"))

            self.tasks.run(lambda p=path: load_bitmap(p, box=box) if p.is_file() else None, shown, failed)
        row.addStretch(1)
        return row

    def _return(self, record: CleanupAction, others: list[str]) -> None:
        comment = self.tr(
            "This looks like the same action as record {others}. Delete this one if it repeats it, "
            "or correct it and send it again."
        ).format(others=", ".join(others))
        if not self.confirm(comment):
            return
        decision = Decision(str(record.id), record.revision, Status.RETURNED, comment)
        store = self.store
        self.tasks.run(lambda: store.queue_decisions([decision]), lambda _: self._decided(), self._failed)

    def _ask_different(self, count: int) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Not duplicates"),
            self.tr(
                "Are these %n records different actions? The group is no longer shown as likely "
                "duplicates, here and on the other laptops of the district.",
                "",
                count,
            ),
            parent=self,
        )
        yes = box.addButton(self.tr("Different actions"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(no)
        box.exec()
        return box.clickedButton() is yes

    def _dismiss_current(self) -> None:
        """The coordinator's "Not duplicates" for the group shown: hidden now, sent with the next sync."""
        index = self.list.currentRow()
        if not 0 <= index < len(self.groups):
            return
        ids = [s.id for s in self.groups[index]]
        if not self.confirm_different(len(ids)):
            return
        store, who = self.store, self._who()
        self.tasks.run(lambda: store.dismiss_duplicates(ids, who), lambda _: self._decided(), self._failed)

    def _decided(self) -> None:
        self.decided.emit()
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        """The decision was not kept: say why, and show the group as it now stands."""
        if not isinstance(exc, FieldAppError):
            log.error("deciding on a likely duplicate failed", exc_info=exc)
        text = (
            exc.text(current_language()) if isinstance(exc, FieldAppError) else str(exc) or type(exc).__name__
        )
        QMessageBox.warning(self, self.tr("Return as a duplicate"), text)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _clear(layout) -> None:  # type: ignore[no-untyped-def]
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())
