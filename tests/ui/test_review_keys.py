"""Review by keyboard, as a coordinator goes through the queue: Enter in the list accepts, Ctrl+R
returns (through the comment), and the next record is chosen, not the top row; Enter in the search
box or the comment keeps its meaning; a letter typed into the list searches it, deciding nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.models import Status
from tests.sync.laptop import Laptop
from tests.sync.test_district import Coordinator, seed
from tests.ui import test_coordinator_window as window_tests
from tests.ui.test_coordinator_window import open_window, refresh, settle
from ui.coordinator_window import CoordinatorWindow
from ui.i18n import Translations
from ui.review_view import ReturnDialog, ReviewView

# The coordinator window's fixtures: a real server, three village laptops, the coordinator's copy.
villages, coordinator = window_tests.villages, window_tests.coordinator


def current_id(review: ReviewView) -> str:
    chosen = review.selected()
    assert len(chosen) == 1
    return chosen[0].id


def ids(review: ReviewView) -> list[str]:
    return [review.model.summary(r).id for r in range(review.model.rowCount())]  # type: ignore[union-attr]


def queued(window: CoordinatorWindow) -> dict[str, tuple[Status, str]]:
    return {d.action_id: (d.decision, d.comment) for d in window.store.queued_decisions()}


def ready(
    villages: dict[str, Laptop], coordinator: Coordinator, translations: Translations, qtbot: QtBot
) -> CoordinatorWindow:
    seed(villages)
    window = open_window(coordinator, translations, qtbot)
    refresh(window, qtbot)
    assert window.review.model.total == 7
    window.review.table.setFocus()
    qtbot.waitUntil(window.review.table.hasFocus)
    return window


def test_enter_accepts_and_the_next_record_is_chosen(
    villages: dict[str, Laptop], coordinator: Coordinator, translations: Translations, qtbot: QtBot
) -> None:
    window = ready(villages, coordinator, translations, qtbot)
    review = window.review
    assert review.accept_button.text() == "Accept · Enter"
    assert review.return_button.text() == "Return… · Ctrl+R"
    assert "Enter" in review.accept_button.toolTip()
    assert "Ctrl+R" in review.return_button.toolTip()
    translations.apply("en")
    settle(window, qtbot)
    order = ids(review)
    review.table.selectRow(2)
    qtbot.keyClick(review.table, Qt.Key.Key_Return)
    settle(window, qtbot)
    assert queued(window) == {order[2]: (Status.ACCEPTED, "")}
    assert ids(review) == order[:2] + order[3:]  # it left the queue ...
    assert current_id(review) == order[3]  # ... and the one after it is chosen, not the top row
    assert review.table.hasFocus()

    qtbot.keyClick(review.table, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)  # the keypad's
    settle(window, qtbot)
    assert queued(window)[order[3]] == (Status.ACCEPTED, "")
    assert current_id(review) == order[4]

    # the last one decided: the one before it is chosen
    review.table.selectRow(review.model.rowCount() - 1)
    qtbot.keyClick(review.table, Qt.Key.Key_Return)
    settle(window, qtbot)
    assert queued(window)[order[-1]] == (Status.ACCEPTED, "")
    assert current_id(review) == order[-2]
    assert review.model.total == 4
    window.close()


def test_with_all_statuses_shown_the_decided_record_stays_and_the_next_is_chosen(
    villages: dict[str, Laptop], coordinator: Coordinator, translations: Translations, qtbot: QtBot
) -> None:
    window = ready(villages, coordinator, translations, qtbot)
    review = window.review
    review.status.setCurrentIndex(review.status.findData("all"))
    settle(window, qtbot)
    order = ids(review)
    review.table.setFocus()
    review.table.selectRow(1)
    qtbot.keyClick(review.table, Qt.Key.Key_Return)
    settle(window, qtbot)
    assert ids(review) == order
    assert queued(window) == {order[1]: (Status.ACCEPTED, "")}
    assert current_id(review) == order[2]
    window.close()


def test_ctrl_r_returns_through_the_comment_where_enter_is_a_new_line(
    villages: dict[str, Laptop], coordinator: Coordinator, translations: Translations, qtbot: QtBot
) -> None:
    window = ready(villages, coordinator, translations, qtbot)
    review = window.review
    order = ids(review)
    review.table.selectRow(0)
    asked: list[int] = []

    def ask(count: int) -> str | None:
        # The real dialog, shown (not exec'd, which would wait for a person here).
        asked.append(count)
        dialog = ReturnDialog(count, review)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.text.setFocus()
        qtbot.waitUntil(dialog.text.hasFocus)
        qtbot.keyClicks(dialog.text, "No photos")
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.text, "after")
        assert dialog.isVisible()
        assert not queued(window)
        dialog.accept()
        return dialog.comment()

    review.ask_comment = ask  # type: ignore[method-assign]
    qtbot.keyClick(review.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    settle(window, qtbot)
    assert asked == [1]
    assert queued(window) == {order[0]: (Status.RETURNED, "No photos\nafter")}
    assert current_id(review) == order[1]
    window.close()


def test_enter_in_the_search_box_and_letters_in_the_list_decide_nothing(
    villages: dict[str, Laptop], coordinator: Coordinator, translations: Translations, qtbot: QtBot
) -> None:
    window = ready(villages, coordinator, translations, qtbot)
    review = window.review
    order = ids(review)
    review.table.selectRow(1)
    # a letter typed into the list is its type-to-search, no shortcut
    for key in (Qt.Key.Key_A, Qt.Key.Key_R, Qt.Key.Key_K):
        qtbot.keyClick(review.table, key)
    settle(window, qtbot)
    assert not queued(window)
    review.search.setFocus()
    qtbot.waitUntil(review.search.hasFocus)
    qtbot.keyClicks(review.search, "Kainar")
    qtbot.keyClick(review.search, Qt.Key.Key_Return)
    qtbot.keyClick(review.search, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    settle(window, qtbot)
    assert not queued(window)
    assert review.search.hasFocus()
    assert review.search.text() == "Kainar"
    review.search.clear()
    settle(window, qtbot)
    assert ids(review) == order
    window.close()


def test_the_buttons_say_their_keys_in_kazakh(
    villages: dict[str, Laptop], coordinator: Coordinator, translations: Translations, qtbot: QtBot
) -> None:
    translations.apply("kk")
    window = ready(villages, coordinator, translations, qtbot)
    review = window.review
    assert review.accept_button.text() == "Қабылдау · Enter"
    assert review.return_button.text() == "Қайтару… · Ctrl+R"
    assert "Ctrl+R" in review.return_button.toolTip()
    window.close()
