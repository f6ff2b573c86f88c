"""The laptop's side of sync, in the store: what waits to be sent, the batch on its way, and what
the server said — each answer written in the same transaction as the outbox entries it settles.

The sync engine (``sync/``) speaks HTTP; this module knows only the database. Reads take a
connection; writes are jobs for the store's writer thread (each one transaction).

- An outbox entry of kind ``action`` holds the record's newest revision to send; ``held`` is set
  when the server refused it (``rejected``: the reason in ``last_error``) or found it in conflict
  (``conflict``): such an entry waits for a person instead of going again and again.
- The batch on its way is kept in ``sync_batches`` byte for byte. Until its answer is written it
  is sent again as it is, so the server answers it as it did the first time (the server keeps
  every batch's answer by its id): a cut link or a killed app can never apply anything twice.
- A record's *base revision* is the newest the server has acknowledged (``synced_revision``);
  its *lineage* the laptop's own revisions since then, by content hash, so that the server can
  recognise them if one reached it another way (a USB bundle, an answer that was lost).
"""

from __future__ import annotations

import gzip
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from fieldapp import queries
from fieldapp.i18n import LANGUAGES, Localized, Message, count, month_name, msg, translate
from fieldapp.models import CleanupAction, Status, utc_now
from fieldapp.writes import (
    OUTBOX_ACTION,
    OUTBOX_PHOTO,
    StoreError,
    _current_or_fail,
    _iso,
    _write_history,
    apply_review,
    mark_photo_uploaded,
    mark_sent,
    replace_with_server_version,
    save_settled,
    set_meta,
)

HELD_REJECTED = "rejected"
HELD_CONFLICT = "conflict"
HELD_MONTH_CLOSED = "month_closed"  # its month is signed off: it waits, by itself, for it to reopen
CLOSERS = ("district", "region", "national")
MAX_LINEAGE = 100  # the protocol's limit; older revisions than that are left out

# Outcomes, as the protocol names them.
APPLIED, ALREADY, CONFLICT, REJECTED = "applied", "already", "conflict", "rejected"


@dataclass(frozen=True)
class OutgoingRecord:
    action: CleanupAction
    base_revision: int  # the newest revision the server has acknowledged (0: none)
    lineage: dict[int, str]  # the laptop's revisions between base and this one → content hash


@dataclass(frozen=True)
class PendingBatch:
    batch_id: str
    body: bytes  # exactly as sent: gzip JSON
    records: int
    created_at: str


@dataclass(frozen=True)
class Answer:
    """The server's answer about one record of a batch."""

    action_id: str
    revision: int
    outcome: str  # applied | already | conflict | rejected
    reason: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    missing_photos: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnswerSummary:
    sent: int = 0  # applied or already there
    conflicts: int = 0
    rejected: int = 0
    closed: int = 0  # held because their month is signed off


@dataclass(frozen=True)
class PhotoToSend:
    sha256: str
    size: int  # bytes of the upload copy


@dataclass(frozen=True)
class HeldRecord:
    """A record the server refused or found in conflict: it waits for a person."""

    action_id: str
    revision: int
    held: str  # rejected | conflict | month_closed
    reason: str  # the protocol's reason (validation, scope, conflict, ...)
    details: dict[str, Any]


@dataclass(frozen=True)
class Decision:
    """A coordinator's decision about one revision of a record, as pulled."""

    action_id: str
    revision: int
    decision: Status  # accepted | returned
    comment: str = ""


@dataclass(frozen=True)
class Conflict:
    action_id: str
    local: CleanupAction
    server: CleanupAction | None  # None until the server's copy has been fetched
    server_revision: int
    detected_at: str


def waiting_message(depth: queries.OutboxDepth) -> Message:
    """What waits to be sent, in words («2 записи, 3 фото»); a kind with none is not said."""
    parts = [count(unit, n) for unit, n in (("records", depth.records), ("photos", depth.photos)) if n]
    if not parts:
        return msg("cli.status.nothing_waiting")
    return msg(
        "cli.status.waiting",
        what=Localized({lang: ", ".join(part.text(lang) for part in parts) for lang in LANGUAGES}),
    )


