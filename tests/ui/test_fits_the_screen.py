"""Every top-level window fits a 1366×768 screen at 150 % with its taskbar: 910×485 of the 910×512
logical pixels. QT_SCALE_FACTOR is read once when the QApplication starts, so within one test
process the scale cannot change; the test therefore measures in logical (device-independent)
pixels, which is what 150 % turns the screen into: the window's minimum size must be within
910×485, and once it is shown at that size every visible button, line edit and combo box lies
inside the window and is not squeezed to nothing. Each window is checked in kk, ru and en, on a
real store with records (a real server for the coordinator's district copy)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from fieldapp.kato import default_kato
from fieldapp.models import CleanupAction, PhotoRole, Status
from fieldapp.outbox import Conflict
from fieldapp.paths import DataPaths
from fieldapp.reference import default_reference
from fieldapp.store import Store
from tests.records import OKRUG, OTHER_OKRUG, OTHER_SETTLEMENT, action
from tests.server.live import LiveServer
from tests.sync.laptop import Laptop
from tests.sync.test_district import Coordinator
from tests.ui.helpers import close_window, open_window
from tests.ui.test_coordinator_window import TODAY as COORDINATOR_TODAY
from tests.ui.test_coordinator_window import open_window as open_coordinator_window
from tests.ui.test_coordinator_window import settle
from ui.action_dialog import ActionDialog
from ui.backup_dialog import BackupDialog
from ui.conflict_dialog import ConflictDialog
from ui.enrol_dialog import EnrolDialog
from ui.failures import CrashDialog
from ui.history_dialog import HistoryDialog
from ui.i18n import Translations
from ui.login_dialog import LoginDialog
from ui.okrug_dialog import OkrugDialog
from ui.photo_strip import PhotoStrip
from ui.photo_viewer import PhotoViewer
from ui.review_view import ReturnDialog
from ui.tasks import Tasks
from ui.village_reports import MonthChoiceDialog, NilReportDialog

SCREEN = (910, 485)  # 1366×768 at 150 %, less a 40 px taskbar (27 logical pixels)
LANGUAGES = ("kk", "ru", "en")
CHECKED = (QPushButton, QToolButton, QLineEdit, QComboBox)


def misfits(window: QWidget, qtbot: QtBot) -> list[str]:
    """What does not fit: the minimum size, then each control outside the window or squeezed."""
    found = []
    hint, least = window.minimumSizeHint(), window.minimumSize()
    need_w, need_h = max(hint.width(), least.width()), max(hint.height(), least.height())
    if need_w > SCREEN[0] or need_h > SCREEN[1]:
        found.append(f"{type(window).__name__} needs at least {need_w}×{need_h}")
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    inside = QRect(0, 0, window.width(), window.height())
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CHECKED) or not widget.isVisible() or widget.window() is not window:
            continue
        if (
            isinstance(widget, QToolButton)
            and widget.parent() is not None
            and widget.parent().inherits("QLineEdit")
        ):
            continue  # a line edit's own clear button: inside the line edit by construction
        name = _name(widget)
        if widget.width() <= 0 or widget.height() <= 0:
            found.append(f"{name} is squeezed to {widget.width()}×{widget.height()}")
            continue
        # Within a scroll area a control is reached by scrolling: then the scroll area must be inside.
        shown = _scrolled_within(widget, window) or widget
        where = QRect(shown.mapTo(window, shown.rect().topLeft()), shown.size())
        if not inside.contains(where):
            found.append(
                f"{name} at {where.getRect()} is outside the window {inside.width()}×{inside.height()}"
            )
    return found


def _scrolled_within(widget: QWidget, window: QWidget) -> QWidget | None:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(widget, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QAbstractButton):
        text = widget.text()
    elif isinstance(widget, QLineEdit):
        text = widget.placeholderText() or widget.text()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    return f"{type(widget).__name__} {text!r}"


def each_tab(window: QWidget, qtbot: QtBot) -> list[str]:
    """The window's misfits on each tab of its tab widget (all of it when it has none)."""
    tabs = window.findChild(QTabWidget)
    if tabs is None:
        return misfits(window, qtbot)
    found = []
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        found += [f"[{tabs.tabText(i)}] {m}" for m in misfits(window, qtbot)]
    tabs.setCurrentIndex(0)
    return found


