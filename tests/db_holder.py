"""A second program holding the data file: ``python -m tests.db_holder DB`` opens it, takes the
write lock (``BEGIN IMMEDIATE``) and writes one row of its own, says ``held`` and waits for a line
on stdin; then it commits and says ``done``. With ``open`` after DB it only has the store open, as
a second Taza Field window does. ``holding(db)`` runs it for a test."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = "written by the other program"


@contextlib.contextmanager
def holding(db: Path, mode: str = "write") -> Iterator[subprocess.Popen[str]]:
    """Within the block another process has the write lock (or, ``open``, the store open); at
    its end it commits its row (closes the store)."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.db_holder", str(db), mode],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdin is not None
    assert child.stdout is not None
    assert child.stderr is not None
    try:
        line = child.stdout.readline().strip()
        assert line == "held", f"the holder did not start: {line!r} {child.stderr.read()}"
        yield child
        child.stdin.write("go\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "done", child.stderr.read()
    finally:
        child.stdin.close()
        child.wait(timeout=60)
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == 0


def main(db: str, mode: str) -> None:
    if mode == "open":
        from fieldapp.store import Store

        with Store.open(db) as store:
            store.count_actions()
            print("held", flush=True)
            sys.stdin.readline()
        print("done", flush=True)
        return
    conn = sqlite3.connect(db, isolation_level=None, timeout=30)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO meta (key, value) VALUES ('holder', ?)", (MARK,))
    print("held", flush=True)
    sys.stdin.readline()
    conn.execute("COMMIT")
    conn.close()
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "write")
