"""The month sign-off chain against a real server, on SQLite and PostgreSQL: a month goes from the
okrugs to the district, the region and the ministry; a signed-off month holds a late record (and
refuses review decisions) until it is reopened with a reason; each level decides only its own
units, in order; every act is in ``signoff_events`` and the audit log."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from fieldapp.kato import default_kato
from server import schema as t
from server import signoffs
from server.accounts import Principal
from server.signoffs import NATIONAL_UNIT, Tree
from sync.protocol import Role, SignoffRequest
from tests.plugins.live_server import database_for
from tests.records import DISTRICT, FAR_DISTRICT, OKRUG, OTHER_OKRUG, REGION, action
from tests.server.live import Caller, LiveServer, results

MONTH = "2026-03"
DAY = date(2026, 3, 14)
KATO = default_kato()
TREE = Tree(KATO)
AT = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)


def nothing_done(server: LiveServer, okrugs: list[str], month: str = MONTH) -> None:
    """Setup: "nothing done" from okrugs whose laptops this test does not play."""
    with server.engine.begin() as conn:
        conn.execute(
            t.nil_reports.insert(),
            [
                {
                    "id": str(uuid.uuid4()),
                    "okrug": okrug,
                    "month": month,
                    "note": "",
                    "filed_at": AT,
                    "withdrawn": False,
                    "received_at": AT,
                }
                for okrug in okrugs
            ],
        )


def nil_push(laptop: Caller, okrug: str, month: str = MONTH) -> Any:
    body = {
        "batch_id": str(uuid.uuid4()),
        "nil_reports": [
            {"id": str(uuid.uuid4()), "okrug": okrug, "month": month, "filed_at": AT.isoformat()}
        ],
    }
    return laptop.post("/push", json=body)


def decide(caller: Caller, decision: str = "sign", **fields: Any) -> Any:
    return caller.post("/signoffs", json={"month": MONTH, "decision": decision} | fields)


def error(response: Any, status: int, reason: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()["error"]
    assert body["reason"] == reason, body
    return dict(body)


def review_all(coordinator: Caller, *records: Any) -> None:
    answer = coordinator.post(
        "/reviews",
        json={
            "decisions": [
                {"record_id": str(r.id), "revision": r.revision, "decision": "accepted"} for r in records
            ]
        },
    )
    assert [r["outcome"] for r in answer.json()["results"]] == ["applied"] * len(records), answer.text


def district_ready(server: LiveServer) -> tuple[Caller, Caller, Any]:
    """Our district, March: a record from Қайнар (reviewed), "nothing done" from Алатау's laptop,
    the other okrugs' "nothing done" as setup. Returns the laptop, the coordinator, the record."""
    laptop = server.enrol(OKRUG, "Қайнар")
    record = action(action_date=DAY)
    assert [r.outcome for r in results(laptop.push(record))] == ["applied"]
    other = server.enrol(OTHER_OKRUG, "Алатау")
    assert nil_push(other, OTHER_OKRUG).json()["nil_reports"][0]["outcome"] == "applied"
    nothing_done(server, [o for o in TREE.okrugs(DISTRICT) if o not in (OKRUG, OTHER_OKRUG)])
    coordinator = server.user("aigul", "coordinator", district=DISTRICT)
    return laptop, coordinator, record


