"""A coordinator's "Not duplicates" against a real server on SQLite and PostgreSQL: kept with who
and when, the same id twice changes nothing, only the coordinator's own district, and every
laptop of the district reads it back."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from server import schema as t
from tests.records import DISTRICT, FAR_OKRUG, FAR_SETTLEMENT, OKRUG, action
from tests.server.live import Caller, LiveServer


def dismiss(caller: Caller, dismissal_id: str, *record_ids: str) -> list[tuple[str, str | None]]:
    body = {"dismissals": [{"id": dismissal_id, "record_ids": list(record_ids)}]}
    response = caller.post("/duplicates/dismissals", json=body)
    assert response.status_code == 200, response.text
    return [(r["outcome"], r["reason"]) for r in response.json()["results"]]


def test_not_duplicates_is_kept_with_who_and_when(server: LiveServer) -> None:
    laptop, far_laptop = server.enrol(OKRUG), server.enrol(FAR_OKRUG)
    aigul = server.user("aigul", "coordinator", district=DISTRICT)
    first, second = action(place="Мектеп ауласы"), action(place="Мектеп ауласы")
    far = action(okrug=FAR_OKRUG, settlement=FAR_SETTLEMENT)
    laptop.push(first, second)
    far_laptop.push(far)
    ids = sorted([str(first.id), str(second.id)])
    dismissal = str(uuid.uuid4())
    before = datetime.now(UTC)
    assert dismiss(aigul, dismissal, *ids) == [("applied", None)]
    # sent again (the answer was lost on the way): nothing more
    assert dismiss(aigul, dismissal, *reversed(ids)) == [("already", None)]
    # the same id for other records is a different statement: refused
    assert dismiss(aigul, dismissal, ids[0], str(far.id)) == [("rejected", "forbidden")]
    assert dismiss(aigul, dismissal, ids[0], str(uuid.uuid4())) == [("rejected", "not_found")]

    with server.engine.connect() as conn:
        rows = conn.execute(select(t.duplicate_dismissals)).all()
    assert [(r.id, r.district, r.dismissed_by) for r in rows] == [(dismissal, DISTRICT, "aigul")]
    assert before - timedelta(seconds=5) <= rows[0].dismissed_at <= datetime.now(UTC) + timedelta(seconds=5)

    # another coordinator of the district reads it back, with who and when
    listed = server.user("bolat", "coordinator", district=DISTRICT).get("/duplicates/dismissals")
    assert listed.status_code == 200, listed.text
    [shown] = listed.json()["dismissals"]
    assert (shown["id"], shown["record_ids"], shown["dismissed_by"]) == (dismissal, ids, "aigul")
    assert shown["dismissed_at"].startswith(rows[0].dismissed_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M"))


def test_only_the_coordinators_own_district(server: LiveServer) -> None:
    far_laptop, laptop = server.enrol(FAR_OKRUG), server.enrol(OKRUG)
    one, two = (
        action(okrug=FAR_OKRUG, settlement=FAR_SETTLEMENT),
        action(okrug=FAR_OKRUG, settlement=FAR_SETTLEMENT),
    )
    far_laptop.push(one, two)
    aigul = server.user("aigul", "coordinator", district=DISTRICT)
    assert dismiss(aigul, str(uuid.uuid4()), str(one.id), str(two.id)) == [("rejected", "forbidden")]
    assert aigul.get("/duplicates/dismissals").json() == {"dismissals": []}
    # a laptop decides nothing of the kind
    refused = laptop.post(
        "/duplicates/dismissals",
        json={"dismissals": [{"id": str(uuid.uuid4()), "record_ids": [str(one.id), str(two.id)]}]},
    )
    assert refused.status_code == 403, refused.text
    assert laptop.get("/duplicates/dismissals").status_code == 403
    # one record is not a group
    short = aigul.post(
        "/duplicates/dismissals",
        json={"dismissals": [{"id": str(uuid.uuid4()), "record_ids": [str(one.id)]}]},
    )
    assert short.status_code == 422, short.text