@pytest.fixture
def village(tmp_path: Path) -> Path:
    records = [
        action(action_date=date(2026, 9, 19), campaign="world_cleanup_day", place="Орталық саябақ"),
        action(action_date=date(2026, 5, 2), campaign="march_of_parks", participants=1200),
    ]
    with Store.open(DataPaths(tmp_path).database) as store:
        store.save_many(records)
        store.mark_sent(records[0].id, 1)
        store.apply_review(records[0].id, 1, Status.RETURNED, "Суреттер жоқ")
    return tmp_path


def test_the_village_window_fits(village: Path, translations: Translations, qtbot: QtBot) -> None:
    window = open_window(village, translations, qtbot)
    try:
        found = []
        for lang in LANGUAGES:
            translations.apply(lang)
            found += [f"{lang}: {m}" for m in each_tab(window, qtbot)]
        assert not found, "\n".join(found)
    finally:
        close_window(window)


def test_the_coordinator_window_fits(
    sqlite_server: LiveServer, translations: Translations, qtbot: QtBot, tmp_path: Path
) -> None:
    kainar = Laptop(tmp_path / "kainar", sqlite_server, OKRUG, "kainar")
    alatau = Laptop(tmp_path / "alatau", sqlite_server, OTHER_OKRUG, "alatau")
    kainar.add(3, photos=1, action_date=date(COORDINATOR_TODAY.year, 5, 9), participants=30)
    alatau.add(
        2, settlement=OTHER_SETTLEMENT, okrug=OTHER_OKRUG, action_date=date(COORDINATOR_TODAY.year, 6, 14)
    )
    for laptop in (kainar, alatau):
        laptop.sync()
        laptop.close()
    coordinator = Coordinator(tmp_path / "coordinator", sqlite_server)
    try:
        coordinator.sync()
        window = open_coordinator_window(coordinator, translations, qtbot)
        window.review.table.selectRow(0)  # the record panel filled, its buttons shown
        settle(window, qtbot)
        found = []
        for lang in LANGUAGES:
            translations.apply(lang)
            settle(window, qtbot)
            found += [f"{lang}: {m}" for m in each_tab(window, qtbot)]
        window.close()
        assert not found, "\n".join(found)
    finally:
        coordinator.close()


@pytest.fixture
def tasks(ui_app: QApplication) -> Iterator[Tasks]:
    made = Tasks()
    yield made
    made.wait()
    made.close()


DIALOGS: dict[str, Callable[[Path, Tasks, Translations], QWidget]] = {
    "okrug": lambda root, tasks, translations: OkrugDialog(default_kato(), translations, current=OKRUG),
    "first start": lambda root, tasks, translations: OkrugDialog(default_kato(), translations),
    "record editor": lambda root, tasks, translations: ActionDialog(
        default_kato(),
        default_reference(),
        OKRUG,
        PhotoStrip(_library(root), tasks),
        today=date(2026, 11, 20),
    ),
    "enrolment": lambda root, tasks, translations: EnrolDialog(tasks, OKRUG),
    "backups": lambda root, tasks, translations: BackupDialog(DataPaths(root), tasks),
    "login": lambda root, tasks, translations: LoginDialog(tasks, server="https://taza.example.kz"),
    "return": lambda root, tasks, translations: ReturnDialog(3),
    "nil report": lambda root, tasks, translations: NilReportDialog(
        _store(root), OKRUG, tasks, today=lambda: date(2026, 11, 20)
    ),
    "month's report": lambda root, tasks, translations: MonthChoiceDialog(
        ["2026-11", "2026-10", "2026-09"], {"2026-09"}
    ),
    "photo viewer": lambda root, tasks, translations: PhotoViewer(
        _library(root), tasks, "0" * 64, role=PhotoRole.AFTER
    ),
    "conflict": lambda root, tasks, translations: ConflictDialog(
        _conflict(), default_kato(), default_reference()
    ),
    "record history": lambda root, tasks, translations: HistoryDialog(_history(root)),
    "something went wrong": lambda root, tasks, translations: CrashDialog(
        RuntimeError("disk I/O error"), lambda: None, None
    ),
}


