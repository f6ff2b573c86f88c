"""The form's date and its messages, as a person meets them: a date typed whole (28112026) is read
whole when the field is left, a date out of range is said beside it, the weekday and how long ago
show next to it; a message beside a field goes once the field is corrected, without Save."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView, QWidget

from tests.ui.helpers import Answers, close_window, open_window
from tests.ui.test_action_form import closed, fill, new_form, save_and_wait
from ui.action_dialog import ActionDialog
from ui.main_window import MainWindow


@pytest.fixture
def window(tmp_path: Path, translations, qtbot):  # type: ignore[no-untyped-def]
    win = open_window(tmp_path, translations, qtbot, Answers(warnings=False))
    yield win
    close_window(win)


def focus(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(widget.window().isVisible)
    widget.window().activateWindow()
    qtbot.waitUntil(widget.window().isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def retype(qtbot, edit: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select what is there and type over it, key by key (Cyrillic as key events with text)."""
    focus(qtbot, edit)
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    for ch in text:
        QApplication.sendEvent(
            edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
        )


def leave(qtbot, edit: QLineEdit) -> None:  # type: ignore[no-untyped-def]
    """Tab away, as a person moves on."""
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not edit.hasFocus())


def date_error(dialog: ActionDialog) -> str:
    field = dialog.fields["action_date"]
    return field.error.text() if field.error.isVisible() else ""


def test_a_date_typed_whole_is_read_whole_when_the_field_is_left(window: MainWindow, qtbot) -> None:
    dialog = new_form(window)
    qtbot.waitUntil(dialog.isVisible)
    edit = dialog.action_date.edit
    assert edit.text() == "25.11.2026"  # today in these tests
    assert dialog.action_date.hint.text() == "Wednesday · today"
    fill(dialog)

    retype(qtbot, edit, "20112026")  # no dots, as typed on a number pad
    assert date_error(dialog) == ""  # nothing is said while typing
    leave(qtbot, edit)
    assert edit.text() == "20.11.2026"  # read whole: not 02.08.2026 as a QDateEdit made of it
    assert dialog.action_date.date() == QDate(2026, 11, 20)
    assert dialog.action_date.hint.text() == "Friday · 5 days ago"
    assert dialog.action_date.hint.isVisible()

    retype(qtbot, edit, "28112026")  # three days after today
    leave(qtbot, edit)
    assert edit.text() == "28.11.2026"  # kept as typed, and said to be wrong, beside the field
    assert "cannot be in the future (today is 25.11.2026)" in date_error(dialog)
    assert edit.property("invalid") is True
    assert dialog.action_date.hint.text() == "Saturday · in 3 days"

    retype(qtbot, edit, "01.12.2023")
    leave(qtbot, edit)
    assert "cannot be before 01.01.2024" in date_error(dialog)

    retype(qtbot, edit, "31.02.2026")
    leave(qtbot, edit)
    assert "«31.02.2026» is not a date" in date_error(dialog)
    assert dialog.action_date.hint.text() == ""

    retype(qtbot, edit, "190926")  # day, month, two-digit year
    assert edit.text() == "190926"  # as typed until the field is left
    leave(qtbot, edit)
    assert edit.text() == "19.09.2026"
    assert date_error(dialog) == ""  # corrected: the message went
    assert edit.property("invalid") is False

    focus(qtbot, edit)
    qtbot.keyClick(edit, Qt.Key.Key_Up)  # a day later, from the keyboard
    assert edit.text() == "20.09.2026"
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert edit.text() == "18.09.2026"
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    save_and_wait(window, dialog, qtbot)
    [row] = window.store.list_actions()
    assert row.action_date == date(2026, 9, 19)


def test_a_wrong_date_is_not_saved_and_says_so(window: MainWindow, qtbot) -> None:
    dialog = new_form(window)
    fill(dialog)
    retype(qtbot, dialog.action_date.edit, "28112026")
    qtbot.mouseClick(dialog.ready_button, Qt.MouseButton.LeftButton)  # Save, without leaving first
    assert "cannot be in the future" in date_error(dialog)
    assert "1 field needs correcting" in dialog.error_text.text()
    assert dialog.isVisible()
    assert window.store.count_actions() == 0
    retype(qtbot, dialog.action_date.edit, "24112026")
    leave(qtbot, dialog.action_date.edit)
    assert date_error(dialog) == ""
    assert not dialog.error_box.isVisible()  # the count at the bottom went too
    save_and_wait(window, dialog, qtbot)
    [row] = window.store.list_actions()
    assert row.action_date == date(2026, 11, 24)


