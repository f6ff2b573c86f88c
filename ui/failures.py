"""What the windows show when something fails outside any one job: the store's writer stopping,
and an exception nobody caught (in a slot, a thread, the event loop).

The windowed build has no stderr, so an uncaught exception is written to the log file first and
then said in a short dialog that offers *Save diagnostics* (the ZIP holds that log)."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp import logs
from fieldapp.i18n import FieldAppError
from fieldapp.store import Store
from fieldapp.writer import WriterClosed
from ui.i18n import current_language
from ui.style import SPACING, error_box, set_role
from ui.tasks import Tasks

log = logging.getLogger(__name__)


# -- the store's writer stopping ------------------------------------------------------------


def watch_store(window: QMainWindow, store: Store, tasks: Tasks, disable: Callable[[], None]) -> None:
    """Once the store cannot write any more, say so in the window (once), keep saying it in the
    status bar, and ``disable`` what would only fail. The list still reads."""

    def failed(error: BaseException) -> None:
        if getattr(window, "write_failure_box", None) is not None:
            return
        disable()
        note = set_role(
            QLabel(QCoreApplication.translate("Failures", "The data file cannot be written")), "error"
        )
        window.statusBar().addPermanentWidget(note)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("Failures", "The data file cannot be written"),
            WriterClosed(error).text(current_language()),
            QMessageBox.StandardButton.Close,
            window,
        )
        box.setObjectName("writeFailure")
        window.write_failure_box = box  # type: ignore[attr-defined]
        box.open()

    # Told on the writer's thread: the window hears of it on its own.
    store.on_write_failure(lambda error: tasks.call_soon(lambda: failed(error)))


# -- uncaught exceptions --------------------------------------------------------------------

_RELAY = QEvent.Type(QEvent.registerEventType())


class CrashDialog(QDialog):
    """Something failed that no part of the window handled: say what, that the saved records are
    safe, and offer the diagnostics for IT staff."""

    def __init__(self, error: BaseException, save_diagnostics: Callable[[], None], parent: QWidget | None):
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(QCoreApplication.translate("Failures", "Something went wrong"))
        self.errors = 0
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        self.heading = set_role(
            QLabel(QCoreApplication.translate("Failures", "Something went wrong in Taza Field")), "cardTitle"
        )
        self.explanation = QLabel(
            QCoreApplication.translate(
                "Failures",
                "Your saved records are safe. What happened is written in the log file: save the "
                "diagnostics and send the file to IT staff. If the window behaves oddly now, close "
                "it and open Taza Field again.",
            )
        )
        self.explanation.setWordWrap(True)
        self.error_frame, self.error = error_box(selectable=True)
        self.error_frame.show()
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(QCoreApplication.translate("Failures", "Save diagnostics…"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(QCoreApplication.translate("Failures", "Close"))
        self.close_button.clicked.connect(self.accept)
        self.save_button.clicked.connect(save_diagnostics)
        for widget in (self.heading, self.explanation, self.error_frame):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.add(error)

    def add(self, error: BaseException) -> None:
        """Another error while the dialog is open: one dialog, the latest error, how many."""
        self.errors += 1
        so_far = self.tr("(%n error(s) so far)", "", self.errors)  # lupdate: a plural only in self.tr
        text = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        if self.errors > 1:
            text += "\n" + so_far
        self.error.setText(text)


class _Hooks(QObject):
    """Lives on the GUI thread; errors of other threads are posted to it."""

    def __init__(self, window: Callable[[], QMainWindow | None]) -> None:
        super().__init__(QCoreApplication.instance())
        self._window = window
        self._pending: list[BaseException] = []
        self._lock = threading.Lock()
        self.dialog: CrashDialog | None = None
        self._previous: tuple[Any, Any] = (sys.excepthook, threading.excepthook)

    def except_hook(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous[0](kind, value, tb)
            return
        log.critical("uncaught exception", exc_info=(kind, value, tb))
        logs.flush()
        self._show(value)

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        log.critical(
            "uncaught exception in thread %s",
            name,
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )
        logs.flush()
        self._show(args.exc_value)

    def _show(self, error: BaseException) -> None:
        app = QCoreApplication.instance()
        if app is not None and QThread.currentThread() is app.thread():
            self._open(error)
            return
        with self._lock:
            self._pending.append(error)
        QCoreApplication.postEvent(self, QEvent(_RELAY))

    def event(self, event: QEvent) -> bool:
        if event.type() != _RELAY:
            return super().event(event)
        with self._lock:
            pending, self._pending = self._pending, []
        for error in pending:
            self._open(error)
        return True

    def _open(self, error: BaseException) -> None:
        try:
            if self.dialog is not None:
                self.dialog.add(error)
                return
            window = self._window()
            save = getattr(window, "save_diagnostics", None)
            self.dialog = CrashDialog(error, lambda: save() if save else None, window)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.finished.connect(self._closed)
            self.dialog.open()
        except Exception:  # the hook itself must never raise: it would recurse
            log.exception("the error dialog could not be shown")

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous
        if self.dialog is not None:
            self.dialog.close()
        self.deleteLater()


def shown_window() -> QMainWindow | None:
    """The window the dialog goes over (and whose *Save diagnostics* it uses)."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            return widget
    return None


def install_hooks(window: Callable[[], QMainWindow | None] = shown_window) -> _Hooks:
    """Route uncaught exceptions (the main thread's, including Qt slots', and other threads')
    to the log file and a dialog over ``window()``. Returns the hooks (``uninstall()`` puts the
    previous ones back)."""
    hooks = _Hooks(window)
    sys.excepthook = hooks.except_hook
    threading.excepthook = hooks.thread_hook
    return hooks


# -- a panel that could not load ------------------------------------------------------------


class LoadFailed(QFrame):
    """A panel's "could not load" line with *Try again*, above what it showed before (which
    would otherwise stay, silently stale). Hidden while all is well."""

    def __init__(self, retry: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "errorBox")
        self.setObjectName("loadFailed")
        self.error: BaseException | None = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton()
        self.retry_button.clicked.connect(self._retry)
        self._do_retry = retry
        row = QHBoxLayout(self)
        row.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        row.addWidget(self.label, 1)
        row.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignTop)
        self.retranslate()
        self.hide()

    def failed(self, error: BaseException) -> None:
        if isinstance(error, FieldAppError):
            log.warning("a panel could not load: %s", error)
        else:  # a bug, or the disk: worth its traceback in the log
            log.error("a panel could not load", exc_info=error)
        self.error = error
        self.retranslate()
        self.show()

    def loaded(self) -> None:
        self.error = None
        self.hide()

    def _retry(self) -> None:
        self.hide()
        self._do_retry()

    def retranslate(self) -> None:
        self.retry_button.setText(QCoreApplication.translate("Failures", "Try again"))
        error = self.error
        if error is None:
            return
        if isinstance(error, FieldAppError):
            reason = error.text(current_language())
        else:
            reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        self.label.setText(
            QCoreApplication.translate("Failures", "Could not load: {reason}").format(reason=reason)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
