"""Portable mode: the program on a USB stick with ``portable.txt`` beside it keeps its data in
``data`` there, and nothing in the profile. On a FAT32/exFAT folder when the caller gives one
(``TAZA_WIN32_FAT_DIR``); else in a temporary folder, with FAT's 2-second file times made by hand.
The app uses no hard links or symbolic links, which FAT lacks."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.backups import list_backups
from fieldapp.paths import PORTABLE_DATA, PORTABLE_MARKER, DataPaths
from fieldapp.store import Store
from tests.win32.conftest import FOLDERID_LOCAL_APP_DATA, Laptop, app_env, known_folder, volume_file_system

pytestmark = pytest.mark.skipif(sys.platform != "win32", reason="a Windows USB stick")


@pytest.fixture
def stick(tmp_path: Path) -> Iterator[Path]:
    """The program's folder on the stick."""
    given = os.environ.get("TAZA_WIN32_FAT_DIR")
    if not given:
        yield tmp_path / "E" / "TazaField"
        return
    assert volume_file_system(Path(given)).upper() in ("FAT", "FAT32", "EXFAT"), volume_file_system(
        Path(given)
    )
    folder = Path(tempfile.mkdtemp(prefix="taza-portable-", dir=given)) / "TazaField"
    try:
        yield folder
    finally:
        shutil.rmtree(folder.parent, ignore_errors=True)


def test_portable_mode_keeps_everything_on_the_stick(stick: Path, tmp_path: Path) -> None:
    stick.mkdir(parents=True)
    (stick / PORTABLE_MARKER).write_text("", encoding="utf-8")
    profile_folder = known_folder(FOLDERID_LOCAL_APP_DATA) / "TazaField"
    existed = profile_folder.exists()
    laptop = Laptop(None, app_env(TAZA_FIELD_INSTALL_DIR=str(stick)))
    laptop.setup()
    laptop.add()
    data = stick / PORTABLE_DATA
    assert str(data) in laptop("status").stdout
    with Store.open(data / "taza-field.sqlite") as store:
        assert store.count_actions() == 1
    assert (data / "settings.json").is_file()
    assert profile_folder.exists() == existed  # nothing went to the profile

    # Two backups within one second: on FAT their file times are the same (2-second steps)
    names = [laptop("backup", "now").stdout for _ in range(2)]
    assert all("records: 1" in n for n in names)
    made = sorted(list_backups(DataPaths(data)), key=lambda b: b.path.name)
    stamp = (made[0].path.stat().st_mtime // 2) * 2
    for backup in made:
        os.utime(backup.path, (stamp, stamp))
    listed = [b.path.name for b in list_backups(DataPaths(data))]
    if made[0].taken_at == made[1].taken_at:  # the same second: the "-2" one is the newer
        assert listed == [made[1].path.name, made[0].path.name]
    shown = laptop("backup", "list").stdout
    assert shown.index(listed[0]) < shown.index(listed[1])


def test_the_stick_moved_to_another_laptop_keeps_its_data(stick: Path, tmp_path: Path) -> None:
    stick.mkdir(parents=True)
    (stick / PORTABLE_MARKER).write_text("", encoding="utf-8")
    Laptop(None, app_env(TAZA_FIELD_INSTALL_DIR=str(stick))).setup()
    Laptop(None, app_env(TAZA_FIELD_INSTALL_DIR=str(stick))).add()
    moved = stick.with_name(f"TazaField-{uuid.uuid4().hex[:4]}")  # another drive letter, say
    stick.rename(moved)
    status = Laptop(None, app_env(TAZA_FIELD_INSTALL_DIR=str(moved)))("status").stdout
    assert "Records: 1" in status
    assert str(moved / PORTABLE_DATA) in status
