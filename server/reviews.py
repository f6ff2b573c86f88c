"""A coordinator's decisions: accept a revision, or return it with a comment. Coordinators change
nothing else; a decision about a revision the village has since replaced is refused as stale, and
one about a record of a signed-off month (``month_closed``) until the month is reopened."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import Connection, update

from fieldapp.kato import Kato
from fieldapp.models import CleanupAction, Status
from server import schema as t
from server.accounts import Principal
from server.ingest import Places, contribution
from server.signoffs import closed_months
from server.sql import among, chunks, current_records, log_changes
from server.totals import TotalsDelta
from sync.protocol import Outcome, Reason, ReviewBatch, ReviewResponse, ReviewResult, Role, SignoffLevel

log = logging.getLogger(__name__)


def review(conn: Connection, kato: Kato, who: Principal, batch: ReviewBatch, now: datetime) -> ReviewResponse:
    totals = TotalsDelta()
    results = []
    changes: list[dict[str, object]] = []
    # Locked (in one order, as pushes lock them) so a push cannot change a record under a decision.
    ids = sorted({str(d.record_id) for d in batch.decisions})
    rows = {  # as dicts: a batch may decide on one record twice, the second sees the first
        row.id: dict(row._mapping)
        for some in chunks(ids)
        for row in conn.execute(
            current_records()
            .where(among(conn, t.records.c.id, some))
            .order_by(t.records.c.id)
            .with_for_update(of=t.records)
        )
    }
    closed: dict[str, dict[str, SignoffLevel]] = {}  # district → its signed-off months
    for decision in batch.decisions:
        rid = str(decision.record_id)
        row = rows.get(rid)

        def result(outcome: Outcome, reason: Reason | None = None) -> ReviewResult:
            return ReviewResult(record_id=decision.record_id, outcome=outcome, reason=reason)  # noqa: B023

        if row is None:
            results.append(result(Outcome.REJECTED, Reason.NOT_FOUND))
            continue
        if who.role is Role.COORDINATOR and row["district"] != who.district:
            log.warning(
                "coordinator %s (district %s) tried to review %s of district %s: refused",
                who.name,
                who.district,
                rid,
                row["district"],
            )
            results.append(result(Outcome.REJECTED, Reason.FORBIDDEN))
            continue
        if row["district"] not in closed:
            closed[row["district"]] = closed_months(conn, kato, row["district"])
        if row["month"] in closed[row["district"]]:  # a signed-off month's decisions stand
            results.append(result(Outcome.REJECTED, Reason.MONTH_CLOSED))
            continue
        if decision.revision != row["revision"] or row["deleted"]:
            results.append(result(Outcome.CONFLICT, Reason.CONFLICT))  # the village changed it since
            continue
        if decision.decision == Status.RETURNED and not decision.comment:
            results.append(result(Outcome.REJECTED, Reason.VALIDATION))  # a return says why
            continue
        status = decision.decision.value if hasattr(decision.decision, "value") else str(decision.decision)
        if row["review_status"] == status and row["review_comment"] == decision.comment:
            results.append(result(Outcome.ALREADY))
            continue
        action = CleanupAction.model_validate_json(row["body"])
        places = Places(row["okrug"], row["district"], row["region"])
        totals.add(contribution(action, places, row["review_status"]), -1)
        totals.add(contribution(action, places, status), +1)
        changes.append(
            {
                "kind": "review",
                "record_id": rid,
                "okrug": row["okrug"],
                "district": row["district"],
                "at": now,
            }
        )
        conn.execute(
            update(t.records)
            .where(t.records.c.id == rid)
            .values(
                review_status=status,
                review_comment=decision.comment,
                reviewed_revision=row["revision"],
                reviewed_by=who.name,
                reviewed_at=now,
            )
        )
        conn.execute(
            update(t.record_waste).where(t.record_waste.c.record_id == rid).values(review_status=status)
        )
        row |= {"review_status": status, "review_comment": decision.comment}
        results.append(result(Outcome.APPLIED))
    totals.apply(conn)
    log_changes(conn, changes)
    return ReviewResponse(results=results)
