"""A coordinator's copy of the district, and the reports both sides file about a month.

The copy lives in a store of its own (the same tables as a village laptop's): the district's records
as the server holds them, filled and refreshed by pull, so that review, the dashboard, the
completeness matrix and the exports all work offline. Decisions made here wait in ``review_queue``
until the server has them; the record shows the decision at once.

Reads take a connection; writes are jobs for the store's writer thread (each one transaction).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from fieldapp import queries
from fieldapp.i18n import LANGUAGES, Localized, month_in_text, month_name, msg
from fieldapp.ids import uuid7
from fieldapp.kato import Kato
from fieldapp.models import CleanupAction, Status, utc_now
from fieldapp.queries import Period
from fieldapp.writes import StoreError, _current_or_fail, _iso, _server_change, import_from_server

QUEUED, REFUSED, SUPERSEDED = "queued", "refused", "superseded"
# Set (to the time, ISO) while decisions are on their way to the server: none is taken back then.
# One left by a run that was killed counts for SENDING_EXPIRES only (the next run sends them anyway).
META_SENDING_DECISIONS = "district.sending_decisions"
# The district's signed-off months (JSON list of YYYY-MM) as the last pull said: their decisions stand.
META_CLOSED_MONTHS = "district.closed_months"
SENDING_EXPIRES = timedelta(minutes=15)
DECISIONS = (Status.ACCEPTED, Status.RETURNED)


@dataclass(frozen=True)
class NilReportData:
    """A village's statement that nothing was done in a month (``month``: YYYY-MM)."""

    id: str
    okrug: str
    month: str
    note: str
    filed_at: str  # ISO 8601, UTC
    withdrawn: bool = False


@dataclass(frozen=True)
class Decision:
    action_id: str
    revision: int
    decision: Status  # accepted | returned
    comment: str = ""


@dataclass(frozen=True)
class QueuedDecision:
    action_id: str
    revision: int
    decision: Status
    comment: str
    decided_at: str
    state: str  # queued | refused | superseded
    problem: str | None


@dataclass(frozen=True)
class ReviewOutcome:
    """What the server said about one queued decision."""

    action_id: str
    outcome: str  # applied | already | conflict | rejected
    reason: str | None = None


# -- filling the copy -------------------------------------------------------------------------------


def import_pulled(
    db: Database, records: Sequence[CleanupAction], nil_reports: Sequence[NilReportData] = ()
) -> tuple[int, int]:
    """Records and nil reports as the server holds them; (new, changed) records. A decision made
    here and not sent yet stays shown on its record."""
    shas = sorted({p.sha256 for a in records for p in a.photos})
    now = _iso(utc_now())
    # The photos are the server's: known here by name (thumbnails and copies come when asked for).
    db.conn.executemany(
        "INSERT INTO photos (sha256, width, height, upload_size, original_name, original_size, "
        "original_format, added_at, uploaded_at) VALUES (?, 0, 0, 0, '', 0, 'jpeg', ?, ?) "
        "ON CONFLICT (sha256) DO NOTHING",
        [(sha, now, now) for sha in shas],
    )
    counts = import_from_server(db, records)
    pulled = {str(a.id) for a in records}
    for queued in _queued(db.conn):
        if queued.action_id in pulled and queued.state == QUEUED:
            _show_decision(db, queued.action_id, queued.revision, queued.decision, queued.comment)
    db.conn.executemany(
        "INSERT INTO nil_reports (id, okrug, month, note, filed_at, withdrawn, sent) "
        "VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT (id) DO UPDATE SET withdrawn = excluded.withdrawn, "
        "note = excluded.note",
        [(n.id, n.okrug, n.month, n.note, n.filed_at, int(n.withdrawn)) for n in nil_reports],
    )
    return counts


# -- review ----------------------------------------------------------------------------------------


