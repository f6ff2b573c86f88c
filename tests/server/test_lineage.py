"""What makes a conflict and what does not: a laptop's own revisions arriving out of order or by
another way (a USB bundle, a lost answer) are recognised by their lineage; a version made over an
older revision than the server's is a conflict, kept for a person, settled when that laptop sends
a revision made over the server's. Against a real server on SQLite and PostgreSQL."""

from __future__ import annotations

from uuid import uuid4

from sqlalchemy import select

from fieldapp.models import PhotoRef, Status
from server import schema as t
from sync.protocol import ServerRecord
from tests.records import OKRUG, OTHER_OKRUG, OTHER_SETTLEMENT, action
from tests.server.live import LiveServer, results


def outcomes(response) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(r.outcome, r.reason) for r in results(response)]


def flagged(server: LiveServer, record_id: object) -> bool:
    with server.engine.connect() as conn:
        return conn.execute(select(t.records.c.conflict).where(t.records.c.id == str(record_id))).scalar_one()


def test_a_revision_made_over_the_laptops_own_is_no_conflict(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    first = action()
    second = first.revise(participants=41)
    third = second.revise(participants=42)
    laptop.push(first)
    # revision 2 reached the server by a bundle; the laptop, not knowing, sends 3 made over 1
    assert outcomes(laptop.push(second, base=1)) == [("applied", None)]
    assert outcomes(laptop.push(third, base=1, lineage={2: second.content_hash()})) == [("applied", None)]
    # then revision 2 arrives again, after its successor: the server has it already
    assert outcomes(laptop.push(second, base=1)) == [("already", None)]
    assert not flagged(server, first.id)


def test_a_revision_arriving_after_its_successor_is_already_there(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    first = action()
    second = first.revise(participants=41)
    third = second.revise(participants=42)
    laptop.push(first)
    # bundle B (revision 3, with 2 in its lineage) imported before bundle A (revision 2)
    assert outcomes(laptop.push(third, base=1, lineage={2: second.content_hash()})) == [("applied", None)]
    assert outcomes(laptop.push(second, base=1)) == [("already", None)]
    with server.engine.connect() as conn:
        assert conn.execute(select(t.records.c.revision)).scalar_one() == 3


def test_a_foreign_lineage_is_a_conflict_and_the_laptop_settles_it(server: LiveServer) -> None:
    laptop, other = server.enrol(OKRUG, "restored"), server.enrol(OKRUG, "first")
    first = action()
    laptop.push(first)
    server_side = first.revise(participants=60)
    assert outcomes(other.push(server_side, base=1)) == [("applied", None)]
    # the restored laptop edits revision 1 twice; its revision 2 is not the server's
    mine = first.revise(notes="restored from a backup")
    response = laptop.push(mine.revise(participants=44), base=1, lineage={2: mine.content_hash()})
    assert outcomes(response) == [("conflict", "conflict")]
    assert flagged(server, first.id)
    # it reads the server's copy, keeps its own figures over it: the conflict is settled
    copy = ServerRecord.model_validate_json(laptop.get(f"/records/{first.id}").content)
    assert (copy.record.revision, copy.record.participants, copy.conflict) == (2, 60, True)
    assert copy.record.status is Status.SENT
    kept = copy.record.revise(participants=44, notes=mine.notes, status=Status.READY)
    assert kept.revision == 3
    assert outcomes(laptop.push(kept, base=2)) == [("applied", None)]
    assert not flagged(server, first.id)
    with server.engine.connect() as conn:
        assert conn.execute(select(t.conflicts.c.resolved_at)).scalar_one() is not None


def test_another_laptops_revision_does_not_settle_a_conflict(server: LiveServer) -> None:
    laptop, other = server.enrol(OKRUG, "one"), server.enrol(OKRUG, "two")
    first = action()
    laptop.push(first)
    other.push(first.revise(participants=60), base=1)
    assert outcomes(laptop.push(first.revise(participants=70), base=1)) == [("conflict", "conflict")]
    current = ServerRecord.model_validate_json(other.get(f"/records/{first.id}").content).record
    assert outcomes(other.push(current.revise(participants=61, status=Status.READY), base=2)) == [
        ("applied", None)
    ]
    assert flagged(server, first.id)  # the first laptop's version still waits for a person


def test_a_repeat_says_which_photos_are_still_missing(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    photo = PhotoRef(sha256=f"{7:064x}")
    record = action(photos=[photo])
    first = results(laptop.push(record))
    again = results(laptop.push(record))  # the answer was lost: a new batch with the same record
    assert (first[0].outcome, first[0].missing_photos) == ("applied", [photo.sha256])
    assert (again[0].outcome, again[0].missing_photos) == ("already", [photo.sha256])


def test_a_record_of_another_okrug_cannot_be_taken_over(server: LiveServer) -> None:
    ours, theirs = server.enrol(OKRUG), server.enrol(OTHER_OKRUG)
    record = action(okrug=OTHER_OKRUG, settlement=OTHER_SETTLEMENT)
    theirs.push(record)
    hijack = action(id=record.id, revision=2)  # the same id, claimed for our okrug
    assert outcomes(ours.push(hijack, base=1)) == [("rejected", "scope")]
    with server.engine.connect() as conn:
        assert conn.execute(select(t.records.c.okrug)).scalar_one() == OTHER_OKRUG


def test_who_may_read_a_record(server: LiveServer) -> None:
    laptop, stranger = server.enrol(OKRUG), server.enrol(OTHER_OKRUG)
    coordinator = server.user("coordinator", "coordinator", district="196200000")
    elsewhere = server.user("far", "coordinator", district="194000000")
    record = action()
    laptop.push(record)
    path = f"/records/{record.id}"
    assert laptop.get(path).status_code == 200
    assert coordinator.get(path).status_code == 200
    for caller in (stranger, elsewhere):
        answer = caller.get(path)
        assert (answer.status_code, answer.json()["error"]["reason"]) == (403, "forbidden")
    missing = laptop.get(f"/records/{uuid4()}")
    assert (missing.status_code, missing.json()["error"]["reason"]) == (404, "not_found")
    assert laptop.get("/records/not-an-id").status_code == 422
