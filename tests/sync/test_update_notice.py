"""The update notice through sync, against the real server: an admin publishes a release with the
server's command line, a village laptop and a coordinator learn it with their normal sync (no
request more), keep it in the store's meta, and forget it when it is withdrawn; ``fieldapp status``
says so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp import __version__
from fieldapp.cli import main
from fieldapp.updates import META_RELEASE, Release, newer_available, pending_notice, stored_release
from tests.records import OKRUG
from tests.server.live import LiveServer
from tests.sync.laptop import Laptop
from tests.sync.test_district import Coordinator

URL = "https://downloads.example.kz/TazaField-99.0.0.exe"


def test_a_laptop_learns_the_release_with_its_sync(server: LiveServer, laptop: Laptop) -> None:
    laptop.add(2)
    first = laptop.sync()
    assert not first.release_changed
    assert stored_release(laptop.store) is None

    server.cli("release", "set", "--version", "99.0.0", "--url", URL, "--notes", "Фото тезірек жіберіледі")
    laptop.add(1)
    report = laptop.sync()
    assert report.release_changed
    assert report.records_sent == 1
    assert report.requests == first.requests  # no request more: a push and a pull, as before
    release = stored_release(laptop.store)
    assert release == Release("99.0.0", URL, "Фото тезірек жіберіледі")
    assert newer_available(__version__, release.version)
    assert pending_notice(laptop.store) == release

    assert not laptop.sync().release_changed  # known already: the pull does not carry it again

    server.cli("release", "clear")
    assert laptop.sync().release_changed
    assert laptop.store.get_meta(META_RELEASE) is None
    assert pending_notice(laptop.store) is None


def test_a_release_not_newer_than_the_app_is_no_notice(server: LiveServer, laptop: Laptop) -> None:
    server.cli("release", "set", "--version", __version__, "--url", URL)
    laptop.sync()
    assert stored_release(laptop.store) is not None  # known: but not newer
    assert pending_notice(laptop.store) is None
    server.cli("release", "set", "--version", "0.0.1", "--url", URL)
    laptop.sync()
    assert stored_release(laptop.store).version == "0.0.1"  # type: ignore[union-attr]
    assert pending_notice(laptop.store) is None


def test_a_coordinator_learns_it_too(
    server: LiveServer, make_laptop: Callable[..., Laptop], tmp_path: Path
) -> None:
    make_laptop().sync()
    coordinator = Coordinator(tmp_path / "coordinator", server)
    try:
        coordinator.sync(thumbnails=False)
        assert stored_release(coordinator.store) is None
        server.cli("release", "set", "--version", "99.0.0", "--url", URL)
        coordinator.sync(thumbnails=False)
        assert pending_notice(coordinator.store) == Release("99.0.0", URL)
    finally:
        coordinator.close()


def status(folder: Path, capsys: pytest.CaptureFixture[str], lang: str = "en") -> str:
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "--lang", lang, "status"]) == 0
    return capsys.readouterr().out


def test_fieldapp_status_mentions_it(
    server: LiveServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "village"
    laptop = Laptop(folder, server)
    try:
        assert main(["--data-dir", str(folder), "setup", "--okrug", OKRUG]) == 0
        laptop.sync()
        assert "newer version" not in status(folder, capsys)
        server.cli("release", "set", "--version", "99.0.0", "--url", URL, "--notes", "Фото тезірек")
        laptop.sync()
    finally:
        laptop.close()
    out = status(folder, capsys)
    assert f"A newer version of Taza Field is available: 99.0.0 (this laptop has {__version__})" in out
    assert f"Ask IT staff to install it, or download it here: {URL}" in out
    assert "What is new: Фото тезірек" in out
    assert "Taza Field-тің жаңа нұсқасы шықты: 99.0.0" in status(folder, capsys, "kk")
    assert "Вышла новая версия Taza Field: 99.0.0" in status(folder, capsys, "ru")
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "--lang", "en", "sync"]) == 0  # a sync says so too
    assert f"A newer version of Taza Field is available: 99.0.0 (this laptop has {__version__})" in (
        capsys.readouterr().out
    )
