"""Backups of the village's data file: one a day, the last seven kept, and restoring one.

They are files in ``backups/`` beside the data file (``taza-field.sqlite``):

- ``daily-YYYYMMDD-HHMMSS.sqlite``: made once a calendar day when the window opens
  (:func:`backup_if_due`); the newest :data:`KEEP_DAILY` are kept and older ones deleted. The
  rotation deletes nothing else.
- ``manual-YYYYMMDD-HHMMSS.sqlite``: made when asked (``fieldapp backup now``); kept until someone
  deletes it.
- ``before-restore-YYYYMMDD-HHMMSS.sqlite``: the data as they were just before a restore, so that
  a restore can be undone (restore this one); kept.
- ``taza-field-before-STEP-YYYYMMDDTHHMMSSZ.sqlite``: written by :mod:`fieldapp.schema` before a
  migration; kept.

Times in the names are the laptop's local time (UTC for the migration copies, as ``Z`` says).

A backup is a consistent copy made with SQLite's online backup API while the app works (saves go
on meanwhile), written under a temporary name, checked with ``PRAGMA quick_check`` and only then
given its name. It is one self-contained SQLite file (rollback journal, no ``-wal`` beside it) that
can be copied to a USB stick as it is.

**Photos are not in the backups.** They are files in ``photos/``, named by the SHA-256 of their
content and never deleted, so the records of any backup find their photos there.

**Restoring and sending.** The server keeps what it received. Records sent after the backup was
made stay on the server, and the restored laptop holds older revisions of them: if one of those is
changed here again, the server holds a revision this laptop did not make it from, and the sync
engine treats it as a conflict (both versions kept, shown side by side to choose; see the lineage
in :mod:`fieldapp.outbox`). Records made after the backup and never sent are no longer on the
laptop, but they are in the safety copy made just before the restore. Nothing here changes sync.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp import atomic, schema
from fieldapp.atomic import fsync_dir
from fieldapp.i18n import FieldAppError, msg
from fieldapp.paths import DataPaths, absolute

if TYPE_CHECKING:
    from fieldapp.store import Store

log = logging.getLogger(__name__)

KEEP_DAILY = 7
FOLDER = "backups"
SUFFIX = ".sqlite"
_STAMP = "%Y%m%d-%H%M%S"
_MIGRATION_STAMP = "%Y%m%dT%H%M%SZ"
_TEMP_PREFIX = ".backup-"  # copies being written: hidden, never listed
_OURS = re.compile(r"^(daily|manual|before-restore)-(\d{8}-\d{6})(?:-(\d+))?\.sqlite$")
_MIGRATION = re.compile(r"-before-.+-(\d{8}T\d{6}Z)\.sqlite$")


class BackupError(FieldAppError):
    """A backup could not be made, found or restored; the data file has not been changed."""


class Kind(Enum):
    DAILY = "daily"
    MANUAL = "manual"
    BEFORE_RESTORE = "before-restore"
    BEFORE_MIGRATION = "before-migration"
    OTHER = "other"  # a file given by path (a USB stick), or put in the folder by hand


@dataclass(frozen=True)
class Backup:
    path: Path
    kind: Kind
    taken_at: datetime  # aware, in the laptop's time zone
    size: int  # bytes
    records: int | None  # live records in it; None when the file cannot be read

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class Restored:
    backup: Backup
    safety_copy: Path | None  # the data as they were before; None when there were none
    records: int  # live records now on the laptop


def backups_dir(paths: DataPaths) -> Path:
    """Where the backups of the data file go (the same folder as the migrations' copies)."""
    return paths.database.parent / FOLDER


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now()).astimezone()


# -- reading the folder ---------------------------------------------------------------------------


def _ours(path: Path, paths: DataPaths) -> bool:
    """A backup of the village's data file (not of a coordinator's district copy)."""
    return bool(_OURS.match(path.name)) or (
        path.name.startswith(f"{paths.database.stem}-before-") and path.suffix == SUFFIX
    )


