"""Two charts a coordinator reads at a glance: a monthly trend (bars) and shares (a ring with its
legend). Painted with QPainter — no chart library to ship — and rendered the same way into the PDF
report (:meth:`Chart.image`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui import style

PALETTE = ("#1f7a4d", "#d08c1d", "#3a6ea5", "#b3261e", "#7a4fa0", "#4e9a8f", "#8a6d3b", "#c0577a", "#5b6a63")


@dataclass(frozen=True)
class Slice:
    label: str
    value: float


class Chart(QWidget):
    """What both charts share: a title, a size policy, and painting into an image for a PDF."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(260, 200)

    def sizeHint(self) -> QSize:
        return QSize(420, 260)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self.paint(painter, QRectF(self.rect()))
        finally:
            painter.end()

    def image(self, width: int, height: int, scale: float = 2.0) -> QImage:
        """The chart drawn at ``width`` × ``height`` logical pixels, sharp at ``scale``."""
        image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(scale)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            painter.setFont(self.font())
            self.paint(painter, QRectF(0, 0, width, height))
        finally:
            painter.end()
        return image

    def paint(self, painter: QPainter, area: QRectF) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _title(self, painter: QPainter, area: QRectF) -> QRectF:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(style.INK))
        height = QFontMetrics(font).height()
        painter.drawText(
            QRectF(area.left(), area.top(), area.width(), height), Qt.AlignmentFlag.AlignLeft, self.title
        )
        font.setBold(False)
        painter.setFont(font)
        return area.adjusted(0, height + 6, 0, 0)

    def _empty(self, painter: QPainter, area: QRectF) -> None:
        painter.setPen(QColor(style.MUTED))
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)


class BarChart(Chart):
    """Bars by month (or any labels), their values written above them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.values: list[float] = []
        self.format: Callable[[float], str] = lambda v: f"{v:g}"

    def set_data(
        self, title: str, labels: Sequence[str], values: Sequence[float], fmt: Callable[[float], str]
    ) -> None:
        self.title, self.labels, self.values, self.format = title, list(labels), list(values), fmt
        self.update()

    def paint(self, painter: QPainter, area: QRectF) -> None:
        area = self._title(painter, area.adjusted(4, 4, -4, -4))
        if not self.values or max(self.values) <= 0:
            self._empty(painter, area)
            return
        metrics = QFontMetrics(painter.font())
        label_h = metrics.height() + 4
        plot = area.adjusted(0, metrics.height() + 2, 0, -label_h)
        top = max(self.values)
        count = len(self.values)
        slot = plot.width() / count
        bar_w = max(4.0, slot * 0.62)
        painter.setPen(QPen(QColor(style.LINE), 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        for i, (text, value) in enumerate(zip(self.labels, self.values, strict=True)):
            x = plot.left() + slot * i + (slot - bar_w) / 2
            h = plot.height() * (value / top) if top else 0
            bar = QRectF(x, plot.bottom() - h, bar_w, h)
            painter.fillRect(bar, QColor(style.GREEN if value else style.LINE))
            painter.setPen(QColor(style.MUTED))
            painter.drawText(
                QRectF(plot.left() + slot * i, plot.bottom() + 2, slot, label_h),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(slot)),
            )
            if value:
                painter.setPen(QColor(style.INK))
                shown = metrics.elidedText(self.format(value), Qt.TextElideMode.ElideRight, int(slot + 8))
                painter.drawText(
                    QRectF(
                        plot.left() + slot * i - 4,
                        bar.top() - metrics.height() - 1,
                        slot + 8,
                        metrics.height(),
                    ),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    shown,
                )


class DonutChart(Chart):
    """Shares of a whole as a ring, with a legend of labels, values and percentages. A label too
    long for the legend wraps onto more lines (none is cut short); the chart asks for the height
    its legend needs at its width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slices: list[Slice] = []
        self.format: Callable[[float], str] = lambda v: f"{v:g}"

    def set_data(self, title: str, slices: Sequence[Slice], fmt: Callable[[float], str]) -> None:
        self.title, self.slices, self.format = title, [s for s in slices if s.value > 0], fmt
        self._fit_height(self.width())
        self.update()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._fit_height(event.size().width())
        super().resizeEvent(event)

    def _fit_height(self, width: int) -> None:
        """Tall enough for the title and every legend entry, wrapped, at ``width``."""
        if not self.slices or width <= 0:
            self.setMinimumHeight(200)
            return
        metrics = QFontMetrics(self.font())
        inner = width - 8
        ring = inner * 0.45  # the widest the ring gets (paint: its side is at most 0.45 of the width)
        _, heights = self._legend_lines(metrics, inner - ring - 12)
        needed = 8 + metrics.height() + 6 + sum(heights)
        self.setMinimumHeight(max(200, int(needed) + 2))

    def _entries(self) -> list[str]:
        total = sum(s.value for s in self.slices)
        return [f"{s.label} — {self.format(s.value)} ({100 * s.value / total:.0f} %)" for s in self.slices]

    def _legend_lines(self, metrics: QFontMetrics, width: float) -> tuple[list[str], list[float]]:
        """Each entry's text and its height, wrapped at ``width`` less the colour square."""
        texts = self._entries()
        room = max(1, int(width - 16))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        heights = [
            max(metrics.height(), metrics.boundingRect(0, 0, room, 10_000, flags, text).height()) + 4.0
            for text in texts
        ]
        return texts, heights

    def paint(self, painter: QPainter, area: QRectF) -> None:
        area = self._title(painter, area.adjusted(4, 4, -4, -4))
        total = sum(s.value for s in self.slices)
        if total <= 0:
            self._empty(painter, area)
            return
        side = min(area.height(), area.width() * 0.45)
        ring = QRectF(area.left(), area.top() + (area.height() - side) / 2, side, side)
        angle = 90 * 16
        for index, piece in enumerate(self.slices):
            span = -round(360 * 16 * piece.value / total)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(PALETTE[index % len(PALETTE)]))
            painter.drawPie(ring, angle, span)
            angle += span
        hole = side * 0.55
        painter.setBrush(QColor("white"))
        painter.drawEllipse(ring.center(), hole / 2, hole / 2)
        metrics = QFontMetrics(painter.font())
        legend = QRectF(ring.right() + 12, area.top(), area.right() - ring.right() - 12, area.height())
        texts, heights = self._legend_lines(metrics, legend.width())
        count = 1
        while count < len(texts) and sum(heights[: count + 1]) <= legend.height():
            count += 1  # as many entries as the height holds (all of them on screen: see _fit_height)
        y = legend.top() + max(0, (legend.height() - sum(heights[:count])) / 2)
        for index, (text, height) in enumerate(zip(texts[:count], heights[:count], strict=True)):
            painter.setBrush(QColor(PALETTE[index % len(PALETTE)]))
            painter.drawRect(QRectF(legend.left(), y + 2 + (metrics.height() - 10) / 2, 10, 10))
            painter.setPen(QColor(style.INK))
            painter.drawText(
                QRectF(legend.left() + 16, y + 2, legend.width() - 16, height - 4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                text,
            )
            painter.setPen(Qt.PenStyle.NoPen)
            y += height