def held_explanation(held: str, problem_json: str | None) -> Message:
    """What to tell a person about a record the server refused or found in conflict."""
    if held == HELD_CONFLICT:
        return msg("sync.held.conflict")
    problem = json.loads(problem_json) if problem_json else {}
    reason = problem.get("reason", "")
    if reason == "validation":
        fields = sorted(
            {str(p.get("field", "")).split(".")[0] for p in problem.get("details", {}).get("problems", [])}
        )
        names = Localized(
            {lang: ", ".join(translate(f"field.{f}", lang) for f in fields if f) for lang in LANGUAGES}
        )
        return msg("sync.held.validation", fields=names)
    if held == HELD_MONTH_CLOSED or reason == "month_closed":
        details = problem.get("details", {})
        month = str(details.get("month", ""))
        closer = details.get("closed_by")
        closer = closer if closer in CLOSERS else "district"
        if len(month) == 7:
            return msg(f"sync.held.month_closed.{closer}", month=month_name_of(month))
    if reason in ("scope", "malformed"):
        return msg(f"sync.held.{reason}")
    return msg("sync.held.other", reason=reason or held)


# -- reading --------------------------------------------------------------------------------------


def outgoing(conn: sqlite3.Connection, limit: int, exclude: Iterable[str] = ()) -> list[OutgoingRecord]:
    """Up to ``limit`` records to send, oldest queued first, with their base revision and lineage."""
    skip = set(exclude)
    rows = conn.execute(
        "SELECT o.entity_id, a.synced_revision FROM outbox o JOIN actions a ON a.id = o.entity_id "
        "WHERE o.kind = ? AND o.held IS NULL ORDER BY o.queued_at, o.entity_id LIMIT ?",
        [OUTBOX_ACTION, limit + len(skip)],
    ).fetchall()
    found = []
    for action_id, synced in rows:
        if action_id in skip:
            continue
        action = queries.current(conn, action_id)
        if action is None:
            continue
        found.append(OutgoingRecord(action, synced, _lineage(conn, action_id, synced, action.revision)))
        if len(found) == limit:
            break
    return found


def _lineage(conn: sqlite3.Connection, action_id: str, base: int, revision: int) -> dict[int, str]:
    if revision - base <= 1:
        return {}
    bodies: dict[int, str] = {}
    for rev, body in conn.execute(
        "SELECT revision, body FROM action_history WHERE action_id = ? AND revision > ? AND revision < ? "
        "ORDER BY seq",
        [action_id, max(base, revision - 1 - MAX_LINEAGE), revision],
    ):
        bodies[rev] = body  # the newest entry of each revision wins (after a reset, the new ones)
    return {rev: CleanupAction.model_validate_json(body).content_hash() for rev, body in bodies.items()}


def waiting_ids(conn: sqlite3.Connection) -> list[str]:
    """The records waiting to be sent, in the order they go (those held for a person not listed)."""
    rows = conn.execute(
        "SELECT entity_id FROM outbox WHERE kind = ? AND held IS NULL ORDER BY queued_at, entity_id",
        [OUTBOX_ACTION],
    )
    return [action_id for (action_id,) in rows]


def outgoing_among(
    conn: sqlite3.Connection, ids: Sequence[str], limit: int
) -> list[tuple[int, OutgoingRecord]]:
    """Up to ``limit`` of the records ``ids`` names (in that order) that still wait to be sent, each
    with its index in ``ids``: a sync run sends the records that waited when it began, and only them."""
    found: list[tuple[int, OutgoingRecord]] = []
    step = 500
    for begin in range(0, len(ids), step):
        part = list(ids[begin : begin + step])
        marks = ",".join("?" * len(part))
        synced_of = dict(
            conn.execute(
                "SELECT o.entity_id, a.synced_revision FROM outbox o JOIN actions a ON a.id = o.entity_id "
                f"WHERE o.kind = ? AND o.held IS NULL AND o.entity_id IN ({marks})",
                [OUTBOX_ACTION, *part],
            ).fetchall()
        )
        for offset, action_id in enumerate(part):
            if action_id not in synced_of:
                continue  # sent, settled or held since
            action = queries.current(conn, action_id)
            if action is None:
                continue
            synced = synced_of[action_id]
            lineage = _lineage(conn, action_id, synced, action.revision)
            found.append((begin + offset, OutgoingRecord(action, synced, lineage)))
            if len(found) == limit:
                return found
    return found


def waiting_records(conn: sqlite3.Connection) -> int:
    """Records still to send (those held for a person not counted)."""
    return conn.execute(
        "SELECT count(*) FROM outbox WHERE kind = ? AND held IS NULL", [OUTBOX_ACTION]
    ).fetchone()[0]


def pending_batch(conn: sqlite3.Connection) -> PendingBatch | None:
    row = conn.execute(
        "SELECT batch_id, body, records, created_at FROM sync_batches ORDER BY created_at LIMIT 1"
    ).fetchone()
    return PendingBatch(row[0], bytes(row[1]), row[2], row[3]) if row else None


