"""Likely duplicates: live records of one settlement, day, campaign and place — perhaps one action
entered twice. Four places cleaned on one day are four actions, not duplicates: the place counts,
compared as people type it (case, spaces, punctuation and Kazakh letters typed as Russian ones do
not make two places; see :func:`place_key`).

A coordinator who finds that a group is different actions after all says "Not duplicates": the
dismissal waits here (``queued``) until the server has it, and every pull brings the district's
dismissals back (``sent``), with who said it and when. A group is hidden while one dismissal covers
all of its records; a record that joins it later shows the group again.

Reads take a connection; writes are jobs for the store's writer thread (each one transaction).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from fieldapp import queries
from fieldapp.ids import uuid7
from fieldapp.models import utc_now
from fieldapp.queries import ActionSummary
from fieldapp.textfold import fold
from fieldapp.writes import _iso

QUEUED, SENT, REFUSED = "queued", "sent", "refused"
_NOT_A_WORD = re.compile(r"[\W_]+")


def place_key(place: str) -> str:
    """The place as compared: folded, without punctuation, one space between words."""
    return " ".join(_NOT_A_WORD.sub(" ", fold(place)).split())


@dataclass(frozen=True)
class Dismissal:
    id: str
    record_ids: tuple[str, ...]  # sorted
    dismissed_by: str
    dismissed_at: str  # ISO 8601, UTC
    state: str  # queued | sent | refused
    problem: str | None = None


def same_place(
    conn: sqlite3.Connection, settlement: str, action_date: str, campaign: str, place: str, exclude: str
) -> list[ActionSummary]:
    """Live records of that settlement, day and campaign at the same place: likely duplicates."""
    others = queries.same_day(conn, settlement, action_date, campaign, exclude)
    places = _places(conn, [o.id for o in others])
    wanted = place_key(place)
    return [o for o in others if place_key(places.get(o.id, "")) == wanted]


def duplicate_groups(conn: sqlite3.Connection, limit: int = 500) -> list[list[ActionSummary]]:
    """Groups of live records of one settlement, day, campaign and place, newest day first; the
    groups a dismissal covers are left out."""
    keys = conn.execute(
        "SELECT settlement, action_date, campaign FROM actions WHERE deleted = 0 "
        "GROUP BY settlement, action_date, campaign HAVING count(*) > 1 "
        "ORDER BY action_date DESC, settlement, campaign LIMIT ?",
        [limit],
    ).fetchall()
    covered = [set(d.record_ids) for d in dismissals(conn) if d.state != REFUSED]
    groups: list[list[ActionSummary]] = []
    for settlement, day, campaign in keys:
        same_day = queries.same_day(conn, settlement, day, campaign, "")
        places = _places(conn, [s.id for s in same_day])
        by_place: dict[str, list[ActionSummary]] = defaultdict(list)
        for summary in same_day:
            by_place[place_key(places.get(summary.id, ""))].append(summary)
        for key in sorted(by_place):
            group = by_place[key]
            ids = {s.id for s in group}
            if len(group) > 1 and not any(ids <= dismissed for dismissed in covered):
                groups.append(group)
    return groups


def group_place(conn: sqlite3.Connection, group: Sequence[ActionSummary]) -> str:
    """The place of a group as its first record names it ("" when none is named)."""
    return _places(conn, [group[0].id]).get(group[0].id, "") if group else ""


def _places(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, str]:
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    return dict(conn.execute(f"SELECT id, place FROM actions WHERE id IN ({marks})", list(ids)))


# -- dismissals ------------------------------------------------------------------------------------


def dismiss(db: Database, record_ids: Iterable[str], by: str) -> Dismissal:
    """The coordinator's "Not duplicates" about these records: hidden here at once, sent next."""
    ids = tuple(sorted(set(record_ids)))
    if len(ids) < 2:
        raise ValueError("a group has two records at least")
    dismissal = Dismissal(str(uuid7()), ids, by, _iso(utc_now()), QUEUED)
    db.conn.execute(
        "INSERT INTO duplicate_dismissals (id, record_ids, dismissed_by, dismissed_at, state) "
        "VALUES (?, ?, ?, ?, ?)",
        [dismissal.id, json.dumps(ids), by, dismissal.dismissed_at, QUEUED],
    )
    return dismissal


def dismissals(conn: sqlite3.Connection, state: str | None = None) -> list[Dismissal]:
    rows = conn.execute(
        "SELECT id, record_ids, dismissed_by, dismissed_at, state, problem FROM duplicate_dismissals "
        "ORDER BY dismissed_at, id"
    )
    found = [Dismissal(i, tuple(json.loads(r)), b, at, s, p) for i, r, b, at, s, p in rows]
    return [d for d in found if state is None or d.state == state]


def apply_dismissal_outcomes(db: Database, outcomes: Iterable[tuple[str, str, str | None]]) -> None:
    """The server's answer about sent dismissals, as (id, outcome, reason): taken ones are sent;
    a refused one shows its group again and keeps the reason."""
    for dismissal_id, outcome, reason in outcomes:
        if outcome in ("applied", "already"):
            db.conn.execute(
                "UPDATE duplicate_dismissals SET state = ?, problem = NULL WHERE id = ?", [SENT, dismissal_id]
            )
        else:
            db.conn.execute(
                "UPDATE duplicate_dismissals SET state = ?, problem = ? WHERE id = ?",
                [REFUSED, reason or outcome, dismissal_id],
            )


def replace_server_dismissals(db: Database, pulled: Sequence[Dismissal]) -> None:
    """The district's dismissals as the server holds them: they replace the ones sent before;
    those not sent yet stay, to be sent."""
    db.conn.execute("DELETE FROM duplicate_dismissals WHERE state = ?", [SENT])
    db.conn.executemany(
        "INSERT INTO duplicate_dismissals (id, record_ids, dismissed_by, dismissed_at, state, problem) "
        "VALUES (?, ?, ?, ?, ?, NULL) ON CONFLICT (id) DO UPDATE SET record_ids = excluded.record_ids, "
        "dismissed_by = excluded.dismissed_by, dismissed_at = excluded.dismissed_at, state = excluded.state, "
        "problem = NULL",
        [(d.id, json.dumps(sorted(d.record_ids)), d.dismissed_by, d.dismissed_at, SENT) for d in pulled],
    )
