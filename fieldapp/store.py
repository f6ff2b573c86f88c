"""The local store: clean-up actions, their history, photos and the outbox, in one SQLite file.

Writes go through the single writer thread (:mod:`fieldapp.writer`); each change writes the
record's new revision, its history entry and its outbox entry in one transaction. Reads use a
connection per thread (WAL lets them run beside the writer).

Revisions are optimistic: to change a record you pass its next revision (``action.revise(...)``);
if someone else changed it meanwhile (a pulled decision, another window) the save is refused with
:class:`StaleRevision` instead of silently overwriting.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from sqlite_utils import Database

from fieldapp import queries, schema
from fieldapp.i18n import FieldAppError, msg
from fieldapp.models import CleanupAction, Status, utc_now
from fieldapp.photos import ProcessedPhoto
from fieldapp.queries import ActionFilter, ActionSummary, OutboxDepth, Period, Totals
from fieldapp.writer import Writer

log = logging.getLogger(__name__)

OUTBOX_ACTION = "action"
OUTBOX_PHOTO = "photo"


class StoreError(FieldAppError):
    pass


class StaleRevision(StoreError):
    """The record changed since the caller read it."""


class NotFound(StoreError):
    pass


class Store:
    """Open with :meth:`open`; close when done (or use as a context manager)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._writer = Writer(lambda: schema.connect(path), name=f"store-writer:{path.name}")
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self._closed = False

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (creating or migrating) the store at ``path``. Raises ``StoreOpenError``."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        schema.migrate(path)
        return cls(path)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._writer.close()
        with self._readers_lock:
            for conn in self._readers:
                conn.close()
            self._readers.clear()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ----------------------------------------------------------------------------

    def _reader(self) -> sqlite3.Connection:
        if self._closed:
            raise StoreError(msg("store.closed"))
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = schema.connect(self.path, readonly=True)
            self._local.conn = conn
            with self._readers_lock:
                self._readers.append(conn)
        return conn

    def get(self, action_id: UUID | str) -> CleanupAction | None:
        """The current revision of a record (tombstones included), or None."""
        return queries.current(self._reader(), str(action_id))

    def find_ids(self, text: str, limit: int = 10) -> list[str]:
        """Ids that begin with ``text`` or end with it (the short id people quote)."""
        return queries.find_ids(self._reader(), text.strip().lower(), limit)

    def history(self, action_id: UUID | str) -> list[queries.HistoryEntry]:
        return queries.history(self._reader(), str(action_id))

    def list_actions(
        self,
        where: ActionFilter | None = None,
        *,
        limit: int = 200,
        after: tuple[str, str] | None = None,
    ) -> list[ActionSummary]:
        """A page of the list, newest first; pass the last row's ``key`` as ``after`` for more."""
        return queries.list_actions(self._reader(), where or ActionFilter(), limit, after)

    def count_actions(self, where: ActionFilter | None = None) -> int:
        return queries.count_actions(self._reader(), where or ActionFilter())

    def totals(
        self,
        period: Period,
        group_by: Iterable[str] = ("settlement", "campaign"),
        statuses: Iterable[Status] | None = None,
    ) -> list[Totals]:
        return queries.totals(self._reader(), period, tuple(group_by), statuses)

    def same_day_actions(
        self, settlement: str, action_date: Any, campaign: str, exclude: UUID | str | None = None
    ) -> list[ActionSummary]:
        """Live records for the same settlement, date and campaign: likely duplicates."""
        return queries.same_day(self._reader(), settlement, str(action_date), campaign, str(exclude or ""))

    def outbox_depth(self) -> OutboxDepth:
        return queries.outbox_depth(self._reader())

    def photo(self, sha256: str) -> dict[str, Any] | None:
        return queries.photo(self._reader(), sha256)

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self._reader().execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    # -- writing ----------------------------------------------------------------------------

    def save(self, action: CleanupAction) -> CleanupAction:
        """Store a person's new or changed record (status draft or ready). Waits for the commit."""
        return self.submit_save(action).result()

    def submit_save(self, action: CleanupAction) -> Future[CleanupAction]:
        """Like :meth:`save` without waiting: the future resolves once committed. Saves queued
        together are written together."""
        return self._writer.submit_item(_save_local_batch, action)

    def save_many(self, actions: Iterable[CleanupAction]) -> list[CleanupAction]:
        """Store many records in one transaction: all or none."""
        batch = list(actions)
        return self._writer.call(lambda db: _save_many(db, batch, origin="local"))

    def delete(
        self, action_id: UUID | str, expected_revision: int, *, now: datetime | None = None
    ) -> CleanupAction:
        """Write a tombstone revision. The history keeps every earlier revision."""
        return self._writer.call(lambda db: _delete(db, str(action_id), expected_revision, now))

    def add_photo(self, photo: ProcessedPhoto) -> None:
        """Register a photo the library holds; a photo already known is left as it is."""
        self._writer.call(lambda db: _add_photo(db, photo))

    def set_meta(self, key: str, value: str) -> None:
        self._writer.call(
            lambda db: db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
        )

    def integrity_check(self) -> list[str]:
        """``PRAGMA integrity_check`` and foreign key check; empty when all is well."""
        conn = self._reader()
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"foreign key: {tuple(r)}" for r in conn.execute("PRAGMA foreign_key_check")]
        problems += [f"monthly totals differ from the records: {d}" for d in queries.totals_drift(conn)]
        return problems


