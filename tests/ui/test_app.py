"""Starting the app: the first-start question, the data folder, and files it cannot use."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldapp.paths import data_dir
from fieldapp.settings import Settings, load_settings, save_settings
from fieldapp.store import Store
from tests.records import OKRUG
from tests.ui.helpers import close_window, open_window
from ui import app as app_module
from ui.i18n import Translations
from ui.main_window import MainWindow
from ui.okrug_dialog import OkrugDialog


@pytest.fixture(autouse=True)
def _english_afterwards(ui_app: QApplication) -> Iterator[None]:
    """``run`` installs its own translators: take them off again, back to English."""
    yield
    for translations in ui_app.findChildren(Translations):
        translations.uninstall()
        translations.deleteLater()
    Translations(ui_app).apply("en")


@pytest.fixture
def no_event_loop(monkeypatch: pytest.MonkeyPatch) -> list[MainWindow]:
    """``run`` returns at once instead of waiting for the user; the windows it opened are kept."""
    opened: list[MainWindow] = []

    def exec_now(self: QApplication) -> int:
        opened.extend(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_now)
    yield opened
    for window in opened:
        window.close()


@pytest.fixture
def alerts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    return shown


def test_the_data_folder_is_the_one_the_command_line_uses(
    ui_app: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TAZA_FIELD_DATA_DIR")
    app_module.make_app()
    assert app_module.qt_data_dir() == data_dir()
    assert "taza-field-tests-" in str(data_dir())  # the sandbox's home, never the real one


def test_first_start_asks_for_the_okrug_then_opens_the_window(
    tmp_path: Path, ui_app, no_event_loop: list[MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(OkrugDialog, "exec", lambda dialog: 1)
    monkeypatch.setattr(OkrugDialog, "okrug", lambda dialog: OKRUG)
    assert app_module.run(tmp_path, "ru") == 0
    assert load_settings(tmp_path / "settings.json").okrug == OKRUG
    assert load_settings(tmp_path / "settings.json").language == "ru"
    [window] = no_event_loop
    assert window.heading.text() == "Акции по уборке"
    assert (tmp_path / "taza-field.sqlite").exists()


def test_closing_the_first_start_question_opens_nothing(
    tmp_path: Path, ui_app, no_event_loop: list[MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(OkrugDialog, "exec", lambda dialog: 0)
    assert app_module.run(tmp_path, "en") == 0
    assert no_event_loop == []
    assert not (tmp_path / "settings.json").exists()


def test_a_damaged_settings_file_is_reported(tmp_path: Path, ui_app, alerts: list[str]) -> None:
    (tmp_path / "settings.json").write_text("{oops", encoding="utf-8")
    assert app_module.run(tmp_path, "kk") == 2
    assert "бүлінген" in alerts[0]
    assert (tmp_path / "settings.json").read_text(encoding="utf-8") == "{oops"


def test_a_data_file_from_a_newer_app_is_reported_and_kept(tmp_path: Path, ui_app, alerts: list[str]) -> None:
    (tmp_path / "settings.json").write_text(f'{{"okrug": "{OKRUG}"}}', encoding="utf-8")
    Store.open(tmp_path / "taza-field.sqlite").close()
    conn = sqlite3.connect(tmp_path / "taza-field.sqlite")
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('taza_field', '0099_x', '')"
    )
    conn.commit()
    conn.close()
    assert app_module.run(tmp_path, "ru") == 2
    assert "более новой версией" in alerts[0]


def _provisioning_beside_the_app(server, folder: Path) -> Path:  # type: ignore[no-untyped-def]
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"taza-field-{OKRUG}.provision.json"
    server.cli("device", "enrol", "--okrug", OKRUG, "--out", str(out))
    return out


def test_first_start_enrols_with_the_file_beside_the_app_and_removes_it(
    tmp_path: Path, ui_app, sqlite_server, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    program = tmp_path / "TazaField"
    monkeypatch.setenv("TAZA_FIELD_INSTALL_DIR", str(program))
    file = _provisioning_beside_the_app(sqlite_server, program)
    data = tmp_path / "data"
    monkeypatch.setattr(OkrugDialog, "exec", lambda dialog: pytest.fail("the okrug comes from the file"))
    opened: list[MainWindow] = []

    def exec_until_enrolled(self: QApplication) -> int:  # the user waits, then closes the window
        opened.extend(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        qtbot.waitUntil(lambda: (data / "device.json").exists() and not file.exists(), timeout=20_000)
        for window in opened:
            window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_until_enrolled)
    assert app_module.run(data, "en") == 0
    assert load_settings(data / "settings.json").okrug == OKRUG
    assert not file.exists()  # its one-time code is gone from the disk
    assert [w.settings.okrug for w in opened] == [OKRUG]


def test_an_expired_file_beside_the_app_is_explained_and_kept(
    tmp_path: Path, ui_app, sqlite_server, no_event_loop: list[MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import json

    program = tmp_path / "TazaField"
    monkeypatch.setenv("TAZA_FIELD_INSTALL_DIR", str(program))
    file = _provisioning_beside_the_app(sqlite_server, program)
    changed = json.loads(file.read_text(encoding="utf-8"))
    changed["okrug"] = "196233000"  # edited by hand after the server wrote it
    file.write_text(json.dumps(changed), encoding="utf-8")
    monkeypatch.setattr(OkrugDialog, "exec", lambda dialog: 1)  # so the first-start question is asked
    monkeypatch.setattr(OkrugDialog, "okrug", lambda dialog: OKRUG)
    assert app_module.run(tmp_path / "data", "en") == 0
    [window] = no_event_loop
    from ui.enrol_dialog import EnrolDialog

    dialog = window.findChild(EnrolDialog)
    assert dialog is not None
    assert dialog.error_box.isVisibleTo(dialog)
    assert "changed or damaged" in dialog.error.text()
    assert file.exists()
    assert not (tmp_path / "data" / "device.json").exists()


def test_the_demos_two_windows_open_side_by_side(
    tmp_path: Path, ui_app, no_event_loop: list[MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The demo starts the village window and the coordinator's as two programs; both used to be
    # maximised on a laptop's screen, exactly on top of each other.
    from server import demo

    fake = demo.Demo(tmp_path, None, "")  # type: ignore[arg-type]
    sides = [env[app_module.WINDOW_SIDE] for _, env in demo.window_commands(fake, "kk")]
    assert demo.WINDOW_SIDE == app_module.WINDOW_SIDE
    assert sides == ["left", "right"]
    frames, seen = {}, []
    for side in sides:
        folder = tmp_path / side
        save_settings(Settings(okrug=OKRUG), folder / "settings.json")
        monkeypatch.setenv(app_module.WINDOW_SIDE, side)
        assert app_module.run(folder, "en") == 0
        [window] = [w for w in no_event_loop if not any(w is s for s in seen)]
        seen.append(window)
        frames[side] = window.frameGeometry()
        assert not window.isMaximized()
    screen = window.screen().availableGeometry()
    left, right = frames["left"], frames["right"]
    assert left.left() == screen.left()
    assert left.top() == screen.top()
    assert right.right() == screen.right()
    assert right.top() == screen.top()
    assert screen.contains(left)
    assert screen.contains(right)
    assert left.left() < right.left()
    assert left.right() < right.right()
    assert left.width() >= screen.width() // 2 - 1
    assert right.width() >= screen.width() // 2 - 1


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_village_window_takes_half_a_laptops_screen(
    tmp_path: Path, translations, qtbot, lang: str
) -> None:  # type: ignore[no-untyped-def]
    """Shown wide (its totals panel beside the list), the village window is wider than half of a
    1366-pixel screen; made narrow it folds the panel into a line, and then it fits the half: the
    demo's two windows meet in the middle instead of overlapping."""
    translations.apply(lang)
    window = open_window(tmp_path, translations, qtbot)
    try:
        window.resize(1280, 700)
        screen = QRect(0, 0, 1366, 728)
        app_module.place_on_side(window, screen, "left")
        qtbot.waitUntil(lambda: window.frameGeometry().width() <= 683, timeout=5_000)
        assert window.frameGeometry().left() == 0
        assert not window.side.isVisible()  # the totals: a line above the list
        assert window.summary.isVisible()
    finally:
        close_window(window)
