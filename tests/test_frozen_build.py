"""The desktop app as IT staff ship it: frozen by PyInstaller from build.spec (the one-folder build,
which an installer wraps), then run as a laptop would run it — its self-test, and portable mode
with the data folder beside the program. CI runs this on every change."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from bench.build_size import build_app, size_mib
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
    assert size_mib(folder) < 130
    internal = folder / "_internal"
    assert (internal / "resources" / "kato.csv").is_file()
    assert sorted(p.name for p in (internal / "resources" / "translations").iterdir()) == [
        "taza_en.qm",
        "taza_kk.qm",
        "taza_ru.qm",
    ]
    assert not list(internal.rglob("fastapi")), "the server's stack is not part of the desktop app"
    qt_translations = {p.name for p in internal.rglob("qtbase_*.qm")}
    assert qt_translations == {"qtbase_kk.qm", "qtbase_ru.qm"}


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
