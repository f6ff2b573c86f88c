"""What the windows add to the diagnostics ZIP (:mod:`fieldapp.diagnostics`), and where they
suggest saving it. Both windows' *Help → Save diagnostics…* use these; the writing itself runs in
their :class:`~ui.tasks.Tasks`."""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import QStandardPaths, qVersion
from PySide6.QtGui import QGuiApplication

from fieldapp.diagnostics import default_name
from ui.i18n import current_language


def window_versions() -> dict[str, str]:
    """Qt as it runs here: its version, the platform plugin, the screen, the window's language.
    Read on the GUI thread, before the job starts."""
    found = {
        "Qt (running)": qVersion(),
        "PySide6 (running)": PySide6.__version__,
        "Qt platform": QGuiApplication.platformName(),
        "Window language": current_language(),
    }
    screen = QGuiApplication.primaryScreen()
    if screen is not None:
        size = screen.size()
        found["Screen"] = (
            f"{size.width()}×{size.height()}, scale {screen.devicePixelRatio():g}, "
            f"{screen.logicalDotsPerInch():.0f} dpi"
        )
    return found


def suggested_path() -> Path:
    """``Documents/taza-diagnostics-YYYYMMDD-HHMM.zip`` (the home folder where there is none)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / default_name()
