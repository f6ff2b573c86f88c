"""A real server for tests: ``fieldapp-server init`` then ``serve`` in its own process, on a free
port of 127.0.0.1, over a real database (a SQLite file, or a fresh PostgreSQL database)."""

from __future__ import annotations

import json
import subprocess
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import Engine

from fieldapp.models import CleanupAction
from server import accounts
from server.clock import Clock
from server.db import make_engine
from server.process import ServerProcess
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, PushResponse, RecordResult

PROTOCOL = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
TIMEOUT = 30


def results(response: requests.Response) -> list[RecordResult]:
    """The per-record answers of a push (defaults left out on the wire are filled in)."""
    assert response.status_code == 200, response.text
    return PushResponse.model_validate_json(response.content).results


@dataclass
class Caller:
    """A session with a token, speaking protocol 1."""

    base: str
    token: str | None = None
    session: requests.Session = field(default_factory=requests.Session)

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = dict(PROTOCOL)
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers | (extra or {})

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.session.get(
            self.base + path,
            headers=self.headers(kw.pop("headers", None)),
            timeout=kw.pop("timeout", TIMEOUT),
            **kw,
        )

    def post(self, path: str, **kw: Any) -> requests.Response:
        return self.session.post(
            self.base + path,
            headers=self.headers(kw.pop("headers", None)),
            timeout=kw.pop("timeout", TIMEOUT),
            **kw,
        )

    def put(self, path: str, **kw: Any) -> requests.Response:
        return self.session.put(
            self.base + path,
            headers=self.headers(kw.pop("headers", None)),
            timeout=kw.pop("timeout", TIMEOUT),
            **kw,
        )

    def push(
        self,
        *records: CleanupAction,
        base: int | list[int] = 0,
        batch_id: str | None = None,
        lineage: dict[int, str] | None = None,
        **extra: Any,
    ) -> requests.Response:
        """Push ``records`` (each made from ``base``; ``lineage`` for all of them) in one batch."""
        bases = base if isinstance(base, list) else [base] * len(records)
        body = {
            "batch_id": batch_id or str(uuid.uuid4()),
            "records": [
                {"record": json.loads(r.model_dump_json()), "base_revision": b}
                | ({"lineage": {str(k): v for k, v in lineage.items()}} if lineage else {})
                for r, b in zip(records, bases, strict=True)
            ],
            **extra,
        }
        return self.post("/push", json=body)

    def close(self) -> None:
        self.session.close()


class LiveServer:
    """A server process (``server.process.ServerProcess``) and the callers a test makes."""

    def __init__(self, tmp: Path, database_url: str, **settings: str) -> None:
        """``settings``: server settings for this one (``max_body_bytes="1000"`` sets
        ``TAZA_SERVER_MAX_BODY_BYTES``). It logs at INFO, so the harness (``tests.plugins.serverlog``)
        sees every request and every error in its log."""
        self.tmp, self.database_url = tmp, database_url
        self.log = tmp / "server.log"
        settings = {"log_level": "info"} | settings
        self.process = ServerProcess(database_url, tmp / "photos", log=self.log, cwd=tmp, **settings)
        # What a test writes into the server's database stands on the server's clock too.
        self.clock = Clock(datetime.fromisoformat(settings["now"]) if "now" in settings else None)
        self.root = self.process.url
        self.base = self.process.api
        self._callers: list[Caller] = []
        self._engine: Engine | None = None

    def cli(
        self, *args: str, env: dict[str, str] | None = None, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        return self.process.cli(*args, env=env, check=check, timeout=120)

    def start(self) -> LiveServer:
        self.process.start()
        return self

    def stop(self, kill: bool = False) -> None:
        self.process.stop(kill=kill)

    def caller(self, token: str | None = None) -> Caller:
        caller = Caller(self.base, token)
        self._callers.append(caller)
        return caller

    @property
    def engine(self) -> Engine:
        """The server's database, for setting up what a test needs (the CLI has tests of its own)."""
        if self._engine is None:
            self._engine = make_engine(self.database_url)
        return self._engine

    def enrolment_code(self, okrug: str) -> str:
        with self.engine.begin() as conn:
            code, _ = accounts.create_enrolment(conn, okrug, days=14, now=self.clock.now())
        return code

    def enrol(self, okrug: str, name: str = "laptop") -> Caller:
        code = self.enrolment_code(okrug)
        response = self.caller().post(
            "/enrol", json={"code": code, "device_name": name, "app_version": "0.1.0"}
        )
        assert response.status_code == 200, response.text
        return self.caller(response.json()["token"])

    def user(
        self,
        username: str,
        role: str,
        district: str | None = None,
        password: str = "a long password",
        region: str | None = None,
    ) -> Caller:
        args = ["user", "add", username, "--role", role, "--password-env", "TAZA_TEST_PASSWORD"]
        if district:
            args += ["--district", district]
        if region:
            args += ["--region", region]
        self.cli(*args, env={"TAZA_TEST_PASSWORD": password})
        response = self.caller().post("/login", json={"username": username, "password": password})
        assert response.status_code == 200, response.text
        return self.caller(response.json()["token"])

    def close(self) -> None:
        for caller in self._callers:
            caller.close()
        self.stop()
        if self._engine is not None:
            self._engine.dispose()


def iso(day: date) -> str:
    return day.isoformat()
