"""A pull's cursor never skips a change, whatever order the writers commit in.

On PostgreSQL two writers can take seqs 1 and 2 and commit 2 first. Pulls read in (txid, seq) order
and only up to the oldest transaction still running, so the change committed late is delivered
after the cursor, not lost below it — and the writers never wait for each other."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from fieldapp.reference import default_reference
from server import schema as t
from server.accounts import Principal
from server.db import READ_ONLY, make_engine, upgrade
from server.pull import pull
from server.sql import log_changes
from sync.protocol import Role

ADMIN = Principal(Role.ADMIN, "admin", "admin")


def change(record: str) -> dict[str, object]:
    return {
        "kind": "record",
        "record_id": record,
        "okrug": "196247000",
        "district": "196200000",
        "at": datetime(2026, 11, 25, 7, 0, tzinfo=UTC),
    }


def delivered(engine: Engine, cursor: str) -> tuple[list[str], str]:
    """What an admin's pull from ``cursor`` sees: the changed record ids, and the next cursor."""
    with engine.connect() as conn:
        conn.execution_options(**{READ_ONLY: True})
        c = t.changes.c
        answer = pull(conn, ADMIN, cursor, 100, 10**6, default_reference())
        # Which changes the answer covered (the admin's answer lists records; these have none).
        after = answer.cursor
        rows = conn.execute(select(c.record_id, c.txid, c.seq).order_by(c.txid, c.seq)).all()
    start = tuple(int(x) for x in cursor.split(".")) if cursor else (-1, 0)
    end = tuple(int(x) for x in after.split("."))
    return [r.record_id for r in rows if start < (r.txid, r.seq) <= end], after


@pytest.fixture
def engine(postgres_db: str) -> Iterator[Engine]:
    engine = make_engine(postgres_db)
    upgrade(engine)
    yield engine
    engine.dispose()


def test_a_change_committed_late_is_never_skipped(engine: Engine) -> None:
    first = engine.connect()
    first.begin()
    log_changes(first, [change("a")])  # seq 1, not committed yet
    with engine.begin() as second:  # starts later, takes seq 2, commits first
        log_changes(second, [change("b")])
    seen, cursor = delivered(engine, "")
    assert seen == []  # not past "a", which may still commit below "b"
    first.commit()
    first.close()
    seen, cursor = delivered(engine, cursor)
    assert seen == ["a", "b"]
    assert delivered(engine, cursor)[0] == []


def test_writers_do_not_wait_for_each_other(engine: Engine) -> None:
    first = engine.connect()
    first.begin()
    log_changes(first, [change("a")])
    with engine.begin() as second:  # would block here if writers took a lock until commit
        log_changes(second, [change("b")])
    first.rollback()
    first.close()
    seen, _ = delivered(engine, "")
    assert seen == ["b"]


def test_sqlite_keeps_seq_order(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 's.sqlite'}")
    upgrade(engine)
    with engine.begin() as conn:
        log_changes(conn, [change("a")])
        log_changes(conn, [])
    with engine.begin() as conn:
        log_changes(conn, [change("b")])
    with engine.connect() as conn:
        rows = conn.execute(select(t.changes.c.txid, t.changes.c.seq, t.changes.c.record_id)).all()
    assert rows == [(0, 1, "a"), (0, 2, "b")]
    assert delivered(engine, "")[0] == ["a", "b"]
    engine.dispose()
