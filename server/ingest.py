"""Applying a push batch from a village laptop: one transaction, the same answer every time.

Per record the answer is *applied* (stored as the newest revision), *already* (the server had this
revision), *conflict* (made from an older revision than the server holds: the incoming version is
kept beside the current one and the record flagged for a person) or *rejected* with a reason
(outside the device's okrug, breaking the rules). One bad record never blocks the rest. A record
whose photos have not arrived is stored and marked as waiting for them.

The batch's answer is stored with its id in the same transaction, so sending the batch again —
after a cut link, a killed app or a killed server — returns the stored answer and changes nothing.

On PostgreSQL, concurrent requests are ordered by row locks, always taken in the same order so two
of them never wait on each other: (1) the okrug's row in ``places`` — pushes of one okrug run one at
a time (a laptop that gave up waiting and sent its records again in a new batch must not have them
counted twice), pushes of different okrugs side by side; (2) the rows of the photos the batch
refers to (see ``_BatchWriter.lock_photos``); (3) the rows of the records it touches, which review
decisions lock too. SQLite has one writer at a time and needs none of it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, func, select, update
from sqlalchemy.exc import IntegrityError

from fieldapp.kato import Kato
from fieldapp.models import CleanupAction
from fieldapp.reference import ReferenceData
from fieldapp.validation import Context, check_action
from server import schema as t
from server.accounts import Principal, touch_device
from server.errors import ApiError
from server.signoffs import closed_months
from server.sql import among, chunks, current_records, insert, insert_rows, log_changes
from server.totals import Contribution, TotalsDelta
from sync.protocol import (
    NilReport,
    Outcome,
    PushBatch,
    PushRecord,
    PushResponse,
    Reason,
    RecordResult,
    SignoffLevel,
)

log = logging.getLogger(__name__)

PENDING = "pending"


@dataclass(frozen=True)
class Places:
    """Where a settlement lies: the columns reports group by."""

    okrug: str
    district: str
    region: str


@dataclass
class _Current:
    """The server's record as this batch goes along (updated after each applied revision)."""

    revision: int
    body: str
    review_status: str
    contribution: Contribution | None
    okrug: str
    conflict: bool = False
    month: str = ""  # YYYY-MM of its action date

    def content_hash(self) -> str:
        return CleanupAction.model_validate_json(self.body).content_hash()


class Ingest:
    """Everything a batch needs besides the connection; one per server process."""

    def __init__(self, kato: Kato, clock_skew_days: int) -> None:
        self.kato = kato
        self.skew = timedelta(days=clock_skew_days)
        self._places: dict[tuple[str, str], Places] = {}

    def places(self, settlement: str, okrug: str) -> Places:
        """The district and region a settlement lies in (remembered: the classifier is fixed)."""
        found = self._places.get((settlement, okrug))
        if found is None:
            district = self.kato.district_of(settlement) or self.kato.district_of(okrug)
            region = self.kato.region_of(settlement) or self.kato.region_of(okrug)
            found = Places(okrug, district.code if district else okrug, region.code if region else okrug)
            self._places[(settlement, okrug)] = found
        return found

    def push(
        self,
        conn: Connection,
        device: Principal,
        batch: PushBatch,
        reference: ReferenceData,
        now: datetime,
        app_version: str = "",
    ) -> str:
        """Apply ``batch``; the answer as JSON (a :class:`PushResponse`), as stored for a repeat."""
        conn.execute(select(t.places.c.code).where(t.places.c.code == device.okrug).with_for_update())
        stored = _stored_answer(conn, batch, device)
        if stored is not None:
            return stored
        ctx = Context(self.kato, reference, (now + self.skew).date(), device_okrug=device.okrug)
        writer = _BatchWriter(self, conn, device, now)
        # Read after the okrug's lock: a sign-off of its district takes that lock too (server.signoffs).
        district = self.places(device.okrug or "", device.okrug or "").district
        writer.closed = closed_months(conn, self.kato, district)
        ours = [item.record for item in batch.records if item.record.okrug == device.okrug]
        writer.lock_photos(sorted({p.sha256 for action in ours for p in action.photos}))
        writer.load_current(sorted({str(action.id) for action in ours}))
        results = [writer.record(item, ctx) for item in batch.records]
        nil_results = [writer.nil_report(report) for report in batch.nil_reports]
        writer.flush()
        answer = PushResponse(
            batch_id=batch.batch_id, results=results, nil_reports=nil_results
        ).model_dump_json(exclude_defaults=True)
        try:
            with conn.begin_nested():
                conn.execute(
                    t.batches.insert().values(
                        batch_id=str(batch.batch_id),
                        device_id=device.subject_id,
                        received_at=now,
                        response=answer,
                    )
                )
        except IntegrityError:
            # The same batch, sent twice at once, won the race: roll back and answer as it did.
            raise _SameBatchRacing from None
        touch_device(conn, device.subject_id, app_version, batch.waiting, now)
        writer.log_changes()
        return answer


