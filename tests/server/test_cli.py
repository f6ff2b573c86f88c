"""``fieldapp-server``: init, serve's refusals, devices and users — as IT staff would run them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from server import schema as t
from server.db import make_engine
from server.process import ROOT
from tests.records import DISTRICT, OKRUG, REGION
from tests.server.live import LiveServer


@pytest.fixture
def fresh(tmp_path: Path) -> LiveServer:
    """A server not yet initialised, on an empty SQLite file."""
    return LiveServer(tmp_path, f"sqlite:///{tmp_path / 'new' / 'server.sqlite'}")


def count(url: str, table) -> int:  # type: ignore[no-untyped-def]
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(table)).scalar_one()
    finally:
        engine.dispose()


def test_init_creates_everything_and_can_run_again(fresh: LiveServer) -> None:
    first = fresh.cli("init")
    assert "loaded 15,594 KATO places" in first.stdout
    assert "was empty" in first.stdout
    assert (fresh.tmp / "photos").is_dir()
    again = fresh.cli("init")
    assert "KATO" not in again.stdout  # nothing loaded twice
    assert count(fresh.database_url, t.places) == 15_594
    assert count(fresh.database_url, t.reference_data) == 1


def test_init_on_postgres(postgres_db: str, tmp_path: Path) -> None:
    server = LiveServer(tmp_path, postgres_db)
    server.cli("init")
    server.cli("init")
    assert count(postgres_db, t.places) == 15_594


def test_serve_refuses_a_database_not_set_up(fresh: LiveServer) -> None:
    result = fresh.cli("serve", "--port", "1", check=False)
    assert result.returncode == 2
    assert "run `fieldapp-server init` first" in result.stderr


def test_serve_refuses_a_database_from_a_newer_server(fresh: LiveServer) -> None:
    fresh.cli("init")
    engine = make_engine(fresh.database_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'f00dcafe9999'")
    engine.dispose()
    for command in (("serve", "--port", "1"), ("init",), ("device", "list")):
        result = fresh.cli(*command, check=False)
        assert result.returncode == 2, command
        assert "install" in result.stderr
        assert "f00dcafe9999" in result.stderr
    engine = make_engine(fresh.database_url)  # and init did not touch it
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "f00dcafe9999"
    engine.dispose()


def test_production_refuses_the_development_defaults(tmp_path: Path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
        "TAZA_SERVER_ENVIRONMENT": "production",
    }
    result = subprocess.run(
        [sys.executable, "-m", "server.cli", "init"], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "unsafe production settings" in result.stderr
    assert "TAZA_SERVER_DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "server-data").exists()


def test_devices_enrol_list_revoke(server: LiveServer) -> None:
    out = server.tmp / "kainar.json"
    enrolled = server.cli("device", "enrol", "--okrug", OKRUG, "--out", str(out))
    assert "Қайнар" in enrolled.stdout
    assert server.cli("device", "list").stdout.strip() == "no devices"
    code = json.loads(out.read_text(encoding="utf-8"))["code"]
    answer = server.caller().post(
        "/enrol", json={"code": code, "device_name": "Кеңсе ноутбугы", "app_version": "0.1.0"}
    )
    laptop = server.caller(answer.json()["token"])
    laptop.push(waiting=12)
    listing = server.cli("device", "list").stdout.splitlines()
    assert len(listing) == 2
    row = listing[1]
    device_id = answer.json()["device_id"]
    assert row.startswith(device_id)
    assert OKRUG in row
    assert "Кеңсе ноутбугы" in row
    assert "0.1.0" in row
    assert " 12 " in row
    assert row.endswith("active")
    assert "never" not in row
    assert server.cli("device", "list", "--okrug", "194033000").stdout.strip() == "no devices"
    server.cli("device", "revoke", device_id)
    assert server.cli("device", "list").stdout.splitlines()[1].endswith("revoked")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("device", "enrol", "--okrug", DISTRICT), "is not a rural okrug"),
        (("device", "enrol", "--okrug", "999999999"), "is not a rural okrug"),
        (("device", "revoke", "no-such-device"), "no active device"),
        (("user", "add", "aigul", "--role", "coordinator", "--password-env", "PW"), "needs --district"),
        (
            ("user", "add", "aigul", "--role", "coordinator", "--district", OKRUG, "--password-env", "PW"),
            "district",
        ),
        (("user", "add", "aigul", "--role", "admin", "--password-env", "SHORT"), "at least 10 characters"),
        (("user", "add", "erlan", "--role", "region", "--password-env", "PW"), "needs --region"),
        (
            ("user", "add", "erlan", "--role", "region", "--region", DISTRICT, "--password-env", "PW"),
            "KATO code of a region",
        ),
        (
            ("user", "add", "erlan", "--role", "region", "--region", "999999999", "--password-env", "PW"),
            "KATO code of a region",
        ),
        (
            ("user", "add", "erlan", "--role", "national", "--region", REGION, "--password-env", "PW"),
            "--region is only for a region user",
        ),
        (
            (
                "user",
                "add",
                "erlan",
                "--role",
                "region",
                "--region",
                REGION,
                "--district",
                DISTRICT,
                "--password-env",
                "PW",
            ),
            "--district is only for a coordinator",
        ),
        (("user", "disable", "nobody"), "no user nobody"),
    ],
)
def test_mistakes_are_told_plainly(offline_server: LiveServer, args: tuple[str, ...], message: str) -> None:
    result = offline_server.cli(*args, env={"PW": "a long password", "SHORT": "short"}, check=False)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert count(offline_server.database_url, t.users) == 0
    assert count(offline_server.database_url, t.enrolments) == 0


def test_a_user_name_is_taken_once(offline_server: LiveServer) -> None:
    offline_server.cli(
        "user", "add", "aigul", "--role", "admin", "--password-env", "PW", env={"PW": "a long password"}
    )
    again = offline_server.cli(
        "user",
        "add",
        "aigul",
        "--role",
        "admin",
        "--password-env",
        "PW",
        env={"PW": "a long password"},
        check=False,
    )
    assert again.returncode == 2
    assert "already exists" in again.stderr
    assert "Traceback" not in again.stderr


def test_disabling_a_user_ends_their_sessions(sqlite_server: LiveServer) -> None:
    coordinator = sqlite_server.user("aigul", "coordinator", district=DISTRICT)
    assert coordinator.get("/pull").status_code == 200
    assert "disabled" in sqlite_server.cli("user", "disable", "aigul").stdout
    engine = make_engine(sqlite_server.database_url)
    with engine.connect() as conn:
        assert conn.execute(select(t.tokens.c.revoked_at)).scalar_one() is not None
    with engine.begin() as conn:  # re-enabled by hand: the old session still does not come back
        conn.execute(update(t.users).values(disabled=False))
    engine.dispose()
    assert coordinator.get("/pull").status_code == 401
