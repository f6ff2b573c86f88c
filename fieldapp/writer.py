"""The one thread that writes to the local database.

All writes go through :class:`Writer`: a job is a function of the sqlite-utils ``Database`` that
runs on the writer thread inside its own savepoint, so it is atomic on its own. Jobs that are
waiting when the thread comes round are committed together (group commit): each job's future is
resolved only after the COMMIT that made it durable, so when ``call()`` returns the change is on
disk — and a burst of saves pays for one fsync, not one each.

Items submitted with :meth:`Writer.submit_item` go further: consecutive items for the same batch
function are handed to it together (one pass per table instead of one per record). If that batch
fails, its items are retried one by one, so a bad item fails alone and the others still land.

If the thread itself hits an error it cannot put down to one job (the database refuses even to
roll back), it stops: every job in flight or queued fails with that error, later submissions fail
at once with :class:`WriterClosed`, and ``on_failure`` is told. What was committed before stays
committed; the open transaction dies with the connection.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlite_utils import Database

from fieldapp.i18n import FieldAppError, msg

log = logging.getLogger(__name__)

T = TypeVar("T")
Job = Callable[[Database], T]


BatchJob = Callable[[Database, list[Any]], list[Any]]


@dataclass
class _Task:
    fn: Job[Any] | None
    future: Future[Any]
    batch: BatchJob | None = None
    item: Any = None


_STOP = object()


class WriterClosed(FieldAppError, RuntimeError):
    """The store takes no more writes: closed, or stopped by an error (``cause``)."""

    def __init__(self, cause: BaseException | None = None) -> None:
        if cause is None:
            super().__init__(msg("store.closed"))
        else:
            super().__init__(msg("store.write_failed", error=str(cause) or type(cause).__name__))
        self.cause = cause


class StoreBusy(FieldAppError):
    """Another connection (a second Taza Field started on the same data folder) kept the data
    file's write lock for longer than the busy timeout: these jobs did nothing, later ones may."""


