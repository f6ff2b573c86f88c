"""A coordinator's "Not duplicates": records of one settlement, day, campaign and place that are
different actions after all. Kept with who said it and when, so that every laptop of the district
stops showing the group, and a later look can tell who decided it. Nothing about the records
changes; a dismissal covers the records it names, so a record added to the group shows it again."""

from __future__ import annotations

import json
import logging
from datetime import datetime

from sqlalchemy import Connection, select

from server import schema as t
from server.accounts import Principal
from server.sql import among, insert
from sync.protocol import (
    DismissalBatch,
    DismissalInfo,
    DismissalList,
    DismissalResponse,
    DismissalResult,
    Outcome,
    Reason,
    Role,
)

log = logging.getLogger(__name__)


def dismiss(conn: Connection, who: Principal, batch: DismissalBatch, now: datetime) -> DismissalResponse:
    results = []
    for dismissal in batch.dismissals:
        ids = sorted({str(r) for r in dismissal.record_ids})

        def result(outcome: Outcome, reason: Reason | None = None) -> DismissalResult:
            return DismissalResult(id=dismissal.id, outcome=outcome, reason=reason)  # noqa: B023

        if len(ids) < 2:
            results.append(result(Outcome.REJECTED, Reason.VALIDATION))
            continue
        districts = {
            row.id: row.district
            for row in conn.execute(
                select(t.records.c.id, t.records.c.district).where(among(conn, t.records.c.id, ids))
            )
        }
        if len(districts) != len(ids):
            results.append(result(Outcome.REJECTED, Reason.NOT_FOUND))
            continue
        places = set(districts.values())
        if len(places) != 1 or (who.role is Role.COORDINATOR and places != {who.district}):
            log.warning("%s %s tried to dismiss records outside its district: refused", who.role, who.name)
            results.append(result(Outcome.REJECTED, Reason.FORBIDDEN))
            continue
        kept = conn.execute(
            select(t.duplicate_dismissals.c.record_ids).where(
                t.duplicate_dismissals.c.id == str(dismissal.id)
            )
        ).scalar_one_or_none()
        if kept is not None:  # sent again: the same statement changes nothing, another is refused
            same = json.loads(kept) == ids
            results.append(result(Outcome.ALREADY) if same else result(Outcome.REJECTED, Reason.CONFLICT))
            continue
        conn.execute(
            insert(conn, t.duplicate_dismissals)
            .values(
                id=str(dismissal.id),
                district=places.pop(),
                record_ids=json.dumps(ids),
                dismissed_by=who.name,
                dismissed_at=now,
            )
            .on_conflict_do_nothing(index_elements=["id"])  # two sends at once: the first is kept
        )
        log.info("%s said records %s are not duplicates", who.name, ", ".join(ids))
        results.append(result(Outcome.APPLIED))
    return DismissalResponse(results=results)


def dismissals(conn: Connection, who: Principal) -> DismissalList:
    """The district's dismissals (an admin's: every district's), oldest first."""
    query = select(t.duplicate_dismissals).order_by(
        t.duplicate_dismissals.c.dismissed_at, t.duplicate_dismissals.c.id
    )
    if who.role is Role.COORDINATOR:
        query = query.where(t.duplicate_dismissals.c.district == (who.district or ""))
    return DismissalList(
        dismissals=[
            DismissalInfo(
                id=row.id,
                record_ids=json.loads(row.record_ids),
                dismissed_by=row.dismissed_by,
                dismissed_at=row.dismissed_at,
            )
            for row in conn.execute(query)
        ]
    )
