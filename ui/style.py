"""How the window looks: one palette, one spacing scale, one stylesheet, the app icon.

Fusion style everywhere, so a Windows laptop and the screenshots agree. Widgets say what they are
with a ``role`` property (``card``, ``figure``, ``muted``, ``error``...) and the stylesheet decides
how that looks; no widget sets colours itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QStyleFactory, QVBoxLayout, QWidget

from fieldapp.resources import resource_path

GREEN = "#1f7a4d"
GREEN_DARK = "#175c3a"
GREEN_LIGHT = "#e3f1e9"
INK = "#1d2a24"
MUTED = "#5b6a63"
LINE = "#d9e1dd"
SURFACE = "#ffffff"
BACKGROUND = "#f3f6f4"
RED = "#b3261e"
RED_LIGHT = "#fdecea"
AMBER = "#8a4b08"
AMBER_LIGHT = "#fff3dc"
AMBER_LINE = "#f1c27d"

SPACING = 8  # the grid: margins and gaps are multiples of it

STYLESHEET = f"""
QMainWindow, QDialog {{ background: {BACKGROUND}; }}
QWidget[role="card"] {{
    background: {SURFACE}; border: 1px solid {LINE}; border-radius: 8px;
}}
QLabel[role="cardTitle"] {{ color: {INK}; font-weight: 600; }}
QLabel[role="sectionTitle"] {{ color: {GREEN_DARK}; font-weight: 600; padding-top: 4px; }}
QLabel[role="figure"] {{ color: {INK}; font-size: 14pt; font-weight: 600; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="error"] {{ color: {RED}; }}
QLabel[role="warning"] {{ color: {AMBER}; }}
QLabel[role="ok"] {{ color: {GREEN_DARK}; }}
QFrame[role="banner"] {{
    background: {AMBER_LIGHT}; border: 1px solid {AMBER_LINE}; border-radius: 6px;
}}
QFrame[role="banner"] QLabel {{ color: {AMBER}; }}
QFrame[role="notice"] {{
    background: {GREEN_LIGHT}; border: 1px solid #b9d9c7; border-radius: 6px;
}}
QFrame[role="notice"] QLabel {{ color: {GREEN_DARK}; }}
QFrame[role="errorBox"] {{
    background: {RED_LIGHT}; border: 1px solid #f2b8b5; border-radius: 6px;
}}
QFrame[role="errorBox"] QLabel {{ color: {RED}; }}
QLineEdit[invalid="true"], QComboBox[invalid="true"], QSpinBox[invalid="true"],
QDateEdit[invalid="true"], QPlainTextEdit[invalid="true"] {{
    border: 1px solid {RED}; background: {RED_LIGHT};
}}
QPushButton {{ padding: 5px 14px; }}
QPushButton[primary="true"] {{
    background: {GREEN}; color: white; border: 1px solid {GREEN_DARK}; border-radius: 4px;
    font-weight: 600;
}}
QPushButton[primary="true"]:hover {{ background: {GREEN_DARK}; }}
QPushButton[primary="true"]:disabled {{ background: #9cbfae; border-color: #9cbfae; }}
QPushButton[role="link"] {{
    color: {GREEN_DARK}; text-decoration: underline; background: transparent;
    border: 1px solid transparent; border-radius: 4px; padding: 3px 4px;
}}
QPushButton[role="link"]:hover {{ color: {GREEN}; background: {GREEN_LIGHT}; }}
QPushButton[role="link"]:focus {{ border: 1px solid {GREEN}; }}
QTableView {{
    background: {SURFACE}; alternate-background-color: #f7faf8; gridline-color: {LINE};
    selection-background-color: {GREEN_LIGHT}; selection-color: {INK};
}}
QHeaderView::section {{
    background: #eef3f0; color: {INK}; padding: 5px 6px; border: none;
    border-bottom: 1px solid {LINE}; border-right: 1px solid {LINE}; font-weight: 600;
}}
QStatusBar {{ background: #e9efec; color: {INK}; }}
QStatusBar QLabel {{ padding: 0 6px; }}
"""


def apply_style(app: QApplication) -> None:
    app.setStyle(QStyleFactory.create("Fusion"))
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(BACKGROUND))
    palette.setColor(QPalette.ColorRole.Base, QColor(SURFACE))
    palette.setColor(QPalette.ColorRole.Text, QColor(INK))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(INK))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(GREEN))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    palette.setColor(QPalette.ColorRole.Link, QColor(GREEN))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET)
    app.setWindowIcon(app_icon())


def app_icon() -> QIcon:
    """The app's icon, drawn from ``icons/app.svg`` into a PNG (the app then needs no SVG support)."""
    return QIcon(str(resource_path("icons", "app.png")))


def set_role(widget: QWidget, role: str) -> QWidget:
    """Tag a widget for the stylesheet (``card``, ``figure``, ``muted``, ``error``...)."""
    widget.setProperty("role", role)
    return widget


def error_box(*, selectable: bool = False) -> tuple[QFrame, QLabel]:
    """A dialog's red box for what went wrong (hidden until there is something to say), and the
    label inside it that says it."""
    frame = set_role(QFrame(), "errorBox")
    label = QLabel()
    label.setWordWrap(True)
    if selectable:  # a server's message may be worth copying to IT staff
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box = QVBoxLayout(frame)
    box.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
    box.addWidget(label)
    frame.hide()
    return frame, label


def restyle(widget: QWidget, role: str) -> None:
    """Change a widget's role after it is shown (the stylesheet applies the new look at once)."""
    if widget.property("role") == role:
        return
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark an input red (or not); restyles it at once."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
