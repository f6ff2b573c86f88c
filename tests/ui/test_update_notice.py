"""The update notice in the windows, against the real server: an admin publishes a release with the
server's command line, the village's window learns it with its sync and shows a line with the
download page (opened in the browser, nothing downloaded or installed), which can be hidden for
that version; a release not newer than the app shows nothing; the coordinator's window shows it
too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from fieldapp import __version__
from fieldapp.paths import DataPaths
from fieldapp.store import Store
from fieldapp.updates import META_DISMISSED, stored_release
from tests.server.live import LiveServer
from tests.ui.helpers import close_window, open_window
from tests.ui.test_coordinator_window import Coordinator, refresh
from tests.ui.test_coordinator_window import open_window as open_coordinator_window
from tests.ui.test_sync_window import send_now, village
from ui.i18n import Translations

URL = "https://downloads.example.kz/TazaField-99.0.0.exe"


class Browser(QObject):
    """Stands in for the system's browser: Qt hands it the https addresses the app opens."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_the_window_tells_of_a_newer_version(
    tmp_path: Path, sqlite_server: LiveServer, translations: Translations, qtbot: QtBot
) -> None:
    village(tmp_path, sqlite_server, count=1)
    window = open_window(tmp_path, translations, qtbot)
    assert not window.update_notice.isVisible()
    sqlite_server.cli("release", "set", "--version", "99.0.0", "--url", URL, "--notes", "Фото тезірек")
    send_now(window, qtbot)
    notice = window.update_notice
    qtbot.waitUntil(notice.isVisible)
    assert "A newer version of Taza Field (99.0.0) is available" in notice.text.text()
    assert "Ask IT staff" in notice.text.text()
    assert "Фото тезірек" in notice.text.text()
    assert __version__ in notice.text.toolTip()
    assert notice.download_button.isVisible()
    assert notice.download_button.toolTip() == URL

    browser = Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        qtbot.mouseClick(notice.download_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert browser.opened == [URL]  # the page opens in the browser; nothing is fetched here
    assert not any(p.name.endswith(".exe") for p in tmp_path.rglob("*"))

    translations.apply("ru")  # the line follows the language (English until the .ts are merged)
    assert "99.0.0" in notice.text.text()
    translations.apply("en")

    qtbot.mouseClick(notice.hide_button, Qt.MouseButton.LeftButton)
    assert not notice.isVisible()
    qtbot.waitUntil(lambda: not window.tasks.busy)
    send_now(window, qtbot)
    assert not notice.isVisible()  # hidden for this version
    close_window(window)

    with Store.open(DataPaths(tmp_path).database) as store:
        assert store.get_meta(META_DISMISSED) == "99.0.0"
    window = open_window(tmp_path, translations, qtbot)
    assert not window.update_notice.isVisible()  # still hidden when the window opens again
    sqlite_server.cli("release", "set", "--version", "99.1.0", "--url", URL)
    send_now(window, qtbot)
    qtbot.waitUntil(window.update_notice.isVisible)  # a newer one shows again
    assert "(99.1.0)" in window.update_notice.text.text()
    close_window(window)


def test_no_notice_for_a_release_not_newer_than_the_app(
    tmp_path: Path, sqlite_server: LiveServer, translations: Translations, qtbot: QtBot
) -> None:
    village(tmp_path, sqlite_server)
    window = open_window(tmp_path, translations, qtbot)
    for version in (__version__, "0.0.1"):
        sqlite_server.cli("release", "set", "--version", version, "--url", URL)
        send_now(window, qtbot)
        assert stored_release(window.store).version == version  # type: ignore[union-attr]
        assert not window.update_notice.isVisible()
    close_window(window)


def test_the_coordinators_window_tells_of_it_too(
    tmp_path: Path, sqlite_server: LiveServer, translations: Translations, qtbot: QtBot
) -> None:
    coordinator = Coordinator(tmp_path / "coordinator", sqlite_server)
    try:
        window = open_coordinator_window(coordinator, translations, qtbot)
        assert not window.update_notice.isVisible()
        sqlite_server.cli("release", "set", "--version", "99.0.0", "--url", URL)
        refresh(window, qtbot)
        qtbot.waitUntil(window.update_notice.isVisible)
        assert "(99.0.0)" in window.update_notice.text.text()
        qtbot.mouseClick(window.update_notice.hide_button, Qt.MouseButton.LeftButton)
        assert not window.update_notice.isVisible()
        window.close()
    finally:
        coordinator.close()
