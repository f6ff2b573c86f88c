"""Schema migrations: forward from an older file, backed up first, all-or-nothing; a file from a
newer app, or no data file at all, is refused untouched."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from fieldapp import schema
from fieldapp.queries import ActionFilter, Period
from fieldapp.schema import StoreOpenError
from fieldapp.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "store-v1.sqlite"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def applied(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def v1_file(tmp_path: Path) -> Path:
    target = tmp_path / "taza-field.sqlite"
    shutil.copy(FIXTURE, target)
    return target


def rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_v1_file_is_backed_up_then_migrated(v1_file: Path) -> None:
    with Store.open(v1_file) as store:
        assert applied(v1_file) == schema.known_migrations()
        assert store.count_actions() == 40
        assert store.integrity_check() == []
        # 0002 filled the search column of the old records
        hits = store.list_actions(ActionFilter(text="Еркін"))
        assert hits
        assert all(r.settlement == "196247100" for r in hits)
        # 0003 built the monthly sums from the old records
        [year] = store.totals(Period.year(2025), group_by=())
        assert year.actions == 40
        # and the old records can be edited as usual
        record = store.get(hits[0].id)
        store.save(record.revise(participants=record.participants + 1))
    [backup] = (v1_file.parent / "backups").iterdir()
    assert backup.name.startswith("taza-field-before-0002_search_text-")
    assert applied(backup) == ["0001_initial"]
    for table in ("actions", "action_waste", "action_history", "outbox"):
        query = f"SELECT * FROM {table} ORDER BY 1, 2"
        assert rows(backup, query) == rows(FIXTURE, query), table


def test_the_same_path_through_the_steps_as_a_fresh_file(tmp_path: Path) -> None:
    old, new = tmp_path / "old.sqlite", tmp_path / "new.sqlite"
    schema.migrate(old, stop_before="0002_search_text")
    assert applied(old) == ["0001_initial"]
    schema.migrate(old)
    schema.migrate(new)

    def shape(path: Path) -> list[tuple]:
        conn = sqlite3.connect(path)
        try:
            tables = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') "
                    "AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            ]
            return [(t, [c[1:3] for c in conn.execute(f"PRAGMA table_info('{t}')")]) for t in tables]
        finally:
            conn.close()

    assert shape(old) == shape(new)
    assert not (tmp_path / "backups").exists() or len(list((tmp_path / "backups").iterdir())) == 1


def test_nothing_to_do_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    assert schema.migrate(path) == schema.known_migrations()
    assert schema.migrate(path) == []
    assert not (tmp_path / "backups").exists()  # a new file needs no backup, a current one neither


def test_a_file_from_a_newer_app_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "taza-field.sqlite"
    Store.open(path).close()
    db = Database(sqlite3.connect(path))
    db["_sqlite_migrations"].insert(
        {"migration_set": schema.MIGRATION_SET, "name": "0099_from_the_future", "applied_at": "x"}
    )
    db.conn.commit()
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    before = digest(path)
    with pytest.raises(StoreOpenError) as exc:
        Store.open(path)
    assert exc.value.message.key == "store.database_too_new"
    assert "0099_from_the_future" in exc.value.text("kk")
    assert "более новой версией" in exc.value.text("ru")
    assert digest(path) == before


@pytest.mark.parametrize(
    "content", [b"", b"this is not a database at all" * 200, b"SQLite format 3\x00" + b"\xff" * 5000]
)
def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "taza-field.sqlite"
    path.write_bytes(content)
    if not content:
        Store.open(path).close()  # an empty file is simply a new database
        return
    with pytest.raises(StoreOpenError) as exc:
        Store.open(path)
    assert exc.value.message.key == "store.not_a_database"
    assert path.read_bytes() == content


def test_another_apps_database_is_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(StoreOpenError) as exc:
        Store.open(path)
    assert exc.value.message.key == "store.not_a_database"
    assert digest(path) == before


@pytest.mark.allow_log_warnings
def test_a_failing_step_leaves_the_file_as_it_was(v1_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(db: Database) -> None:
        db.execute("ALTER TABLE actions ADD COLUMN half_done TEXT")
        raise RuntimeError("disk trouble")

    steps = list(schema.migrations._migrations)
    broken_step = type(steps[0])("0002_search_text", broken, True)
    monkeypatch.setattr(schema.migrations, "_migrations", [steps[0], broken_step, *steps[2:]])
    with pytest.raises(StoreOpenError) as exc:
        schema.migrate(v1_file)
    assert exc.value.message.key == "store.migration_failed"
    assert "disk trouble" in exc.value.text("en")
    assert applied(v1_file) == ["0001_initial"]
    conn = sqlite3.connect(v1_file)
    columns = [c[1] for c in conn.execute("PRAGMA table_info(actions)")]
    assert "half_done" not in columns
    assert conn.execute("SELECT count(*) FROM actions").fetchone()[0] == 40
    conn.close()
    assert len(list((v1_file.parent / "backups").iterdir())) == 1


@pytest.mark.skipif(
    sys.platform == "win32" or not Path("/proc/self/fd").is_dir(),
    reason="names an fd through /proc (Wine shows a /proc that Windows cannot read; Windows syncs no folder)",
)
def test_the_copy_before_migrating_is_on_the_disk_under_its_name(
    v1_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fsync of the copy, then of its folder once it has its name: a power cut just after the
    migration began still finds the copy. (Watched at the system call; the real one runs.)"""
    import os

    real_fsync = os.fsync
    synced: list[tuple[str, bool]] = []  # what was synced, and whether the copy had its name yet
    backups = v1_file.parent / "backups"

    def watched(fd: int) -> None:
        named = backups.is_dir() and any(p.suffix == ".sqlite" for p in backups.iterdir())
        synced.append((os.readlink(f"/proc/self/fd/{fd}"), named))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", watched)
    Store.open(v1_file).close()
    [copy] = backups.iterdir()
    assert (f"{copy}.part", False) in synced  # the content, before the rename
    assert (str(backups), True) in synced  # the folder, after it
    assert applied(copy) == ["0001_initial"]


def test_the_old_records_sort_by_their_tonnes_and_photos_after_0007(v1_file: Path) -> None:
    from fieldapp.queries import ActionOrder

    with Store.open(v1_file) as store:
        for column, of in (("tonnes", "total_kg"), ("photos", "photos")):
            listed = store.list_actions(limit=100, order=ActionOrder(column))
            records = [store.get(r.id) for r in listed]
            values = [r.total_kg if of == "total_kg" else len(r.photos) for r in records if r]
            assert values == sorted(values, reverse=True), column
            assert [r.total_kg for r in listed] == [r.total_kg for r in records if r]
        assert any(r.total_kg for r in store.list_actions(limit=100))
