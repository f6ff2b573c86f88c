"""Read queries over the local store. Plain functions of a connection: the store calls them on its
per-thread reader, write jobs on the writer's own connection."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from fieldapp.models import CleanupAction, Status
from fieldapp.textfold import like_pattern


@dataclass(frozen=True)
class Period:
    """Days from ``start`` up to, not including, ``end``."""

    start: date
    end: date

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(date(year, month, 1), date(year + month // 12, month % 12 + 1, 1))

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year + 1, 1, 1))

    @classmethod
    def parse(cls, text: str) -> Period:
        """``"2025"`` or ``"2025-05"``."""
        parts = text.strip().split("-")
        if len(parts) == 1:
            return cls.year(int(parts[0]))
        if len(parts) == 2:
            return cls.month(int(parts[0]), int(parts[1]))
        raise ValueError(f"not a year or month: {text!r}")


@dataclass(frozen=True)
class ActionFilter:
    period: Period | None = None
    campaign: str | None = None
    status: Status | None = None
    settlement: str | None = None
    okrug: str | None = None
    text: str = ""
    include_deleted: bool = False
    attention: bool = False  # only records the server refused or found in conflict

    def sql(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if not self.include_deleted:
            clauses.append("a.deleted = 0")
        if self.attention:
            clauses.append(
                "EXISTS (SELECT 1 FROM outbox o WHERE o.kind = 'action' AND o.entity_id = a.id "
                "AND o.held IS NOT NULL)"
            )
        if self.period:
            clauses.append("a.action_date >= ? AND a.action_date < ?")
            params += [self.period.start.isoformat(), self.period.end.isoformat()]
        if self.campaign:
            clauses.append("a.campaign = ?")
            params.append(self.campaign)
        if self.status:
            clauses.append("a.status = ?")
            params.append(Status(self.status).value)
        if self.settlement:
            clauses.append("a.settlement = ?")
            params.append(self.settlement)
        if self.okrug:
            clauses.append("a.okrug = ?")
            params.append(self.okrug)
        pattern = like_pattern(self.text)
        if pattern:
            clauses.append("a.search_text LIKE ? ESCAPE '\\'")
            params.append(pattern)
        return (" AND ".join(clauses) or "1"), params


@dataclass(frozen=True, slots=True)
class ActionSummary:
    """One line of the list: what the table shows without loading the whole record."""

    id: str
    revision: int
    action_date: date
    settlement: str
    campaign: str
    participants: int
    total_kg: int
    area_m2: int
    trees: int
    photo_count: int
    status: Status
    review_comment: str
    deleted: bool
    held: str | None = None  # rejected | conflict: the server's answer waits for a person
    held_problem: str | None = None  # JSON: the server's reason and details
    okrug: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """Position in the list, for fetching the next page after this row."""
        return (self.action_date.isoformat(), self.id)


_SUMMARY_SQL = """
SELECT a.id, a.revision, a.action_date, a.settlement, a.campaign, a.participants, a.total_kg,
       a.area_m2, a.trees, a.photo_count, a.status, a.review_comment, a.deleted, o.held,
       o.last_error, a.okrug
