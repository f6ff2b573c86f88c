"""Background work for the window: a job runs on a worker thread and reports back on the GUI
thread.

A job is a plain function; it never touches a widget — nor any other part of Qt. Workers are plain
Python threads (``concurrent.futures``): what a job returns or raises waits in a queue, and the
worker posts one plain ``QEvent`` (Qt's documented thread-safe call) to wake the GUI thread, which
runs the callbacks. Keeping Qt out of workers entirely avoids a class of crashes in the binding
when Python-defined Qt objects are used from two threads at once (seen here: a paint on the GUI
thread building a Python class's meta-object while a worker loaded an image plugin).

Every exception reaches ``on_error`` (a job that dies silently would leave a progress display open
for ever). A job that takes a :class:`Progress` can report how far it is and notice a cancel.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from shiboken6 import isValid

log = logging.getLogger(__name__)

WORKERS = 2  # the laptops have two or four cores; the store has its own writer thread
_WAKE = QEvent.Type(QEvent.registerEventType())


class Cancelled(Exception):
    """Raised inside a job by :meth:`Progress.check` once the job was asked to stop."""


class Progress:
    """Handed to a job: report how far along it is, and notice a cancel."""

    def __init__(self, report: Callable[[Any, int, str], None]) -> None:
        self._report = report
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._report(done, total, text)

    def send(self, value: Any) -> None:
        """Report progress as any value (``on_progress`` receives it as its one argument)."""
        self._report(value, -1, "")

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled


class Task:
    """One job: its callbacks (run on the GUI thread) and its progress."""

    def __init__(
        self,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[..., None] | None,
        post: Callable[[Task, str, Any], None],
    ) -> None:
        self.on_done, self.on_error, self.on_progress = on_done, on_error, on_progress
        self.progress = Progress(lambda done, total, text: post(self, "progress", (done, total, text)))
        self.future: Future[None] | None = None

    def cancel(self) -> None:
        self.progress.cancel()


def _owner_gone(callback: Callable[..., None] | None) -> bool:
    """A widget's method whose widget was deleted while the job ran (a dialog cancelled before it
    had loaded): not run, it would touch widgets that are gone."""
    owner = getattr(callback, "__self__", None)
    return isinstance(owner, QObject) and not isValid(owner)


class Tasks(QObject):
    """Runs jobs on worker threads; delivers their results on the GUI thread."""

    def __init__(self, parent: QObject | None = None, workers: int = WORKERS) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="window-task")
        self._inbox: queue.SimpleQueue[tuple[Task, str, Any]] = queue.SimpleQueue()
        self._running: set[Task] = set()
        self._closed = False

    def run(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[..., None] | None = None,
        *,
        progress: bool = False,
    ) -> Task:
        """Run ``fn()`` — or ``fn(progress)`` with ``progress=True`` — off the GUI thread."""
        task = Task(on_done, on_error, on_progress, self._post)
        if self._closed:  # a window closing: what it asks now would outlive it, so it is not run
            log.info("a job asked for after the window closed was not run")
            return task
        self._running.add(task)
        task.future = self._executor.submit(self._work, task, fn, progress)
        return task

    def _work(self, task: Task, fn: Callable[..., Any], wants_progress: bool) -> None:
        """Worker thread: run the job, then hand the outcome to the GUI thread."""
        try:
            result = fn(task.progress) if wants_progress else fn()
        except BaseException as exc:  # forwarded, never lost
            self._post(task, "failed", exc)
        else:
            self._post(task, "done", result)

    def _post(self, task: Task, kind: str, value: Any) -> None:
        self._inbox.put((task, kind, value))
        QCoreApplication.postEvent(self, QEvent(_WAKE))

    def event(self, event: QEvent) -> bool:
        if event.type() != _WAKE:
            return super().event(event)
        self._deliver()
        return True

    def _deliver(self) -> None:
        """GUI thread: run the callbacks of everything that has arrived."""
        while True:
            try:
                task, kind, value = self._inbox.get_nowait()
            except queue.Empty:
                return
            try:
                if kind == "progress":
                    if task.on_progress is not None and not _owner_gone(task.on_progress):
                        done, total, _ = value
                        task.on_progress(*((done,) if total == -1 else value))
                    continue
                self._running.discard(task)
                if _owner_gone(task.on_done if kind == "done" else task.on_error):
                    continue
                if kind == "done":
                    if task.on_done is not None:
                        task.on_done(value)
                elif task.on_error is not None:
                    task.on_error(value)
                elif not isinstance(value, Cancelled):
                    log.error("background job failed: %s", value, exc_info=value)
            except Exception:
                # A callback is a slot like any other: its failure goes where uncaught ones go
                # (the log file and the error dialog, see ui/failures.py).
                sys.excepthook(*sys.exc_info())

    def call_soon(self, fn: Callable[[], None]) -> None:
        """Run ``fn()`` on the GUI thread; callable from any thread (the store's writer says it
        stopped from its own)."""
        task = Task(lambda _: fn(), None, None, self._post)
        self._post(task, "done", None)

    @property
    def busy(self) -> bool:
        """A job is running, or has finished but its callbacks have not run yet."""
        return bool(self._running)

    def close(self) -> None:
        """No more jobs: let the worker threads end once the queued ones are done."""
        self._closed = True
        self._executor.shutdown(wait=False)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for every job to end (at shutdown: the store must not close under a running job),
        then run what they reported."""
        futures = [task.future for task in self._running if task.future is not None]
        _, pending = wait_for(futures, timeout=msecs / 1000)
        self._deliver()
        return not pending
