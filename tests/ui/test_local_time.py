"""Every time either window shows is on the laptop's clock: the data are UTC, the laptop is in
Almaty (UTC+5) or elsewhere, and the windows follow the laptop, never UTC nor a fixed zone."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from fieldapp.moments import format_moment
from fieldapp.store import Store
from sync.engine import META_LAST_SUCCESS
from tests.records import OKRUG, action
from tests.server.live import LiveServer
from tests.sync.laptop import Laptop
from tests.sync.test_district import Coordinator
from tests.ui.helpers import close_window, open_window
from tests.ui.test_coordinator_window import open_window as open_coordinator_window
from tests.ui.test_coordinator_window import refresh
from ui.i18n import Translations

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def laptop_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[callable]:  # type: ignore[valid-type]
    """Set the laptop's time zone (as TZ does for a process), and put it back afterwards."""

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("zone", "shown"),
    [("Asia/Almaty", "Last sync: 20.11.2026 14:05"), ("UTC", "Last sync: 20.11.2026 09:05")],
)
def test_the_village_windows_last_sync_is_on_the_laptops_clock(
    tmp_path: Path, translations: Translations, qtbot: QtBot, laptop_zone, zone: str, shown: str
) -> None:
    laptop_zone(zone)
    with Store.open(tmp_path / "taza-field.sqlite") as store:
        store.set_meta(META_LAST_SUCCESS, "2026-11-20T09:05:00Z")
    window = open_window(tmp_path, translations, qtbot)
    qtbot.waitUntil(lambda: window.status.last_sync.text().startswith("Last sync:"))
    assert window.status.last_sync.text() == shown
    close_window(window)


@pytest.mark.parametrize("zone", ["Asia/Almaty", "America/New_York"])
def test_the_coordinators_last_sync_column_is_on_the_laptops_clock(
    sqlite_server: LiveServer,
    translations: Translations,
    qtbot: QtBot,
    tmp_path: Path,
    laptop_zone,
    zone: str,
) -> None:
    laptop_zone(zone)
    village = Laptop(tmp_path / "kainar", sqlite_server, OKRUG, "kainar")
    village.add(1)
    before = datetime.now(UTC)
    village.sync()
    after = datetime.now(UTC)
    village.close()
    coordinator = Coordinator(tmp_path / "coordinator", sqlite_server)
    try:
        window = open_coordinator_window(coordinator, translations, qtbot)
        refresh(window, qtbot)
        table = window.completeness.table
        last = table.columnCount() - 2
        shown = {table.item(r, last).text() for r in range(table.rowCount())} - {"—"}
        local = ZoneInfo(zone)
        # the laptop synced between these two moments; either minute may be the one shown
        expected = {f"{at.astimezone(local):%d.%m.%Y %H:%M}" for at in (before, after)}
        assert len(shown) == 1
        assert shown <= expected, (shown, expected)
        window.close()
    finally:
        coordinator.close()


def test_the_command_lines_history_is_on_the_laptops_clock(tmp_path: Path) -> None:
    with Store.open(tmp_path / "taza-field.sqlite") as store:
        record = action()
        store.save(record)
        [entry] = store.history(record.id)
    recorded = datetime.fromisoformat(entry.recorded_at.replace("Z", "+00:00"))
    shown = {}
    for zone in ("Asia/Almaty", "UTC"):
        env = {k: v for k, v in os.environ.items() if not k.startswith("TAZA_FIELD_")}
        env.update(TZ=zone, PYTHONIOENCODING="utf-8")
        command = [sys.executable, "-m", "fieldapp", "--lang", "en", "--data-dir", str(tmp_path)]
        done = subprocess.run(
            [*command, "show", str(record.id)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=ROOT,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        shown[zone] = done.stdout
    almaty = f"{recorded.astimezone(ZoneInfo('Asia/Almaty')):%d.%m.%Y %H:%M}"
    utc = f"{recorded.astimezone(UTC):%d.%m.%Y %H:%M}"
    assert f"revision 1 — created, {almaty}\n" in shown["Asia/Almaty"]  # no «(UTC)» beside it
    assert f"revision 1 — created, {utc}\n" in shown["UTC"]
    assert almaty != utc


def test_a_moment_without_a_zone_is_utc(laptop_zone) -> None:
    laptop_zone("Asia/Almaty")
    assert format_moment("2026-11-20T09:05:00") == "20.11.2026 14:05"
    assert format_moment("2026-11-20T09:05:00Z") == "20.11.2026 14:05"
    assert format_moment(datetime(2026, 11, 20, 9, 5, tzinfo=UTC)) == "20.11.2026 14:05"
    assert format_moment("2026-11-20T14:05:00+05:00") == "20.11.2026 14:05"


def test_a_photos_time_is_on_the_laptops_clock_when_the_camera_said_its_zone(laptop_zone) -> None:
    from datetime import timedelta, timezone

    from ui.photo_viewer import format_taken_at

    laptop_zone("Asia/Almaty")
    moscow = timezone(timedelta(hours=3))
    assert format_taken_at(datetime(2026, 9, 19, 11, 5, tzinfo=moscow)) == "19.09.2026 13:05"
    # no zone: as the camera showed it
    assert format_taken_at(datetime(2026, 9, 19, 11, 5)) == "19.09.2026 11:05"
