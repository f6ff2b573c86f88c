"""The Windows build, made and tried here under Wine (issue 12): ``scripts/windows-build`` makes the
one-folder app and its installer; the frozen ``fieldapp.exe`` passes its self-test; and the
installer, run as a laptop's user would run it (a user named «Әсел», no administrator rights),
installs, takes the enrolment file from beside itself, waits while the app is open, upgrades an older
version keeping the data, refuses to go back over a newer one and uninstalls keeping the data.

CI runs this (scripts/test installs Wine, NSIS and mingw-w64 as root); elsewhere it is skipped when
those are missing. The build takes a few minutes; the figures are in ``bench/windows_build.py``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.build_size import version
from bench.windows_build import ROOT, WINDOWS_PYTHON, WINDOWS_RUN, WindowsBuild, build, windows_run
from fieldapp.running import MUTEX_NAME
from fieldapp.store import Store
from scripts.windows import installer_strings
from tests.records import OKRUG
from tests.server.live import LiveServer
from tests.sync.test_engine import server_records
from tests.test_cli import ADD

TOOLS = ("wine", "wineserver", "makensis", "x86_64-w64-mingw32-gcc")
missing = [tool for tool in TOOLS if shutil.which(tool) is None]

needs_wine = pytest.mark.skipif(
    bool(missing) and os.environ.get("CI") != "true",  # in CI they must be there: fail, never skip
    reason=f"the Windows build needs {', '.join(missing)} (scripts/test installs them as root)",
)

USER = "Әсел"  # a Windows user name in Kazakh letters: C:\users\Әсел\...
# Wine names the prefix's Windows user after $USER (Debian's Wine 8.0 has no WINEUSERNAME).
LAPTOP_ENV = {"USER": USER}
PYTHON_EXE = WINDOWS_PYTHON

# Exit codes of scripts/windows/installer.nsi when it installs nothing.
NEWER_INSTALLED, APP_RUNNING = 3, 4


@pytest.fixture(scope="module")
def built() -> WindowsBuild:
    """The Windows build, made now (scripts/test runs this module beside the rest of the suite)."""
    assert not missing, f"missing: {', '.join(missing)}"
    return build()


@needs_wine
@pytest.mark.timeout(3600)
def test_the_frozen_app_passes_its_self_test_under_wine(built: WindowsBuild) -> None:
    done = windows_run(built.console, "--self-test", cwd=built.folder)
    log = done.stdout + done.stderr
    assert done.returncode == 0, log
    assert "frozen" in log
    assert "self-test ok" in log
    assert "Noto Sans draws Kazakh" in log  # the shipped font: Kazakh letters drawn, not boxes
    assert "Cannot find font directory" not in log


def pe_subsystem(exe: Path) -> int:
    """2 for a windowed program, 3 for a console one (the PE optional header's Subsystem field)."""
    data = exe.read_bytes()[:4096]
    (pe,) = struct.unpack_from("<I", data, 0x3C)
    assert data[pe : pe + 4] == b"PE\0\0", f"{exe.name} is not a Windows program"
    (subsystem,) = struct.unpack_from("<H", data, pe + 24 + 68)
    return subsystem


@needs_wine
@pytest.mark.timeout(3600)
def test_the_one_folder_app_is_a_windowed_program_and_its_console_twin(built: WindowsBuild) -> None:
    assert pe_subsystem(built.folder / "TazaField.exe") == 2
    assert pe_subsystem(built.console) == 3
    internal = built.folder / "_internal"
    assert (internal / "resources" / "fonts" / "NotoSans-Regular.ttf").is_file()
    assert (internal / "resources" / "fonts" / "OFL.txt").is_file()
    # The stand-ins for what Wine lacks stay in the build's Wine prefix, never in the app.
    names = {p.name.lower() for p in built.folder.rglob("*.dll")}
    assert "bcryptprimitives.dll" not in names
    assert "icuuc.dll" not in names
    assert "python311.dll" in names
    assert "qt6core.dll" in names
    assert built.installer.is_file()


# -- the installer, on a laptop ------------------------------------------------------------------


class Laptop:
    """A Wine prefix of its own: a Windows user «Әсел» who has never had Taza Field."""

    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        self.home = prefix / "drive_c" / "users" / USER
        self.program = self.home / "AppData" / "Local" / "Programs" / "TazaField"
        self.data = self.home / "AppData" / "Local" / "TazaField"
        self.start_menu = (
            self.home / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
        )

    def run(self, program: Path | str, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
        return windows_run(program, *args, prefix=self.prefix, env=LAPTOP_ENV, timeout=timeout)

    def fieldapp(self, *args: str) -> subprocess.CompletedProcess[str]:
        done = self.run(self.program / "fieldapp.exe", "--lang", "en", *args)
        assert done.returncode == 0, done.stdout + done.stderr
        return done

    def install(self, installer: Path) -> int:
        return self.run(installer, "/S").returncode

    def uninstall(self) -> int:
        # The uninstaller copies itself to %TEMP% and runs from there: wait for that copy too.
        code = self.run(self.program / "Uninstall.exe", "/S").returncode
        self.wait()
        return code

    def wait(self) -> None:
        subprocess.run([str(WINDOWS_RUN), "--prefix", str(self.prefix), "--wait"], check=True)

    def uninstall_entry(self) -> dict[str, str]:
        """The values of the app's entry in Settings > Apps (none when there is no entry), read by
        the Windows Python (``reg query`` prints in the console's code page, «Әсел» as «????»)."""
        read = (
            "import json, sys, winreg\n"
            "try:\n"
            "    key = winreg.OpenKey(winreg.HKEY_CURRENT_USER, sys.argv[1])\n"
            "except FileNotFoundError:\n"
            "    values = {}\n"
            "else:\n"
            "    values = {winreg.EnumValue(key, i)[0]: str(winreg.EnumValue(key, i)[1])\n"
            "              for i in range(winreg.QueryInfoKey(key)[1])}\n"
            "print(json.dumps(values))\n"
        )
        done = self.run(PYTHON_EXE, "-X", "utf8", "-c", read, UNINSTALL_KEY)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    def windows_path(self, path: Path) -> str:
        """``path`` (inside the prefix's drive C) as Windows programs there name it."""
        return "C:\\" + str(path.relative_to(self.prefix / "drive_c")).replace("/", "\\")

    def app_is_running(self) -> bool:
        check = (
            "import ctypes, sys; k = ctypes.windll.kernel32; "
            f"h = k.OpenMutexW(0x00100000, 0, {MUTEX_NAME!r}); sys.exit(0 if h else 1)"
        )
        return self.run(PYTHON_EXE, "-c", check).returncode == 0

    def records(self) -> int:
        with Store.open(self.data / "taza-field.sqlite") as store:
            return store.count_actions()


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Laptop]:
    laptop = Laptop(tmp_path / "laptop-prefix")
    yield laptop
    subprocess.run([str(WINDOWS_RUN), "--prefix", str(laptop.prefix), "--kill"], check=False)


def older_installer(built: WindowsBuild, out: Path) -> Path:
    """An installer of version 0.0.1 whose program has a file the current one has not."""
    source = out / "old" / "TazaField"
    shutil.copytree(built.folder, source)
    (source / "_internal" / "only-in-0.0.1.txt").write_text("an old version's file\n", encoding="utf-8")
    return make_installer(source, out / "TazaField-0.0.1-setup.exe", "0.0.1")


def make_installer(source: Path, target: Path, ver: str) -> Path:
    script = ROOT / "scripts" / "windows" / "make-installer"
    subprocess.run([str(script), str(source), ver, str(target), "--quick"], check=True, timeout=600)
    return target


UNINSTALL_KEY = r"Software\Microsoft\Windows\CurrentVersion\Uninstall\TazaField"


@needs_wine
@pytest.mark.timeout(3600)
def test_install_upgrade_and_uninstall_keep_the_laptops_data(
    built: WindowsBuild, laptop: Laptop, sqlite_server: LiveServer, tmp_path: Path
) -> None:
    # IT staff put the installer on a stick with the laptop's enrolment file beside it.
    stick = tmp_path / "stick"
    stick.mkdir()
    sqlite_server.cli("device", "enrol", "--okrug", OKRUG, "--out", str(stick / "kainar.provision.json"))
    old = shutil.copy(older_installer(built, tmp_path), stick)
    new = shutil.copy(built.installer, stick)

    # The first install, per user and without administrator rights: the program, a Start-menu entry,
    # an entry in Settings > Apps, and the enrolment file beside the program.
    assert laptop.install(Path(old)) == 0
    assert (laptop.program / "TazaField.exe").is_file()
    assert (laptop.program / "_internal" / "only-in-0.0.1.txt").is_file()
    assert (laptop.start_menu / "Taza Field.lnk").is_file()
    assert (laptop.program / "kainar.provision.json").is_file()
    entry = laptop.uninstall_entry()
    assert entry["DisplayVersion"] == "0.0.1"
    assert entry["InstallLocation"] == laptop.windows_path(laptop.program)
    assert entry["UninstallString"] == f'"{laptop.windows_path(laptop.program)}\\Uninstall.exe"'

    # The laptop's first start takes the enrolment file, then work is done and sent.
    enrolled = laptop.fieldapp("enrol")
    assert "enrolled" in enrolled.stdout
    assert not (laptop.program / "kainar.provision.json").exists()
    laptop.fieldapp("setup", "--okrug", OKRUG, "--reporter", "Әсел Нұрланқызы")
    laptop.fieldapp(*ADD)
    assert laptop.records() == 1
    assert laptop.fieldapp("sync").returncode == 0
    assert len(server_records(sqlite_server)) == 1

    # While the app is open the installer changes nothing and says so (exit code 4 when silent).
    app = subprocess.Popen(
        [
            str(WINDOWS_RUN),
            "--prefix",
            str(laptop.prefix),
            str(laptop.program / "TazaField.exe"),
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**{k: v for k, v in os.environ.items() if not k.startswith("TAZA_FIELD_")}, **LAPTOP_ENV},
    )
    try:
        deadline = time.monotonic() + 120
        while not laptop.app_is_running():
            assert app.poll() is None, "the app ended by itself"
            assert time.monotonic() < deadline, "the app did not start"
            time.sleep(1)
        assert laptop.install(Path(new)) == APP_RUNNING
        assert (laptop.program / "_internal" / "only-in-0.0.1.txt").is_file()
        assert (laptop.program / "fieldapp.exe").is_file()
        assert laptop.uninstall_entry()["DisplayVersion"] == "0.0.1"
    finally:
        laptop.run("taskkill", "/im", "TazaField.exe")
        try:
            app.wait(timeout=60)
        except subprocess.TimeoutExpired:
            laptop.run("taskkill", "/f", "/im", "TazaField.exe")
            app.wait(timeout=60)
    assert not laptop.app_is_running()

    # The upgrade: the old program's files go, the new ones come, the data stays.
    assert laptop.install(Path(new)) == 0
    assert not (laptop.program / "_internal" / "only-in-0.0.1.txt").exists()
    assert not (laptop.program / "_internal.old").exists()
    assert laptop.uninstall_entry()["DisplayVersion"] == version()
    assert laptop.records() == 1
    status = laptop.fieldapp("status")
    assert laptop.windows_path(laptop.data) in status.stdout  # C:\users\Әсел\AppData\Local\TazaField
    assert (laptop.data / "device.json").is_file()  # still enrolled

    # Going back over a newer version is refused when silent (it asks when not).
    assert laptop.install(Path(old)) == NEWER_INSTALLED
    assert laptop.uninstall_entry()["DisplayVersion"] == version()
    assert (laptop.program / "fieldapp.exe").is_file()

    # The uninstaller takes the program, its Start-menu entry and its Apps entry; the data stays.
    assert laptop.uninstall() == 0
    assert not laptop.program.exists()
    assert not (laptop.start_menu / "Taza Field.lnk").exists()
    assert laptop.uninstall_entry() == {}
    assert laptop.records() == 1
    assert (laptop.data / "device.json").is_file()


# -- Windows' own code paths -----------------------------------------------------------------------


@needs_wine
@pytest.mark.timeout(3600)
def test_windows_own_code_paths_pass_under_wine(built: WindowsBuild, tmp_path: Path) -> None:
    """tests/win32, run by the Windows Python in a Wine prefix of its own whose user is «Әсел»:
    %LOCALAPPDATA%, the Kazakh user name, paths over 260 characters, Credential Manager, a second
    process on the open database, portable mode with a stick's file times. None may be skipped.
    (No FAT32 volume can be had here: the kernel has no vfat, and FAT through FUSE, fusefat, cannot
    truncate a file, so SQLite cannot work on it at all, which is fusefat's limit, not FAT's.)"""
    env = {"USER": USER, "LOGNAME": USER, "LANG": "C.UTF-8", "TAZA_WIN32_REQUIRE_KAZAKH_USER": "1"}
    done = windows_run(
        PYTHON_EXE,
        "-m",
        "pytest",
        "tests/win32",
        "-q",
        "-rs",
        "-p",
        "no:cacheprovider",
        prefix=tmp_path / "prefix",
        cwd=ROOT,
        env=env,
        timeout=3000,
    )
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert re.search(r"\b\d+ passed\b", out), out
    assert "skipped" not in out, out


# -- the installer's texts -------------------------------------------------------------------------


def test_the_installers_texts_come_from_the_catalogue_in_three_languages(tmp_path: Path) -> None:
    out = tmp_path / "strings.nsh"
    assert installer_strings.main([str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode())  # makensis reads it as UTF-8 on any machine
    text = raw.decode("utf-8-sig")
    for language in ("KAZAKH", "RUSSIAN", "ENGLISH"):
        assert f'LangString TEXT_RUNNING ${{LANG_{language}}} "' in text
    assert "Taza Field ашық тұр" in text
    assert "Taza Field открыта" in text
    assert "$INSTDIR" in text
    assert "${VERSION}" in text
    assert "{folder}" not in text
    assert "$\\r$\\n" in text  # line breaks as NSIS writes them


def test_an_installer_text_is_written_as_nsis_reads_it() -> None:
    assert installer_strings.nsis_text('"50 $" in {folder}\nok') == '$\\"50 $$$\\" in $INSTDIR$\\r$\\nok'
    with pytest.raises(SystemExit, match="no such placeholder"):
        installer_strings.nsis_text("{nobody}")
