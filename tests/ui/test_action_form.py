"""The action form, driven as a person would: create, edit, every error, warnings, duplicates,
drafts, keyboard, photos, languages — and everything still there after reopening."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QDate, QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from fieldapp.models import Status
from fieldapp.store import Store
from tests.photo_factory import make_jpeg
from tests.records import SETTLEMENT, action
from tests.ui.helpers import Answers, close_window, open_window
from ui.action_dialog import ActionDialog
from ui.action_editor import Prompts
from ui.main_window import MainWindow
from ui.record_view import DuplicateQuestion


def type_text(widget: QLineEdit, text: str) -> None:
    """Type like a person (keyClicks aborts on Cyrillic): one key event per character."""
    widget.setFocus()
    for ch in text:
        QApplication.sendEvent(
            widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
        )


def fill(dialog: ActionDialog, **values: str) -> None:
    defaults = {"participants": "40", "area": "5,2", "mixed": "3,2", "plastic": "0,45"}
    defaults.update(values)
    dialog.settlement.set_code(SETTLEMENT)
    dialog.action_date.setDate(QDate(2026, 9, 19))
    dialog.campaign.setCurrentIndex(dialog.campaign.findData("world_cleanup_day"))
    dialog.place.setText("Өзен жағасы")
    dialog.participants.setText(defaults["participants"])
    dialog.area.setText(defaults["area"])
    dialog.waste["mixed"].setText(defaults["mixed"])
    dialog.waste["plastic"].setText(defaults["plastic"])


def new_form(window: MainWindow) -> ActionDialog:
    return window._open_editor(None)


def closed(dialog: ActionDialog) -> bool:
    """Closed and perhaps already deleted (the window lets go of a closed form)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def save_and_wait(window: MainWindow, dialog: ActionDialog, qtbot, ready: bool = True) -> None:  # type: ignore[no-untyped-def]
    button = dialog.ready_button if ready else dialog.draft_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=5000)
    qtbot.waitUntil(lambda: not window.model.loading and not window.tasks.busy)


@pytest.fixture
def window(tmp_path: Path, translations, qtbot):  # type: ignore[no-untyped-def]
    win = open_window(tmp_path, translations, qtbot)
    yield win
    close_window(win)


def test_creating_a_record_in_russian(window: MainWindow, qtbot, translations) -> None:
    translations.apply("ru")
    dialog = new_form(window)
    assert dialog.windowTitle() == "Новая акция по уборке"
    assert dialog.reporter.text() == "Айгүл Сәрсенова"  # remembered from the settings
    fill(dialog)
    assert dialog.waste_total.text() == "Итого: 3,65 т"
    save_and_wait(window, dialog, qtbot)
    [row] = window.store.list_actions()
    record = window.store.get(row.id)
    assert (record.kg_of("mixed"), record.kg_of("plastic"), record.area_m2) == (3200, 450, 52_000)
    assert record.status is Status.READY
    assert record.participants == 40
    assert window.model.rowCount() == 1
    assert window.table.currentIndex().row() == 0  # the new record is selected


def test_picking_the_settlement_by_typing(window: MainWindow) -> None:
    dialog = new_form(window)
    box = dialog.settlement
    type_text(box.lineEdit(), "еркин")  # Russian spelling, no Kazakh letters
    matches = box.completer().model().stringList()
    assert matches
    assert matches[0].startswith("с.Еркин")
    box.completer().activated.emit(matches[0])
    assert box.code() == SETTLEMENT
    dialog.close_without_asking()


@pytest.mark.parametrize(
    ("change", "field", "fragment"),
    [
        ({"participants": ""}, "participants", "required"),
        ({"participants": "сорок"}, "participants", "not a number"),
        ({"participants": "-3"}, "participants", "cannot be negative"),
        ({"participants": "12,5"}, "participants", "a whole number"),
        ({"mixed": "1,2345"}, "waste.mixed", "at most 3 decimal places"),
        ({"plastic": "-1"}, "waste.plastic", "cannot be negative"),
        ({"area": "0,125"}, "area_m2", "at most 2 decimal places"),
        ({"area": "1,2.3"}, "area_m2", "unclear"),
    ],
)
def test_each_typing_error_is_shown_beside_its_field_and_nothing_is_saved(
    window: MainWindow, qtbot, change: dict[str, str], field: str, fragment: str
) -> None:
    dialog = new_form(window)
    fill(dialog, **change)
    qtbot.mouseClick(dialog.ready_button, Qt.MouseButton.LeftButton)
    target = dialog.waste_fields[field.split(".")[1]] if field.startswith("waste.") else dialog.fields[field]
    assert target.error.isVisible()
    assert fragment in target.error.text()
    assert target.inputs[0].property("invalid") is True
    assert dialog.error_box.isVisible()
    assert "1 field needs correcting" in dialog.error_text.text()
    assert dialog.isVisible()
    assert window.store.count_actions() == 0
    dialog.close_without_asking()


