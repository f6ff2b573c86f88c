"""The photo strip with real files, a real PhotoLibrary and a real thread pool, drawn offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

import ui.photo_strip
from fieldapp.i18n import translate
from fieldapp.models import PhotoRef, PhotoRole
from fieldapp.photo_library import PhotoLibrary
from tests.photo_factory import make_jpeg, make_png, noisy_picture
from ui.bitmaps import fit
from ui.i18n import Translations
from ui.photo_strip import PhotoStrip
from ui.photo_viewer import PhotoViewer
from ui.style import set_role
from ui.tasks import Tasks

WAIT_MS = 20_000
GPS = (43.238949, 76.889709)  # Almaty
TAKEN = datetime(2025, 5, 12, 10, 31)


# -- fixtures --------------------------------------------------------------------------------------


@pytest.fixture
def library(tmp_path: Path) -> PhotoLibrary:
    return PhotoLibrary(tmp_path / "photos")


@pytest.fixture
def tasks(ui_app: QApplication) -> Iterator[Tasks]:
    tasks = Tasks()
    yield tasks
    tasks.wait(WAIT_MS)
    tasks.close()
    tasks.deleteLater()


@pytest.fixture
def strip(qtbot: QtBot, library: PhotoLibrary, tasks: Tasks) -> PhotoStrip:
    strip = PhotoStrip(library, tasks)
    qtbot.addWidget(strip)
    strip.resize(820, strip.sizeHint().height())
    strip.show()
    qtbot.waitExposed(strip)
    return strip


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """Good and bad photo files, as a user's folder would hold them."""
    folder = tmp_path / "from phone"
    folder.mkdir()
    jpeg = make_jpeg(640, 480, gps=GPS, taken_at=TAKEN)
    made = {
        "jpeg": ("IMG_20250512_103100.jpg", jpeg),
        "png": ("map of the site.png", make_png(300, 400)),
        "bad": ("IMG_20250512_103145.jpg", jpeg[: len(jpeg) // 2]),  # copied only halfway
        "copy": ("IMG_20250512_103100 (1).jpg", jpeg),  # the same photo under another name
        "third": ("IMG_3.jpg", make_jpeg(picture=noisy_picture(480, 640))),
        "fourth": ("IMG_4.jpg", make_jpeg(800, 450)),
        "text": ("notes.txt", "Субботник 12 мая".encode()),
    }
    paths = {}
    for key, (name, data) in made.items():
        paths[key] = folder / name
        paths[key].write_bytes(data)
    return paths


def add_and_wait(qtbot: QtBot, strip: PhotoStrip, paths: list[Path]) -> None:
    strip.add_files(paths)
    qtbot.waitUntil(lambda: not strip.is_busy(), timeout=WAIT_MS)


def roles(strip: PhotoStrip) -> list[PhotoRole]:
    return [ref.role for ref in strip.photos()]


def names(strip: PhotoStrip) -> list[str]:
    return [photo.original_name for photo in strip.new_photos()]


def tab_chain(start: QWidget, stop: QWidget) -> list[QWidget]:
    """The widgets Tab visits from ``start`` up to ``stop`` (the focus chain, tab stops only)."""
    chain, widget = [start], start.nextInFocusChain()
    while widget is not stop and widget is not start:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(start.window()):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


# -- adding ------------------------------------------------------------------------------------------


def test_empty_strip_says_how_to_add(strip: PhotoStrip) -> None:
    assert strip.photos() == []
    assert strip.empty_label.isVisible()
    assert "drop" in strip.empty_label.text()
    assert not strip.scroll.isVisible()
    assert not strip.problem_box.isVisible()
    assert not strip.is_busy()


def test_good_files_go_in_and_a_bad_one_is_listed(
    qtbot: QtBot, strip: PhotoStrip, files: dict[str, Path], library: PhotoLibrary
) -> None:
    add_and_wait(qtbot, strip, [files["jpeg"], files["bad"], files["png"]])

    assert len(strip.cards()) == 2
    assert names(strip) == ["IMG_20250512_103100.jpg", "map of the site.png"]  # the order chosen
    assert roles(strip) == [PhotoRole.BEFORE, PhotoRole.OTHER]
    for ref in strip.photos():
        assert library.has(ref.sha256)
        assert library.thumbnail_path(ref.sha256).is_file()
        assert library.original_path(ref.sha256) is not None
    qtbot.waitUntil(lambda: all(card.has_thumbnail() for card in strip.cards()), timeout=WAIT_MS)

    [error] = strip.errors()
    assert error.name == "IMG_20250512_103145.jpg"
    assert error.reason == "damaged"
    assert strip.problem_box.isVisible()
    assert strip.messages() == [error.text("en")]
    assert "IMG_20250512_103145.jpg" in strip.messages()[0]
    assert strip.count_label.text() == "2 of 50 photos"


def test_a_file_that_is_not_a_picture_is_refused(
    qtbot: QtBot, strip: PhotoStrip, files: dict[str, Path]
) -> None:
    add_and_wait(qtbot, strip, [files["text"], files["png"]])
    assert [error.reason for error in strip.errors()] == ["not_an_image"]
    assert len(strip.cards()) == 1


def test_busy_while_processing_then_idle(qtbot: QtBot, strip: PhotoStrip, files: dict[str, Path]) -> None:
    busy: list[bool] = []
    strip.busy_changed.connect(busy.append)
    with qtbot.waitSignal(strip.busy_changed, timeout=WAIT_MS, check_params_cb=lambda value: not value):
        strip.add_files([files["jpeg"], files["png"], files["bad"]])
        assert strip.is_busy()
        assert strip.progress_bar.isVisible()
        assert strip.progress_label.text() == "Processing 1 of 3…"
    assert busy == [True, False]
    assert not strip.progress_bar.isVisible()


def test_new_photos_added_emit_changed(qtbot: QtBot, strip: PhotoStrip, files: dict[str, Path]) -> None:
    with qtbot.waitSignal(strip.changed, timeout=WAIT_MS):
        strip.add_files([files["png"]])
    qtbot.waitUntil(lambda: not strip.is_busy(), timeout=WAIT_MS)


def test_the_same_photo_twice_is_kept_once(qtbot: QtBot, strip: PhotoStrip, files: dict[str, Path]) -> None:
    add_and_wait(qtbot, strip, [files["jpeg"], files["jpeg"]])
    add_and_wait(qtbot, strip, [files["copy"]])

    assert len(strip.photos()) == 1
    assert len(strip.new_photos()) == 1
    assert strip.errors() == []  # not an error: a note that it is there already
    assert len(strip.messages()) == 2
    assert "already attached" in strip.messages()[-1]


def test_photo_with_gps_reports_its_location_once(
    qtbot: QtBot, strip: PhotoStrip, files: dict[str, Path]
) -> None:
    found: list[tuple[float, float, str]] = []
    strip.location_found.connect(lambda lat, lon, name: found.append((lat, lon, name)))
    add_and_wait(qtbot, strip, [files["png"], files["jpeg"]])
    add_and_wait(qtbot, strip, [files["copy"]])  # the same photo again: no second report

    [(lat, lon, name)] = found
    assert lat == pytest.approx(GPS[0], abs=1e-5)
    assert lon == pytest.approx(GPS[1], abs=1e-5)
    assert name == "IMG_20250512_103100.jpg"


def test_add_button_opens_a_file_dialog_for_photos(
    qtbot: QtBot, strip: PhotoStrip, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def choose(parent: QWidget, caption: str, folder: str, filters: str) -> tuple[list[str], str]:
        asked.append(filters)
        return [str(files["jpeg"]), str(files["png"])], filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(choose))
    qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not strip.is_busy(), timeout=WAIT_MS)

    [filters] = asked
    photos_filter, all_filter = filters.split(";;")
    assert photos_filter.startswith("Photos (*.jpg *.jpeg *.png")
    assert "*.webp" in photos_filter
    assert all_filter == "All files (*)"
    assert len(strip.photos()) == 2


def test_refuses_photos_beyond_the_limit(
    qtbot: QtBot, strip: PhotoStrip, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ui.photo_strip, "MAX_PHOTOS", 3)
    add_and_wait(qtbot, strip, [files["jpeg"], files["png"]])
    add_and_wait(qtbot, strip, [files["third"], files["fourth"], files["copy"]])

    assert names(strip) == ["IMG_20250512_103100.jpg", "map of the site.png", "IMG_3.jpg"]
    source = "%n file(s) not added: an action can have at most {max} photos."
    assert strip.messages() == [QCoreApplication.translate("PhotoStrip", source, "", 2).format(max=3)]
    assert strip.errors() == []
    assert strip.count_label.text() == "3 of 3 photos"


# -- the cards --------------------------------------------------------------------------------------


def test_role_change_shows_in_photos_and_emits_changed(
    qtbot: QtBot, strip: PhotoStrip, files: dict[str, Path]
) -> None:
    add_and_wait(qtbot, strip, [files["jpeg"], files["png"]])
    card = strip.cards()[1]
    assert [card.role_combo.itemText(i) for i in range(4)] == ["Before", "During", "After", "Other"]

    with qtbot.waitSignal(strip.changed):
        card.role_combo.setCurrentIndex(card.role_combo.findData("after"))
    assert roles(strip) == [PhotoRole.BEFORE, PhotoRole.AFTER]


def test_remove_button_takes_the_photo_off(
    qtbot: QtBot, strip: PhotoStrip, files: dict[str, Path], library: PhotoLibrary
) -> None:
    add_and_wait(qtbot, strip, [files["jpeg"], files["png"]])
    first = strip.cards()[0]
    assert first.remove_button.toolTip()

    with qtbot.waitSignal(strip.changed):
        qtbot.mouseClick(first.remove_button, Qt.MouseButton.LeftButton)
    assert names(strip) == ["map of the site.png"]
    assert library.has(first.sha256)  # other records may use it: the library keeps it


@pytest.mark.parametrize("part", ["thumbnail", "role_combo"])
def test_delete_key_on_a_card_removes_it(
    qtbot: QtBot, strip: PhotoStrip, files: dict[str, Path], part: str
) -> None:
    add_and_wait(qtbot, strip, [files["jpeg"], files["png"]])
    card = strip.cards()[0]
    getattr(card, part).setFocus()

    with qtbot.waitSignal(strip.changed):
        qtbot.keyClick(getattr(card, part), Qt.Key.Key_Delete)
    assert names(strip) == ["map of the site.png"]
    assert strip.focusWidget() is strip.cards()[0].thumbnail  # the keyboard user stays on the strip


def test_removing_the_last_photo_shows_the_empty_state_again(
    qtbot: QtBot, strip: PhotoStrip, files: dict[str, Path]
) -> None:
    add_and_wait(qtbot, strip, [files["png"]])
    qtbot.keyClick(strip.cards()[0].thumbnail, Qt.Key.Key_Delete)
    assert strip.photos() == []
    assert strip.empty_label.isVisible()
    assert not strip.count_label.isVisible()


def test_tab_goes_through_add_button_then_each_card(
    qtbot: QtBot, library: PhotoLibrary, tasks: Tasks, files: dict[str, Path]
) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    before, after = QLineEdit(), QLineEdit()
    strip = PhotoStrip(library, tasks)
    layout = QVBoxLayout(form)
    for widget in (before, strip, after):
        layout.addWidget(widget)
    QWidget.setTabOrder(before, strip)  # as the form does: the strip is one entry of its chain
    QWidget.setTabOrder(strip, after)
    form.show()
    add_and_wait(qtbot, strip, [files["jpeg"], files["bad"], files["png"]])

    first, second = strip.cards()
    [dismiss] = strip.dismiss_buttons()
    assert tab_chain(before, after) == [
        before,
        strip.add_button,
        *first.focus_chain(),
        *second.focus_chain(),
        dismiss,
    ]


def test_many_photos_scroll_sideways_and_follow_the_focus(
    qtbot: QtBot, strip: PhotoStrip, tmp_path: Path
) -> None:
    paths = []
    for index in range(6):
        paths.append(tmp_path / f"photo_{index}.jpg")
        paths[-1].write_bytes(make_jpeg(200 + 10 * index, 150))
    strip.resize(480, strip.height())
    strip.activateWindow()
    qtbot.waitActive(strip)
    add_and_wait(qtbot, strip, paths)
    bar = strip.scroll.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() > 0)  # shows what was just added

    strip.cards()[0].role_combo.setFocus()
    qtbot.waitUntil(lambda: bar.value() == 0)
    strip.cards()[-1].thumbnail.setFocus()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())