# -- write jobs: run on the writer thread, inside its transaction ---------------------------------


def _save_local_batch(db: Database, actions: list[CleanupAction]) -> list[CleanupAction]:
    return _save_many(db, actions, origin="local")


def _check_revision(action: CleanupAction, current: int, origin: str) -> None:
    if action.revision != current + 1:
        raise StaleRevision(msg("store.stale_revision", current=current, revision=action.revision - 1))
    if origin == "local" and not action.status.set_by_person:
        raise StoreError(msg("store.status_not_allowed", status=msg(f"status.{action.status}")))


def _save(db: Database, action: CleanupAction, *, origin: str) -> CleanupAction:
    action_id = str(action.id)
    row = db.conn.execute(
        "SELECT revision, synced_revision FROM actions WHERE id = ?", [action_id]
    ).fetchone()
    if row is None:
        return _insert_new(db, [action], origin=origin)[0]
    _check_revision(action, row[0], origin)
    before = _Contribution.stored(db, action_id)
    now = _iso(utc_now())
    db.conn.execute(_UPSERT_ACTION, _action_row(action, action_id, synced_revision=row[1]))
    db.conn.execute("DELETE FROM action_waste WHERE action_id = ?", [action_id])
    db.conn.execute("DELETE FROM action_photos WHERE action_id = ?", [action_id])
    _insert_children(db, [action], [action_id])
    _write_history(db, action, action_id, now, event="delete" if action.deleted else "edit", origin=origin)
    _enqueue(db, [action], [action_id], now)
    after = _Contribution.of(action)
    if before != after:
        delta = _TotalsDelta()
        delta.add(before, -1)
        delta.add(after, +1)
        delta.apply(db)
    return action


def _save_many(db: Database, actions: list[CleanupAction], *, origin: str) -> list[CleanupAction]:
    """Many records in the current transaction: new ones in one pass per table, changed ones one
    by one. Raises (and so writes nothing) if any of them cannot be saved."""
    ids = [str(a.id) for a in actions]
    if len(set(ids)) != len(ids):  # the same record twice: in order, one at a time
        return [_save(db, a, origin=origin) for a in actions]
    existing: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        existing.update(
            r[0]
            for r in db.conn.execute(
                f"SELECT id FROM actions WHERE id IN ({', '.join('?' * len(chunk))})", chunk
            )
        )
    _insert_new(db, [a for a, i in zip(actions, ids, strict=True) if i not in existing], origin=origin)
    for action, action_id in zip(actions, ids, strict=True):
        if action_id in existing:
            _save(db, action, origin=origin)
    return actions


def _insert_new(db: Database, actions: list[CleanupAction], *, origin: str) -> list[CleanupAction]:
    if not actions:
        return actions
    for action in actions:
        _check_revision(action, 0, origin)
    ids = [str(a.id) for a in actions]
    now = _iso(utc_now())
    conn = db.conn
    conn.executemany(
        _INSERT_ACTION,
        [_action_row(a, i, synced_revision=0) for a, i in zip(actions, ids, strict=True)],
    )
    _insert_children(db, actions, ids)
    conn.executemany(
        "INSERT INTO action_history (action_id, seq, revision, event, origin, recorded_at, body) "
        "VALUES (?, 1, ?, ?, ?, ?, ?)",
        [
            (i, a.revision, "delete" if a.deleted else "create", origin, now, a.model_dump_json())
            for a, i in zip(actions, ids, strict=True)
        ],
    )
    _enqueue(db, actions, ids, now)
    delta = _TotalsDelta()
    for action in actions:
        delta.add(_Contribution.of(action), +1)
    delta.apply(db)
    return actions