def test_missing_choices_and_unknown_settlement(window: MainWindow, qtbot) -> None:
    dialog = new_form(window)
    dialog.reporter.setText("")
    qtbot.mouseClick(dialog.ready_button, Qt.MouseButton.LeftButton)
    for name in ("settlement", "campaign", "participants", "reporter"):
        assert dialog.fields[name].error.isVisible(), name
    assert "4 fields need correcting" in dialog.error_text.text()
    dialog.settlement.setEditText("Алматы")
    qtbot.mouseClick(dialog.ready_button, Qt.MouseButton.LeftButton)
    assert dialog.fields["settlement"].error.text() == "Choose a settlement from the list."
    assert window.store.count_actions() == 0
    dialog.close_without_asking()


def test_half_a_gps_position_is_an_error(window: MainWindow, qtbot) -> None:
    dialog = new_form(window)
    fill(dialog)
    dialog.lat.setText("43,33")
    qtbot.mouseClick(dialog.ready_button, Qt.MouseButton.LeftButton)
    assert "required" in dialog.fields["gps"].error.text()
    dialog.lon.setText("200")
    qtbot.mouseClick(dialog.ready_button, Qt.MouseButton.LeftButton)
    assert "cannot exceed 180" in dialog.fields["gps"].error.text()
    dialog.close_without_asking()


def test_dates_outside_the_programme_cannot_be_picked(window: MainWindow) -> None:
    dialog = new_form(window)
    assert dialog.action_date.minimumDate() == QDate(2024, 1, 1)
    assert dialog.action_date.maximumDate() == QDate(2026, 11, 25)  # today in these tests
    assert dialog.action_date.calendar.maximumDate() == QDate(2026, 11, 25)
    dialog.action_date.setDate(QDate(2030, 1, 1))  # as the calendar picks: within the range
    assert dialog.action_date.date() == QDate(2026, 11, 25)
    dialog.close_without_asking()


def test_errors_follow_a_language_switch(window: MainWindow, qtbot, translations) -> None:
    dialog = new_form(window)
    fill(dialog, participants="-3")
    qtbot.mouseClick(dialog.ready_button, Qt.MouseButton.LeftButton)
    translations.apply("kk")
    assert dialog.fields["participants"].error.text() == "Қатысушылар: мән теріс бола алмайды."
    assert dialog.ready_button.text() == "Сақтау, жіберуге дайын"
    assert dialog.where_title.text() == "Қайда және қашан"
    assert "түзету керек" in dialog.error_text.text()
    translations.apply("en")
    dialog.close_without_asking()


def test_unusual_figures_must_be_confirmed(tmp_path: Path, translations, qtbot) -> None:
    answers = Answers(warnings=False)
    window = open_window(tmp_path, translations, qtbot, answers)
    dialog = new_form(window)
    fill(dialog, participants="1", area="0")
    qtbot.mouseClick(dialog.ready_button, Qt.MouseButton.LeftButton)
    [(kind, texts)] = answers.asked
    assert kind == "warnings"
    assert "3.65 t for 1 participant is" in texts[0]
    assert dialog.isVisible()
    assert window.store.count_actions() == 0
    answers.warnings = True
    save_and_wait(window, dialog, qtbot)
    assert window.store.count_actions() == 1
    close_window(window)


def test_a_likely_duplicate_must_be_confirmed(tmp_path: Path, translations, qtbot) -> None:
    with Store.open(tmp_path / "taza-field.sqlite") as store:
        store.save(action(action_date=date(2026, 9, 19)))
    answers = Answers(duplicate=False)
    window = open_window(tmp_path, translations, qtbot, answers)
    dialog = new_form(window)
    fill(dialog)
    qtbot.mouseClick(dialog.ready_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, _ in answers.asked] == ["duplicate"]
    assert "19.09.2026 · 40 participants · Ready to send" in answers.asked[0][1][0]
    assert window.store.count_actions() == 1
    answers.duplicate = True
    save_and_wait(window, dialog, qtbot)
    assert window.store.count_actions() == 2
    close_window(window)


