"""A throwaway PostgreSQL server for tests, CI and benchmarks: started in about a second, deleted after.

    with ThrowawayCluster() as cluster:            # initdb + pg_ctl start in a temporary folder
        url = cluster.create_database("bench")     # postgresql+psycopg://postgres@127.0.0.1:PORT/bench
        ...
    # stopped (pg_ctl stop -m fast) and its folder deleted

It uses the server binaries on the machine (``find_pg_bin``: Debian's ``postgresql`` package puts them
in ``/usr/lib/postgresql/VERSION/bin``), listens on 127.0.0.1 only, on a free port, with trust
authentication for the superuser ``postgres``, and with durability switched off for speed (fsync,
synchronous_commit, full_page_writes): it is for data that may be lost. Run as root, the server runs
as the ``postgres`` OS user (PostgreSQL refuses root); otherwise as the current user.

``python -m server.pgcluster`` starts one, prints its URL and keeps it until Ctrl+C.

Standard library only (no SQLAlchemy): creating a database uses psycopg when it is importable, else
``psql``. Linux (and other POSIX) only.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType
from urllib.parse import urlsplit, urlunsplit

if sys.platform != "win32":  # the tests' plugin imports this module on Windows too
    import pwd

PG_OS_USER = "postgres"  # who runs the server when we are root
SUPERUSER = "postgres"  # the database superuser initdb creates (trust authentication)
SPEED_SETTINGS = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}
START_TIMEOUT_S = 60
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")
_SOCKET_PATH_MAX = 100  # a Unix socket path must fit in 107 bytes, ".s.PGSQL.NNNNN" included


class ClusterError(RuntimeError):
    """The throwaway server could not be set up, started or used; the message says why."""


def find_pg_bin() -> Path | None:
    """The folder of the PostgreSQL server binaries (initdb, pg_ctl, postgres), or None.

    The newest ``/usr/lib/postgresql/*/bin`` that has ``initdb`` (Debian, Ubuntu), else ``initdb`` on
    PATH, else ``pg_config --bindir``. None on Windows: the server runs on Linux (the tests under
    Wine see Linux's binaries through the Z: drive, and cannot run them).
    """
    if sys.platform == "win32":
        return None
    versions = [d for d in Path("/usr/lib/postgresql").glob("*/bin") if (d / "initdb").is_file()]
    if versions:
        return max(versions, key=lambda d: tuple(int(p) for p in re.findall(r"\d+", d.parent.name)))
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    pg_config = shutil.which("pg_config")
    if pg_config:
        result = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        bindir = Path(result.stdout.strip())
        if result.returncode == 0 and (bindir / "initdb").is_file():
            return bindir
    return None


def with_database(url: str, name: str) -> str:
    """``url`` pointing at database ``name`` on the same server (and with the same credentials)."""
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


def libpq_url(url: str) -> str:
    """A SQLAlchemy URL (``postgresql+psycopg://...``) as libpq (psycopg, psql) takes it."""
    return re.sub(r"^postgres(?:ql)?(?:\+\w+)?://", "postgresql://", url)


def run_sql(url: str, sql: str, *, psql: Path | str | None = None) -> None:
    """Run one statement in autocommit mode (as CREATE and DROP DATABASE need) on the database of ``url``.

    Through psycopg when it is importable, else with ``psql`` (the given one, or from PATH).
    """
    try:
        import psycopg
    except ImportError:
        _run_sql_with_psql(url, sql, psql)
        return
    try:
        with psycopg.connect(libpq_url(url), autocommit=True, connect_timeout=10) as conn:
            conn.execute(sql)
    except psycopg.Error as exc:
        raise ClusterError(f"{sql}: {exc}") from exc


