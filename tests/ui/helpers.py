"""Building the real window on a real store for tests, and answering its questions."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from fieldapp.kato import default_kato
from fieldapp.paths import DataPaths
from fieldapp.photo_library import PhotoLibrary
from fieldapp.reference import default_reference
from fieldapp.settings import Settings, load_settings, save_settings
from fieldapp.store import Store
from sync.schedule import Schedule
from tests.records import OKRUG, TODAY
from ui.i18n import Translations
from ui.main_window import MainWindow
from ui.sync_controller import SyncController
from ui.tasks import Tasks


@dataclass
class Answers:
    """Scripted replies to the form's questions, and a log of what was asked."""

    warnings: bool = True
    duplicate: bool = True
    resubmit: bool = True
    discard: bool = True
    asked: list[tuple[str, list[str]]] = field(default_factory=list)

    def confirm_warnings(self, warnings: list[str]) -> bool:
        self.asked.append(("warnings", warnings))
        return self.warnings

    def confirm_duplicate(self, others: list[str], open_other: object = None) -> bool:
        self.asked.append(("duplicate", others))
        return self.duplicate

    def confirm_resubmit(self) -> bool:
        self.asked.append(("resubmit", []))
        return self.resubmit

    def confirm_discard(self) -> bool:
        self.asked.append(("discard", []))
        return self.discard


def open_window(  # type: ignore[no-untyped-def]
    root: Path,
    translations: Translations,
    qtbot,
    answers: Answers | None = None,
    schedule: Schedule | None = None,
    connect: Callable[[], sqlite3.Connection] | None = None,
) -> MainWindow:
    """The window on the data in ``root``. With ``schedule``, sync runs by itself on it (as in the
    app); without, only when asked. ``connect`` opens the store's writer connection."""
    paths = DataPaths(root)
    settings = load_settings(paths.settings)
    if not settings.okrug:
        settings = Settings(okrug=OKRUG, reporter="Айгүл Сәрсенова")
        save_settings(settings, paths.settings)
    store = Store.open(paths.database, connect)
    tasks, sync = None, None
    if schedule is not None:
        library = PhotoLibrary(paths.photos)
        tasks = Tasks()
        sync = SyncController(store, library, paths, tasks, schedule=schedule)
    window = MainWindow(
        store,
        PhotoLibrary(paths.photos),
        default_kato(),
        default_reference(),
        settings,
        lambda s: save_settings(s, paths.settings),
        translations,
        today=lambda: TODAY,
        tasks=tasks,
        sync=sync,
    )
    if sync is not None:
        assert tasks is not None
        tasks.setParent(window)
        sync.setParent(window)
        sync.start()
    window.prompts = answers or Answers()  # type: ignore[assignment]
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: not window.model.loading and not window.tasks.busy)
    return window


def close_window(window: MainWindow) -> None:
    window.close()
    window.store.close()


def day(y: int, m: int, d: int) -> date:
    return date(y, m, d)
