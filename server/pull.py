"""What changed since a cursor, for the caller's scope.

A village laptop gets the coordinator's decisions about its okrug's records, and newer reference
data. A coordinator gets the district's records as they stand (with their review status), a region
user its oblast's, a national user and an admin everything. The cursor is the ``changes.seq`` of
the last change delivered.
"""

from __future__ import annotations

from sqlalchemy import Connection, select, tuple_

from fieldapp.models import CleanupAction, Status
from fieldapp.reference import ReferenceData
from server import schema as t
from server.accounts import Principal
from server.errors import ApiError
from server.sql import among, current_records, visible_horizon
from sync.protocol import MAX_PULL_LIMIT, NilReport, PullResponse, Reason, ReviewDecision, Role

STATUS_OF_REVIEW = {"pending": Status.SENT, "accepted": Status.ACCEPTED, "returned": Status.RETURNED}


def parse_cursor(cursor: str | None) -> tuple[int, int]:
    """A cursor is ``TXID.SEQ``: the position of the last change delivered (see ``log_changes``)."""
    if not cursor:
        return (-1, 0)
    txid, dot, seq = cursor.partition(".")
    if not dot or not txid.isdigit() or not seq.isdigit():
        raise ApiError(400, Reason.MALFORMED, "not a cursor this server gave out", cursor=cursor[:40])
    return int(txid), int(seq)


def newest_reference(conn: Connection, default: ReferenceData) -> ReferenceData:
    row = conn.execute(
        select(t.reference_data.c.body).order_by(t.reference_data.c.version.desc()).limit(1)
    ).first()
    stored = ReferenceData.model_validate_json(row.body) if row else None
    return stored if stored and stored.version > default.version else default


def region_prefix(region: str | None) -> str:
    """What the KATO codes of an oblast's places start with (fieldapp/kato.py: the first two digits)."""
    if not region or len(region) != 9 or not region.isdigit():
        raise ApiError(403, Reason.FORBIDDEN, "a region user without a region sees nothing")
    return region[:2]


def pull(
    conn: Connection,
    who: Principal,
    cursor: str | None,
    limit: int,
    reference_version: int,
    default: ReferenceData,
) -> PullResponse:
    after = parse_cursor(cursor)
    limit = max(1, min(limit, MAX_PULL_LIMIT))
    c = t.changes.c
    query = select(c.txid, c.seq, c.kind, c.record_id).where(tuple_(c.txid, c.seq) > tuple_(*after))
    horizon = visible_horizon(conn)
    if horizon is not None:  # not past a transaction still running: it may yet commit below
        query = query.where(c.txid < horizon)
    if who.role is Role.DEVICE:
        query = query.where(c.okrug == who.okrug, c.kind == "review")
    elif who.role is Role.COORDINATOR:
        query = query.where(c.district == who.district)
    elif who.role is Role.REGION:  # its oblast's districts: a KATO code starts with its oblast's two digits
        query = query.where(c.district.startswith(region_prefix(who.region)))
    elif who.role is not Role.NATIONAL and who.role is not Role.ADMIN:
        raise ApiError(403, Reason.FORBIDDEN, f"a {who.role.value} pulls nothing", role=who.role.value)
    changes = conn.execute(query.order_by(c.txid, c.seq).limit(limit + 1)).all()
    more = len(changes) > limit
    changes = changes[:limit]
    last = (changes[-1].txid, changes[-1].seq) if changes else after  # nothing new: it stays
    ids = list(dict.fromkeys(c.record_id for c in changes if c.record_id and c.kind != "nil"))
    nil_ids = list(dict.fromkeys(c.record_id for c in changes if c.kind == "nil"))
    rows = conn.execute(current_records().where(among(conn, t.records.c.id, ids))).all() if ids else []
    reference = newest_reference(conn, default)
    response: dict[str, object] = {
        "cursor": f"{max(last[0], 0)}.{last[1]}",
        "more": more,
        "reference": reference if reference.version > reference_version else None,
    }
    if who.role is Role.DEVICE:
        response["decisions"] = [
            ReviewDecision(
                record_id=row.id,
                revision=row.reviewed_revision,
                decision=row.review_status,
                comment=row.review_comment,
                decided_at=row.reviewed_at,
                decided_by=row.reviewed_by or "",
            )
            for row in rows
            if row.review_status in ("accepted", "returned") and row.reviewed_revision
        ]
    else:
        response["records"] = [
            CleanupAction.model_validate_json(row.body).with_server_state(
                status=STATUS_OF_REVIEW[row.review_status], review_comment=row.review_comment
            )
            for row in rows
        ]
        response["review_status"] = {row.id: row.review_status for row in rows}
        response["conflicts"] = [row.id for row in rows if row.conflict]
        nil = t.nil_reports
        response["nil_reports"] = [
            NilReport(
                id=row.id,
                okrug=row.okrug,
                month=row.month,
                note=row.note,
                filed_at=row.filed_at,
                withdrawn=row.withdrawn,
            )
            for row in (conn.execute(select(nil).where(among(conn, nil.c.id, nil_ids))) if nil_ids else [])
        ]
    return PullResponse.model_validate(response)