def photos_to_send(conn: sqlite3.Connection) -> list[PhotoToSend]:
    """Photos the server does not have yet, of records it has (a photo follows its record)."""
    rows = conn.execute(
        "SELECT o.entity_id, p.upload_size FROM outbox o JOIN photos p ON p.sha256 = o.entity_id "
        "WHERE o.kind = ? AND o.held IS NULL AND EXISTS ("
        "  SELECT 1 FROM action_photos ap JOIN actions a ON a.id = ap.action_id "
        "  WHERE ap.sha256 = o.entity_id AND a.synced_revision > 0) "
        "ORDER BY o.queued_at, o.entity_id",
        [OUTBOX_PHOTO],
    )
    return [PhotoToSend(sha, size) for sha, size in rows]


def photos_waiting(conn: sqlite3.Connection) -> list[str]:
    """Every photo the server has not acknowledged (for a USB bundle, which carries the records too)."""
    rows = conn.execute(
        "SELECT entity_id FROM outbox WHERE kind = ? AND held IS NULL ORDER BY queued_at, entity_id",
        [OUTBOX_PHOTO],
    )
    return [sha for (sha,) in rows]


def held_records(conn: sqlite3.Connection) -> list[HeldRecord]:
    rows = conn.execute(
        "SELECT entity_id, revision, held, last_error FROM outbox WHERE kind = ? AND held IS NOT NULL "
        "ORDER BY queued_at",
        [OUTBOX_ACTION],
    )
    found = []
    for action_id, revision, held, error in rows:
        problem = json.loads(error) if error else {}
        found.append(
            HeldRecord(action_id, revision, held, problem.get("reason", held), problem.get("details", {}))
        )
    return found


def conflicts(conn: sqlite3.Connection) -> list[Conflict]:
    rows = conn.execute(
        "SELECT action_id, server_revision, server_body, detected_at FROM sync_conflicts ORDER BY detected_at"
    ).fetchall()
    found = []
    for action_id, server_revision, server_body, detected_at in rows:
        local = queries.current(conn, action_id)
        if local is None:
            continue
        server = CleanupAction.model_validate_json(server_body) if server_body else None
        found.append(Conflict(action_id, local, server, server_revision, detected_at))
    return found


# -- writing: the batch on its way -------------------------------------------------------------------


class BatchStale(StoreError):
    """A record of the batch went back to an earlier revision (a deletion undone) after the batch
    was built: it must be built again, or the server would get what the laptop took back."""


def begin_batch(db: Database, batch_id: str, body: bytes, records: int) -> None:
    """Keep the batch before it is sent: from now on it is sent as it is until answered. Refused
    (:class:`BatchStale`) if a record in it is now at a lower revision than the batch carries."""
    if db.conn.execute("SELECT 1 FROM sync_batches").fetchone():
        raise StoreError(msg("sync.batch_pending"))
    for action_id, revision in _batch_revisions(body):
        row = db.conn.execute("SELECT revision FROM actions WHERE id = ?", [action_id]).fetchone()
        if row is not None and row[0] < revision:
            raise BatchStale(msg("sync.batch_stale"))
    db.conn.execute(
        "INSERT INTO sync_batches (batch_id, created_at, records, body) VALUES (?, ?, ?, ?)",
        [batch_id, _iso(utc_now()), records, body],
    )


def _batch_revisions(body: bytes) -> list[tuple[str, int]]:
    try:
        data = json.loads(gzip.decompress(body))
    except (OSError, EOFError, ValueError):
        return []  # not a batch this laptop built (tests keep any bytes): nothing to compare
    found = []
    for item in data.get("records", []) if isinstance(data, dict) else []:
        record = item.get("record") if isinstance(item, dict) else None
        if isinstance(record, dict) and "id" in record and "revision" in record:
            found.append((str(record["id"]), int(record["revision"])))
    return found


def drop_batch(db: Database, batch_id: str) -> None:
    """Forget a batch the server refused whole (it never applied any of it)."""
    db.conn.execute("DELETE FROM sync_batches WHERE batch_id = ?", [batch_id])