def _kind_and_time(path: Path) -> tuple[Kind, datetime | None]:
    found = _OURS.match(path.name)
    if found:
        return Kind(found[1]), datetime.strptime(found[2], _STAMP).astimezone()
    found = _MIGRATION.search(path.name)
    if found:
        stamp = datetime.strptime(found[1], _MIGRATION_STAMP).replace(tzinfo=UTC)
        return Kind.BEFORE_MIGRATION, stamp.astimezone()
    return Kind.OTHER, None


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that writes nothing, not even a ``-shm`` beside a backup."""
    return sqlite3.connect(f"{absolute(path).as_uri()}?mode=ro&immutable=1", uri=True)


def _count_records(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM actions WHERE deleted = 0").fetchone()[0])


def describe(path: Path) -> Backup:
    """What a backup file is: its kind, when it was made, its size and how many records it holds
    (None when it cannot be read). Cheap: nothing is checked."""
    kind, taken_at = _kind_and_time(path)
    stat = path.stat()
    if taken_at is None:
        taken_at = datetime.fromtimestamp(stat.st_mtime).astimezone()
    records: int | None = None
    try:
        conn = _read_only(path)
        try:
            records = _count_records(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        records = None
    return Backup(path, kind, taken_at, stat.st_size, records)


def list_backups(paths: DataPaths) -> list[Backup]:
    """Every backup of the data file, newest first."""
    folder = backups_dir(paths)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"*{SUFFIX}"):
        if path.is_file() and _ours(path, paths):
            try:
                found.append(describe(path))
            except OSError:  # deleted meanwhile
                continue
    return sorted(found, key=_newest_first, reverse=True)


def _newest_first(backup: Backup) -> tuple[datetime, int, int]:
    """By the time in the name; two made within one second by when the file was written, and
    where the disk cannot tell (FAT keeps times to 2 s: a USB stick in portable mode) by the
    number the second one got in its name."""
    try:
        written = backup.path.stat().st_mtime_ns
    except OSError:
        written = 0
    ours = _OURS.match(backup.path.name)
    return backup.taken_at, written, int(ours[3]) if ours and ours[3] else 1


def find_backup(paths: DataPaths, text: str) -> Path:
    """A backup named as ``fieldapp backup list`` shows it (with or without ``.sqlite``), or any
    file by its path."""
    folder = backups_dir(paths)
    for candidate in (folder / text, folder / f"{text}{SUFFIX}", Path(text).expanduser()):
        if candidate.is_file():
            return candidate
    raise BackupError(msg("backups.not_found", name=text))


# -- making one -----------------------------------------------------------------------------------


def _free_name(folder: Path, prefix: str, when: datetime) -> Path:
    stem = f"{prefix}-{when.strftime(_STAMP)}"
    target, n = folder / f"{stem}{SUFFIX}", 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{n}{SUFFIX}"
    return target


def _finish(temp: Path, target: Path) -> None:
    """Make the fresh copy ``temp`` a plain single file, check it, and give it its name."""
    conn = sqlite3.connect(temp, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        problems = [row[0] for row in conn.execute("PRAGMA quick_check") if row[0] != "ok"]
    finally:
        conn.close()
    if problems:
        raise BackupError(msg("backups.check_failed", detail=problems[0]))
    atomic.replace(temp, target)
    fsync_dir(target.parent)


def _write(copy_into: Callable[[Path], object], target: Path) -> Path:
    """Write a backup to ``target`` through ``copy_into(temp_path)``: under a hidden temporary
    name first, checked, then renamed; nothing is left behind when it fails."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f"{_TEMP_PREFIX}{target.name}")
    try:
        copy_into(temp)
        _finish(temp, target)
    except sqlite3.Error as exc:
        raise BackupError(msg("backups.write_failed", error=str(exc))) from exc
    except OSError as exc:
        raise BackupError(msg("backups.write_failed", error=exc.strerror or str(exc))) from exc
    finally:
        for leftover in (temp, Path(f"{temp}-journal"), Path(f"{temp}.part")):
            leftover.unlink(missing_ok=True)
    return target


