"""PostgreSQL for tests: a real server, started once per session and thrown away at its end.

Fixtures (a test that uses one is marked ``postgres`` by itself, so ``-m "not postgres"`` leaves it out):

- ``postgres_url`` (session): the SQLAlchemy URL of a fresh database, shared by the session's tests.
- ``postgres_db``: the URL of a fresh, empty database for one test, dropped after it.
- ``postgres_server`` (session): the superuser URL of the server itself, to create databases on.
- ``pg_bin`` (session): the folder of the server binaries, for tests that start their own cluster.

The server is ``TAZA_TEST_DATABASE_URL`` when it is set (a SQLAlchemy URL whose role may create
databases: the tests' databases are made and dropped there, beside the one it names), else a
``server.pgcluster.ThrowawayCluster`` started on first use. With no PostgreSQL on the machine these
tests are skipped, unless ``TAZA_REQUIRE_POSTGRES=1`` (``scripts/test`` sets it, so CI does): then
they fail, and say why.
"""

from __future__ import annotations

import os
import re
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest

from server import pgcluster

FIXTURES = {"pg_bin", "postgres_server", "postgres_url", "postgres_db"}
URL_VAR = "TAZA_TEST_DATABASE_URL"
REQUIRE_VAR = "TAZA_REQUIRE_POSTGRES"


def postgres_required() -> bool:
    return os.environ.get(REQUIRE_VAR, "") not in ("", "0")


def postgres_unavailable(reason: str) -> NoReturn:
    """Skip the test, or fail it when PostgreSQL is required here (``TAZA_REQUIRE_POSTGRES=1``)."""
    if postgres_required():
        pytest.fail(f"{reason} ({REQUIRE_VAR}=1: the PostgreSQL tests must run here)", pytrace=False)
    pytest.skip(reason)


def pytest_report_header(config: pytest.Config) -> str:
    if os.environ.get(URL_VAR):
        where = f"the server of {URL_VAR}"
    else:
        bin_dir = pgcluster.find_pg_bin()
        where = f"a throwaway cluster from {bin_dir}" if bin_dir else "none found (tests skipped)"
    return f"postgres: {where}{' (required)' if postgres_required() else ''}"


@pytest.hookimpl(tryfirst=True)  # before -m selects on the marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if FIXTURES & set(getattr(item, "fixturenames", ())) and not item.get_closest_marker("postgres"):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(scope="session")
def pg_bin() -> Path:
    bin_dir = pgcluster.find_pg_bin()
    if bin_dir is None:
        if sys.platform == "win32":  # the server and its database run on Linux
            postgres_unavailable("no PostgreSQL on Windows: the server and its database run on Linux")
        postgres_unavailable("no PostgreSQL server binaries (initdb) found: apt-get install postgresql")
    return bin_dir


@pytest.fixture(scope="session")
def postgres_server(request: pytest.FixtureRequest) -> Iterator[str]:
    external = os.environ.get(URL_VAR)
    if external:
        yield external
        return
    with pgcluster.ThrowawayCluster(bin_dir=request.getfixturevalue("pg_bin")) as cluster:
        yield cluster.url


def _fresh_database(server_url: str, name: str) -> Iterator[str]:
    url = pgcluster.create_database(server_url, name)
    try:
        yield url
    finally:
        pgcluster.drop_database(server_url, name)


@pytest.fixture(scope="session")
def postgres_url(postgres_server: str) -> Iterator[str]:
    yield from _fresh_database(postgres_server, f"taza_test_{os.getpid()}")


@pytest.fixture
def postgres_db(postgres_server: str, request: pytest.FixtureRequest) -> Iterator[str]:
    slug = re.sub(r"[^a-z0-9]+", "_", request.node.name.lower()).strip("_")[:40]
    yield from _fresh_database(postgres_server, f"t_{slug}_{secrets.token_hex(4)}")
