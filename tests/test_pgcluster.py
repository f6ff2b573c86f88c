"""The throwaway PostgreSQL server (server/pgcluster.py) and the tests' fixtures on it."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from server import pgcluster
from server.pgcluster import ClusterError, ThrowawayCluster, libpq_url, with_database
from tests.plugins.postgres import postgres_unavailable

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def psycopg() -> ModuleType:
    try:
        import psycopg
    except ImportError:
        postgres_unavailable("psycopg is not installed: pip install -e '.[server]'")
    return psycopg


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A temporary folder that the postgres OS user can reach (pytest's tmp_path is closed to it)."""
    folder = Path(tempfile.mkdtemp(prefix="taza-pg-test-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def query(psycopg: ModuleType, url: str, sql: str) -> object:
    with psycopg.connect(libpq_url(url)) as conn:
        return conn.execute(sql).fetchone()[0]


def databases(psycopg: ModuleType, url: str) -> set[str]:
    with psycopg.connect(libpq_url(url)) as conn:
        return {row[0] for row in conn.execute("SELECT datname FROM pg_database")}


def refused(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    except ConnectionRefusedError:
        return True
    return False


def bindable(port: int) -> bool:
    """As the server binds: with SO_REUSEADDR, so that closed connections in TIME_WAIT do not count."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
            sock.listen()
        except OSError:
            return False
    return True


def servers_in(directory: Path) -> list[str]:
    """Processes still running whose command line names ``directory``."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            text = cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if str(directory) in text:
            found.append(text)
    return found


@pytest.mark.postgres
def test_find_pg_bin_finds_the_server_programs(pg_bin: Path) -> None:
    assert pgcluster.find_pg_bin() == pg_bin
    for program in ("initdb", "pg_ctl", "postgres"):
        assert (pg_bin / program).is_file()


@pytest.mark.postgres
def test_a_cluster_starts_serves_and_goes_away(pg_bin: Path, psycopg: ModuleType) -> None:
    cluster = ThrowawayCluster(bin_dir=pg_bin)
    try:
        url = cluster.start()
        assert cluster.port is not None
        assert cluster.directory is not None
        port, directory = cluster.port, cluster.directory
        assert url == cluster.url == f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
        assert cluster.start() == url  # already running: the same server
        assert (directory / "data" / "PG_VERSION").is_file()
        assert not bindable(port)
        assert query(psycopg, url, "SHOW fsync") == "off"
        assert query(psycopg, url, "SHOW listen_addresses") == "127.0.0.1"
        assert query(psycopg, url, "SELECT current_user") == "postgres"

        alpha = cluster.create_database("alpha")
        assert alpha == with_database(url, "alpha")
        assert query(psycopg, alpha, "SELECT current_database()") == "alpha"
        with pytest.raises(ClusterError, match="already exists"):
            cluster.create_database("alpha")
        cluster.drop_database("alpha")
        assert "alpha" not in databases(psycopg, url)
    finally:
        cluster.stop()

    assert not directory.exists()
    assert servers_in(directory) == []
    assert refused(port)
    assert bindable(port)
    assert cluster.url == ""
    cluster.stop()  # a second stop is harmless
    with pytest.raises(ClusterError, match="not running"):
        cluster.create_database("late")


@pytest.mark.postgres
def test_a_cluster_as_a_context_manager_in_a_given_folder(pg_bin: Path, open_folder: Path) -> None:
    with ThrowawayCluster(root=open_folder, bin_dir=pg_bin) as cluster:
        assert cluster.directory is not None
        assert cluster.directory.parent == open_folder
        assert cluster.url.startswith("postgresql+psycopg://postgres@127.0.0.1:")
        assert cluster.log_file is not None
        assert cluster.log_file.is_file()
    assert list(open_folder.iterdir()) == []
    assert cluster.url == ""
    with cluster:  # and again, in a new folder
        assert cluster.url.startswith("postgresql+psycopg://postgres@127.0.0.1:")
        assert len(list(open_folder.iterdir())) == 1
    assert list(open_folder.iterdir()) == []


@pytest.mark.postgres
def test_a_port_in_use_fails_with_the_log_tail(pg_bin: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        cluster = ThrowawayCluster(port=busy.getsockname()[1], bin_dir=pg_bin)
        with pytest.raises(ClusterError, match="did not start") as failure:
            cluster.start()
    message = str(failure.value)
    assert "--- postgres.log (last lines) ---" in message
    assert "Address already in use" in message
    assert cluster.directory is not None
    assert not cluster.directory.exists()
    assert cluster.url == ""
    cluster.stop()


@pytest.mark.postgres
def test_a_broken_server_program_fails_with_its_output(pg_bin: Path, open_folder: Path) -> None:
    broken = open_folder / "bin"
    broken.mkdir()
    (broken / "initdb").write_text("#!/bin/sh\necho 'initdb: error: the disk is on fire' >&2\nexit 1\n")
    (broken / "initdb").chmod(0o755)
    cluster = ThrowawayCluster(root=open_folder, bin_dir=broken)
    with pytest.raises(ClusterError, match="initdb failed") as failure:
        cluster.start()
    assert "the disk is on fire" in str(failure.value)
    assert [p.name for p in open_folder.iterdir()] == ["bin"]


def test_no_server_programs_fail_clearly(tmp_path: Path) -> None:
    with pytest.raises(ClusterError, match="no PostgreSQL server binaries"):
        ThrowawayCluster(bin_dir=tmp_path).start()


@pytest.mark.postgres
@pytest.mark.skipif(os.geteuid() != 0, reason="only root runs the server as another user")
def test_as_root_a_folder_closed_to_postgres_fails_clearly(pg_bin: Path, tmp_path: Path) -> None:
    closed = tmp_path / "closed"
    closed.mkdir(mode=0o700)
    assert not closed.stat().st_mode & stat.S_IXOTH
    with pytest.raises(ClusterError, match="cannot reach"):
        ThrowawayCluster(root=closed, bin_dir=pg_bin).start()
    assert list(closed.iterdir()) == []


def test_database_names_are_checked() -> None:
    url = "postgresql+psycopg://postgres@127.0.0.1:1/postgres"  # never reached
    for bad in ('x"; DROP DATABASE postgres; --', "", "with space", "1st", "a" * 64):
        with pytest.raises(ValueError, match="not a plain database name"):
            pgcluster.create_database(url, bad)
    with pytest.raises(ValueError, match="not a plain database name"):
        pgcluster.drop_database(url, "bad-name")


def test_urls() -> None:
    url = "postgresql+psycopg://me:secret@db.example:5433/taza?sslmode=require"
    assert (
        with_database(url, "other") == "postgresql+psycopg://me:secret@db.example:5433/other?sslmode=require"
    )
    assert libpq_url(url) == "postgresql://me:secret@db.example:5433/taza?sslmode=require"
    assert libpq_url("postgresql://h/d") == "postgresql://h/d"


@pytest.mark.postgres
def test_databases_are_made_with_psql_when_psycopg_is_missing(
    postgres_server: str, psycopg: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = pgcluster.find_pg_bin()
    psql = bin_dir / "psql" if bin_dir else shutil.which("psql")
    if psql is None:
        pytest.skip("no psql")
    with monkeypatch.context() as patch:
        patch.setitem(sys.modules, "psycopg", None)  # import psycopg raises ImportError
        url = pgcluster.create_database(postgres_server, "by_psql", psql=psql)
    try:
        assert query(psycopg, url, "SELECT current_database()") == "by_psql"
        with monkeypatch.context() as patch:
            patch.setitem(sys.modules, "psycopg", None)
            with pytest.raises(ClusterError, match="already exists"):
                pgcluster.create_database(postgres_server, "by_psql", psql=psql)
    finally:
        pgcluster.drop_database(postgres_server, "by_psql")
    assert "by_psql" not in databases(psycopg, postgres_server)


def test_the_fixtures_give_fresh_databases(postgres_url: str, postgres_db: str, psycopg: ModuleType) -> None:
    session_db = query(psycopg, postgres_url, "SELECT current_database()")
    test_db = query(psycopg, postgres_db, "SELECT current_database()")
    assert session_db != test_db
    assert str(test_db).startswith("t_test_the_fixtures_give_fresh_databases_")
    tables = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
    assert query(psycopg, postgres_db, tables) == 0


def test_sqlalchemy_takes_the_url(postgres_db: str) -> None:
    sqlalchemy = pytest.importorskip("sqlalchemy")
    engine = sqlalchemy.create_engine(postgres_db)
    try:
        with engine.begin() as conn:
            conn.execute(sqlalchemy.text("CREATE TABLE t (x int)"))
            conn.execute(sqlalchemy.text("INSERT INTO t VALUES (1), (2)"))
        with engine.connect() as conn:
            assert conn.execute(sqlalchemy.text("SELECT sum(x) FROM t")).scalar_one() == 3
    finally:
        engine.dispose()


def test_fixtures_are_marked_postgres(request: pytest.FixtureRequest) -> None:
    assert request.node.get_closest_marker("postgres") is None  # this one uses none of them
    [item] = [i for i in request.session.items if i.name == "test_the_fixtures_give_fresh_databases"]
    assert item.get_closest_marker("postgres") is not None


INNER_TESTS = """
import psycopg
from server.pgcluster import libpq_url

def test_one(postgres_db, postgres_url):
    with psycopg.connect(libpq_url(postgres_db)) as conn:
        conn.execute("CREATE TABLE t (x int)")
    with psycopg.connect(libpq_url(postgres_url)) as conn:
        conn.execute("CREATE TABLE t (x int)")
"""


@pytest.mark.postgres
def test_the_fixtures_drop_their_databases(
    pytester: pytest.Pytester, postgres_server: str, psycopg: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    monkeypatch.setenv("TAZA_TEST_DATABASE_URL", postgres_server)
    before = databases(psycopg, postgres_server)
    pytester.makepyfile(test_inner=INNER_TESTS)
    result = pytester.runpytest_subprocess("-p", "tests.plugins.postgres", "-q")
    result.assert_outcomes(passed=1)
    assert databases(psycopg, postgres_server) == before


NO_POSTGRES = """
from server import pgcluster

pgcluster.find_pg_bin = lambda: None
"""


@pytest.mark.parametrize(("required", "outcome"), [("", {"skipped": 1}), ("1", {"errors": 1})])
def test_without_postgres_tests_skip_unless_required(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, required: str, outcome: dict[str, int]
) -> None:
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    monkeypatch.delenv("TAZA_TEST_DATABASE_URL", raising=False)
    monkeypatch.setenv("TAZA_REQUIRE_POSTGRES", required)
    pytester.makeconftest(NO_POSTGRES)
    pytester.makepyfile(test_inner="def test_needs_postgres(postgres_url):\n    pass\n")
    result = pytester.runpytest_subprocess("-p", "tests.plugins.postgres", "-q", "-rs")
    result.assert_outcomes(**outcome)
    result.stdout.fnmatch_lines(["*no PostgreSQL server binaries*"])
    if required:
        result.stdout.fnmatch_lines(["*TAZA_REQUIRE_POSTGRES=1: the PostgreSQL tests must run here*"])
