"""The photos of the record under review, as a coordinator sees them: each once, however often the
list is refreshed or a decision is made; the role written under each; opened large by double-click
or Enter, the viewer says the role, when and where the camera took it (read on the village
laptop, brought through the server), and whose record it is."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget
from pytestqt.qtbot import QtBot

from fieldapp.models import CleanupAction, PhotoRef, PhotoRole
from tests.photo_factory import make_jpeg, noisy_picture
from tests.records import action
from tests.sync.laptop import Laptop
from tests.sync.test_district import YEAR, Coordinator
from tests.ui import test_coordinator_window as window_tests
from tests.ui.test_coordinator_window import WAIT_MS, open_window, refresh, settle
from ui.coordinator_window import CoordinatorWindow
from ui.i18n import Translations
from ui.photo_viewer import PhotoViewer

villages, coordinator = window_tests.villages, window_tests.coordinator
CAMERA_GPS = (43.2526, 76.9454)


def with_photos(villages: dict[str, Laptop]) -> list[CleanupAction]:
    """Two records of three photos each (before, during, after), sent from the village: the camera
    gave the time and the GPS position of the first two, nothing of the third."""
    kainar = villages["kainar"]
    made = []
    for n in range(2):
        pictures = [
            kainar.library.import_bytes(
                make_jpeg(
                    picture=noisy_picture(640, 480),
                    gps=CAMERA_GPS,
                    taken_at=datetime(YEAR, 5, 10 + n, 10, 31 + k),
                ),
                f"IMG_{n}{k}.jpg",
            )
            for k in range(2)
        ] + [kainar.photo(100 * n + 2)]
        roles = (PhotoRole.BEFORE, PhotoRole.DURING, PhotoRole.AFTER)
        record = kainar.store.save(
            action(
                action_date=date(YEAR, 5, 10 + n),
                gps={"lat": 43.2526, "lon": 76.9454},
                photos=[PhotoRef(sha256=p.sha256, role=r) for p, r in zip(pictures, roles, strict=True)],
            ),
            pictures,
        )
        made.append(record)
    kainar.sync()
    return made


def shown_photos(window: CoordinatorWindow, qtbot: QtBot) -> QListWidget:
    photos = window.review.photos
    qtbot.waitUntil(lambda: photos.count() > 0 and not window.tasks.busy, timeout=WAIT_MS)
    return photos


def test_each_photo_once_after_refresh_and_decision(
    villages: dict[str, Laptop], coordinator: Coordinator, translations: Translations, qtbot: QtBot
) -> None:
    with_photos(villages)
    window = open_window(coordinator, translations, qtbot)
    refresh(window, qtbot)
    review = window.review
    review.table.selectRow(0)
    photos = shown_photos(window, qtbot)
    assert photos.count() == 3
    for _ in range(2):  # Refresh twice, quickly: the record is shown again, its photos once
        qtbot.mouseClick(window.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.controller.running, timeout=WAIT_MS)
    settle(window, qtbot)
    qtbot.mouseClick(window.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.controller.running, timeout=WAIT_MS)
    settle(window, qtbot)
    assert len(review.selected()) == 1
    assert shown_photos(window, qtbot).count() == 3
    assert len({photos.item(i).data(Qt.ItemDataRole.UserRole) for i in range(photos.count())}) == 3

    qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)  # the next record is shown
    settle(window, qtbot)
    assert len(review.selected()) == 1
    assert shown_photos(window, qtbot).count() == 3
    qtbot.waitUntil(lambda: all(not photos.item(i).icon().isNull() for i in range(3)), timeout=WAIT_MS)
    window.close()


def test_the_role_on_the_card_and_the_viewer_says_role_date_gps_and_record(
    villages: dict[str, Laptop], coordinator: Coordinator, translations: Translations, qtbot: QtBot
) -> None:
    made = with_photos(villages)
    window = open_window(coordinator, translations, qtbot)
    refresh(window, qtbot)
    review = window.review
    review.table.selectRow(0)
    photos = shown_photos(window, qtbot)
    texts = [photos.item(i).text() for i in range(photos.count())]
    assert texts == ["Before", "During", "After"]
    record = next(r for r in made if str(r.id) == review.selected()[0].id)

    # Enter on the second photo opens it large
    photos.setFocus()
    photos.setCurrentRow(1)
    qtbot.keyClick(photos, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PhotoViewer), timeout=WAIT_MS)
    viewer = QApplication.activeModalWidget()
    assert isinstance(viewer, PhotoViewer)
    qtbot.waitUntil(lambda: not viewer.is_loading(), timeout=WAIT_MS)
    assert viewer.has_image()
    details = viewer.details_label.text()
    # what the camera said came from the village through the server when the photo was opened
    day = record.action_date.day
    assert details == f"During · Taken {day:02d}.05.{YEAR} 10:32 · GPS 43.252600, 76.945400"
    about = viewer.record_label.text()
    assert about.startswith(f"Record {str(record.id)[-8:]} · {record.action_date:%d.%m.%Y} · ")
    assert about.endswith("GPS of the action 43.252600, 76.945400")
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=WAIT_MS)

    # a click chooses a photo; a double-click (press, release, press) opens one viewer, not two
    rect = photos.visualItemRect(photos.item(2))
    qtbot.mouseClick(photos.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(window, qtbot)
    assert QApplication.activeModalWidget() is None
    assert photos.currentRow() == 2
    qtbot.mouseDClick(photos.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PhotoViewer), timeout=WAIT_MS)
    settle(window, qtbot)
    viewers = [w for w in window.findChildren(PhotoViewer) if w.isVisible()]
    assert len(viewers) == 1
    # a photo whose camera said nothing: the viewer says so
    assert viewers[0].details_label.text() == "After · the camera's time and place are not known here"
    qtbot.keyClick(viewers[0], Qt.Key.Key_Escape)
    window.close()
