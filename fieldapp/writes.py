"""Write jobs of the local store. Each runs on the writer thread, inside its transaction
(:mod:`fieldapp.writer`), and writes a change whole: the record as it stands, its history entry,
its outbox entry and its part of the monthly totals."""

from __future__ import annotations

import contextlib
import gzip
import json
import sqlite3
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from fieldapp import queries, schema
from fieldapp.i18n import FieldAppError, msg
from fieldapp.models import CleanupAction, Status, utc_now
from fieldapp.photos import ProcessedPhoto

OUTBOX_ACTION = "action"
OUTBOX_PHOTO = "photo"


class StoreError(FieldAppError):
    pass


class StaleRevision(StoreError):
    """The record changed since the caller read it."""


class NotFound(StoreError):
    pass


def save_with_photos(db: Database, action: CleanupAction, photos: list[ProcessedPhoto]) -> CleanupAction:
    """A record and the photos it brings, registered together: all or nothing."""
    for photo in photos:
        add_photo(db, photo)
    return _save(db, action, origin="local")


def save_local_batch(db: Database, actions: list[CleanupAction]) -> list[CleanupAction]:
    return save_many(db, actions, origin="local")


def _check_revision(action: CleanupAction, current: int, origin: str) -> None:
    if action.revision != current + 1:
        raise StaleRevision(msg("store.stale_revision", current=current, revision=action.revision - 1))
    if origin == "local" and not action.status.set_by_person:
        raise StoreError(msg("store.status_not_allowed", status=msg(f"status.{action.status}")))


def _save(
    db: Database,
    action: CleanupAction,
    *,
    origin: str,
    event: str | None = None,
    check_revision: bool = True,
) -> CleanupAction:
    action_id = str(action.id)
    row = db.conn.execute(
        "SELECT revision, synced_revision FROM actions WHERE id = ?", [action_id]
    ).fetchone()
    if row is None:
        return _insert_new(db, [action], origin=origin)[0]
    if check_revision:
        _check_revision(action, row[0], origin)
    before = _Contribution.stored(db, action_id)
    now = _iso(utc_now())
    db.conn.execute(_UPSERT_ACTION, _action_row(action, action_id, synced_revision=row[1]))
    db.conn.execute("DELETE FROM action_waste WHERE action_id = ?", [action_id])
    db.conn.execute("DELETE FROM action_photos WHERE action_id = ?", [action_id])
    _insert_children(db, [action], [action_id])
    event = event or ("delete" if action.deleted else "edit")
    _write_history(db, action, action_id, now, event=event, origin=origin)
    _enqueue(db, [action], [action_id], now)
    if origin == "local":
        _withdraw_nil_reports(db, [action])
    after = _Contribution.of(action)
    if before != after:
        delta = _TotalsDelta()
        delta.add(before, -1)
        delta.add(after, +1)
        delta.apply(db)
    return action


def save_many(db: Database, actions: list[CleanupAction], *, origin: str) -> list[CleanupAction]:
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


def _withdraw_nil_reports(db: Database, actions: Sequence[CleanupAction]) -> None:
    """A record saved for a month the village had reported as one with nothing done: that report
    is withdrawn (and goes to the server again, so its matrix shows the month as reported)."""
    if not db.conn.execute("SELECT 1 FROM nil_reports WHERE withdrawn = 0 LIMIT 1").fetchone():
        return
    months = {(a.okrug, a.action_date.isoformat()[:7]) for a in actions if not a.deleted}
    db.conn.executemany(
        "UPDATE nil_reports SET withdrawn = 1, sent = 0 WHERE okrug = ? AND month = ? AND withdrawn = 0",
        sorted(months),
    )