@dataclass(frozen=True)
class _Contribution:
    """What one live record adds to the monthly totals."""

    key: tuple[str, str, str, str]  # month, settlement, campaign, status
    sums: tuple[int, int, int]  # participants, area_m2, trees
    waste: tuple[tuple[str, int], ...]

    @classmethod
    def of(cls, a: CleanupAction) -> _Contribution | None:
        if a.deleted:
            return None
        return cls(
            (a.action_date.isoformat()[:7], a.settlement, a.campaign, a.status.value),
            (a.participants, a.area_m2, a.trees),
            tuple((w.fraction, w.kg) for w in a.waste),
        )

    @classmethod
    def stored(cls, db: Database, action_id: str) -> _Contribution | None:
        row = db.conn.execute(
            "SELECT substr(action_date, 1, 7), settlement, campaign, status, participants, "
            "area_m2, trees, deleted FROM actions WHERE id = ?",
            [action_id],
        ).fetchone()
        if row is None or row[7]:
            return None
        waste = db.conn.execute(
            "SELECT fraction, kg FROM action_waste WHERE action_id = ? ORDER BY fraction",
            [action_id],
        ).fetchall()
        return cls(tuple(row[:4]), tuple(row[4:7]), tuple(tuple(w) for w in waste))  # type: ignore[arg-type]


