"""The first-run okrug dialog, on the real KATO with real widgets.

The texts are translated by a pseudo-locale made from the dialog's own source: lupdate extracts
its strings, each becomes ``[kk] …``/``[ru] …`` with its vowels doubled (a third longer, like
Kazakh and Russian), and the app's :class:`Translations` load it. So a string that is not marked,
or not re-set on a language change, shows up, and so does a layout that cannot take longer words.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QPushButton, QWidget

import ui.okrug_dialog
from fieldapp.i18n import LANGUAGES
from fieldapp.kato import Kato, Level, default_kato
from ui import i18n
from ui.i18n import Translations, compile_translations, current_language
from ui.okrug_dialog import OkrugDialog

REGION, DISTRICT, OKRUG = "190000000", "196200000", "196247000"  # Алматы облысы, Талғар ауданы, Қайнар а.о.
OTHER_KAINAR = "195845000"  # Қайнар а.о. of Райымбек ауданы: first in a search for Қайнар
ASTANA = "710000000"  # a city of republican significance: districts, no rural okrugs
SETTLEMENT = "196247600"  # Қайнар а., in the okrug above

# --- the pseudo-locale ------------------------------------------------------------------------------

_STRETCH = re.compile(r"(\{\w+\}|%n)|([aeiouAEIOU])")


def pseudo(lang: str, text: str) -> str:
    """``text`` in the test locale ``lang``; English stays English."""
    if lang == "en":
        return text
    return f"[{lang}] " + _STRETCH.sub(lambda m: m.group(1) or m.group(2) * 2, text)


def pseudo_plural(lang: str, text: str, n: int) -> str:
    """A ``%n`` string as Qt shows it for ``n``."""
    return pseudo(lang, _plural_forms(lang, text)[0 if n == 1 else -1]).replace("%n", str(n))


def _plural_forms(lang: str, text: str) -> list[str]:
    """English says "1 okrug", "2 okrugs"; the pseudo-locales keep the ``(s)`` in every form."""
    return [text.replace("(s)", ""), text.replace("(s)", "s")] if lang == "en" else [text]


def _translate_ts(path: Path, lang: str) -> None:
    tree = ET.parse(path)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = translation.findall("numerusform")
        if lang == "en" and not forms:
            continue  # the source language: Qt shows the source text
        translation.attrib.pop("type", None)
        wanted = _plural_forms(lang, source)
        for index, form in enumerate(forms):
            form.text = pseudo(lang, wanted[min(index, len(wanted) - 1)])
        if not forms:
            translation.text = pseudo(lang, source)
    tree.write(path, encoding="utf-8", xml_declaration=True)


@pytest.fixture(scope="session")
def pseudo_translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``taza_{kk,ru,en}.qm`` of the pseudo-locale, in a folder of their own."""
    folder = tmp_path_factory.mktemp("translations")
    beside_python = Path(sys.executable).with_name("pyside6-lupdate")
    lupdate = beside_python if beside_python.exists() else "pyside6-lupdate"
    for lang in LANGUAGES:
        ts = folder / f"taza_{lang}.ts"
        command = [str(lupdate), ui.okrug_dialog.__file__, "-target-language", lang, "-ts", str(ts)]
        subprocess.run(command, check=True, capture_output=True)
        _translate_ts(ts, lang)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(i18n, "translations_dir", lambda: folder)
        compile_translations(force=True)
    return folder