class Writer:
    def __init__(
        self,
        connect: Callable[[], sqlite3.Connection],
        *,
        name: str = "store-writer",
        max_batch: int = 256,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._connect = connect
        self._on_failure = on_failure
        self.failure: BaseException | None = None  # what stopped the thread, if anything
        self._max_batch = max_batch
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._started: Future[None] = Future()
        self._closed = False
        self._close_lock = threading.Lock()
        self._db: Database | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()
        self._started.result()  # re-raises a failure to open the database here, in the caller

    # -- public -----------------------------------------------------------------------------

    def submit(self, fn: Job[T]) -> Future[T]:
        """Queue ``fn``; the future resolves after the commit that made its change durable."""
        return self._put(_Task(fn, Future()))

    def submit_item(self, batch: BatchJob, item: Any) -> Future[Any]:
        """Queue one item for ``batch(db, items) -> results`` (a module-level function, so that
        consecutive items can share a call); the future resolves to this item's result."""
        return self._put(_Task(None, Future(), batch, item))

    def _put(self, task: _Task) -> Future[Any]:
        # Under the lock: once the thread has failed and drained the queue, nothing more gets in
        # to wait for ever.
        with self._close_lock:
            if self._closed:
                raise WriterClosed(self.failure)
            self._queue.put(task)
        return task.future

    def call(self, fn: Job[T]) -> T:
        """Run ``fn`` on the writer thread and wait for its committed result."""
        if threading.current_thread() is self._thread:
            # A job calling the store again: already inside the writer's transaction.
            assert self._db is not None
            return fn(self._db)
        return self.submit(fn).result()

    def close(self, timeout: float | None = 30) -> None:
        """Finish the queued jobs, then close the connection."""
        with self._close_lock:
            if self._closed:
                return
            self._closed = True
        self._queue.put(_STOP)
        self._thread.join(timeout)

    # -- the thread -------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            conn = self._connect()
            self._db = Database(conn, execute_plugins=False)
        except BaseException as exc:
            self._started.set_exception(exc)
            return
        self._started.set_result(None)
        try:
            stopping = False
            while not stopping:
                item = self._queue.get()
                if item is _STOP:
                    break
                batch = [item]
                while len(batch) < self._max_batch:
                    try:
                        item = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if item is _STOP:
                        stopping = True
                        break
                    batch.append(item)
                try:
                    self._run_batch(conn, batch)
                except BaseException as exc:
                    self._fail(batch, exc)
                    return
        finally:
            self._drain(WriterClosed())
            try:
                conn.close()  # an open transaction is rolled back by SQLite itself
            except BaseException:
                log.exception("closing the store's connection failed")

    def _fail(self, batch: list[_Task], error: BaseException) -> None:
        """The thread cannot go on: fail everything it holds or will be given, and say so."""
        log.critical("the store's writer stopped: %s", error, exc_info=error)
        with self._close_lock:
            self.failure = error
            self._closed = True
        for task in batch:
            if not task.future.done():
                task.future.set_exception(error)
        self._drain(error)
        if self._on_failure is not None:
            try:
                self._on_failure(error)
            except Exception:
                log.exception("telling about the writer's failure failed")

    def _drain(self, error: BaseException) -> None:
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if item is not _STOP and item.future.set_running_or_notify_cancel():
                item.future.set_exception(error)

    def _run_batch(self, conn: sqlite3.Connection, batch: list[_Task]) -> None:
        tasks = [t for t in batch if t.future.set_running_or_notify_cancel()]
        if not tasks:
            return
        outcomes: list[tuple[_Task, Any, BaseException | None]] = []
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            refusal: BaseException = exc
            if isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc)):
                refusal = StoreBusy(msg("store.busy"))
                refusal.__cause__ = exc
            for task in tasks:
                task.future.set_exception(refusal)
            return
        try:
            for run in _runs(tasks):
                if run[0].batch is not None and len(run) > 1:
                    outcomes += self._run_items(conn, run)
                else:
                    outcomes += [self._run_one(conn, task) for task in run]
        except _TransactionLost as lost:
            # The error (disk full, I/O) rolled back the whole transaction: every job of this
            # batch is undone, so every one of them fails.
            log.error("write transaction aborted by the database: %s", lost.error)
            for task in tasks:
                task.future.set_exception(lost.error)
            return
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            log.error("commit failed: %s", exc)
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            for task, _, _ in outcomes:
                task.future.set_exception(exc)
            return
        for task, result, error in outcomes:
            if error is None:
                task.future.set_result(result)
            else:
                task.future.set_exception(error)

    def _savepoint(
        self, conn: sqlite3.Connection, work: Callable[[], Any]
    ) -> tuple[Any, BaseException | None]:
        """Run ``work`` in a savepoint: its changes are kept if it returns, undone if it raises."""
        conn.execute("SAVEPOINT job")
        try:
            result = work()
        except BaseException as exc:
            if not conn.in_transaction:
                raise _TransactionLost(exc) from exc
            conn.execute("ROLLBACK TO job")
            conn.execute("RELEASE job")
            return None, exc
        conn.execute("RELEASE job")
        return result, None

    def _run_one(self, conn: sqlite3.Connection, task: _Task) -> tuple[_Task, Any, BaseException | None]:
        assert self._db is not None
        db = self._db
        if task.batch is not None:
            batch = task.batch
            result, error = self._savepoint(conn, lambda: batch(db, [task.item])[0])
        else:
            fn = task.fn
            assert fn is not None
            result, error = self._savepoint(conn, lambda: fn(db))
        return task, result, error

    def _run_items(
        self, conn: sqlite3.Connection, run: list[_Task]
    ) -> list[tuple[_Task, Any, BaseException | None]]:
        assert self._db is not None
        assert run[0].batch is not None
        db, batch = self._db, run[0].batch
        results, error = self._savepoint(conn, lambda: batch(db, [t.item for t in run]))
        if error is None:
            return list(zip(run, results, [None] * len(run), strict=True))
        return [self._run_one(conn, task) for task in run]


class _TransactionLost(Exception):
    def __init__(self, error: BaseException):
        super().__init__(str(error))
        self.error = error


def _runs(tasks: list[_Task]) -> list[list[_Task]]:
    """Consecutive tasks grouped by batch function (plain jobs stand alone)."""
    runs: list[list[_Task]] = []
    for task in tasks:
        if runs and task.batch is not None and runs[-1][0].batch is task.batch:
            runs[-1].append(task)
        else:
            runs.append([task])
    return runs
