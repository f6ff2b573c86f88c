"""The local database: how it is opened and how its schema moves forward.

Migrations are recorded (sqlite-utils ``Migrations``, table ``_sqlite_migrations``) and each runs
in one transaction with its record, so a failed step leaves the file as it was. Before the first
pending step the file is copied with SQLite's backup API. A file that has steps this app does not
know was written by a newer version: it is refused, untouched, with a clear message.

A migration, once shipped, is never edited: add a new one. ``PRAGMA user_version`` mirrors the
number of steps applied so that other tools can read the version cheaply.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database, Migrations

from fieldapp.atomic import fsync_dir, fsync_file, replace
from fieldapp.i18n import FieldAppError, msg
from fieldapp.kato import default_kato
from fieldapp.paths import absolute
from fieldapp.textfold import fold

log = logging.getLogger(__name__)

MIGRATION_SET = "taza_field"
migrations = Migrations(MIGRATION_SET)
_KNOWN: list[str] = []  # the steps in the order they are declared (sqlite-utils keeps its own privately)


def _step(name: str) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
    """Declare a migration step: recorded with sqlite-utils and in the app's own list of steps."""

    def register(fn: Callable[[Database], None]) -> Callable[[Database], None]:
        if name in _KNOWN:
            raise ValueError(f"migration {name} declared twice")
        _KNOWN.append(name)
        return migrations(name=name)(fn)

    return register


class StoreOpenError(FieldAppError):
    """The database file cannot be used (too new, not a database, damaged)."""


