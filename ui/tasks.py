"""Background work for the window: a job runs on a QThreadPool thread and reports back on the GUI
thread.

A job is a plain function; it never touches a widget. It returns what it made (or raises), and the
callbacks — always run on the GUI thread — decide what to show. Every exception reaches
``on_error`` (a job that dies silently would leave a progress display open for ever). A job that
takes a :class:`Progress` can report how far it is and notice that it was asked to stop.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a job by :meth:`Progress.check` once the job was asked to stop."""


class _Signals(QObject):
    """Emitted from the worker thread; received by a :class:`Task` on the GUI thread."""

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class Progress:
    """Handed to a job: report how far along it is, and notice a cancel."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._signals.progress.emit(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals, wants_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Task owns it until it has reported
        self.signals = signals
        self.progress = Progress(signals)
        self._fn = fn
        self._wants_progress = wants_progress

    def run(self) -> None:
        try:
            result = self._fn(self.progress) if self._wants_progress else self._fn()
        except BaseException as exc:  # forwarded to the GUI thread, never lost
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class Task(QObject):
    """One running job. Lives on the GUI thread, so its slots — and the callbacks — run there."""

    finished = Signal()

    def __init__(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int, str], None] | None,
        wants_progress: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_done, self._on_error, self._on_progress = on_done, on_error, on_progress
        self._signals = _Signals()
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self._failed)
        self._signals.progress.connect(self._progressed)
        self.job = _Job(fn, self._signals, wants_progress)

    def cancel(self) -> None:
        self.job.progress.cancel()

    @Slot(object)
    def _done(self, result: Any) -> None:
        try:
            if self._on_done is not None:
                self._on_done(result)
        finally:
            self.finished.emit()

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        try:
            if self._on_error is not None:
                self._on_error(exc)
            elif not isinstance(exc, Cancelled):
                log.error("background job failed: %s", exc, exc_info=exc)
        finally:
            self.finished.emit()

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, text: str) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total, text)


class Tasks(QObject):
    """Starts jobs on a thread pool and keeps each alive until it has reported."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._running: set[Task] = set()

    def run(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        *,
        progress: bool = False,
    ) -> Task:
        """Run ``fn()`` — or ``fn(progress)`` with ``progress=True`` — off the GUI thread."""
        task = Task(fn, on_done, on_error, on_progress, progress, self)
        self._running.add(task)
        task.finished.connect(lambda: self._forget(task))
        self.pool.start(task.job)
        return task

    def _forget(self, task: Task) -> None:
        self._running.discard(task)
        task.deleteLater()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for every job (at shutdown: the store must not close under a running job)."""
        return self.pool.waitForDone(msecs)
