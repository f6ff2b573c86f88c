"""A real server for tests: ``fieldapp-server init`` then ``serve`` in its own process, on a free
port of 127.0.0.1, over a real database (a SQLite file, or a fresh PostgreSQL database)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import Engine

from fieldapp.models import CleanupAction
from server import accounts
from server.db import make_engine
from sync.protocol import API_PREFIX, PROTOCOL_HEADER, PROTOCOL_VERSION

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
TIMEOUT = 30


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
            self.base + path, headers=self.headers(kw.pop("headers", None)), timeout=TIMEOUT, **kw
        )

    def post(self, path: str, **kw: Any) -> requests.Response:
        return self.session.post(
            self.base + path, headers=self.headers(kw.pop("headers", None)), timeout=TIMEOUT, **kw
        )

    def put(self, path: str, **kw: Any) -> requests.Response:
        return self.session.put(
            self.base + path, headers=self.headers(kw.pop("headers", None)), timeout=TIMEOUT, **kw
        )

    def push(
        self, *records: CleanupAction, base: int | list[int] = 0, batch_id: str | None = None, **extra: Any
    ) -> requests.Response:
        bases = base if isinstance(base, list) else [base] * len(records)
        body = {
            "batch_id": batch_id or str(uuid.uuid4()),
            "records": [
                {"record": json.loads(r.model_dump_json()), "base_revision": b}
                for r, b in zip(records, bases, strict=True)
            ],
            **extra,
        }
        return self.post("/push", json=body)

    def close(self) -> None:
        self.session.close()


class LiveServer:
    def __init__(self, tmp: Path, database_url: str, **settings: str) -> None:
        """``settings``: server settings for this one (``max_body_bytes="1000"`` sets
        ``TAZA_SERVER_MAX_BODY_BYTES``)."""
        self.tmp, self.database_url = tmp, database_url
        self.port = free_port()
        self.root = f"http://127.0.0.1:{self.port}"
        self.base = self.root + API_PREFIX
        self.env = {
            **os.environ,
            "TAZA_SERVER_DATABASE_URL": database_url,
            "TAZA_SERVER_PHOTO_DIR": str(tmp / "photos"),
            "TAZA_SERVER_PUBLIC_URL": self.root,
            "PYTHONPATH": str(ROOT),
            **{f"TAZA_SERVER_{name.upper()}": value for name, value in settings.items()},
        }
        self.process: subprocess.Popen[bytes] | None = None
        self.log = tmp / "server.log"
        self._callers: list[Caller] = []
        self._engine: Engine | None = None

    def cli(
        self, *args: str, env: dict[str, str] | None = None, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, "-m", "server.cli", *args],
            env=self.env | (env or {}),
            cwd=self.tmp,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"fieldapp-server {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
            )
        return result

    def start(self) -> LiveServer:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "server.cli", "serve", "--port", str(self.port)],
                env=self.env,
                cwd=self.tmp,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the server exited: {self.log.read_text()[-3000:]}")
            try:
                if requests.get(self.base + "/health", timeout=1).ok:
                    return self
            except requests.ConnectionError:
                time.sleep(0.05)
        raise AssertionError(f"the server did not start: {self.log.read_text()[-3000:]}")

    def stop(self, kill: bool = False) -> None:
        if self.process is None:
            return
        if kill:
            self.process.kill()
        else:
            self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

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
            code, _ = accounts.create_enrolment(conn, okrug, days=14)
        return code

    def enrol(self, okrug: str, name: str = "laptop") -> Caller:
        code = self.enrolment_code(okrug)
        response = self.caller().post(
            "/enrol", json={"code": code, "device_name": name, "app_version": "0.1.0"}
        )
        assert response.status_code == 200, response.text
        return self.caller(response.json()["token"])

    def user(
        self, username: str, role: str, district: str | None = None, password: str = "a long password"
    ) -> Caller:
        args = ["user", "add", username, "--role", role, "--password-env", "TAZA_TEST_PASSWORD"]
        if district:
            args += ["--district", district]
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
