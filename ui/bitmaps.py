"""Pictures for the screen, decoded off the GUI thread without Qt.

A worker decodes and scales with Pillow into a :class:`Bitmap` (plain RGB bytes); the GUI thread
turns it into a ``QImage``/``QPixmap``. No Qt image code (and no Qt image plugin) ever runs on a
worker thread (see :mod:`ui.tasks` for why).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError
from PySide6.QtGui import QImage, QPixmap

Size = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Bitmap:
    width: int
    height: int
    data: bytes  # RGB, three bytes a pixel, rows packed

    @property
    def size(self) -> Size:
        return (self.width, self.height)


def fit(size: Size, box: Size) -> Size:
    """``size`` scaled down (never up) to fit in ``box``, keeping its shape."""
    width, height = size
    if width <= box[0] and height <= box[1]:
        return size
    scale = min(box[0] / width, box[1] / height)
    return (max(1, round(width * scale)), max(1, round(height * scale)))


def image_size(path: Path) -> Size | None:
    """The picture's size from its header, or ``None`` if it cannot be read."""
    try:
        with Image.open(path) as image:
            return image.size
    except (OSError, UnidentifiedImageError, ValueError):
        return None


def load_bitmap(path: Path, target: Size | None = None, box: Size | None = None) -> Bitmap | None:
    """Worker side: the picture at ``path`` at exactly ``target`` pixels, or fitted into ``box``
    (never enlarged); ``None`` if the file is missing or unreadable."""
    try:
        with Image.open(path) as image:
            wanted = target or (fit(image.size, box) if box else image.size)
            image.draft("RGB", wanted)  # JPEG: let the decoder do most of the shrinking
            picture = ImageOps.exif_transpose(image).convert("RGB")
            if picture.size != wanted:
                picture = picture.resize(wanted, Image.Resampling.LANCZOS)
            return Bitmap(picture.width, picture.height, picture.tobytes())
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        return None


def to_pixmap(bitmap: Bitmap, ratio: float) -> QPixmap:
    """GUI side: a pixmap for a screen with this device pixel ratio."""
    image = QImage(bitmap.data, bitmap.width, bitmap.height, bitmap.width * 3, QImage.Format.Format_RGB888)
    pixmap = QPixmap.fromImage(image.copy())  # copy: the QImage must not outlive ``data``
    pixmap.setDevicePixelRatio(ratio)
    return pixmap
