"""The pull cursor is ``changes.seq``; it is only safe if seqs are taken in the order of commits.
On PostgreSQL a writer of ``changes`` holds a lock from taking its seqs until it commits, so a later
writer waits and takes higher seqs — a change can never appear below a cursor already handed out."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

from server import schema as t
from server.db import make_engine, upgrade
from server.sql import log_changes


def change(record: str) -> dict[str, object]:
    return {
        "kind": "record",
        "record_id": record,
        "okrug": "196247000",
        "district": "196200000",
        "at": datetime.now(UTC),
    }


@pytest.fixture
def engine(postgres_db: str) -> Iterator[Engine]:
    engine = make_engine(postgres_db)
    upgrade(engine)
    yield engine
    engine.dispose()


def waiting_on_a_lock(engine: Engine, pid: int) -> bool:
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT wait_event_type FROM pg_stat_activity WHERE pid = :pid"), {"pid": pid}
        ).first()
    return row is not None and row.wait_event_type == "Lock"


def test_a_later_writer_waits_for_the_first_to_commit(engine: Engine) -> None:
    first = engine.connect()
    first.begin()
    log_changes(first, [change("a"), change("b")])
    second_pid: list[int] = []
    done = threading.Event()

    def second_writer() -> None:
        with engine.begin() as conn:
            second_pid.append(conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())
            log_changes(conn, [change("c")])
        done.set()

    thread = threading.Thread(target=second_writer)
    thread.start()
    deadline = time.monotonic() + 30
    while not (second_pid and waiting_on_a_lock(engine, second_pid[0])):
        assert time.monotonic() < deadline, "the second writer never waited"
        assert not done.is_set(), "the second writer took its seq while the first had not committed"
        time.sleep(0.02)
    with engine.connect() as reader:  # what a pull sees now: nothing yet, from either
        assert reader.execute(select(t.changes.c.record_id)).all() == []
    first.commit()
    first.close()
    thread.join(30)
    assert done.is_set()
    with engine.connect() as reader:
        order = [
            row.record_id for row in reader.execute(select(t.changes.c.record_id).order_by(t.changes.c.seq))
        ]
    assert order == ["a", "b", "c"]


def test_sqlite_needs_no_lock(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 's.sqlite'}")
    upgrade(engine)
    with engine.begin() as conn:
        log_changes(conn, [change("a")])
        log_changes(conn, [])
    with engine.connect() as conn:
        assert conn.execute(select(t.changes.c.seq, t.changes.c.record_id)).all() == [(1, "a")]
    engine.dispose()
