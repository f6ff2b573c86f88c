"""SIGKILL in the middle of writing: the file stays sound and every committed change is there,
with its history and outbox entry, and nothing is half-written."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

from fieldapp.models import CleanupAction, Status
from fieldapp.store import Store

ROOT = Path(__file__).resolve().parent.parent
KILLED_ON_WINDOWS = 1  # the exit code Popen.kill's TerminateProcess gives


def run_and_kill(db: Path, seed: int, after_lines: int) -> list[tuple[str, int]]:
    """Start a writer, let it commit ``after_lines`` changes, SIGKILL it mid-stream."""
    committed: list[tuple[str, int]] = []
    with subprocess.Popen(
        [sys.executable, "-m", "tests.crash_writer", str(db), str(seed)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    ) as child:
        assert child.stdout is not None
        assert child.stderr is not None
        deadline = time.monotonic() + 120
        try:
            while len(committed) < after_lines:
                line = child.stdout.readline()
                if not line:
                    pytest.fail(f"writer stopped early: {child.stderr.read()}")
                record_id, revision = line.split()
                committed.append((record_id, int(revision)))
                assert time.monotonic() < deadline, "writer too slow"
            child.kill()  # while it is still writing (SIGKILL; TerminateProcess on Windows)
        finally:
            child.kill()
            child.wait()
        # Lines it managed to print before dying are committed too.
        for line in child.stdout.read().splitlines():
            if len(parts := line.split()) == 2:
                committed.append((parts[0], int(parts[1])))
    assert child.returncode == (KILLED_ON_WINDOWS if sys.platform == "win32" else -signal.SIGKILL)
    return committed


@pytest.mark.slow
def test_sigkill_mid_write_loses_nothing_committed_and_half_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "taza-field.sqlite"
    committed: list[tuple[str, int]] = []
    for round_, lines in enumerate((150, 400, 90, 700)):
        committed += run_and_kill(db, seed=round_, after_lines=lines)

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()

    with Store.open(db) as store:
        assert store.integrity_check() == []  # pages, foreign keys, and monthly sums vs records
        newest: dict[str, int] = defaultdict(int)
        for record_id, revision in committed:
            newest[record_id] = max(newest[record_id], revision)
        for record_id, revision in newest.items():
            current = store.get(record_id)
            assert current is not None, record_id
            assert current.revision >= revision
        check_every_record_is_whole(store)


def check_every_record_is_whole(store: Store) -> None:
    conn = store._reader()
    outbox = dict(conn.execute("SELECT entity_id, revision FROM outbox WHERE kind = 'action'"))
    rows = conn.execute("SELECT id, revision, status, deleted, participants FROM actions").fetchall()
    assert rows
    for record_id, revision, status, deleted, participants in rows:
        history = store.history(record_id)
        # one history entry per revision, in order, the last one being the record as it stands
        assert [h.revision for h in history] == list(range(1, revision + 1))
        latest: CleanupAction = history[-1].action
        assert (latest.revision, latest.status.value, latest.deleted, latest.participants) == (
            revision,
            status,
            bool(deleted),
            participants,
        )
        waste = dict(conn.execute("SELECT fraction, kg FROM action_waste WHERE action_id = ?", [record_id]))
        assert waste == {w.fraction: w.kg for w in latest.waste}
        if latest.status is Status.READY:
            assert outbox.get(record_id) == revision
        else:
            assert record_id not in outbox
