"""The server's clock (``server.clock``): one source of the time for everything the server does,
set by ``TAZA_SERVER_NOW`` in tests, so a test of New Year's Eve runs on any day of the year."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from server import schema as t
from server.clock import Clock
from server.settings import ServerSettings
from tests.records import OKRUG, action
from tests.server.live import LiveServer, results

KZ = timezone(timedelta(hours=5))
NEW_YEARS_EVE = datetime(2026, 12, 31, 23, 59, 30, tzinfo=KZ)


def test_a_set_clock_starts_where_it_is_told_and_runs_on() -> None:
    clock = Clock(NEW_YEARS_EVE)
    first = clock.now()
    assert first.tzinfo == UTC
    assert NEW_YEARS_EVE <= first < NEW_YEARS_EVE + timedelta(minutes=1)
    time.sleep(0.01)
    assert clock.now() > first
    clock.set(None)
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(minutes=1)
    with pytest.raises(ValueError, match="UTC offset"):
        clock.set(datetime(2026, 12, 31, 23, 59))


def test_a_production_server_refuses_a_set_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    production = {
        "TAZA_SERVER_ENVIRONMENT": "production",
        "TAZA_SERVER_DATABASE_URL": "postgresql+psycopg://taza@/taza",
        "TAZA_SERVER_PHOTO_DIR": "/srv/taza/photos",
        "TAZA_SERVER_PUBLIC_URL": "https://taza.example.kz",
    }
    for name, value in production.items():
        monkeypatch.setenv(name, value)
    assert ServerSettings().now is None
    monkeypatch.setenv("TAZA_SERVER_NOW", NEW_YEARS_EVE.isoformat())
    with pytest.raises(ValueError, match="TAZA_SERVER_NOW is for tests"):
        ServerSettings()


@pytest.mark.server_settings(now=NEW_YEARS_EVE.isoformat())
def test_the_server_lives_on_new_years_eve(server: LiveServer) -> None:
    laptop = server.enrol(OKRUG)
    enrolled = server.caller().post(
        "/enrol", json={"code": server.enrolment_code(OKRUG), "device_name": "x", "app_version": "0.1.0"}
    )
    told = datetime.fromisoformat(enrolled.json()["server_time"])
    assert NEW_YEARS_EVE <= told < NEW_YEARS_EVE + timedelta(minutes=5)

    # a record of tomorrow is within the day of clock skew allowed; the day after is not
    tomorrow, later = action(action_date=date(2027, 1, 1)), action(action_date=date(2027, 1, 2))
    assert [r.outcome for r in results(laptop.push(tomorrow, later))] == ["applied", "rejected"]

    coordinator = server.user("aigul", "coordinator", district="196200000")
    matrix = coordinator.get("/reports/completeness", params={"year": 2026}).json()
    kainar = next(row for row in matrix["rows"] if row["okrug"] == OKRUG)
    assert sorted(kainar["months"]) == [f"2026-{m:02d}" for m in range(1, 13)]  # the whole year is due
    with server.engine.connect() as conn:
        received = conn.execute(select(t.records.c.received_at)).scalar_one()
    assert received.replace(tzinfo=received.tzinfo or UTC) >= NEW_YEARS_EVE