@pytest.fixture(autouse=True)
def _speak_pseudo(pseudo_translations: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's translations load the pseudo-locale (autouse: before ``translations`` starts)."""
    monkeypatch.setattr(i18n, "translations_dir", lambda: pseudo_translations)


# --- driving the dialog -----------------------------------------------------------------------------


@pytest.fixture
def kato() -> Kato:
    return default_kato()


@pytest.fixture
def make_dialog(qtbot, kato: Kato, translations: Translations) -> Callable[..., OkrugDialog]:
    def make(current: str | None = None) -> OkrugDialog:
        dialog = OkrugDialog(kato, translations, current=current)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        return dialog

    return make


def choose(combo: QComboBox, code: str) -> None:
    index = combo.findData(code)
    assert index >= 0, f"{code} is not in the combo"
    combo.setCurrentIndex(index)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key (``qtbot.keyClicks`` cannot send Cyrillic)."""
    for char in text:
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
        QApplication.sendEvent(widget, event)


def result_texts(dialog: OkrugDialog) -> list[str]:
    return [dialog.results_list.item(row).text() for row in range(dialog.results_list.count())]


def result_codes(dialog: OkrugDialog) -> list[str]:
    items = (dialog.results_list.item(row) for row in range(dialog.results_list.count()))
    return [item.data(Qt.ItemDataRole.UserRole) for item in items]


def switch_language(qtbot, dialog: OkrugDialog, lang: str) -> None:
    """Choose ``lang`` in the selector with the keyboard, as a user would, and wait for the texts."""
    combo = dialog.language_combo
    target = combo.findData(lang)
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)
    qtbot.waitUntil(lambda: dialog.ok_button.text() == pseudo(lang, "Use this okrug"))


def combo_texts(dialog: OkrugDialog) -> tuple[str, str, str]:
    return (
        dialog.region_combo.currentText(),
        dialog.district_combo.currentText(),
        dialog.okrug_combo.currentText(),
    )


# --- choosing through the three combos --------------------------------------------------------------


def test_nothing_is_chosen_at_first(make_dialog) -> None:
    dialog = make_dialog()

    assert dialog.okrug() is None
    assert not dialog.ok_button.isEnabled()
    assert dialog.region_combo.currentIndex() == -1  # the placeholder is not an item
    assert dialog.region_combo.count() == 20
    assert dialog.region_combo.placeholderText() == "Choose a region…"
    assert not dialog.district_combo.isEnabled()
    assert not dialog.okrug_combo.isEnabled()
    assert dialog.hint_label.isVisibleTo(dialog)


def test_choosing_region_district_and_okrug_enables_ok(make_dialog) -> None:
    dialog = make_dialog()

    choose(dialog.region_combo, REGION)
    assert dialog.district_combo.isEnabled()
    assert dialog.district_combo.currentIndex() == -1
    assert not dialog.okrug_combo.isEnabled()
    assert not dialog.ok_button.isEnabled()

    choose(dialog.district_combo, DISTRICT)
    assert dialog.okrug_combo.isEnabled()
    assert dialog.okrug_combo.placeholderText() == "Choose an okrug…"
    assert not dialog.ok_button.isEnabled()

    choose(dialog.okrug_combo, OKRUG)
    assert dialog.ok_button.isEnabled()
    assert dialog.okrug() == OKRUG


def test_another_region_clears_the_district_and_okrug(make_dialog) -> None:
    dialog = make_dialog(current=OKRUG)

    choose(dialog.region_combo, "100000000")

    assert dialog.district_combo.currentIndex() == -1
    assert dialog.okrug_combo.count() == 0
    assert dialog.okrug() is None
    assert not dialog.ok_button.isEnabled()


def test_combos_list_places_sorted_as_kato_gives_them(make_dialog, kato: Kato) -> None:
    dialog = make_dialog(current=OKRUG)

    codes = [dialog.okrug_combo.itemData(i) for i in range(dialog.okrug_combo.count())]

    assert codes == [place.code for place in kato.okrugs(DISTRICT)]


def test_card_confirms_the_okrug_with_its_settlements(make_dialog, kato: Kato) -> None:
    dialog = make_dialog(current=OKRUG)

    settlements = kato.settlements(OKRUG)
    first = ", ".join(place.name_ru for place in settlements[:4])
    assert dialog.okrug_title.text() == "Кайнарский с.о."
    assert dialog.okrug_place_label.text() == "Талгарский район, Алматинская область"
    assert dialog.settlements_label.text() == f"{len(settlements)} settlements: {first}, …"
    assert dialog.kato_code_label.text() == f"KATO {OKRUG}"
    assert dialog.okrug_title.isVisibleTo(dialog)


def test_city_of_republican_significance_says_it_has_no_okrugs(make_dialog) -> None:
    dialog = make_dialog()

    choose(dialog.region_combo, ASTANA)

    assert not dialog.district_combo.isEnabled()
    assert not dialog.okrug_combo.isEnabled()
    assert dialog.district_combo.placeholderText() == "No rural okrugs"
    assert dialog.no_okrugs_label.isVisibleTo(dialog)
    assert dialog.no_okrugs_label.text().startswith("г.Астана has no rural okrugs")
    assert not dialog.ok_button.isEnabled()
    assert dialog.okrug() is None


# --- search -----------------------------------------------------------------------------------------


_FOUND = "%n okrug(s) found: click one, or press Enter to choose the highlighted one."


@pytest.mark.parametrize("query", ["Қайнар", "Кайнар", "кайнар"])
def test_search_in_kazakh_or_russian_lists_the_okrug_with_its_district(make_dialog, query: str) -> None:
    dialog = make_dialog()

    type_text(dialog.search_edit, query)

    assert dialog.pages.currentWidget() is dialog.results_page
    assert OKRUG in result_codes(dialog)
    assert "Кайнарский с.о. — Талгарский район, Алматинская область" in result_texts(dialog)
    assert dialog.results_status.text() == pseudo_plural("en", _FOUND, len(result_codes(dialog)))


def test_search_lists_okrugs_only(make_dialog, kato: Kato) -> None:
    dialog = make_dialog()

    type_text(dialog.search_edit, "Қайнар")

    assert all(kato[code].level is Level.OKRUG for code in result_codes(dialog))


def test_search_results_are_in_kazakh_when_the_app_is(qtbot, make_dialog) -> None:
    dialog = make_dialog()
    switch_language(qtbot, dialog, "kk")

    type_text(dialog.search_edit, "Кайнар")

    assert "Қайнар а.о. — Талғар ауданы, Алматы облысы" in result_texts(dialog)


def test_clicking_a_result_sets_the_three_combos(qtbot, make_dialog) -> None:
    dialog = make_dialog()
    type_text(dialog.search_edit, "Кайнар")
    item = dialog.results_list.item(result_codes(dialog).index(OKRUG))

    rect = dialog.results_list.visualItemRect(item)
    qtbot.mouseClick(dialog.results_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert combo_texts(dialog) == ("Алматинская область", "Талгарский район", "Кайнарский с.о.")
    assert dialog.okrug() == OKRUG
    assert dialog.ok_button.isEnabled()
    assert dialog.search_edit.text() == ""
    assert dialog.pages.currentWidget() is dialog.picker_page


def test_down_and_enter_from_the_search_box_choose_without_closing(qtbot, make_dialog) -> None:
    dialog = make_dialog()
    type_text(dialog.search_edit, "Қайнар")
    assert result_codes(dialog)[:2] == [OTHER_KAINAR, OKRUG]

    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Down)  # into the list, on the first result
    assert dialog.focusWidget() is dialog.results_list
    assert dialog.results_list.currentRow() == 0
    qtbot.keyClick(dialog.results_list, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.results_list, Qt.Key.Key_Return)

    assert dialog.okrug() == OKRUG
    assert dialog.isVisible()  # Enter chose the okrug; the user sees it before accepting
    assert dialog.focusWidget() is dialog.ok_button


def test_enter_in_the_search_box_chooses_the_highlighted_result(qtbot, make_dialog) -> None:
    dialog = make_dialog()
    type_text(dialog.search_edit, "Қайнар")

    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)

    assert dialog.okrug() == OTHER_KAINAR
    assert dialog.isVisible()


def test_up_from_the_first_result_goes_back_to_the_search_box(qtbot, make_dialog) -> None:
    dialog = make_dialog()
    type_text(dialog.search_edit, "Қайнар")
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Down)

    qtbot.keyClick(dialog.results_list, Qt.Key.Key_Up)

    assert dialog.focusWidget() is dialog.search_edit


def test_search_that_finds_nothing_says_so_and_enter_does_nothing(qtbot, make_dialog) -> None:
    dialog = make_dialog(current=OKRUG)

    type_text(dialog.search_edit, "Жоқауыл")
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)

    assert dialog.results_list.count() == 0
    assert "«Жоқауыл»" in dialog.results_status.text()
    assert dialog.isVisible()
    assert dialog.okrug() == OKRUG


def test_search_lists_at_most_fifty(make_dialog) -> None:
    dialog = make_dialog()

    type_text(dialog.search_edit, "а")

    assert dialog.results_list.count() == 50
    assert dialog.results_status.text() == "Showing the first 50: type more of the name."


def test_clearing_the_search_shows_the_lists_again(make_dialog) -> None:
    dialog = make_dialog()
    type_text(dialog.search_edit, "Кайнар")

    dialog.search_edit.clear()

    assert dialog.pages.currentWidget() is dialog.picker_page


# --- current, OK, Cancel ----------------------------------------------------------------------------


def test_current_preselects_the_okrug(make_dialog) -> None:
    dialog = make_dialog(current=OKRUG)

    assert combo_texts(dialog) == ("Алматинская область", "Талгарский район", "Кайнарский с.о.")
    assert dialog.okrug() == OKRUG
    assert dialog.ok_button.isEnabled()


def test_current_settlement_preselects_its_okrug(make_dialog) -> None:
    assert make_dialog(current=SETTLEMENT).okrug() == OKRUG


@pytest.mark.parametrize("current", ["000000000", REGION, DISTRICT, ""])
def test_current_that_is_no_okrug_chooses_nothing(make_dialog, current: str) -> None:
    assert make_dialog(current=current).okrug() is None


def test_enter_accepts_once_an_okrug_is_chosen(qtbot, make_dialog) -> None:
    dialog = make_dialog()

    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()  # nothing chosen: OK is disabled

    choose(dialog.region_combo, REGION)
    choose(dialog.district_combo, DISTRICT)
    choose(dialog.okrug_combo, OKRUG)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.okrug_combo, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.okrug() == OKRUG


def test_ok_button_accepts(qtbot, make_dialog) -> None:
    dialog = make_dialog(current=OKRUG)

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.okrug() == OKRUG


def test_cancel_closes_with_none(qtbot, make_dialog) -> None:
    dialog = make_dialog(current=OKRUG)

    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    assert dialog.okrug() is None
    assert not dialog.isVisible()


def test_escape_closes_with_none(qtbot, make_dialog) -> None:
    dialog = make_dialog(current=OKRUG)

    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Escape)

    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.okrug() is None


# --- language -----------------------------------------------------------------------------------------


def test_language_selector_shows_each_language_in_itself_and_the_current_one(make_dialog) -> None:
    dialog = make_dialog()
    combo = dialog.language_combo

    assert [combo.itemText(i) for i in range(combo.count())] == ["Қазақша", "Русский", "English"]
    assert combo.currentData() == "en"


def test_switching_to_kazakh_then_russian_retranslates_and_keeps_the_choice(qtbot, make_dialog) -> None:
    dialog = make_dialog(current=OKRUG)

    switch_language(qtbot, dialog, "kk")

    assert current_language() == "kk"
    assert dialog.heading_label.text() == pseudo("kk", "Welcome to Taza Field")
    assert dialog.region_label.text() == pseudo("kk", "Region")
    assert combo_texts(dialog) == ("Алматы облысы", "Талғар ауданы", "Қайнар а.о.")
    assert dialog.okrug_title.text() == "Қайнар а.о."
    assert dialog.okrug_place_label.text() == "Талғар ауданы, Алматы облысы"
    assert dialog.settlements_label.text().startswith(pseudo_plural("kk", "%n settlement(s): ", 10))
    assert "Достық а." in dialog.settlements_label.text()
    assert dialog.language_combo.currentText() == "Қазақша"
    assert dialog.okrug() == OKRUG

    switch_language(qtbot, dialog, "ru")

    assert dialog.heading_label.text() == pseudo("ru", "Welcome to Taza Field")
    assert dialog.cancel_button.text() == pseudo("ru", "Cancel")
    assert combo_texts(dialog) == ("Алматинская область", "Талгарский район", "Кайнарский с.о.")
    assert dialog.okrug() == OKRUG


def test_switching_language_leaves_no_english_behind(qtbot, make_dialog) -> None:
    dialog = make_dialog(current=OKRUG)

    switch_language(qtbot, dialog, "kk")

    names = {dialog.okrug_title, dialog.okrug_place_label}  # KATO's, not ours to translate
    texts = [label.text() for label in _visible(dialog, QLabel) if label not in names and label.text()]
    texts += [button.text() for button in _visible(dialog, QPushButton)]
    texts += [dialog.windowTitle(), dialog.search_edit.placeholderText()]
    assert all(text.startswith("[kk] ") for text in texts), texts


def test_switching_language_refreshes_the_search_results(qtbot, make_dialog) -> None:
    dialog = make_dialog()
    type_text(dialog.search_edit, "Кайнар")

    switch_language(qtbot, dialog, "kk")

    assert "Қайнар а.о. — Талғар ауданы, Алматы облысы" in result_texts(dialog)
    assert dialog.results_status.text().startswith("[kk] ")


def test_without_translations_there_is_no_language_selector(qtbot, kato: Kato) -> None:
    dialog = OkrugDialog(kato)
    qtbot.addWidget(dialog)
    dialog.show()

    assert not dialog.language_combo.isVisible()
    assert dialog.heading_label.text() == "Welcome to Taza Field"


# --- how it looks -------------------------------------------------------------------------------------


def _visible(dialog: QDialog, kind: type[QWidget]) -> list:
    return [widget for widget in dialog.findChildren(kind) if widget.isVisibleTo(dialog)]


def _clipped(dialog: QDialog) -> list[str]:
    """The visible labels and buttons too small for their text."""
    clipped = []
    for label in _visible(dialog, QLabel):
        needed = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
        if label.height() < needed or (not label.wordWrap() and label.width() < label.sizeHint().width()):
            clipped.append(label.text())
    for button in _visible(dialog, QPushButton):
        if button.width() < button.sizeHint().width():
            clipped.append(button.text())
    return clipped


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize("state", ["chosen", "city", "search"])
def test_fits_a_small_screen_with_nothing_clipped(
    qtbot, make_dialog, tmp_path: Path, lang: str, state: str
) -> None:
    dialog = make_dialog(current=OKRUG)
    if lang != "en":
        switch_language(qtbot, dialog, lang)
    if state == "city":
        choose(dialog.region_combo, ASTANA)
    elif state == "search":
        type_text(dialog.search_edit, "Кайнар")
    QApplication.processEvents()

    assert dialog.width() <= 640
    assert dialog.height() <= 480  # a 1366×768 laptop at 150 % has 910×512, less the taskbar
    assert _clipped(dialog) == []
    assert dialog.grab().save(str(tmp_path / f"okrug_{lang}_{state}.png"))


def test_i_am_a_coordinator_reads_as_a_link_and_is_one(qtbot, make_dialog) -> None:
    # A flat button looked like a caption: first users did not see they could click it.
    from PySide6.QtGui import QColor

    from ui.style import GREEN_DARK

    dialog = make_dialog()
    button = dialog.coordinator_button
    assert button.cursor().shape() == Qt.CursorShape.PointingHandCursor
    image = button.grab().toImage()
    green = QColor(GREEN_DARK)

    def is_green(x: int, y: int) -> bool:
        c = image.pixelColor(x, y)
        return abs(c.red() - green.red()) + abs(c.green() - green.green()) + abs(c.blue() - green.blue()) < 60

    rows = [sum(is_green(x, y) for x in range(image.width())) for y in range(image.height())]
    text_width = button.fontMetrics().horizontalAdvance(button.text())
    assert sum(rows) > 50  # the words are drawn in the link colour
    assert max(rows) > text_width * 0.8  # and underlined: one green line under the whole text
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.coordinator
    assert dialog.okrug() is None