def test_the_duplicate_warning_opens_the_other_record(tmp_path: Path, translations, qtbot) -> None:
    with Store.open(tmp_path / "taza-field.sqlite") as store:
        twin = store.save(action(action_date=date(2026, 9, 19), reporter="Бақыт Омарова", participants=38))
        store.save(action(action_date=date(2026, 9, 19), place="Мектеп ауласы"))  # another place
    window = open_window(tmp_path, translations, qtbot)
    window.prompts = Prompts(window)
    dialog = new_form(window)
    fill(dialog)
    seen: dict[str, object] = {}

    def later(step) -> None:  # type: ignore[no-untyped-def]
        QTimer.singleShot(20, step)

    def in_question() -> None:
        question = QApplication.activeModalWidget()
        if not isinstance(question, DuplicateQuestion):
            return later(in_question)
        seen["links"] = [link.text() for link in question.links]
        qtbot.mouseClick(question.links[0], Qt.MouseButton.LeftButton)
        later(in_record)

    def in_record() -> None:
        view = window.editor.other_view
        if view is None or not view.isVisible():
            return later(in_record)
        seen["title"], seen["body"] = view.title.text(), view.body.text()
        qtbot.keyClick(view, Qt.Key.Key_Escape)
        later(back_in_question)

    def back_in_question() -> None:
        question = QApplication.activeModalWidget()
        if not isinstance(question, DuplicateQuestion):
            return later(back_in_question)
        seen["still asked"] = True
        qtbot.mouseClick(question.no_button, Qt.MouseButton.LeftButton)

    later(in_question)
    qtbot.mouseClick(dialog.ready_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "still asked" in seen, timeout=10_000)
    [link] = seen["links"]  # type: ignore[misc]
    assert "19.09.2026 · 38 participants" in link
    assert twin.id.hex[-8:] in link
    assert twin.id.hex[-8:] in str(seen["title"])
    assert "Бақыт Омарова" in str(seen["body"])
    assert "Өзен жағасы" in str(seen["body"])
    assert dialog.isVisible()  # "Go back": the form is still open, as it was
    assert dialog.participants.text() == "40"
    assert window.store.count_actions() == 2
    close_window(window)


def test_a_draft_may_be_incomplete(window: MainWindow, qtbot) -> None:
    dialog = new_form(window)
    fill(dialog, participants="")
    save_and_wait(window, dialog, qtbot, ready=False)
    [row] = window.store.list_actions()
    assert row.status is Status.DRAFT
    assert row.participants == 0
    assert window.store.outbox_depth().records == 0


def test_editing_makes_a_new_revision(window: MainWindow, qtbot) -> None:
    record = window.store.save(action(action_date=date(2026, 9, 19)))
    window.store.mark_sent(record.id, 1)
    window.refresh()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1 and not window.tasks.busy)
    window.table.selectRow(0)
    window.edit_selected()
    dialog = window.editor.dialog
    assert dialog.windowTitle() == "Edit clean-up action"
    assert "has been sent" in dialog.banner_text.text()
    assert dialog.participants.text() == "40"
    assert dialog.waste["mixed"].text() == "3.2"
    dialog.participants.setText("45")
    save_and_wait(window, dialog, qtbot)
    edited = window.store.get(record.id)
    assert (edited.revision, edited.participants, edited.status) == (2, 45, Status.READY)
    assert [e.event for e in window.store.history(record.id)] == ["create", "sent", "edit"]
    assert window.store.outbox_depth().records == 1


def test_a_returned_record_shows_the_comment_while_editing(window: MainWindow, qtbot) -> None:
    record = window.store.save(action(action_date=date(2026, 9, 19)))
    window.store.mark_sent(record.id, 1)
    window.store.apply_review(record.id, 1, Status.RETURNED, "Суреттер жоқ")
    window.refresh()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1 and not window.tasks.busy)
    dialog = window._open_editor(window.store.get(record.id))
    assert dialog.banner.isVisible()
    assert "«Суреттер жоқ»" in dialog.banner_text.text()
    dialog.close_without_asking()


