"""The coordinator's list as read at any width: the search box's hint whole, the Status column as
wide as its widest word (whichever rows are in view), in kk, ru and en."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.records import OKRUG, OTHER_OKRUG, OTHER_SETTLEMENT
from tests.server.live import LiveServer
from tests.sync.laptop import Laptop
from tests.sync.test_district import Coordinator
from tests.ui.test_coordinator_window import TODAY, open_window, settle
from ui.i18n import Translations
from ui.review_table import Column


def test_the_search_hint_and_the_status_column_are_never_cut(
    sqlite_server: LiveServer, translations: Translations, qtbot: QtBot, tmp_path: Path
) -> None:
    kainar = Laptop(tmp_path / "kainar", sqlite_server, OKRUG, "kainar")
    alatau = Laptop(tmp_path / "alatau", sqlite_server, OTHER_OKRUG, "alatau")
    kainar.add(3, action_date=date(TODAY.year, 5, 9))
    alatau.add(2, settlement=OTHER_SETTLEMENT, okrug=OTHER_OKRUG, action_date=date(TODAY.year, 6, 14))
    for laptop in (kainar, alatau):
        laptop.sync()
        laptop.close()
    coordinator = Coordinator(tmp_path / "coordinator", sqlite_server)
    try:
        coordinator.sync()
        window = open_window(coordinator, translations, qtbot)
        review = window.review
        review.table.selectRow(0)  # the record beside the list, as a coordinator works
        window.resize(1920, 1040)
        qtbot.wait(50)
        cut = []
        for lang, choice in (("kk", "pending"), ("ru", "pending"), ("en", "pending"), ("ru", "all")):
            review.status.setCurrentIndex(review.status.findData(choice))
            translations.apply(lang)
            settle(window, qtbot)
            # the list made narrower and wider by the splitter's handle, as a person drags it
            for width in range(640, 1500, 40):
                review.splitter.setSizes([width, review.splitter.width() - width])
                qtbot.wait(10)
                search = review.search
                hint = search.fontMetrics().horizontalAdvance(search.placeholderText())
                # the text, the frame and the clear button (as wide as the box is tall)
                if search.width() < hint + search.height() + 8:
                    cut.append(f"{lang}: the search box {search.width()} px for a hint of {hint} px")
            header = review.table.horizontalHeader()
            status_width = header.sectionSize(Column.STATUS)
            words = review.model.status_texts()
            assert len(set(words)) == 3
            widest = max(review.table.fontMetrics().horizontalAdvance(w) for w in words)
            assert status_width > widest, (lang, words)
            assert status_width >= header.sectionSizeHint(Column.STATUS)  # the heading too
        assert not cut, "\n".join(cut)
        window.close()
    finally:
        coordinator.close()
