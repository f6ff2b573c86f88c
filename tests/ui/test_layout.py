"""No clipped text: every visible label, button and combo of the main screens is as wide as its
text needs, in Kazakh, Russian and English, on a 1366×768 screen at 100 % and at 150 %
(910×512 logical pixels). Word-wrapped labels may take more lines instead, so they are exempt."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from fieldapp.models import Status
from fieldapp.store import Store
from tests.records import action
from tests.ui import test_coordinator_window as window_tests
from tests.ui.helpers import close_window, open_window

SIZES = {"100%": (1366, 768), "150%": (910, 512)}


def clipped(root: QWidget) -> list[str]:
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if (
            isinstance(widget, QLabel)
            and widget.text()
            and not widget.wordWrap()
            and widget.pixmap().isNull()
        ):
            need = (
                widget.fontMetrics().horizontalAdvance(widget.text().replace("&", "")) + widget.margin() * 2
            )
            if widget.width() + 1 < need:
                found.append(f"label {widget.text()!r}: {widget.width()} < {need}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            if widget.width() + 1 < widget.minimumSizeHint().width():
                found.append(
                    f"button {widget.text()!r}: {widget.width()} < {widget.minimumSizeHint().width()}"
                )
        elif isinstance(widget, QComboBox) and not widget.isEditable() and widget.currentText():
            option = QStyleOptionComboBox()
            widget.initStyleOption(option)
            field = widget.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, widget
            )
            need = widget.fontMetrics().horizontalAdvance(widget.currentText())
            if field.width() + 1 < need:
                found.append(f"combo {widget.currentText()!r}: {field.width()} < {need}")
    return found


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    records = [
        action(action_date=date(2026, 9, 19), campaign="world_cleanup_day"),
        action(action_date=date(2026, 5, 2), campaign="march_of_parks", participants=1200),
    ]
    with Store.open(tmp_path / "taza-field.sqlite") as store:
        store.save_many(records)
        store.mark_sent(records[0].id, 1)
        store.apply_review(records[0].id, 1, Status.RETURNED, "Суреттер жоқ")
    return tmp_path


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_nothing_is_clipped(seeded: Path, translations, qtbot, lang: str, size: str) -> None:
    translations.apply(lang)
    window = open_window(seeded, translations, qtbot)
    window.resize(*SIZES[size])
    qtbot.waitUntil(lambda: not window.tasks.busy)
    QApplication.processEvents()
    assert clipped(window) == []

    dialog = window._open_editor(None)
    dialog.resize(SIZES[size][0] - 40, SIZES[size][1] - 40)
    dialog.action_date.setDate(QDate(2026, 9, 19))
    dialog.participants.setText("-1")
    dialog.ready_button.click()  # errors shown beside the fields
    QApplication.processEvents()
    assert clipped(dialog) == []
    dialog.close_without_asking()
    translations.apply("en")
    close_window(window)


# The coordinator's window, on a district copy pulled from a real server.
villages, coordinator = window_tests.villages, window_tests.coordinator


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_coordinators_tabs_are_not_clipped_after_a_language_change(
    villages, coordinator, translations, qtbot, lang: str
) -> None:  # type: ignore[no-untyped-def]
    """Chosen from View → Language after the window opened in another one: the filters and combo
    boxes take the width of the new words ("Whole year" was cut to "Whole yea")."""
    translations.apply({"en": "ru", "kk": "en", "ru": "kk"}[lang])
    window = window_tests.open_window(coordinator, translations, qtbot)
    try:
        window.resize(1366, 768)
        window_tests.refresh(window, qtbot)
        window.language_items[lang].trigger()
        found = []
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            window_tests.settle(window, qtbot)
            QApplication.processEvents()
            found += [f"{window.tabs.tabText(index)}: {problem}" for problem in clipped(window)]
        assert not found, "\n".join(found)
    finally:
        window.close()


def _names_shown(table, columns, readable: int) -> list[str]:  # type: ignore[no-untyped-def]
    header = table.horizontalHeader()
    return [
        f"{header.model().headerData(c, Qt.Orientation.Horizontal)}: {header.sectionSize(c)} < {readable}"
        for c in columns
        if header.sectionSize(c) + 1 < readable
    ]


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_names_in_a_half_screen_window_stay_readable(
    seeded: Path, villages, coordinator, translations, qtbot, lang: str
) -> None:  # type: ignore[no-untyped-def]
    """The demo puts both windows side by side (683 px each): the lists then scroll sideways
    rather than cut the settlement, okrug and campaign names to three letters; on the whole
    screen the names share the width again and nothing scrolls."""
    from ui.action_table import Column as VillageColumn
    from ui.review_table import Column as ReviewColumn

    translations.apply(lang)
    village = open_window(seeded, translations, qtbot)
    coordinating = window_tests.open_window(coordinator, translations, qtbot)
    try:
        window_tests.refresh(coordinating, qtbot)
        lists = (
            (village, village.table, (VillageColumn.SETTLEMENT, VillageColumn.CAMPAIGN)),
            (
                coordinating,
                coordinating.review.table,
                (ReviewColumn.OKRUG, ReviewColumn.SETTLEMENT, ReviewColumn.CAMPAIGN),
            ),
        )
        for window, table, columns in lists:
            readable = table.fontMetrics().averageCharWidth() * 12
            window.resize(683, 740)
            qtbot.waitUntil(lambda w=window: not w.tasks.busy)
            QApplication.processEvents()
            assert _names_shown(table, columns, readable) == []
            header = table.horizontalHeader()
            # what does not fit is a scroll away
            assert header.length() <= table.viewport().width() or table.horizontalScrollBar().maximum() > 0
            window.resize(1366, 740)
            QApplication.processEvents()
            assert _names_shown(table, columns, readable) == []
            assert table.horizontalScrollBar().maximum() == 0
    finally:
        coordinating.close()
        close_window(village)
