"""A real server per test, on SQLite and (marked ``postgres``) on PostgreSQL: for the server's own
tests and for everything that talks to it (sync, the coordinator's window).

``fieldapp-server init`` (schema, 15,594 KATO places, reference data) runs once per session into a
template; each test gets a copy of it — a file copy for SQLite, ``CREATE DATABASE … TEMPLATE`` for
PostgreSQL — and its own server process.
"""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from server import pgcluster
from tests.server.live import LiveServer

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sqlite-template")
    path = folder / "template.sqlite"
    LiveServer(folder, f"sqlite:///{path}").cli("init")
    return path


@pytest.fixture(scope="session")
def postgres_template(postgres_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    name = f"taza_template_{secrets.token_hex(3)}"
    url = pgcluster.create_database(postgres_server, name)
    LiveServer(tmp_path_factory.mktemp("pg-template"), url).cli("init")
    yield name
    pgcluster.drop_database(postgres_server, name)


def database_for(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[str]:
    if backend == "sqlite":
        path = tmp_path / "server.sqlite"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    server_url = request.getfixturevalue("postgres_server")
    template = request.getfixturevalue("postgres_template")
    name = f"t_{secrets.token_hex(6)}"
    yield pgcluster.create_database(server_url, name, template=template)
    pgcluster.drop_database(server_url, name)


def marked_settings(request: pytest.FixtureRequest) -> dict[str, str]:
    """``server_settings(name=value, …)`` on the test: ``now="2026-12-31T23:59:00+05:00"`` sets the
    server's clock (``server.clock``)."""
    marker = request.node.get_closest_marker("server_settings")
    return {name: str(value) for name, value in (marker.kwargs if marker else {}).items()}


@pytest.fixture(params=BACKENDS)
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LiveServer]:
    """On SQLite and on PostgreSQL; with the test's ``server_settings``."""
    databases = database_for(request, request.param, tmp_path)
    live = LiveServer(tmp_path, next(databases), **marked_settings(request)).start()
    yield live
    live.close()
    next(databases, None)


@pytest.fixture
def sqlite_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LiveServer]:
    """For what does not depend on the database (guards, headers): SQLite only. A test marked
    ``server_settings(name=value, …)`` gets a server with those settings."""
    databases = database_for(request, "sqlite", tmp_path)
    live = LiveServer(tmp_path, next(databases), **marked_settings(request)).start()
    yield live
    live.close()


@pytest.fixture
def offline_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LiveServer]:
    """An initialised SQLite server that is not running: for its command line."""
    databases = database_for(request, "sqlite", tmp_path)
    live = LiveServer(tmp_path, next(databases))
    yield live
    live.close()