def _conflict() -> Conflict:
    """The widest case: this laptop and the server differ in every field a person can change."""
    mine = action(place="Өзен жағасы мен орталық саябақ арасындағы жағалау", notes="Екі рет шықтық")
    theirs = CleanupAction.model_validate(
        mine.model_dump()
        | {
            "revision": 2,
            "settlement": OTHER_SETTLEMENT,
            "action_date": date(2025, 9, 21),
            "campaign": "tree_planting",
            "place": "Мектеп ауласы",
            "participants": 70,
            "area_m2": 61_500,
            "trees": 35,
            "notes": "Әкімдік тексерді",
            "waste": [{"fraction": "mixed", "kg": 2900}, {"fraction": "glass", "kg": 120}],
        }
    )
    return Conflict(mine.id, mine, theirs, server_revision=2, detected_at="2025-09-22T08:00:00Z")


_STORES: list[Store] = []


def _store(root: Path) -> Store:
    _STORES.append(Store.open(DataPaths(root).database))
    return _STORES[-1]


def _history(root: Path):  # type: ignore[no-untyped-def]
    """A record made, changed, deleted and brought back: four steps to show."""
    store = _store(root)
    record = store.save(action(action_date=date(2026, 9, 19)))
    changed = store.save(record.revise(participants=15, notes="Екінші рет"))
    tombstone = store.delete(changed.id, changed.revision)
    store.undo_delete(changed.id, tombstone.revision)
    return store.history(record.id)


def _library(root: Path):  # type: ignore[no-untyped-def]
    from fieldapp.photo_library import PhotoLibrary

    return PhotoLibrary(DataPaths(root).photos)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("which", DIALOGS)
def test_each_dialog_fits(
    which: str, lang: str, tmp_path: Path, tasks: Tasks, translations: Translations, qtbot: QtBot
) -> None:
    translations.apply(lang)
    dialog = DIALOGS[which](tmp_path, tasks, translations)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not tasks.busy, timeout=30_000)
    try:
        found = misfits(dialog, qtbot)
    finally:
        dialog.close()
        while _STORES:
            _STORES.pop().close()
    assert not found, "\n".join(found)


def test_the_record_below_the_list_shows_all_its_figures(
    sqlite_server: LiveServer, translations: Translations, qtbot: QtBot, tmp_path: Path
) -> None:
    """At 150 % the record goes below the list: a wide, low card. Its figures stand in columns
    there, so a record with four fractions, an area, trees and a place is read whole, unscrolled."""
    kainar = Laptop(tmp_path / "kainar", sqlite_server, OKRUG, "kainar")
    waste = [
        {"fraction": f, "kg": kg}
        for f, kg in (("mixed", 3200), ("plastic", 450), ("glass", 198), ("metal", 98))
    ]
    kainar.add(
        1, action_date=date(COORDINATOR_TODAY.year, 5, 9), waste=waste, trees=12, place="Орталық саябақ"
    )
    kainar.sync()
    kainar.close()
    coordinator = Coordinator(tmp_path / "coordinator", sqlite_server)
    try:
        coordinator.sync()
        window = open_coordinator_window(coordinator, translations, qtbot)
        window.resize(*SCREEN)
        for lang in LANGUAGES:
            translations.apply(lang)
            window.review.table.selectRow(0)
            settle(window, qtbot)
            QApplication.processEvents()
            review = window.review
            assert review.splitter.orientation() is Qt.Orientation.Vertical
            figures = review.figures
            shown = figures.text()
            for needed in ("3,2", "0,45", "0,198", "0,098", "5,2", "12", "Орталық саябақ"):
                assert needed.replace(",", "." if lang == "en" else ",") in shown, (lang, needed)
            viewport = figures.parentWidget().parentWidget()  # the card's scroll area's viewport
            bottom = figures.mapTo(viewport, figures.rect().bottomLeft()).y()
            assert bottom <= viewport.height(), (
                f"{lang}: the figures end at {bottom}, the card at {viewport.height()}"
            )
        window.close()
    finally:
        coordinator.close()