def test_a_month_goes_from_the_okrugs_to_the_ministry(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG, "Қайнар")
    record = action(action_date=DAY)
    assert [r.outcome for r in results(laptop.push(record))] == ["applied"]
    coordinator = server.user("aigul", "coordinator", district=DISTRICT)
    region = server.user("erlan", "region", region=REGION)
    ministry = server.user("dana", "national")
    admin = server.user("root", "admin")

    # Not yet: a record waits for review, and the other okrugs have said nothing.
    blocked = error(decide(coordinator), 409, "not_ready")
    assert blocked["details"]["blockers"] == {"pending_records": 1, "missing_okrugs": 10}
    assert OTHER_OKRUG in blocked["details"]["missing"]
    review_all(coordinator, record)
    other = server.enrol(OTHER_OKRUG, "Алатау")
    assert nil_push(other, OTHER_OKRUG).json()["nil_reports"][0]["outcome"] == "applied"
    rest = [o for o in TREE.okrugs(DISTRICT) if o not in (OKRUG, OTHER_OKRUG)]
    nothing_done(server, rest)
    chain = coordinator.get("/signoffs", params={"month": MONTH}).json()
    assert [d["unit"] for d in chain["districts"]] == [DISTRICT]
    assert chain["districts"][0]["blockers"] == {}
    assert not chain["districts"][0]["signed"]

    # The district signs; the region cannot before its other districts have.
    signed = decide(coordinator)
    assert signed.status_code == 200, signed.text
    assert signed.json()["outcome"] == "applied"
    assert signed.json()["unit"] | {"signed_at": None} == {
        "level": "district",
        "unit": DISTRICT,
        "signed": True,
        "signed_by": "aigul",
        "signed_at": None,
        "blockers": {},
        "missing": [],
    }
    assert decide(coordinator).json()["outcome"] == "already"
    others = [d.code for d in TREE.districts(REGION) if d.code != DISTRICT]
    waiting = error(decide(region), 409, "not_ready")
    assert waiting["details"]["blockers"] == {"unsigned_districts": len(others)}
    assert sorted(waiting["details"]["missing"]) == sorted(others)

    # The other districts of the region report and sign (the admin signs for them here).
    nothing_done(server, [o for d in others for o in TREE.okrugs(d)])
    for district in others:
        answer = decide(admin, level="district", unit=district)
        assert answer.status_code == 200, answer.text
    assert decide(region).json()["unit"]["signed"] is True

    # The ministry waits for every region; then it accepts the month.
    regions = [r.code for r in TREE.regions() if r.code != REGION]
    assert error(decide(ministry), 409, "not_ready")["details"]["blockers"] == {
        "unsigned_regions": len(regions)
    }
    nothing_done(server, [o for r in regions for d in TREE.districts(r) for o in TREE.okrugs(d.code)])
    for code in regions:
        for district in TREE.districts(code):
            assert decide(admin, level="district", unit=district.code).status_code == 200
        assert decide(admin, level="region", unit=code).status_code == 200
    accepted = decide(ministry)
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["chain"]["national"]["signed"] is True
    assert accepted.json()["chain"]["national"]["signed_by"] == "dana"

    # The chain is visible at every level, with who signed.
    for caller in (coordinator, region, ministry):
        seen = caller.get("/signoffs", params={"month": MONTH}).json()
        assert seen["national"]["signed"] is True
        assert all(r["signed"] for r in seen["regions"])
        assert all(d["signed"] for d in seen["districts"])
    mine = coordinator.get("/signoffs", params={"month": MONTH}).json()
    assert [(e["actor"], e["level"]) for e in mine["events"]] == [
        ("aigul", "district"),
        ("erlan", "region"),
        ("dana", "national"),
    ]
    with server.engine.connect() as conn:
        audited = conn.execute(
            select(t.audit_log.c.actor, t.audit_log.c.action, t.audit_log.c.target).where(
                t.audit_log.c.action == "signoff", t.audit_log.c.actor != "root"
            )
        ).all()
    assert sorted(audited) == sorted(
        [
            ("aigul", "signoff", f"{MONTH} {DISTRICT}"),
            ("erlan", "signoff", f"{MONTH} {REGION}"),
            ("dana", "signoff", f"{MONTH} {NATIONAL_UNIT}"),
        ]
    )


def test_a_closed_month_holds_a_late_record_until_it_is_reopened(server: LiveServer) -> None:
    laptop, coordinator, record = district_ready(server)
    review_all(coordinator, record)
    assert decide(coordinator).status_code == 200

    # A late record of March, and a change to the accepted one: held, with the month and who closed it.
    late = action(action_date=date(2026, 3, 28), participants=12)
    changed = record.revise(participants=55)
    answer = results(laptop.push(late, changed, base=[0, 1]))
    assert [(r.outcome, r.reason) for r in answer] == [("rejected", "month_closed")] * 2
    assert answer[0].details == {"month": MONTH, "closed_by": "district"}
    # Moving a record out of the month is a change to March too.
    moved = record.revise(action_date=date(2026, 4, 2))
    assert results(laptop.push(moved, base=1))[0].reason == "month_closed"
    # April is open: its records go as usual. So does "nothing done" for April, not for March.
    april = action(action_date=date(2026, 4, 3))
    assert results(laptop.push(april))[0].outcome == "applied"
    assert nil_push(laptop, OKRUG, "2026-03").json()["nil_reports"][0]["reason"] == "month_closed"
    # The laptop is told which months are closed (when it asks: older apps refuse unknown fields).
    assert laptop.get("/pull", params={"closed_months": "true"}).json()["closed_months"] == [MONTH]
    assert "closed_months" not in laptop.get("/pull").json()
    # The coordinator's decisions about March stand.
    refused = coordinator.post(
        "/reviews",
        json={
            "decisions": [
                {"record_id": str(record.id), "revision": 1, "decision": "returned", "comment": "?"}
            ]
        },
    )
    assert refused.json()["results"][0]["reason"] == "month_closed"
    with server.engine.connect() as conn:
        stored = conn.execute(
            select(t.records.c.id, t.records.c.participants, t.records.c.review_status)
        ).all()
    assert sorted(stored) == sorted([(str(record.id), 40, "accepted"), (str(april.id), 40, "pending")])

    # Reopening says why; then the laptop's late record and change go through.
    assert "reason" in error(decide(coordinator, "reopen"), 422, "malformed")["message"]
    reopened = decide(coordinator, "reopen", reason="Қайнар сent a late subbotnik")
    assert reopened.status_code == 200, reopened.text
    assert reopened.json()["unit"]["signed"] is False
    assert reopened.json()["unit"]["blockers"] == {}
    assert decide(coordinator, "reopen", reason="again").json()["outcome"] == "already"
    assert laptop.get("/pull", params={"closed_months": "true"}).json()["closed_months"] == []
    answer = results(laptop.push(late, changed, base=[0, 1]))
    assert [r.outcome for r in answer] == ["applied", "applied"]
    events = coordinator.get("/signoffs", params={"month": MONTH}).json()["events"]
    assert [(e["action"], e["actor"], e["reason"]) for e in events] == [
        ("signed", "aigul", ""),
        ("reopened", "aigul", "Қайнар сent a late subbotnik"),
    ]
    # Now two records wait for review again: the month cannot be signed until they are reviewed.
    assert error(decide(coordinator), 409, "not_ready")["details"]["blockers"] == {"pending_records": 2}


