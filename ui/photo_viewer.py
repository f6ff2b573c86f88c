"""Showing one stored photo large: its upload copy scaled to fit the screen, with its name, role,
when and where it was taken (as far as this computer knows), and whose record it is.

The picture is read and scaled on a worker thread with Pillow (:mod:`ui.bitmaps`); the dialog turns
it into a pixmap when it arrives. Escape closes it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget
from shiboken6 import isValid

from fieldapp.i18n import translate as domain_text
from fieldapp.models import PhotoRole
from fieldapp.moments import format_moment
from fieldapp.photo_library import PhotoLibrary
from fieldapp.photos import ProcessedPhoto
from ui.bitmaps import Bitmap, Size, fit, image_size, load_bitmap, to_pixmap
from ui.i18n import current_language
from ui.style import SPACING, set_role
from ui.tasks import Tasks

log = logging.getLogger(__name__)

SCREEN_SHARE = 0.9
"""How much of the screen's free area the dialog may take."""
CHROME_HEIGHT = SPACING * 16
"""Room kept for the caption, the Close button and the margins below the picture."""


def device_box(logical: QSize, ratio: float) -> Size:
    """A box of logical pixels in device pixels, as a plain size a worker may use."""
    return (round(logical.width() * ratio), round(logical.height() * ratio))


def format_taken_at(taken_at: datetime) -> str:
    """When the photo was taken as the app writes dates (25.11.2026 14:05): on the laptop's clock
    when the camera said its time zone, else the camera's own wall-clock time (no zone known)."""
    return format_moment(taken_at) if taken_at.tzinfo is not None else taken_at.strftime("%d.%m.%Y %H:%M")


def format_position(lat: float, lon: float) -> str:
    """A GPS position as people read it off a phone: 43.252600, 76.945400."""
    return f"{lat:.6f}, {lon:.6f}"


def _read_upload(path: Path, box: Size, ratio: float) -> Bitmap | str:
    """Worker side: the upload copy at its own size in logical pixels (so as big on a 150 % screen
    as on a 100 % one), shrunk to fit ``box``; or why there is none ("missing", "unreadable")."""
    if not path.is_file():
        return "missing"
    size = image_size(path)
    if size is None:
        return "unreadable"
    logical = fit(size, box)
    bitmap = load_bitmap(path, target=(round(logical[0] * ratio), round(logical[1] * ratio)))
    return bitmap if bitmap is not None else "unreadable"


def role_name(role: PhotoRole) -> str:
    return domain_text(f"role.{role.value}", current_language())


class PhotoViewer(QDialog):
    """The "open large" view of one photo of the strip. Window-modal; Escape or Close closes it."""

    def __init__(
        self,
        library: PhotoLibrary,
        tasks: Tasks,
        sha256: str,
        *,
        info: ProcessedPhoto | None = None,
        role: PhotoRole | None = None,
        about: Callable[[], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``about``: the record the photo belongs to, in the current language (one line)."""
        super().__init__(parent)
        self._library, self._tasks = library, tasks
        self._sha256, self._info, self._role, self._about = sha256, info, role, about
        self._state = "loading"  # "loading" | "shown" | "missing" | "unreadable"
        self._build()
        self.retranslate()
        self._load()

    def _build(self) -> None:
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(SPACING * 40, SPACING * 30)
        set_role(self.picture, "muted")
        self.name_label = set_role(QLabel(), "cardTitle")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label = set_role(QLabel(), "muted")
        self.record_label = QLabel()  # one line, not wrapped: a wrapped label would let the dialog
        # be sized too short for it, over the picture
        self.record_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING * 2, SPACING * 2, SPACING * 2, SPACING * 2)
        layout.setSpacing(SPACING)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.name_label)
        layout.addWidget(self.details_label)
        layout.addWidget(self.record_label)
        layout.addWidget(buttons)

    # -- loading -----------------------------------------------------------------------------------

    def fit_box(self) -> QSize:
        """The largest picture, in logical pixels, that leaves the dialog inside the screen."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        free = screen.availableGeometry()
        width = int(free.width() * SCREEN_SHARE) - SPACING * 4
        height = int(free.height() * SCREEN_SHARE) - CHROME_HEIGHT
        return QSize(max(width, SPACING * 40), max(height, SPACING * 30))

    def _load(self) -> None:
        path = self._library.upload_path(self._sha256)
        fit_box = self.fit_box()
        ratio, box = self.devicePixelRatioF(), (fit_box.width(), fit_box.height())
        self._tasks.run(
            lambda: _read_upload(path, box, ratio),
            on_done=lambda result: self._loaded(result, ratio),
            on_error=self._failed,
        )

    def _loaded(self, result: Bitmap | str, ratio: float) -> None:
        if not isValid(self):
            return
        if isinstance(result, Bitmap):
            pixmap = to_pixmap(result, ratio)
            self.picture.setPixmap(pixmap)
            self.picture.setMinimumSize(pixmap.deviceIndependentSize().toSize())
            self._state = "shown"
        else:
            self._state = result
        self.retranslate()
        self.adjustSize()
        self._centre()

    def _failed(self, error: BaseException) -> None:
        log.error("cannot show photo %s", self._sha256, exc_info=error)
        if isValid(self):
            self._state = "unreadable"
            self.retranslate()

    def _centre(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        frame = self.frameGeometry()
        frame.moveCenter(screen.availableGeometry().center())
        self.move(frame.topLeft())

    def has_image(self) -> bool:
        return self._state == "shown"

    def is_loading(self) -> bool:
        return self._state == "loading"

    # -- texts -------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        name = self._info.original_name if self._info else ""
        self.setWindowTitle(name or self.tr("Photo"))
        self.name_label.setText(name)
        self.name_label.setVisible(bool(name))
        self.details_label.setText(self._details())
        self.details_label.setVisible(bool(self.details_label.text()))
        self.record_label.setText(self._about() if self._about else "")
        self.record_label.setVisible(bool(self.record_label.text()))
        if self._state == "loading":
            self.picture.setText(self.tr("Loading…"))
        elif self._state == "missing":
            self.picture.setText(self.tr("This photo is not on this computer."))
        elif self._state == "unreadable":
            self.picture.setText(self.tr("The photo could not be read."))

    def _details(self) -> str:
        parts = []
        if self._role is not None:
            parts.append(role_name(self._role))
        info = self._info
        if info is not None and info.taken_at is not None:
            parts.append(self.tr("Taken {when}").format(when=format_taken_at(info.taken_at)))
        if info is not None and info.lat is not None and info.lon is not None:
            parts.append(self.tr("GPS {position}").format(position=format_position(info.lat, info.lon)))
        known = info is not None and (info.taken_at is not None or info.lat is not None)
        if not known and self._about is not None:
            parts.append(self.tr("the camera's time and place are not known here"))
        return " · ".join(parts)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