FROM actions a
LEFT JOIN outbox o ON o.kind = 'action' AND o.entity_id = a.id AND o.held IS NOT NULL
"""


def _summary(row: tuple[Any, ...]) -> ActionSummary:
    return ActionSummary(
        id=row[0],
        revision=row[1],
        action_date=date.fromisoformat(row[2]),
        settlement=row[3],
        campaign=row[4],
        participants=row[5],
        total_kg=row[6],
        area_m2=row[7],
        trees=row[8],
        photo_count=row[9],
        status=Status(row[10]),
        review_comment=row[11],
        deleted=bool(row[12]),
        held=row[13],
        held_problem=row[14],
        okrug=row[15],
    )


# Columns the list sorts by: those compared as they are stored (numbers, ISO dates), and codes
# listed in an order the caller gives (a settlement's or campaign's name in the reader's alphabet).
_PLAIN_ORDER = {
    "date": "",
    "participants": "a.participants",
    "tonnes": "a.total_kg",
    "hectares": "a.area_m2",
    "photos": "a.photo_count",
}
_RANKED_ORDER = {
    "settlement": "a.settlement",
    "okrug": "a.okrug",
    "campaign": "a.campaign",
    "status": "a.status",
}
ORDER_COLUMNS = (*_PLAIN_ORDER, *_RANKED_ORDER)


@dataclass(frozen=True)
class ActionOrder:
    """How the list is sorted. Every order is served by an index ending in (date, id), so a page
    deep in the list costs what the first does. Ties go by date and id in the same direction.

    A ranked column (settlement, okrug, campaign, status) lists its codes in ``ranks`` order
    (ascending; the caller sorts the names in the reader's language); codes not in ``ranks`` come
    after them. Within one code the newest records come first, whichever way the column goes."""

    column: str = "date"
    descending: bool = True
    ranks: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.column not in ORDER_COLUMNS:
            raise ValueError(f"cannot sort by {self.column!r}")

    @property
    def ranked(self) -> bool:
        return self.column in _RANKED_ORDER

    def key(self, row: ActionSummary) -> tuple[Any, ...]:
        """The position of ``row`` in this order: what ``list_actions(after=...)`` takes."""
        tail = (row.action_date.isoformat(), row.id)
        if self.column == "date":
            return tail
        if not self.ranked:
            value = {
                "participants": row.participants,
                "tonnes": row.total_kg,
                "hectares": row.area_m2,
                "photos": row.photo_count,
            }[self.column]
            return (value, *tail)
        code = row.status.value if self.column == "status" else getattr(row, self.column)
        group = self.ranks.index(code) if code in self.ranks else len(self.ranks)
        return (group, code, *tail)


def list_actions(
    conn: sqlite3.Connection,
    where: ActionFilter,
    limit: int,
    after: tuple[Any, ...] | None,
    order: ActionOrder | None = None,
) -> list[ActionSummary]:
    order = order or ActionOrder()
    if order.ranked:
        return _list_ranked(conn, where, limit, after, order)
    clause, params = where.sql()
    columns = [c for c in (_PLAIN_ORDER[order.column], "a.action_date", "a.id") if c]
    direction = "DESC" if order.descending else "ASC"
    if after is not None:
        marks = ", ".join("?" * len(columns))
        clause += f" AND ({', '.join(columns)}) {'<' if order.descending else '>'} ({marks})"
        params += list(after)
    sql = f"{_SUMMARY_SQL} WHERE {clause} ORDER BY {', '.join(f'{c} {direction}' for c in columns)} LIMIT ?"
    return [_summary(r) for r in conn.execute(sql, [*params, limit])]


def list_actions_sql(where: ActionFilter, order: ActionOrder) -> tuple[str, list[Any]]:
    """The query behind one page in ``order`` (for a ranked order, that of its first code): what
    ``EXPLAIN QUERY PLAN`` is asked about in the tests and the benchmark."""
    clause, params = where.sql()
    if order.ranked:
        column = _RANKED_ORDER[order.column]
        sql = f"{_SUMMARY_SQL} WHERE {clause} AND {column} = ? ORDER BY a.action_date DESC, a.id DESC LIMIT ?"
        return sql, [*params, order.ranks[0] if order.ranks else "", 1]
    columns = [c for c in (_PLAIN_ORDER[order.column], "a.action_date", "a.id") if c]
    direction = "DESC" if order.descending else "ASC"
    sql = f"{_SUMMARY_SQL} WHERE {clause} ORDER BY {', '.join(f'{c} {direction}' for c in columns)} LIMIT ?"
    return sql, [*params, 1]


def _list_ranked(
    conn: sqlite3.Connection,
    where: ActionFilter,
    limit: int,
    after: tuple[Any, ...] | None,
    order: ActionOrder,
) -> list[ActionSummary]:
    """One indexed query per code, in the ranks' order, until the page is full: a district has a
    few dozen okrugs and settlements, the reference a few dozen campaigns."""
    column = _RANKED_ORDER[order.column]
    clause, params = where.sql()
    groups = list(range(len(order.ranks) + 1))
    if order.descending:
        groups.reverse()
    if after is not None:
        groups = groups[groups.index(after[0]) :]
    rows: list[ActionSummary] = []
    for group in groups:
        if len(rows) >= limit:
            break
        resume = after is not None and group == after[0]
        if group < len(order.ranks):
            sql = f"{_SUMMARY_SQL} WHERE {clause} AND {column} = ?"
            args = [*params, order.ranks[group]]
            if resume:
                sql += " AND (a.action_date, a.id) < (?, ?)"
                args += list(after[2:])  # type: ignore[index]
            sql += " ORDER BY a.action_date DESC, a.id DESC LIMIT ?"
        else:  # codes nobody ranked (a campaign since retired, say), by code
            direction = "DESC" if order.descending else "ASC"
            marks = ", ".join("?" * len(order.ranks))
            sql = f"{_SUMMARY_SQL} WHERE {clause}"
            args = list(params)
            if order.ranks:
                sql += f" AND {column} NOT IN ({marks})"
                args += list(order.ranks)
            if resume:
                sql += f" AND ({column}, a.action_date, a.id) {'<' if order.descending else '>'} (?, ?, ?)"
                args += list(after[1:])  # type: ignore[index]
            sql += f" ORDER BY {column} {direction}, a.action_date {direction}, a.id {direction} LIMIT ?"
        rows += [_summary(r) for r in conn.execute(sql, [*args, limit - len(rows)])]
    return rows


def distinct_codes(conn: sqlite3.Connection, column: str, where: ActionFilter) -> list[str]:
    """The settlements (okrugs, campaigns, statuses) the records matching ``where`` have: what a
    ranked order lists (read from the column's index)."""
    clause, params = where.sql()
    sql = f"SELECT DISTINCT {_RANKED_ORDER[column]} FROM actions a WHERE {clause}"
    return [r[0] for r in conn.execute(sql, params)]


def count_actions(conn: sqlite3.Connection, where: ActionFilter) -> int:
    clause, params = where.sql()
    return conn.execute(f"SELECT count(*) FROM actions a WHERE {clause}", params).fetchone()[0]


def same_day(
    conn: sqlite3.Connection, settlement: str, action_date: str, campaign: str, exclude: str
) -> list[ActionSummary]:
    sql = (
        f"{_SUMMARY_SQL} WHERE a.settlement = ? AND a.action_date = ? AND a.campaign = ? "
        "AND a.deleted = 0 AND a.id != ? ORDER BY a.id"
    )
    return [_summary(r) for r in conn.execute(sql, [settlement, action_date, campaign, exclude])]


# -- one record ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryEntry:
    seq: int
    revision: int
    event: str  # create, edit, delete (later: sent, review, conflict)
    origin: str  # local, server
    recorded_at: str
    action: CleanupAction


def current(conn: sqlite3.Connection, action_id: str) -> CleanupAction | None:
    """The newest history entry is the record as it stands."""
    row = conn.execute(
        "SELECT body FROM action_history WHERE action_id = ? ORDER BY seq DESC LIMIT 1",
        [action_id],
    ).fetchone()
    return CleanupAction.model_validate_json(row[0]) if row else None


def short_id(action_id: str) -> str:
    """What people quote: the last 8 hex digits. A v7 id begins with its creation time, so records
    made together share their first digits; the random end tells them apart."""
    return action_id[-8:]


def find_ids(conn: sqlite3.Connection, text: str, limit: int) -> list[str]:
    """Ids that start with ``text`` (a whole id, or its beginning) or end with it (a short id)."""
    if len(text) < 4 or any(c not in "0123456789abcdef-" for c in text):
        return []
    rows = conn.execute(
        "SELECT id FROM actions WHERE id >= ? AND id < ? "
        "UNION SELECT id FROM actions WHERE substr(id, -?) = ? ORDER BY 1 LIMIT ?",
        [text, text + "\uffff", len(text), text, limit],
    )
    return [r[0] for r in rows]


def history(conn: sqlite3.Connection, action_id: str) -> list[HistoryEntry]:
    rows = conn.execute(
        "SELECT seq, revision, event, origin, recorded_at, body FROM action_history "
        "WHERE action_id = ? ORDER BY seq",
        [action_id],
    )
    return [
        HistoryEntry(seq, rev, event, origin, at, CleanupAction.model_validate_json(body))
        for seq, rev, event, origin, at, body in rows
    ]


def photo(conn: sqlite3.Connection, sha256: str) -> dict[str, Any] | None:
    cursor = conn.execute("SELECT * FROM photos WHERE sha256 = ?", [sha256])
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


def photo_dates(conn: sqlite3.Connection, hashes: list[str]) -> dict[str, date]:
    found: dict[str, date] = {}
    for start in range(0, len(hashes), 500):  # within SQLite's limit of bound parameters
        chunk = hashes[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT sha256, taken_at FROM photos WHERE taken_at IS NOT NULL AND sha256 IN ({marks})", chunk
        )
        for sha256, taken_at in rows:
            with contextlib.suppress(ValueError):  # a time the camera wrote wrongly: no date known
                found[sha256] = datetime.fromisoformat(taken_at).date()
    return found


# -- totals --------------------------------------------------------------------------------------

_GROUPS = ("settlement", "campaign", "month")


@dataclass(frozen=True)
class Totals:
    """Sums over the live records of one group (a settlement, a campaign, a month...)."""

    group: dict[str, str]
    actions: int
    participants: int
    area_m2: int
    trees: int
    kg_by_fraction: dict[str, int] = field(default_factory=dict)

    @property
    def total_kg(self) -> int:
        return sum(self.kg_by_fraction.values())


def totals(
    conn: sqlite3.Connection,
    period: Period,
    group_by: tuple[str, ...],
    statuses: Iterable[Status] | None,
) -> list[Totals]:
    """Totals of the live records in ``period``, grouped. Whole months are read from the monthly
    sums the writer keeps; other periods are summed from the records themselves."""
    unknown = set(group_by) - set(_GROUPS)
    if unknown:
        raise ValueError(f"cannot group by {sorted(unknown)}")
    wanted = None if statuses is None else [Status(s).value for s in statuses]
    if period.start.day == 1 and period.end.day == 1:
        sums, waste = _from_monthly(conn, period, group_by, wanted)
    else:
        sums, waste = _from_records(conn, period, group_by, wanted)
    n = len(group_by)
    by_group: dict[tuple[Any, ...], dict[str, int]] = {}
    for row in waste:
        if row[n + 1]:
            by_group.setdefault(tuple(row[:n]), {})[row[n]] = row[n + 1]
    return [
        Totals(
            group=dict(zip(group_by, row[:n], strict=True)),
            actions=row[n],
            participants=row[n + 1],
            area_m2=row[n + 2],
            trees=row[n + 3],
            kg_by_fraction=by_group.get(tuple(row[:n]), {}),
        )
        for row in sums
        if row[n]  # an aggregate without GROUP BY gives a row even when nothing matched
    ]


def _status_clause(column: str, wanted: list[str] | None) -> tuple[str, list[str]]:
    if wanted is None:
        return "", []
    return f" AND {column} IN ({', '.join('?' * len(wanted))})", wanted


def _from_monthly(
    conn: sqlite3.Connection, period: Period, group_by: tuple[str, ...], wanted: list[str] | None
) -> tuple[list[Any], list[Any]]:
    keys = [f"t.{g}" for g in group_by]
    status_sql, status_params = _status_clause("t.status", wanted)
    where = f"t.month >= ? AND t.month < ?{status_sql}"
    params = [period.start.isoformat()[:7], period.end.isoformat()[:7], *status_params]
    select = "".join(f"{k}, " for k in keys)
    group = f"GROUP BY {', '.join(keys)}" if keys else ""
    sums = conn.execute(
        f"SELECT {select}coalesce(sum(t.actions), 0), coalesce(sum(t.participants), 0), "
        f"coalesce(sum(t.area_m2), 0), coalesce(sum(t.trees), 0) "
        f"FROM totals_monthly t WHERE {where} {group}",
        params,
    ).fetchall()
    waste = conn.execute(
        f"SELECT {select}t.fraction, sum(t.kg) FROM totals_monthly_waste t WHERE {where} "
        f"GROUP BY {select}t.fraction",
        params,
    ).fetchall()
    return sums, waste


_RECORD_KEYS = {
    "settlement": "a.settlement",
    "campaign": "a.campaign",
    "month": "substr(a.action_date, 1, 7)",
}


def _from_records(
    conn: sqlite3.Connection, period: Period, group_by: tuple[str, ...], wanted: list[str] | None
) -> tuple[list[Any], list[Any]]:
    keys = [_RECORD_KEYS[g] for g in group_by]
    status_sql, status_params = _status_clause("a.status", wanted)
    where = f"a.deleted = 0 AND a.action_date >= ? AND a.action_date < ?{status_sql}"
    params = [period.start.isoformat(), period.end.isoformat(), *status_params]
    select = "".join(f"{k}, " for k in keys)
    group = f"GROUP BY {', '.join(keys)}" if keys else ""
    sums = conn.execute(
        f"SELECT {select}count(*), coalesce(sum(a.participants), 0), "
        f"coalesce(sum(a.area_m2), 0), coalesce(sum(a.trees), 0) "
        f"FROM actions a WHERE {where} {group}",
        params,
    ).fetchall()
    waste = conn.execute(
        f"SELECT {select}w.fraction, sum(w.kg) FROM actions a "
        f"JOIN action_waste w ON w.action_id = a.id WHERE {where} GROUP BY {select}w.fraction",
        params,
    ).fetchall()
    return sums, waste


def status_counts(conn: sqlite3.Connection) -> dict[Status, int]:
    rows = conn.execute("SELECT status, sum(actions) FROM totals_monthly GROUP BY status")
    return {Status(status): count for status, count in rows if count}


def totals_drift(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """Rows where the kept monthly sums and a fresh sum over the records disagree (none, unless
    something is wrong): the check behind ``Store.integrity_check``."""
    fresh = (
        "SELECT substr(action_date, 1, 7), settlement, campaign, status, count(*), "
        "sum(participants), sum(area_m2), sum(trees) FROM actions WHERE deleted = 0 "
        "GROUP BY 1, 2, 3, 4"
    )
    kept = "SELECT * FROM totals_monthly"
    fresh_waste = (
        "SELECT substr(a.action_date, 1, 7), a.settlement, a.campaign, a.status, w.fraction, "
        "sum(w.kg) FROM actions a JOIN action_waste w ON w.action_id = a.id "
        "WHERE a.deleted = 0 GROUP BY 1, 2, 3, 4, 5"
    )
    kept_waste = "SELECT * FROM totals_monthly_waste"
    drift: list[tuple[Any, ...]] = []
    for a, b in ((fresh, kept), (kept, fresh), (fresh_waste, kept_waste), (kept_waste, fresh_waste)):
        drift += [tuple(r) for r in conn.execute(f"{a} EXCEPT {b}")]
    return drift


# -- the outbox ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutboxDepth:
    records: int  # records waiting to be sent
    photos: int  # photos of records to be sent that the server does not have yet
    photo_bytes: int
    held: int = 0  # records the server refused or found in conflict: they wait for a person
    closed: int = 0  # records of a signed-off month: they wait, by themselves, for it to reopen


def outbox_depth(conn: sqlite3.Connection) -> OutboxDepth:
    records, held, closed = conn.execute(
        "SELECT count(*) FILTER (WHERE held IS NULL), "
        "count(*) FILTER (WHERE held IS NOT NULL AND held <> 'month_closed'), "
        "count(*) FILTER (WHERE held = 'month_closed') FROM outbox WHERE kind = 'action'"
    ).fetchone()
    photos, size = conn.execute(
        "SELECT count(*), coalesce(sum(p.upload_size), 0) FROM outbox o "
        "JOIN photos p ON p.sha256 = o.entity_id WHERE o.kind = 'photo' AND o.held IS NULL"
    ).fetchone()
    return OutboxDepth(records=records, photos=photos, photo_bytes=size, held=held, closed=closed)


def meta_value(conn: sqlite3.Connection, key: str) -> str | None:
    """The ``meta`` table's value for ``key`` (None when absent)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


META_CLOSED_MONTHS = "district.closed_months"  # JSON list of YYYY-MM, as the server last said


def closed_months(conn: sqlite3.Connection) -> set[str]:
    """The months signed off for this laptop's district, as the last pull (or refresh) learned."""
    text = meta_value(conn, META_CLOSED_MONTHS)
    return set(json.loads(text)) if text else set()
