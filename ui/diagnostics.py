"""The Help menu both windows share: *Save diagnostics…* (the ZIP of :mod:`fieldapp.diagnostics`,
with what the window adds, written in the window's :class:`~ui.tasks.Tasks`) and *About*."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QStandardPaths, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from fieldapp import __version__
from fieldapp.diagnostics import default_name, write_diagnostics
from fieldapp.paths import DataPaths
from ui.i18n import current_language
from ui.tasks import Tasks


def save_diagnostics(
    window: QMainWindow,
    paths: DataPaths,
    tasks: Tasks,
    on_error: Callable[[BaseException], None],
    target: Path | None = None,
) -> None:
    """Ask where (unless ``target``), write the ZIP off the GUI thread, then say where it is."""
    if target is None:
        name, _ = QFileDialog.getSaveFileName(
            window,
            QCoreApplication.translate("HelpMenu", "Save diagnostics"),
            str(suggested_path()),
            QCoreApplication.translate("HelpMenu", "ZIP archives (*.zip)"),
        )
        if not name:
            return
        target = Path(name)
    extra = window_versions()

    def saved(path: Path) -> None:
        window.statusBar().showMessage(
            QCoreApplication.translate("HelpMenu", "Diagnostics saved to {path}").format(path=str(path)),
            10_000,
        )
        QMessageBox.information(
            window,
            QCoreApplication.translate("HelpMenu", "Save diagnostics"),
            QCoreApplication.translate(
                "HelpMenu",
                "The diagnostics are saved in {path}.\n\nThe file holds no passwords or tokens: "
                "it can be sent to IT staff.",
            ).format(path=str(path)),
        )

    tasks.run(lambda: write_diagnostics(paths, target, extra), saved, on_error)


def show_about(parent: QWidget, support: str = "") -> None:
    """The version, and whom to ask for help (the contact IT staff set on the server)."""
    from ui.help_window import support_text

    about = QCoreApplication.translate(
        "HelpMenu",
        "Taza Field {version}\nLogging the clean-up actions of the «Таза Қазақстан» programme.",
    ).format(version=__version__)
    QMessageBox.about(
        parent,
        QCoreApplication.translate("HelpMenu", "About Taza Field"),
        f"{about}\n\n{support_text(support)}",
    )


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