def _insert_new(
    db: Database, actions: list[CleanupAction], *, origin: str, from_server: bool = False
) -> list[CleanupAction]:
    """New records in one pass per table. ``from_server``: copies of the server's (a coordinator's
    district): any revision, already acknowledged."""
    if not actions:
        return actions
    if not from_server:
        for action in actions:
            _check_revision(action, 0, origin)
    ids = [str(a.id) for a in actions]
    now = _iso(utc_now())
    conn = db.conn
    conn.executemany(
        _INSERT_ACTION,
        [
            _action_row(a, i, synced_revision=a.revision if from_server else 0)
            for a, i in zip(actions, ids, strict=True)
        ],
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
    if origin == "local":
        _withdraw_nil_reports(db, actions)
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
        month, settlement, campaign, status, participants, area_m2, trees, _ = row
        return cls(
            (month, settlement, campaign, status),
            (participants, area_m2, trees),
            tuple((fraction, kg) for fraction, kg in waste),
        )


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


def delete(db: Database, action_id: str, expected_revision: int, now: datetime | None) -> CleanupAction:
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


def undo_delete(db: Database, action_id: str, revision: int) -> CleanupAction:
    """Take back a deletion the server has not heard of: the record is again exactly as it was
    before (the same revision, status and photos), its outbox entry as that revision had it, its
    totals counted again; the history keeps the deletion and says it was undone. Once the
    tombstone has been sent (or is on its way in a batch) it cannot be taken back here."""
    current = queries.current(db.conn, action_id)
    if current is None:
        raise NotFound(msg("store.not_found", id=action_id))
    if not current.deleted or current.revision != revision:
        raise StaleRevision(msg("store.undo_changed"))
    synced = db.conn.execute("SELECT synced_revision FROM actions WHERE id = ?", [action_id]).fetchone()[0]
    if synced >= revision or _in_pending_batch(db, action_id):
        raise StoreError(msg("store.undo_sent"))
    if _in_written_file(db, action_id, revision):
        raise StoreError(msg("store.undo_in_file"))
    deleted_at = db.conn.execute(
        "SELECT max(seq) FROM action_history WHERE action_id = ? AND revision = ? AND event = 'delete'",
        [action_id, revision],
    ).fetchone()[0]
    row = db.conn.execute(
        "SELECT body FROM action_history WHERE action_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1",
        [action_id, deleted_at or 0],
    ).fetchone()
    if row is None:
        raise StaleRevision(msg("store.undo_changed"))
    restored = CleanupAction.model_validate_json(row[0])
    before = _Contribution.stored(db, action_id)
    now = _iso(utc_now())
    db.conn.execute(_UPSERT_ACTION, _action_row(restored, action_id, synced_revision=synced))
    db.conn.execute("DELETE FROM action_waste WHERE action_id = ?", [action_id])
    db.conn.execute("DELETE FROM action_photos WHERE action_id = ?", [action_id])
    _insert_children(db, [restored], [action_id])
    _write_history(db, restored, action_id, now, event="undelete", origin="local")
    db.conn.execute("DELETE FROM outbox WHERE kind = ? AND entity_id = ?", [OUTBOX_ACTION, action_id])
    if restored.status is Status.READY and restored.revision > synced:
        _enqueue(db, [restored], [action_id], now)  # it waits to be sent, as before the deletion
    _withdraw_nil_reports(db, [restored])
    delta = _TotalsDelta()
    delta.add(before, -1)
    delta.add(_Contribution.of(restored), +1)
    delta.apply(db)
    return restored


META_DELETIONS_IN_FILES = "bundle.deletions_written"  # {action id: tombstone revision} put in a USB file


def note_deletions_written(db: Database, tombstones: Mapping[str, int]) -> None:
    """A file for the district (a USB bundle) now carries these tombstones: whoever imports it
    deletes the records there, so they can no longer be taken back on this laptop."""
    if not tombstones:
        return
    written: dict[str, int] = json.loads(queries.meta_value(db.conn, META_DELETIONS_IN_FILES) or "{}")
    for action_id, revision in tombstones.items():
        written[action_id] = max(revision, written.get(action_id, 0))
    set_meta(db, META_DELETIONS_IN_FILES, json.dumps(written, sort_keys=True))


def _in_written_file(db: Database, action_id: str, revision: int) -> bool:
    written = json.loads(queries.meta_value(db.conn, META_DELETIONS_IN_FILES) or "{}")
    return bool(written.get(action_id, 0) >= revision)


def set_meta(db: Database, key: str, value: str) -> None:
    db.conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def delete_meta(db: Database, key: str) -> None:
    db.conn.execute("DELETE FROM meta WHERE key = ?", [key])


def _in_pending_batch(db: Database, action_id: str) -> bool:
    """Whether the batch on its way (kept until answered) carries this record."""
    for (body,) in db.conn.execute("SELECT body FROM sync_batches"):
        data = bytes(body)
        with contextlib.suppress(OSError, EOFError):  # a body that is not gzip is searched as it is
            data = gzip.decompress(data)
        if action_id.encode() in data:
            return True
    return False


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
    "total_kg",
    "photo_count",
)
_INSERT_ACTION = (
    f"INSERT INTO actions ({', '.join(_ACTION_COLUMNS)}) VALUES ({', '.join('?' for _ in _ACTION_COLUMNS)})"
)
_UPSERT_ACTION = f"{_INSERT_ACTION} ON CONFLICT (id) DO UPDATE SET " + ", ".join(
    f"{c} = excluded.{c}" for c in _ACTION_COLUMNS if c != "id"
)


