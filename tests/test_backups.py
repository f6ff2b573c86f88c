"""Backups of the data file: one a calendar day, the last seven daily ones kept (and nothing else
deleted), and restoring one — checked first, the current data kept as a safety copy, refused
untouched when the backup is damaged, from a newer app, or while the data file is open."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from fieldapp import backups, schema
from fieldapp.backups import BackupError, Kind
from fieldapp.cli import main
from fieldapp.models import CleanupAction
from fieldapp.paths import DataPaths
from fieldapp.queries import ActionFilter
from fieldapp.store import Store
from tests.records import action

FIXTURE_V1 = Path(__file__).parent / "fixtures" / "store-v1.sqlite"
MORNING = datetime(2026, 11, 25, 9, 15)


@pytest.fixture
def paths(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "laptop")


def open_store(paths: DataPaths) -> Store:
    return Store.open(paths.database)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


def live(store: Store) -> dict[str, CleanupAction]:
    found = {}
    for summary in store.list_actions(ActionFilter(include_deleted=True), limit=1000):
        record = store.get(summary.id)
        assert record is not None
        found[str(record.id)] = record
    return found


# -- daily backups --------------------------------------------------------------------------------


def test_one_backup_a_calendar_day(paths: DataPaths) -> None:
    with open_store(paths) as store:
        store.save_many([action(), action(action_date=date(2025, 9, 21))])
        first = backups.backup_if_due(store, now=MORNING)
        assert first is not None
        assert first.kind is Kind.DAILY
        assert first.name == "daily-20261125-091500.sqlite"
        assert first.records == 2
        assert backups.backup_if_due(store, now=MORNING.replace(hour=23, minute=59)) is None
        following = backups.backup_if_due(store, now=datetime(2026, 11, 26, 0, 5))
        assert following is not None
        assert following.name == "daily-20261126-000500.sqlite"
    listed = backups.list_backups(paths)
    assert [b.name for b in listed] == [following.name, first.name]  # newest first
    assert all(b.size > 0 for b in listed)
    # each one is a single self-contained file that passed its check
    assert names(backups.backups_dir(paths)) == {following.name, first.name}
    conn = sqlite3.connect(first.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_backups_of_one_second_on_a_fat_stick_are_listed_newest_first(paths: DataPaths) -> None:
    # FAT (a USB stick in portable mode) keeps file times to 2 seconds: the two files look alike
    with open_store(paths) as store:
        store.save(action())
        names_made = [backups.backup_now(store, now=MORNING).name for _ in range(3)]
    assert names_made == [f"manual-20261125-091500{n}.sqlite" for n in ("", "-2", "-3")]
    for name in names_made:
        os.utime(backups.backups_dir(paths) / name, (1_764_000_000, 1_764_000_000))
    assert [b.name for b in backups.list_backups(paths)] == names_made[::-1]


def test_rotation_keeps_seven_daily_and_deletes_nothing_else(paths: DataPaths) -> None:
    paths.root.mkdir(parents=True)
    shutil.copy(FIXTURE_V1, paths.database)
    with open_store(paths) as store:  # migrating the old file writes a copy to backups/ first
        folder = backups.backups_dir(paths)
        [migration_copy] = folder.iterdir()
        assert migration_copy.name.startswith("taza-field-before-0002_search_text-")
        manual = backups.backup_now(store, now=MORNING - timedelta(days=30))
        district_copy = folder / "district-before-0005_district-20260101T000000Z.sqlite"
        district_copy.write_bytes(b"a coordinator's copy, not ours")
        made = [backups.backup_if_due(store, now=MORNING + timedelta(days=d)) for d in range(10)]
        assert all(made)
    left = backups.list_backups(paths)
    daily = [b.name for b in left if b.kind is Kind.DAILY]
    assert daily == [b.name for b in reversed(made[3:])]  # the newest seven
    assert {b.kind for b in left} == {Kind.DAILY, Kind.MANUAL, Kind.BEFORE_MIGRATION}
    assert migration_copy.exists()
    assert manual.path.exists()
    assert district_copy.exists()  # another file's copy: neither listed nor deleted
    assert district_copy.name not in {b.name for b in left}
    assert next(b for b in left if b.kind is Kind.BEFORE_MIGRATION).records == 40


def test_a_backup_is_consistent_while_the_store_writes(paths: DataPaths) -> None:
    with open_store(paths) as store:
        store.save_many([action() for _ in range(50)])
        pending = [store.submit_save(action()) for _ in range(200)]
        made = backups.backup_now(store)
        for future in pending:
            future.result()
        assert store.count_actions() == 250
    assert made.records is not None
    assert 50 <= made.records <= 250
    check = Store.open(made.path)
    assert check.integrity_check() == []  # monthly totals agree with the records at that moment
    check.close()


# -- restoring ------------------------------------------------------------------------------------


def test_backup_and_restore_round_trip(paths: DataPaths) -> None:
    kept, changed, deleted = action(), action(place="Саябақ"), action(place="Мектеп ауласы")
    with open_store(paths) as store:
        store.save_many([kept, changed, deleted])
        at_backup = live(store)
        backup = backups.backup_now(store)
        store.save(store.get(changed.id).revise(participants=99, notes="кейін өзгертілді"))
        store.delete(deleted.id, 1)
        added = store.save(action(place="Жаңа орын"))
        after_changes = live(store)

    done = backups.restore(paths, backup.path)

    assert done.records == 3
    with open_store(paths) as store:
        assert live(store) == at_backup
        assert store.get(added.id) is None
        assert [h.revision for h in store.history(changed.id)] == [1]
        assert store.integrity_check() == []
    # the data as they were before the restore are kept, and restoring them undoes it
    assert done.safety_copy is not None
    assert done.safety_copy.name.startswith("before-restore-")
    [safety] = [b for b in backups.list_backups(paths) if b.kind is Kind.BEFORE_RESTORE]
    assert safety.records == 3  # two live, one deleted: three records, one a tombstone
    backups.restore(paths, safety.path)
    with open_store(paths) as store:
        assert live(store) == after_changes
    assert not [p for p in paths.root.iterdir() if p.name.startswith(".restore-")]


def test_restoring_into_the_open_store(paths: DataPaths) -> None:
    """The window's way: the store stays open and reads the restored data at once."""
    first = action()
    with open_store(paths) as store:
        store.save(first)
        backup = backups.backup_now(store)
        second = store.save(action(place="Кейін"))
        assert store.count_actions() == 2

        done = backups.restore(paths, backup.path, store=store)

        assert done.records == 1
        assert store.count_actions() == 1
        assert store.get(second.id) is None
        again = store.save(action(place="Қайта"))  # the writer goes on, on the restored data
        assert store.count_actions() == 2
        assert store.integrity_check() == []
    with open_store(paths) as store:
        assert {str(r.id) for r in live(store).values()} == {str(first.id), str(again.id)}
    assert done.safety_copy is not None
    with Store.open(done.safety_copy) as safety:
        assert safety.get(second.id) is not None


