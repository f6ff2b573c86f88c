"""Sync in the window: when to run, running it off the GUI thread, and what state it is in.

It starts by itself — a few seconds after the window opens, soon after a record is saved, and on
a schedule — and when the user presses *Send now*. When the server cannot be reached it asks it,
cheaply and less and less often, whether it answers now, and syncs as soon as it does. A failure
that only a person can fix (access revoked, an app too old) stops the automatic runs until then;
so does a failure of the laptop itself (a full disk, a bug), until the user presses *Send now*.

The engine runs on a worker thread (``ui.tasks``); its progress arrives on the GUI thread as
signals. No widget here: the status bar and the dialogs listen.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from enum import Enum

from PySide6.QtCore import QObject, QTimer, Signal

from fieldapp.device import DeviceCredentials, DeviceFileError, load_device, save_device
from fieldapp.i18n import FieldAppError
from fieldapp.paths import DataPaths
from fieldapp.photo_library import PhotoLibrary
from fieldapp.store import Store
from fieldapp.support import remember_support
from sync.client import ServerClient
from sync.engine import Progress, SyncEngine, SyncReport
from sync.errors import Cancelled, Kind, SyncError, local_error
from sync.schedule import Schedule
from ui.tasks import Task, Tasks

log = logging.getLogger(__name__)


class State(Enum):
    NOT_ENROLLED = "not_enrolled"
    IDLE = "idle"  # the last run went well (or none has run yet)
    RUNNING = "running"
    NO_LINK = "no_link"  # offline, or the server does not answer: waiting for it
    RETRYING = "retrying"  # a server error or a broken connection: trying again later
    NEEDS_PERSON = "needs_person"  # revoked, or the app is too old: automatic runs stop
    LOCAL_PROBLEM = "local_problem"  # the laptop's disk is full, or a bug: stopped until Send now


class SyncController(QObject):
    state_changed = Signal()
    progress = Signal(object)  # sync.engine.Progress
    finished = Signal(object)  # SyncReport
    failed = Signal(object)  # SyncError
    changed_records = Signal()  # a run changed what the list shows (statuses, decisions)

    def __init__(
        self,
        store: Store,
        library: PhotoLibrary,
        paths: DataPaths,
        tasks: Tasks,
        parent: QObject | None = None,
        schedule: Schedule = Schedule(),  # noqa: B008 (frozen)
        client_factory: Callable[[DeviceCredentials], ServerClient] | None = None,
        automatic: bool = True,
    ) -> None:
        super().__init__(parent)
        self.store, self.library, self.paths, self.tasks = store, library, paths, tasks
        self.schedule = schedule
        self.automatic = automatic
        self._client_factory = client_factory or (lambda c: ServerClient(c.server_url, c.token))
        self._rng = random.Random()
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._due)
        self._failures = 0
        self._cancel = threading.Event()
        self._task: Task | None = None
        self._probe_task: Task | None = None
        self.last_error: SyncError | None = None
        self.last_report: SyncReport | None = None
        self.next_attempt: datetime | None = None
        self.last_try: datetime | None = None  # when the server was last found unreachable
        self._changed_while_running = False
        self.device_problem: FieldAppError | None = None
        try:
            self.credentials = load_device(paths.device)
        except DeviceFileError as exc:
            self.credentials, self.device_problem = None, exc
            log.error("enrolment file unusable: %s", exc)
        self.state = State.IDLE if self.credentials else State.NOT_ENROLLED

    # -- what the window asks for ---------------------------------------------------------------

    def start(self) -> None:
        """The window is open: the first run soon (the records logged offline go at once)."""
        if self.credentials is not None and self.automatic:
            self._plan(self.schedule.first_s)

    def send_now(self) -> None:
        if self.credentials is None or self.running:
            return
        self._run()

    @property
    def probing(self) -> bool:
        """Asking the server whether it answers now (no link)."""
        return self._probe_task is not None

    def local_change(self) -> None:
        """A record was saved: send it soon, if the server can be reached (else the probe will).
        Saved during a run, it goes soon after it (a run sends what waited when it began)."""
        if self.running:
            self._changed_while_running = True
            return
        if self.automatic and self.state is State.IDLE:
            remaining = self._timer.remainingTime() / 1000 if self._timer.isActive() else None
            if remaining is None or remaining > self.schedule.after_change_s:
                self._plan(self.schedule.after_change_s)

    def cancel(self) -> None:
        self._cancel.set()

    def enrolled(self, credentials: DeviceCredentials) -> None:
        """The laptop was enrolled (again): keep the credentials and sync at once."""
        save_device(credentials, self.paths.device)
        if credentials.support:  # whom to ask for help, shown in Help at once
            store, contact = self.store, credentials.support
            self.tasks.run(
                lambda: remember_support(store, contact),
                on_error=lambda exc: log.warning("the support contact was not kept: %s", exc),
            )
        self.credentials, self.device_problem = credentials, None
        self.last_error, self._failures = None, 0
        self._set(State.IDLE)
        self.send_now()

    @property
    def running(self) -> bool:
        return self._task is not None

    def stop(self) -> None:
        """The window closes: no more runs; a running one is asked to stop (it loses nothing)."""
        self.automatic = False
        self._timer.stop()
        self._cancel.set()

    # -- running --------------------------------------------------------------------------------

    def _plan(self, seconds: float) -> None:
        self._timer.start(max(0, int(seconds * 1000)))
        self.next_attempt = datetime.now().astimezone() + timedelta(seconds=seconds)

    def _due(self) -> None:
        self.next_attempt = None
        if self.running or self.credentials is None:
            return
        if self.state is State.NO_LINK:
            self._probe()
        else:
            self._run()

    def _run(self) -> None:
        credentials = self.credentials
        assert credentials is not None
        self._timer.stop()
        self.next_attempt = None
        self._cancel = threading.Event()
        cancel = self._cancel
        store, library, make_client = self.store, self.library, self._client_factory

        def job(progress) -> SyncReport:  # type: ignore[no-untyped-def]
            client = make_client(credentials)
            try:
                engine = SyncEngine(store, library, client, progress=progress.send, cancel=cancel)
                return engine.run()
            finally:
                client.close()

        self._changed_while_running = False
        self._set(State.RUNNING)
        self._task = self.tasks.run(job, self._done, self._failed, self.progress.emit, progress=True)

    def _done(self, report: SyncReport) -> None:
        self._task = None
        self.last_report, self.last_error, self._failures = report, None, 0
        self._set(State.IDLE)
        if self.automatic:
            changed = self._changed_while_running
            self._plan(self.schedule.after_change_s if changed else self.schedule.after_success(self._rng))
        self.finished.emit(report)
        self.changed_records.emit()

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        if isinstance(exc, Cancelled):
            self.last_error = None
            self._set(State.IDLE)
            if self.automatic:
                self._plan(self.schedule.after_success(self._rng))
            self.changed_records.emit()
            return
        if not isinstance(exc, SyncError):  # outside the engine's run: still this laptop's
            log.error("sync failed on this laptop", exc_info=exc)
            exc = local_error(exc)
        self.last_error = exc
        self._failures += 1
        if exc.kind.no_link:
            self.last_try = datetime.now().astimezone()
        if exc.kind.needs_person:
            self._set(State.NEEDS_PERSON)
        elif exc.kind.local:
            self._set(State.LOCAL_PROBLEM)
        else:
            wait = self.schedule.after_failure(exc.kind, self._failures, self._rng)
            if self.automatic and wait is not None:
                self._plan(wait)  # before the state is told: the status bar says when
            self._set(State.NO_LINK if exc.kind.no_link else State.RETRYING)
        self.failed.emit(exc)
        self.changed_records.emit()  # some batches may have gone before it failed

    def _probe(self) -> None:
        """Does the server answer now? A small request, off the GUI thread; a sync if it does."""
        credentials = self.credentials
        assert credentials is not None
        make_client = self._client_factory

        def ask() -> None:
            client = make_client(credentials)
            try:
                client.health()
            finally:
                client.close()

        def answered(_: object) -> None:
            self._probe_task = None
            if not self.running:
                self._run()

        def silent(exc: BaseException) -> None:
            self._probe_task = None
            self._failures += 1
            self.last_try = datetime.now().astimezone()
            kind = exc.kind if isinstance(exc, SyncError) else Kind.UNREACHABLE
            wait = self.schedule.after_failure(kind, self._failures, self._rng)
            if self.automatic and wait is not None:
                self._plan(wait)
            self.state_changed.emit()  # the next attempt moved

        self._probe_task = self.tasks.run(ask, answered, silent)
        self.state_changed.emit()  # "trying again now"

    def _set(self, state: State) -> None:
        self.state = state
        self.state_changed.emit()


__all__ = ["Progress", "State", "SyncController"]
