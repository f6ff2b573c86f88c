"""Bad bodies: each gets a 4xx with a machine-readable reason, and nothing is stored."""

from __future__ import annotations

import gzip
import json
import uuid
from collections.abc import Iterator

import pytest
import requests
from sqlalchemy import func, select

from server import schema as t
from tests.records import OKRUG, action
from tests.server.live import Caller, LiveServer


def refused(response: requests.Response, status: int, reason: str) -> dict:  # type: ignore[type-arg]
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["reason"] == reason
    assert error["message"]
    return error


def nothing_stored(server: LiveServer) -> None:
    with server.engine.connect() as conn:
        for table in (t.records, t.record_revisions, t.batches, t.changes, t.nil_reports):
            assert conn.execute(select(func.count()).select_from(table)).scalar_one() == 0, table.name


def batch(*records, **extra) -> dict:  # type: ignore[no-untyped-def, type-arg]
    return {
        "batch_id": str(uuid.uuid4()),
        "records": [{"record": json.loads(r.model_dump_json()), "base_revision": 0} for r in records],
        **extra,
    }


@pytest.fixture
def laptop(sqlite_server: LiveServer) -> Caller:
    return sqlite_server.enrol(OKRUG)


JSON = {"Content-Type": "application/json"}


def test_not_json(sqlite_server: LiveServer, laptop: Caller) -> None:
    for body in (b"{", b"[1, 2", b"\xff\xfe", b"", b"null", b"[]"):
        refused(laptop.post("/push", data=body, headers=JSON), 422, "malformed")
    nothing_stored(sqlite_server)


def test_wrong_types_name_the_place(sqlite_server: LiveServer, laptop: Caller) -> None:
    body = batch(action())
    body["records"][0]["record"]["participants"] = "forty"
    error = refused(laptop.post("/push", json=body), 422, "malformed")
    assert ["records", "0", "record", "participants"] in [e["loc"] for e in error["details"]["errors"]]
    for wrong in ({"batch_id": "not a uuid"}, {"records": {"a": 1}}, {"unknown_field": 1}, {"waiting": -1}):
        refused(laptop.post("/push", json=batch(action()) | wrong), 422, "malformed")
    no_id = batch(action())
    del no_id["batch_id"]
    refused(laptop.post("/push", json=no_id), 422, "malformed")
    nothing_stored(sqlite_server)


def test_a_record_that_breaks_the_model_rejects_the_batch_whole(
    sqlite_server: LiveServer, laptop: Caller
) -> None:
    """A body that is not protocol (here: a negative quantity the model itself forbids) is refused
    as a whole — unlike a well-formed record that breaks a rule, which is rejected on its own."""
    body = batch(action(), action())
    body["records"][1]["record"]["waste"] = [{"fraction": "mixed", "kg": -5}]
    refused(laptop.post("/push", json=body), 422, "malformed")
    nothing_stored(sqlite_server)


@pytest.mark.server_settings(max_body_bytes=20_000)
def test_a_body_over_the_limit(sqlite_server: LiveServer, laptop: Caller) -> None:
    big = batch(*[action(notes="ы" * 1000) for _ in range(12)])
    error = refused(laptop.post("/push", json=big), 413, "too_large")
    assert error["details"]["limit"] == 20_000

    def streamed() -> Iterator[bytes]:  # no Content-Length: the server counts as it reads
        data = json.dumps(big).encode()
        for start in range(0, len(data), 4096):
            yield data[start : start + 4096]

    refused(laptop.post("/push", data=streamed(), headers=JSON), 413, "too_large")
    nothing_stored(sqlite_server)


@pytest.mark.server_settings(max_decompressed_bytes=1_000_000)
def test_a_gzip_bomb(sqlite_server: LiveServer, laptop: Caller) -> None:
    bomb = gzip.compress(b'{"batch_id": "' + b" " * 200_000_000 + b'"}', compresslevel=9)
    assert len(bomb) < 300_000
    headers = JSON | {"Content-Encoding": "gzip"}
    refused(laptop.post("/push", data=bomb, headers=headers), 413, "too_large")
    nothing_stored(sqlite_server)
    assert laptop.get("/pull").status_code == 200  # and the server is still there


def test_broken_or_unknown_encodings(sqlite_server: LiveServer, laptop: Caller) -> None:
    body = gzip.compress(json.dumps(batch(action())).encode())
    refused(
        laptop.post("/push", data=body[:-20], headers=JSON | {"Content-Encoding": "gzip"}),
        400,
        "bad_encoding",
    )
    refused(
        laptop.post("/push", data=b"not gzip", headers=JSON | {"Content-Encoding": "gzip"}),
        400,
        "bad_encoding",
    )
    refused(laptop.post("/push", data=body, headers=JSON | {"Content-Encoding": "br"}), 415, "bad_encoding")
    nothing_stored(sqlite_server)


@pytest.mark.server_settings(max_batch_records=3)
def test_a_batch_over_the_limit(sqlite_server: LiveServer, laptop: Caller) -> None:
    error = refused(laptop.push(*[action() for _ in range(4)]), 413, "too_large")
    assert error["details"]["limit"] == 3
    assert laptop.push(*[action() for _ in range(3)]).status_code == 200


def test_other_bodies_are_guarded_too(sqlite_server: LiveServer) -> None:
    anonymous = sqlite_server.caller()
    refused(anonymous.post("/enrol", data=b"{oops", headers=JSON), 422, "malformed")
    refused(anonymous.post("/enrol", json={"code": 12345678}), 422, "malformed")
    refused(anonymous.post("/login", json={"username": "", "password": "x"}), 422, "malformed")
    coordinator = sqlite_server.user("aigul", "coordinator", district="196200000")
    refused(coordinator.post("/reviews", json={"decisions": []}), 422, "malformed")
    refused(
        coordinator.post(
            "/reviews", json={"decisions": [{"record_id": "x", "revision": 1, "decision": "maybe"}]}
        ),
        422,
        "malformed",
    )


def test_errors_are_json_even_for_unknown_paths(sqlite_server: LiveServer, laptop: Caller) -> None:
    missing = laptop.get("/no/such/thing")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/json")
    wrong_method = laptop.get("/push")
    assert wrong_method.status_code == 405


def test_bad_bodies_store_nothing_on_either_database(server: LiveServer) -> None:
    """The guards stand before the database; this shows it on PostgreSQL too: a body that is not
    protocol, a record that breaks the model, a gzip bomb — refused whole, nothing stored."""
    laptop = server.enrol(OKRUG)
    refused(laptop.post("/push", data=b"[1, 2", headers=JSON), 422, "malformed")
    body = batch(action(), action())
    body["records"][1]["record"]["participants"] = -1
    refused(laptop.post("/push", json=body), 422, "malformed")
    bomb = gzip.compress(b'{"batch_id": "' + b" " * 60_000_000 + b'"}', compresslevel=9)
    refused(laptop.post("/push", data=bomb, headers=JSON | {"Content-Encoding": "gzip"}), 413, "too_large")
    nothing_stored(server)
