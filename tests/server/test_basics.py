"""Health, version, protocol versions, enrolment and login, against a real server process."""

from __future__ import annotations

import json

import requests
from sqlalchemy import create_engine, select, update

from server import schema as t
from sync.protocol import EnrolResponse
from tests.records import LONG_AGO, OKRUG
from tests.server.live import LiveServer


def test_health_and_version_need_no_token(server: LiveServer) -> None:
    health = requests.get(server.base + "/health", timeout=10)
    assert health.status_code == 200
    assert health.json()["status"] == "ok"
    assert health.json()["database"] in ("sqlite", "postgresql")
    version = requests.get(server.base + "/version", timeout=10).json()
    assert version["protocols"] == [1]


def test_another_protocol_version_is_told_plainly(server: LiveServer) -> None:
    for sent in ({}, {"X-Taza-Protocol": "2"}, {"X-Taza-Protocol": "one"}):
        response = requests.get(server.base + "/pull", headers=sent, timeout=10)
        assert response.status_code == 426
        assert response.json()["error"]["reason"] == "protocol_mismatch"
        assert response.json()["error"]["details"]["supported"] == [1]


def test_enrolment_once_per_code(server: LiveServer) -> None:
    out = server.tmp / "p.json"
    server.cli("device", "enrol", "--okrug", OKRUG, "--out", str(out))
    provisioning = json.loads(out.read_text(encoding="utf-8"))
    assert provisioning["okrug"] == OKRUG
    assert provisioning["server_url"] == server.root
    anonymous = server.caller()
    typed = provisioning["code"].lower().replace("-", " ")  # as a person might type it
    first = anonymous.post("/enrol", json={"code": typed, "device_name": "Қайнар ноутбугы"})
    assert first.status_code == 200
    enrolled = EnrolResponse.model_validate_json(first.content)
    assert enrolled.okrug == OKRUG
    with server.engine.connect() as conn:
        device = conn.execute(select(t.devices)).one()
        token = conn.execute(select(t.tokens.c.token_hash)).scalar_one()
    # the bundle key is kept (the server checks bundles with it), the token only as its hash
    assert (device.id, device.bundle_key) == (str(enrolled.device_id), enrolled.bundle_key)
    assert len(enrolled.bundle_key) >= 43
    assert enrolled.token not in token
    again = anonymous.post("/enrol", json={"code": provisioning["code"], "device_name": "another"})
    assert (again.status_code, again.json()["error"]["reason"]) == (409, "enrolment_used")
    wrong = anonymous.post("/enrol", json={"code": "AAAA-BBBB-CCCC", "device_name": "x"})
    assert (wrong.status_code, wrong.json()["error"]["reason"]) == (404, "enrolment_unknown")


def test_an_expired_code_is_refused(server: LiveServer) -> None:
    out = server.tmp / "p.json"
    server.cli("device", "enrol", "--okrug", OKRUG, "--out", str(out))
    engine = create_engine(server.database_url)
    with engine.begin() as conn:
        conn.execute(update(t.enrolments).values(expires_at=LONG_AGO))
    engine.dispose()
    code = json.loads(out.read_text(encoding="utf-8"))["code"]
    response = server.caller().post("/enrol", json={"code": code, "device_name": "x"})
    assert (response.status_code, response.json()["error"]["reason"]) == (410, "enrolment_expired")


def test_login_and_logout(server: LiveServer) -> None:
    coordinator = server.user("aigul", "coordinator", district="196200000")
    assert coordinator.get("/pull").status_code == 200
    wrong = server.caller().post("/login", json={"username": "aigul", "password": "not this"})
    assert (wrong.status_code, wrong.json()["error"]["reason"]) == (401, "bad_credentials")
    nobody = server.caller().post("/login", json={"username": "nobody", "password": "whatever"})
    assert nobody.json()["error"]["reason"] == "bad_credentials"
    assert coordinator.post("/logout").status_code == 204
    assert coordinator.get("/pull").json()["error"]["reason"] == "token_revoked"


def test_the_api_documents_itself(sqlite_server: LiveServer) -> None:
    docs = requests.get(sqlite_server.root + "/docs", timeout=10)
    assert docs.status_code == 200
    assert "swagger" in docs.text.lower()
    schema = requests.get(sqlite_server.root + "/openapi.json", timeout=10).json()
    paths = set(schema["paths"])
    for path in (
        "/health",
        "/version",
        "/enrol",
        "/login",
        "/push",
        "/pull",
        "/reviews",
        "/devices",
        "/photos/{sha256}",
        "/reports/totals",
        "/reports/completeness",
    ):
        assert "/api/v1" + path in paths, path
    push = schema["paths"]["/api/v1/push"]["post"]
    assert push["requestBody"]["content"]["application/json"]["schema"]["properties"]["records"]
