"""The main window on a real store: the list, filters, returned records, totals, languages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldapp.models import Status
from fieldapp.settings import load_settings
from fieldapp.store import Store
from tests.records import action
from tests.ui.helpers import close_window, open_window
from ui.action_table import Column
from ui.main_window import MainWindow


def seed(root: Path, records: list) -> None:  # type: ignore[type-arg]
    with Store.open(root / "taza-field.sqlite") as store:
        store.save_many(records)


def texts(window: MainWindow, column: Column) -> list[str]:
    model = window.model
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def wait_loaded(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.model.loading and not window.tasks.busy)


def test_an_empty_laptop_says_what_to_do(tmp_path: Path, translations, qtbot) -> None:
    window = open_window(tmp_path, translations, qtbot)
    assert window.list_pages.currentWidget() is window.empty
    assert "New action" in window.empty.text()
    assert window.count.text() == "0 records"
    assert "Nothing waits to be sent" in window.status.waiting.text()
    close_window(window)


def test_the_list_totals_and_status(tmp_path: Path, translations, qtbot) -> None:
    seed(
        tmp_path,
        [
            action(action_date=date(2026, 11, 3), participants=30, waste=[{"fraction": "mixed", "kg": 2500}]),
            action(action_date=date(2026, 9, 19), campaign="world_cleanup_day"),
            action(action_date=date(2025, 4, 12), campaign="subbotnik", status=Status.DRAFT),
        ],
    )
    window = open_window(tmp_path, translations, qtbot)
    assert window.model.rowCount() == 3
    assert texts(window, Column.DATE) == ["03.11.2026", "19.09.2026", "12.04.2025"]
    assert texts(window, Column.SETTLEMENT)[0] == "с.Еркин"
    assert texts(window, Column.TONNES)[0] == "2.500"
    assert texts(window, Column.STATUS) == ["Ready to send", "Ready to send", "Draft"]
    assert window.count.text() == "3 records"
    month = window.totals.month_card
    assert month._values["actions"].text() == "1"
    assert month._values["participants"].text() == "30"
    assert window.totals.year_card._values["actions"].text() == "2"
    assert "2 records" in window.status.waiting.text()
    close_window(window)


def test_filters_narrow_the_list(tmp_path: Path, translations, qtbot) -> None:
    seed(
        tmp_path,
        [
            action(action_date=date(2026, 5, 3), campaign="subbotnik", place="Мектеп маңы"),
            action(action_date=date(2026, 5, 20), campaign="march_of_parks", status=Status.DRAFT),
            action(action_date=date(2026, 6, 7), campaign="subbotnik", notes="Саябақ"),
        ],
    )
    window = open_window(tmp_path, translations, qtbot)
    bar = window.filters
    bar.month.setCurrentIndex(bar.month.findData("2026-05"))
    wait_loaded(window, qtbot)
    assert window.model.rowCount() == 2
    bar.campaign.setCurrentIndex(bar.campaign.findData("subbotnik"))
    wait_loaded(window, qtbot)
    assert window.model.rowCount() == 1
    bar.clear()
    wait_loaded(window, qtbot)
    bar.status.setCurrentIndex(bar.status.findData(Status.DRAFT))
    wait_loaded(window, qtbot)
    assert texts(window, Column.CAMPAIGN) == ["March of Parks"]
    bar.clear()
    wait_loaded(window, qtbot)
    with qtbot.waitSignal(window.model.reloaded, timeout=3000):
        bar.search.setText("МЕКТЕП")  # typed Cyrillic, any case; debounced
    assert window.model.rowCount() == 1
    bar.search.setText("нет такого")
    wait_loaded(window, qtbot)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    assert window.list_pages.currentWidget() is window.empty
    assert "Nothing matches" in window.empty.text()
    close_window(window)


def test_returned_records_stand_out_with_the_comment(tmp_path: Path, translations, qtbot) -> None:
    records = [action(action_date=date(2026, 10, d)) for d in (1, 2, 3)]
    with Store.open(tmp_path / "taza-field.sqlite") as store:
        store.save_many(records)
        for r in records:
            store.mark_sent(r.id, 1)
        store.apply_review(records[1].id, 1, Status.RETURNED, "Фотосуреттер жоқ")
    window = open_window(tmp_path, translations, qtbot)
    assert window.returned_banner.isVisible()
    assert "1 record returned" in window.returned_text.text()
    row = window.model.row_of(str(records[1].id))
    index = window.model.index(row, Column.STATUS)
    assert window.model.data(index) == "Returned"
    assert window.model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    assert "Фотосуреттер жоқ" in window.model.data(index, Qt.ItemDataRole.ToolTipRole)
    window.table.setCurrentIndex(index)
    assert window.comment_bar.isVisible()
    assert "Фотосуреттер жоқ" in window.comment_text.text()
    qtbot.mouseClick(window.returned_button, Qt.MouseButton.LeftButton)
    wait_loaded(window, qtbot)
    assert window.model.rowCount() == 1
    assert not window.returned_banner.isVisible()
    close_window(window)


def test_many_rows_are_fetched_as_the_list_scrolls(tmp_path: Path, translations, qtbot) -> None:
    seed(tmp_path, [action(action_date=date(2025, 1 + i % 12, 1 + i % 28)) for i in range(1000)])
    window = open_window(tmp_path, translations, qtbot)
    assert window.model.total == 1000
    assert window.model.rowCount() == 200
    assert window.count.text() == "1,000 records"
    while window.model.canFetchMore():
        window.table.scrollToBottom()
        qtbot.wait(1)  # let the view ask for more
    assert window.model.rowCount() == 1000
    dates = [window.model.summary(r).key for r in range(1000)]
    assert dates == sorted(dates, reverse=True)
    close_window(window)


def test_switching_language_live_and_remembering_it(tmp_path: Path, translations, qtbot) -> None:
    seed(tmp_path, [action(action_date=date(2026, 9, 19), campaign="world_cleanup_day")])
    window = open_window(tmp_path, translations, qtbot)
    window.language_items["kk"].trigger()
    assert window.heading.text() == "Тазалық акциялары"
    assert window.file_menu.title() == "&Акциялар"
    assert window.model.headerData(Column.SETTLEMENT, Qt.Orientation.Horizontal) == "Елді мекен"
    assert texts(window, Column.SETTLEMENT) == ["Еркін а."]
    assert texts(window, Column.CAMPAIGN) == ["Дүниежүзілік тазалық күні"]
    assert texts(window, Column.STATUS) == ["Жіберуге дайын"]
    assert window.filters.status.itemText(0) == "Барлық мәртебелер"
    assert "Қайнар а.о." in window.windowTitle()
    assert load_settings(tmp_path / "settings.json").language == "kk"
    window.language_items["ru"].trigger()
    assert texts(window, Column.SETTLEMENT) == ["с.Еркин"]
    assert window.count.text() == "1 запись"
    assert window.language_items["ru"].isChecked()
    close_window(window)


def test_deleting_asks_first(tmp_path: Path, translations, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    seed(tmp_path, [action(action_date=date(2026, 9, 19))])
    window = open_window(tmp_path, translations, qtbot)
    window.table.selectRow(0)
    choices = iter(["Cancel", "Delete"])

    def click(box: QMessageBox) -> int:
        wanted = next(choices)
        box.setProperty("_clicked", next(b for b in box.buttons() if b.text() == wanted))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: box.property("_clicked"))
    window.delete_selected()
    wait_loaded(window, qtbot)
    assert window.model.rowCount() == 1
    window.delete_selected()
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    assert window.store.count_actions() == 0
    close_window(window)


def test_the_okrug_can_change_only_while_nothing_is_recorded(
    tmp_path: Path, translations, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.okrug_dialog import OkrugDialog

    window = open_window(tmp_path, translations, qtbot)
    other = "196233000"  # Алатау а.о.
    monkeypatch.setattr(OkrugDialog, "exec", lambda dialog: 1)
    monkeypatch.setattr(OkrugDialog, "okrug", lambda dialog: other)
    window.change_okrug()
    assert window.settings.okrug == other
    assert "Алатауский с.о." in window.windowTitle()
    assert load_settings(tmp_path / "settings.json").okrug == other

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    window.store.save(action(okrug=other, settlement="196233200", action_date=date(2026, 9, 19)))
    window.change_okrug()
    assert window.settings.okrug == other
    assert shown
    assert "cannot be changed" in shown[0]
    close_window(window)


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_the_years_fractions_add_up_to_its_tonnes(tmp_path: Path, translations, qtbot, lang: str) -> None:
    # Six fractions, the four biggest listed: the other two go in one line, and the lines (rounded
    # as the total is, to 10 kg) add up to the total shown above them.
    waste = [
        {"fraction": "mixed", "kg": 2504},
        {"fraction": "plastic", "kg": 1236},
        {"fraction": "paper", "kg": 817},
        {"fraction": "glass", "kg": 405},
        {"fraction": "metal", "kg": 133},
        {"fraction": "organic", "kg": 68},
    ]
    seed(tmp_path, [action(action_date=date(2026, 6, 3), waste=waste)])
    translations.apply(lang)
    window = open_window(tmp_path, translations, qtbot)
    card = window.totals.year_card
    total = card._values["tonnes"].text()
    lines = card.fractions.text().splitlines()
    other = {"en": "Other fractions", "ru": "Прочие фракции", "kk": "Басқа фракциялар"}[lang]
    assert len(lines) == 5
    assert lines[-1].startswith(f"{other}: ")
    figures = [line.rsplit(": ", 1)[1].removesuffix(" t").removesuffix(" т") for line in lines]
    mark = "," if lang != "en" else "."
    assert total == f"5{mark}16"  # 5163 kg, to 10 kg
    assert figures[-1] == f"0{mark}2"  # 133 + 68 = 201 kg
    kg = sum(round(float(f.replace(",", ".")) * 1000) for f in figures)
    assert kg == 5160
    close_window(window)


@pytest.mark.parametrize(
    ("lang", "waiting"),
    [
        ("en", "Waiting to be sent: 2 records"),
        ("ru", "Ожидают отправки: 2 записи"),
        ("kk", "Жіберуді күтуде: 2 жазба"),
    ],
)
def test_no_photos_waiting_is_not_said_as_0_photos(
    tmp_path: Path, translations, qtbot, lang: str, waiting: str
) -> None:
    seed(tmp_path, [action(action_date=date(2026, 11, 3)), action(action_date=date(2026, 10, 3))])
    translations.apply(lang)
    window = open_window(tmp_path, translations, qtbot)
    qtbot.waitUntil(lambda: window.status.waiting.text() != "")
    assert window.status.waiting.text() == waiting
    assert "0" not in window.status.waiting.text().replace("2", "")
    close_window(window)
