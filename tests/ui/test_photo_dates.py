"""A photo taken far from the action's date is a plausibility warning, asked about on saving: the
wrong photo, or the wrong date. The form is opened from its menu action and saved by its button."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from fieldapp.models import Status
from tests.photo_factory import make_jpeg
from tests.records import SETTLEMENT
from tests.ui.helpers import Answers, close_window, open_window
from ui.action_dialog import ActionDialog
from ui.main_window import MainWindow


def open_form(window: MainWindow) -> ActionDialog:
    window.new_action_item.trigger()
    dialog = window.editor.dialog
    assert dialog.isVisible()
    return dialog


def fill(dialog: ActionDialog, qtbot, photo: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.settlement.set_code(SETTLEMENT)
    dialog.action_date.setDate(QDate(2026, 9, 19))
    dialog.campaign.setCurrentIndex(dialog.campaign.findData("world_cleanup_day"))
    dialog.participants.setText("40")
    dialog.waste["mixed"].setText("3,2")
    dialog.photos.add_files([photo])
    qtbot.waitUntil(lambda: not dialog.photos.is_busy(), timeout=10_000)


def photo(tmp_path: Path, name: str, taken: datetime) -> Path:
    path = tmp_path / name
    path.write_bytes(make_jpeg(800, 600, taken_at=taken))
    return path


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "A photo was taken on 01.05.2025, 506 days from the action's date (19.09.2026)."),
        ("ru", "Фотография снята 01.05.2025 — дней от даты акции (19.09.2026): 506."),
        ("kk", "Фотосурет 01.05.2025 күні түсірілген — акция күнінен (19.09.2026) 506 күн алшақ."),
    ],
)
def test_a_photo_from_another_day_is_asked_about(
    tmp_path: Path, translations, qtbot, lang: str, said: str
) -> None:
    translations.apply(lang)
    answers = Answers(warnings=False)
    window = open_window(tmp_path, translations, qtbot, answers)
    dialog = open_form(window)
    fill(dialog, qtbot, photo(tmp_path, "IMG_0001.jpg", datetime(2025, 5, 1, 11, 30)))
    qtbot.mouseClick(dialog.ready_button, Qt.MouseButton.LeftButton)
    [(kind, texts)] = answers.asked
    assert kind == "warnings"
    assert any(t.startswith(said) for t in texts), texts
    assert dialog.isVisible()
    assert window.store.count_actions() == 0  # not saved until confirmed
    dialog.close_without_asking()
    close_window(window)


def test_the_stored_photos_date_is_checked_when_the_record_is_edited(
    tmp_path: Path, translations, qtbot
) -> None:
    answers = Answers(warnings=True)
    window = open_window(tmp_path, translations, qtbot, answers)
    dialog = open_form(window)
    fill(dialog, qtbot, photo(tmp_path, "IMG_0002.jpg", datetime(2026, 8, 1, 9, 0)))
    qtbot.mouseClick(dialog.ready_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.store.count_actions() == 1, timeout=5000)
    assert [k for k, _ in answers.asked] == ["warnings"]
    qtbot.waitUntil(lambda: not window.model.loading and not window.tasks.busy)
    # opened again from the list: the photo is the stored one, its date read from the store
    window.table.selectRow(0)
    answers.asked.clear()
    answers.warnings = False
    window.edit_action_item.trigger()
    again = window.editor.dialog
    qtbot.mouseClick(again.ready_button, Qt.MouseButton.LeftButton)
    [(_, texts)] = answers.asked
    assert any("01.08.2026, 49 days from the action's date (19.09.2026)" in t for t in texts), texts
    again.close_without_asking()
    close_window(window)


def test_a_photo_of_the_day_or_days_near_it_is_not_asked_about(tmp_path: Path, translations, qtbot) -> None:
    answers = Answers()
    window = open_window(tmp_path, translations, qtbot, answers)
    dialog = open_form(window)
    fill(dialog, qtbot, photo(tmp_path, "IMG_0003.jpg", datetime(2026, 9, 26, 18, 0)))  # 7 days on
    qtbot.mouseClick(dialog.ready_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.store.count_actions() == 1, timeout=5000)
    assert answers.asked == []
    [row] = window.store.list_actions()
    assert row.status is Status.READY
    close_window(window)