def test_the_date_hint_in_kazakh_and_russian(window: MainWindow, qtbot, translations) -> None:
    translations.apply("kk")
    dialog = new_form(window)
    retype(qtbot, dialog.action_date.edit, "20112026")
    leave(qtbot, dialog.action_date.edit)
    assert dialog.action_date.hint.text() == "Жұма · 5 күн бұрын"
    translations.apply("ru")
    assert dialog.action_date.hint.text() == "Пятница · 5 дней назад"
    retype(qtbot, dialog.action_date.edit, "24112026")
    leave(qtbot, dialog.action_date.edit)
    assert dialog.action_date.hint.text() == "Вторник · вчера"
    retype(qtbot, dialog.action_date.edit, "23112026")
    leave(qtbot, dialog.action_date.edit)
    assert dialog.action_date.hint.text() == "Понедельник · 2 дня назад"
    dialog.close_without_asking()


def test_the_calendar_picks_a_date(window: MainWindow, qtbot) -> None:
    dialog = new_form(window)
    focus(qtbot, dialog.action_date.edit)
    qtbot.keyClick(dialog.action_date.edit, Qt.Key.Key_F4)
    qtbot.waitUntil(dialog.action_date.menu.isVisible)
    calendar = dialog.action_date.calendar
    calendar.setSelectedDate(QDate(2026, 11, 3))
    qtbot.keyClick(calendar.findChild(QTableView), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.action_date.menu.isVisible())
    assert dialog.action_date.edit.text() == "03.11.2026"
    assert dialog.action_date.hint.text() == "Tuesday · 22 days ago"
    dialog.close_without_asking()


def test_a_message_goes_as_its_field_is_corrected(window: MainWindow, qtbot) -> None:
    dialog = new_form(window)
    fill(dialog, participants="-3")
    qtbot.mouseClick(dialog.ready_button, Qt.MouseButton.LeftButton)
    field = dialog.fields["participants"]
    assert "cannot be negative" in field.error.text()
    assert "1 field needs correcting" in dialog.error_text.text()

    retype(qtbot, dialog.participants, "сорок")  # still wrong: the message says the new problem
    assert field.error.isVisible()
    assert "not a number" in field.error.text()
    retype(qtbot, dialog.participants, "40")  # right: it goes at once, before the field is left
    assert not field.error.isVisible()
    assert dialog.participants.property("invalid") is False
    assert not dialog.error_box.isVisible()
    save_and_wait(window, dialog, qtbot)
    assert window.store.count_actions() == 1


def test_a_field_left_with_something_wrong_says_so_at_once(window: MainWindow, qtbot) -> None:
    dialog = new_form(window)
    field = dialog.waste_fields["plastic"]
    retype(qtbot, dialog.waste["plastic"], "1,2345")
    assert not field.error.isVisible()  # not while typing
    leave(qtbot, dialog.waste["plastic"])
    assert "at most 3 decimal places" in field.error.text()
    assert field.error.isVisible()
    retype(qtbot, dialog.waste["plastic"], "1,234")
    assert not field.error.isVisible()
    # an empty field left is not yet an error: that is said on Save
    retype(qtbot, dialog.participants, "")
    leave(qtbot, dialog.participants)
    assert not dialog.fields["participants"].error.isVisible()
    dialog.close_without_asking()


def test_a_warning_goes_when_the_figures_become_plausible(window: MainWindow, qtbot) -> None:
    dialog = new_form(window)
    fill(dialog, participants="1", area="0")  # 3.65 t for one person
    qtbot.mouseClick(dialog.ready_button, Qt.MouseButton.LeftButton)  # the warning is not confirmed
    assert dialog.waste_error.isVisible()
    assert "3.65 t for 1 participants" in dialog.waste_error.text()
    retype(qtbot, dialog.participants, "40")  # another field: the warning about both goes
    assert not dialog.waste_error.isVisible()
    dialog.close_without_asking()
    assert closed(dialog)