def test_reopening_goes_top_down(server: LiveServer) -> None:
    laptop, coordinator, record = district_ready(server)
    review_all(coordinator, record)
    admin = server.user("root", "admin")
    region = server.user("erlan", "region", region=REGION)
    others = [d.code for d in TREE.districts(REGION) if d.code != DISTRICT]
    nothing_done(server, [o for d in others for o in TREE.okrugs(d)])
    for district in [DISTRICT, *others]:
        assert decide(admin, level="district", unit=district).status_code == 200
    assert decide(region).status_code == 200

    # The district cannot reopen while the region's sign-off stands; the region reopens first.
    blocked = error(decide(coordinator, "reopen", reason="a late record"), 409, "conflict")
    assert blocked["details"] == {"signed_by": "region"}
    pushed = results(laptop.push(action(action_date=DAY)))
    assert pushed[0].details == {"month": MONTH, "closed_by": "region"}
    assert decide(region, "reopen", reason="Talgar has a late record").status_code == 200
    # A region user may send one of its districts back, but not sign it for it.
    assert (
        decide(region, "reopen", level="district", unit=DISTRICT, reason="a late record").status_code == 200
    )
    assert (
        "signed off at its own level"
        in error(decide(region, level="district", unit=DISTRICT), 403, "forbidden")["message"]
    )


@pytest.mark.parametrize(
    ("who", "fields", "status", "reason"),
    [
        ("coordinator", {"unit": FAR_DISTRICT}, 403, "forbidden"),  # another district
        ("coordinator", {"level": "region"}, 403, "forbidden"),  # above its level
        ("region", {"unit": "100000000"}, 403, "forbidden"),  # another region
        ("region", {"level": "national"}, 403, "forbidden"),
        ("national", {"level": "district", "unit": DISTRICT}, 403, "forbidden"),
        ("admin", {}, 422, "malformed"),  # an admin names the level
        ("admin", {"level": "district", "unit": "196247000"}, 422, "malformed"),  # an okrug, not a district
        ("admin", {"level": "region", "unit": "750000000"}, 422, "malformed"),  # Almaty city: no okrugs
    ],
)
def test_each_role_decides_only_at_its_level(
    server: LiveServer, who: str, fields: dict[str, str], status: int, reason: str
) -> None:
    users = {
        "coordinator": lambda: server.user("aigul", "coordinator", district=DISTRICT),
        "region": lambda: server.user("erlan", "region", region=REGION),
        "national": lambda: server.user("dana", "national"),
        "admin": lambda: server.user("root", "admin"),
    }
    caller = users[who]()
    error(decide(caller, **fields), status, reason)
    with server.engine.connect() as conn:
        assert conn.execute(select(t.signoffs)).all() == []
        assert conn.execute(select(t.signoff_events)).all() == []


