"""The region (an oblast) and national (the ministry) roles: each reads its subtree of KATO, the
records, their pull, totals and completeness, and writes nothing of the district's level (no
records, no review decisions). Every refusal is a 403 with a reason, and nothing changes."""

from __future__ import annotations

from typing import Any

import requests
from sqlalchemy import func, select

from fieldapp.kato import default_kato
from server import schema as t
from tests.records import (
    DISTRICT,
    FAR_DISTRICT,
    FAR_OKRUG,
    FAR_SETTLEMENT,
    OKRUG,
    REGION,
    action,
)
from tests.server.live import Caller, LiveServer, results

ABAI = "100000000"  # Абай облысы: another region
ABAI_DISTRICT = default_kato().districts(ABAI)[0].code
ABAI_OKRUG = default_kato().okrugs(ABAI_DISTRICT)[0].code
ABAI_SETTLEMENT = default_kato().settlements(ABAI_OKRUG)[0].code
PERIOD = {"start": "2025-01-01", "end": "2027-01-01"}


def refused(response: Any, reason: str = "forbidden") -> dict[str, Any]:
    assert (response.status_code, response.json()["error"]["reason"]) == (403, reason), response.text
    return response.json()["error"]


def seed(server: LiveServer) -> dict[str, str]:
    """One record in our district, one in another district of the region, one in another region."""
    ids = {}
    for name, okrug, settlement in (
        ("ours", OKRUG, None),
        ("far", FAR_OKRUG, FAR_SETTLEMENT),
        ("abai", ABAI_OKRUG, ABAI_SETTLEMENT),
    ):
        record = action(okrug=okrug, settlement=settlement) if settlement else action()
        response = server.enrol(okrug, f"laptop {name}").push(record)
        assert [r.outcome for r in results(response)] == ["applied"], response.text
        ids[name] = str(record.id)
    return ids


def pulled(caller: Caller) -> set[str]:
    response = caller.get("/pull")
    assert response.status_code == 200, response.text
    return {r["id"] for r in response.json()["records"]}


def districts_in_totals(caller: Caller, **params: str) -> dict[str, int]:
    response = caller.get("/reports/totals", params=PERIOD | {"group_by": "district"} | params)
    assert response.status_code == 200, response.text
    return {row["group"]["district"]: row["actions"] for row in response.json()["rows"]}


def review_states(server: LiveServer) -> list[str]:
    with server.engine.connect() as conn:
        return sorted(conn.execute(select(t.records.c.review_status)).scalars())


def test_the_login_answer_says_the_role_and_its_region(server: LiveServer) -> None:
    server.user("erlan", "region", region=REGION)
    server.user("dana", "national")
    server.user("aigul", "coordinator", district=DISTRICT)
    for name, role, district, region in (
        ("erlan", "region", None, REGION),
        ("dana", "national", None, None),
        ("aigul", "coordinator", DISTRICT, None),
    ):
        answer = server.caller().post("/login", json={"username": name, "password": "a long password"})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert (body["role"], body["district"], body["region"]) == (role, district, region)
    with server.engine.connect() as conn:
        rows = conn.execute(select(t.users.c.username, t.users.c.role, t.users.c.district, t.users.c.region))
        assert sorted(tuple(r) for r in rows) == [
            ("aigul", "coordinator", DISTRICT, None),
            ("dana", "national", None, None),
            ("erlan", "region", None, REGION),
        ]


def test_a_region_user_reads_its_oblast_and_nothing_else(server: LiveServer) -> None:
    ids = seed(server)
    region = server.user("erlan", "region", region=REGION)

    # records: the pull, and one by one
    assert pulled(region) == {ids["ours"], ids["far"]}
    for name in ("ours", "far"):
        answer = region.get(f"/records/{ids[name]}")
        assert answer.status_code == 200, answer.text
        assert answer.json()["record"]["id"] == ids[name]
    assert "outside the region's area" in refused(region.get(f"/records/{ids['abai']}"))["message"]

    # totals and completeness of the oblast, of one of its districts; never of another region
    assert districts_in_totals(region) == {DISTRICT: 1, FAR_DISTRICT: 1}
    assert districts_in_totals(region, region=REGION) == {DISTRICT: 1, FAR_DISTRICT: 1}
    assert districts_in_totals(region, district=FAR_DISTRICT) == {FAR_DISTRICT: 1}
    matrix = region.get("/reports/completeness", params={"year": 2026})
    assert matrix.status_code == 200, matrix.text
    okrugs = {row["okrug"] for row in matrix.json()["rows"]}
    assert {OKRUG, FAR_OKRUG} <= okrugs
    assert ABAI_OKRUG not in okrugs
    for path, params in (("/reports/totals", PERIOD), ("/reports/completeness", {"year": "2026"})):
        error = refused(region.get(path, params=params | {"region": ABAI}))
        assert f"region user erlan of {REGION} asked for region {ABAI}" in error["message"]
        error = refused(region.get(path, params=params | {"district": ABAI_DISTRICT}))
        assert "another region" in error["message"]
    assert f"asked for district {ABAI_DISTRICT} of another region" in server.log.read_text(encoding="utf-8")


def test_a_national_user_reads_everything(server: LiveServer) -> None:
    ids = seed(server)
    national = server.user("dana", "national")
    assert pulled(national) == set(ids.values())
    for rid in ids.values():
        assert national.get(f"/records/{rid}").status_code == 200
    assert districts_in_totals(national) == {DISTRICT: 1, FAR_DISTRICT: 1, ABAI_DISTRICT: 1}
    assert districts_in_totals(national, region=ABAI) == {ABAI_DISTRICT: 1}
    assert districts_in_totals(national, district=DISTRICT) == {DISTRICT: 1}
    matrix = national.get("/reports/completeness", params={"year": 2026, "region": ABAI})
    assert matrix.status_code == 200, matrix.text
    assert ABAI_OKRUG in {row["okrug"] for row in matrix.json()["rows"]}


def test_region_and_national_users_write_nothing(server: LiveServer) -> None:
    ids = seed(server)
    region = server.user("erlan", "region", region=REGION)
    national = server.user("dana", "national")
    for caller, role in ((region, "region"), (national, "national")):
        decision = {"record_id": ids["ours"], "revision": 1, "decision": "accepted"}
        error = refused(caller.post("/reviews", json={"decisions": [decision]}))
        assert error["message"] == f"a {role} user only reads records and reports"
        assert error["details"]["role"] == role
        refused(caller.push(action()))
        refused(caller.post("/duplicates/dismissals", json={"dismissals": []}))
        refused(caller.post("/bundles", data=b"PK"))
        refused(caller.get("/devices"))
        refused(caller.put("/release", json={}))
    assert review_states(server) == ["pending", "pending", "pending"]
    with server.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.records)).scalar_one() == 3
    assert "refused POST /api/v1/reviews: a national user only reads" in server.log.read_text(
        encoding="utf-8"
    )


def test_the_openapi_description_names_the_roles(sqlite_server: LiveServer) -> None:
    schema = requests.get(sqlite_server.root + "/openapi.json", timeout=10).json()
    assert "`region` (an oblast" in schema["info"]["description"]
    assert set(schema["components"]["schemas"]["Role"]["enum"]) == {
        "device",
        "coordinator",
        "region",
        "national",
        "admin",
    }
    assert "region" in schema["components"]["schemas"]["LoginResponse"]["properties"]
