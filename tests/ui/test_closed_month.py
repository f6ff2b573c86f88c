"""The village window and a signed-off month, on a real store: a record the server held because
its month is closed says so in the list and the comment bar, in each language; a new record dated
in a month known to be closed is saved (kept here and in the outbox) after the form has said it
will wait until the month is reopened."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from fieldapp.outbox import HELD_MONTH_CLOSED, Answer
from fieldapp.store import Store
from tests.records import action
from tests.ui.helpers import close_window, open_window
from tests.ui.test_action_form import closed, fill
from ui.action_table import Column

SHOTS = Path("/work/notes/shots")
EXPECTED = {
    "en": ("Month closed", "March 2026 is closed by the district; ask the coordinator to reopen it."),
    "ru": ("Месяц закрыт", "Март 2026 закрыт районом; попросите координатора открыть его."),
    "kk": ("Ай жабылған", "«Наурыз 2026» айын аудан жапты; үйлестірушіден оны қайта ашуды сұраңыз."),
}
WAITS = {
    "en": "waits to be sent until the month is reopened",
    "ru": "когда месяц снова откроют",
    "kk": "жіберілмейді",
}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_a_record_of_a_closed_month_says_why_it_waits(tmp_path: Path, translations, qtbot, lang: str) -> None:  # type: ignore[no-untyped-def]
    late = action(action_date=date(2026, 3, 28))
    with Store.open(tmp_path / "taza-field.sqlite") as store:
        store.save_many([late, action(action_date=date(2026, 4, 2))])
        store.apply_answers(
            None,
            [
                Answer(
                    str(late.id), 1, "rejected", "month_closed", {"month": "2026-03", "closed_by": "district"}
                )
            ],
        )
    window = open_window(tmp_path, translations, qtbot)
    window.language_items[lang].trigger()
    qtbot.waitUntil(lambda: not window.model.loading and not window.tasks.busy)
    status, message = EXPECTED[lang]
    row = window.model.row_of(str(late.id))
    index = window.model.index(row, Column.STATUS)
    assert window.model.data(index) == status
    assert window.model.data(index, Qt.ItemDataRole.ToolTipRole).startswith(message)
    waits = {
        "en": "1 waits for its month to reopen",
        "ru": "1 ждёт открытия месяца",
        "kk": "1 жазба айдың ашылуын",
    }
    assert waits[lang] in window.status.waiting.text()
    window.table.setCurrentIndex(index)
    assert window.comment_bar.isVisible()
    assert window.comment_text.text().startswith(message)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / f"lock-list-{lang}.png"))

    # A new record dated in March: the form says it will wait, and saves it all the same.
    window.new_action_item.trigger()
    dialog = window.editor.dialog
    fill(dialog)
    assert not dialog.banner.isVisible()  # 19 September: open
    dialog.action_date.setDate(QDate(2026, 3, 30))
    assert dialog.banner.isVisible()
    assert WAITS[lang] in dialog.banner_text.text()
    dialog.grab().save(str(SHOTS / f"lock-editor-{lang}.png"))
    qtbot.mouseClick(dialog.ready_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=5000)
    qtbot.waitUntil(lambda: not window.model.loading and not window.tasks.busy)
    assert window.model.rowCount() == 3
    assert window.store.outbox_depth().closed == 2
    held = [h for h in window.store.held_records() if h.held == HELD_MONTH_CLOSED]
    assert len(held) == 2

    # Moving the held record out of March into April changes March too: the form says it waits.
    dialog = window._open_editor(window.store.get(late.id))
    assert WAITS[lang] in dialog.banner_text.text()
    dialog.action_date.setDate(QDate(2026, 4, 5))
    assert WAITS[lang] in dialog.banner_text.text()
    dialog.close_without_asking()
    close_window(window)
