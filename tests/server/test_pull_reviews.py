"""Pull with a cursor, and a coordinator's review decisions travelling back to the village —
against a real server on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select

from fieldapp.reference import default_reference
from server import schema as t
from tests.records import DISTRICT, FAR_OKRUG, FAR_SETTLEMENT, OKRUG, OTHER_OKRUG, OTHER_SETTLEMENT, action
from tests.server.live import Caller, LiveServer


def pull(caller: Caller, cursor: str = "", **params: Any) -> dict[str, Any]:
    current = default_reference().version
    query = {"cursor": cursor, "reference_version": current} | params
    response = caller.get("/pull", params=query)
    assert response.status_code == 200, response.text
    return response.json()


def pull_all(caller: Caller, cursor: str = "", limit: int = 1000) -> tuple[list[dict[str, Any]], str]:
    """Follow ``more`` to the end; returns the records (or decisions) and the final cursor."""
    items: list[dict[str, Any]] = []
    while True:
        page = pull(caller, cursor, limit=limit)
        items += page["records"] or page["decisions"]
        cursor = page["cursor"]
        if not page["more"]:
            return items, cursor


def decide(reviewer: Caller, *decisions: dict[str, Any]) -> list[tuple[str, str | None]]:
    response = reviewer.post("/reviews", json={"decisions": list(decisions)})
    assert response.status_code == 200, response.text
    return [(r["outcome"], r["reason"]) for r in response.json()["results"]]


def test_a_return_reaches_the_village_once_and_only_that_village(server: LiveServer) -> None:
    laptop, neighbour = server.enrol(OKRUG), server.enrol(OTHER_OKRUG)
    coordinator = server.user("aigul", "coordinator", district=DISTRICT)
    record, other = action(), action(okrug=OTHER_OKRUG, settlement=OTHER_SETTLEMENT)
    laptop.push(record)
    neighbour.push(other)
    start = pull(laptop)
    assert start["decisions"] == []
    assert start["records"] == []  # a laptop never gets records back, only decisions
    assert decide(
        coordinator,
        {"record_id": str(record.id), "revision": 1, "decision": "returned", "comment": "Фото жоқ"},
        {"record_id": str(other.id), "revision": 1, "decision": "accepted"},
    ) == [("applied", None), ("applied", None)]

    page = pull(laptop, start["cursor"])
    assert [(d["record_id"], d["decision"], d["comment"], d["decided_by"]) for d in page["decisions"]] == [
        (str(record.id), "returned", "Фото жоқ", "aigul")
    ]
    assert page["decisions"][0]["revision"] == 1
    assert page["more"] is False
    # the same cursor again: nothing new, and the cursor stays put
    quiet = pull(laptop, page["cursor"])
    assert (quiet["decisions"], quiet["cursor"]) == ([], page["cursor"])
    # a laptop that lost its answer asks again from the old cursor and gets the same decision
    assert pull(laptop, start["cursor"])["decisions"] == page["decisions"]
    assert [d["decision"] for d in pull(neighbour)["decisions"]] == ["accepted"]


def test_cursor_pages_cover_everything_once(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    coordinator = server.user("aigul", "coordinator", district=DISTRICT)
    records = [action(action_date=date(2026, 6, day), participants=day) for day in range(1, 8)]
    laptop.push(*records)
    seen, cursor = pull_all(coordinator, limit=3)
    assert sorted(r["id"] for r in seen) == sorted(str(r.id) for r in records)
    assert len(seen) == len(records)
    # an edit and a decision later, only those come after the cursor
    laptop.push(records[0].revise(participants=99), base=1)
    decide(coordinator, {"record_id": str(records[1].id), "revision": 1, "decision": "accepted"})
    newer, _ = pull_all(coordinator, cursor, limit=3)
    assert {(r["id"], r["revision"], r["participants"], r["status"]) for r in newer} == {
        (str(records[0].id), 2, 99, "sent"),
        (str(records[1].id), 1, 2, "accepted"),
    }


def test_a_coordinator_pulls_the_district_and_no_more(server: LiveServer) -> None:
    ours, neighbours, far = server.enrol(OKRUG), server.enrol(OTHER_OKRUG), server.enrol(FAR_OKRUG)
    mine = [action(), action(okrug=OTHER_OKRUG, settlement=OTHER_SETTLEMENT)]
    ours.push(mine[0])
    neighbours.push(mine[1])
    far.push(action(okrug=FAR_OKRUG, settlement=FAR_SETTLEMENT))
    coordinator = server.user("aigul", "coordinator", district=DISTRICT)
    page = pull(coordinator)
    assert sorted(r["id"] for r in page["records"]) == sorted(str(r.id) for r in mine)
    assert set(page["review_status"].values()) == {"pending"}
    assert {r["status"] for r in page["records"]} == {"sent"}
    admin = server.user("root", "admin")
    assert len(pull_all(admin)[0]) == 3


def test_reference_data_only_when_newer(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    current = default_reference().version
    assert pull(laptop, reference_version=0)["reference"]["version"] == current
    assert pull(laptop, reference_version=current)["reference"] is None


def test_a_cursor_the_server_never_gave_is_refused(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    for bad in ("abc", "-5"):
        response = laptop.get("/pull", params={"cursor": bad})
        assert (response.status_code, response.json()["error"]["reason"]) == (400, "malformed")
    response = laptop.get("/pull", params={"limit": 0})
    assert (response.status_code, response.json()["error"]["reason"]) == (422, "malformed")


def test_review_decisions_each_answered(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    coordinator = server.user("aigul", "coordinator", district=DISTRICT)
    first, second = action(), action(action_date=date(2026, 10, 4))
    laptop.push(first, second)
    laptop.push(second.revise(participants=77), base=1)
    accept_first = {"record_id": str(first.id), "revision": 1, "decision": "accepted"}
    assert decide(
        coordinator,
        accept_first,
        {"record_id": str(second.id), "revision": 1, "decision": "accepted"},  # the village edited it since
        {"record_id": str(second.id), "revision": 2, "decision": "returned"},  # a return needs a comment
        {"record_id": "0190f3c2-7d4e-7000-8000-000000000000", "revision": 1, "decision": "accepted"},
    ) == [("applied", None), ("conflict", "conflict"), ("rejected", "validation"), ("rejected", "not_found")]
    assert decide(coordinator, accept_first) == [("already", None)]
    with server.engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(t.records))}
    assert (rows[str(first.id)].review_status, rows[str(first.id)].reviewed_by) == ("accepted", "aigul")
    assert rows[str(second.id)].review_status == "pending"
    # a new revision after a decision goes back to waiting for one
    laptop.push(first.revise(participants=41), base=1)
    with server.engine.connect() as conn:
        status = conn.execute(select(t.records.c.review_status).where(t.records.c.id == str(first.id)))
        assert status.scalar_one() == "pending"


def test_two_decisions_on_one_record_in_one_batch(server: LiveServer) -> None:
    """The second decision sees the first: the sums move once to accepted, then once to returned."""
    laptop = server.enrol(OKRUG)
    coordinator = server.user("aigul", "coordinator", district=DISTRICT)
    record = action(action_date=date(2026, 3, 8), participants=12)
    laptop.push(record)
    accept = {"record_id": str(record.id), "revision": 1, "decision": "accepted"}
    give_back = accept | {"decision": "returned", "comment": "Сурет анық емес"}
    assert decide(coordinator, accept, give_back) == [("applied", None), ("applied", None)]
    with server.engine.connect() as conn:
        sums = {r.review_status: (r.actions, r.participants) for r in conn.execute(select(t.monthly_totals))}
        row = conn.execute(select(t.records)).one()
    assert sums == {"returned": (1, 12)}
    assert (row.review_status, row.review_comment) == ("returned", "Сурет анық емес")
    assert [d["decision"] for d in pull(laptop)["decisions"]] == ["returned"]


def test_on_sqlite_reading_never_waits_for_a_writer(sqlite_server: LiveServer) -> None:
    """Pulls and reports begin deferred transactions: a long write (here one the test holds open)
    does not hold them up."""
    laptop = sqlite_server.enrol(OKRUG)
    laptop.push(action())
    coordinator = sqlite_server.user("aigul", "coordinator", district=DISTRICT)
    with sqlite_server.engine.begin() as conn:  # BEGIN IMMEDIATE: the write lock, held
        conn.execute(select(t.records.c.id)).all()
        answer = coordinator.get("/pull", timeout=10)
        assert answer.status_code == 200
        assert len(answer.json()["records"]) == 1
        report = coordinator.get(
            "/reports/totals", params={"start": "2025-01-01", "end": "2026-01-01"}, timeout=10
        )
        assert report.status_code == 200


def test_a_coordinator_pulls_the_districts_nil_reports(server: LiveServer) -> None:
    laptop, far = server.enrol(OKRUG), server.enrol(FAR_OKRUG)
    coordinator = server.user("aigul", "coordinator", district=DISTRICT)
    nil = {
        "id": "018f0000-0000-7000-8000-000000000001",
        "okrug": OKRUG,
        "month": "2026-02",
        "note": "Қар қалың",
        "filed_at": "2026-03-01T04:00:00Z",
    }
    far_nil = nil | {"id": "018f0000-0000-7000-8000-000000000002", "okrug": FAR_OKRUG}
    for caller, report in ((laptop, nil), (far, far_nil)):
        answer = caller.post("/push", json={"batch_id": str(uuid.uuid4()), "nil_reports": [report]})
        assert answer.status_code == 200, answer.text
    first = pull(coordinator)
    assert [(n["okrug"], n["month"], n["note"]) for n in first["nil_reports"]] == [
        (OKRUG, "2026-02", "Қар қалың")
    ]
    assert pull(coordinator, first["cursor"])["nil_reports"] == []
    withdrawn = laptop.post(
        "/push", json={"batch_id": str(uuid.uuid4()), "nil_reports": [nil | {"withdrawn": True}]}
    )
    assert withdrawn.status_code == 200
    assert [n["withdrawn"] for n in pull(coordinator, first["cursor"])["nil_reports"]] == [True]
    assert pull(laptop)["nil_reports"] == []  # a laptop gets decisions only