def backup_now(store: Store, *, kind: Kind = Kind.MANUAL, now: datetime | None = None) -> Backup:
    """A backup of the open store, made while it works. Reads the whole file: off the GUI thread."""
    assert kind in (Kind.MANUAL, Kind.DAILY)
    target = _free_name(backups_dir(DataPaths(store.path.parent)), kind.value, _now(now))
    _write(store.backup_to, target)
    log.info("backed up %s to %s", store.path, target)
    return describe(target)


def backup_if_due(store: Store, *, now: datetime | None = None, keep: int = KEEP_DAILY) -> Backup | None:
    """The day's backup, unless one was made today (the laptop's calendar day); then only the
    newest ``keep`` daily backups are kept. Returns the new backup, or None when none was due."""
    paths = DataPaths(store.path.parent)
    today = _now(now).date()
    daily = [b for b in list_backups(paths) if b.kind is Kind.DAILY]
    made = None
    if not any(b.taken_at.date() == today for b in daily):
        made = backup_now(store, kind=Kind.DAILY, now=now)
    prune(paths, keep=keep)
    return made


def prune(paths: DataPaths, *, keep: int = KEEP_DAILY) -> list[Path]:
    """Delete the daily backups beyond the newest ``keep``, and copies left half-written by a crash
    more than a day ago. Never touches another kind of backup. Returns what was deleted."""
    folder = backups_dir(paths)
    daily = [b for b in list_backups(paths) if b.kind is Kind.DAILY]
    deleted = []
    for old in daily[keep:]:
        old.path.unlink(missing_ok=True)
        deleted.append(old.path)
        log.info("deleted the old daily backup %s", old.path)
    if folder.is_dir():
        day_ago = datetime.now().timestamp() - timedelta(days=1).total_seconds()
        for leftover in folder.glob(f"{_TEMP_PREFIX}*"):
            try:
                if leftover.stat().st_mtime < day_ago:
                    leftover.unlink()
                    deleted.append(leftover)
            except OSError:
                continue
    return deleted


# -- restoring ------------------------------------------------------------------------------------


def _stage(source: Path, root: Path) -> Path:
    """Copy the chosen backup beside the data file (it may be on a USB stick, or read-only), as a
    plain single file. The copy is what gets checked and restored."""
    fd, name = tempfile.mkstemp(dir=root, prefix=".restore-", suffix=SUFFIX)
    os.close(fd)
    staged = Path(name)
    shutil.copyfile(source, staged)
    wal = Path(f"{source}-wal")
    if wal.is_file():  # a copy of a data file taken with its WAL: keep what the WAL holds
        shutil.copyfile(wal, f"{staged}-wal")
    return staged


