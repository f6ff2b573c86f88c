"""Keeping a coordinator's district copy fresh: refresh (send the decisions made here, pull what
changed, thumbnails) off the GUI thread — when the window opens, soon after decisions are made,
every quarter of an hour, and when asked — with progress and a way to stop it. A login that has
ended stops the automatic runs and asks for the password."""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from fieldapp.photo_library import PhotoLibrary
from fieldapp.session import CoordinatorSession
from fieldapp.store import Store
from sync.client import ServerClient
from sync.district import DistrictReport, DistrictSync
from sync.errors import Cancelled, Kind, SyncError, local_error
from sync.protocol import BundleImport
from sync.schedule import Schedule
from ui.tasks import Task, Tasks

log = logging.getLogger(__name__)
T = TypeVar("T")


class State(Enum):
    IDLE = "idle"
    RUNNING = "running"
    NO_LINK = "no_link"
    RETRYING = "retrying"
    LOGIN = "login"  # the session has ended: the coordinator must log in again
    LOCAL_PROBLEM = "local_problem"  # the laptop's disk is full, or a bug: stopped until Refresh


class DistrictController(QObject):
    state_changed = Signal()
    progress = Signal(object)  # sync.district.DistrictProgress
    finished = Signal(object)  # DistrictReport
    failed = Signal(object)  # SyncError
    changed = Signal()  # the copy changed: views reload

    def __init__(
        self,
        store: Store,
        library: PhotoLibrary,
        session: CoordinatorSession,
        tasks: Tasks,
        parent: QObject | None = None,
        schedule: Schedule = Schedule(),  # noqa: B008 (frozen)
        automatic: bool = True,
        client_factory: Callable[[CoordinatorSession], ServerClient] | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.library, self.session, self.tasks = store, library, session, tasks
        self.schedule, self.automatic = schedule, automatic
        self._client_factory = client_factory or (lambda s: ServerClient(s.server_url, s.token))
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.refresh)
        self._rng = random.Random()
        self._failures = 0
        self._cancel = threading.Event()
        self._task: Task | None = None
        self.state = State.LOGIN if session.expired else State.IDLE
        self.last_error: SyncError | None = None
        self.last_report: DistrictReport | None = None

    # -- asked for ------------------------------------------------------------------------------------

    def start(self) -> None:
        if self.automatic and self.state is State.IDLE:
            self._timer.start(int(self.schedule.first_s * 1000))

    def refresh(self) -> None:
        if self.running or self.state is State.LOGIN:
            return
        self._timer.stop()
        self._cancel = threading.Event()
        cancel, store, library, session = self._cancel, self.store, self.library, self.session
        make_client = self._client_factory

        def job(progress) -> DistrictReport:  # type: ignore[no-untyped-def]
            client = make_client(session)
            try:
                return DistrictSync(store, library, client, progress=progress.send, cancel=cancel).run()
            finally:
                client.close()

        self._set(State.RUNNING)
        self._task = self.tasks.run(job, self._done, self._failed, self.progress.emit, progress=True)

    def decisions_made(self) -> None:
        """Decisions were queued here: send them soon (if the server can be reached)."""
        self.changed.emit()
        if self.automatic and self.state is State.IDLE and not self.running:
            self._timer.start(int(self.schedule.after_change_s * 1000))

    def cancel(self) -> None:
        self._cancel.set()

    def logged_in(self, session: CoordinatorSession) -> None:
        self.session, self.last_error, self._failures = session, None, 0
        self._set(State.IDLE)
        self.refresh()

    def stop(self) -> None:
        self.automatic = False
        self._timer.stop()
        self._cancel.set()

    @property
    def running(self) -> bool:
        return self._task is not None

    # -- on demand ------------------------------------------------------------------------------------

    def fetch_photo(
        self, sha: str, on_done: Callable[[Path], None], on_error: Callable[[BaseException], None]
    ) -> None:
        """A photo opened for a closer look: fetched (once) off the GUI thread."""
        store, library, session, make_client = self.store, self.library, self.session, self._client_factory

        def job() -> Path:
            client = make_client(session)
            try:
                return DistrictSync(store, library, client, thumbnails=False).fetch_photo(sha)
            finally:
                client.close()

        self.tasks.run(job, on_done, on_error)

    def import_bundle(
        self, path: Path, on_done: Callable[[BundleImport], None], on_error: Callable[[BaseException], None]
    ) -> None:
        store, library, session, make_client = self.store, self.library, self.session, self._client_factory

        def job() -> BundleImport:
            client = make_client(session)
            try:
                return DistrictSync(store, library, client).import_bundle(path)
            finally:
                client.close()

        def done(result: BundleImport) -> None:
            on_done(result)
            self.refresh()  # the village's records are on the server now: pull them

        self.tasks.run(job, done, on_error)

    def with_client(self, call: Callable[[ServerClient], T]) -> T:
        """On a worker thread: one call to the server as this session (the sign-off chain)."""
        client = self._client_factory(self.session)
        try:
            return call(client)
        finally:
            client.close()

    # -- outcomes -------------------------------------------------------------------------------------

    def _done(self, report: DistrictReport) -> None:
        self._task = None
        self.last_report, self.last_error, self._failures = report, None, 0
        self._set(State.IDLE)
        if self.automatic:
            self._timer.start(int(self.schedule.after_success(self._rng) * 1000))
        self.finished.emit(report)
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        if isinstance(exc, Cancelled):
            self._set(State.IDLE)
            self.changed.emit()
            return
        if not isinstance(exc, SyncError):  # the district copy, a file, a bug: this laptop's own
            log.error("district refresh failed on this laptop", exc_info=exc)
            exc = local_error(exc)
        self.last_error = exc
        self._failures += 1
        if exc.kind in (Kind.SESSION_EXPIRED, Kind.AUTH_REVOKED):
            self._set(State.LOGIN)
        elif exc.kind.needs_person:
            self._set(State.RETRYING)
        elif exc.kind.local:
            self._set(State.LOCAL_PROBLEM)
        else:
            self._set(State.NO_LINK if exc.kind.no_link else State.RETRYING)
            wait = self.schedule.after_failure(exc.kind, self._failures, self._rng)
            if self.automatic and wait is not None:
                self._timer.start(int(wait * 1000))
        self.failed.emit(exc)
        self.changed.emit()

    def _set(self, state: State) -> None:
        self.state = state
        self.state_changed.emit()