class _TotalsDelta:
    """Changes to the monthly totals, summed per group before they are written."""

    def __init__(self) -> None:
        self.sums: dict[tuple[str, ...], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        self.waste: dict[tuple[str, ...], int] = defaultdict(int)

    def add(self, part: _Contribution | None, sign: int) -> None:
        if part is None:
            return
        sums = self.sums[part.key]
        sums[0] += sign
        for index, value in enumerate(part.sums, start=1):
            sums[index] += sign * value
        for fraction, kg in part.waste:
            self.waste[(*part.key, fraction)] += sign * kg

    def apply(self, db: Database) -> None:
        conn = db.conn
        conn.executemany(
            "INSERT INTO totals_monthly (month, settlement, campaign, status, actions, "
            "participants, area_m2, trees) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (month, settlement, campaign, status) DO UPDATE SET "
            "actions = actions + excluded.actions, "
            "participants = participants + excluded.participants, "
            "area_m2 = area_m2 + excluded.area_m2, trees = trees + excluded.trees",
            [(*key, *sums) for key, sums in self.sums.items() if any(sums)],
        )
        conn.executemany(
            "INSERT INTO totals_monthly_waste (month, settlement, campaign, status, fraction, kg) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (month, settlement, campaign, status, fraction) "
            "DO UPDATE SET kg = kg + excluded.kg",
            [(*key, kg) for key, kg in self.waste.items() if kg],
        )
        # Groups that lost records may hold nothing now: keep the tables free of them.
        conn.executemany(
            "DELETE FROM totals_monthly WHERE month = ? AND settlement = ? AND campaign = ? "
            "AND status = ? AND actions = 0",
            [key for key, sums in self.sums.items() if sums[0] < 0],
        )
        conn.executemany(
            "DELETE FROM totals_monthly_waste WHERE month = ? AND settlement = ? "
            "AND campaign = ? AND status = ? AND fraction = ? AND kg = 0",
            [key for key, kg in self.waste.items() if kg < 0],
        )


def _delete(db: Database, action_id: str, expected_revision: int, now: datetime | None) -> CleanupAction:
    current = queries.current(db.conn, action_id)
    if current is None:
        raise NotFound(msg("store.not_found", id=action_id))
    if current.revision != expected_revision:
        raise StaleRevision(msg("store.stale_revision", current=current.revision, revision=expected_revision))
    # The server must hear of the deletion if it may have ever seen the record.
    ever_offered = db.execute(
        "SELECT 1 FROM action_history WHERE action_id = ? AND json_extract(body, '$.status') "
        "!= 'draft' LIMIT 1",
        [action_id],
    ).fetchone()
    tombstone = current.revise(now=now, deleted=True, status=Status.READY if ever_offered else Status.DRAFT)
    return _save(db, tombstone, origin="local")


_ACTION_COLUMNS = (
    "id",
    "revision",
    "synced_revision",
    "okrug",
    "settlement",
    "action_date",
    "campaign",
    "place",
    "lat",
    "lon",
    "participants",
    "area_m2",
    "trees",
    "notes",
    "reporter",
    "status",
    "review_comment",
    "created_at",
    "updated_at",
    "deleted",
    "search_text",
)
_INSERT_ACTION = (
    f"INSERT INTO actions ({', '.join(_ACTION_COLUMNS)}) VALUES ({', '.join('?' for _ in _ACTION_COLUMNS)})"
)
_UPSERT_ACTION = f"{_INSERT_ACTION} ON CONFLICT (id) DO UPDATE SET " + ", ".join(
    f"{c} = excluded.{c}" for c in _ACTION_COLUMNS if c != "id"
)


def _iso(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


def _action_row(a: CleanupAction, action_id: str, *, synced_revision: int) -> tuple[Any, ...]:
    return (
        action_id,
        a.revision,
        synced_revision,
        a.okrug,
        a.settlement,
        a.action_date.isoformat(),
        a.campaign,
        a.place,
        a.gps.lat if a.gps else None,
        a.gps.lon if a.gps else None,
        a.participants,
        a.area_m2,
        a.trees,
        a.notes,
        a.reporter,
        a.status.value,
        a.review_comment,
        _iso(a.created_at),
        _iso(a.updated_at),
        int(a.deleted),
        schema.search_text_of_row(a.settlement, a.place, a.notes, a.reporter, a.review_comment),
    )


def _insert_children(db: Database, actions: list[CleanupAction], ids: list[str]) -> None:
    """Waste amounts and photo references of records whose old ones are gone."""
    pairs = list(zip(actions, ids, strict=True))
    db.conn.executemany(
        "INSERT INTO action_waste (action_id, fraction, kg) VALUES (?, ?, ?)",
        [(i, w.fraction, w.kg) for a, i in pairs for w in a.waste],
    )
    try:
        db.conn.executemany(
            "INSERT INTO action_photos (action_id, position, sha256, role) VALUES (?, ?, ?, ?)",
            [(i, n, p.sha256, p.role.value) for a, i in pairs for n, p in enumerate(a.photos)],
        )
    except sqlite3.IntegrityError:
        wanted = sorted({p.sha256 for a in actions for p in a.photos})
        known = {
            r[0]
            for r in db.conn.execute(
                f"SELECT sha256 FROM photos WHERE sha256 IN ({', '.join('?' * len(wanted))})",
                wanted,
            )
        }
        missing = next(sha for sha in wanted if sha not in known)
        raise StoreError(msg("store.photo_missing", sha256=missing[:12])) from None


def _write_history(
    db: Database, a: CleanupAction, action_id: str, now: str, *, event: str, origin: str
) -> None:
    """Append the full record to its history: every state it was ever in stays readable."""
    seq = 1
    if event != "create":
        seq = db.conn.execute(
            "SELECT coalesce(max(seq), 0) + 1 FROM action_history WHERE action_id = ?", [action_id]
        ).fetchone()[0]
    db.conn.execute(
        "INSERT INTO action_history (action_id, seq, revision, event, origin, recorded_at, body) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [action_id, seq, a.revision, event, origin, now, a.model_dump_json()],
    )


def _enqueue(db: Database, actions: list[CleanupAction], ids: list[str], now: str) -> None:
    """Ready records wait in the outbox (one entry per record, the newest revision), with their
    photos that the server does not have yet; a record put back to draft leaves it."""
    ready = [(a, i) for a, i in zip(actions, ids, strict=True) if a.status is Status.READY]
    db.conn.executemany(
        "INSERT INTO outbox (kind, entity_id, revision, queued_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (kind, entity_id) DO UPDATE SET revision = excluded.revision, "
        "queued_at = excluded.queued_at, attempts = 0, last_error = NULL",
        [(OUTBOX_ACTION, i, a.revision, now) for a, i in ready],
    )
    db.conn.executemany(
        "INSERT INTO outbox (kind, entity_id, revision, queued_at) "
        "SELECT ?, sha256, 0, ? FROM photos WHERE sha256 = ? AND uploaded_at IS NULL "
        "ON CONFLICT (kind, entity_id) DO NOTHING",
        sorted({(OUTBOX_PHOTO, now, p.sha256) for a, _ in ready if not a.deleted for p in a.photos}),
    )
    db.conn.executemany(
        "DELETE FROM outbox WHERE kind = ? AND entity_id = ?",
        [(OUTBOX_ACTION, i) for a, i in zip(actions, ids, strict=True) if a.status is not Status.READY],
    )


def _add_photo(db: Database, p: ProcessedPhoto) -> None:
    db.execute(
        "INSERT INTO photos (sha256, width, height, upload_size, original_name, original_size, "
        "original_format, taken_at, lat, lon, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (sha256) DO NOTHING",
        [
            p.sha256,
            p.width,
            p.height,
            p.upload_size,
            p.original_name,
            p.original_size,
            p.original_format,
            p.taken_at.isoformat() if p.taken_at else None,
            p.lat,
            p.lon,
            _iso(utc_now()),
        ],
    )
