"""The review queue: the district's records, filtered by okrug, settlement, campaign, month and
review status (waiting for review by default); the chosen record beside the list with its figures,
its plausibility warnings and its photos; accept it, or return it with a comment — one, or all the
selected ones at once. Decisions are made here at once and go to the server with the next refresh."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.district import Decision
from fieldapp.i18n import FieldAppError, count
from fieldapp.i18n import translate as domain_text
from fieldapp.kato import Kato
from fieldapp.models import CleanupAction, Status
from fieldapp.numbers import format_int
from fieldapp.queries import ActionFilter, ActionSummary, short_id
from fieldapp.reference import ReferenceData
from fieldapp.store import Store
from fieldapp.units import format_hectares, format_tonnes, tonnes_count
from fieldapp.validation import Context, check_action
from ui.action_table import sort_by_headers
from ui.bitmaps import load_bitmap, to_pixmap
from ui.failures import LoadFailed
from ui.filter_bar import fit_column_to_texts, hint_width, month_name
from ui.flow_layout import FlowLayout
from ui.i18n import current_language
from ui.name_columns import NameColumns
from ui.photo_viewer import format_position
from ui.review_table import Column, ReviewTableModel
from ui.style import SPACING, set_role
from ui.tasks import Tasks

log = logging.getLogger(__name__)
THUMB = 120
PHOTO_CELL = QSize(THUMB + SPACING * 2, THUMB + SPACING * 4)
"""A photo in the record's list: the thumbnail, and its role (two short lines) under it."""
SIDE_BY_SIDE = 1100  # narrower than this, the record goes below the list
DETAIL_WIDTH = 320
SEARCH_WIDTH = 240
SEARCH_DELAY_MS = 250
STATUS_CHOICES = ("pending", "accepted", "returned", "all")
# Enter in the list accepts (the keypad's Enter too), Ctrl+R returns: no letter alone, which the
# list's type-to-search takes. Under a Cyrillic layout Ctrl+R still works on Windows (Qt matches the
# key's place) and on Linux when a Latin layout is configured beside it.
ACCEPT_KEYS = (QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter))
RETURN_KEY = QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_R)
STATUS_OF_CHOICE = {
    "pending": Status.SENT,
    "accepted": Status.ACCEPTED,
    "returned": Status.RETURNED,
    "all": None,
}