def test_a_backup_of_an_older_version_is_migrated_after_restoring(paths: DataPaths) -> None:
    with open_store(paths) as store:
        store.save(action())
    done = backups.restore(paths, FIXTURE_V1)
    assert done.backup.kind is Kind.OTHER  # a file given by its path
    assert done.records == 40
    with open_store(paths) as store:
        assert store.count_actions() == 40
        assert store.integrity_check() == []


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:100] + b"\x00" * (len(data) - 100), id="zeroed"),
        pytest.param(lambda data: b"not a database at all " * 300, id="not-sqlite"),
        pytest.param(lambda data: b"", id="empty"),
    ],
)
def test_a_damaged_backup_is_refused_and_nothing_changes(paths: DataPaths, spoil) -> None:  # type: ignore[no-untyped-def]
    with open_store(paths) as store:
        store.save_many([action() for _ in range(30)])
        backup = backups.backup_now(store)
        store.save(action(place="after the backup"))
    spoiled = backup.path.with_name("spoiled.sqlite")
    spoiled.write_bytes(spoil(backup.path.read_bytes()))
    before, files = digest(paths.database), names(paths.root) | names(backups.backups_dir(paths))

    with pytest.raises(BackupError) as refused:
        backups.restore(paths, spoiled)

    assert refused.value.message.key in {"backups.damaged", "backups.empty"}
    assert "spoiled.sqlite" in refused.value.text("en")
    assert "Ничего не изменено" in refused.value.text("ru")
    assert "Ештеңе өзгертілген жоқ" in refused.value.text("kk")
    assert digest(paths.database) == before
    assert names(paths.root) | names(backups.backups_dir(paths)) == files  # no safety copy, no leftovers
    with open_store(paths) as store:
        assert store.count_actions() == 31


def test_a_backup_from_a_newer_app_is_refused(paths: DataPaths) -> None:
    with open_store(paths) as store:
        store.save(action())
        backup = backups.backup_now(store)
        store.save(action())
    db = Database(sqlite3.connect(backup.path))
    db["_sqlite_migrations"].insert(
        {"migration_set": schema.MIGRATION_SET, "name": "0099_from_the_future", "applied_at": "x"}
    )
    db.conn.commit()
    db.close()
    before = digest(paths.database)
    with pytest.raises(BackupError) as refused:
        backups.restore(paths, backup.path)
    assert refused.value.message.key == "backups.too_new"
    assert "0099_from_the_future" in refused.value.text("kk")
    assert "более новой версией" in refused.value.text("ru")
    assert digest(paths.database) == before
    assert [b.kind for b in backups.list_backups(paths)] == [Kind.MANUAL]