def connect(
    path: Path, *, readonly: bool = False, factory: type[sqlite3.Connection] = sqlite3.Connection
) -> sqlite3.Connection:
    """A connection with the store's settings: WAL, foreign keys, durable commits."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10, factory=factory)
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA foreign_keys = ON")
        if readonly:
            conn.execute("PRAGMA query_only = ON")
            conn.execute("PRAGMA cache_size = -16384")  # the OS caches the rest of the file
        else:
            conn.execute("PRAGMA journal_mode = WAL")
            # A commit survives a power cut, not only a crash: a village laptop's battery dies.
            conn.execute("PRAGMA synchronous = FULL")
            # The writer touches index pages all over the file: keep them cached, and copy the
            # WAL back into the database in larger, rarer checkpoints (each one is an fsync).
            conn.execute("PRAGMA cache_size = -65536")
            conn.execute("PRAGMA wal_autocheckpoint = 10000")
        conn.execute("PRAGMA temp_store = MEMORY")
    except sqlite3.DatabaseError:
        conn.close()
        raise StoreOpenError(msg("store.not_a_database", path=str(path))) from None
    return conn


def known_migrations() -> list[str]:
    return list(_KNOWN)


def _has_tables(db: Database) -> bool:
    return bool(db.table_names())


def backup(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy the database with SQLite's online backup API (consistent even while in use). The copy
    is on the disk, under its name, when this returns: it is the safety copy taken before a
    migration, and a power cut right after must not leave it empty or nameless."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    try:
        dest = sqlite3.connect(partial)
        try:
            conn.backup(dest)
        finally:
            dest.close()
        fsync_file(partial)
        replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)
    return target


def _inspect(path: Path) -> list[str]:
    """The steps already applied to the file, read without writing a byte to it. Refuses a file
    that is not ours, or that a newer app has moved past this one."""
    if not path.exists() or path.stat().st_size == 0:
        return []
    try:
        conn = sqlite3.connect(f"{absolute(path).as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        raise StoreOpenError(msg("store.not_a_database", path=str(path))) from None
    try:
        db = Database(conn, execute_plugins=False)
        applied = [m.name for m in migrations.applied(db)]
        has_tables = _has_tables(db)
    except sqlite3.DatabaseError:
        raise StoreOpenError(msg("store.not_a_database", path=str(path))) from None
    finally:
        conn.close()
    known = known_migrations()
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise StoreOpenError(
            msg("store.database_too_new", path=str(path), found=unknown[-1], known=known[-1])
        )
    if has_tables and not applied:
        raise StoreOpenError(msg("store.not_a_database", path=str(path)))
    return applied


def migrate(path: Path, *, stop_before: str | None = None) -> list[str]:
    """Bring the file at ``path`` to the current schema; returns the steps applied."""
    applied = _inspect(path)
    pending = [name for name in known_migrations() if name not in applied]
    if stop_before in pending:
        pending = pending[: pending.index(stop_before)]
    if not pending:
        return []
    conn = connect(path)
    try:
        db = Database(conn, execute_plugins=False)
        if applied:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            copy = path.parent / "backups" / f"{path.stem}-before-{pending[0]}-{stamp}.sqlite"
            backup(conn, copy)
            log.info("backed up %s to %s before migrating", path, copy)
        try:
            migrations.apply(db, stop_before=stop_before)
        except Exception as exc:
            log.error("migration of %s failed: %s", path, exc)
            raise StoreOpenError(msg("store.migration_failed", path=str(path), error=str(exc))) from exc
        conn.execute(f"PRAGMA user_version = {len(migrations.applied(db))}")
        log.info("migrated %s: %s", path, ", ".join(pending))
        return pending
    finally:
        conn.close()


def search_text_of_row(settlement: str, place: str, notes: str, reporter: str, review_comment: str) -> str:
    """What ``actions.search_text`` holds: the folded text a search box matches against."""
    parts = [place, notes, reporter, review_comment]
    found = default_kato().get(settlement)
    if found is not None:
        parts[:0] = [found.name_kk, found.name_ru]
    return fold(" ".join(p for p in parts if p))


# -- the steps ---------------------------------------------------------------------------------
# Write each step as plain statements through ``db.execute``: ``executescript`` would commit the
# surrounding transaction and break the all-or-nothing promise.


def _run(db: Database, statements: str) -> None:
    for statement in statements.split(";\n"):
        if statement.strip():
            db.execute(statement)


@_step("0001_initial")
def _initial(db: Database) -> None:
    _run(
        db,
        """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE photos (
            sha256 TEXT PRIMARY KEY,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            upload_size INTEGER NOT NULL,
            original_name TEXT NOT NULL,
            original_size INTEGER NOT NULL,
            original_format TEXT NOT NULL,
            taken_at TEXT,
            lat REAL,
            lon REAL,
            added_at TEXT NOT NULL,
            uploaded_at TEXT
        );
        CREATE TABLE actions (
            id TEXT PRIMARY KEY,
            revision INTEGER NOT NULL CHECK (revision >= 1),
            synced_revision INTEGER NOT NULL DEFAULT 0,
            okrug TEXT NOT NULL,
            settlement TEXT NOT NULL,
            action_date TEXT NOT NULL,
            campaign TEXT NOT NULL,
            place TEXT NOT NULL DEFAULT '',
            lat REAL,
            lon REAL,
            participants INTEGER NOT NULL CHECK (participants >= 0),
            area_m2 INTEGER NOT NULL CHECK (area_m2 >= 0),
            trees INTEGER NOT NULL CHECK (trees >= 0),
            notes TEXT NOT NULL DEFAULT '',
            reporter TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL,
            review_comment TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE INDEX actions_by_date ON actions (deleted, action_date, id);
        CREATE INDEX actions_by_status ON actions (deleted, status, action_date, id);
        CREATE TABLE action_waste (
            action_id TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
            fraction TEXT NOT NULL,
            kg INTEGER NOT NULL CHECK (kg >= 0),
            PRIMARY KEY (action_id, fraction)
        ) WITHOUT ROWID;
        CREATE TABLE action_photos (
            action_id TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            sha256 TEXT NOT NULL REFERENCES photos (sha256),
            role TEXT NOT NULL,
            PRIMARY KEY (action_id, position)
        ) WITHOUT ROWID;
        CREATE TABLE action_history (
            action_id TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            revision INTEGER NOT NULL,
            event TEXT NOT NULL,
            origin TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (action_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE outbox (
            kind TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            queued_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            PRIMARY KEY (kind, entity_id)
        ) WITHOUT ROWID
        """,
    )


@_step("0002_search_text")
def _search_text(db: Database) -> None:
    """Search by text without a scan of every column: one case-folded column per record,
    holding the settlement's names in both languages, the place, notes, reporter and comment."""
    db.execute("ALTER TABLE actions ADD COLUMN search_text TEXT NOT NULL DEFAULT ''")
    rows = db.execute("SELECT id, settlement, place, notes, reporter, review_comment FROM actions").fetchall()
    for row in rows:
        db.execute(
            "UPDATE actions SET search_text = ? WHERE id = ?",
            [search_text_of_row(*row[1:]), row[0]],
        )


@_step("0003_monthly_totals")
def _monthly_totals(db: Database) -> None:
    """Monthly sums per settlement, campaign and status, kept by the writer in the same
    transaction as each change, so month and year totals read a few hundred rows instead of
    every record. Only live records count; ``integrity_check`` recomputes them to prove it."""
    _run(
        db,
        """
        CREATE TABLE totals_monthly (
            month TEXT NOT NULL,
            settlement TEXT NOT NULL,
            campaign TEXT NOT NULL,
            status TEXT NOT NULL,
            actions INTEGER NOT NULL,
            participants INTEGER NOT NULL,
            area_m2 INTEGER NOT NULL,
            trees INTEGER NOT NULL,
            PRIMARY KEY (month, settlement, campaign, status)
        ) WITHOUT ROWID;
        CREATE TABLE totals_monthly_waste (
            month TEXT NOT NULL,
            settlement TEXT NOT NULL,
            campaign TEXT NOT NULL,
            status TEXT NOT NULL,
            fraction TEXT NOT NULL,
            kg INTEGER NOT NULL,
            PRIMARY KEY (month, settlement, campaign, status, fraction)
        ) WITHOUT ROWID;
        INSERT INTO totals_monthly
            SELECT substr(action_date, 1, 7), settlement, campaign, status, count(*),
                   sum(participants), sum(area_m2), sum(trees)
            FROM actions WHERE deleted = 0 GROUP BY 1, 2, 3, 4;
        INSERT INTO totals_monthly_waste
            SELECT substr(a.action_date, 1, 7), a.settlement, a.campaign, a.status, w.fraction,
                   sum(w.kg)
            FROM actions a JOIN action_waste w ON w.action_id = a.id
            WHERE a.deleted = 0 GROUP BY 1, 2, 3, 4, 5
        """,
    )


@_step("0004_sync")
def _sync(db: Database) -> None:
    """What sending needs. ``outbox.held`` marks an entry the server refused ('rejected') or found
    in conflict ('conflict'): it waits for a person instead of being sent again. ``sync_batches``
    keeps the batch on its way, byte for byte, so that after a cut link or a killed app the same
    batch goes again and gets the same answer. ``sync_conflicts`` keeps the server's version of a
    record in conflict, to show beside the laptop's."""
    _run(
        db,
        """
        ALTER TABLE outbox ADD COLUMN held TEXT;
        CREATE TABLE sync_batches (
            batch_id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            records INTEGER NOT NULL,
            body BLOB NOT NULL
        );
        CREATE TABLE sync_conflicts (
            action_id TEXT PRIMARY KEY REFERENCES actions (id) ON DELETE CASCADE,
            local_revision INTEGER NOT NULL,
            server_revision INTEGER NOT NULL,
            server_body TEXT,
            detected_at TEXT NOT NULL
        ) WITHOUT ROWID
        """,
    )


@_step("0005_district")
def _district(db: Database) -> None:
    """What a coordinator's copy of the district needs beside the records, and a village's reports
    that nothing was done in a month. ``review_queue`` holds decisions made here until the server
    has them (``state``: queued, or refused / superseded with the server's ``problem``);
    ``nil_reports`` a village's own (``sent`` once the server has them) or, on a coordinator's
    laptop, the district's."""
    _run(
        db,
        """
        CREATE TABLE review_queue (
            action_id TEXT PRIMARY KEY REFERENCES actions (id) ON DELETE CASCADE,
            revision INTEGER NOT NULL,
            decision TEXT NOT NULL,
            comment TEXT NOT NULL DEFAULT '',
            decided_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'queued',
            problem TEXT
        ) WITHOUT ROWID;
        CREATE TABLE nil_reports (
            id TEXT PRIMARY KEY,
            okrug TEXT NOT NULL,
            month TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            filed_at TEXT NOT NULL,
            withdrawn INTEGER NOT NULL DEFAULT 0,
            sent INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE INDEX nil_reports_by_okrug_month ON nil_reports (okrug, month)
        """,
    )


@_step("0006_duplicate_dismissals")
def _duplicate_dismissals(db: Database) -> None:
    """A coordinator's "Not duplicates" about a group of look-alike records (``record_ids``: JSON,
    sorted): ``queued`` until the server has it, then ``sent`` (the server's list replaces these on
    every pull), or ``refused`` with the server's ``problem``."""
    _run(
        db,
        """
        CREATE TABLE duplicate_dismissals (
            id TEXT PRIMARY KEY,
            record_ids TEXT NOT NULL,
            dismissed_by TEXT NOT NULL DEFAULT '',
            dismissed_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'queued',
            problem TEXT
        ) WITHOUT ROWID
        """,
    )


@_step("0007_list_order")
def _list_order(db: Database) -> None:
    """The list sorts by any of its columns in the store: each column a record is listed by has an
    index ending in the date and id (the page key), and a record's tonnes and photo count are kept
    beside it (written with the record, like ``search_text``) so they can be indexed too."""
    _run(
        db,
        """
        ALTER TABLE actions ADD COLUMN total_kg INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE actions ADD COLUMN photo_count INTEGER NOT NULL DEFAULT 0;
        UPDATE actions SET
            total_kg = (SELECT coalesce(sum(w.kg), 0) FROM action_waste w WHERE w.action_id = actions.id),
            photo_count = (SELECT count(*) FROM action_photos p WHERE p.action_id = actions.id);
        CREATE INDEX actions_by_settlement ON actions (deleted, settlement, action_date, id);
        CREATE INDEX actions_by_okrug ON actions (deleted, okrug, action_date, id);
        CREATE INDEX actions_by_campaign ON actions (deleted, campaign, action_date, id);
        CREATE INDEX actions_by_participants ON actions (deleted, participants, action_date, id);
        CREATE INDEX actions_by_total_kg ON actions (deleted, total_kg, action_date, id);
        CREATE INDEX actions_by_area ON actions (deleted, area_m2, action_date, id);
        CREATE INDEX actions_by_photo_count ON actions (deleted, photo_count, action_date, id)
        """,
    )
