"""The single writer thread: group commit, savepoints, batches, closing."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from fieldapp.writer import Writer, WriterClosed


def make(tmp_path: Path) -> Writer:
    path = tmp_path / "w.sqlite"

    def connect() -> sqlite3.Connection:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode = WAL")
        return conn

    writer = Writer(connect)
    writer.call(lambda db: db.execute("CREATE TABLE t (v INTEGER UNIQUE)"))
    return writer


def values(writer: Writer) -> list[int]:
    return writer.call(lambda db: [r[0] for r in db.execute("SELECT v FROM t ORDER BY v")])


def insert_batch(db: Database, items: list[int]) -> list[int]:
    db.conn.executemany("INSERT INTO t (v) VALUES (?)", [(i,) for i in items])
    return items


def test_a_failing_job_is_undone_alone(tmp_path: Path) -> None:
    writer = make(tmp_path)
    gate = threading.Event()
    writer.submit(lambda db: gate.wait(5))  # hold the thread so the next jobs queue up together

    def two_then_fail(db: Database) -> None:
        db.execute("INSERT INTO t (v) VALUES (2)")
        raise ValueError("no")

    ok1 = writer.submit(lambda db: db.execute("INSERT INTO t (v) VALUES (1)"))
    bad = writer.submit(two_then_fail)
    ok3 = writer.submit(lambda db: db.execute("INSERT INTO t (v) VALUES (3)"))
    gate.set()
    ok1.result(), ok3.result()
    with pytest.raises(ValueError, match="no"):
        bad.result()
    assert values(writer) == [1, 3]
    writer.close()


def test_items_are_batched_and_a_bad_item_fails_alone(tmp_path: Path) -> None:
    writer = make(tmp_path)
    calls: list[int] = []

    def counted(db: Database, items: list[int]) -> list[int]:
        calls.append(len(items))
        return insert_batch(db, items)

    writer.call(lambda db: db.execute("INSERT INTO t (v) VALUES (5)"))
    gate = threading.Event()
    writer.submit(lambda db: gate.wait(5))
    futures = [writer.submit_item(counted, i) for i in (1, 2, 5, 7)]  # 5 already exists
    gate.set()
    assert [futures[i].result() for i in (0, 1, 3)] == [1, 2, 7]
    with pytest.raises(sqlite3.IntegrityError):
        futures[2].result()
    assert values(writer) == [1, 2, 5, 7]
    assert calls[0] == 4  # first tried as one batch, then one by one
    writer.close()


def test_reentrant_call_runs_inside_the_same_transaction(tmp_path: Path) -> None:
    writer = make(tmp_path)

    def outer(db: Database) -> Any:
        db.execute("INSERT INTO t (v) VALUES (1)")
        return writer.call(lambda inner: inner.execute("SELECT count(*) FROM t").fetchone()[0])

    assert writer.call(outer) == 1
    writer.close()


def test_close_finishes_queued_work_then_refuses(tmp_path: Path) -> None:
    writer = make(tmp_path)
    futures = [
        writer.submit(lambda db, i=i: db.execute("INSERT INTO t (v) VALUES (?)", [i])) for i in range(50)
    ]
    writer.close()
    assert all(f.done() and f.exception() is None for f in futures)
    with pytest.raises(WriterClosed):
        writer.submit(lambda db: None)
    check = sqlite3.connect(tmp_path / "w.sqlite")
    assert check.execute("SELECT count(*) FROM t").fetchone()[0] == 50
    check.close()


def test_a_database_that_cannot_be_opened_fails_in_the_caller(tmp_path: Path) -> None:
    def broken() -> sqlite3.Connection:
        raise sqlite3.OperationalError("unable to open database file")

    with pytest.raises(sqlite3.OperationalError):
        Writer(broken)


@pytest.mark.allow_log_warnings
def test_a_lost_transaction_fails_every_job_of_the_batch(tmp_path: Path) -> None:
    writer = make(tmp_path)
    gate = threading.Event()
    writer.submit(lambda db: gate.wait(5))
    first = writer.submit(lambda db: db.execute("INSERT INTO t (v) VALUES (1)"))

    def kill_transaction(db: Database) -> None:
        db.conn.execute("ROLLBACK")  # what SQLITE_FULL or an I/O error does to a transaction
        raise sqlite3.OperationalError("database or disk is full")

    lost = writer.submit(kill_transaction)
    gate.set()
    for future in (first, lost):
        with pytest.raises(sqlite3.OperationalError, match="disk is full"):
            future.result()
    assert values(writer) == []
    writer.call(lambda db: db.execute("INSERT INTO t (v) VALUES (9)"))  # and it carries on
    assert values(writer) == [9]
    writer.close()


class FailingDisk(sqlite3.Connection):
    """A connection on a disk that has started to fail: once ``broken``, every write and even the
    rollback of a savepoint raise, as a dying disk or a full one does."""

    broken = False

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
        if self.broken and sql.lstrip().upper().startswith(("INSERT", "ROLLBACK")):
            raise sqlite3.OperationalError("disk I/O error")
        return super().execute(sql, *args)


@pytest.mark.allow_log_warnings
def test_a_writer_that_cannot_roll_back_fails_everything_and_closes(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    conns: list[FailingDisk] = []

    def connect() -> sqlite3.Connection:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, factory=FailingDisk)
        conn.execute("PRAGMA journal_mode = WAL")
        conns.append(conn)
        return conn

    told: list[BaseException] = []
    writer = Writer(connect, on_failure=told.append, max_batch=1)  # so that some wait in the queue
    writer.call(lambda db: db.execute("CREATE TABLE t (v INTEGER UNIQUE)"))
    writer.call(lambda db: db.execute("INSERT INTO t (v) VALUES (1)"))
    gate = threading.Event()
    held = writer.submit(lambda db: gate.wait(5))
    conns[0].broken = True
    in_flight = writer.submit(lambda db: db.execute("INSERT INTO t (v) VALUES (2)"))
    queued = [writer.submit_item(insert_batch, i) for i in (3, 4)]
    gate.set()
    assert held.result(timeout=10) is True  # committed before the disk failed
    for future in (in_flight, *queued):
        with pytest.raises(sqlite3.OperationalError, match="disk I/O error"):
            future.result(timeout=10)
    assert len(told) == 1
    assert "disk I/O error" in str(told[0])
    assert isinstance(writer.failure, sqlite3.OperationalError)
    with pytest.raises(WriterClosed) as closed:
        writer.submit(lambda db: None)
    assert "cannot be written" in closed.value.text("en")
    assert "disk I/O error" in closed.value.text("en")
    assert "Деректер файлына жазу мүмкін емес" in closed.value.text("kk")
    writer.close()  # already stopped: returns at once
    check = sqlite3.connect(path)
    assert [v for (v,) in check.execute("SELECT v FROM t")] == [1]  # the commit before it is kept
    check.close()
