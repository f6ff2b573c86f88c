"""A server in a child process on 127.0.0.1: for the demo, the benchmarks and the tests.

    with ServerProcess("sqlite:///demo/server.sqlite", Path("demo/photos")) as server:
        server.init()          # fieldapp-server init (idempotent)
        server.start()         # fieldapp-server serve on a free port; returns once /health answers
        ... server.url ...     # http://127.0.0.1:PORT

The child is ``python -m server.cli`` of this interpreter, so it runs the code of this checkout.
Its output goes to ``log`` (a file), never to a pipe nobody reads.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType

from sync.protocol import API_PREFIX

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 60


class ServerProcessError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerProcess:
    def __init__(
        self,
        database_url: str,
        photo_dir: Path,
        *,
        log: Path | None = None,
        port: int | None = None,
        cwd: Path | None = None,
        bind: str = "127.0.0.1",
        **settings: str,
    ) -> None:
        """``settings``: more server settings, by name (``workers="2"`` sets TAZA_SERVER_WORKERS).
        ``bind``: the address it listens on (``0.0.0.0`` to be reached from a network namespace
        too); it is always asked on 127.0.0.1."""
        self.database_url = database_url
        self.bind = bind
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.api = self.url + API_PREFIX
        self.cwd = cwd or photo_dir.parent
        self.log = log or self.cwd / "server.log"
        self.env = {
            **os.environ,
            "TAZA_SERVER_DATABASE_URL": database_url,
            "TAZA_SERVER_PHOTO_DIR": str(photo_dir),
            "TAZA_SERVER_PUBLIC_URL": self.url,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            **{f"TAZA_SERVER_{name.upper()}": str(value) for name, value in settings.items()},
        }
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> ServerProcess:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def cli(
        self, *args: str, env: dict[str, str] | None = None, check: bool = True, timeout: float = 300
    ) -> subprocess.CompletedProcess[str]:
        """Run ``fieldapp-server ARGS`` against this server's database and settings."""
        self.cwd.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [sys.executable, "-m", "server.cli", *args],
            env=self.env | (env or {}),
            cwd=self.cwd,
            capture_output=True,
            encoding="utf-8",  # what the command writes everywhere (not Windows' code page)
            errors="replace",
            timeout=timeout,
        )
        if check and result.returncode != 0:
            command = " ".join(args)
            output = result.stdout + result.stderr
            raise ServerProcessError(f"fieldapp-server {command} failed ({result.returncode}):\n{output}")
        return result

    def init(self) -> None:
        self.cli("init")

    def start(self) -> ServerProcess:
        self.cwd.mkdir(parents=True, exist_ok=True)
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "server.cli", "serve", "--host", self.bind, "--port", str(self.port)],
                env=self.env,
                cwd=self.cwd,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.process = None
                raise ServerProcessError(f"the server exited:\n{self.log_tail()}")
            if self.healthy():
                return self
            time.sleep(0.05)
        self.stop()
        raise ServerProcessError(f"the server did not answer within {START_TIMEOUT_S} s:\n{self.log_tail()}")

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(self.api + "/health", timeout=2) as answer:
                return answer.status == 200
        except (urllib.error.URLError, OSError):
            return False

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

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

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return "(no log)"
