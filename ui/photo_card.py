"""One photo of the strip: its thumbnail, its role and a remove button (:mod:`ui.photo_strip`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from fieldapp.models import PhotoRole
from fieldapp.photos import ProcessedPhoto
from ui.bitmaps import Bitmap, to_pixmap
from ui.photo_viewer import format_taken_at, role_name
from ui.style import SPACING, set_role

THUMB_SIDE = 128
"""Longest side of a thumbnail on a card, in logical pixels."""
ROLES = (PhotoRole.BEFORE, PhotoRole.DURING, PhotoRole.AFTER, PhotoRole.OTHER)


class _Thumbnail(QToolButton):
    """A flat button showing the picture, with a clear focus ring (Fusion's is faint on a flat one)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.hasFocus():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 4, 4)
        painter.end()


class PhotoCard(QFrame):
    """One photo: thumbnail (click or Enter opens it large), role combo, remove button."""

    open_requested = Signal()
    remove_requested = Signal()
    role_changed = Signal()
    focused = Signal()  # one of its parts got the keyboard focus

    def __init__(
        self,
        sha256: str,
        role: PhotoRole,
        info: ProcessedPhoto | None,
        order: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        set_role(self, "card")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # as wide as its content
        self.sha256, self.info, self.order = sha256, info, order
        self._state = "loading"  # "loading" | "shown" | "missing"

        self.thumbnail = _Thumbnail()
        self.thumbnail.setAutoRaise(True)
        self.thumbnail.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.thumbnail.setFixedSize(THUMB_SIDE + SPACING, THUMB_SIDE + SPACING)
        self.thumbnail.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        self.thumbnail.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.thumbnail.clicked.connect(self.open_requested)
        self.role_combo = QComboBox()
        self.role_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # every language
        for item in ROLES:
            self.role_combo.addItem("", item.value)
        self.role_combo.setCurrentIndex(ROLES.index(role))
        self.role_combo.currentIndexChanged.connect(lambda _index: self.role_changed.emit())
        self.remove_button = QToolButton()
        self.remove_button.setText("×")
        self.remove_button.clicked.connect(self.remove_requested)
        for widget in self.focus_chain():
            widget.installEventFilter(self)

        controls = QHBoxLayout()
        controls.setSpacing(SPACING)
        controls.addWidget(self.role_combo, 1)
        controls.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        layout.setSpacing(SPACING)
        layout.addWidget(self.thumbnail, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(controls)
        self.retranslate()

    def focus_chain(self) -> list[QWidget]:
        return [self.thumbnail, self.role_combo, self.remove_button]

    def role(self) -> PhotoRole:
        return PhotoRole(self.role_combo.currentData())

    def set_thumbnail(self, image: Bitmap | None, ratio: float) -> None:
        """Show the picture (``None``: the photo is not on this computer)."""
        if image is None:
            self._state = "missing"
        else:
            self._state = "shown"
            self.thumbnail.setIcon(QIcon(to_pixmap(image, ratio)))
            self.thumbnail.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            self.thumbnail.setText("")
        self.retranslate()

    def has_thumbnail(self) -> bool:
        return self._state == "shown"

    def is_loading(self) -> bool:
        return self._state == "loading"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.focused.emit()
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Delete:
                self.remove_requested.emit()
                return True
            if watched is self.thumbnail and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_requested.emit()
                return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        for index, item in enumerate(ROLES):
            self.role_combo.setItemText(index, role_name(item))
        self.role_combo.setToolTip(self.tr("What the photo shows: before, during or after the clean-up"))
        self.role_combo.setAccessibleName(self.tr("Photo role"))
        self.remove_button.setToolTip(self.tr("Remove this photo (Delete)"))
        self.remove_button.setAccessibleName(self.tr("Remove photo"))
        self.thumbnail.setAccessibleName(self.tr("Open large (Enter)"))
        self.thumbnail.setToolTip(self._thumbnail_tip())
        if self._state == "loading":
            self.thumbnail.setText(self.tr("Loading…"))
        elif self._state == "missing":
            self.thumbnail.setText(self.tr("No preview"))

    def _thumbnail_tip(self) -> str:
        lines = []
        if self.info is not None:
            lines.append(self.info.original_name)
            if self.info.taken_at is not None:
                lines.append(self.tr("Taken {when}").format(when=format_taken_at(self.info.taken_at)))
        lines.append(self.tr("Open large (Enter)"))
        return "\n".join(lines)