def apply_answers(db: Database, batch_id: str | None, answers: Sequence[Answer]) -> AnswerSummary:
    """What the server said about each record of a batch, and the batch done — all in one
    transaction. ``batch_id`` None: answers that came another way (no batch to close)."""
    sent = conflicted = rejected = closed = 0
    conn = db.conn
    for answer in answers:
        row = conn.execute("SELECT revision FROM actions WHERE id = ?", [answer.action_id]).fetchone()
        if row is None:
            continue  # not a record of this laptop's (cannot happen with its own batches)
        if answer.outcome in (APPLIED, ALREADY):
            mark_sent(db, answer.action_id, answer.revision)
            _photos_answered(db, answer)
            sent += 1
        elif answer.outcome == CONFLICT:
            _hold(db, answer, HELD_CONFLICT)
            conn.execute(
                "INSERT INTO sync_conflicts (action_id, local_revision, server_revision, detected_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (action_id) DO UPDATE SET "
                "local_revision = excluded.local_revision, server_revision = excluded.server_revision, "
                "server_body = NULL, detected_at = excluded.detected_at",
                [
                    answer.action_id,
                    answer.revision,
                    int(answer.details.get("server_revision", 0)),
                    _iso(utc_now()),
                ],
            )
            conflicted += 1
        elif answer.outcome == REJECTED and answer.reason == "month_closed":
            _hold(db, answer, HELD_MONTH_CLOSED)
            month = str(answer.details.get("month", ""))
            if len(month) == 7:  # known closed from now on, until a pull says otherwise
                _store_closed(db, queries.closed_months(conn) | {month})
            closed += 1
        elif answer.outcome == REJECTED:
            _hold(db, answer, HELD_REJECTED)
            rejected += 1
    if batch_id is not None:
        conn.execute("DELETE FROM sync_batches WHERE batch_id = ?", [batch_id])
    return AnswerSummary(sent, conflicted, rejected, closed)


def set_closed_months(db: Database, months: Iterable[str]) -> list[str]:
    """The months signed off for this laptop's district, as the server said in a pull: records
    held for a month no longer among them are released, to go with the next push. Returns their ids."""
    months = set(months)
    _store_closed(db, months)
    rows = db.conn.execute(
        "SELECT entity_id, last_error FROM outbox WHERE kind = ? AND held = ? ORDER BY queued_at, entity_id",
        [OUTBOX_ACTION, HELD_MONTH_CLOSED],
    ).fetchall()
    released = [
        action_id
        for action_id, error in rows
        if (json.loads(error) if error else {}).get("details", {}).get("month") not in months
    ]
    db.conn.executemany(
        "UPDATE outbox SET held = NULL, last_error = NULL, attempts = 0 WHERE kind = ? AND entity_id = ?",
        [(OUTBOX_ACTION, action_id) for action_id in released],
    )
    return released


def _store_closed(db: Database, months: set[str]) -> None:
    set_meta(db, queries.META_CLOSED_MONTHS, json.dumps(sorted(months)))


def month_name_of(month: str) -> Localized:
    """A YYYY-MM month, nominative, in every language («Наурыз 2026»)."""
    return Localized({lang: month_name(int(month[:4]), int(month[5:7]), lang) for lang in LANGUAGES})


def _hold(db: Database, answer: Answer, held: str) -> None:
    """Keep the record from being sent again until a person acts; a newer revision made since
    (which may already be the fix) is sent as usual."""
    problem = json.dumps({"reason": answer.reason or held, "details": answer.details}, ensure_ascii=False)
    db.conn.execute(
        "UPDATE outbox SET held = ?, last_error = ?, attempts = attempts + 1 "
        "WHERE kind = ? AND entity_id = ? AND revision = ?",
        [held, problem, OUTBOX_ACTION, answer.action_id, answer.revision],
    )


def _photos_answered(db: Database, answer: Answer) -> None:
    """The server has the record: its photos not listed as missing, the server holds whole (they
    are never sent); those missing wait in the outbox (again, if the server lost one)."""
    body = db.conn.execute(
        "SELECT body FROM action_history WHERE action_id = ? AND revision = ? ORDER BY seq DESC LIMIT 1",
        [answer.action_id, answer.revision],
    ).fetchone()
    if body is None:
        return
    shas = {p.sha256 for p in CleanupAction.model_validate_json(body[0]).photos}
    missing = set(answer.missing_photos)
    for sha in sorted(shas - missing):
        mark_photo_uploaded(db, sha)
    for sha in sorted(shas & missing):
        db.conn.execute("UPDATE photos SET uploaded_at = NULL WHERE sha256 = ?", [sha])
        db.conn.execute(
            "INSERT INTO outbox (kind, entity_id, revision, queued_at) SELECT ?, sha256, 0, ? "
            "FROM photos WHERE sha256 = ? ON CONFLICT (kind, entity_id) DO NOTHING",
            [OUTBOX_PHOTO, _iso(utc_now()), sha],
        )