def test_restoring_is_refused_while_the_data_file_is_open(paths: DataPaths) -> None:
    with open_store(paths) as store:
        store.save(action())
        backup = backups.backup_now(store)
        store.save(action())
        # the store of this process, not handed to restore()
        with pytest.raises(BackupError) as refused:
            backups.restore(paths, backup.path)
        assert refused.value.message.key == "backups.in_use"
        assert store.count_actions() == 2
    # the window of another process
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\nfrom fieldapp.store import Store\n"
            f"s = Store.open({str(paths.database)!r})\nprint(s.count_actions(), flush=True)\n"
            "sys.stdin.readline()\ns.close()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "2"
        with pytest.raises(BackupError) as refused:
            backups.restore(paths, backup.path)
        assert "Close it" in refused.value.text("en")
    finally:
        holder.communicate("\n", timeout=60)
    assert backups.restore(paths, backup.path).records == 1  # closed: now it goes
    assert len([b for b in backups.list_backups(paths) if b.kind is Kind.BEFORE_RESTORE]) == 1


def test_a_damaged_data_file_is_replaced_and_kept_as_it_was(paths: DataPaths) -> None:
    with open_store(paths) as store:
        store.save_many([action(), action()])
        backup = backups.backup_now(store)
    garbage = b"SQLite format 3\x00" + b"\xff" * 5000
    paths.database.write_bytes(garbage)
    with pytest.raises(schema.StoreOpenError):
        open_store(paths)

    done = backups.restore(paths, backup.path)

    assert done.records == 2
    assert done.safety_copy is not None
    assert done.safety_copy.read_bytes() == garbage
    with open_store(paths) as store:
        assert store.count_actions() == 2
        assert store.integrity_check() == []


def test_restoring_onto_a_new_laptop(paths: DataPaths, tmp_path: Path) -> None:
    """A backup carried on a USB stick to a laptop with no data yet: no safety copy is needed."""
    with open_store(paths) as store:
        store.save(action())
        backup = backups.backup_now(store)
    stick = tmp_path / "usb" / "taza.sqlite"
    stick.parent.mkdir()
    shutil.copy(backup.path, stick)
    other = DataPaths(tmp_path / "new-laptop")
    done = backups.restore(other, stick)
    assert done.safety_copy is None
    assert done.records == 1
    with open_store(other) as store:
        assert store.count_actions() == 1


def test_finding_a_backup_by_name(paths: DataPaths) -> None:
    with open_store(paths) as store:
        made = backups.backup_now(store)
    assert backups.find_backup(paths, made.name) == made.path
    assert backups.find_backup(paths, made.path.stem) == made.path
    assert backups.find_backup(paths, str(made.path)) == made.path
    with pytest.raises(BackupError) as missing:
        backups.find_backup(paths, "daily-19990101-000000")
    assert "fieldapp backup list" in missing.value.text("kk")


# -- the command line -----------------------------------------------------------------------------


class Terminal(io.StringIO):
    """Typed answers on what looks like a terminal."""

    def isatty(self) -> bool:
        return True


def run(
    paths: DataPaths, capsys: pytest.CaptureFixture[str], *args: str, lang: str = "en"
) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(paths.root), "--lang", lang, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_backup_command(
    paths: DataPaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(paths, capsys, "backup", "list", lang="kk")
    assert code == 0
    assert "Әзірге сақтық көшірме жоқ" in out
    with open_store(paths) as store:
        store.save_many([action(), action()])

    code, out, _ = run(paths, capsys, "backup", "now", lang="ru")
    assert code == 0
    assert "Резервная копия записана" in out
    assert "записей: 2" in out
    [made] = backups.list_backups(paths)
    assert made.kind is Kind.MANUAL
    with open_store(paths) as store:
        store.save(action())

    code, out, _ = run(paths, capsys, "backup", "list")
    assert code == 0
    assert made.name in out
    assert "Made by hand" in out

    # no terminal to ask on: it needs --yes, and nothing changes
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, out, _ = run(paths, capsys, "backup", "restore", made.name)
    assert code == 3
    assert "--yes" in out
    # on a terminal it asks; "no" leaves everything as it was
    monkeypatch.setattr("sys.stdin", Terminal("жоқ\n"))
    code, out, _ = run(paths, capsys, "backup", "restore", made.path.stem, lang="kk")
    assert code == 1
    assert "ауыстыру керек пе?" in out
    assert "Қалпына келтірілмеді" in out
    with open_store(paths) as store:
        assert store.count_actions() == 3

    # refused while the data file is open (the window), with the reason on stderr
    with open_store(paths):
        code, out, err = run(paths, capsys, "backup", "restore", made.name, "--yes", lang="ru")
    assert code == 2
    assert "Taza Field открыт" in err

    monkeypatch.setattr("sys.stdin", Terminal("да\n"))
    code, out, _ = run(paths, capsys, "backup", "restore", made.name, lang="ru")
    assert code == 0, out
    assert "Восстановлена резервная копия" in out
    assert "before-restore-" in out
    with open_store(paths) as store:
        assert store.count_actions() == 2

    code, _, err = run(paths, capsys, "backup", "restore", "no-such-backup", "--yes")
    assert code == 2
    assert "There is no backup «no-such-backup»" in err