def test_set_photos_shows_a_records_photos(
    qtbot: QtBot, strip: PhotoStrip, files: dict[str, Path], library: PhotoLibrary
) -> None:
    jpeg = library.import_file(files["jpeg"])
    png = library.import_file(files["png"])
    gone = "ab" * 32  # a photo of the record that is not on this laptop
    refs = [
        PhotoRef(sha256=png.sha256, role=PhotoRole.AFTER),
        PhotoRef(sha256=jpeg.sha256),
        PhotoRef(sha256=gone),
    ]

    with qtbot.assertNotEmitted(strip.changed):
        strip.set_photos(refs, known={jpeg.sha256: jpeg})
        qtbot.waitUntil(lambda: not any(card.is_loading() for card in strip.cards()), timeout=WAIT_MS)

    assert strip.photos() == refs
    assert strip.new_photos() == []
    assert [card.has_thumbnail() for card in strip.cards()] == [True, True, False]
    assert strip.cards()[2].thumbnail.text() == "No preview"
    assert "IMG_20250512_103100.jpg" in strip.cards()[1].thumbnail.toolTip()
    assert "12.05.2025 10:31" in strip.cards()[1].thumbnail.toolTip()


def test_set_photos_replaces_what_was_there(qtbot: QtBot, strip: PhotoStrip, files: dict[str, Path]) -> None:
    add_and_wait(qtbot, strip, [files["jpeg"], files["bad"]])
    strip.set_photos([])
    assert strip.photos() == []
    assert strip.new_photos() == []
    assert strip.errors() == []
    assert not strip.problem_box.isVisible()


