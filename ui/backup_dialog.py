"""Choosing a backup to restore: the laptop's backups, newest first, with when each was made, its
kind, size and number of records. Restoring asks first; the window does the restore
(:meth:`ui.main_window.MainWindow.restore_from`)."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.backups import KEEP_DAILY, Backup, Kind, list_backups
from fieldapp.i18n import FieldAppError
from fieldapp.moments import local_moment
from fieldapp.numbers import format_bytes, format_int
from fieldapp.paths import DataPaths
from ui.i18n import current_language, locale_for
from ui.sorting import BY_NAME, SortItem, sortable
from ui.style import SPACING, error_box, set_role
from ui.tasks import Tasks


def backup_time(backup: Backup, lang: str) -> str:
    """When a backup was made, as the language writes a date and time."""
    local = local_moment(backup.taken_at)  # the laptop's clock, as every time the windows show
    moment = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return locale_for(lang).toString(moment, "d MMMM yyyy, HH:mm")


class BackupDialog(QDialog):
    """The list of backups; Restore asks for confirmation, then emits :attr:`chosen` and closes."""

    chosen = Signal(object)  # the Backup to restore, after the user confirmed

    def __init__(self, paths: DataPaths, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths, self.tasks = paths, tasks
        self.backups: list[Backup] | None = None  # None while they are read
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        sortable(self.table)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _: self.ask_restore())
        self.message = set_role(QLabel(), "muted")  # reading, or none yet
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.message)
        self.pages.addWidget(self.table)
        self.error_box, self.error = error_box()
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.ask_restore)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING * 3 // 2)
        layout.addWidget(self.intro)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error_box)
        layout.addWidget(self.buttons)
        self.setMinimumSize(640, 380)
        self.retranslate()
        paths_ = paths
        self.tasks.run(lambda: list_backups(paths_), self._show, self._failed)

    # -- texts -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.intro.setText(
            self.tr(
                "Taza Field backs up its data once a day when it starts and keeps the last {keep} "
                "daily backups. Choose the one to go back to. Photos are kept apart: restoring "
                "leaves them as they are."
            ).format(keep=KEEP_DAILY)
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Made"), self.tr("Kind"), self.tr("Size"), self.tr("Records")]
        )
        self.restore_button.setText(self.tr("Restore…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def kind_name(self, kind: Kind) -> str:
        return {
            Kind.DAILY: self.tr("Daily"),
            Kind.MANUAL: self.tr("Made by hand"),
            Kind.BEFORE_RESTORE: self.tr("Before a restore"),
            Kind.BEFORE_MIGRATION: self.tr("Before an update"),
            Kind.OTHER: self.tr("Other"),
        }[kind]

    # -- the list --------------------------------------------------------------------------------

    def _show(self, found: list[Backup]) -> None:
        self.backups = found
        self._fill()
        if found:
            self.table.selectRow(0)
            self.table.setFocus()

    def _failed(self, exc: BaseException) -> None:
        text = exc.text(current_language()) if isinstance(exc, FieldAppError) else str(exc)
        self.error.setText(text)
        self.error_box.show()

    def _fill(self) -> None:
        if self.backups is None:
            self.message.setText(self.tr("Reading the backups…"))
            self.pages.setCurrentWidget(self.message)
            return
        if not self.backups:
            self.message.setText(
                self.tr("There are no backups yet. The first is made a moment after Taza Field starts.")
            )
            self.pages.setCurrentWidget(self.message)
            return
        lang = current_language()
        row = self.table.currentRow()
        self.table.setSortingEnabled(False)  # while filling: it would move a row as its cells are set
        self.table.setRowCount(len(self.backups))
        for i, backup in enumerate(self.backups):
            records = "—" if backup.records is None else format_int(backup.records, lang)
            cells = [backup_time(backup, lang), self.kind_name(backup.kind), format_bytes(backup.size, lang)]
            values = [backup.taken_at, BY_NAME, backup.size, backup.records]
            for column, text in enumerate([*cells, records]):
                item = SortItem(text, values[column])
                item.setData(Qt.ItemDataRole.UserRole, i)  # which backup, wherever sorting puts it
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(backup.name)
                self.table.setItem(i, column, item)
        self.table.setSortingEnabled(True)  # sorted again by the heading chosen, if any
        if row >= 0:
            self.table.selectRow(row)
        self.pages.setCurrentWidget(self.table)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        if not self.backups or not rows:
            return None
        return self.backups[rows[0].data(Qt.ItemDataRole.UserRole)]

    # -- restoring -------------------------------------------------------------------------------

    def ask_restore(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        lang = current_language()
        records = "—" if backup.records is None else format_int(backup.records, lang)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Restore from a backup"),
            self.tr(
                "Replace the data on this laptop with the backup of {when} (records: {records})?\n\n"
                "Records saved after that moment will no longer be in the list; those already sent "
                "stay on the server. A copy of the current data is kept first: it appears in this "
                "list as «Before a restore», to go back to."
            ).format(when=backup_time(backup, lang), records=records),
            parent=self,
        )
        yes = box.addButton(self.tr("Replace the data"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        if box.clickedButton() is not yes:
            return
        self.chosen.emit(backup)
        self.accept()