def import_from_server(db: Database, actions: Sequence[CleanupAction]) -> tuple[int, int]:
    """The server's records as they stand (a coordinator's copy of the district): new ones in one
    pass, changed ones one by one, each as the revision the server holds. Returns (new, changed)."""
    existing: dict[str, int] = {}
    ids = [str(a.id) for a in actions]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        existing.update(
            db.conn.execute(
                f"SELECT id, revision FROM actions WHERE id IN ({', '.join('?' * len(chunk))})", chunk
            ).fetchall()
        )
    fresh = [a for a in actions if str(a.id) not in existing]
    _insert_new(db, fresh, origin="server", from_server=True)
    changed = 0
    for action in actions:
        action_id = str(action.id)
        if action_id not in existing:
            continue
        current = queries.current(db.conn, action_id)
        if current == action:
            continue
        _save(db, action, origin="server", event="pulled", check_revision=False)
        db.conn.execute("UPDATE actions SET synced_revision = ? WHERE id = ?", [action.revision, action_id])
        changed += 1
    return len(fresh), changed


def save_settled(db: Database, action: CleanupAction) -> CleanupAction:
    """A conflict settled on the laptop: the chosen version as a revision above both sides'
    (its number need not follow the laptop's last one)."""
    return _save(db, action, origin="local", event="conflict_mine", check_revision=False)


def replace_with_server_version(db: Database, server: CleanupAction) -> CleanupAction:
    """A conflict settled by taking the server's version: the record becomes that revision (its
    number may be below the laptop's own), acknowledged, with nothing left to send."""
    saved = _save(db, server, origin="server", event="conflict_theirs", check_revision=False)
    db.conn.execute("UPDATE actions SET synced_revision = ? WHERE id = ?", [server.revision, str(server.id)])
    db.conn.execute("DELETE FROM outbox WHERE kind = ? AND entity_id = ?", [OUTBOX_ACTION, str(server.id)])
    return saved


# -- what the server says -------------------------------------------------------------------------


def mark_sent(db: Database, action_id: str, revision: int) -> CleanupAction:
    """The server holds ``revision``: it leaves the outbox, and the record shows as sent if that
    is still its newest revision (a newer local edit stays ready to send)."""
    current = _current_or_fail(db, action_id)
    db.conn.execute(
        "UPDATE actions SET synced_revision = max(synced_revision, ?) WHERE id = ?", [revision, action_id]
    )
    db.conn.execute(
        "DELETE FROM outbox WHERE kind = ? AND entity_id = ? AND revision <= ?",
        [OUTBOX_ACTION, action_id, revision],
    )
    if current.revision == revision and current.status is Status.READY:
        return _server_change(db, current, current.with_server_state(status=Status.SENT), "sent")
    return current


def apply_review(
    db: Database, action_id: str, revision: int, decision: Status, comment: str
) -> CleanupAction:
    """The coordinator accepted or returned ``revision``. A decision about a revision the village
    has since changed is kept in the history but does not change the record."""
    if decision not in (Status.ACCEPTED, Status.RETURNED):
        raise ValueError(f"not a review decision: {decision}")
    current = _current_or_fail(db, action_id)
    if current.revision != revision or current.deleted:
        _write_history(db, current, action_id, _iso(utc_now()), event="review_superseded", origin="server")
        return current
    decided = current.with_server_state(status=decision, review_comment=comment)
    return _server_change(db, current, decided, "review")


