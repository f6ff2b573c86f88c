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
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future
from datetime import date, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from fieldapp import district, duplicates, outbox, queries, schema, writes
from fieldapp.i18n import msg
from fieldapp.kato import Kato
from fieldapp.models import CleanupAction, Status
from fieldapp.photos import ProcessedPhoto
from fieldapp.queries import ActionFilter, ActionOrder, ActionSummary, OutboxDepth, Period, Totals
from fieldapp.writer import Writer
from fieldapp.writes import NotFound, StaleRevision, StoreError

__all__ = ["NotFound", "StaleRevision", "Store", "StoreError"]

log = logging.getLogger(__name__)


class Store:
    """Open with :meth:`open`; close when done (or use as a context manager)."""

    def __init__(self, path: Path, connect: Callable[[], sqlite3.Connection] | None = None) -> None:
        """``connect`` opens the writer's connection (tests wrap it to make the disk fail)."""
        self.path = path
        self._failure_listeners: list[Callable[[BaseException], None]] = []
        self._failure_lock = threading.Lock()
        self._failed: BaseException | None = None
        self._writer = Writer(
            connect or (lambda: schema.connect(path)),
            name=f"store-writer:{path.name}",
            on_failure=self._writer_failed,
        )
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self._closed = False

    @classmethod
    def open(cls, path: Path | str, connect: Callable[[], sqlite3.Connection] | None = None) -> Store:
        """Open (creating or migrating) the store at ``path``. Raises ``StoreOpenError``."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        schema.migrate(path)
        return cls(path, connect)

    @property
    def write_failure(self) -> BaseException | None:
        """What stopped the writer, if it stopped: the store then only reads."""
        return self._writer.failure

    def on_write_failure(self, listener: Callable[[BaseException], None]) -> None:
        """Call ``listener(error)`` once if the writer stops (at once if it already has). It is
        called on the writer's thread: a window must hand it to its own."""
        with self._failure_lock:
            failure = self._failed
            if failure is None:
                self._failure_listeners.append(listener)
        if failure is not None:
            listener(failure)

    def _writer_failed(self, error: BaseException) -> None:
        with self._failure_lock:
            self._failed = error
            listeners, self._failure_listeners = self._failure_listeners, []
        for listener in listeners:
            try:
                listener(error)
            except Exception:
                log.exception("a listener for the store's failure failed")

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
        after: tuple[Any, ...] | None = None,
        order: ActionOrder | None = None,
    ) -> list[ActionSummary]:
        """A page of the list, newest first unless ``order`` says otherwise; pass
        ``order.key(last_row)`` (for the default order, the last row's ``key``) as ``after`` for more."""
        return queries.list_actions(self._reader(), where or ActionFilter(), limit, after, order)

    def distinct_codes(self, column: str, where: ActionFilter | None = None) -> list[str]:
        return queries.distinct_codes(self._reader(), column, where or ActionFilter())

    def explain_list(self, where: ActionFilter, order: ActionOrder) -> list[str]:
        """SQLite's plan for a page of the list in ``order`` (``EXPLAIN QUERY PLAN``)."""
        sql, params = queries.list_actions_sql(where, order)
        return [row[3] for row in self._reader().execute(f"EXPLAIN QUERY PLAN {sql}", params)]

    def count_actions(self, where: ActionFilter | None = None) -> int:
        return queries.count_actions(self._reader(), where or ActionFilter())

    def totals(
        self,
        period: Period,
        group_by: Iterable[str] = ("settlement", "campaign"),
        statuses: Iterable[Status] | None = None,
    ) -> list[Totals]:
        return queries.totals(self._reader(), period, tuple(group_by), statuses)

    def status_counts(self) -> dict[Status, int]:
        """Live records by status, from the monthly sums (no scan of the records)."""
        return queries.status_counts(self._reader())

    def same_day_actions(
        self,
        settlement: str,
        action_date: Any,
        campaign: str,
        exclude: UUID | str | None = None,
        place: str | None = None,
    ) -> list[ActionSummary]:
        """Live records for the same settlement, date and campaign (and, given ``place``, at the same
        place: likely duplicates; see :mod:`fieldapp.duplicates`)."""
        day, other = str(action_date), str(exclude or "")
        if place is None:
            return queries.same_day(self._reader(), settlement, day, campaign, other)
        return duplicates.same_place(self._reader(), settlement, day, campaign, place, other)

    def outbox_depth(self) -> OutboxDepth:
        return queries.outbox_depth(self._reader())

    def photo_hashes(self) -> list[str]:
        """Every photo the records refer to."""
        rows = self._reader().execute("SELECT DISTINCT sha256 FROM action_photos ORDER BY sha256")
        return [sha for (sha,) in rows]

    def photo(self, sha256: str) -> dict[str, Any] | None:
        return queries.photo(self._reader(), sha256)

    def keep_photo_facts(
        self, sha256: str, taken_at: str | None, lat: float | None, lon: float | None
    ) -> None:
        """What the camera said of a photo of the district, as the server had it from the laptop."""
        self._writer.call(
            lambda db: db.conn.execute(
                "UPDATE photos SET taken_at = ?, lat = ?, lon = ? WHERE sha256 = ?",
                [taken_at, lat, lon, sha256],
            )
        )

    def photo_info(self, sha256: str) -> ProcessedPhoto | None:
        """What this laptop knows of a photo: its name, and when and where the camera took it (a
        coordinator's copy knows the photos of the district by their hash only)."""
        row = queries.photo(self._reader(), sha256)
        if row is None:
            return None
        return ProcessedPhoto(
            sha256=row["sha256"],
            width=row["width"],
            height=row["height"],
            upload_size=row["upload_size"],
            original_name=row["original_name"],
            original_size=row["original_size"],
            original_format=row["original_format"],
            taken_at=_moment(row["taken_at"]),
            lat=row["lat"],
            lon=row["lon"],
        )

    def photo_dates(self, hashes: Iterable[str]) -> dict[str, date]:
        """The day each of these photos was taken (its EXIF time, as the camera showed it); photos
        without one, or not in this store, are left out."""
        return queries.photo_dates(self._reader(), list(hashes))

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        value = queries.meta_value(self._reader(), key)
        return default if value is None else value

    def backup_to(self, target: Path) -> Path:
        """Copy the whole database as it is at one moment to ``target`` (SQLite's online backup
        API, in one step). It reads beside the writer (WAL), so saves go on meanwhile. It reads the
        whole file: call it off the GUI thread. :mod:`fieldapp.backups` names, checks and keeps
        the copies."""
        return schema.backup(self._reader(), target)

    # -- writing ----------------------------------------------------------------------------

    def save(self, action: CleanupAction, photos: Iterable[ProcessedPhoto] = ()) -> CleanupAction:
        """Store a person's new or changed record (status draft or ready), registering the photos
        it brings in the same transaction. Waits for the commit."""
        return self.submit_save(action, photos).result()

    def submit_save(
        self, action: CleanupAction, photos: Iterable[ProcessedPhoto] = ()
    ) -> Future[CleanupAction]:
        """Like :meth:`save` without waiting: the future resolves once committed. Saves queued
        together are written together."""
        new_photos = list(photos)
        if new_photos:
            return self._writer.submit(lambda db: writes.save_with_photos(db, action, new_photos))
        return self._writer.submit_item(writes.save_local_batch, action)

    def save_many(self, actions: Iterable[CleanupAction]) -> list[CleanupAction]:
        """Store many records in one transaction: all or none."""
        batch = list(actions)
        return self._writer.call(lambda db: writes.save_many(db, batch, origin="local"))

    def delete(
        self, action_id: UUID | str, expected_revision: int, *, now: datetime | None = None
    ) -> CleanupAction:
        """Write a tombstone revision. The history keeps every earlier revision."""
        return self._writer.call(lambda db: writes.delete(db, str(action_id), expected_revision, now))

    def undo_delete(self, action_id: UUID | str, revision: int) -> CleanupAction:
        """Take back the deletion (tombstone ``revision``) while the server has not heard of it;
        raises :class:`StoreError` once it has."""
        return self._writer.call(lambda db: writes.undo_delete(db, str(action_id), revision))

    def note_deletions_written(self, tombstones: Mapping[str, int]) -> None:
        """A USB file for the district carries these tombstones ({record id: revision}): their
        deletions can no longer be undone here (:func:`writes.note_deletions_written`)."""
        written = dict(tombstones)
        self._writer.call(lambda db: writes.note_deletions_written(db, written))

    def mark_sent(self, action_id: UUID | str, revision: int) -> CleanupAction:
        """The server acknowledged ``revision`` of the record (the sync engine calls this)."""
        return self._writer.call(lambda db: writes.mark_sent(db, str(action_id), revision))

    def apply_review(
        self, action_id: UUID | str, revision: int, decision: Status, comment: str = ""
    ) -> CleanupAction:
        """The coordinator's decision on ``revision``: accepted, or returned with a comment."""
        return self._writer.call(
            lambda db: writes.apply_review(db, str(action_id), revision, decision, comment)
        )

    def mark_photo_uploaded(self, sha256: str) -> None:
        self._writer.call(lambda db: writes.mark_photo_uploaded(db, sha256))

    def add_photo(self, photo: ProcessedPhoto) -> None:
        """Register a photo the library holds; a photo already known is left as it is."""
        self._writer.call(lambda db: writes.add_photo(db, photo))

    def set_meta(self, key: str, value: str) -> None:
        self._writer.call(lambda db: writes.set_meta(db, key, value))

    # -- sync (the engine in ``sync/`` calls these; see :mod:`fieldapp.outbox`) --------------

    def outgoing(self, limit: int, exclude: Iterable[str] = ()) -> list[outbox.OutgoingRecord]:
        return outbox.outgoing(self._reader(), limit, exclude)

    def waiting_ids(self) -> list[str]:
        return outbox.waiting_ids(self._reader())

    def outgoing_among(self, ids: Sequence[str], limit: int) -> list[tuple[int, outbox.OutgoingRecord]]:
        return outbox.outgoing_among(self._reader(), ids, limit)

    def waiting_records(self) -> int:
        return outbox.waiting_records(self._reader())

    def pending_batch(self) -> outbox.PendingBatch | None:
        return outbox.pending_batch(self._reader())

    def photos_to_send(self) -> list[outbox.PhotoToSend]:
        return outbox.photos_to_send(self._reader())

    def photos_waiting(self) -> list[str]:
        return outbox.photos_waiting(self._reader())

    def held_records(self) -> list[outbox.HeldRecord]:
        return outbox.held_records(self._reader())

    def conflicts(self) -> list[outbox.Conflict]:
        return outbox.conflicts(self._reader())

    def begin_batch(self, batch_id: str, body: bytes, records: int) -> None:
        self._writer.call(lambda db: outbox.begin_batch(db, batch_id, body, records))

    def drop_batch(self, batch_id: str) -> None:
        self._writer.call(lambda db: outbox.drop_batch(db, batch_id))

    def apply_answers(self, batch_id: str | None, answers: Sequence[outbox.Answer]) -> outbox.AnswerSummary:
        return self._writer.call(lambda db: outbox.apply_answers(db, batch_id, answers))

    def photo_attempted(self, sha256: str) -> bool:
        return outbox.photo_attempted(self._reader(), sha256)

    def note_photo_attempt(self, sha256: str) -> None:
        self._writer.call(lambda db: outbox.note_photo_attempt(db, sha256))

    def hold_photo(self, sha256: str, reason: str, details: dict[str, Any] | None = None) -> None:
        self._writer.call(lambda db: outbox.hold_photo(db, sha256, reason, details))

    def set_closed_months(self, months: Sequence[str]) -> list[str]:
        return self._writer.call(lambda db: outbox.set_closed_months(db, months))

    def closed_months(self) -> set[str]:
        return queries.closed_months(self._reader())

    def apply_pull(
        self, decisions: Sequence[outbox.Decision], cursor: str, reference_json: str | None = None
    ) -> int:
        return self._writer.call(lambda db: outbox.apply_pull(db, decisions, cursor, reference_json))

    def record_server_copy(self, action_id: UUID | str, server: CleanupAction) -> None:
        self._writer.call(lambda db: outbox.record_server_copy(db, str(action_id), server))

    def keep_mine(self, action_id: UUID | str, content: CleanupAction) -> CleanupAction:
        return self._writer.call(lambda db: outbox.keep_mine(db, str(action_id), content))

    def take_theirs(self, action_id: UUID | str) -> CleanupAction:
        return self._writer.call(lambda db: outbox.take_theirs(db, str(action_id)))

    # -- a coordinator's district, and nil reports (see :mod:`fieldapp.district`) --------------

    def import_pulled(
        self, records: Sequence[CleanupAction], nil_reports: Sequence[district.NilReportData] = ()
    ) -> tuple[int, int]:
        return self._writer.call(lambda db: district.import_pulled(db, records, nil_reports))

    def queue_decisions(self, decisions: Sequence[district.Decision]) -> list[CleanupAction]:
        return self._writer.call(lambda db: district.queue_decisions(db, decisions))

    def undo_decisions(self, action_ids: Iterable[UUID | str]) -> list[CleanupAction]:
        """Take back decisions made here while they wait to be sent, in one transaction: all, or
        (one has gone to the server) none, raising :class:`StoreError`."""
        chosen = [str(i) for i in action_ids]
        return self._writer.call(lambda db: district.undo_decisions(db, chosen))

    def queued_decisions(self, state: str | None = district.QUEUED) -> list[district.QueuedDecision]:
        return district.queued_decisions(self._reader(), state)

    def apply_review_outcomes(self, outcomes: Sequence[district.ReviewOutcome]) -> None:
        self._writer.call(lambda db: district.apply_review_outcomes(db, outcomes))

    def file_nil_report(self, okrug: str, month: str, note: str = "") -> district.NilReportData:
        return self._writer.call(lambda db: district.file_nil_report(db, okrug, month, note))

    def nil_reports(self, okrug: str | None = None) -> list[district.NilReportData]:
        return district.nil_reports(self._reader(), okrug)

    def unsent_nil_reports(self) -> list[district.NilReportData]:
        return district.unsent_nil_reports(self._reader())

    def mark_nil_sent(self, ids: Iterable[str]) -> None:
        chosen = list(ids)
        self._writer.call(lambda db: district.mark_nil_sent(db, chosen))

    def district_totals(
        self,
        period: Period,
        kato: Kato,
        group_by: Sequence[str],
        statuses: Iterable[Status] | None = None,
    ) -> list[district.GroupTotals]:
        return district.district_totals(self._reader(), period, kato, group_by, statuses)

    def district_breakdowns(
        self,
        period: Period,
        kato: Kato,
        groupings: Sequence[Sequence[str]],
        statuses: Iterable[Status] | None = None,
    ) -> list[list[district.GroupTotals]]:
        return district.district_breakdowns(self._reader(), period, kato, groupings, statuses)

    def reported_months(self, first: str, last: str) -> set[tuple[str, str]]:
        return district.reported_months(self._reader(), first, last)

    def nothing_months(self, first: str, last: str) -> set[tuple[str, str]]:
        return district.nothing_months(self._reader(), first, last)

    def first_months(self) -> dict[str, str]:
        return district.first_months(self._reader())

    def record_rows(self, period: Period, okrug: str | None = None) -> list[district.RecordRow]:
        return district.record_rows(self._reader(), period, okrug)

    def duplicate_groups(self, limit: int = 500) -> list[list[ActionSummary]]:
        return duplicates.duplicate_groups(self._reader(), limit)

    def group_place(self, group: Sequence[ActionSummary]) -> str:
        return duplicates.group_place(self._reader(), group)

    def dismiss_duplicates(self, record_ids: Iterable[str], by: str) -> duplicates.Dismissal:
        chosen = list(record_ids)
        return self._writer.call(lambda db: duplicates.dismiss(db, chosen, by))

    def dismissals(self, state: str | None = None) -> list[duplicates.Dismissal]:
        return duplicates.dismissals(self._reader(), state)

    def apply_dismissal_outcomes(self, outcomes: Sequence[tuple[str, str, str | None]]) -> None:
        self._writer.call(lambda db: duplicates.apply_dismissal_outcomes(db, outcomes))

    def replace_server_dismissals(self, pulled: Sequence[duplicates.Dismissal]) -> None:
        self._writer.call(lambda db: duplicates.replace_server_dismissals(db, pulled))

    def delete_meta(self, key: str) -> None:
        self._writer.call(lambda db: writes.delete_meta(db, key))

    def integrity_check(self) -> list[str]:
        """``PRAGMA integrity_check`` and foreign key check; empty when all is well."""
        conn = self._reader()
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"foreign key: {tuple(r)}" for r in conn.execute("PRAGMA foreign_key_check")]
        problems += [f"monthly totals differ from the records: {d}" for d in queries.totals_drift(conn)]
        return problems


def _moment(text: str | None) -> datetime | None:
    """A stored camera time; one that cannot be read is not known."""
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        log.warning("a photo's time %r cannot be read", text)
        return None