class ReturnDialog(QDialog):
    """Why the records go back: the village reads this comment."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Return to the village"))
        self.label = QLabel(
            self.tr("What should the village correct? It sees this comment with the %n record(s).", "", count)
        )
        self.label.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            self.tr("For example: the photos before and after the clean-up are missing.")
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Return"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.resize(480, 260)
        self._changed()

    def comment(self) -> str:
        return self.text.toPlainText().strip()

    def _changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.comment()))


class ReviewView(QWidget):
    decided = Signal()  # decisions were queued: the window sends them soon
    undo_changed = Signal()  # what Edit → Undo would take back changed
    undone = Signal()  # decisions were taken back before they were sent
    photo_requested = Signal(str)  # sha256: open it large (fetched if need be)

    def __init__(
        self,
        store: Store,
        kato: Kato,
        reference: ReferenceData,
        district: str,
        tasks: Tasks,
        library_thumb: Callable[[str], object],
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.store, self.kato, self.reference, self.district, self.tasks = (
            store,
            kato,
            reference,
            district,
            tasks,
        )
        self._thumb_path = library_thumb
        self._today = today
        self.ask_comment: Callable[[int], str | None] = self._ask_comment
        self.model = ReviewTableModel(store, kato, reference, tasks, self)
        self._build()
        self.retranslate()
        self.model.reloaded.connect(self._after_reload)
        self.model.reloaded.connect(self.load_failed.loaded)
        self.model.failed.connect(self.load_failed.failed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.reload()

    # -- building ---------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.okrug = QComboBox()
        self.settlement = QComboBox()
        self.campaign = QComboBox()
        self.month = QComboBox()
        self.status = QComboBox()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        for combo in (self.okrug, self.settlement, self.campaign, self.month, self.status):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.okrug.addItem("", None)
        for place in self.kato.okrugs(self.district):
            self.okrug.addItem("", place.code)
        self.settlement.addItem("", None)
        self.campaign.addItem("", None)
        for campaign in self.reference.active_campaigns():
            self.campaign.addItem("", campaign.code)
        self.month.addItem("", None)
        today = self._today()
        year, month = today.year, today.month
        for _ in range(24):
            self.month.addItem("", f"{year}-{month:02d}")
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        for choice in STATUS_CHOICES:
            self.status.addItem("", choice)
        self._record: CleanupAction | None = None  # the one shown beside the list
        self._keep: str | None = None  # the record to select once the list is reloaded
        self.undoable: list[list[str]] = []  # decisions made together, newest last, while unsent
        self._keep_row = 0  # where, if that record is no longer in it
        self._keep_within = 0  # the row it was at: the list is fetched that far to find it
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.reload)
        self.okrug.currentIndexChanged.connect(self._okrug_changed)
        for combo in (self.settlement, self.campaign, self.month, self.status):
            combo.currentIndexChanged.connect(self.reload)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        # Wraps onto a second line on a narrow screen instead of widening the window.
        filters = FlowLayout()
        for widget in (self.okrug, self.settlement, self.campaign, self.month, self.status):
            filters.addWidget(widget)
        self.search.setMinimumWidth(SEARCH_WIDTH)
        filters.add_stretching(self.search)

        self.count = set_role(QLabel(), "muted")
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        # Only while the list has the focus: Enter in the search box or a comment keeps its meaning.
        # (PySide6 ignores the context given to the constructor with a callable: set it after.)
        for keys, owner, act, context in (
            *((k, self.table, self.accept_selected, Qt.ShortcutContext.WidgetShortcut) for k in ACCEPT_KEYS),
            (RETURN_KEY, self, self.return_selected, Qt.ShortcutContext.WidgetWithChildrenShortcut),
        ):
            shortcut = QShortcut(keys, owner)
            shortcut.setContext(context)
            shortcut.activated.connect(act)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        # The other columns are as wide as their header or contents, so no heading is cut
        # («Қатысушылар»); the names share the rest, and the list scrolls sideways when narrow.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.names = NameColumns(self.table, (Column.OKRUG, Column.SETTLEMENT, Column.CAMPAIGN))
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        sort_by_headers(self.table, self.model, self._keep_on_sort)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING)
        self.load_failed = LoadFailed(self.reload)
        column.addLayout(filters)
        column.addWidget(self.load_failed)
        column.addWidget(self.count)
        column.addWidget(self.table, 1)

        self.detail = self._build_detail()
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING * 2, SPACING * 2, SPACING * 2, SPACING)
        layout.addWidget(self.splitter)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # On a narrow screen (1366×768 at 150 %) the record goes below the list, not off its side.
        wanted = Qt.Orientation.Vertical if event.size().width() < SIDE_BY_SIDE else Qt.Orientation.Horizontal
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)
            across = wanted is Qt.Orientation.Horizontal
            self.detail.setMinimumWidth(DETAIL_WIDTH if across else 0)
            self._card_layout.setDirection(
                QBoxLayout.Direction.TopToBottom if across else QBoxLayout.Direction.LeftToRight
            )
            self._buttons.setDirection(
                QBoxLayout.Direction.LeftToRight if across else QBoxLayout.Direction.BottomToTop
            )
            whole = event.size().width() if across else event.size().height()
            self.splitter.setSizes(
                [whole - DETAIL_WIDTH * 5 // 4, DETAIL_WIDTH * 5 // 4]
                if across
                else [whole * 11 // 20, whole * 9 // 20]  # the list a little more; the record read whole
            )
            if self._figure_lines:
                self._render_figures()
            # The list got shorter or longer: the record one is looking at stays in sight.
            QTimer.singleShot(0, lambda: self.table.scrollTo(self.table.currentIndex()))
        super().resizeEvent(event)

    def _build_detail(self) -> QFrame:
        card = QFrame()
        set_role(card, "card")
        card.setMinimumWidth(DETAIL_WIDTH)
        self.title = set_role(QLabel(), "cardTitle")
        self.title.setWordWrap(True)
        self.subtitle = set_role(QLabel(), "muted")
        self.subtitle.setWordWrap(True)
        self._figure_lines: list[str] = []  # the record shown: its figures, then its place and notes
        self._text_lines: list[str] = []
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.warnings = set_role(QLabel(), "warning")
        self.warnings.setWordWrap(True)
        self.comment = set_role(QLabel(), "muted")
        self.comment.setWordWrap(True)
        self.photos = QListWidget()
        self.photos.setViewMode(QListWidget.ViewMode.IconMode)
        self.photos.setIconSize(QSize(THUMB, THUMB))
        self.photos.setMovement(QListWidget.Movement.Static)
        self.photos.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.photos.setWordWrap(True)
        # One row, scrolled sideways when the record has more photos than the card is wide.
        self.photos.setFlow(QListWidget.Flow.LeftToRight)
        self.photos.setWrapping(False)
        self.photos.setGridSize(PHOTO_CELL)
        scrollbar = self.photos.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.photos.setFixedHeight(PHOTO_CELL.height() + scrollbar + self.photos.frameWidth() * 2)
        # Double-click or Enter opens a photo large (once: a click only chooses it).
        self.photos.itemActivated.connect(self._open_photo)
        self._photo_fill = 0  # which filling of the list a thumbnail that arrives belongs to
        self.accept_button = QPushButton()
        self.accept_button.setProperty("primary", True)
        self.accept_button.clicked.connect(self.accept_selected)
        self.return_button = QPushButton()
        self.return_button.clicked.connect(self.return_selected)
        self._buttons = buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        buttons.setSpacing(SPACING)
        buttons.addStretch(1)
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.accept_button)
        # The record scrolls within the card; the buttons stay in sight below it (beside it when
        # the card is below the list, where height is short).
        body = QWidget()
        body.setObjectName("recordBody")
        body.setStyleSheet("#recordBody { background: transparent; }")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING)
        for widget in (self.title, self.subtitle, self.figures, self.warnings, self.comment, self.photos):
            column.addWidget(widget)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.viewport().setAutoFillBackground(False)
        scroll.setMinimumHeight(THUMB // 2)
        self._card_layout = layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, card)
        layout.setContentsMargins(SPACING * 2, SPACING * 2, SPACING * 2, SPACING * 2)
        layout.setSpacing(SPACING * 2)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        return card

    # -- texts --------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.okrug.setToolTip(self.tr("Only the records of one rural okrug"))
        self.settlement.setToolTip(self.tr("Only the records of one settlement of the rural okrug"))
        self.campaign.setToolTip(self.tr("Only the records of one campaign"))
        self.month.setToolTip(self.tr("Only the records of one month"))
        self.status.setToolTip(
            self.tr("Records waiting for your decision, or those already accepted or returned")
        )
        self.search.setToolTip(self.tr("Finds the settlement, place, notes, reporter or comment"))
        self.table.horizontalHeader().setToolTip(
            self.tr("Click a column heading to sort by it, again for the other way")
        )
        lang = current_language()
        self.okrug.setItemText(0, self.tr("All okrugs"))
        for i in range(1, self.okrug.count()):
            place = self.kato.get(self.okrug.itemData(i))
            self.okrug.setItemText(i, place.name(lang) if place else self.okrug.itemData(i))
        self.settlement.setItemText(0, self.tr("All settlements"))
        for i in range(1, self.settlement.count()):
            place = self.kato.get(self.settlement.itemData(i))
            self.settlement.setItemText(i, place.name(lang) if place else self.settlement.itemData(i))
        self.campaign.setItemText(0, self.tr("All campaigns"))
        for i in range(1, self.campaign.count()):
            found = self.reference.campaign(self.campaign.itemData(i))
            self.campaign.setItemText(i, found.name(lang) if found else self.campaign.itemData(i))
        self.month.setItemText(0, self.tr("All months"))
        for i in range(1, self.month.count()):
            chosen = self.month.itemData(i)
            if "-" not in chosen:  # a whole year, put there by show_records
                self.month.setItemText(i, self.tr("Whole year {year}").format(year=chosen))
                continue
            year, month = map(int, chosen.split("-"))
            self.month.setItemText(i, month_name(year, month, lang))
        names = {
            "pending": self.tr("Waiting for review"),
            "accepted": self.tr("Accepted"),
            "returned": self.tr("Returned"),
            "all": self.tr("All statuses"),
        }
        for i in range(self.status.count()):
            self.status.setItemText(i, names[self.status.itemData(i)])
        self.search.setPlaceholderText(self.tr("Search: settlement, place, notes, reporter"))
        self.search.setMinimumWidth(max(SEARCH_WIDTH, hint_width(self.search)))  # the hint never cut
        self.model.retranslate()
        fit_column_to_texts(self.table, Column.STATUS, self.model.status_texts())
        self._show_count()
        self._show_selected()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the list -----------------------------------------------------------------------------------------

    def current_filter(self) -> ActionFilter:
        from fieldapp.queries import Period

        month = self.month.currentData()
        return ActionFilter(
            period=Period.parse(month) if month else None,
            campaign=self.campaign.currentData(),
            status=STATUS_OF_CHOICE[self.status.currentData() or "pending"],
            okrug=self.okrug.currentData(),
            settlement=self.settlement.currentData(),
            text=self.search.text(),
        )

    def reload(self) -> None:
        self._debounce.stop()
        if self._keep is None:  # a refresh or a new filter keeps the record one is looking at
            current = self.table.currentIndex()
            chosen = self.model.summary(current.row()) if current.isValid() else None
            if chosen is not None:
                self._keep, self._keep_row = chosen.id, current.row()
                self._keep_within = current.row()
        self.model.set_filter(self.current_filter())

    def _keep_on_sort(self) -> str | None:
        """Sorted again, the list keeps the record one was on selected, wherever it goes."""
        current = self.table.currentIndex()
        chosen = self.model.summary(current.row()) if current.isValid() else None
        if chosen is None:
            return None
        self._keep, self._keep_row, self._keep_within = chosen.id, 0, 0
        return chosen.id

    def _okrug_changed(self) -> None:
        self._fill_settlements()
        self.retranslate()
        self.reload()

    def _fill_settlements(self) -> None:
        self.settlement.blockSignals(True)
        self.settlement.clear()
        self.settlement.addItem("", None)
        okrug = self.okrug.currentData()
        if okrug:
            for place in self.kato.settlements(okrug):
                self.settlement.addItem("", place.code)
        self.settlement.blockSignals(False)

    def _after_reload(self) -> None:
        self._show_count()
        self._fit_columns()
        keep, self._keep = self._keep, None
        while keep is not None and self.model.rowCount() <= self._keep_within and self.model.canFetchMore():
            self.model.fetchMore()  # it was below the first page (a page is one quick indexed query)
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            row = self.model.row_of(keep) if keep is not None else None
            if row is None:
                row = min(self._keep_row, self.model.rowCount() - 1) if keep is not None else 0
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._show_selected()

    def _fit_columns(self) -> None:
        """Figures and statuses as wide as their widest value; the names share what is left."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        header_metrics = header.fontMetrics()
        samples = {
            Column.DATE: "00.00.0000",
            Column.PARTICIPANTS: "10 000",
            Column.TONNES: "1 000,000",
            Column.HECTARES: "10 000,00",
            Column.PHOTOS: "00",
            Column.STATUS: max(self.model.status_texts(), key=metrics.horizontalAdvance),
        }
        for column, sample in samples.items():
            title = self.model.headerData(column, Qt.Orientation.Horizontal) or ""
            width = max(metrics.horizontalAdvance(sample), header_metrics.horizontalAdvance(title) + SPACING)
            header.resizeSection(column, width + SPACING * 2)
        self.names.update()

    def _show_count(self) -> None:
        self.count.setText(self.tr("%n record(s)", "", self.model.total) if not self.model.loading else "")

    def selected(self) -> list[ActionSummary]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [s for s in (self.model.summary(r) for r in rows) if s is not None]

    # -- the chosen record --------------------------------------------------------------------------------

    def _show_selected(self) -> None:
        chosen = self.selected()
        lang = current_language()
        self.photos.clear()
        self._figure_lines, self._text_lines = [], []  # set again when one record is shown
        if not chosen:
            self.title.setText(self.tr("Choose a record in the list."))
            for label in (self.subtitle, self.figures, self.warnings, self.comment):
                label.setText("")
            self.photos.hide()
            self._hide_empty()
            self.accept_button.setEnabled(False)
            self.return_button.setEnabled(False)
            self._label_buttons(self.tr("Accept"), self.tr("Return…"))
            return
        reviewable = [s for s in chosen if s.status is Status.SENT]
        self.accept_button.setEnabled(bool(reviewable))
        self.return_button.setEnabled(bool(reviewable))
        if len(chosen) > 1:
            self.title.setText(self.tr("%n record(s) selected", "", len(chosen)))
            self.subtitle.setText(self.tr("%n of them wait(s) for review", "", len(reviewable)))
            people = sum(s.participants for s in chosen)
            kg = sum(s.total_kg for s in chosen)
            self.figures.setText(
                self.tr("Together: {people}, {tonnes}").format(
                    people=count("participants", people).text(lang), tonnes=tonnes_count(kg).text(lang)
                )
            )
            for label in (self.warnings, self.comment):
                label.setText("")
            self.photos.hide()
            self._hide_empty()
            self._label_buttons(
                self.tr("Accept %n", "", len(reviewable)), self.tr("Return %n…", "", len(reviewable))
            )
            return
        self._label_buttons(self.tr("Accept"), self.tr("Return…"))
        wanted, store = chosen[0], self.store
        if self._record is not None and (str(self._record.id), self._record.revision) == (
            wanted.id,
            wanted.revision,
        ):
            self._show_record(self._record, lang)
            return

        def shown(record: CleanupAction | None) -> None:
            still = self.selected()
            if record is not None and len(still) == 1 and still[0].id == wanted.id:
                self._record = record
                self._show_record(record, current_language())

        self.tasks.run(lambda: store.get(wanted.id), shown, self.load_failed.failed)

    def _label_buttons(self, accept: str, back: str) -> None:
        """The buttons say their keys, so that one learns them by looking."""
        enter = ACCEPT_KEYS[1].toString(QKeySequence.SequenceFormat.NativeText)  # "Enter", as on the key
        ctrl_r = RETURN_KEY.toString(QKeySequence.SequenceFormat.NativeText)
        self.accept_button.setText(self.tr("{action} · {key}").format(action=accept, key=enter))
        self.return_button.setText(self.tr("{action} · {key}").format(action=back, key=ctrl_r))
        self.accept_button.setToolTip(
            self.tr("Accept the selected records. {key} in the list does the same.").format(key=enter)
        )
        self.return_button.setToolTip(
            self.tr("Return the selected records to the village with a comment ({key}).").format(key=ctrl_r)
        )

    def _render_figures(self) -> None:
        """The record's figures: one a line beside the list; below it (a wide, low card), in three
        columns, so that the whole record is seen without scrolling."""
        lines, texts = self._figure_lines, self._text_lines
        if self.splitter.orientation() is Qt.Orientation.Horizontal or len(lines) < 3:
            self.figures.setText("<br>".join(_escape(line) for line in [*lines, *texts]))
            return
        columns = 3
        rows = [lines[i : i + columns] for i in range(0, len(lines), columns)]
        cells = "".join(
            "<tr>"
            + "".join(f'<td style="padding: 1px 28px 1px 0">{_escape(line)}</td>' for line in row)
            + "</tr>"
            for row in rows
        )
        self.figures.setText(
            f'<table cellspacing="0" cellpadding="0">{cells}</table>'
            + "".join(f"<div>{_escape(text)}</div>" for text in texts)
        )

    def _show_record(self, record: CleanupAction, lang: str) -> None:
        settlement = self.kato.get(record.settlement)
        okrug = self.kato.get(record.okrug)
        campaign = self.reference.campaign(record.campaign)
        self.title.setText(
            f"{settlement.name(lang) if settlement else record.settlement} — "
            f"{campaign.name(lang) if campaign else record.campaign}"
        )
        self.subtitle.setText(
            f"{record.action_date:%d.%m.%Y} · {okrug.name(lang) if okrug else record.okrug}"
            + (f" · {record.reporter}" if record.reporter else "")
        )
        lines = [
            self.tr("Participants: {n}").format(n=format_int(record.participants, lang)),
        ]
        for amount in record.waste:
            fraction = self.reference.fraction(amount.fraction)
            name = fraction.name(lang) if fraction else amount.fraction
            lines.append(f"{name}: {format_tonnes(amount.kg, lang)} {domain_text('unit.tonnes', lang)}")
        lines.append(
            self.tr("Area cleaned: {ha} ha").format(ha=format_hectares(record.area_m2, lang))
            if record.area_m2
            else ""
        )
        if record.trees:
            lines.append(self.tr("Trees planted: {n}").format(n=format_int(record.trees, lang)))
        self._figure_lines = [line for line in lines if line]
        self._text_lines = []  # said in full, under the figures
        if record.place:
            self._text_lines.append(self.tr("Place: {place}").format(place=record.place))
        if record.notes:
            self._text_lines.append(self.tr("Notes: {notes}").format(notes=record.notes))
        self._render_figures()
        context = Context(self.kato, self.reference, self._today())
        warnings = [issue.text(lang) for issue in check_action(record, context).warnings]
        self.warnings.setText("\n".join(f"⚠ {w}" for w in warnings))
        if record.status is Status.RETURNED and record.review_comment:
            self.comment.setText(self.tr("Returned: {comment}").format(comment=record.review_comment))
        elif record.status is Status.ACCEPTED:
            self.comment.setText(self.tr("Accepted."))
        else:
            self.comment.setText("")
        self._hide_empty()
        self._show_photos(record, lang)

    def _show_photos(self, record: CleanupAction, lang: str) -> None:
        """The record's photos, each once (the list is filled anew each time the record is shown),
        with its role written under it."""
        self.photos.clear()
        self._photo_fill += 1
        self.photos.setVisible(bool(record.photos))
        for photo in record.photos:
            role = domain_text(f"role.{photo.role.value}", lang)
            item = QListWidgetItem(role)
            item.setData(Qt.ItemDataRole.UserRole, photo.sha256)
            item.setToolTip(self.tr("{role} · double-click or Enter opens it large").format(role=role))
            item.setSizeHint(PHOTO_CELL)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.photos.addItem(item)
            self._load_thumb(item, photo.sha256)

    def shown_record(self) -> CleanupAction | None:
        """The record shown beside the list (one chosen), if any."""
        chosen = self.selected()
        record = self._record
        if record is None or len(chosen) != 1 or chosen[0].id != str(record.id):
            return None
        return record

    def describe(self, record: CleanupAction) -> str:
        """One line naming a record: its short id, date, settlement and campaign, and GPS if given."""
        lang = current_language()
        settlement = self.kato.get(record.settlement)
        campaign = self.reference.campaign(record.campaign)
        text = self.tr("Record {id} · {date} · {place} — {campaign}").format(
            id=short_id(str(record.id)),
            date=f"{record.action_date:%d.%m.%Y}",
            place=settlement.name(lang) if settlement else record.settlement,
            campaign=campaign.name(lang) if campaign else record.campaign,
        )
        if record.gps is not None:
            text += " · " + self.tr("GPS of the action {position}").format(
                position=format_position(record.gps.lat, record.gps.lon)
            )
        return text

    def _hide_empty(self) -> None:
        """An empty line takes no room: the photos follow the figures without a gap."""
        for label in (self.subtitle, self.figures, self.warnings, self.comment):
            label.setVisible(bool(label.text()))

    def _open_photo(self, item: QListWidgetItem) -> None:
        self.photo_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def _load_thumb(self, item: QListWidgetItem, sha: str) -> None:
        path = self._thumb_path(sha)
        ratio = self.devicePixelRatioF()
        box = (round(THUMB * ratio), round(THUMB * ratio))
        fill, role = self._photo_fill, item.text()

        def shown(bitmap) -> None:  # type: ignore[no-untyped-def]
            if fill != self._photo_fill:
                return  # the list was filled anew meanwhile: this item is gone
            if bitmap is None:
                not_yet = self.tr("not yet")
                item.setText(f"{role}\n{not_yet}")
                return
            item.setIcon(QIcon(to_pixmap(bitmap, ratio)))

        def failed(exc: BaseException) -> None:
            log.warning("thumbnail %s cannot be shown: %s", sha, exc)
            if fill == self._photo_fill:
                unreadable = self.tr("cannot be shown")
                item.setText(f"{role}\n{unreadable}")

        self.tasks.run(lambda: load_bitmap(path, box=box) if path.is_file() else None, shown, failed)

    # -- deciding -----------------------------------------------------------------------------------------

    def accept_selected(self) -> None:
        chosen = [s for s in self.selected() if s.status is Status.SENT]
        self._decide([Decision(s.id, s.revision, Status.ACCEPTED) for s in chosen])

    def return_selected(self) -> None:
        chosen = [s for s in self.selected() if s.status is Status.SENT]
        if not chosen:
            return
        comment = self.ask_comment(len(chosen))
        if not comment:
            return
        self._decide([Decision(s.id, s.revision, Status.RETURNED, comment) for s in chosen])

    def _ask_comment(self, count: int) -> str | None:
        dialog = ReturnDialog(count, self)
        return dialog.comment() if dialog.exec() else None

    def _decide(self, decisions: list[Decision]) -> None:
        if not decisions:
            return
        self._select_next_after({d.action_id for d in decisions})
        store = self.store
        ids = [d.action_id for d in decisions]

        def done(_: object) -> None:
            self.undoable.append(ids)
            self.undo_changed.emit()
            self._decided()

        self.tasks.run(lambda: store.queue_decisions(decisions), done, self._failed)

    def undo_last(self) -> None:
        """Take back the last decision(s) while not sent: the record waits for review again, as
        the server has it, and is chosen in the list. Once sent, it says so."""
        if not self.undoable:
            return
        ids = self.undoable.pop()
        self.undo_changed.emit()
        store = self.store

        def done(_: object) -> None:
            self._keep, self._keep_row, self._keep_within = ids[0], 0, 0
            self.table.clearSelection()
            self.undone.emit()
            self.reload()

        def failed(exc: BaseException) -> None:
            from PySide6.QtWidgets import QMessageBox

            text = exc.text(current_language()) if isinstance(exc, FieldAppError) else str(exc)
            if not isinstance(exc, FieldAppError):
                log.error("undoing a decision failed", exc_info=exc)
            QMessageBox.information(self, self.tr("Undo"), text)
            self.reload()

        self.tasks.run(lambda: store.undo_decisions(ids), done, failed)

    def _select_next_after(self, decided: set[str]) -> None:
        """Once the list is reloaded, the record after the decided ones (in the list's order) is
        chosen, or the one before them at the end of the list: not the top row."""
        rows = [r for r in range(self.model.rowCount()) if (s := self.model.summary(r)) and s.id in decided]
        if not rows:
            return
        at_end = rows[-1] + 1 >= self.model.rowCount()
        target = rows[0] - 1 if at_end else rows[-1] + 1
        chosen = self.model.summary(target)
        self._keep = chosen.id if chosen is not None else None
        self._keep_within = max(target, 0)
        # When the decided rows leave the list (waiting for review), the next one takes the first's place.
        self._keep_row = max(0, rows[0] - 1) if at_end else rows[0]

    def _decided(self) -> None:
        self.decided.emit()
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        text = exc.text(current_language()) if isinstance(exc, FieldAppError) else str(exc)
        QMessageBox.warning(self, self.tr("Review"), text)
        self._keep = None  # nothing was decided: stay on the record
        self.reload()

    # -- opened from the other tabs -----------------------------------------------------------------------

    def show_records(
        self,
        okrug: str | None,
        period: str | None,
        campaign: str | None = None,
        status: str = "all",
    ) -> None:
        """The list filtered to an okrug (or every okrug), a month (YYYY-MM) or a year (YYYY),
        perhaps a campaign, of every status unless told: what a click in "Who has reported" or on
        the dashboard opens. The other filters and the search are cleared; the first record is chosen."""
        combos = (self.okrug, self.settlement, self.campaign, self.month, self.status)
        for combo in combos:
            combo.blockSignals(True)
        self.search.blockSignals(True)
        try:
            self.okrug.setCurrentIndex(max(0, self.okrug.findData(okrug)) if okrug else 0)
            self._fill_settlements()
            self.campaign.setCurrentIndex(max(0, self.campaign.findData(campaign)) if campaign else 0)
            self.month.setCurrentIndex(self._period_index(period) if period else 0)
            self.status.setCurrentIndex(max(0, self.status.findData(status)))
            self.search.clear()
        finally:
            for combo in combos:
                combo.blockSignals(False)
            self.search.blockSignals(False)
        self.table.clearSelection()
        self._keep, self._keep_row, self._keep_within = "", 0, 0  # start at the top of the new list
        self.retranslate()
        self.reload()

    def _period_index(self, period: str) -> int:
        """The month filter's item for ``period``; a year, or a month older than the list, is added."""
        found = self.month.findData(period)
        if found >= 0:
            return found
        if "-" in period:
            self.month.addItem("", period)
            return self.month.count() - 1
        self.month.insertItem(1, "", period)
        return 1


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