def queue_decisions(db: Database, decisions: Sequence[Decision]) -> list[CleanupAction]:
    """Accept or return records here and now; the decisions wait to be sent. A return says why."""
    done = []
    for decision in decisions:
        if decision.decision not in DECISIONS:
            raise ValueError(f"not a review decision: {decision.decision}")
        comment = decision.comment.strip()
        if decision.decision is Status.RETURNED and not comment:
            raise StoreError(msg("district.return_needs_comment"))
        current = _current_or_fail(db, decision.action_id)
        if current.revision != decision.revision or current.deleted:
            raise StoreError(msg("district.record_changed"))
        month = current.action_date.isoformat()[:7]
        if month in closed_months(db.conn):
            raise StoreError(msg("district.month_closed", month=month_name_of(month)))
        db.conn.execute(
            "INSERT INTO review_queue (action_id, revision, decision, comment, decided_at, state, problem) "
            "VALUES (?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (action_id) DO UPDATE SET "
            "revision = excluded.revision, decision = excluded.decision, comment = excluded.comment, "
            "decided_at = excluded.decided_at, state = excluded.state, problem = NULL",
            [
                decision.action_id,
                decision.revision,
                decision.decision.value,
                comment,
                _iso(utc_now()),
                QUEUED,
            ],
        )
        done.append(_show_decision(db, decision.action_id, decision.revision, decision.decision, comment))
    return done


def closed_months(conn: sqlite3.Connection) -> set[str]:
    """The months the district has signed off, as the last refresh learned (none before it)."""
    text = queries.meta_value(conn, META_CLOSED_MONTHS)
    return set(json.loads(text)) if text else set()


def month_name_of(month: str) -> Localized:
    return Localized({lang: month_name(int(month[:4]), int(month[5:7]), lang) for lang in LANGUAGES})


def undo_decisions(db: Database, action_ids: Sequence[str]) -> list[CleanupAction]:
    """Take back decisions made together: all of them, or (one already sent) none."""
    return [undo_decision(db, action_id) for action_id in action_ids]


def undo_decision(db: Database, action_id: str) -> CleanupAction:
    """Take back a decision made here that has not been sent: it leaves the queue and the record
    shows again what the server holds (its history keeps both steps). Once sent it cannot."""
    row = db.conn.execute(
        "SELECT revision, state FROM review_queue WHERE action_id = ?", [action_id]
    ).fetchone()
    if row is None or row[1] != QUEUED or _sending(db.conn):
        raise StoreError(msg("district.undo_sent"))
    db.conn.execute("DELETE FROM review_queue WHERE action_id = ?", [action_id])
    current = _current_or_fail(db, action_id)
    server = db.conn.execute(
        "SELECT body FROM action_history WHERE action_id = ? AND revision = ? AND event != 'review_here' "
        "ORDER BY seq DESC LIMIT 1",
        [action_id, row[0]],
    ).fetchone()
    if server is None or current.revision != row[0]:
        return current  # a newer revision came meanwhile: it shows as the server has it already
    held = CleanupAction.model_validate_json(server[0])
    restored = current.with_server_state(status=held.status, review_comment=held.review_comment)
    if restored == current:
        return current
    return _server_change(db, current, restored, "review_undone")


def _sending(conn: sqlite3.Connection) -> bool:
    value = queries.meta_value(conn, META_SENDING_DECISIONS)
    if value is None:
        return False
    try:
        since = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return utc_now() - since < SENDING_EXPIRES


def _show_decision(
    db: Database, action_id: str, revision: int, decision: Status, comment: str
) -> CleanupAction:
    current = _current_or_fail(db, action_id)
    if current.revision != revision:
        return current
    decided = current.with_server_state(status=decision, review_comment=comment)
    if decided == current:
        return current
    return _server_change(db, current, decided, "review_here")


def _queued(conn: sqlite3.Connection) -> list[QueuedDecision]:
    rows = conn.execute(
        "SELECT action_id, revision, decision, comment, decided_at, state, problem FROM review_queue "
        "ORDER BY decided_at, action_id"
    )
    return [QueuedDecision(a, r, Status(d), c, at, state, p) for a, r, d, c, at, state, p in rows]


def queued_decisions(conn: sqlite3.Connection, state: str | None = QUEUED) -> list[QueuedDecision]:
    return [q for q in _queued(conn) if state is None or q.state == state]


def apply_review_outcomes(db: Database, outcomes: Iterable[ReviewOutcome]) -> None:
    """The server's answer about sent decisions: taken ones leave the queue; one about a revision
    the village has since replaced is superseded (the new revision waits for review); a refused
    one stays with the reason."""
    for outcome in outcomes:
        if outcome.outcome in ("applied", "already"):
            db.conn.execute("DELETE FROM review_queue WHERE action_id = ?", [outcome.action_id])
        else:
            state = SUPERSEDED if outcome.outcome == "conflict" else REFUSED
            db.conn.execute(
                "UPDATE review_queue SET state = ?, problem = ? WHERE action_id = ?",
                [state, outcome.reason or outcome.outcome, outcome.action_id],
            )


