"""Paths longer than Windows' 260 characters (MAX_PATH): a data folder deep in a synced folder, a
photo imported from one, a USB bundle written into one. Either the app works there (Wine, or
Windows with long paths switched on) or it says in words that the path is too long; never a
traceback, and nothing stored is lost."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

import pytest

from fieldapp.device import DeviceCredentials, save_device
from fieldapp.paths import WINDOWS_MAX_PATH
from fieldapp.store import Store
from tests.win32.conftest import OKRUG, Laptop, make_photo

pytestmark = pytest.mark.skipif(sys.platform != "win32", reason="Windows' MAX_PATH")

TOO_LONG = "longer than Windows allows"


def deep(base: Path, length: int = 300) -> Path:
    folder = base
    while len(str(folder)) < length:
        folder = folder / "Қайнар ауылдық округі – сенбілік"
    return folder


def worked_or_said_so(result_code: int, stderr: str) -> bool:
    """True when it worked; else the message must be the plain one."""
    if result_code == 0:
        return True
    assert result_code == 2
    assert TOO_LONG in stderr, stderr
    return False


def test_a_data_folder_deeper_than_max_path(tmp_path: Path) -> None:
    data = deep(tmp_path) / "TazaField"
    assert len(str(data / "taza-field.sqlite")) > WINDOWS_MAX_PATH
    laptop = Laptop(data)
    setup = laptop("setup", "--okrug", OKRUG, "--reporter", "Әсел", check=False)
    if not worked_or_said_so(setup.returncode, setup.stderr):
        return
    record = laptop.add(make_photo(tmp_path / "photo.jpg"))
    shown = laptop("show", record[-8:]).stdout
    assert "с.Еркин" in shown
    backup = laptop("backup", "now", check=False)
    if worked_or_said_so(backup.returncode, backup.stderr):
        assert "records: 1" in backup.stdout
    with Store.open(data / "taza-field.sqlite") as store:
        assert store.count_actions() == 1


def test_a_photo_from_a_folder_deeper_than_max_path(tmp_path: Path) -> None:
    laptop = Laptop(tmp_path / "data")
    laptop.setup()
    photo = make_photo(deep(tmp_path / "Суреттер") / "сурет.jpg")
    assert len(str(photo)) > WINDOWS_MAX_PATH
    result = laptop(
        *("add", "--settlement", "Еркин", "--date", "20.09.2025", "--campaign", "world_cleanup_day"),
        *("--participants", "9", "--waste", "mixed=1", "--ready", "--yes", "--photo", str(photo)),
        check=False,
    )
    if result.returncode == 0:
        assert "Saved:" in result.stdout
        with Store.open(tmp_path / "data" / "taza-field.sqlite") as store:
            [summary] = store.list_actions()
            assert summary.photo_count == 1
    else:  # the photo cannot be read: said so, and no record half-saved
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert "сурет.jpg" in result.stderr
        with Store.open(tmp_path / "data" / "taza-field.sqlite") as store:
            assert store.count_actions() == 0


def test_a_bundle_written_into_a_folder_deeper_than_max_path(tmp_path: Path) -> None:
    laptop = Laptop(tmp_path / "data")
    laptop.setup()
    laptop.add(make_photo(tmp_path / "photo.jpg"))
    save_device(
        DeviceCredentials(
            server_url="http://127.0.0.1:9",  # never asked: a bundle is written offline
            device_id=uuid4(),
            okrug=OKRUG,
            token="t" * 40,
            bundle_key="k" * 40,
            enrolled_at=datetime.now(UTC),
        ),
        tmp_path / "data" / "device.json",
    )
    out = deep(tmp_path / "E" / "USB")
    out.mkdir(parents=True)
    result = laptop("bundle", "export", "--out", str(out), check=False)
    if result.returncode == 0:
        [bundle] = list(out.iterdir())
        assert len(str(bundle)) > WINDOWS_MAX_PATH
        assert bundle.stat().st_size > 0
        assert "1" in result.stdout
    else:
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert str(out) in result.stderr
        assert list(out.iterdir()) == []  # no half-written bundle left behind
