"""The district coordinator's window: review the district's records, see the district at a glance,
see who has not reported, find duplicates, export the district's report, bring in a village's USB
file. No data entry: the villages log; the coordinator reviews and consolidates.

It works offline from the district copy (``district.sqlite``), refreshed in the background.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.i18n import FieldAppError
from fieldapp.kato import Kato
from fieldapp.numbers import format_int
from fieldapp.paths import DataPaths
from fieldapp.photo_library import PhotoLibrary
from fieldapp.photos import ProcessedPhoto
from fieldapp.queries import Period
from fieldapp.reference import ReferenceData
from fieldapp.session import CoordinatorSession
from fieldapp.store import Store
from fieldapp.support import stored_support
from sync.district import DistrictProgress, DistrictReport
from sync.errors import Kind, SyncError
from sync.protocol import BundleImport, SignoffLevel
from ui.completeness_view import CompletenessView
from ui.dashboard_view import DashboardView
from ui.district_controller import DistrictController, State
from ui.duplicates_view import DuplicatesView
from ui.export_dialog import ExportDialog, period_days
from ui.failures import watch_store
from ui.help_window import GuideWindow, show_guide
from ui.i18n import LANGUAGE_NAMES, Translations, current_language
from ui.review_view import ReviewView
from ui.signoff_view import SignoffView
from ui.style import SPACING, restyle
from ui.tasks import Tasks
from ui.update_notice import UpdateNotice

log = logging.getLogger(__name__)


class CoordinatorWindow(QMainWindow):
    def __init__(
        self,
        store: Store,
        library: PhotoLibrary,
        kato: Kato,
        reference: ReferenceData,
        session: CoordinatorSession,
        translations: Translations,
        controller: DistrictController | None = None,
        tasks: Tasks | None = None,
        today: Callable[[], date] = date.today,
        ask_login: Callable[[], CoordinatorSession | None] | None = None,
        log_out: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.store, self.library, self.kato, self.reference = store, library, kato, reference
        self.session, self.translations = session, translations
        self.tasks = tasks or Tasks(self)
        self._today = today
        self.ask_login = ask_login
        self._log_out = log_out
        self.controller = controller or DistrictController(
            store, library, session, self.tasks, self, automatic=False
        )
        district = session.district
        self.review = ReviewView(
            store, kato, reference, district, self.tasks, library.thumbnail_path, today=today
        )
        self.dashboard = DashboardView(store, kato, reference, district, self.tasks, today=today)
        self.completeness = CompletenessView(store, kato, district, self.tasks, today=today)
        self.duplicates = DuplicatesView(
            store, kato, reference, self.tasks, library.thumbnail_path, who=lambda: self.session.username
        )
        self.signoff = SignoffView(
            kato,
            SignoffLevel.DISTRICT,
            district,
            self.tasks,
            fetch=lambda month: self.controller.with_client(lambda c: c.signoff_chain(month)),
            send=lambda asked: self.controller.with_client(lambda c: c.signoff(asked)),
            meta=(store.get_meta, store.set_meta),
            today=today,
        )
        self.tabs = QTabWidget()
        for view in (self.review, self.dashboard, self.completeness, self.duplicates, self.signoff):
            self.tabs.addTab(view, "")
        self.setCentralWidget(self._with_update_notice(self.tabs))
        self._build_status()
        self._build_menus()
        self.review.decided.connect(self.controller.decisions_made)
        self.duplicates.decided.connect(self.controller.decisions_made)
        self.review.photo_requested.connect(self.open_photo)
        self.completeness.open_records.connect(lambda okrug, period: self.open_records(okrug, period))
        self.dashboard.open_records.connect(self.open_records)
        self.controller.changed.connect(self.reload)
        self.controller.state_changed.connect(self._show_state)
        self.controller.progress.connect(self._show_progress)
        self.controller.failed.connect(self._refresh_failed)
        self.translations.changed.connect(lambda _: self.retranslate())
        self.retranslate()
        # Decisions and pulls would only fail to save; the district copy still reads.
        watch_store(self, store, self.tasks, lambda: self.bundle_item.setEnabled(False))

    # -- building -------------------------------------------------------------------------------------

    def _with_update_notice(self, tabs: QTabWidget) -> QWidget:
        """The tabs, with the line saying a newer version exists above them when it does."""
        self.update_notice = UpdateNotice(self.store, self.tasks)
        holder = QWidget()
        around = QVBoxLayout(holder)
        around.setContentsMargins(SPACING, SPACING, SPACING, 0)
        around.addWidget(self.update_notice)
        holder.hide()
        self.update_notice.shown.connect(holder.setVisible)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(holder)
        column.addWidget(tabs, 1)
        self.update_notice.refresh()
        return central

    def _build_status(self) -> None:
        bar = self.statusBar()
        self.connection = QLabel()
        self.waiting = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setTextVisible(False)
        self.progress_text = QLabel()
        self.stop_button = QPushButton()
        self.stop_button.clicked.connect(self.controller.cancel)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        bar.addWidget(self.connection)
        bar.addWidget(self.waiting, 1)
        bar.addWidget(self.progress_bar)
        bar.addWidget(self.progress_text)
        bar.addWidget(self.stop_button)
        bar.addPermanentWidget(self.refresh_button)

    def _build_menus(self) -> None:
        # A QAction's `triggered` hands its slot `checked` (False): a method with an optional
        # parameter (a path, a language) is connected through a lambda that drops it.
        # tests/ui/test_every_menu_action.py triggers every item.
        bar = self.menuBar()
        self.district_menu = bar.addMenu("")
        self.refresh_item = QAction(self, shortcut=QKeySequence(Qt.Key.Key_F9), triggered=self.refresh)
        self.bundle_item = QAction(self, triggered=lambda: self.import_bundle())
        self.logout_item = QAction(self, triggered=self.log_out)
        self.quit_item = QAction(self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        for item in (self.refresh_item, self.bundle_item):
            self.district_menu.addAction(item)
        self.district_menu.addSeparator()
        self.district_menu.addAction(self.logout_item)
        self.district_menu.addAction(self.quit_item)

        self.edit_menu = bar.addMenu("")
        self.undo_item = QAction(self, shortcut=QKeySequence.StandardKey.Undo, triggered=self.undo)
        self.edit_menu.addAction(self.undo_item)
        self.review.undo_changed.connect(self._show_undo)
        self.review.undone.connect(self._show_state)

        self.export_menu = bar.addMenu("")
        self.xlsx_item = QAction(self, triggered=lambda: self.export("xlsx"))
        self.csv_item = QAction(self, triggered=lambda: self.export("csv"))
        self.pdf_item = QAction(self, triggered=lambda: self.export("pdf"))
        self.zip_item = QAction(self, triggered=lambda: self.export("zip"))
        self._export_items = {"xlsx": self.xlsx_item, "csv": self.csv_item, "pdf": self.pdf_item}
        self._export_items["zip"] = self.zip_item
        self.export_dialog: ExportDialog | None = None
        for item in (self.xlsx_item, self.csv_item, self.pdf_item, self.zip_item):
            self.export_menu.addAction(item)

        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        group = QActionGroup(self)
        self.language_items: dict[str, QAction] = {}
        for lang, name in LANGUAGE_NAMES.items():
            item = QAction(name, self, checkable=True)
            item.triggered.connect(lambda _=False, code=lang: self.translations.apply(code))
            group.addAction(item)
            self.language_menu.addAction(item)
            self.language_items[lang] = item

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

    # -- texts ----------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.refresh_button.setToolTip(
            self.tr("Fetch the district's new records and send your decisions (F9)")
        )
        self.stop_button.setToolTip(self.tr("Stop fetching: what has come stays, the rest comes next time"))
        lang = current_language()
        place = self.kato.get(self.session.district)
        self.setWindowTitle(  # Qt adds " — Taza Field" (the display name) to every window title
            self.tr("{district}: review").format(district=place.name(lang) if place else "")
        )
        self.tabs.setTabText(0, self.tr("Review"))
        self.tabs.setTabText(1, self.tr("Dashboard"))
        self.tabs.setTabText(2, self.tr("Who has reported"))
        self.tabs.setTabText(3, self.tr("Likely duplicates"))
        self.tabs.setTabText(4, self.tr("Month sign-off"))
        self.district_menu.setTitle(self.tr("&District"))
        self.refresh_item.setText(self.tr("&Refresh from the server"))
        self.bundle_item.setText(self.tr("&Import a village's USB file…"))
        self.logout_item.setText(self.tr("&Log out"))
        self.quit_item.setText(self.tr("&Quit"))
        self.export_menu.setTitle(self.tr("&Export"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self._show_undo()
        self.xlsx_item.setText(self.tr("District report as &Excel (XLSX)…"))
        self.csv_item.setText(self.tr("All records as &CSV…"))
        self.pdf_item.setText(self.tr("District report as &PDF…"))
        self.zip_item.setText(self.tr("Photos by okrug as &ZIP…"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        for code, item in self.language_items.items():
            item.setChecked(code == lang)
        self.help_menu.setTitle(self.tr("&Help"))
        self.guide_item.setText(self.tr("User &guide"))
        self.diagnostics_item.setText(self.tr("Save &diagnostics…"))
        self.about_item.setText(self.tr("&About Taza Field"))
        self.stop_button.setText(self.tr("Stop"))
        self.refresh_button.setText(self.tr("Refresh"))
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def undo(self) -> None:
        """Edit → Undo (Ctrl+Z): the last accept or return, while it waits to be sent."""
        if not self.review.undoable:
            self.statusBar().showMessage(self.tr("Nothing to undo."), 10_000)
            return
        if self.controller.state is State.RUNNING:
            QMessageBox.information(
                self,
                self.tr("Undo"),
                self.tr(
                    "Refreshing is under way and may be sending the decision. Wait until it ends, then undo."
                ),
            )
            return
        self.tabs.setCurrentWidget(self.review)
        self.review.undo_last()

    def _show_undo(self) -> None:
        self.undo_item.setText(self.tr("&Undo the last decision"))
        self.undo_item.setEnabled(bool(self.review.undoable))

    # -- state ----------------------------------------------------------------------------------------

    def _show_state(self) -> None:
        state = self.controller.state
        running = state is State.RUNNING
        for widget in (self.progress_bar, self.progress_text, self.stop_button):
            widget.setVisible(running)
        self.refresh_button.setEnabled(not running)
        self.refresh_item.setEnabled(not running)
        error = self.controller.last_error
        texts = {
            State.IDLE: (
                self.tr("District copy up to date")
                if self.controller.last_report
                else self.tr("Working from the district copy"),
                "ok",
            ),
            State.RUNNING: (self.tr("Refreshing…"), "ok"),
            State.NO_LINK: (self.tr("No connection: working from the district copy"), "warning"),
            State.RETRYING: (self.tr("The server had a problem: trying again later"), "warning"),
            State.LOGIN: (self.tr("Your session has ended: log in again"), "error"),
            State.LOCAL_PROBLEM: (
                self.tr("The laptop's disk is full: press Refresh once there is space")
                if error is not None and error.kind is Kind.DISK_FULL
                else self.tr("A problem on this laptop stopped the refresh: press Refresh to try again"),
                "error",
            ),
        }
        text, role = texts[state]
        self.connection.setText("● " + text)
        self.connection.setToolTip(error.text(current_language()) if error else "")
        restyle(self.connection, role)
        self.refresh_button.setText(self.tr("Log in…") if state is State.LOGIN else self.tr("Refresh"))
        store = self.store
        self.tasks.run(
            lambda: len(store.queued_decisions()) + len(store.dismissals("queued")),
            self._show_waiting,
            self._waiting_failed,
        )

    def _waiting_failed(self, exc: BaseException) -> None:
        log.warning("counting the decisions that wait failed: %s", exc)
        reason = exc.text(current_language()) if isinstance(exc, FieldAppError) else str(exc)
        self.waiting.setText(
            self.tr("Could not count the decisions that wait: {reason}").format(reason=reason)
        )

    def _show_waiting(self, count: int) -> None:
        self.waiting.setText(
            self.tr("%n decision(s) wait to be sent", "", count) if count else self.tr("All decisions sent")
        )

    def _show_progress(self, progress: DistrictProgress) -> None:
        if progress.total:
            self.progress_bar.setRange(0, progress.total)
            self.progress_bar.setValue(progress.done)
        else:
            self.progress_bar.setRange(0, 0)
        words = {
            "decisions": self.tr("Sending decisions {done} of {total}"),
            "records": self.tr("Records received: {done}"),
            "thumbnails": self.tr("Photos {done} of {total}"),
        }[progress.stage]
        self.progress_text.setText(words.format(done=progress.done, total=progress.total or ""))

    def _refresh_failed(self, error: BaseException) -> None:
        if (
            isinstance(error, SyncError)
            and self.controller.state is State.LOGIN
            and self.ask_login is not None
        ):
            session = self.ask_login()
            if session is not None:
                self.session = session
                self.controller.logged_in(session)
        elif isinstance(error, SyncError) and error.kind.local:  # said once; the status bar keeps it
            QMessageBox.warning(self, self.tr("Refresh"), error.text(current_language()))

    # -- doing ----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.controller.state is State.LOGIN and self.ask_login is not None:
            session = self.ask_login()
            if session is None:
                return
            self.session = session
            self.controller.logged_in(session)
            return
        self.controller.refresh()

    def reload(self) -> None:
        self.review.reload()
        self.dashboard.refresh()
        self.completeness.refresh()
        self.duplicates.refresh()
        self.update_notice.refresh()
        self._show_state()

    def open_records(
        self, okrug: str | None, period: str, campaign: str | None = None, status: str = "all"
    ) -> None:
        """The review tab, its list filtered to what was clicked in another tab."""
        self.review.show_records(okrug, period, campaign, status)
        self.tabs.setCurrentWidget(self.review)

    def open_photo(self, sha: str) -> None:
        """A photo of the record under review, large: with its role, what this computer knows of
        when and where it was taken, and the record it belongs to."""
        from ui.photo_viewer import PhotoViewer

        record = self.review.shown_record()
        role = next((p.role for p in record.photos if p.sha256 == sha), None) if record else None
        store = self.store

        def show(info: ProcessedPhoto | None) -> None:
            about = (lambda: self.review.describe(record)) if record is not None else None
            viewer = PhotoViewer(
                self.library, self.tasks, sha, info=info, role=role, about=about, parent=self
            )
            viewer.finished.connect(lambda _: viewer.deleteLater())
            viewer.open()

        def fetched(_: Path) -> None:
            self.tasks.run(lambda: store.photo_info(sha), show, self._failure)

        self.controller.fetch_photo(sha, fetched, self._failure)

    def import_bundle(self, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("A village's USB file"),
                _documents(),
                self.tr("Taza Field USB files (*.tazabundle)"),
            )
            if not name:
                return
            path = Path(name)

        def done(result: BundleImport) -> None:
            place = self.kato.get(result.okrug)
            QMessageBox.information(
                self,
                self.tr("USB file imported"),
                self.tr(
                    "{okrug}: new records — {new}, already on the server — {known}, refused — {refused}; "
                    "photos stored — {photos}."
                ).format(
                    okrug=place.name(current_language()) if place else result.okrug,
                    new=format_int(result.records.get("applied", 0), current_language()),
                    known=format_int(result.records.get("already", 0), current_language()),
                    refused=format_int(
                        result.records.get("rejected", 0) + result.records.get("conflict", 0),
                        current_language(),
                    ),
                    photos=format_int(result.photos_stored, current_language()),
                ),
            )

        self.controller.import_bundle(path, done, self._failure)

    def export(
        self, kind: str, path: Path | None = None, lang: str | None = None, period: Period | None = None
    ) -> None:
        """XLSX, CSV, PDF or the photos ZIP of the dashboard's period. From the menu, a dialog
        says what and which period it exports and asks the file's language, then where to save it
        (``Талгар-2026-03.xlsx`` proposed)."""
        period = period or self.dashboard.period()
        if lang is None:
            dialog = ExportDialog(self._export_items[kind].text().replace("&", "").rstrip("…"), period, self)
            self.export_dialog = dialog  # for the tests and the screenshots
            try:
                if dialog.exec() != ExportDialog.DialogCode.Accepted:
                    return
                lang = dialog.chosen_language()
            finally:
                self.export_dialog = None
                dialog.deleteLater()
        if path is None:
            from sync.report_files import file_name

            filters = {
                "xlsx": self.tr("Excel workbooks (*.xlsx)"),
                "csv": self.tr("CSV files (*.csv)"),
                "pdf": self.tr("PDF documents (*.pdf)"),
                "zip": self.tr("ZIP archives (*.zip)"),
            }
            place = self.kato.get(self.session.district)
            suggested = Path(_documents()) / file_name(place, period.start, period.end, kind, lang)
            caption = self.tr("Export: {period}").format(period=period_days(period))
            name, _ = QFileDialog.getSaveFileName(self, caption, str(suggested), filters[kind])
            if not name:
                return
            path = Path(name)
        store, kato, reference, district = self.store, self.kato, self.reference, self.session.district
        chosen = lang
        if kind == "pdf":
            self._export_pdf(path, chosen, period)
            return
        if kind == "xlsx":
            from sync.district_reports import district_workbook

            today = self._today()

            def job() -> int:
                return district_workbook(path, store, kato, reference, district, period, chosen, today)
        elif kind == "csv":
            from fieldapp.atomic import write_atomic
            from sync.district_reports import records_csv

            def job() -> int:
                rows = store.record_rows(period)
                write_atomic(path, records_csv(rows, kato, reference, period, chosen))
                return len(rows)
        else:
            from sync.district_reports import photos_zip

            fetch = self._photo_fetcher()

            def job() -> int:
                return photos_zip(path, store, kato, reference, period, fetch, chosen)[0]

        self.tasks.run(job, lambda _: self._exported(path), self._failure)

    def _photo_fetcher(self) -> Callable[[str], Path | None]:
        """Worker side: a photo's file, fetched from the server if it is not here yet."""
        from sync.client import ServerClient
        from sync.district import DistrictSync

        store, library, session = self.store, self.library, self.session

        def fetch(sha: str) -> Path | None:
            if library.upload_path(sha).is_file():
                return library.upload_path(sha)
            client = ServerClient(session.server_url, session.token)
            try:
                return DistrictSync(store, library, client, thumbnails=False).fetch_photo(sha)
            except (SyncError, FieldAppError) as exc:
                log.info("photo %s not exported: %s", sha, exc)
                return None
            finally:
                client.close()

        return fetch

    def _export_pdf(self, path: Path, lang: str, period: Period) -> None:
        from sync.district_reports import completeness
        from ui.dashboard_view import compute
        from ui.pdf_report import district_report

        store, kato = self.store, self.kato

        def gather():  # type: ignore[no-untyped-def]
            data = compute(store, kato, period, False)
            matrix = completeness(store, kato, self.session.district, period.start.year, self._today())
            return data, matrix

        def write(result) -> None:  # type: ignore[no-untyped-def]
            data, matrix = result
            try:
                district_report(path, data, matrix, kato, self.reference, self.session.district, lang)
            except OSError as exc:
                self._failure(exc)
                return
            self._exported(path)

        self.tasks.run(gather, write, self._failure)

    def _exported(self, path: Path) -> None:
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=str(path)), 10_000)

    def save_diagnostics(self, target: Path | None = None) -> None:
        """A ZIP for IT staff: versions, logs, the district copy's check, what waits to go, the
        session (without its token)."""
        from ui.diagnostics import save_diagnostics

        save_diagnostics(self, DataPaths(self.store.path.parent), self.tasks, self._failure, target)

    def about(self) -> None:
        from ui.diagnostics import show_about

        show_about(self, stored_support(self.store))

    def show_guide(self) -> GuideWindow:
        return show_guide(self, self.store)

    def _failure(self, exc: BaseException) -> None:
        if isinstance(exc, FieldAppError):
            text = exc.text(current_language())
        else:
            log.error("coordinator window task failed", exc_info=exc)
            text = self.tr("Something went wrong: {error}").format(error=str(exc))
        QMessageBox.warning(self, self.tr("Taza Field"), text)

    def log_out(self) -> None:
        if self._log_out is not None:
            self._log_out()
        self.close()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.controller.stop()
        self.tasks.wait()
        self.tasks.close()
        super().closeEvent(event)


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


__all__ = ["CoordinatorWindow", "DistrictReport"]