def test_new_photos_are_those_added_since_set_photos(
    qtbot: QtBot, strip: PhotoStrip, files: dict[str, Path], library: PhotoLibrary
) -> None:
    existing = library.import_file(files["png"])
    strip.set_photos([PhotoRef(sha256=existing.sha256, role=PhotoRole.BEFORE)])
    add_and_wait(qtbot, strip, [files["jpeg"]])

    assert strip.photos()[0].sha256 == existing.sha256
    assert names(strip) == ["IMG_20250512_103100.jpg"]
    assert roles(strip) == [PhotoRole.BEFORE, PhotoRole.OTHER]  # "Before" only for an empty strip


# -- drag and drop -----------------------------------------------------------------------------------


def drag_enter(mime: QMimeData, actions: Qt.DropAction) -> QDragEnterEvent:
    """PySide6 6.12 takes a QPointF (a QPoint is deprecated there); earlier versions only a QPoint."""
    rest = (actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    try:
        return QDragEnterEvent(QPointF(20, 20), *rest)
    except TypeError:
        return QDragEnterEvent(QPoint(20, 20), *rest)


def drag_events(paths: list[Path], urls: list[QUrl] | None = None) -> tuple[QDragEnterEvent, QDropEvent]:
    mime = QMimeData()
    mime.setUrls(urls if urls is not None else [QUrl.fromLocalFile(str(path)) for path in paths])
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    enter = drag_enter(mime, actions)
    drop = QDropEvent(
        QPointF(20, 20), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    drop.mime = mime  # keep the data alive as long as the events
    return enter, drop


def test_dropping_files_adds_them(qtbot: QtBot, strip: PhotoStrip, files: dict[str, Path]) -> None:
    enter, drop = drag_events([files["jpeg"], files["bad"]])
    QApplication.sendEvent(strip, enter)
    assert enter.isAccepted()
    assert enter.dropAction() == Qt.DropAction.CopyAction  # never a move: the user's files stay
    assert strip.drop_area.is_highlighted()

    QApplication.sendEvent(strip, drop)
    assert drop.isAccepted()
    assert not strip.drop_area.is_highlighted()
    qtbot.waitUntil(lambda: not strip.is_busy(), timeout=WAIT_MS)
    assert names(strip) == ["IMG_20250512_103100.jpg"]
    assert [error.name for error in strip.errors()] == ["IMG_20250512_103145.jpg"]


def test_drags_without_local_files_are_refused(strip: PhotoStrip) -> None:
    enter, _drop = drag_events([], urls=[QUrl("https://example.org/photo.jpg")])
    QApplication.sendEvent(strip, enter)
    assert not enter.isAccepted()
    assert not strip.drop_area.is_highlighted()

    text_only = QMimeData()
    text_only.setText("photo.jpg")
    enter = drag_enter(text_only, Qt.DropAction.CopyAction)
    QApplication.sendEvent(strip, enter)
    assert not enter.isAccepted()


# -- the large view ----------------------------------------------------------------------------------


def open_viewer(qtbot: QtBot, strip: PhotoStrip, how: str) -> PhotoViewer:
    card = strip.cards()[0]
    if how == "click":
        qtbot.mouseClick(card.thumbnail, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(card.thumbnail, Qt.Key.Key_Return)
    viewer = strip.findChild(PhotoViewer)
    assert viewer is not None
    qtbot.waitUntil(lambda: not viewer.is_loading(), timeout=WAIT_MS)
    return viewer


@pytest.mark.parametrize("how", ["click", "enter"])
def test_large_view_opens_and_closes_with_escape(
    qtbot: QtBot, strip: PhotoStrip, files: dict[str, Path], how: str
) -> None:
    add_and_wait(qtbot, strip, [files["jpeg"]])
    viewer = open_viewer(qtbot, strip, how)

    assert viewer.isVisible()
    assert viewer.has_image()
    assert viewer.windowTitle() == "IMG_20250512_103100.jpg"
    assert viewer.name_label.text() == "IMG_20250512_103100.jpg"
    assert viewer.details_label.text() == "Before · Taken 12.05.2025 10:31 · GPS 43.238949, 76.889709"
    assert not viewer.record_label.isVisible()  # the form's own record: no line for it
    shown = viewer.picture.pixmap().deviceIndependentSize().toSize()
    box = viewer.fit_box()
    expected = fit((640, 480), (box.width(), box.height()))  # its own size, or as much as the screen allows
    assert (shown.width(), shown.height()) == expected
    screen = viewer.screen().availableGeometry()
    assert viewer.width() <= screen.width()
    assert viewer.height() <= screen.height()

    with qtbot.waitSignal(viewer.finished):
        qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: strip.findChild(PhotoViewer) is None)


def test_large_view_of_a_photo_not_on_this_computer(qtbot: QtBot, strip: PhotoStrip) -> None:
    strip.set_photos([PhotoRef(sha256="cd" * 32, role=PhotoRole.DURING)])
    viewer = open_viewer(qtbot, strip, "click")
    assert not viewer.has_image()
    assert viewer.picture.text() == "This photo is not on this computer."
    assert viewer.windowTitle() == "Photo"
    viewer.close()


# -- messages ----------------------------------------------------------------------------------------


def test_messages_can_be_dismissed(qtbot: QtBot, strip: PhotoStrip, files: dict[str, Path]) -> None:
    add_and_wait(qtbot, strip, [files["bad"], files["text"], files["png"]])
    assert [error.reason for error in strip.errors()] == ["damaged", "not_an_image"]  # in the order chosen
    assert strip.dismiss_all_button.isVisible()

    qtbot.mouseClick(strip.dismiss_buttons()[0], Qt.MouseButton.LeftButton)
    assert [error.reason for error in strip.errors()] == ["not_an_image"]
    assert not strip.dismiss_all_button.isVisible()

    add_and_wait(qtbot, strip, [files["bad"]])
    qtbot.mouseClick(strip.dismiss_all_button, Qt.MouseButton.LeftButton)
    assert strip.errors() == []
    assert not strip.problem_box.isVisible()
    assert len(strip.photos()) == 1


def test_language_switch_retranslates_everything(
    qtbot: QtBot, strip: PhotoStrip, files: dict[str, Path], translations: Translations
) -> None:
    add_and_wait(qtbot, strip, [files["png"], files["bad"]])
    [error] = strip.errors()
    card = strip.cards()[0]

    for lang, add_text in (("kk", "Фото қосу…"), ("ru", "Добавить фото…"), ("en", "Add photos…")):
        translations.apply(lang)
        qtbot.waitUntil(lambda text=add_text: strip.add_button.text() == text)
        assert strip.messages() == [error.text(lang)]
        assert error.text(lang) in [label.text() for label in strip.problem_box.findChildren(QLabel)]
        assert card.role_combo.currentText() == translate("role.before", lang)
        assert card.role_combo.itemText(2) == translate("role.after", lang)
    assert strip.add_button.text() == "Add photos…"


def test_plural_message_in_russian(
    qtbot: QtBot,
    strip: PhotoStrip,
    files: dict[str, Path],
    translations: Translations,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ui.photo_strip, "MAX_PHOTOS", 0)
    strip.add_files([files["png"], files["jpeg"]])
    strip.add_files([files["png"]] * 5)
    translations.apply("ru")
    qtbot.waitUntil(lambda: strip.add_button.text() == "Добавить фото…")
    assert strip.messages() == [
        "2 файла не добавлены: к одной акции можно прикрепить не более 0 фото.",
        "5 файлов не добавлено: к одной акции можно прикрепить не более 0 фото.",
    ]


# -- how it looks ------------------------------------------------------------------------------------


def screenshot_dir(tmp_path: Path) -> Path:
    """``TAZA_SCREENSHOTS=/some/dir`` keeps the screenshots for a person to look at."""
    return Path(os.environ.get("TAZA_SCREENSHOTS") or tmp_path)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_screenshot_four_photos_and_an_error(
    qtbot: QtBot,
    library: PhotoLibrary,
    tasks: Tasks,
    files: dict[str, Path],
    translations: Translations,
    tmp_path: Path,
    lang: str,
) -> None:
    """The strip as the form shows it (in a card, 820 px wide): nothing clipped in any language."""
    translations.apply(lang)
    card = set_role(QFrame(), "card")
    qtbot.addWidget(card)
    strip = PhotoStrip(library, tasks)
    layout = QVBoxLayout(card)
    layout.setContentsMargins(16, 12, 16, 16)
    layout.addWidget(strip)
    card.resize(820, 10)
    card.show()
    paths = [files[key] for key in ("jpeg", "png", "bad", "third", "fourth")]
    add_and_wait(qtbot, strip, paths)
    strip.cards()[2].role_combo.setCurrentIndex(1)  # "During": the longest role name in Kazakh
    card.resize(820, card.heightForWidth(820))  # as a form's layout sizes it
    qtbot.waitUntil(lambda: all(c.has_thumbnail() for c in strip.cards()), timeout=WAIT_MS)

    assert len(strip.cards()) == 4
    for photo in strip.cards():
        assert photo.role_combo.width() >= photo.role_combo.sizeHint().width()
        assert photo.geometry().bottom() < strip.scroll.viewport().height()
    assert strip.add_button.width() >= strip.add_button.sizeHint().width()
    assert card.width() == 820
    path = screenshot_dir(tmp_path) / f"strip_{lang}.png"
    assert card.grab().save(str(path))
