"""The photo strip of the action form: an action's photos as cards to add, tag, open and remove.

Photos come from the "Add photos…" file dialog or are dropped onto the strip. Each file is imported
into the :class:`~fieldapp.photo_library.PhotoLibrary` by its own background job (read, check,
process, store); while any runs the strip shows "Processing 2 of 5…" and says it is busy, so the
form can hold Save. A file that cannot be used is listed under the cards with the reason, in the
window's language; the others still go in. The same picture added twice is kept once.

Each card shows the thumbnail, a role combo and a remove button; clicking the thumbnail (or Enter
on it) opens the large view, Delete on a card removes it. Default role: the first photo added to an
empty strip is "Before" (the site is usually photographed before work starts); every later one is
"Other", for the user to set.

No file is read on the GUI thread: imports and thumbnails are decoded (with Pillow) by a job and
become pixmaps in the callback. Colours come from the stylesheet (``role`` properties) and the
palette; nothing here names a colour.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QRectF, QSize, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from fieldapp.models import MAX_PHOTOS, PhotoRef, PhotoRole
from fieldapp.photo_library import PhotoLibrary
from fieldapp.photos import PhotoError, ProcessedPhoto, accepted_formats
from ui.bitmaps import Bitmap, Size, load_bitmap
from ui.i18n import current_language
from ui.photo_card import THUMB_SIDE, PhotoCard
from ui.photo_viewer import PhotoViewer, device_box
from ui.style import SPACING, set_role
from ui.tasks import Tasks

log = logging.getLogger(__name__)


_PATTERNS = {
    "jpeg": ("*.jpg", "*.jpeg"),
    "png": ("*.png",),
    "heif": ("*.heic", "*.heif"),
    "webp": ("*.webp",),
}
_LABELS = {"jpeg": "JPEG", "png": "PNG", "heif": "HEIC", "webp": "WebP"}


def file_patterns() -> str:
    """``*.jpg *.jpeg *.png ...`` for the formats this installation accepts."""
    return " ".join(pattern for name in accepted_formats() for pattern in _PATTERNS[name])


def format_names() -> str:
    """``JPEG, PNG, HEIC, WebP`` for the formats this installation accepts."""
    return ", ".join(_LABELS[name] for name in accepted_formats())


# -- jobs (worker threads: no widgets here) --------------------------------------------------------


@dataclass(frozen=True)
class _Imported:
    info: ProcessedPhoto
    thumbnail: Bitmap | None


def _import(library: PhotoLibrary, path: Path, box: Size) -> _Imported:
    info = library.import_file(path)
    return _Imported(info, load_bitmap(library.thumbnail_path(info.sha256), box=box))


def _stored_thumbnail(library: PhotoLibrary, sha256: str, box: Size) -> Bitmap | None:
    """The stored thumbnail, else the upload copy scaled down; ``None`` if the photo is not here."""
    for path in (library.thumbnail_path(sha256), library.upload_path(sha256)):
        if path.is_file() and (bitmap := load_bitmap(path, box=box)) is not None:
            return bitmap
    return None


# -- the parts -------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class _Problem:
    """A line of the "could not add" list; ``render`` gives its text in the current language."""

    render: Callable[[], str]
    order: int  # listed in the order the files were chosen
    error: PhotoError | None = None


class _DropArea(QFrame):
    """Holds the cards; outlined (dashed) while empty, highlighted while files are dragged over it.

    Drawn with the palette's own colours, so it follows the app's theme.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._outlined = False
        self._highlighted = False

    def set_outlined(self, outlined: bool) -> None:
        self._outlined = outlined
        self.update()

    def set_highlighted(self, highlighted: bool) -> None:
        self._highlighted = highlighted
        self.update()

    def is_highlighted(self) -> bool:
        return self._highlighted

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not (self._outlined or self._highlighted):
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        role = QPalette.ColorRole.Highlight if self._highlighted else QPalette.ColorRole.Mid
        colour = self.palette().color(role)
        if self._highlighted:
            fill = QColor(colour)
            fill.setAlpha(28)
            painter.setBrush(fill)
        painter.setPen(QPen(colour, 2 if self._highlighted else 1, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 6, 6)
        painter.end()


# -- the strip -------------------------------------------------------------------------------------


class PhotoStrip(QWidget):
    """An action's photos; see the module's description."""

    changed = Signal()  # photos added, removed or their role changed (not by set_photos)
    busy_changed = Signal(bool)  # processing running or not
    location_found = Signal(float, float, str)  # a newly added photo's GPS position: lat, lon, file name

    def __init__(self, library: PhotoLibrary, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library, self._tasks = library, tasks
        self._cards: list[PhotoCard] = []
        self._new: dict[str, ProcessedPhoto] = {}
        self._problems: list[_Problem] = []
        self._problem_rows: list[tuple[_Problem, QLabel, QToolButton]] = []
        self._pending = 0
        self._batch_total = 0
        self._batch_done = 0
        self._generation = 0  # set_photos starts a new one: late results of the old are dropped
        self._order = itertools.count()
        self._last_folder = ""
        self.setAcceptDrops(True)
        self._build()
        self.setFocusProxy(self.add_button)  # the form's tab order treats the strip as one stop
        self._render_problems()
        self.retranslate()
        self._refresh()

    def _build(self) -> None:
        self.add_button = QPushButton()
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._choose_files)
        self.progress_label = set_role(QLabel(), "muted")
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedWidth(SPACING * 16)
        self.count_label = set_role(QLabel(), "muted")
        header = QHBoxLayout()
        header.setSpacing(SPACING)
        header.addWidget(self.add_button)
        header.addWidget(self.progress_label)
        header.addWidget(self.progress_bar)
        header.addStretch(1)
        header.addWidget(self.count_label)

        self.empty_label = set_role(QLabel(), "muted")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setMinimumHeight(SPACING * 6)
        self._row = QWidget()
        self._row_layout = QHBoxLayout(self._row)
        self._row_layout.setContentsMargins(0, 0, 0, 0)
        self._row_layout.setSpacing(SPACING)
        self._row_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self._row)
        self.scroll.viewport().setAutoFillBackground(False)
        self._row.setAutoFillBackground(False)  # setWidget turned it on: let the card show through
        self.drop_area = _DropArea()
        self.drop_area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        drop_layout = QVBoxLayout(self.drop_area)
        drop_layout.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        drop_layout.addWidget(self.empty_label)
        drop_layout.addWidget(self.scroll)

        self.problem_box = set_role(QFrame(), "errorBox")
        self._problem_layout = QVBoxLayout(self.problem_box)
        self._problem_layout.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        self._problem_layout.setSpacing(SPACING)
        self.dismiss_all_button = QPushButton()
        self.dismiss_all_button.setAutoDefault(False)
        self.dismiss_all_button.clicked.connect(self.clear_errors)
        self._problem_layout.addWidget(self.dismiss_all_button, 0, Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addLayout(header)
        layout.addWidget(self.problem_box)  # just under the Add button, where the eye already is
        layout.addWidget(self.drop_area)
        layout.addStretch(1)  # any height to spare goes below, not between the cards

    # -- the public face -----------------------------------------------------------------------------

    def set_photos(self, refs: Sequence[PhotoRef], known: Mapping[str, ProcessedPhoto] | None = None) -> None:
        """Show an existing record's photos; ``known`` (optional) gives their names and times.

        Replaces whatever the strip held, forgets the "could not add" list and drops the results of
        imports still running. Does not emit ``changed``.
        """
        self._generation += 1
        for card in list(self._cards):
            self._discard(card)
        self._new.clear()
        self._problems.clear()
        for ref in refs:
            if self._card(ref.sha256) is not None:
                continue
            info = known.get(ref.sha256) if known else None
            card = self._add_card(ref.sha256, ref.role, info)
            self._load_thumbnail(card)
        self._render_problems()
        self._refresh()

    def photos(self) -> list[PhotoRef]:
        """The photos in display order, with their roles."""
        return [PhotoRef(sha256=card.sha256, role=card.role()) for card in self._cards]

    def new_photos(self) -> list[ProcessedPhoto]:
        """Photos imported since :meth:`set_photos` that are still on the strip, in display order."""
        return [self._new[card.sha256] for card in self._cards if card.sha256 in self._new]

    def add_files(self, paths: Sequence[Path]) -> None:
        """Import these files, each in its own background job; refuse those beyond MAX_PHOTOS."""
        paths = [Path(path) for path in paths]
        if not paths:
            return
        limit = MAX_PHOTOS
        room = max(0, limit - len(self._cards) - self._pending)
        if len(paths) > room:
            self._refuse_over_limit(len(paths) - room, limit)
        starts_empty = not self._cards and not self._pending
        for index, path in enumerate(paths[:room]):
            role = PhotoRole.BEFORE if starts_empty and index == 0 else PhotoRole.OTHER
            self._start_import(path, role)

    def is_busy(self) -> bool:
        return self._pending > 0

    def errors(self) -> list[PhotoError]:
        """The files of the "could not add" list that the photo pipeline refused."""
        return [problem.error for problem in self._problems if problem.error is not None]

    def messages(self) -> list[str]:
        """Every line of the "could not add" list, as shown."""
        return [problem.render() for problem in self._problems]

    def clear_errors(self) -> None:
        had_focus = self._has_focus_in(self.problem_box)
        self._problems.clear()
        self._render_problems()
        self._refresh()
        if had_focus:
            self.add_button.setFocus()

    def cards(self) -> list[PhotoCard]:
        """The cards in display order."""
        return list(self._cards)

    def dismiss_buttons(self) -> list[QToolButton]:
        """The "×" of each line of the "could not add" list, in order."""
        return [button for _problem, _label, button in self._problem_rows]

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add photos…"))
        self.add_button.setToolTip(
            self.tr(
                "Choose photos on this computer ({formats}). You can also drag them onto this area."
            ).format(formats=format_names())
        )
        self.empty_label.setText(self.tr("No photos yet — add them or drop them here"))
        self.dismiss_all_button.setText(self.tr("Dismiss all"))
        for card in self._cards:
            card.retranslate()
        for problem, label, button in self._problem_rows:
            label.setText(problem.render())
            button.setToolTip(self.tr("Dismiss this message"))
            button.setAccessibleName(self.tr("Dismiss this message"))
        self._show_progress()
        self._show_count()
        self._fit_height()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- adding --------------------------------------------------------------------------------------

    def _choose_files(self) -> None:
        folder = self._last_folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.PicturesLocation
        )
        filters = ";;".join(
            [
                self.tr("Photos ({patterns})").format(patterns=file_patterns()),
                self.tr("All files (*)"),
            ]
        )
        names, _chosen = QFileDialog.getOpenFileNames(self, self.tr("Add photos"), folder, filters)
        if names:
            self._last_folder = str(Path(names[0]).parent)
            self.add_files([Path(name) for name in names])

    def _start_import(self, path: Path, role: PhotoRole) -> None:
        library, generation, order = self._library, self._generation, next(self._order)
        ratio = self.devicePixelRatioF()
        box = device_box(QSize(THUMB_SIDE, THUMB_SIDE), ratio)
        self._job_started()
        self._tasks.run(
            lambda: _import(library, path, box),
            on_done=lambda result: self._imported(generation, order, role, ratio, result),
            on_error=lambda error: self._import_failed(generation, order, path, error),
        )

    def _imported(
        self, generation: int, order: int, role: PhotoRole, ratio: float, result: _Imported
    ) -> None:
        if not isValid(self):
            return
        try:
            if generation == self._generation:
                self._take(order, role, ratio, result)
        finally:
            self._job_finished()

    def _take(self, order: int, role: PhotoRole, ratio: float, result: _Imported) -> None:
        info = result.info
        if self._card(info.sha256) is not None:
            self._add_problem(_Problem(partial(self._already_attached_text, info.original_name), order))
            return
        card = self._add_card(info.sha256, role, info, order)
        card.set_thumbnail(result.thumbnail, ratio)
        self._new[info.sha256] = info
        self._refresh()
        self._reveal(card)
        self.changed.emit()
        if info.lat is not None and info.lon is not None:
            self.location_found.emit(info.lat, info.lon, info.original_name)

    def _import_failed(self, generation: int, order: int, path: Path, error: BaseException) -> None:
        if not isValid(self):
            return
        try:
            if generation == self._generation:
                self._add_problem(self._problem_for(path, error, order))
        finally:
            self._job_finished()

    def _problem_for(self, path: Path, error: BaseException, order: int) -> _Problem:
        if isinstance(error, PhotoError):
            return _Problem(lambda: error.text(current_language()), order, error)
        log.error("could not add photo %s", path, exc_info=error)
        return _Problem(partial(self._program_error_text, path.name), order)

    def _already_attached_text(self, name: str) -> str:
        return self.tr("“{name}” was not added again: the same photo is already attached.").format(name=name)

    def _program_error_text(self, name: str) -> str:
        return self.tr(
            "“{name}” could not be added because of an error in the program. It has been written to the log."
        ).format(name=name)

    def _refuse_over_limit(self, count: int, limit: int) -> None:
        def text() -> str:
            return self.tr(
                "%n file(s) not added: an action can have at most {max} photos.", "", count
            ).format(max=limit)

        self._add_problem(_Problem(text, next(self._order)))

    # -- busy ----------------------------------------------------------------------------------------

    def _job_started(self) -> None:
        self._pending += 1
        self._batch_total += 1
        self._show_progress()
        if self._pending == 1:
            self.busy_changed.emit(True)

    def _job_finished(self) -> None:
        self._pending -= 1
        self._batch_done += 1
        if self._pending == 0:
            self._batch_total = self._batch_done = 0
        self._show_progress()
        if self._pending == 0:
            self.busy_changed.emit(False)

    def _show_progress(self) -> None:
        busy = self._pending > 0
        self.progress_label.setVisible(busy)
        self.progress_bar.setVisible(busy)
        if not busy:
            return
        current = min(self._batch_done + 1, self._batch_total)
        self.progress_label.setText(
            self.tr("Processing {current} of {total}…").format(current=current, total=self._batch_total)
        )
        self.progress_bar.setRange(0, self._batch_total)
        self.progress_bar.setValue(self._batch_done)

    # -- cards ---------------------------------------------------------------------------------------

    def _card(self, sha256: str) -> PhotoCard | None:
        return next((card for card in self._cards if card.sha256 == sha256), None)

    def _add_card(
        self, sha256: str, role: PhotoRole, info: ProcessedPhoto | None, order: int | None = None
    ) -> PhotoCard:
        card = PhotoCard(sha256, role, info, next(self._order) if order is None else order)
        card.open_requested.connect(partial(self._open, card))
        card.remove_requested.connect(partial(self._remove, card))
        card.role_changed.connect(self.changed)
        card.focused.connect(partial(self.scroll.ensureWidgetVisible, card))  # Tab from outside the row
        index = sum(1 for other in self._cards if other.order < card.order)
        self._cards.insert(index, card)
        self._row_layout.insertWidget(index, card, 0, Qt.AlignmentFlag.AlignTop)
        card.show()  # now, not when the layout gets round to it: tab order and scrolling need it
        return card

    def _reveal(self, card: PhotoCard) -> None:
        """Scroll the new card into view once the row has been laid out again."""

        def reveal() -> None:
            if isValid(card):
                self.scroll.ensureWidgetVisible(card)

        QTimer.singleShot(0, self, reveal)

    def _load_thumbnail(self, card: PhotoCard) -> None:
        library, sha256 = self._library, card.sha256
        ratio = self.devicePixelRatioF()
        box = device_box(QSize(THUMB_SIDE, THUMB_SIDE), ratio)
        self._tasks.run(
            lambda: _stored_thumbnail(library, sha256, box),
            on_done=lambda image: self._thumbnail_loaded(card, image, ratio),
            on_error=lambda error: self._thumbnail_failed(card, error),
        )

    def _thumbnail_loaded(self, card: PhotoCard, image: Bitmap | None, ratio: float) -> None:
        if isValid(self) and isValid(card) and card in self._cards:
            card.set_thumbnail(image, ratio)

    def _thumbnail_failed(self, card: PhotoCard, error: BaseException) -> None:
        log.error("could not load the thumbnail of %s", card.sha256 if isValid(card) else "?", exc_info=error)
        if isValid(self) and isValid(card) and card in self._cards:
            card.set_thumbnail(None, 1.0)

    def _remove(self, card: PhotoCard) -> None:
        if card not in self._cards:
            return
        index = self._cards.index(card)
        had_focus = self._has_focus_in(card)
        self._discard(card)
        self._new.pop(card.sha256, None)
        self._refresh()
        if had_focus:
            target = (
                self._cards[min(index, len(self._cards) - 1)].thumbnail if self._cards else self.add_button
            )
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _discard(self, card: PhotoCard) -> None:
        self._cards.remove(card)
        self._row_layout.removeWidget(card)
        card.hide()
        card.deleteLater()

    def _open(self, card: PhotoCard) -> None:
        viewer = PhotoViewer(
            self._library, self._tasks, card.sha256, info=card.info, role=card.role(), parent=self
        )
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.open()

    # -- the "could not add" list ----------------------------------------------------------------------

    def _add_problem(self, problem: _Problem) -> None:
        index = sum(1 for other in self._problems if other.order <= problem.order)
        self._problems.insert(index, problem)
        self._render_problems()
        self._refresh()

    def _dismiss(self, problem: _Problem) -> None:
        index = next(i for i, row in enumerate(self._problem_rows) if row[0] is problem)
        had_focus = self._has_focus_in(self.problem_box)
        self._problems.remove(problem)
        self._render_problems()
        self._refresh()
        if had_focus:
            buttons = [button for _problem, _label, button in self._problem_rows]
            target = buttons[min(index, len(buttons) - 1)] if buttons else self.add_button
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _render_problems(self) -> None:
        """One row per problem: its text and a "×" that dismisses it."""
        for _problem, label, _button in self._problem_rows:
            row = label.parentWidget()
            row.hide()
            row.deleteLater()
        self._problem_rows = []
        for problem in self._problems:
            row = QWidget()
            label = set_role(QLabel(problem.render()), "error")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            button = QToolButton()
            button.setText("×")
            button.setAutoRaise(True)
            button.setToolTip(self.tr("Dismiss this message"))
            button.setAccessibleName(self.tr("Dismiss this message"))
            button.clicked.connect(partial(self._dismiss, problem))
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.setSpacing(SPACING)
            row_layout.addWidget(label, 1)
            row_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self._problem_layout.insertWidget(len(self._problem_rows), row)
            self._problem_rows.append((problem, label, button))
        self.dismiss_all_button.setVisible(len(self._problems) > 1)
        self.problem_box.setVisible(bool(self._problems))

    # -- layout --------------------------------------------------------------------------------------

    def _refresh(self) -> None:
        has_cards = bool(self._cards)
        self.empty_label.setVisible(not has_cards)
        self.scroll.setVisible(has_cards)
        self.drop_area.set_outlined(not has_cards)
        self._show_count()
        self._fit_height()
        self._update_tab_order()

    def _show_count(self) -> None:
        self.count_label.setVisible(bool(self._cards))
        self.count_label.setText(
            self.tr("{count} of {max} photos").format(count=len(self._cards), max=MAX_PHOTOS)
        )

    def _fit_height(self) -> None:
        """Room for one row of cards and the horizontal scroll bar, so nothing jumps when it shows."""
        if not self._cards:
            return
        extent = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.scroll)
        tallest = max(card.sizeHint().height() for card in self._cards)
        self.scroll.setFixedHeight(tallest + extent)

    def _update_tab_order(self) -> None:
        """Add button, then each card's thumbnail, role and remove button, then the messages."""
        chain: list[QWidget] = [self.add_button]
        for card in self._cards:
            chain.extend(card.focus_chain())
        chain.extend(button for _problem, _label, button in self._problem_rows)
        chain.append(self.dismiss_all_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _has_focus_in(self, widget: QWidget) -> bool:
        focused = self.window().focusWidget()
        return focused is not None and (focused is widget or widget.isAncestorOf(focused))

    # -- drag and drop -------------------------------------------------------------------------------

    @staticmethod
    def _local_files(mime: QMimeData) -> list[Path]:
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def _accept_copy(self, event: QDropEvent) -> bool:
        """Accept as a copy (never a move: the files stay where they are) if it carries local files."""
        if self._local_files(event.mimeData()) and event.possibleActions() & Qt.DropAction.CopyAction:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            return True
        event.ignore()
        return False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.drop_area.set_highlighted(self._accept_copy(event))

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._accept_copy(event)

    def dragLeaveEvent(self, event: QEvent) -> None:
        self.drop_area.set_highlighted(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self.drop_area.set_highlighted(False)
        if self._accept_copy(event):
            self.add_files(self._local_files(event.mimeData()))
