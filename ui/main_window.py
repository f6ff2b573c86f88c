"""The village official's main window: the list of clean-up actions with filters, the okrug's
totals beside it, what waits to be sent in the status bar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.i18n import FieldAppError, count, month_in_text
from fieldapp.kato import Kato
from fieldapp.models import Status
from fieldapp.outbox import HELD_CONFLICT, held_explanation
from fieldapp.paths import DataPaths
from fieldapp.photo_library import PhotoLibrary
from fieldapp.queries import ActionFilter, Period, short_id
from fieldapp.reference import ReferenceData
from fieldapp.settings import Settings
from fieldapp.store import Store
from fieldapp.support import stored_support
from sync.errors import SyncError
from ui.action_dialog import ActionDialog
from ui.action_editor import ActionEditor, Prompts
from ui.action_table import ActionTableModel, Column, sort_by_headers
from ui.conflict_dialog import ConflictDialog
from ui.enrol_dialog import EnrolDialog
from ui.failures import watch_store
from ui.filter_bar import FilterBar
from ui.help_window import GuideWindow, show_guide
from ui.i18n import LANGUAGE_NAMES, Translations, current_language
from ui.name_columns import NameColumns
from ui.photo_strip import PhotoStrip
from ui.status_panel import StatusPanel
from ui.style import SPACING, set_role
from ui.sync_controller import SyncController
from ui.tasks import Tasks
from ui.totals_panel import TotalsPanel
from ui.update_notice import UpdateNotice
from ui.village_reports import MonthChoiceDialog, MonthsState, NilReportDialog

log = logging.getLogger(__name__)

NARROW_WIDTH = 1100  # logical pixels: below this the totals panel folds into one line


class MainWindow(QMainWindow):
    def __init__(
        self,
        store: Store,
        library: PhotoLibrary,
        kato: Kato,
        reference: ReferenceData,
        settings: Settings,
        save_settings: Callable[[Settings], None],
        translations: Translations,
        tasks: Tasks | None = None,
        today: Callable[[], date] = date.today,
        sync: SyncController | None = None,
    ) -> None:
        super().__init__()
        assert settings.okrug, "the window needs the laptop's okrug"
        self.store, self.library, self.kato, self.reference = store, library, kato, reference
        self.settings, self._save_settings, self.translations = settings, save_settings, translations
        self.tasks = tasks or Tasks(self)
        # Without one given (tests), a controller that syncs only when asked.
        self.sync = sync or SyncController(
            store, library, DataPaths(store.path.parent), self.tasks, self, automatic=False
        )
        self._today = today
        self.prompts: Prompts = Prompts(self)
        self.editor: ActionEditor | None = None  # the open form, if any
        self._returned = 0
        self._attention = 0
        self._select_after_reload: str | None = None
        self._restoring = False  # a backup is being restored
        self._undo: list[tuple[str, int, str]] = []  # deletions to take back: id, tombstone revision, name
        self.delete_box: QMessageBox | None = None

        self.model = ActionTableModel(store, kato, reference, self.tasks, self)
        self.filters = FilterBar(reference, today=today())
        self.totals = TotalsPanel(store, reference, self.tasks, today=today())
        self._build()
        self.status = StatusPanel(self.statusBar(), store, self.tasks, self.sync)
        self._build_menus()
        self.retranslate()
        self.status.connect_requested.connect(self.enrol)
        self.sync.changed_records.connect(self.refresh)
        self.sync.state_changed.connect(self._sync_state_changed)
        self.sync.failed.connect(self._sync_failed)

        self.filters.changed.connect(self.model.set_filter)
        self.model.reloaded.connect(self._after_reload)
        self.model.failed.connect(self._show_failure)
        self.table.doubleClicked.connect(self.edit_selected)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.translations.changed.connect(self._language_changed)
        watch_store(self, store, self.tasks, self._writing_stopped)
        self.refresh()

    # -- building --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = set_role(QLabel(), "cardTitle")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.count = set_role(QLabel(), "muted")
        self.summary = set_role(QLabel(), "muted")  # the totals in one line, when the panel is hidden
        self.summary.hide()
        self.totals.summary_changed.connect(self.summary.setText)
        self.new_button = QPushButton()
        self.new_button.setProperty("primary", True)
        self.new_button.clicked.connect(self.new_action)
        top = QHBoxLayout()
        top.setSpacing(SPACING * 2)
        top.addWidget(self.heading)
        top.addWidget(self.count, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        top.addWidget(self.new_button)

        self.returned_banner = QFrame()
        set_role(self.returned_banner, "banner")
        self.returned_text = QLabel()
        self.returned_text.setWordWrap(True)
        self.returned_button = QPushButton()
        self.returned_button.clicked.connect(lambda: self.filters.show_status(Status.RETURNED))
        banner = QHBoxLayout(self.returned_banner)
        banner.setContentsMargins(SPACING * 3 // 2, SPACING, SPACING, SPACING)
        banner.addWidget(self.returned_text, 1)
        banner.addWidget(self.returned_button)
        self.returned_banner.hide()

        self.attention_banner = QFrame()
        set_role(self.attention_banner, "errorBox")
        self.attention_text = QLabel()
        self.attention_text.setWordWrap(True)
        self.attention_button = QPushButton()
        self.attention_button.clicked.connect(self.filters.show_attention)
        banner = QHBoxLayout(self.attention_banner)
        banner.setContentsMargins(SPACING * 3 // 2, SPACING, SPACING, SPACING)
        banner.addWidget(self.attention_text, 1)
        banner.addWidget(self.attention_button)
        self.attention_banner.hide()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + SPACING + 4)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.names = NameColumns(self.table, (Column.SETTLEMENT, Column.CAMPAIGN))
        sort_by_headers(self.table, self.model, self._keep_on_sort)

        self.empty = set_role(QLabel(), "muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.list_pages = QStackedWidget()
        self.list_pages.addWidget(self.table)
        self.list_pages.addWidget(self.empty)

        self.comment_bar = QFrame()
        set_role(self.comment_bar, "banner")
        self.comment_text = QLabel()
        self.comment_text.setWordWrap(True)
        self.comment_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        comment = QHBoxLayout(self.comment_bar)
        comment.setContentsMargins(SPACING * 3 // 2, SPACING, SPACING * 3 // 2, SPACING)
        comment.addWidget(self.comment_text)
        self.comment_bar.hide()

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(SPACING * 2, SPACING * 2, SPACING, SPACING)
        column.setSpacing(SPACING * 3 // 2)
        self.update_notice = UpdateNotice(self.store, self.tasks)  # a newer version exists
        column.addWidget(self.update_notice)
        column.addLayout(top)
        column.addWidget(self.summary)
        column.addWidget(self.filters)
        column.addWidget(self.attention_banner)
        column.addWidget(self.returned_banner)
        column.addWidget(self.list_pages, 1)
        column.addWidget(self.comment_bar)

        totals = QWidget()
        totals.setObjectName("totalsHolder")
        totals.setStyleSheet("#totalsHolder { background: transparent; }")
        side_layout = QVBoxLayout(totals)
        side_layout.setContentsMargins(SPACING, SPACING * 2, SPACING * 2, SPACING)
        side_layout.addWidget(self.totals)
        # The totals scroll when the window is short (the cards grow with longer kk/ru words).
        self.side = side = QScrollArea()
        side.setWidget(totals)
        side.setWidgetResizable(True)
        side.setFrameShape(QFrame.Shape.NoFrame)
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.viewport().setAutoFillBackground(False)
        side.setMinimumWidth(220)
        side.setMaximumWidth(340)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([1000, 280])
        self.setCentralWidget(splitter)

    def _build_menus(self) -> None:
        # A QAction's `triggered` hands its slot `checked` (False): a method with an optional
        # parameter (a month, a path, an index) is connected through a lambda that drops it.
        # tests/ui/test_every_menu_action.py triggers every item.
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_action_item = QAction(self, shortcut=QKeySequence.StandardKey.New, triggered=self.new_action)
        self.edit_action_item = QAction(self, triggered=lambda: self.edit_selected())
        self.edit_action_item.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.edit_action_item.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.edit_action_item)
        self.delete_action_item = QAction(self, triggered=self.delete_selected)
        self.delete_action_item.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action_item.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.delete_action_item)
        self.quit_item = QAction(self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        self.okrug_item = QAction(self, triggered=self.change_okrug)
        self.restore_item = QAction(self, triggered=self.restore_backup)
        for item in (self.new_action_item, self.edit_action_item, self.delete_action_item):
            self.file_menu.addAction(item)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.okrug_item)
        self.file_menu.addAction(self.restore_item)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_item)

        self.edit_menu = bar.addMenu("")
        self.undo_item = QAction(self, shortcut=QKeySequence.StandardKey.Undo, triggered=self.undo)
        self.edit_menu.addAction(self.undo_item)

        self.send_menu = bar.addMenu("")
        self.send_now_item = QAction(self, shortcut=QKeySequence(Qt.Key.Key_F9), triggered=self.sync.send_now)
        self.stop_sending_item = QAction(self, triggered=self.sync.cancel)
        self.enrol_item = QAction(self, triggered=lambda: self.enrol())
        self.bundle_item = QAction(self, triggered=lambda: self.export_bundle())
        self.send_menu.addAction(self.send_now_item)
        self.send_menu.addAction(self.stop_sending_item)
        self.send_menu.addSeparator()
        self.send_menu.addAction(self.bundle_item)
        self.send_menu.addSeparator()
        self.send_menu.addAction(self.enrol_item)
        self._sync_state_changed()

        self.reports_menu = bar.addMenu("")
        self.nil_item = QAction(self, triggered=self.report_nothing_done)
        self.month_pdf_item = QAction(self, triggered=lambda: self.export_month_report())
        self.receipt_item = QAction(self, triggered=lambda: self.export_receipt())
        for item in (self.nil_item, self.month_pdf_item, self.receipt_item):
            self.reports_menu.addAction(item)
        self.reports_menu.aboutToShow.connect(self._reports_menu_shown)

        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        group = QActionGroup(self)
        self.language_items: dict[str, QAction] = {}
        for lang, name in LANGUAGE_NAMES.items():
            item = QAction(name, self, checkable=True)
            item.triggered.connect(lambda _=False, code=lang: self.set_language(code))
            group.addAction(item)
            self.language_menu.addAction(item)
            self.language_items[lang] = item
        self.refresh_item = QAction(self, shortcut=QKeySequence.StandardKey.Refresh, triggered=self.refresh)
        self.view_menu.addAction(self.refresh_item)

        self.help_menu = bar.addMenu("")
        self.guide_item = QAction(
            self, shortcut=QKeySequence.StandardKey.HelpContents, triggered=self.show_guide
        )
        self.help_menu.addAction(self.guide_item)
        self.diagnostics_item = QAction(self, triggered=lambda: self.save_diagnostics())
        self.about_item = QAction(self, triggered=self.about)
        self.help_menu.addAction(self.diagnostics_item)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_item)

    # -- texts -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.returned_button.setToolTip(
            self.tr("List only the records the coordinator returned, to correct them")
        )
        self.attention_button.setToolTip(
            self.tr("List only the records the server refused or found edited in two places")
        )
        self.table.horizontalHeader().setToolTip(
            self.tr("Click a column heading to sort by it, again for the other way")
        )
        lang = current_language()
        okrug = self.kato.get(self.settings.okrug or "")
        # Qt adds " — Taza Field" (the application's display name) to every window title.
        self.setWindowTitle(okrug.name(lang) if okrug else "")
        self.heading.setText(self.tr("Clean-up actions"))
        self.new_button.setText(self.tr("+ New action"))
        self.new_button.setToolTip(self.tr("Log a clean-up action (Ctrl+N)"))
        self.file_menu.setTitle(self.tr("&Actions"))
        self.new_action_item.setText(self.tr("&New action…"))
        self.edit_action_item.setText(self.tr("&Open selected…"))
        self.delete_action_item.setText(self.tr("&Delete selected…"))
        self.quit_item.setText(self.tr("&Quit"))
        self.okrug_item.setText(self.tr("Change rural o&krug…"))
        self.restore_item.setText(self.tr("Restore from a &backup…"))
        self.view_menu.setTitle(self.tr("&View"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self._show_undo()
        self.language_menu.setTitle(self.tr("&Language"))
        self.refresh_item.setText(self.tr("&Refresh"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.guide_item.setText(self.tr("User &guide"))
        self.diagnostics_item.setText(self.tr("Save &diagnostics…"))
        self.about_item.setText(self.tr("&About Taza Field"))
        self.returned_button.setText(self.tr("Show them"))
        self.attention_button.setText(self.tr("Show them"))
        self.send_menu.setTitle(self.tr("&Sending"))
        self.send_now_item.setText(self.tr("&Send now"))
        self.stop_sending_item.setText(self.tr("S&top sending"))
        self.bundle_item.setText(self.tr("Write a &USB file…"))
        self.enrol_item.setText(self.tr("&Connect to the server…"))
        self.reports_menu.setTitle(self.tr("&Reports"))
        self.nil_item.setText(self.tr("A month with &nothing done…"))
        self.month_pdf_item.setText(self.tr("The &month's report (PDF)…"))
        self.receipt_item.setText(self.tr("&Receipt for the selected record (PDF)…"))
        for code, item in self.language_items.items():
            item.setChecked(code == lang)
        self.model.retranslate()
        self._fit_columns()
        self._show_counts()
        self._show_selected()
        self.status.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """A narrow window (a 1366-pixel screen at 150 %) gives the list the whole width and shows
        the totals as one line above it."""
        super().resizeEvent(event)
        self.fold_to(self.width())

    def fold_to(self, width: int) -> None:
        """The totals beside the list, or as one line above it when the window is ``width`` wide
        (called before the window is made narrow, so that its minimum width is the narrow one)."""
        narrow = width < NARROW_WIDTH
        if self.side.isVisibleTo(self) == narrow or self.summary.isVisibleTo(self) != narrow:
            self.side.setVisible(not narrow)
            self.summary.setVisible(narrow)
            # the window's minimum width, now rather than at the next event loop's turn
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.layout().activate()

    def set_language(self, lang: str) -> None:
        self.translations.apply(lang)

    def _language_changed(self, lang: str) -> None:
        if self.settings.language != lang:
            self.settings.language = lang
            self._save_settings(self.settings)

    # -- refreshing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the list (keeping the filters), the totals, the status bar."""
        self.model.reload()
        self.totals.refresh()
        self.status.refresh()
        self.update_notice.refresh()
        store = self.store
        self.tasks.run(
            lambda: store.status_counts().get(Status.RETURNED, 0), self._show_returned, self._count_failed
        )
        self.tasks.run(lambda: store.outbox_depth().held, self._show_attention, self._count_failed)

    def _count_failed(self, exc: BaseException) -> None:
        """The banners stay as they were; the status bar says they may be out of date."""
        log.warning("counting returned or held records failed: %s", exc)
        reason = exc.text(current_language()) if isinstance(exc, FieldAppError) else str(exc)
        self.statusBar().showMessage(
            self.tr("Could not count the records: {reason}").format(reason=reason), 30_000
        )

    def _after_reload(self) -> None:
        self._show_counts()
        has_rows = self.model.rowCount() > 0
        self.list_pages.setCurrentWidget(self.table if has_rows else self.empty)
        self._fit_columns()
        if self._select_after_reload:
            self._select(self._select_after_reload)
            self._select_after_reload = None
        self._show_selected()

    def _fit_columns(self) -> None:
        """Widths from the font, the header and the widest value a column can hold: asking the
        model for every loaded cell (resizeColumnToContents) costs more than the first page."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        header_metrics = header.fontMetrics()
        samples = {
            Column.DATE: "00.00.0000",
            Column.PARTICIPANTS: "100 000",
            Column.TONNES: "10 000,000",
            Column.HECTARES: "100 000,00",
            Column.PHOTOS: "00",
            Column.STATUS: max(
                [self.model.status_text(s) for s in Status] + self.model.held_texts(),
                key=metrics.horizontalAdvance,
            ),
        }
        for column, sample in samples.items():
            title = self.model.headerData(column, Qt.Orientation.Horizontal) or ""
            width = max(metrics.horizontalAdvance(sample), header_metrics.horizontalAdvance(title) + SPACING)
            header.resizeSection(column, width + SPACING * 2)
        self.names.update()

    def _show_counts(self) -> None:
        total = self.model.total
        self.count.setText(self.tr("%Ln record(s)", "", total) if not self.model.loading else "")
        filtered = self.model.where != ActionFilter()
        if filtered:
            self.empty.setText(self.tr("Nothing matches these filters."))
        else:
            self.empty.setText(
                self.tr("No clean-up actions yet.\nClick «+ New action» to log the first one.")
            )
        self._show_returned(self._returned)
        self._show_attention(self._attention)

    def _show_attention(self, count: int) -> None:
        self._attention = count
        self.attention_text.setText(
            self.tr("The server did not take %n record(s): open each to see why and what to do.", "", count)
        )
        self.attention_banner.setVisible(count > 0 and not self.model.where.attention)

    def _show_returned(self, count: int) -> None:
        self._returned = count
        self.returned_text.setText(
            self.tr("%n record(s) returned by the coordinator: please correct and send again.", "", count)
        )
        showing_returned = self.model.where.status is Status.RETURNED
        self.returned_banner.setVisible(count > 0 and not showing_returned)

    def _show_selected(self) -> None:
        row = self.table.currentIndex().row() if self.table.currentIndex().isValid() else -1
        summary = self.model.summary(row)
        if summary is not None and summary.held is not None:
            explanation = held_explanation(summary.held, summary.held_problem)
            self.comment_text.setText(explanation.text(current_language()))
            self.comment_bar.show()
        elif summary is not None and summary.status is Status.RETURNED and summary.review_comment:
            self.comment_text.setText(
                self.tr("Coordinator's comment: {comment}").format(comment=summary.review_comment)
            )
            self.comment_bar.show()
        else:
            self.comment_bar.hide()

    # -- actions ---------------------------------------------------------------------------------

    def new_action(self) -> None:
        self._open_editor(None)

    def edit_selected(self, index: QModelIndex | None = None) -> None:
        index = index if index is not None and index.isValid() else self.table.currentIndex()
        summary = self.model.summary(index.row()) if index.isValid() else None
        if summary is None:
            return
        if summary.held == HELD_CONFLICT:
            self.resolve_conflict(summary.id)
            return
        record = self.store.get(summary.id)
        if record is not None:
            self._open_editor(record)

    def _open_editor(self, base) -> ActionDialog:  # type: ignore[no-untyped-def]
        strip = PhotoStrip(self.library, self.tasks)
        dialog = ActionDialog(
            self.kato, self.reference, self.settings.okrug or "", strip, self, today=self._today()
        )
        self.editor = ActionEditor(
            dialog,
            self.store,
            self.kato,
            self.reference,
            self.tasks,
            self.settings.okrug or "",
            base=base,
            reporter=self.settings.reporter,
            prompts=self.prompts,
            today=self._today,
        )
        self.editor.saved.connect(self._saved)
        dialog.finished.connect(lambda _: self._editor_closed(dialog))
        screen = self.screen().availableGeometry()
        dialog.resize(min(1040, screen.width() - 40), min(760, screen.height() - 40))
        dialog.open()
        dialog.activateWindow()
        return dialog

    def _editor_closed(self, dialog: ActionDialog) -> None:
        if self.editor is not None and self.editor.dialog is dialog:
            self.editor = None
        dialog.deleteLater()

    def _saved(self, action) -> None:  # type: ignore[no-untyped-def]
        if action.reporter and action.reporter != self.settings.reporter:
            self.settings.reporter = action.reporter  # the next form starts with it
            self._save_settings(self.settings)
        self._select_after_reload = str(action.id)
        self.refresh()
        self.sync.local_change()

    def _select(self, action_id: str) -> None:
        row = self.model.row_of(action_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def describe(self, summary) -> str:  # type: ignore[no-untyped-def]
        """A record as people tell it apart: «19.09.2026 · с.Еркин · World Clean-up Day · 1a2b3c4d»."""
        lang = current_language()
        place = self.kato.get(summary.settlement)
        campaign = self.reference.campaign(summary.campaign)
        return " · ".join(
            [
                f"{summary.action_date:%d.%m.%Y}",
                place.name(lang) if place else summary.settlement,
                campaign.name(lang) if campaign else summary.campaign,
                short_id(summary.id),
            ]
        )

    def delete_selected(self) -> None:
        """Asks first, naming the record; Enter or Esc keeps it (Cancel is the default). A deletion
        not yet sent can be undone (Edit → Undo, Ctrl+Z)."""
        index = self.table.currentIndex()
        summary = self.model.summary(index.row()) if index.isValid() else None
        if summary is None:
            return
        name = self.describe(summary)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete the record"),
            self.tr("Delete the record «{record}»?").format(record=name),
            parent=self,
        )
        box.setInformativeText(
            self.tr(
                "Its history is kept, and the coordinator is told. Until it is sent, Edit → Undo "
                "(Ctrl+Z) brings it back."
            )
        )
        yes = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        self.delete_box = box  # tests look at the question as it is asked
        box.exec()
        self.delete_box = None
        if box.clickedButton() is not yes:
            return
        store, action_id, revision = self.store, summary.id, summary.revision

        def deleted(tombstone) -> None:  # type: ignore[no-untyped-def]
            self._undo.append((action_id, tombstone.revision, name))
            self._show_undo()
            self.statusBar().showMessage(
                self.tr("Deleted «{record}». Edit → Undo (Ctrl+Z) brings it back until it is sent.").format(
                    record=name
                ),
                30_000,
            )
            self.refresh()

        self.tasks.run(lambda: store.delete(action_id, revision), deleted, self._show_failure)

    def undo(self) -> None:
        """Take back the last deletion, if the server has not heard of it: the record comes back
        as it was. Once sent, it says so and the deletion stands."""
        if not self._undo:
            self.statusBar().showMessage(self.tr("Nothing to undo."), 10_000)
            return
        if self.sync.running:
            QMessageBox.information(
                self,
                self.tr("Undo"),
                self.tr("Sending is under way. Wait until it ends (or stop it), then undo."),
            )
            return
        action_id, revision, name = self._undo.pop()
        self._show_undo()
        store = self.store

        def undone(_: object) -> None:
            self._select_after_reload = action_id
            self.statusBar().showMessage(self.tr("«{record}» is back.").format(record=name), 10_000)
            self.refresh()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, FieldAppError):
                QMessageBox.information(
                    self,
                    self.tr("Undo"),
                    self.tr("«{record}» cannot be brought back: {reason}").format(
                        record=name, reason=exc.text(current_language())
                    ),
                )
            else:
                self._show_failure(exc)

        self.tasks.run(lambda: store.undo_delete(action_id, revision), undone, failed)

    def _show_undo(self) -> None:
        if self._undo:
            self.undo_item.setText(self.tr("&Undo deleting «{record}»").format(record=self._undo[-1][2]))
        else:
            self.undo_item.setText(self.tr("&Undo"))
        self.undo_item.setEnabled(bool(self._undo))

    def _writing_stopped(self) -> None:
        """The data file cannot be written: offer nothing that would only fail to save."""
        for widget in (self.new_button, self.new_action_item, self.delete_action_item, self.okrug_item):
            widget.setEnabled(False)

    def leftovers_failed(self, exc: BaseException) -> None:
        """Half-imported photo files from an earlier session could not be cleared: harmless, but
        said (a disk that refuses deletions soon refuses more)."""
        log.warning("leftover photo files could not be removed: %s", exc)
        self.statusBar().showMessage(
            self.tr("Unfinished photo files could not be removed: {reason}").format(reason=str(exc)), 30_000
        )

    def _show_failure(self, exc: BaseException) -> None:
        if isinstance(exc, FieldAppError):
            text = exc.text(current_language())
        else:
            log.error("window task failed", exc_info=exc)
            text = self.tr("Something went wrong: {error}").format(error=str(exc))
        QMessageBox.warning(self, self.tr("Taza Field"), text)

    def change_okrug(self) -> None:
        """Allowed while the laptop holds no record: records belong to the okrug they were made in."""
        if self.store.count_actions(ActionFilter(include_deleted=True)):
            okrug = self.kato.get(self.settings.okrug or "")
            QMessageBox.information(
                self,
                self.tr("Change rural okrug"),
                self.tr(
                    "This laptop already holds records of «{okrug}», so its okrug cannot be changed. "
                    "If it was set up wrongly, ask your IT staff."
                ).format(okrug=okrug.name(current_language()) if okrug else self.settings.okrug),
            )
            return
        from ui.okrug_dialog import OkrugDialog

        dialog = OkrugDialog(self.kato, self.translations, current=self.settings.okrug, parent=self)
        if dialog.exec() and dialog.okrug():
            self.settings.okrug = dialog.okrug()
            self._save_settings(self.settings)
            self.retranslate()
            self.refresh()

    def save_diagnostics(self, target: Path | None = None) -> None:
        """A ZIP for IT staff: versions, logs, the data file's check, what waits, the sync state.
        It holds no passwords or tokens."""
        from ui.diagnostics import save_diagnostics

        save_diagnostics(self, self.sync.paths, self.tasks, self._show_failure, target)

    def about(self) -> None:
        from ui.diagnostics import show_about

        show_about(self, stored_support(self.store))

    def show_guide(self) -> GuideWindow:
        return show_guide(self, self.store)

    # -- backups -------------------------------------------------------------------------------

    def start_daily_backup(self) -> None:
        """The day's backup of the data, unless there is one already (see :mod:`fieldapp.backups`).
        Called once the window shows; runs off the GUI thread."""
        from fieldapp.backups import backup_if_due

        store = self.store

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, FieldAppError):
                log.error("the daily backup failed", exc_info=exc)
            reason = exc.text(current_language()) if isinstance(exc, FieldAppError) else str(exc)
            self.statusBar().showMessage(
                self.tr("Today's backup could not be made: {reason}").format(reason=reason), 30_000
            )

        self.tasks.run(lambda: backup_if_due(store), None, failed)

    def restore_backup(self):  # type: ignore[no-untyped-def]
        """The list of backups; the one chosen (and confirmed) is restored by :meth:`restore_from`."""
        from ui.backup_dialog import BackupDialog

        dialog = BackupDialog(DataPaths(self.store.path.parent), self.tasks, self)
        dialog.chosen.connect(self.restore_from)
        dialog.finished.connect(lambda _: dialog.deleteLater())
        dialog.open()
        return dialog

    def restore_from(self, backup) -> None:  # type: ignore[no-untyped-def]
        """Put the backup's data in place of the current ones, with the window open: the store
        stays open and the restore goes into its file in one transaction (a safety copy first), then
        the window shows the restored records. Sending waits meanwhile."""
        from fieldapp.backups import restore

        if self.sync.running or self._restoring:
            QMessageBox.information(
                self,
                self.tr("Restore from a backup"),
                self.tr("Sending is under way. Wait until it ends (or stop it), then restore."),
            )
            return
        automatic = self.sync.automatic
        self.sync.stop()  # no automatic sending while the data are replaced
        self._restoring = True
        self._sync_state_changed()
        self.statusBar().showMessage(self.tr("Restoring the backup…"))
        paths, store = DataPaths(self.store.path.parent), self.store

        def settle() -> None:
            self._restoring = False
            self.statusBar().clearMessage()
            self.sync.automatic = automatic
            self.sync.start()
            self._sync_state_changed()
            self.refresh()

        def restored(done) -> None:  # type: ignore[no-untyped-def]
            settle()
            QMessageBox.information(
                self,
                self.tr("Restore from a backup"),
                self.tr(
                    "The backup's data are back. Records on this laptop now: {records}.\n\n"
                    "The data as they were just before are kept too: choose «Before a restore» in the "
                    "same list to go back to them."
                ).format(records=done.records),
            )

        def failed(exc: BaseException) -> None:
            settle()
            self._show_failure(exc)

        self.tasks.run(lambda: restore(paths, backup.path, store=store), restored, failed)

    # -- sending -------------------------------------------------------------------------------

    def _sync_state_changed(self) -> None:
        running = self.sync.running
        enrolled = self.sync.credentials is not None
        self.send_now_item.setEnabled(enrolled and not running and not self._restoring)
        self.stop_sending_item.setEnabled(running)
        self.bundle_item.setEnabled(enrolled)
        self.restore_item.setEnabled(not running and not self._restoring)

    def _sync_failed(self, error: BaseException) -> None:
        """Failures that wait for a person are said once, plainly; the others show in the status bar."""
        if isinstance(error, SyncError) and (error.kind.needs_person or error.kind.local):
            QMessageBox.warning(self, self.tr("Sending"), error.text(current_language()))

    def enrol(self, file: Path | None = None) -> EnrolDialog:
        """Connect the laptop to the server; with ``file`` (a provisioning file found beside the
        app on first start), at once from it."""
        dialog = EnrolDialog(self.tasks, self.settings.okrug, self)
        dialog.enrolled.connect(self.sync.enrolled)
        dialog.finished.connect(lambda _: dialog.deleteLater())
        dialog.open()
        if file is not None:
            dialog.use_file(file)
        return dialog

    def resolve_conflict(self, action_id: str) -> ConflictDialog | None:
        conflict = next((c for c in self.store.conflicts() if c.action_id == action_id), None)
        if conflict is None:
            return None
        dialog = ConflictDialog(conflict, self.kato, self.reference, self)
        store = self.store

        def settled(_: object) -> None:
            self._select_after_reload = action_id
            self.refresh()
            self.sync.local_change()

        dialog.keep.connect(
            lambda content: self.tasks.run(
                lambda: store.keep_mine(action_id, content), settled, self._show_failure
            )
        )
        dialog.take_theirs.connect(
            lambda: self.tasks.run(lambda: store.take_theirs(action_id), settled, self._show_failure)
        )
        dialog.finished.connect(lambda _: dialog.deleteLater())
        dialog.open()
        return dialog

    def export_bundle(self, target: Path | None = None) -> None:
        """Everything the server has not acknowledged, in one file for a USB stick."""
        credentials = self.sync.credentials
        if credentials is None:
            return
        if target is None:
            from sync.bundle import default_bundle_name

            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Write a USB file"),
                str(Path.home() / default_bundle_name(credentials)),
                self.tr("Taza Field USB files (*.tazabundle)"),
            )
            if not name:
                return
            target = Path(name)
        store, library = self.store, self.library

        def write():  # type: ignore[no-untyped-def]
            from sync.bundle import export_bundle

            return export_bundle(store, library, credentials, target)

        def written(summary) -> None:  # type: ignore[no-untyped-def]
            QMessageBox.information(
                self,
                self.tr("Write a USB file"),
                self.tr(
                    "Written to {path}: {records} and {photos}. Take the file to the "
                    "district coordinator; the records stay here until the server confirms them."
                ).format(
                    path=str(target),
                    records=count("records", summary.records).text(current_language()),
                    photos=count("photos", summary.photos).text(current_language()),
                ),
            )

        self.tasks.run(write, written, self._show_failure)

    # -- reports ---------------------------------------------------------------------------------

    def _keep_on_sort(self) -> str | None:
        """Sorted again, the list keeps the record one was on selected."""
        summary = self._selected_summary()
        if summary is None:
            return None
        self._select_after_reload = summary.id
        return summary.id

    def _selected_summary(self):  # type: ignore[no-untyped-def]
        index = self.table.currentIndex()
        return self.model.summary(index.row()) if index.isValid() else None

    def _reports_menu_shown(self) -> None:
        summary = self._selected_summary()
        self.receipt_item.setEnabled(summary is not None and summary.status is Status.ACCEPTED)

    def report_nothing_done(self) -> NilReportDialog:
        """A month in which nothing was done, reported so the district does not count it missing."""
        dialog = NilReportDialog(self.store, self.settings.okrug or "", self.tasks, self, today=self._today)

        def filed(report) -> None:  # type: ignore[no-untyped-def]
            self.statusBar().showMessage(
                self.tr("Reported: nothing done {month}. It goes with the next sync.").format(
                    month=month_in_text(report.month).text(current_language())
                ),
                10_000,
            )
            self.sync.local_change()

        dialog.filed.connect(filed)
        dialog.finished.connect(lambda _: dialog.deleteLater())
        dialog.open()
        return dialog

    def export_month_report(self, month: str | None = None, target: Path | None = None) -> None:
        """The okrug's month on paper: headline figures and every record, in the window's language."""
        okrug = self.settings.okrug or ""
        store, today = self.store, self._today()
        if month is None:
            self.tasks.run(lambda: MonthsState(store, okrug, today), self._ask_month, self._show_failure)
            return
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("The month's report"),
                str(Path.home() / f"taza-{okrug}-{month}.pdf"),
                self.tr("PDF documents (*.pdf)"),
            )
            if not name:
                return
            target = Path(name)
        period = Period.parse(month)
        kato, reference, lang, path = self.kato, self.reference, current_language(), target

        def write(rows) -> None:  # type: ignore[no-untyped-def]
            from ui.pdf_report import village_month_report

            try:
                village_month_report(path, rows, kato, reference, okrug, period, lang)
            except OSError as exc:
                self._show_failure(exc)
                return
            self.statusBar().showMessage(self.tr("Saved {path}").format(path=str(path)), 10_000)

        self.tasks.run(lambda: store.record_rows(period, okrug), write, self._show_failure)

    def _ask_month(self, state: MonthsState) -> None:
        dialog = MonthChoiceDialog(state.months, state.with_records, self)
        if dialog.exec():
            self.export_month_report(dialog.chosen())

    def export_receipt(self, target: Path | None = None) -> None:
        """A receipt for the selected record, once the district accepted it."""
        summary = self._selected_summary()
        if summary is None or summary.status is not Status.ACCEPTED:
            QMessageBox.information(
                self,
                self.tr("Receipt"),
                self.tr("Choose a record the district has accepted: receipts are for accepted records."),
            )
            return
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Receipt"),
                str(Path.home() / f"taza-receipt-{summary.id[-8:]}.pdf"),
                self.tr("PDF documents (*.pdf)"),
            )
            if not name:
                return
            target = Path(name)
        store, kato, reference, lang, path = self.store, self.kato, self.reference, current_language(), target

        def write(record) -> None:  # type: ignore[no-untyped-def]
            from ui.pdf_report import receipt

            if record is None:
                return
            try:
                receipt(path, record, kato, reference, lang)
            except OSError as exc:
                self._show_failure(exc)
                return
            self.statusBar().showMessage(self.tr("Saved {path}").format(path=str(path)), 10_000)

        self.tasks.run(lambda: store.get(summary.id), write, self._show_failure)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.sync.stop()
        self.tasks.wait()
        self.tasks.close()
        super().closeEvent(event)