def _check(staged: Path, name: str) -> list[str]:
    """The staged backup is whole and ours, and this app knows its schema: the migration steps it
    has (refused with a clear reason otherwise)."""
    try:
        conn = sqlite3.connect(staged, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(msg("backups.damaged", name=name, detail=str(exc))) from None
    if problems:
        raise BackupError(msg("backups.damaged", name=name, detail=problems[0]))
    try:
        applied = schema._inspect(staged)
    except schema.StoreOpenError as exc:
        if exc.message.key == "store.database_too_new":
            params = exc.message.params
            raise BackupError(
                msg("backups.too_new", name=name, found=params["found"], known=params["known"])
            ) from None
        raise BackupError(msg("backups.damaged", name=name, detail=exc.message)) from None
    if not applied:
        raise BackupError(msg("backups.empty", name=name))
    return applied


def _in_use(database: Path) -> bool | None:
    """Whether another connection has the data file open (the window, in this process or another):
    True, False, or None when the file is not a database SQLite can read (damaged).

    Leaving WAL mode needs every other connection closed; it also copies the WAL into the file,
    so that the file alone holds every commit. WAL comes back with the next connection."""
    conn = sqlite3.connect(database, timeout=0, isolation_level=None)
    try:
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode == "wal":
            conn.execute("PRAGMA journal_mode = DELETE")
        else:
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return True
        return None
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return False


def _safety_copy(paths: DataPaths, store: Store | None, readable: bool, now: datetime) -> Path:
    target = _free_name(backups_dir(paths), Kind.BEFORE_RESTORE.value, now)
    if store is not None:
        return _write(store.backup_to, target)
    if readable:

        def copy(temp: Path) -> None:
            conn = schema.connect(paths.database, readonly=True)
            try:
                schema.backup(conn, temp)
            finally:
                conn.close()

        return _write(copy, target)
    # A damaged file: kept byte for byte, its WAL beside it, for whoever can mend it.
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(paths.database, target)
    wal = Path(f"{paths.database}-wal")
    if wal.is_file():
        shutil.copyfile(wal, f"{target}-wal")
    fsync_dir(target.parent)
    return target


def _copy_into_live(staged: Path, database: Path) -> None:
    """Write the staged backup into the data file in one transaction (SQLite's backup API): the
    open store's connections read the restored data from their next query on."""
    source = sqlite3.connect(staged)
    target = schema.connect(database)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode = WAL")
    finally:
        target.close()
        source.close()


def _replace_file(staged: Path, database: Path) -> None:
    """Put the staged backup in place of a damaged (or missing) data file."""
    for stale in (Path(f"{database}-wal"), Path(f"{database}-shm"), Path(f"{database}-journal")):
        stale.unlink(missing_ok=True)  # they belong to the old file; SQLite would apply them to the new
    atomic.replace(staged, database)
    fsync_dir(database.parent)


def restore(
    paths: DataPaths, source: Path, *, store: Store | None = None, now: datetime | None = None
) -> Restored:
    """Replace the village's data with the backup at ``source``.

    First the backup is copied beside the data file and checked: whole (``integrity_check``), a
    Taza Field file, and not from a newer version than this app; else :class:`BackupError` and
    nothing is changed. Then the current data are copied to a ``before-restore-…`` backup (a
    restore can be undone), and the backup's content replaces them in one transaction; a backup
    from an older version is then migrated as at any start.

    ``store`` is the store this process has open on the data file (the window's): the restore
    goes into the file under it, and its connections read the restored data from then on. The
    caller makes sure nothing else writes meanwhile (the window stops sending first). Without
    ``store`` the data file must not be open anywhere — if it is (the window is open), the restore
    is refused. Reads and writes the whole file: off the GUI thread.
    """
    when = _now(now)
    if store is not None:
        assert absolute(store.path) == absolute(paths.database), "the store of another data file"
    if not source.is_file():
        raise BackupError(msg("backups.not_found", name=str(source)))
    chosen = describe(source)
    paths.root.mkdir(parents=True, exist_ok=True)
    staged = _stage(source, paths.root)
    try:
        _check(staged, chosen.name)
        current = paths.database.exists() and paths.database.stat().st_size > 0
        readable = store is not None
        if current and store is None:
            in_use = _in_use(paths.database)
            if in_use:
                raise BackupError(msg("backups.in_use"))
            readable = in_use is False
        safety = _safety_copy(paths, store, readable, when) if current else None
        if readable:
            _copy_into_live(staged, paths.database)
        else:
            _replace_file(staged, paths.database)
        schema.migrate(paths.database)
        conn = schema.connect(paths.database, readonly=True)
        try:
            records = _count_records(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise BackupError(msg("backups.restore_failed", error=str(exc))) from exc
    except OSError as exc:
        raise BackupError(msg("backups.restore_failed", error=exc.strerror or str(exc))) from exc
    finally:
        for leftover in (staged, Path(f"{staged}-wal"), Path(f"{staged}-shm"), Path(f"{staged}-journal")):
            leftover.unlink(missing_ok=True)
    log.info("restored %s from %s (safety copy: %s)", paths.database, source, safety)
    return Restored(chosen, safety, records)
