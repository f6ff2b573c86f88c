"""Counts in the village window take the plural form of their number in each language, chosen
from View → Language as a person does («1 акция», «21 участник», «1,5 тонны»); a month said inside
a sentence takes its case («в сентябре 2026», «2026 жылғы қыркүйекте»)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from fieldapp.store import Store
from tests.records import TODAY, action
from tests.ui.helpers import close_window, open_window
from ui.i18n import Translations
from ui.main_window import MainWindow

# One action today: 21 participants, 1.5 t of waste, 1.5 ha, 2 trees.
ONE_ACTION = {
    "action_date": TODAY,
    "participants": 21,
    "waste": [{"fraction": "mixed", "kg": 1500}],
    "area_m2": 15_000,
    "trees": 2,
}

SUMMARY = {
    "kk": "Осы жыл: 1 акция · 21 қатысушы · 1,5 т · 1,5 га · 2 ағаш",
    "ru": "Этот год: 1 акция · 21 участник · 1,5 т · 1,5 га · 2 дерева",
    "en": "This year: 1 action · 21 participants · 1.5 t · 1.5 ha · 2 trees",
}
CAPTIONS = {  # under the figures 1, 21 and 2 of the month's card
    "kk": ("акция", "қатысушы", "ағаш отырғызылды"),
    "ru": ("акция", "участник", "дерева посажено"),
    "en": ("action", "participants", "trees planted"),
}


def choose_language(window: MainWindow, qtbot: QtBot, lang: str) -> None:
    window.language_items[lang].trigger()  # View → Language → …
    qtbot.waitUntil(lambda: not window.tasks.busy)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_okrug_totals_say_each_count_in_its_form(
    tmp_path: Path, translations: Translations, qtbot: QtBot, lang: str
) -> None:
    with Store.open(tmp_path / "taza-field.sqlite") as store:
        store.save(action(**ONE_ACTION))
    window = open_window(tmp_path, translations, qtbot)
    try:
        choose_language(window, qtbot, lang)
        qtbot.waitUntil(lambda: window.totals.summary() == SUMMARY[lang])
        card = window.totals.month_card
        shown = tuple(card._captions[key].text() for key in ("actions", "participants", "trees"))
        assert shown == CAPTIONS[lang]
        assert card._values["participants"].text() == "21"
    finally:
        choose_language(window, qtbot, "en")
        close_window(window)


def test_five_actions_and_twenty_two_participants(
    tmp_path: Path, translations: Translations, qtbot: QtBot
) -> None:
    with Store.open(tmp_path / "taza-field.sqlite") as store:
        store.save_many([action(**{**ONE_ACTION, "participants": 4 + (i == 0)}) for i in range(5)])
    window = open_window(tmp_path, translations, qtbot)
    try:
        choose_language(window, qtbot, "ru")
        qtbot.waitUntil(lambda: window.totals.summary().startswith("Этот год: 5 акций · 21 участник"))
        assert window.totals.summary().endswith("· 10 деревьев")
        captions = window.totals.month_card._captions
        assert (captions["actions"].text(), captions["trees"].text()) == ("акций", "деревьев посажено")
    finally:
        choose_language(window, qtbot, "en")
        close_window(window)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("kk", "Хабарланды: 2026 жылғы қыркүйекте ештеңе өткізілмеді."),
        ("ru", "Сообщено: в сентябре 2026 ничего не проводилось."),
        ("en", "Reported: nothing done in September 2026."),
    ],
)
def test_a_month_with_nothing_done_is_named_in_its_case(
    tmp_path: Path, translations: Translations, qtbot: QtBot, lang: str, said: str
) -> None:
    window = open_window(tmp_path, translations, qtbot)
    try:
        choose_language(window, qtbot, lang)
        dialog = window.report_nothing_done()
        qtbot.waitUntil(lambda: dialog.state is not None)
        months = [dialog.month.itemData(i) for i in range(dialog.month.count())]
        dialog.month.setCurrentIndex(months.index("2026-09"))
        with qtbot.waitSignal(dialog.filed):
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert window.statusBar().currentMessage().startswith(said)
    finally:
        choose_language(window, qtbot, "en")
        close_window(window)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("kk", ["0 жазба", "1 жазба", "2 жазба", "5 жазба", "11 жазба", "21 жазба", "22 жазба", "111 жазба"]),
        ("ru", ["0 записей", "1 запись", "2 записи", "5 записей", "11 записей", "21 запись", "22 записи",
                "111 записей"]),
        ("en", ["0 records", "1 record", "2 records", "5 records", "11 records", "21 records", "22 records",
                "111 records"]),
    ],
)  # fmt: skip
def test_the_window_s_own_plurals_follow_cldr(
    translations: Translations, lang: str, expected: list[str]
) -> None:
    """Qt's %n plurals (the .ts files hold kk 2, ru 3, en 2 forms), as the compiled translations give them."""
    translations.apply(lang)
    said = [
        QCoreApplication.translate("ReviewView", "%n record(s)", "", n) for n in (0, 1, 2, 5, 11, 21, 22, 111)
    ]
    assert said == expected
