"""Taza Field started twice on one data folder (a double click too many): Windows' file locks
between two real processes. A write waits while the other is in a transaction and then goes in;
a second fieldapp writes beside the open window; a restore while the other has the file open is
refused in words. Nothing of either is lost."""

from __future__ import annotations

import concurrent.futures
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp import logs
from fieldapp.logs import setup_logging
from fieldapp.paths import DataPaths
from fieldapp.store import Store
from tests.db_holder import MARK, holding
from tests.records import action
from tests.win32.conftest import ROOT, Laptop, app_env

log = logging.getLogger("tests.win32")

pytestmark = pytest.mark.skipif(sys.platform != "win32", reason="Windows' file locking between processes")


def test_a_write_waits_while_another_process_is_in_a_transaction(tmp_path: Path) -> None:
    path = tmp_path / "taza-field.sqlite"
    with Store.open(path) as store:
        record = action()
        with holding(path):
            pending = store.submit_save(record)
            with pytest.raises(concurrent.futures.TimeoutError):
                pending.result(timeout=1)  # it waits (up to the store's 10 s), it does not fail
        assert pending.result(timeout=60).id == record.id
        assert store.get_meta("holder") == MARK
        assert store.count_actions() == 1
        assert store.write_failure is None


def test_a_second_fieldapp_writes_beside_the_open_window(tmp_path: Path) -> None:
    laptop = Laptop(tmp_path / "data")
    laptop.setup()
    with Store.open(tmp_path / "data" / "taza-field.sqlite") as window:
        window.save(action())
        added = laptop.add()
        assert window.get(added) is not None  # the window reads what the other one wrote
        window.save(action())
    assert "Records: 3" in laptop("status").stdout


def test_a_restore_while_another_process_has_the_file_open_is_refused(tmp_path: Path) -> None:
    laptop = Laptop(tmp_path / "data")
    laptop.setup()
    laptop.add()
    made = laptop("backup", "now").stdout
    name = made.split("backups")[1].strip("\\/ ").split()[0]
    laptop.add(participants=7)
    database = tmp_path / "data" / "taza-field.sqlite"

    with holding(database, mode="open"):
        refused = laptop("backup", "restore", name, "--yes", check=False)
        assert refused.returncode == 2
        assert "Close it, then restore again" in refused.stderr
        assert "Nothing has been changed" in refused.stderr
        with Store.open(database) as store:
            assert store.count_actions() == 2

    restored = laptop("backup", "restore", name, "--yes")  # the other one closed: now it goes
    assert "1" in restored.stdout
    with Store.open(database) as store:
        assert store.count_actions() == 1


def test_two_processes_logging_into_one_file_lose_no_line(tmp_path: Path) -> None:
    """The window has taza-field.log open while a fieldapp command fills it past its size: Windows
    will not let the command rename it, and the command's lines go on into it."""
    paths = DataPaths(tmp_path / "data")
    assert setup_logging(paths) is not None  # this process is the window
    log.info("the window is open")
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            "import logging, sys\nfrom pathlib import Path\nfrom fieldapp import logs\n"
            "from fieldapp.paths import DataPaths\n"
            "logs.MAX_BYTES = 20_000\nlogs.setup_logging(DataPaths(Path(sys.argv[1])))\n"
            "for n in range(100): logging.getLogger('fieldapp').info('command line %d %s', n, 'x' * 500)\n",
            str(paths.root),
        ],
        capture_output=True,
        text=True,
        env=app_env(),
        cwd=ROOT,
        timeout=120,
    )
    assert child.returncode == 0, child.stderr
    assert "Logging error" not in child.stderr
    assert "Traceback" not in child.stderr
    log.info("the window goes on")
    logs.flush()
    everything = "".join(f.read_text(encoding="utf-8") for f in logs.log_files(paths))
    assert all(f"command line {n} " in everything for n in range(100))
    assert "the window is open" in everything
    assert "the window goes on" in everything


def test_a_damaged_file_another_process_holds_is_not_replaced_under_it(tmp_path: Path) -> None:
    """Restoring over a damaged data file replaces the file itself, which Windows refuses while
    another program has it open: refused in words, the file as it was, a restore once let go."""
    laptop = Laptop(tmp_path / "data")
    laptop.setup()
    laptop.add()
    name = laptop("backup", "now").stdout.split("backups")[1].strip("\\/ ").split()[0]
    database = tmp_path / "data" / "taza-field.sqlite"
    garbage = b"SQLite format 3\x00" + b"\xff" * 5000
    database.write_bytes(garbage)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\nf = open(sys.argv[1], 'rb')\nprint('held', flush=True)\n"
            "sys.stdin.readline()\nf.close()\n",
            str(database),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "held"
        refused = laptop("backup", "restore", name, "--yes", check=False)
        assert refused.returncode == 2
        assert "The data on this laptop have not been changed" in refused.stderr
        assert database.read_bytes() == garbage
    finally:
        holder.communicate("\n", timeout=60)
    assert "Records on this laptop now: 1" in laptop("backup", "restore", name, "--yes").stdout
    with Store.open(database) as store:
        assert store.count_actions() == 1