# -- nil reports -----------------------------------------------------------------------------------


def file_nil_report(db: Database, okrug: str, month: str, note: str = "") -> NilReportData:
    """A village says nothing was done in ``month`` (it goes with the next sync)."""
    if db.conn.execute(
        "SELECT 1 FROM actions WHERE okrug = ? AND substr(action_date, 1, 7) = ? AND deleted = 0 LIMIT 1",
        [okrug, month],
    ).fetchone():
        raise StoreError(msg("district.nil_but_records", month=month_in_text(month)))
    existing = db.conn.execute(
        "SELECT id FROM nil_reports WHERE okrug = ? AND month = ? AND withdrawn = 0", [okrug, month]
    ).fetchone()
    if existing:
        raise StoreError(msg("district.nil_already", month=month_in_text(month)))
    report = NilReportData(str(uuid7()), okrug, month, note.strip(), _iso(utc_now()))
    db.conn.execute(
        "INSERT INTO nil_reports (id, okrug, month, note, filed_at, withdrawn, sent) "
        "VALUES (?, ?, ?, ?, ?, 0, 0)",
        [report.id, report.okrug, report.month, report.note, report.filed_at],
    )
    return report


def unsent_nil_reports(conn: sqlite3.Connection) -> list[NilReportData]:
    rows = conn.execute(
        "SELECT id, okrug, month, note, filed_at, withdrawn FROM nil_reports WHERE sent = 0 ORDER BY filed_at"
    )
    return [NilReportData(i, o, m, n, f, bool(w)) for i, o, m, n, f, w in rows]


def nil_reports(conn: sqlite3.Connection, okrug: str | None = None) -> list[NilReportData]:
    query = "SELECT id, okrug, month, note, filed_at, withdrawn FROM nil_reports"
    params: list[Any] = []
    if okrug:
        query += " WHERE okrug = ?"
        params.append(okrug)
    rows = conn.execute(query + " ORDER BY month DESC", params)
    return [NilReportData(i, o, m, n, f, bool(w)) for i, o, m, n, f, w in rows]


def mark_nil_sent(db: Database, ids: Iterable[str]) -> None:
    db.conn.executemany("UPDATE nil_reports SET sent = 1 WHERE id = ?", [(i,) for i in ids])


# -- consolidation ---------------------------------------------------------------------------------


@dataclass
class GroupTotals:
    """Sums for one group (keys as in ``group``: okrug, campaign, month...)."""

    group: dict[str, str]
    actions: int = 0
    participants: int = 0
    area_m2: int = 0
    trees: int = 0
    kg_by_fraction: dict[str, int] = field(default_factory=dict)

    @property
    def total_kg(self) -> int:
        return sum(self.kg_by_fraction.values())


def district_totals(
    conn: sqlite3.Connection,
    period: Period,
    kato: Kato,
    group_by: Sequence[str],
    statuses: Iterable[Status] | None = None,
) -> list[GroupTotals]:
    """Sums of the live records of the period by okrug, settlement, campaign and/or month (whole
    months are read from the monthly sums: a few thousand rows for 50,000 records)."""
    return district_breakdowns(conn, period, kato, [group_by], statuses)[0]


def district_breakdowns(
    conn: sqlite3.Connection,
    period: Period,
    kato: Kato,
    groupings: Sequence[Sequence[str]],
    statuses: Iterable[Status] | None = None,
) -> list[list[GroupTotals]]:
    """Several groupings of the same sums from one read (the dashboard wants three)."""
    rows = queries.totals(conn, period, ("settlement", "campaign", "month"), statuses)
    okrug_of: dict[str, str] = {}
    found: list[dict[tuple[str, ...], GroupTotals]] = [{} for _ in groupings]
    for row in rows:
        settlement = row.group["settlement"]
        if settlement not in okrug_of:
            okrug = kato.okrug_of(settlement)
            okrug_of[settlement] = okrug.code if okrug else settlement
        values = {"okrug": okrug_of[settlement], **row.group}
        for group_by, sums_of in zip(groupings, found, strict=True):
            key = tuple(values[name] for name in group_by)
            sums = sums_of.get(key)
            if sums is None:
                sums = sums_of[key] = GroupTotals({name: values[name] for name in group_by})
            sums.actions += row.actions
            sums.participants += row.participants
            sums.area_m2 += row.area_m2
            sums.trees += row.trees
            for fraction, kg in row.kg_by_fraction.items():
                sums.kg_by_fraction[fraction] = sums.kg_by_fraction.get(fraction, 0) + kg
    return [[sums_of[key] for key in sorted(sums_of)] for sums_of in found]