class _SameBatchRacing(Exception):
    """Raised inside the transaction; the caller rolls back and reads the stored answer."""


def _stored_answer(conn: Connection, batch: PushBatch, device: Principal) -> str | None:
    row = conn.execute(
        select(t.batches.c.response, t.batches.c.device_id).where(t.batches.c.batch_id == str(batch.batch_id))
    ).first()
    if row is None:
        return None
    if row.device_id != device.subject_id:
        raise ApiError(409, Reason.CONFLICT, "this batch id belongs to another device")
    return row.response


def _month(action: CleanupAction) -> str:
    return action.action_date.isoformat()[:7]


def contribution(action: CleanupAction, places: Places, review_status: str) -> Contribution | None:
    if action.deleted:
        return None
    return Contribution(
        key=(action.action_date.isoformat()[:7], places.okrug, action.campaign, review_status),
        places=(places.district, places.region),
        sums=(action.participants, action.area_m2, action.trees),
        waste=tuple((w.fraction, w.kg) for w in action.waste),
    )


class _BatchWriter:
    """Decides each record's outcome, then writes all of them table by table."""

    def __init__(self, ingest: Ingest, conn: Connection, device: Principal, now: datetime) -> None:
        self.ingest, self.conn, self.device, self.now = ingest, conn, device, now
        self.current: dict[str, _Current | None] = {}
        self.totals = TotalsDelta()
        self.applied: dict[str, tuple[CleanupAction, Places, list[str]]] = {}  # id → newest applied
        self.revisions: list[dict[str, object]] = []
        self.conflicts: list[dict[str, object]] = []
        self.flagged: set[str] = set()
        self.complete_photos: set[str] = set()
        self.locked_photos: set[str] = set()
        self.existed: set[str] = set()  # ids the server held before this batch
        self.settling: set[str] = set()  # flagged ones this laptop sent a revision over
        self.nil_changed: list[str] = []  # nil reports filed or withdrawn by this batch
        self.closed: dict[str, SignoffLevel] = {}  # the district's signed-off months

    # -- deciding --------------------------------------------------------------------------------

    def record(self, item: PushRecord, ctx: Context) -> RecordResult:
        action = item.record
        rid = str(action.id)

        def result(outcome: Outcome, reason: Reason | None = None, **details: object) -> RecordResult:
            return RecordResult(
                id=action.id, revision=action.revision, outcome=outcome, reason=reason, details=details
            )

        if action.okrug != self.device.okrug:
            log.warning(
                "device %s sent a record of okrug %s (its own: %s): refused",
                self.device.subject_id,
                action.okrug,
                self.device.okrug,
            )
            return result(Outcome.REJECTED, Reason.SCOPE, okrug=action.okrug)
        current = self._current(rid)
        if current is not None and current.okrug != self.device.okrug:
            log.warning(
                "device %s sent record %s, which belongs to okrug %s: refused",
                self.device.subject_id,
                rid,
                current.okrug,
            )
            return result(Outcome.REJECTED, Reason.SCOPE, okrug=current.okrug)
        if current is not None and action.revision <= current.revision and self._holds(rid, action, current):
            return RecordResult(
                id=action.id,
                revision=action.revision,
                outcome=Outcome.ALREADY,
                missing_photos=self._missing_photos(action),
            )
        report = check_action(action, ctx)
        if report.errors:
            problems = [{"field": i.field, "code": i.code} for i in report.errors]
            return result(Outcome.REJECTED, Reason.VALIDATION, problems=problems)
        for month in dict.fromkeys((_month(action), current.month if current else "")):
            if month in self.closed:  # a signed-off month: held on the laptop until it is reopened
                return result(
                    Outcome.REJECTED, Reason.MONTH_CLOSED, month=month, closed_by=self.closed[month].value
                )
        if current is None:
            return self._apply(action, None, item)
        if action.revision > current.revision and item.base_revision == current.revision:
            if current.conflict:
                self.settling.add(rid)  # made over the server's version: this laptop has chosen
            return self._apply(action, current, item)
        if (
            action.revision > current.revision
            and item.base_revision < current.revision
            and item.lineage.get(current.revision) == current.content_hash()
        ):
            return self._apply(action, current, item)
        return self._conflict(action, item, current)

    def _holds(self, rid: str, action: CleanupAction, current: _Current) -> bool:
        """Whether the server has this revision already, or one of the laptop's later revisions
        that was made over it (a revision that arrives after its successor, from a bundle)."""
        wanted = action.content_hash()
        if action.revision == current.revision:
            return current.content_hash() == wanted
        stored = self._stored_revision(rid, action.revision)
        if stored is not None:
            return CleanupAction.model_validate_json(stored).content_hash() == wanted
        later = self.conn.execute(
            select(t.record_revisions.c.lineage).where(
                t.record_revisions.c.record_id == rid,
                t.record_revisions.c.revision > action.revision,
                t.record_revisions.c.lineage.is_not(None),
            )
        ).scalars()
        return any(json.loads(lineage).get(str(action.revision)) == wanted for lineage in later)

    def load_current(self, ids: list[str]) -> None:
        """The server's rows of these records, locked for this transaction, in one query per 500."""
        for some in chunks(ids):
            query = (
                current_records()
                .where(among(self.conn, t.records.c.id, some))
                .order_by(t.records.c.id)
                .with_for_update(of=t.records)
            )
            for row in self.conn.execute(query):
                self.existed.add(row.id)
                action = CleanupAction.model_validate_json(row.body)
                places = Places(row.okrug, row.district, row.region)
                self.current[row.id] = _Current(
                    row.revision,
                    row.body,
                    row.review_status,
                    contribution(action, places, row.review_status),
                    row.okrug,
                    row.conflict,
                    row.month,
                )
            for rid in some:
                self.current.setdefault(rid, None)

    def _current(self, rid: str) -> _Current | None:
        if rid not in self.current:
            self.load_current([rid])
        return self.current[rid]

    def _stored_revision(self, rid: str, revision: int) -> str | None:
        return self.conn.execute(
            select(t.record_revisions.c.body).where(
                t.record_revisions.c.record_id == rid, t.record_revisions.c.revision == revision
            )
        ).scalar_one_or_none()

    def _missing_photos(self, action: CleanupAction) -> list[str]:
        wanted = [p.sha256 for p in action.photos]
        unknown = sorted(set(wanted) - self.complete_photos - self.locked_photos)
        if unknown:  # not locked beforehand (cannot happen through ``Ingest.push``)
            self.lock_photos(unknown)
        return [sha for sha in wanted if sha not in self.complete_photos]

    def lock_photos(self, shas: list[str]) -> None:
        """Learn which of these photos the server holds whole — so that an upload finishing at this
        very moment cannot leave a record waiting for a photo it has.

        An upload locks the photo's row while it finishes it and then recounts the records that
        wait for it. Here every photo gets a row (an empty placeholder if its upload has not begun)
        and we hold a share lock on it: either the upload finished first and we see it complete, or
        it waits until this batch has committed and its recount sees the new record. Taken before
        the records' locks, as an upload takes its photo's lock before the records'."""
        for some in chunks(shas):
            self.conn.execute(
                insert(self.conn, t.photos)
                .values(
                    [
                        {"sha256": sha, "size": 0, "received": 0, "complete": False, "created_at": self.now}
                        for sha in some
                    ]
                )
                .on_conflict_do_nothing(index_elements=["sha256"])
            )
            rows = self.conn.execute(
                select(t.photos.c.sha256, t.photos.c.complete)
                .where(among(self.conn, t.photos.c.sha256, some))
                .order_by(t.photos.c.sha256)
                .with_for_update(read=True)
            )
            self.complete_photos.update(row.sha256 for row in rows if row.complete)
            self.locked_photos.update(some)

    def _apply(self, action: CleanupAction, current: _Current | None, item: PushRecord) -> RecordResult:
        rid = str(action.id)
        body = action.model_dump_json()
        places = self.ingest.places(action.settlement, action.okrug)
        part = contribution(action, places, PENDING)  # a new revision waits for review again
        self.totals.add(current.contribution if current else None, -1)
        self.totals.add(part, +1)
        self.current[rid] = _Current(
            action.revision,
            body,
            PENDING,
            part,
            action.okrug,
            current.conflict if current else False,
            _month(action),
        )
        missing = self._missing_photos(action)
        self.applied[rid] = (action, places, missing)
        self.revisions.append(
            {
                "record_id": rid,
                "revision": action.revision,
                "device_id": self.device.subject_id,
                "received_at": self.now,
                "body": body,
                "lineage": json.dumps({str(k): v for k, v in item.lineage.items()}) if item.lineage else None,
            }
        )
        return RecordResult(
            id=action.id, revision=action.revision, outcome=Outcome.APPLIED, missing_photos=missing
        )

    def _conflict(self, action: CleanupAction, item: PushRecord, current: _Current) -> RecordResult:
        rid = str(action.id)
        log.info(
            "conflict on %s: server has revision %s, the laptop sent %s made from %s",
            rid,
            current.revision,
            action.revision,
            item.base_revision,
        )
        self.conflicts.append(
            {
                "record_id": rid,
                "server_revision": current.revision,
                "incoming_revision": action.revision,
                "base_revision": item.base_revision,
                "device_id": self.device.subject_id,
                "body": action.model_dump_json(),
                "created_at": self.now,
            }
        )
        self.flagged.add(rid)
        return RecordResult(
            id=action.id,
            revision=action.revision,
            outcome=Outcome.CONFLICT,
            reason=Reason.CONFLICT,
            details={"server_revision": current.revision},
        )

    def nil_report(self, report: NilReport) -> RecordResult:
        if report.okrug != self.device.okrug:
            log.warning(
                "device %s sent a nil report of okrug %s: refused", self.device.subject_id, report.okrug
            )
            return RecordResult(id=report.id, revision=1, outcome=Outcome.REJECTED, reason=Reason.SCOPE)
        if report.month in self.closed:
            return RecordResult(
                id=report.id,
                revision=1,
                outcome=Outcome.REJECTED,
                reason=Reason.MONTH_CLOSED,
                details={"month": report.month, "closed_by": self.closed[report.month].value},
            )
        stmt = insert(self.conn, t.nil_reports).values(
            id=str(report.id),
            okrug=report.okrug,
            month=report.month,
            note=report.note,
            filed_at=report.filed_at,
            withdrawn=report.withdrawn,
            device_id=self.device.subject_id,
            received_at=self.now,
        )
        # RETURNING, not rowcount: psycopg reports -1 for an INSERT … ON CONFLICT through SQLAlchemy
        done = self.conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["id"],
                set_={"withdrawn": stmt.excluded.withdrawn},
                where=(t.nil_reports.c.withdrawn != stmt.excluded.withdrawn)
                & (t.nil_reports.c.okrug == stmt.excluded.okrug),  # never another okrug's
            ).returning(t.nil_reports.c.id)
        ).first()
        if done is None:
            return RecordResult(id=report.id, revision=1, outcome=Outcome.ALREADY)
        self.nil_changed.append(str(report.id))  # the district's coordinators pull it
        return RecordResult(id=report.id, revision=1, outcome=Outcome.APPLIED)

    # -- writing ---------------------------------------------------------------------------------

    def flush(self) -> None:
        conn = self.conn
        applied_ids = list(self.applied)
        replaced = [rid for rid in applied_ids if rid in self.existed]  # new records have nothing to replace
        for ids in chunks(replaced):
            conn.execute(delete(t.record_waste).where(among(conn, t.record_waste.c.record_id, ids)))
            conn.execute(delete(t.record_photos).where(among(conn, t.record_photos.c.record_id, ids)))
        if self.applied:
            # New records straight in (on PostgreSQL: COPY), the others replace what the server held.
            new = [self._row(rid) for rid in applied_ids if rid not in self.existed]
            insert_rows(conn, new, t.records.insert())
            if replaced:
                kept = ("id", "conflict", "review_comment", "reviewed_revision", "reviewed_by", "reviewed_at")
                stmt = insert(conn, t.records)
                upsert = stmt.on_conflict_do_update(
                    index_elements=["id"],
                    set_={c.name: getattr(stmt.excluded, c.name) for c in t.records.c if c.name not in kept},
                )
                insert_rows(conn, [self._row(rid) for rid in replaced], upsert)
            waste = [
                dimensions | {"fraction": w.fraction, "kg": w.kg}
                for rid, (a, _, _) in self.applied.items()
                if not a.deleted and a.waste
                for dimensions in (self._dimensions(rid),)
                for w in a.waste
            ]
            insert_rows(conn, waste, t.record_waste.insert())
            photo_rows = [
                {"record_id": rid, "sha256": sha}
                for rid, (a, _, _) in self.applied.items()
                for sha in sorted({p.sha256 for p in a.photos})
            ]
            insert_rows(conn, photo_rows, t.record_photos.insert())
        # Only revisions newer than the server's are applied: none of them can be stored already.
        insert_rows(conn, self.revisions, t.record_revisions.insert())
        self._resolve_conflicts()
        if self.conflicts:
            insert_rows(conn, self.conflicts, t.conflicts.insert())
            for ids in chunks(sorted(self.flagged)):
                conn.execute(t.records.update().where(among(conn, t.records.c.id, ids)).values(conflict=True))
        self.totals.apply(conn)

    def _resolve_conflicts(self) -> None:
        """A laptop whose version conflicted, sending a revision made over the server's (it chose
        what to keep), has settled its conflicts; the flag goes when nobody's are left open."""
        conn = self.conn
        for rid in sorted(self.settling):
            conn.execute(
                update(t.conflicts)
                .where(
                    t.conflicts.c.record_id == rid,
                    t.conflicts.c.device_id == self.device.subject_id,
                    t.conflicts.c.resolved_at.is_(None),
                )
                .values(resolved_at=self.now)
            )
            still_open = conn.execute(
                select(func.count())
                .select_from(t.conflicts)
                .where(t.conflicts.c.record_id == rid, t.conflicts.c.resolved_at.is_(None))
            ).scalar_one()
            if not still_open:
                conn.execute(update(t.records).where(t.records.c.id == rid).values(conflict=False))

    def log_changes(self) -> None:
        """One row in ``changes`` per touched record, for the pulls (see ``server.sql.log_changes``)."""
        okrug = self.device.okrug or ""
        district = self.ingest.places(okrug, okrug).district
        nil_rows = [
            {"kind": "nil", "record_id": nil_id, "okrug": okrug, "district": district, "at": self.now}
            for nil_id in self.nil_changed
        ]
        log_changes(self.conn, self._changes(sorted(set(self.applied) | self.flagged)) + nil_rows)

    def _changes(self, ids: list[str]) -> list[dict[str, object]]:
        """One row in ``changes`` per touched record: what the pulls of its okrug and district see."""
        rows = []
        for rid in ids:
            _, places, _ = self.applied.get(rid) or (None, None, None)
            if places is None:  # flagged as a conflict, not changed: where it is, from the table
                known = self.conn.execute(
                    select(t.records.c.okrug, t.records.c.district).where(t.records.c.id == rid)
                ).one()
                okrug, district = known.okrug, known.district
            else:
                okrug, district = places.okrug, places.district
            rows.append(
                {"kind": "record", "record_id": rid, "okrug": okrug, "district": district, "at": self.now}
            )
        return rows

    def _dimensions(self, rid: str) -> dict[str, object]:
        """What a record's waste rows carry beside the kilograms (see ``schema.record_waste``)."""
        action, places, _ = self.applied[rid]
        return {
            "record_id": rid,
            "action_date": action.action_date,
            "month": action.action_date.isoformat()[:7],
            "region": places.region,
            "district": places.district,
            "okrug": places.okrug,
            "settlement": action.settlement,
            "campaign": action.campaign,
            "review_status": PENDING,
        }

    def _row(self, rid: str) -> dict[str, object]:
        action, places, missing = self.applied[rid]
        return {
            "id": rid,
            "revision": action.revision,
            "region": places.region,
            "district": places.district,
            "okrug": places.okrug,
            "settlement": action.settlement,
            "action_date": action.action_date,
            "month": action.action_date.isoformat()[:7],
            "campaign": action.campaign,
            "participants": action.participants,
            "area_m2": action.area_m2,
            "trees": action.trees,
            "total_kg": action.total_kg,
            "deleted": action.deleted,
            "review_status": PENDING,
            "missing_photos": len(missing),
            "device_id": self.device.subject_id,
            "received_at": self.now,
        }


def push_with_retry(
    ingest: Ingest,
    engine_begin: Callable[[], AbstractContextManager[Connection]],
    device: Principal,
    batch: PushBatch,
    reference: ReferenceData,
    now: datetime,
    app_version: str = "",
) -> str:
    """Run :meth:`Ingest.push` in a transaction; if the same batch was being applied at the same
    moment by another request, answer as that one did. The answer is JSON text."""
    try:
        with engine_begin() as conn:
            return ingest.push(conn, device, batch, reference, now, app_version)
    except _SameBatchRacing:
        with engine_begin() as conn:
            stored = _stored_answer(conn, batch, device)
        assert stored is not None
        return stored
