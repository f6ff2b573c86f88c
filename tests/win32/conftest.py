"""Windows' own code paths, run by the Windows Python (under Wine on Linux):

    scripts/windows-python -m pytest tests/win32 -q -p no:cacheprovider

Every module here is skipped on any other system. They run the app as a person does — the
``fieldapp`` command in its own process, with no ``TAZA_FIELD_DATA_DIR`` — and check with
Windows' own APIs (the shell's known folders, Credential Manager, the volume's file system).

What the caller may provide:

- ``test_kazakh_user.py`` needs Wine started as a user whose name is Kazakh, which makes Wine
  create the profile ``C:\\users\\Әсел`` (its known folders, ``%LOCALAPPDATA%``, ``%TEMP%``) in the
  same prefix on first use; a UTF-8 locale is needed, or Wine garbles the name::

      LANG=C.UTF-8 USER=Әсел LOGNAME=Әсел scripts/windows-python -m pytest tests/win32 -q -p no:cacheprovider

  (every module passes under that user too). No other Wine program may be running in the prefix
  then: its wineserver keeps the user it started with, and a process of another user finds no
  profile at all (``scripts/windows-run --wait`` waits for them to end). Under
  another user that module is skipped, or fails when ``TAZA_WIN32_REQUIRE_KAZAKH_USER=1``, so that
  CI cannot skip it unnoticed. (Wine keeps ``%TEMP%`` at the first user's, ``C:\\users\\root\\Temp``.)
- ``TAZA_WIN32_FAT_DIR``: a folder (Windows path) on a FAT32 or exFAT volume, e.g. a vfat loop
  mount seen through Wine's ``Z:``; the portable-mode test then runs there and checks the volume
  says FAT. Without it the portable test runs in a temporary folder (on Wine, the Linux file
  system), and FAT's 2-second file times are made by hand.

These tests write to the profile's real ``%LOCALAPPDATA%\\TazaField`` only under Wine (a build
prefix); on a real Windows machine that already has one they are skipped.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OKRUG = "196247000"  # Қайнар а.о., Талғар ауданы
SETTLEMENT = "Еркин"
FOLDERID_LOCAL_APP_DATA = "{F1B32785-6FBA-4FCF-9D55-7B8E7F157091}"
FOLDERID_PROFILE = "{5E6C858F-0E22-4760-9AFE-EA3317B67173}"
# What the test sandbox (tests/conftest.py) sets so that the other tests never see the real profile.
SANDBOX_VARS = ("TAZA_FIELD_DATA_DIR", "WIN_PD_OVERRIDE_LOCAL_APPDATA", "WIN_PD_OVERRIDE_APPDATA")


def under_wine() -> bool:
    if sys.platform != "win32":
        return False
    return hasattr(ctypes.WinDLL("ntdll"), "wine_get_version")


def known_folder(folder_id: str) -> Path:
    """A known folder as the shell names it (SHGetKnownFolderPath), independently of platformdirs."""

    class GUID(ctypes.Structure):
        _fields_ = [
            ("Data1", ctypes.c_uint32),
            ("Data2", ctypes.c_uint16),
            ("Data3", ctypes.c_uint16),
            ("Data4", ctypes.c_ubyte * 8),
        ]

    value = uuid.UUID(folder_id)
    guid = GUID(value.fields[0], value.fields[1], value.fields[2], (ctypes.c_ubyte * 8)(*value.bytes[8:]))
    found = ctypes.c_wchar_p()
    shell32 = ctypes.WinDLL("shell32")
    result = shell32.SHGetKnownFolderPath(ctypes.byref(guid), 0, None, ctypes.byref(found))
    assert result == 0, f"SHGetKnownFolderPath {folder_id}: {result:#x}"
    try:
        return Path(str(found.value))
    finally:
        ctypes.WinDLL("ole32").CoTaskMemFree(found)


def volume_file_system(folder: Path) -> str:
    """The file system of the volume ``folder`` is on ("NTFS", "FAT32", "exFAT"...)."""
    root = ctypes.create_unicode_buffer(300)
    assert ctypes.WinDLL("kernel32").GetVolumePathNameW(str(folder), root, 300)
    name = ctypes.create_unicode_buffer(64)
    ok = ctypes.WinDLL("kernel32").GetVolumeInformationW(root, None, 0, None, None, None, name, 64)
    return name.value if ok else ""


def app_env(**extra: str) -> dict[str, str]:
    """The environment a person's ``fieldapp`` has: no test sandbox over the data folder."""
    env = {k: v for k, v in os.environ.items() if k not in SANDBOX_VARS}
    env["PYTHONPATH"] = str(ROOT)  # tests.photo_factory for the helpers run in a child
    env.update(extra)
    return env


class Laptop:
    """``fieldapp`` run as its own process, as a person runs it."""

    def __init__(self, data: Path | None, env: dict[str, str] | None = None) -> None:
        self.data, self.env = data, env if env is not None else app_env()

    def __call__(self, *args: str, lang: str = "en", check: bool = True) -> subprocess.CompletedProcess[str]:
        where = ["--data-dir", str(self.data)] if self.data is not None else []
        result = subprocess.run(
            [sys.executable, "-m", "fieldapp", *where, "--lang", lang, *args],
            capture_output=True,
            encoding="utf-8",  # fieldapp writes UTF-8 to a pipe on every system
            errors="replace",
            env=self.env,
            cwd=ROOT,
            timeout=300,
        )
        assert "Traceback" not in result.stderr, result.stderr
        if check:
            assert result.returncode == 0, f"fieldapp {' '.join(args)}: {result.stdout}{result.stderr}"
        return result

    def setup(self, reporter: str = "Әсел Нұрланқызы") -> None:
        out = self("setup", "--okrug", OKRUG, "--reporter", reporter).stdout
        assert "Кайнарский с.о." in out

    def add(self, *photos: Path, participants: int = 40) -> str:
        """A ready record with these photos; returns its id."""
        args = ["add", "--settlement", SETTLEMENT, "--date", "20.09.2025", "--campaign", "world_cleanup_day"]
        args += ["--participants", str(participants), "--waste", "mixed=3,2", "--ready", "--yes"]
        for photo in photos:
            args += ["--photo", str(photo)]
        out = self(*args).stdout
        assert "Saved:" in out, out
        return out.split("Saved:")[1].split()[0]


def make_photo(path: Path, seed: int = 0) -> Path:
    from tests.photo_factory import make_jpeg

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(make_jpeg(640 + seed, 480, gps=(43.2, 76.9)))
    return path


@pytest.fixture
def own_data_folder() -> Iterator[Path]:
    """The profile's real ``%LOCALAPPDATA%\\TazaField``, empty for the test, as it was after it.
    Under Wine one that is already there (another test, the installer's) is set aside meanwhile;
    on a real Windows machine its data are never touched: the test is skipped."""
    folder = known_folder(FOLDERID_LOCAL_APP_DATA) / "TazaField"
    aside = folder.with_name(f"TazaField.aside-{uuid.uuid4().hex[:8]}")
    if folder.exists():
        if not under_wine():
            pytest.skip(f"{folder} holds this machine's data; the test writes only to an empty one")
        folder.rename(aside)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if aside.exists():
            aside.rename(folder)