def test_bad_requests_and_laptops_are_refused(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    coordinator = server.user("aigul", "coordinator", district=DISTRICT)
    error(decide(laptop), 403, "forbidden")
    error(laptop.get("/signoffs", params={"month": MONTH}), 403, "forbidden")
    error(coordinator.post("/signoffs", json={"month": "2026-13", "decision": "sign"}), 422, "malformed")
    error(coordinator.post("/signoffs", json={"month": MONTH, "decision": "approve"}), 422, "malformed")
    error(coordinator.get("/signoffs", params={"month": "March"}), 422, "malformed")
    error(coordinator.get("/signoffs", params={"month": MONTH, "region": "100000000"}), 403, "forbidden")
    # The month under way cannot be signed off.
    this_month = datetime.now(UTC).strftime("%Y-%m")
    answer = coordinator.post("/signoffs", json={"month": this_month, "decision": "sign"})
    assert error(answer, 409, "not_ready")["details"]["blockers"]["month_not_over"] == 1


def test_a_record_in_conflict_keeps_the_month_open(server: LiveServer) -> None:
    laptop, coordinator, record = district_ready(server)
    second = record.revise(participants=50)
    assert results(laptop.push(second, base=1))[0].outcome == "applied"
    stale = record.revise(participants=99)  # another laptop's edit of revision 1
    assert results(laptop.push(stale, base=1))[0].outcome == "conflict"
    review_all(coordinator, second)
    assert error(decide(coordinator), 409, "not_ready")["details"]["blockers"] == {"conflicts": 1}


@pytest.fixture
def pg_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LiveServer]:
    databases = database_for(request, "postgres", tmp_path)
    live = LiveServer(tmp_path, next(databases)).start()
    yield live
    live.close()
    next(databases, None)


def lock_waiters(server: LiveServer) -> int:
    with server.engine.connect() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity"
                    " WHERE wait_event_type = 'Lock' AND datname = current_database()"
                )
            ).scalar_one()
        )


@pytest.mark.postgres
def test_a_push_racing_a_sign_off_waits_for_it_and_is_held(pg_server: LiveServer) -> None:
    """The sign-off takes its district's okrugs' locks, which pushes take first: a push that comes
    while a sign-off is being written waits for it, then finds the month closed — it never slips a
    record into a month that was just signed off."""
    server = pg_server
    laptop, coordinator, record = district_ready(server)
    review_all(coordinator, record)
    who = Principal(Role.COORDINATOR, "aigul-id", "aigul", district=DISTRICT)
    late = action(action_date=date(2026, 3, 29))
    with ThreadPoolExecutor(1) as pool, server.engine.connect() as conn:
        with conn.begin():
            signoffs.decide(
                conn, KATO, who, SignoffRequest(month=MONTH, decision="sign"), AT, date(2026, 4, 2)
            )
            pushing = pool.submit(laptop.push, late)
            # The race happened: the push's transaction waits on a lock the sign-off holds.
            deadline = time.monotonic() + 30
            while not lock_waiters(server) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert lock_waiters(server) == 1
            assert not pushing.done()
        answer = results(pushing.result(timeout=30))
    assert [(r.outcome, r.reason) for r in answer] == [("rejected", "month_closed")]


def test_it_staff_see_and_decide_the_chain_from_the_command_line(server: LiveServer) -> None:
    _, coordinator, record = district_ready(server)
    review_all(coordinator, record)
    shown = server.cli("signoff", "show", MONTH, "--region", REGION, "--lang", "kk").stdout
    assert "national   000000000  Kazakhstan" in shown
    assert f"district   {DISTRICT}  Талғар ауданы" in shown
    assert "ready to sign off" in shown
    done = server.cli("signoff", "sign", MONTH, "--level", "district", "--unit", DISTRICT)
    assert done.stdout.strip() == f"{MONTH} district {DISTRICT}: signed off"
    assert "signed off by cli:" in server.cli("signoff", "show", MONTH, "--region", REGION).stdout
    # Mistakes and refusals: exit 2, a plain line, nothing changed.
    for args, said in (
        (
            ["sign", MONTH, "--level", "region", "--unit", REGION],
            "cannot be signed off yet (unsigned_districts: 10)",
        ),
        (["reopen", MONTH, "--level", "district"], "the following arguments are required: --reason"),
        (["reopen", MONTH, "--level", "district", "--reason", "late"], "name the district with --unit"),
        (["sign", MONTH, "--level", "district", "--unit", "7"], "not a KATO code"),
        (["show", MONTH, "--region", "750000000"], "not a region that reports"),
        (["show", "March"], "not a month (YYYY-MM)"),
    ):
        failed = server.cli("signoff", *args, check=False)
        assert failed.returncode == 2, failed
        assert said in failed.stderr, failed.stderr
    with server.engine.connect() as conn:
        assert conn.execute(select(t.signoffs.c.unit, t.signoffs.c.level)).all() == [(DISTRICT, "district")]
        audited = conn.execute(
            select(t.audit_log.c.actor, t.audit_log.c.address).where(t.audit_log.c.action == "signoff")
        ).all()
    assert len(audited) == 1
    assert audited[0].actor.startswith("cli:")
    assert audited[0].address == "cli"
