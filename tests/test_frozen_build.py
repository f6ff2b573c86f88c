"""The desktop app as IT staff ship it: frozen by PyInstaller from build.spec (the one-folder build,
which an installer wraps), then run as a laptop would run it — its self-test, and portable mode
with the data folder beside the program. CI runs this on every change."""

from __future__ import annotations

import ctypes.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.build_size import build_app
from tests.records import OKRUG

try:
    import PyInstaller  # noqa: F401
except ImportError:  # in CI it must be there (scripts/test installs the build extra): fail, never skip
    if os.environ.get("CI") == "true":
        raise
    pytest.skip("install the build extra: pip install -e '.[build]'", allow_module_level=True)


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder build's program."""
    return build_app(tmp_path_factory.mktemp("frozen"))


def run(program: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """As on a laptop: none of the test run's TAZA_FIELD_* or Python settings, its own home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TAZA_FIELD_", "PYTHON", "XDG_"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    return subprocess.run(
        [str(program), *args], capture_output=True, text=True, env=env, timeout=300, check=False
    )


@pytest.mark.timeout(600)
def test_the_frozen_app_passes_its_self_test(frozen: Path, tmp_path: Path) -> None:
    done = run(frozen, "--self-test", home=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "frozen" in done.stdout
    assert "self-test ok" in done.stdout
    assert list(tmp_path.iterdir()) == []  # it wrote nothing in the user's home
    folder = frozen.parent
    internal = folder / "_internal"
    assert (internal / "resources" / "kato.csv").is_file()
    assert sorted(p.name for p in (internal / "resources" / "translations").iterdir()) == [
        "taza_en.qm",
        "taza_kk.qm",
        "taza_ru.qm",
    ]
    assert sorted(p.name for p in (internal / "resources" / "help").iterdir()) == [
        "guide.en.html",
        "guide.kk.html",
        "guide.ru.html",
    ]
    assert "ok   user guide" in done.stdout  # read from those files
    assert not list(internal.rglob("fastapi")), "the server's stack is not part of the desktop app"
    qt_translations = {p.name for p in internal.rglob("qtbase_*.qm")}
    assert qt_translations == {"qtbase_kk.qm", "qtbase_ru.qm"}
    # Babel's CLDR data: the app's languages and their root only (the rest is 35 MB).
    cldr = {p.name for p in (internal / "babel" / "locale-data").iterdir()}
    assert cldr == {"kk.dat", "ru.dat", "en.dat", "root.dat"}
    assert (internal / "babel" / "global.dat").is_file()
    kept = sum(p.stat().st_size for p in (internal / "babel").rglob("*.dat"))
    assert kept < 200_000, f"Babel's data holds only what the app reads (build.spec), not {kept} bytes"


@pytest.mark.timeout(600)
def test_portable_mode_keeps_the_data_beside_the_program(frozen: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    folder = frozen.parent
    marker = folder / "portable.txt"
    marker.write_text("Taza Field keeps its data in the data folder beside it.\n", encoding="utf-8")
    try:
        done = run(frozen, "--lang", "en", "setup", "--okrug", OKRUG, home=home)
        assert done.returncode == 0, done.stdout + done.stderr
        settings = folder / "data" / "settings.json"
        assert json.loads(settings.read_text(encoding="utf-8"))["okrug"] == OKRUG
        assert not any(home.rglob("settings.json"))  # nothing in the per-user folder
        status = run(frozen, "--lang", "en", "status", home=home)
        assert status.returncode == 0, status.stderr
        assert str(folder / "data") in status.stdout
    finally:
        marker.unlink()
    elsewhere = run(frozen, "--lang", "en", "setup", "--okrug", OKRUG, home=home)  # no marker: per user
    assert elsewhere.returncode == 0, elsewhere.stderr
    assert (home / ".local" / "share" / "TazaField" / "settings.json").is_file()


def needed(library: Path) -> set[str]:
    """The libraries an ELF file names as NEEDED (readelf, not PyInstaller's own analysis)."""
    dynamic = subprocess.run(
        ["readelf", "--dynamic", "--wide", str(library)], capture_output=True, text=True, check=True
    ).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic))


@pytest.mark.skipif(sys.platform != "linux", reason="ELF libraries: the Linux build")
def test_every_bundled_library_is_needed_by_what_the_app_loads(frozen: Path) -> None:
    """Whatever else the build machine has installed, the bundle holds only what the program, its
    extension modules and the Qt plugins it keeps need. GTK is the case that happened: with GTK
    installed, Qt's GTK theme plugin (left out) dragged 11 MB of GTK's libraries in. scripts/test
    installs GTK so that this build is made where it is present."""
    if shutil.which("readelf") is None:
        pytest.fail("readelf (binutils) is needed to check the bundle")
    gtk_here = ctypes.util.find_library("gtk-3") is not None
    if os.environ.get("CI") == "true":
        assert gtk_here, "CI builds with GTK installed (scripts/test installs libgtk-3-0)"
    internal = frozen.parent / "_internal"
    libraries = {p.name: p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()}
    libraries |= {p.name: p.resolve() for p in internal.rglob("*.so*") if p.is_symlink()}
    roots = [frozen] + [
        p
        for p in libraries.values()
        if ".cpython-" in p.name
        or ".abi3.so" in p.name
        or "plugins" in p.parts
        or p.name.startswith("libpython")
    ]
    reached: set[str] = set()
    todo = list(roots)
    while todo:
        current = todo.pop()
        for name in needed(current):
            if name in libraries and name not in reached:
                reached.add(name)
                todo.append(libraries[name])
    root_names = {p.name for p in roots}
    orphans = sorted(name for name in libraries if name not in reached and name not in root_names)
    assert orphans == [], f"bundled but needed by nothing the app loads: {orphans}"
    gtk = sorted(name for name in libraries if name.startswith(("libgtk", "libgdk-", "libatk", "libepoxy")))
    assert gtk == [], f"GTK's libraries are in the bundle: {gtk}"
    # and nothing the app loads is missing: each library it needs is bundled or the system's own
    system = set(
        re.findall(
            r"^\s+(\S+) \(",
            subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout,
            re.M,
        )
    )
    missing = sorted(
        f"{lib.name} needs {name}"
        for lib in [*roots, *(libraries[n] for n in reached)]
        for name in needed(lib)
        if name not in libraries and name not in system
    )
    assert missing == [], missing
