"""Starting the window: the Qt application, its language and looks, the data folder, the first-run
question (which okrug), the store, the main window."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRect, QStandardPaths
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from fieldapp.i18n import FieldAppError, normalise_language, system_language
from fieldapp.kato import default_kato
from fieldapp.logs import setup_logging
from fieldapp.paths import APP_DIR_NAME, DataPaths, portable_data_dir, provisioning_files
from fieldapp.photo_library import PhotoLibrary
from fieldapp.resources import resource_path
from fieldapp.session import CoordinatorSession, forget_session, load_session, save_session
from fieldapp.settings import Settings, load_settings, save_settings
from fieldapp.store import Store
from ui import qtlog
from ui.failures import install_hooks
from ui.i18n import Translations, compile_translations
from ui.style import apply_style
from ui.tasks import Tasks

log = logging.getLogger(__name__)


def qt_data_dir() -> Path:
    """The per-user data folder as Qt names it (``%LOCALAPPDATA%\\TazaField`` on Windows)."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation))


def make_app(argv: Sequence[str] = ()) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        # Qt's offscreen platform on Windows (the self-test) has no system fonts: it reads this folder.
        os.environ.setdefault("QT_QPA_FONTDIR", str(resource_path("fonts")))
        app = QApplication([sys.argv[0] if sys.argv else "fieldapp", *argv])
    add_shipped_fonts()
    app.setApplicationName(APP_DIR_NAME)
    app.setOrganizationName("")
    app.setApplicationDisplayName("Taza Field")
    app.setDesktopFileName("taza-field")
    qtlog.install()
    if not getattr(sys, "frozen", False):
        compile_translations()
    apply_style(app)
    return app


KAZAKH_LETTERS = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"
_shipped_families: list[str] | None = None