def reported_months(conn: sqlite3.Connection, first: str, last: str) -> set[tuple[str, str]]:
    """(okrug, month) pairs with at least one live record, months ``first``..``last`` (YYYY-MM)."""
    rows = conn.execute(
        "SELECT DISTINCT okrug, substr(action_date, 1, 7) FROM actions WHERE deleted = 0 "
        "AND action_date >= ? AND action_date < ?",
        [f"{first}-01", _month_after(last)],
    )
    return {(okrug, month) for okrug, month in rows}


def nothing_months(conn: sqlite3.Connection, first: str, last: str) -> set[tuple[str, str]]:
    rows = conn.execute(
        "SELECT DISTINCT okrug, month FROM nil_reports WHERE withdrawn = 0 AND month >= ? AND month <= ?",
        [first, last],
    )
    return {(okrug, month) for okrug, month in rows}


def first_months(conn: sqlite3.Connection) -> dict[str, str]:
    """Each okrug's first month (YYYY-MM) with a live record or a nil report: the month it began
    reporting. Before it, a month without a word from the okrug is not "missing"."""
    rows = conn.execute(
        "SELECT okrug, min(month) FROM ("
        "SELECT okrug, min(substr(action_date, 1, 7)) AS month FROM actions WHERE deleted = 0 GROUP BY okrug "
        "UNION ALL SELECT okrug, min(month) FROM nil_reports WHERE withdrawn = 0 GROUP BY okrug"
        ") GROUP BY okrug"
    )
    return {okrug: month for okrug, month in rows if month}


def _month_after(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return date(year + number // 12, number % 12 + 1, 1).isoformat()


@dataclass(frozen=True)
class RecordRow:
    """One live record as an export lists it."""

    id: str
    action_date: str
    okrug: str
    settlement: str
    campaign: str
    participants: int
    area_m2: int
    trees: int
    status: str
    review_comment: str
    place: str
    reporter: str
    photos: int
    kg_by_fraction: dict[str, int]
    notes: str = ""
    lat: float | None = None
    lon: float | None = None

    @property
    def total_kg(self) -> int:
        return sum(self.kg_by_fraction.values())


def record_rows(conn: sqlite3.Connection, period: Period, okrug: str | None = None) -> list[RecordRow]:
    """The live records of the period, oldest first, with their waste by fraction (two queries)."""
    where = "a.deleted = 0 AND a.action_date >= ? AND a.action_date < ?"
    params: list[Any] = [period.start.isoformat(), period.end.isoformat()]
    if okrug:
        where += " AND a.okrug = ?"
        params.append(okrug)
    waste: dict[str, dict[str, int]] = defaultdict(dict)
    for action_id, fraction, kg in conn.execute(
        f"SELECT w.action_id, w.fraction, w.kg FROM action_waste w JOIN actions a ON a.id = w.action_id "
        f"WHERE {where}",
        params,
    ):
        waste[action_id][fraction] = kg
    rows = conn.execute(
        "SELECT a.id, a.action_date, a.okrug, a.settlement, a.campaign, a.participants, a.area_m2, "
        "a.trees, a.status, a.review_comment, a.place, a.reporter, "
        "(SELECT count(*) FROM action_photos p WHERE p.action_id = a.id), a.notes, a.lat, a.lon "
        f"FROM actions a WHERE {where} ORDER BY a.action_date, a.okrug, a.settlement, a.id",
        params,
    )
    first = [f.name for f in fields(RecordRow)][:13]  # id … photos, in the SELECT's order
    return [
        RecordRow(
            **dict(zip(first, row, strict=False)),
            kg_by_fraction=waste.get(row[0], {}),
            notes=row[13],
            lat=row[14],
            lon=row[15],
        )
        for row in rows
    ]
