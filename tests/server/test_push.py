"""Pushing records: applied, already, conflict, rejected — idempotent, one transaction, one bad
record never blocking the rest; against a real server on SQLite and PostgreSQL."""

from __future__ import annotations

import gzip
import json
import uuid
from datetime import date

from sqlalchemy import func, select

from fieldapp.models import PhotoRef
from server import schema as t
from tests.records import OKRUG, OTHER_OKRUG, OTHER_SETTLEMENT, action
from tests.server.live import LiveServer, results


def outcomes(response) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(r.outcome, r.reason) for r in results(response)]


def count(server: LiveServer, table) -> int:  # type: ignore[no-untyped-def]
    with server.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_push_then_the_same_batch_again(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    records = [action(action_date=date(2026, 9, d), participants=10 + d) for d in (1, 2, 3)]
    batch_id = str(uuid.uuid4())
    first = laptop.push(*records, batch_id=batch_id, waiting=7)
    assert outcomes(first) == [("applied", None)] * 3
    again = laptop.push(*records, batch_id=batch_id, waiting=7)
    assert again.json() == first.json()  # the same answer, byte for byte in content
    assert count(server, t.records) == 3
    assert count(server, t.record_revisions) == 3
    assert count(server, t.batches) == 1
    # the same records in a new batch (the laptop lost the answer and rebuilt it): already there
    rebuilt = laptop.push(*records, waiting=2)
    assert outcomes(rebuilt) == [("already", None)] * 3
    with server.engine.connect() as conn:
        device = conn.execute(select(t.devices)).one()
        stored = conn.execute(select(t.records.c.district, t.records.c.region, t.records.c.total_kg)).first()
    assert device.waiting == 2
    assert device.last_seen is not None
    assert (stored.district, stored.region) == ("196200000", "190000000")
    assert stored.total_kg == records[0].total_kg


def test_gzip_bodies_are_taken(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    record = action()
    body = {
        "batch_id": str(uuid.uuid4()),
        "records": [{"record": json.loads(record.model_dump_json()), "base_revision": 0}],
    }
    response = laptop.post(
        "/push",
        data=gzip.compress(json.dumps(body).encode()),
        headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
    )
    assert outcomes(response) == [("applied", None)]


def test_edits_fast_forward_and_a_stale_edit_is_a_conflict_with_both_kept(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    first = action()
    assert outcomes(laptop.push(first)) == [("applied", None)]
    second = first.revise(participants=50)
    assert outcomes(laptop.push(second, base=1)) == [("applied", None)]
    # another laptop edited revision 1 too, not knowing of revision 2
    stale = first.revise(participants=99)
    response = laptop.push(stale, base=1)
    assert outcomes(response) == [("conflict", "conflict")]
    assert results(response)[0].details == {"server_revision": 2}
    with server.engine.connect() as conn:
        record = conn.execute(select(t.records)).one()
        conflict = conn.execute(select(t.conflicts)).one()
    assert (record.revision, record.participants, record.conflict) == (2, 50, True)
    assert (conflict.server_revision, conflict.incoming_revision, conflict.base_revision) == (2, 2, 1)
    assert json.loads(conflict.body)["participants"] == 99


def test_one_bad_record_never_blocks_the_rest(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    good = action()
    foreign = action(okrug=OTHER_OKRUG, settlement=OTHER_SETTLEMENT)
    wrong_place = action(settlement=OTHER_SETTLEMENT)
    future = action(action_date=date(2099, 1, 1))
    unknown_campaign = action(campaign="no_such_campaign")
    response = laptop.push(good, foreign, wrong_place, future, unknown_campaign)
    assert outcomes(response) == [
        ("applied", None),
        ("rejected", "scope"),
        ("rejected", "validation"),
        ("rejected", "validation"),
        ("rejected", "validation"),
    ]
    problems = results(response)[2].details["problems"]
    assert {"field": "settlement", "code": "place.settlement_outside_okrug"} in problems
    assert count(server, t.records) == 1


def test_records_wait_for_their_photos(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    photos = [PhotoRef(sha256=f"{n:064x}") for n in (1, 2)]
    response = laptop.push(action(photos=photos))
    assert results(response)[0].missing_photos == [p.sha256 for p in photos]
    with server.engine.connect() as conn:
        assert conn.execute(select(t.records.c.missing_photos)).scalar_one() == 2
        assert conn.execute(select(func.count()).select_from(t.record_photos)).scalar_one() == 2


def test_tombstones_and_nil_reports(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    record = action(action_date=date(2026, 9, 19))
    laptop.push(record)
    assert outcomes(laptop.push(record.revise(deleted=True), base=1)) == [("applied", None)]
    nil = {
        "id": str(uuid.uuid4()),
        "okrug": OKRUG,
        "month": "2026-08",
        "note": "жаңбыр",
        "filed_at": "2026-09-01T08:00:00Z",
    }
    foreign_nil = nil | {"id": str(uuid.uuid4()), "okrug": OTHER_OKRUG}
    response = laptop.post("/push", json={"batch_id": str(uuid.uuid4()), "nil_reports": [nil, foreign_nil]})
    assert [r["outcome"] for r in response.json()["nil_reports"]] == ["applied", "rejected"]
    again = laptop.post("/push", json={"batch_id": str(uuid.uuid4()), "nil_reports": [nil]})
    assert [r["outcome"] for r in again.json()["nil_reports"]] == ["already"]
    with server.engine.connect() as conn:
        assert conn.execute(select(t.records.c.deleted)).scalar_one() is True
        assert conn.execute(select(func.count()).select_from(t.monthly_totals)).scalar_one() == 0
        assert conn.execute(select(t.nil_reports.c.month)).scalar_one() == "2026-08"


def test_a_batch_id_of_another_device_is_refused(server: LiveServer) -> None:
    first, second = server.enrol(OKRUG, "one"), server.enrol(OKRUG, "two")
    batch_id = str(uuid.uuid4())
    first.push(action(), batch_id=batch_id)
    response = second.push(action(), batch_id=batch_id)
    assert (response.status_code, response.json()["error"]["reason"]) == (409, "conflict")


def test_monthly_sums_follow_every_change(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    reviewer = server.user("coordinator", "coordinator", district="196200000")
    records = [
        action(action_date=date(2026, 5, 3), participants=20, waste=[{"fraction": "mixed", "kg": 700}]),
        action(
            action_date=date(2026, 5, 9),
            participants=30,
            waste=[{"fraction": "mixed", "kg": 300}, {"fraction": "glass", "kg": 40}],
        ),
    ]
    laptop.push(*records)
    laptop.push(records[0].revise(participants=25, waste=[{"fraction": "mixed", "kg": 900}]), base=1)
    reviewer.post(
        "/reviews",
        json={"decisions": [{"record_id": str(records[1].id), "revision": 1, "decision": "accepted"}]},
    )
    with server.engine.connect() as conn:
        sums = {
            row.review_status: (row.actions, row.participants)
            for row in conn.execute(select(t.monthly_totals).where(t.monthly_totals.c.month == "2026-05"))
        }
        waste = dict(
            conn.execute(
                select(t.monthly_waste.c.fraction, func.sum(t.monthly_waste.c.kg)).group_by(
                    t.monthly_waste.c.fraction
                )
            ).all()
        )
    assert sums == {"pending": (1, 25), "accepted": (1, 30)}
    assert waste == {"mixed": 1200, "glass": 40}