def add_shipped_fonts() -> list[str]:
    """Make the shipped Noto Sans available (``resources/fonts``); returns its families.

    Windows' Segoe UI draws Kazakh, but an old or stripped system may have no font that does: with
    Noto Sans registered, Qt can fall back on it for the letters the interface font lacks.
    """
    global _shipped_families
    if _shipped_families is not None:  # once per process: Qt would register the same file again
        return list(_shipped_families)
    families: list[str] = []
    for path in sorted(resource_path("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("font not loaded: %s", path)
            continue
        families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    _shipped_families = families
    return list(families)


def display_available() -> bool:
    """A window can be shown: Windows and macOS always, Linux with X11/Wayland or a platform set."""
    if sys.platform != "linux":
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run(data_dir: Path | None = None, lang: str | None = None) -> int:
    """Open the window; returns the exit code."""
    app = make_app()
    paths = DataPaths(data_dir or portable_data_dir() or qt_data_dir())
    setup_logging(paths, verbose=None)  # the log file the command line set up, or this folder's
    install_hooks()  # from here on an uncaught error reaches the log file and a dialog
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
    if settings.role == "coordinator":
        return run_coordinator(app, paths, settings, save, kato, translations)
    provisioning = waiting_provisioning(paths)
    if provisioning is not None and not settings.okrug:
        okrug = provisioning_okrug(provisioning)
        if okrug is not None:  # IT staff chose it: no need to ask
            settings.okrug = okrug
            save(settings)
    if not settings.okrug:
        chosen = choose_okrug(settings, kato, translations, save)
        if chosen == "coordinator":
            return run_coordinator(app, paths, settings, save, kato, translations)
        if chosen is None:
            return 0
    try:
        store = Store.open(paths.database)
    except FieldAppError as exc:
        QMessageBox.critical(None, "Taza Field", exc.text(translations.lang))
        return 2
    from sync.engine import stored_reference
    from ui.main_window import MainWindow
    from ui.sync_controller import SyncController

    library = PhotoLibrary(paths.photos)
    reference = stored_reference(store)  # the newest the server sent, else the shipped one
    tasks = Tasks()
    sync = SyncController(store, library, paths, tasks)
    window = MainWindow(store, library, kato, reference, settings, save, translations, tasks=tasks, sync=sync)
    tasks.setParent(window)
    sync.setParent(window)
    window.tasks.run(library.remove_leftovers, None, window.leftovers_failed)
    sync.start()
    show_window(window)
    if provisioning is not None:
        window.enrol(provisioning)  # connects at once; the file goes once its code is used
    window.start_daily_backup()  # off the GUI thread, once the window shows
    try:
        return app.exec()
    finally:
        window.tasks.wait()
        store.close()


def waiting_provisioning(paths: DataPaths) -> Path | None:
    """A provisioning file IT staff left beside the app (or in its data folder) for a laptop not
    yet connected to the server: the newest one."""
    if paths.device.exists():
        return None
    found = provisioning_files(paths.root)
    return found[0] if found else None


def provisioning_okrug(path: Path) -> str | None:
    """The okrug a provisioning file was made for; None when the file is unusable (the enrolment
    dialog then says why)."""
    from sync.enrolment import read_provisioning

    try:
        return read_provisioning(path).okrug
    except FieldAppError as exc:
        log.info("provisioning file %s not usable: %s", path, exc)
        return None


WINDOW_SIDE = "TAZA_FIELD_WINDOW_SIDE"  # "left" or "right": set by the demo (server/demo.py)


def show_window(window: QMainWindow) -> None:
    window.resize(1280, 760)
    screen = window.screen().availableGeometry()
    side = os.environ.get(WINDOW_SIDE, "")
    if side in ("left", "right"):  # the demo's two windows, side by side rather than one on the other
        window.show()
        place_on_side(window, screen, side)
    elif screen.width() <= 1400 or screen.height() <= 800:
        window.showMaximized()
    else:
        window.show()
    window.raise_()
    window.activateWindow()  # after the first-start dialog, keys go to the window


def side_of_screen(screen: QRect, side: str, minimum_width: int) -> QRect:
    """The half of ``screen`` on ``side`` — wider when the window cannot be made that narrow, then
    kept against its own edge (the two windows overlap in the middle, each still wholly on screen)."""
    width = min(screen.width(), max(screen.width() // 2, minimum_width))
    left = screen.left() if side == "left" else screen.left() + screen.width() - width
    return QRect(left, screen.top(), width, screen.height())


def place_on_side(window: QMainWindow, screen: QRect, side: str) -> None:
    """``window`` (shown) onto its side of the screen, its frame and title bar included."""
    target = side_of_screen(screen, side, window.minimumSizeHint().width())
    fold = getattr(window, "fold_to", None)
    if fold is not None:  # a window that folds a part away when narrow does so first (its minimum shrinks)
        fold(target.width())
        target = side_of_screen(screen, side, window.minimumSizeHint().width())
    frame, inside = window.frameGeometry(), window.geometry()
    extra_w, extra_h = frame.width() - inside.width(), frame.height() - inside.height()
    window.resize(target.width() - extra_w, target.height() - extra_h)
    width = window.frameGeometry().width()  # a layout may keep the window wider than asked
    left = target.left() if side == "left" else max(screen.left(), screen.left() + screen.width() - width)
    window.move(left, target.top())  # move() places the frame's corner


def choose_okrug(  # type: ignore[no-untyped-def]
    settings: Settings, kato, translations: Translations, save
) -> str | None:
    """The first-run question: "village" once an okrug is chosen, "coordinator" when the user is a
    district coordinator, None when the dialog was closed without choosing."""
    from ui.okrug_dialog import OkrugDialog

    dialog = OkrugDialog(kato, translations, current=settings.okrug)
    accepted = dialog.exec()
    settings.language = translations.lang
    if accepted and dialog.coordinator:
        settings.role = "coordinator"
        save(settings)
        return "coordinator"
    if not accepted or not dialog.okrug():
        return None
    settings.okrug = dialog.okrug()
    settings.role = "village"
    save(settings)
    return "village"


def ask_login(
    tasks: Tasks, paths: DataPaths, previous: CoordinatorSession | None, parent: QWidget | None = None
) -> CoordinatorSession | None:
    """The login dialog (filled with the last server and user); the session is kept on success."""
    from ui.login_dialog import LoginDialog

    dialog = LoginDialog(
        tasks,
        parent,
        server=previous.server_url if previous else "",
        username=previous.username if previous else "",
    )
    if not dialog.exec() or dialog.session is None:
        return None
    save_session(dialog.session, paths.session)
    return dialog.session


def run_coordinator(  # type: ignore[no-untyped-def]
    app: QApplication, paths: DataPaths, settings: Settings, save, kato, translations: Translations
) -> int:
    """A district coordinator's laptop: log in (unless a session is kept), then the review window
    on the district copy. An ended session still opens the copy, to work offline until the next
    login."""
    from sync.engine import stored_reference
    from ui.coordinator_window import CoordinatorWindow
    from ui.district_controller import DistrictController

    tasks = Tasks()
    try:
        session = load_session(paths.session)
    except FieldAppError as exc:
        log.info("the kept session is unreadable: %s", exc)
        forget_session(paths.session)
        session = None
    if session is None or session.expired or not session.token:
        fresh = ask_login(tasks, paths, session)
        if fresh is None and session is None:
            if not settings.okrug:  # chosen by mistake: the next start asks again
                settings.role = "village"
                save(settings)
            tasks.close()
            return 0
        session = fresh or session
    try:
        store = Store.open(paths.district_database)
    except FieldAppError as exc:
        QMessageBox.critical(None, "Taza Field", exc.text(translations.lang))
        tasks.close()
        return 2
    library = PhotoLibrary(paths.photos)
    controller = DistrictController(store, library, session, tasks)

    ended: list[CoordinatorSession] = []

    def log_out() -> None:
        forget_session(paths.session)
        ended.append(window.session)

    window = CoordinatorWindow(
        store,
        library,
        kato,
        stored_reference(store),
        session,
        translations,
        controller=controller,
        tasks=tasks,
        ask_login=lambda: ask_login(tasks, paths, window.session, window),
        log_out=log_out,
    )
    tasks.setParent(window)
    controller.setParent(window)
    controller.start()
    show_window(window)
    try:
        return app.exec()
    finally:
        tasks.wait()
        store.close()
        if ended:  # the window is gone: telling the server waits on no one
            from sync.district import end_session

            end_session(ended[-1])