def photo_attempted(conn: sqlite3.Connection, sha256: str) -> bool:
    """Whether sending this photo has begun before (the server may hold part of it)."""
    row = conn.execute(
        "SELECT attempts FROM outbox WHERE kind = ? AND entity_id = ?", [OUTBOX_PHOTO, sha256]
    ).fetchone()
    return bool(row and row[0])


def note_photo_attempt(db: Database, sha256: str) -> None:
    db.conn.execute(
        "UPDATE outbox SET attempts = attempts + 1 WHERE kind = ? AND entity_id = ?", [OUTBOX_PHOTO, sha256]
    )


def hold_photo(db: Database, sha256: str, reason: str, details: dict[str, Any] | None = None) -> None:
    """The server refused this photo for good (it is not what its name says): keep it back."""
    problem = json.dumps({"reason": reason, "details": details or {}}, ensure_ascii=False)
    db.conn.execute(
        "UPDATE outbox SET held = ?, last_error = ?, attempts = attempts + 1 "
        "WHERE kind = ? AND entity_id = ?",
        [HELD_REJECTED, problem, OUTBOX_PHOTO, sha256],
    )


# -- writing: what the server sends down ---------------------------------------------------------------


def apply_pull(
    db: Database,
    decisions: Sequence[Decision],
    cursor: str,
    reference_json: str | None = None,
) -> int:
    """Coordinators' decisions and newer reference data, with the cursor that covers them, in one
    transaction: a pull cut half way is pulled again from the same cursor. Returns how many
    decisions changed a record here."""
    changed = 0
    for decision in decisions:
        if db.conn.execute("SELECT 1 FROM actions WHERE id = ?", [decision.action_id]).fetchone() is None:
            continue  # a record this laptop no longer has (another laptop of the okrug made it)
        before = queries.current(db.conn, decision.action_id)
        after = apply_review(db, decision.action_id, decision.revision, decision.decision, decision.comment)
        changed += int(before != after)
    if reference_json is not None:
        set_meta(db, "reference", reference_json)
    set_meta(db, "sync.cursor", cursor)
    return changed


# -- writing: conflicts --------------------------------------------------------------------------------


def record_server_copy(db: Database, action_id: str, server: CleanupAction) -> None:
    """The server's version of a record in conflict, to show beside the laptop's."""
    db.conn.execute(
        "UPDATE sync_conflicts SET server_body = ?, server_revision = ? WHERE action_id = ?",
        [server.model_dump_json(), server.revision, action_id],
    )


def keep_mine(db: Database, action_id: str, content: CleanupAction) -> CleanupAction:
    """Settle a conflict with ``content`` (the laptop's version, or a merge of both): a new
    revision made over the server's, ready to send. The server then takes it without a conflict."""
    row = db.conn.execute(
        "SELECT server_revision, server_body FROM sync_conflicts WHERE action_id = ?", [action_id]
    ).fetchone()
    if row is None:
        raise StoreError(msg("sync.no_conflict"))
    server_revision, server_body = row
    current = _current_or_fail(db, action_id)
    if server_body:
        server = CleanupAction.model_validate_json(server_body)
        _write_history(db, server, action_id, _iso(utc_now()), event="conflict_server", origin="server")
    data = content.model_dump()
    data.update(
        revision=max(current.revision, server_revision) + 1,
        status=Status.READY,
        review_comment="",
        updated_at=max(utc_now(), current.updated_at),
    )
    settled = CleanupAction.model_validate(data)
    _clear_conflict(db, action_id)
    # The laptop now knows the server's revision: the new one is made over it.
    db.conn.execute("UPDATE actions SET synced_revision = ? WHERE id = ?", [server_revision, action_id])
    return save_settled(db, settled)


def take_theirs(db: Database, action_id: str) -> CleanupAction:
    """Settle a conflict by taking the server's version: the laptop's becomes history."""
    row = db.conn.execute(
        "SELECT server_body FROM sync_conflicts WHERE action_id = ?", [action_id]
    ).fetchone()
    if row is None:
        raise StoreError(msg("sync.no_conflict"))
    if not row[0]:
        raise StoreError(msg("sync.conflict_not_fetched"))
    server = CleanupAction.model_validate_json(row[0])
    _clear_conflict(db, action_id)
    return replace_with_server_version(db, server)


def _clear_conflict(db: Database, action_id: str) -> None:
    db.conn.execute("DELETE FROM sync_conflicts WHERE action_id = ?", [action_id])
    db.conn.execute(
        "UPDATE outbox SET held = NULL, last_error = NULL WHERE kind = ? AND entity_id = ?",
        [OUTBOX_ACTION, action_id],
    )