def mark_photo_uploaded(db: Database, sha256: str) -> None:
    """The server holds this photo, byte for byte: it is never sent again."""
    db.conn.execute(
        "UPDATE photos SET uploaded_at = coalesce(uploaded_at, ?) WHERE sha256 = ?", [_iso(utc_now()), sha256]
    )
    db.conn.execute("DELETE FROM outbox WHERE kind = ? AND entity_id = ?", [OUTBOX_PHOTO, sha256])


def _current_or_fail(db: Database, action_id: str) -> CleanupAction:
    current = queries.current(db.conn, action_id)
    if current is None:
        raise NotFound(msg("store.not_found", id=action_id))
    return current


def _server_change(db: Database, before: CleanupAction, after: CleanupAction, event: str) -> CleanupAction:
    """Same revision, server-owned fields changed: the row, a history entry, the totals."""
    action_id = str(after.id)
    synced = db.conn.execute("SELECT synced_revision FROM actions WHERE id = ?", [action_id]).fetchone()[0]
    db.conn.execute(_UPSERT_ACTION, _action_row(after, action_id, synced_revision=synced))
    _write_history(db, after, action_id, _iso(utc_now()), event=event, origin="server")
    delta = _TotalsDelta()
    delta.add(_Contribution.of(before), -1)
    delta.add(_Contribution.of(after), +1)
    delta.apply(db)
    return after


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
        sum(w.kg for w in a.waste),
        len(a.photos),
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


def _closed_hold(
    db: Database, a: CleanupAction, action_id: str, closed: set[str]
) -> tuple[str | None, str | None]:
    """(held, last_error) for a record's new revision as far as signed-off months go."""
    row = db.conn.execute(
        "SELECT last_error FROM outbox WHERE kind = ? AND entity_id = ? AND held = 'month_closed'",
        [OUTBOX_ACTION, action_id],
    ).fetchone()
    before = json.loads(row[0]).get("details", {}) if row and row[0] else {}
    month = a.action_date.isoformat()[:7]
    if before.get("month") in closed:
        details = before
    elif month in closed:
        details = {"month": month, "closed_by": "district"}  # the first level to sign; the server tells
    else:
        return None, None
    return "month_closed", json.dumps({"reason": "month_closed", "details": details}, ensure_ascii=False)


def _enqueue(db: Database, actions: list[CleanupAction], ids: list[str], now: str) -> None:
    """Ready records wait in the outbox (one entry per record, the newest revision), with their
    photos that the server does not have yet; a record put back to draft leaves it."""
    ready = [(a, i) for a, i in zip(actions, ids, strict=True) if a.status is Status.READY]
    # A new revision goes again even if the server refused the last one (it may be the fix); one
    # in conflict stays held until a person has chosen which version to keep.
    # One of a month known to be signed off (or held for one still closed: it may move a record
    # out of it) waits for the month to reopen instead of being sent into it again and again.
    closed = queries.closed_months(db.conn)
    db.conn.executemany(
        "INSERT INTO outbox (kind, entity_id, revision, queued_at, held, last_error) "
        "VALUES (?, ?, ?, ?, coalesce((SELECT 'conflict' FROM sync_conflicts WHERE action_id = ?), ?), ?) "
        "ON CONFLICT (kind, entity_id) DO UPDATE SET revision = excluded.revision, "
        "queued_at = excluded.queued_at, attempts = 0, held = excluded.held, "
        "last_error = CASE WHEN excluded.held IS NULL THEN NULL "
        "WHEN excluded.held = 'month_closed' THEN excluded.last_error ELSE last_error END",
        [(OUTBOX_ACTION, i, a.revision, now, i, *_closed_hold(db, a, i, closed)) for a, i in ready],
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
    # A record for a month the village had reported as empty: that report is withdrawn (and sent).
    db.conn.executemany(
        "UPDATE nil_reports SET withdrawn = 1, sent = 0 WHERE okrug = ? AND month = ? AND withdrawn = 0",
        sorted({(a.okrug, a.action_date.isoformat()[:7]) for a, _ in ready if not a.deleted}),
    )


def add_photo(db: Database, p: ProcessedPhoto) -> None:
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