def test_changing_an_accepted_record_is_asked_about(tmp_path: Path, translations, qtbot) -> None:
    answers = Answers(resubmit=False)
    window = open_window(tmp_path, translations, qtbot, answers)
    record = window.store.save(action(action_date=date(2026, 9, 19)))
    window.store.mark_sent(record.id, 1)
    window.store.apply_review(record.id, 1, Status.ACCEPTED)
    dialog = window._open_editor(window.store.get(record.id))
    dialog.participants.setText("41")
    qtbot.mouseClick(dialog.ready_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, _ in answers.asked] == ["resubmit"]
    assert window.store.get(record.id).revision == 1
    dialog.close_without_asking()
    close_window(window)


def test_keyboard_only(tmp_path: Path, translations, qtbot) -> None:
    answers = Answers(discard=False)
    window = open_window(tmp_path, translations, qtbot, answers)
    dialog = new_form(window)
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    dialog.settlement.setFocus()
    qtbot.waitUntil(lambda: dialog.settlement.hasFocus() or dialog.settlement.lineEdit().hasFocus())
    order: list[QWidget] = []
    for _ in range(12):
        focused = QApplication.focusWidget()
        if focused is dialog.settlement.lineEdit():
            focused = dialog.settlement
        if focused is dialog.action_date.edit:
            focused = dialog.action_date
        if not order or order[-1] is not focused:
            order.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert order[:6] == [
        dialog.settlement,
        dialog.action_date,
        dialog.campaign,
        dialog.place,
        dialog.participants,
        dialog.area,
    ]
    fill(dialog)
    dialog.participants.setFocus()
    qtbot.keyClick(dialog.participants, Qt.Key.Key_Escape)  # typed something: asks first
    assert answers.asked == [("discard", [])]
    assert dialog.isVisible()
    qtbot.keyClick(dialog.participants, Qt.Key.Key_Return)  # Enter saves, ready to send
    qtbot.waitUntil(lambda: closed(dialog), timeout=5000)
    assert window.store.count_actions() == 1
    clean = new_form(window)
    qtbot.keyClick(clean.place, Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert closed(clean)
    close_window(window)


def test_photos_good_and_bad(window: MainWindow, qtbot, tmp_path: Path) -> None:
    good = tmp_path / "IMG_0001.jpg"
    good.write_bytes(make_jpeg(1200, 900, gps=(43.3312, 77.3051)))
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(make_jpeg(800, 600)[:600])
    dialog = new_form(window)
    fill(dialog)
    dialog.photos.add_files([good, bad])
    qtbot.waitUntil(lambda: not dialog.photos.is_busy(), timeout=10_000)
    assert [e.name for e in dialog.photos.errors()] == ["broken.jpg"]
    assert dialog.lat.text() == "43.331200"  # filled from the photo's GPS
    assert "IMG_0001.jpg" in dialog.gps_note.text()
    save_and_wait(window, dialog, qtbot)
    [row] = window.store.list_actions()
    record = window.store.get(row.id)
    assert len(record.photos) == 1
    assert row.photo_count == 1
    assert window.store.photo(record.photos[0].sha256)["original_name"] == "IMG_0001.jpg"
    assert window.library.has(record.photos[0].sha256)


def test_everything_is_there_after_reopening(tmp_path: Path, translations, qtbot) -> None:
    window = open_window(tmp_path, translations, qtbot)
    photo = tmp_path / "IMG_0002.jpg"
    photo.write_bytes(make_jpeg(800, 600))
    translations.apply("kk")
    dialog = new_form(window)
    fill(dialog, participants="25")
    dialog.notes.setPlainText("Ауыл тұрғындары белсенді қатысты")
    dialog.photos.add_files([photo])
    qtbot.waitUntil(lambda: not dialog.photos.is_busy(), timeout=10_000)
    save_and_wait(window, dialog, qtbot)
    close_window(window)

    again = open_window(tmp_path, translations, qtbot)
    assert again.model.rowCount() == 1
    record = again.store.get(again.model.summary(0).id)
    assert record.participants == 25
    assert record.notes == "Ауыл тұрғындары белсенді қатысты"
    assert len(record.photos) == 1
    assert again.library.has(record.photos[0].sha256)
    assert again.settings.language == "kk"
    translations.apply("en")
    close_window(again)


def test_a_new_form_is_ready_to_type(window: MainWindow, qtbot) -> None:
    dialog = new_form(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() in (dialog.settlement, dialog.settlement.lineEdit()))
    dialog.close_without_asking()