def _run_sql_with_psql(url: str, sql: str, psql: Path | str | None) -> None:
    psql = psql or shutil.which("psql")
    if psql is None:
        raise ClusterError(f"{sql}: neither psycopg nor psql is installed")
    command = [str(psql), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", libpq_url(url), "-c", sql]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)
    if result.returncode != 0:
        raise ClusterError(f"{sql}: {result.stderr.strip() or result.stdout.strip()}")


def create_database(
    server_url: str, name: str, *, template: str = "template0", psql: Path | None = None
) -> str:
    """CREATE DATABASE ``name`` on the server of ``server_url``; returns the new database's URL.

    ``template0`` (the default) makes an empty database quickly, whoever else is connected.
    """
    _check_name(name)
    _check_name(template)
    run_sql(server_url, f'CREATE DATABASE "{name}" TEMPLATE "{template}"', psql=psql)
    return with_database(server_url, name)


def drop_database(server_url: str, name: str, *, psql: Path | None = None) -> None:
    """DROP DATABASE ``name`` if it exists, closing the connections still open to it."""
    _check_name(name)
    run_sql(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', psql=psql)


def _check_name(name: str) -> None:
    if not _NAME.fullmatch(name):
        raise ValueError(f"not a plain database name (letters, digits, _; at most 63): {name!r}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ThrowawayCluster:
    """A PostgreSQL server in a temporary folder, for as long as it is needed. A context manager.

    ``root``: where the temporary folder is made (default: the system's temp folder); run as root, it
    must be reachable by the ``postgres`` OS user. ``port``: default a free one. ``bin_dir``: the
    server binaries, default ``find_pg_bin()``. After ``start()``, ``url`` is the superuser's URL of
    the ``postgres`` database, and ``directory`` the folder (``data/``, ``postgres.log``, the socket).
    """

    def __init__(
        self,
        root: Path | None = None,
        port: int | None = None,
        *,
        bin_dir: Path | None = None,
        durable: bool = False,
    ) -> None:
        """``durable``: keep PostgreSQL's default durability (fsync on), for benchmarks that must
        report what production would see."""
        self.root = root
        self.durable = durable
        self.port = port  # once started, the port it listens on
        self._wanted_port = port
        self.bin_dir = bin_dir
        self.url = ""
        self.directory: Path | None = None
        self._live = False  # a folder (and maybe a server) exists that stop() must clean up
        self._run_as: pwd.struct_passwd | None = None

    def __enter__(self) -> ThrowawayCluster:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def log_file(self) -> Path | None:
        return self.directory / "postgres.log" if self.directory else None

    def start(self) -> str:
        """initdb and start the server; returns ``url``. Raises ClusterError with the log's tail."""
        if self._live:
            return self.url
        bin_dir = self.bin_dir or find_pg_bin()
        if bin_dir is None or not (bin_dir / "initdb").is_file():
            where = bin_dir or "/usr/lib/postgresql/*/bin or on PATH"
            raise ClusterError(
                f"no PostgreSQL server binaries (initdb) in {where} (on Debian: apt-get install postgresql)"
            )
        self.bin_dir = bin_dir
        if os.geteuid() == 0:
            try:
                self._run_as = pwd.getpwnam(PG_OS_USER)
            except KeyError:
                raise ClusterError(
                    f"running as root, and there is no {PG_OS_USER!r} OS user to run the server"
                ) from None
        if self.root is not None:
            Path(self.root).mkdir(parents=True, exist_ok=True)
        self.directory = Path(tempfile.mkdtemp(prefix="taza-pg-", dir=self.root))
        self._live = True
        atexit.register(self.stop)
        try:
            if self._run_as is not None:
                os.chown(self.directory, self._run_as.pw_uid, self._run_as.pw_gid)
                self._check_reachable(self.directory)
            self._initdb()
            fixed_port = self._wanted_port is not None
            for attempt in range(1 if fixed_port else 3):
                port = self._wanted_port or _free_port()
                error = self._pg_ctl_start(port)
                if error is None:
                    self.port = port
                    break
                # Another process may have taken the free port between our look and the server's bind.
                if fixed_port or attempt == 2 or "could not bind" not in str(error):
                    raise error
        except BaseException:
            self.stop()
            raise
        self.url = f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/postgres"
        return self.url

    def create_database(self, name: str, *, template: str = "template0") -> str:
        """CREATE DATABASE ``name`` (empty, from template0); returns its URL."""
        return create_database(self._require_url(), name, template=template, psql=self._psql())

    def drop_database(self, name: str) -> None:
        """DROP DATABASE ``name`` if it exists (and the connections still open to it)."""
        drop_database(self._require_url(), name, psql=self._psql())

    def stop(self) -> None:
        """Stop the server (fast shutdown: open connections are closed) and delete the folder.

        Safe to call more than once, and on a cluster that never started.
        """
        atexit.unregister(self.stop)
        if not self._live or self.directory is None:
            return
        data = self.directory / "data"
        if (data / "postmaster.pid").exists():
            stopped = any(
                self._run(self._bin("pg_ctl"), "-D", data, "-m", mode, "-w", "-t", "30", "stop").returncode
                == 0
                for mode in ("fast", "immediate")  # immediate only if fast fails
            )
            if not stopped:
                self._kill(data / "postmaster.pid")
        shutil.rmtree(self.directory, ignore_errors=True)
        self._live = False
        self.url = ""

    # --- the steps ---------------------------------------------------------------------------------

    def _initdb(self) -> None:
        assert self.directory is not None
        result = self._run(
            self._bin("initdb"),
            *("-D", self.directory / "data", "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--locale=C"),
            "--no-sync",  # a throwaway cluster needs no fsync of its files
        )
        if result.returncode != 0:
            raise ClusterError(
                f"initdb failed (exit {result.returncode}):\n{_tail(result.stdout + result.stderr)}"
            )

    def _pg_ctl_start(self, port: int) -> ClusterError | None:
        """Start on ``port``: None when it is up, else the error (with the log's tail) to raise."""
        assert self.directory is not None
        assert self.log_file is not None
        socket_dir = str(self.directory)
        if len(socket_dir) > _SOCKET_PATH_MAX:
            socket_dir = ""  # too long for a Unix socket: TCP only
        settings = {
            "port": str(port),
            "listen_addresses": "127.0.0.1",
            "unix_socket_directories": socket_dir,
            **({} if self.durable else SPEED_SETTINGS),
        }
        options = " ".join(f"-c {shlex.quote(f'{key}={value}')}" for key, value in settings.items())
        start: list[str | Path] = [
            self._bin("pg_ctl"),
            "-D",
            self.directory / "data",
            "-l",
            self.log_file,
            "-o",
            options,
        ]
        result = self._run(*start, "-w", "-t", str(START_TIMEOUT_S), "start", timeout=START_TIMEOUT_S + 30)
        if result.returncode == 0:
            return None
        try:
            log = self.log_file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            log = "(no log written)"
        return ClusterError(
            f"PostgreSQL did not start on 127.0.0.1:{port} (pg_ctl exit {result.returncode}).\n"
            f"--- pg_ctl ---\n{_tail(result.stdout + result.stderr)}\n"
            f"--- {self.log_file.name} (last lines) ---\n{_tail(log)}"
        )

    # --- helpers ---------------------------------------------------------------------------------

    def _bin(self, name: str) -> Path:
        assert self.bin_dir is not None
        return self.bin_dir / name

    def _psql(self) -> Path | None:
        psql = self.bin_dir / "psql" if self.bin_dir else None
        return psql if psql and psql.is_file() else None

    def _require_url(self) -> str:
        if not self.url:
            raise ClusterError("the cluster is not running: call start() first")
        return self.url

    def _run(self, *command: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """Run a server program: as the postgres OS user when we are root, in the cluster's folder."""
        user = group = None
        extra_groups: list[int] | None = None
        if self._run_as is not None:  # what `runuser -u postgres --` does, without PAM
            user, group, extra_groups = self._run_as.pw_uid, self._run_as.pw_gid, []
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}  # no PGDATA, PGPORT...
        env["LC_ALL"] = "C"  # messages in English, whatever the caller's locale
        return subprocess.run(
            [str(part) for part in command],
            capture_output=True,
            text=True,
            check=False,
            stdin=subprocess.DEVNULL,
            cwd=self.directory,
            env=env,
            timeout=timeout,
            user=user,
            group=group,
            extra_groups=extra_groups,
        )

    def _check_reachable(self, directory: Path) -> None:
        """Run as root, fail clearly when the postgres OS user cannot get to ``directory``."""
        assert self._run_as is not None
        for folder in (directory, *directory.parents):
            st = folder.stat()
            if st.st_uid == self._run_as.pw_uid:
                bit = 0o100
            elif st.st_gid == self._run_as.pw_gid:
                bit = 0o010
            else:
                bit = 0o001
            if not st.st_mode & bit:
                raise ClusterError(
                    f"the {PG_OS_USER!r} OS user cannot reach {directory} ({folder} is closed to it): "
                    "give a root folder that is open to it, or none (the system's temp folder)"
                )

    @staticmethod
    def _kill(pid_file: Path) -> None:
        """Last resort when pg_ctl cannot stop the server: SIGKILL the postmaster (its children follow)."""
        with contextlib.suppress(OSError, ValueError, IndexError):
            pid = int(pid_file.read_text().split()[0])
            if b"postgres" not in Path(f"/proc/{pid}/cmdline").read_bytes():
                return  # not ours (a stale pid file, and the number reused)
            os.kill(pid, signal.SIGKILL)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                os.kill(pid, 0)  # raises once the process is gone
                time.sleep(0.05)


def _tail(text: str, lines: int = 30) -> str:
    return "\n".join(text.strip().splitlines()[-lines:]) or "(nothing)"


def _main() -> None:
    """Start a cluster, print its URL, and keep it until Ctrl+C or SIGTERM."""
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started in the background
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    with ThrowawayCluster() as cluster, contextlib.suppress(KeyboardInterrupt):
        print(cluster.url, flush=True)
        print("PostgreSQL is running; Ctrl+C stops it and deletes its folder.", flush=True)
        signal.pause()


if __name__ == "__main__":
    _main()
