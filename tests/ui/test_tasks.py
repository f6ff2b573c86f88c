"""Background jobs: run off the GUI thread, report on it, never lose a failure."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QLabel

from ui.tasks import Cancelled, Progress, Tasks


@pytest.fixture
def tasks(ui_app: QApplication) -> Iterator[Tasks]:
    runner = Tasks()
    yield runner
    runner.wait()
    runner.close()


def test_the_job_runs_on_a_worker_and_the_callback_on_the_gui_thread(tasks: Tasks, qtbot) -> None:
    seen: dict[str, threading.Thread] = {}

    def job() -> int:
        seen["job"] = threading.current_thread()
        return 42

    results: list[int] = []

    def done(value: int) -> None:
        seen["callback"] = threading.current_thread()
        results.append(value)

    tasks.run(job, on_done=done)
    assert tasks.busy
    qtbot.waitUntil(lambda: results == [42])
    assert seen["job"] is not threading.main_thread()
    assert seen["callback"] is threading.main_thread()
    assert not tasks.busy


def test_a_failure_reaches_its_callback(tasks: Tasks, qtbot) -> None:
    errors: list[BaseException] = []
    tasks.run(lambda: 1 / 0, on_done=lambda _: pytest.fail("no result expected"), on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ZeroDivisionError)


@pytest.mark.allow_log_warnings("background job failed")
def test_a_failure_without_a_callback_is_logged(
    tasks: Tasks, qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    tasks.run(lambda: {}["missing"])
    qtbot.waitUntil(lambda: not tasks.busy)
    assert "background job failed" in caplog.text


def test_progress_and_cancel(tasks: Tasks, qtbot) -> None:
    started, reports, errors = threading.Event(), [], []

    def job(progress: Progress) -> None:
        for step in range(1000):
            progress.report(step, 1000, "working")
            started.set()
            progress.check()
            threading.Event().wait(0.002)

    task = tasks.run(job, on_error=errors.append, on_progress=lambda *r: reports.append(r), progress=True)
    started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], Cancelled)
    assert reports[0] == (0, 1000, "working")
    assert len(reports) < 1000


def test_wait_delivers_what_finished(tasks: Tasks) -> None:
    results: list[str] = []
    for n in range(5):
        tasks.run(lambda n=n: f"job {n}", on_done=results.append)
    assert tasks.wait()
    assert sorted(results) == [f"job {n}" for n in range(5)]
    assert not tasks.busy


@pytest.mark.qt_no_exception_capture
def test_a_broken_callback_does_not_stop_the_others(tasks: Tasks, qtbot, monkeypatch) -> None:
    results: list[int] = []
    uncaught: list[BaseException] = []  # where the app's hook logs it and shows the error dialog
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, tb: uncaught.append(value))

    def broken(_: int) -> None:
        raise RuntimeError("bug in a callback")

    tasks.run(lambda: 1, on_done=broken)
    tasks.run(lambda: 2, on_done=results.append)
    qtbot.waitUntil(lambda: results == [2])
    assert [str(e) for e in uncaught] == ["bug in a callback"]


class Loading(QLabel):
    """A dialog's part that shows what its job read."""

    def show_result(self, value: str) -> None:
        self.setText(value)


def test_a_widget_deleted_while_its_job_ran_is_not_called_back(tasks: Tasks, qtbot) -> None:
    """A person cancels a dialog before it has loaded: the dialog is deleted, its job ends later."""
    gone, kept = Loading(), Loading()
    release = threading.Event()
    for label in (gone, kept):
        tasks.run(lambda: release.wait(5) and "read", on_done=label.show_result)
    shiboken6.delete(gone)
    with qtbot.captureExceptions() as exceptions:
        release.set()
        qtbot.waitUntil(lambda: not tasks.busy)
    assert not exceptions
    assert kept.text() == "read"
    kept.deleteLater()
