"""Every caller stays in its scope: a laptop its okrug, a coordinator its district and review
decisions only, an admin everything; revoked and expired tokens stop working at once. Each refusal
is logged."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

from server import schema as t
from tests.records import (
    DISTRICT,
    FAR_OKRUG,
    FAR_SETTLEMENT,
    LONG_AGO,
    OKRUG,
    OTHER_OKRUG,
    OTHER_SETTLEMENT,
    action,
)
from tests.server.live import Caller, LiveServer, results


def refused(response, status: int, reason: str) -> None:  # type: ignore[no-untyped-def]
    assert (response.status_code, response.json()["error"]["reason"]) == (status, reason), response.text


def stored(server: LiveServer) -> int:
    with server.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(t.records)).scalar_one()


def test_a_laptop_writes_only_its_okrug(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    response = laptop.push(action(okrug=OTHER_OKRUG, settlement=OTHER_SETTLEMENT))
    assert [(r.outcome, r.reason) for r in results(response)] == [("rejected", "scope")]
    assert stored(server) == 0
    assert "refused" in server.log.read_text(encoding="utf-8")


def test_a_laptop_cannot_act_as_a_coordinator(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    record = action()
    laptop.push(record)
    decision = {"record_id": str(record.id), "revision": 1, "decision": "accepted"}
    refused(laptop.post("/reviews", json={"decisions": [decision]}), 403, "forbidden")
    refused(laptop.get("/devices"), 403, "forbidden")
    for path in ("/reports/totals", "/reports/completeness"):
        refused(
            laptop.get(path, params={"start": "2026-01-01", "end": "2027-01-01", "year": 2026}),
            403,
            "forbidden",
        )
    with server.engine.connect() as conn:
        assert conn.execute(select(t.records.c.review_status)).scalar_one() == "pending"
    assert "refused POST /api/v1/reviews" in server.log.read_text(encoding="utf-8")


def test_a_coordinator_writes_nothing_but_decisions(server: LiveServer) -> None:
    coordinator = server.user("aigul", "coordinator", district=DISTRICT)
    refused(coordinator.push(action()), 403, "forbidden")
    assert stored(server) == 0


def test_a_coordinator_reviews_only_the_district(server: LiveServer) -> None:
    far = server.enrol(FAR_OKRUG)
    record = action(okrug=FAR_OKRUG, settlement=FAR_SETTLEMENT)
    far.push(record)
    coordinator = server.user("aigul", "coordinator", district=DISTRICT)
    response = coordinator.post(
        "/reviews", json={"decisions": [{"record_id": str(record.id), "revision": 1, "decision": "accepted"}]}
    )
    assert [(r["outcome"], r["reason"]) for r in response.json()["results"]] == [("rejected", "forbidden")]
    with server.engine.connect() as conn:
        assert conn.execute(select(t.records.c.review_status)).scalar_one() == "pending"
    assert "tried to review" in server.log.read_text(encoding="utf-8")
    # nor sees its laptops or its records
    server.enrol(OKRUG, "ours")
    assert [d["okrug"] for d in coordinator.get("/devices").json()] == [OKRUG]
    assert coordinator.get("/pull").json()["records"] == []
    # an admin may
    admin = server.user("root", "admin")
    assert len(admin.get("/devices").json()) == 2
    response = admin.post(
        "/reviews", json={"decisions": [{"record_id": str(record.id), "revision": 1, "decision": "accepted"}]}
    )
    assert response.json()["results"][0]["outcome"] == "applied"


def test_a_revoked_laptop_is_shut_out_at_once(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    assert laptop.get("/pull").status_code == 200
    with server.engine.connect() as conn:
        device_id = conn.execute(select(t.devices.c.id)).scalar_one()
    server.cli("device", "revoke", device_id)
    refused(laptop.get("/pull"), 401, "token_revoked")
    refused(laptop.push(action()), 401, "token_revoked")
    assert stored(server) == 0
    again = server.cli("device", "revoke", device_id, check=False)
    assert again.returncode == 2
    assert "no active device" in again.stderr


def test_an_expired_session_is_told_to_log_in_again(server: LiveServer) -> None:
    coordinator = server.user("aigul", "coordinator", district=DISTRICT)
    with server.engine.begin() as conn:
        conn.execute(update(t.tokens).where(t.tokens.c.kind == "user").values(expires_at=LONG_AGO))
    refused(coordinator.get("/pull"), 401, "token_expired")


def test_a_disabled_user_is_shut_out(server: LiveServer) -> None:
    coordinator = server.user("aigul", "coordinator", district=DISTRICT)
    server.cli("user", "disable", "aigul")
    refused(coordinator.get("/pull"), 401, "token_revoked")
    response = server.caller().post("/login", json={"username": "aigul", "password": "a long password"})
    refused(response, 401, "bad_credentials")


@pytest.mark.parametrize("token", [None, "", "not-a-token", "x" * 300])
def test_no_token_or_a_made_up_one(sqlite_server: LiveServer, token: str | None) -> None:
    caller = Caller(sqlite_server.base, token)
    try:
        refused(caller.get("/pull"), 401, "unauthenticated")
        refused(caller.push(action()), 401, "unauthenticated")
    finally:
        caller.close()
    assert stored(sqlite_server) == 0


def test_tokens_are_stored_only_hashed(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    coordinator = server.user("aigul", "coordinator", district=DISTRICT)
    with server.engine.connect() as conn:
        hashes = set(conn.execute(select(t.tokens.c.token_hash)).scalars())
        password = conn.execute(select(t.users.c.password_hash)).scalar_one()
    assert laptop.token not in hashes
    assert coordinator.token not in hashes
    assert len(hashes) == 2
    assert "a long password" not in password
    assert password.startswith("scrypt$")
