"""Starting the window: the Qt application, its language and looks, the data folder, the first-run
question (which okrug), the store, the main window."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldapp.i18n import FieldAppError, normalise_language, system_language
from fieldapp.kato import default_kato
from fieldapp.paths import APP_DIR_NAME, DataPaths
from fieldapp.photo_library import PhotoLibrary
from fieldapp.settings import Settings, load_settings, save_settings
from fieldapp.store import Store
from ui import qtlog
from ui.i18n import Translations, compile_translations
from ui.style import apply_style

log = logging.getLogger(__name__)


def qt_data_dir() -> Path:
    """The per-user data folder as Qt names it (``%LOCALAPPDATA%\\TazaField`` on Windows)."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation))


def make_app(argv: Sequence[str] = ()) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "fieldapp", *argv])
    app.setApplicationName(APP_DIR_NAME)
    app.setOrganizationName("")
    app.setApplicationDisplayName("Taza Field")
    app.setDesktopFileName("taza-field")
    qtlog.install()
    if not getattr(sys, "frozen", False):
        compile_translations()
    apply_style(app)
    return app


def display_available() -> bool:
    """A window can be shown: Windows and macOS always, Linux with X11/Wayland or a platform set."""
    if sys.platform != "linux":
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run(data_dir: Path | None = None, lang: str | None = None) -> int:
    """Open the window; returns the exit code."""
    app = make_app()
    paths = DataPaths(data_dir or qt_data_dir())
    translations = Translations(app)
    try:
        settings = load_settings(paths.settings)
    except FieldAppError as exc:
        translations.apply(normalise_language(lang or system_language()))
        QMessageBox.critical(None, "Taza Field", exc.text(translations.lang))
        return 2
    translations.apply(lang or settings.language or system_language())

    def save(s: Settings) -> None:
        save_settings(s, paths.settings)

    kato = default_kato()
    if not settings.okrug and not choose_okrug(settings, kato, translations, save):
        return 0
    try:
        store = Store.open(paths.database)
    except FieldAppError as exc:
        QMessageBox.critical(None, "Taza Field", exc.text(translations.lang))
        return 2
    from sync.engine import stored_reference
    from ui.main_window import MainWindow
    from ui.sync_controller import SyncController
    from ui.tasks import Tasks

    library = PhotoLibrary(paths.photos)
    reference = stored_reference(store)  # the newest the server sent, else the shipped one
    tasks = Tasks()
    sync = SyncController(store, library, paths, tasks)
    window = MainWindow(store, library, kato, reference, settings, save, translations, tasks=tasks, sync=sync)
    tasks.setParent(window)
    sync.setParent(window)
    window.tasks.run(library.remove_leftovers)
    sync.start()
    window.resize(1280, 760)
    screen = window.screen().availableGeometry()
    if screen.width() <= 1400 or screen.height() <= 800:
        window.showMaximized()
    else:
        window.show()
    window.raise_()
    window.activateWindow()  # after the first-start dialog, keys go to the window
    try:
        return app.exec()
    finally:
        window.tasks.wait()
        store.close()


def choose_okrug(settings: Settings, kato, translations: Translations, save) -> bool:  # type: ignore[no-untyped-def]
    """The first-run question. Returns False when the user closed it without choosing."""
    from ui.okrug_dialog import OkrugDialog

    dialog = OkrugDialog(kato, translations, current=settings.okrug)
    if not dialog.exec() or not dialog.okrug():
        return False
    settings.okrug = dialog.okrug()
    settings.language = translations.lang
    save(settings)
    return True
