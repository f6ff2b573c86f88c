"""Help → User guide: the guide in the window's language (kk, ru, en) with the glossary's words,
in a window of its own beside the app; Help → About and the guide name the support contact that
IT staff set on the server, which a laptop gets when it is enrolled and again with a sync."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from fieldapp.device import load_device
from fieldapp.paths import DataPaths
from fieldapp.support import stored_support
from tests.server.live import LiveServer
from tests.sync.test_district import Coordinator
from tests.ui.helpers import close_window, open_window
from tests.ui.test_coordinator_window import (
    coordinator,  # noqa: F401 - the fixture
    refresh,
)
from tests.ui.test_coordinator_window import open_window as open_coordinator
from ui.enrol_dialog import EnrolDialog
from ui.help_window import GuideWindow
from ui.i18n import Translations
from ui.main_window import MainWindow

WAIT_MS = 30_000
SHOTS = Path("/work/notes/shots")
CONTACT = "Талғар ауданы әкімдігі, IT бөлімі: +7 727 745 12 34, it@talgar.gov.kz"
LATER = "Қайнар а.о. әкімдігі: Ержан Сәрсенов, +7 701 555 44 33"

# Each guide in its language, with the glossary's words for the programme's things.
WORDS = {
    "kk": ["қысқаша нұсқаулық", "Ауылдық округ", "сенбілік", "қалдықтар", "Дүниежүзілік тазалық күні"],
    "ru": ["краткое руководство", "Сельский округ", "субботник", "отходы", "Всемирный день чистоты"],
    "en": ["a short guide", "Rural okrug", "subbotnik", "waste", "World Cleanup Day"],
}
NOT_SET = {
    "kk": "Серверде қолдау байланысы әлі көрсетілмеген",
    "ru": "Контакт поддержки на сервере ещё не указан",
    "en": "No support contact has been set on the server yet",
}


def guide_text(window: MainWindow) -> str:
    guide = window.findChild(GuideWindow)
    assert guide is not None
    assert guide.isVisible()
    return guide.browser.toPlainText()


def about_text(window: MainWindow, qtbot: QtBot) -> str:
    """Help → About, read and closed as a person would."""
    seen: list[str] = []

    def read() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read)
            return
        seen.append(box.text())
        box.grab().save(str(SHOTS / f"sorthelp-about-{len(list(SHOTS.glob('sorthelp-about-*')))}.png"))
        box.accept()

    QTimer.singleShot(0, read)
    window.about_item.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)
    return seen[0]


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_guide_opens_in_the_chosen_language(
    tmp_path: Path, translations: Translations, qtbot: QtBot, lang: str
) -> None:
    window = open_window(tmp_path, translations, qtbot)
    window.language_items[lang].trigger()
    assert window.guide_item.shortcut().toString() == "F1"
    window.guide_item.trigger()
    text = guide_text(window)
    for word in WORDS[lang]:
        assert word in text, (lang, word)
    assert NOT_SET[lang] in text  # not enrolled: no contact yet, and what to do
    others = [w for other, words in WORDS.items() if other != lang for w in words[:2]]
    assert not any(word in text for word in others)
    guide = window.findChild(GuideWindow)
    assert guide is not None
    assert guide.language == lang
    assert not guide.isModal()  # read beside the window
    guide.resize(640, 560)
    SHOTS.mkdir(parents=True, exist_ok=True)
    guide.grab().save(str(SHOTS / f"sorthelp-guide-{lang}.png"))
    close_window(window)


def test_the_guide_follows_a_language_change(
    tmp_path: Path, translations: Translations, qtbot: QtBot
) -> None:
    window = open_window(tmp_path, translations, qtbot)
    window.guide_item.trigger()
    assert WORDS["en"][0] in guide_text(window)
    window.language_items["kk"].trigger()
    assert WORDS["kk"][0] in guide_text(window)
    assert window.findChild(GuideWindow).windowTitle() == "Пайдаланушы нұсқаулығы"
    window.guide_item.trigger()  # once more: the same window, brought forward
    assert len(window.findChildren(GuideWindow)) == 1
    close_window(window)


@pytest.mark.server_settings(support_contact=CONTACT)
def test_the_support_contact_set_on_the_server_reaches_an_enrolled_laptops_help(
    tmp_path: Path, sqlite_server: LiveServer, translations: Translations, qtbot: QtBot
) -> None:
    window = open_window(tmp_path, translations, qtbot)
    assert NOT_SET["en"] in about_text(window, qtbot)
    window.enrol_item.trigger()  # Sending → Connect to the server…
    dialog = window.findChild(EnrolDialog)
    assert dialog is not None
    dialog.server.setText(sqlite_server.root)
    dialog.code.setText(sqlite_server.enrolment_code("196247000"))
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=WAIT_MS)
    credentials = load_device(DataPaths(tmp_path).device)
    assert credentials is not None
    assert credentials.support == CONTACT  # given at enrolment
    assert stored_support(window.store) == CONTACT
    assert CONTACT in about_text(window, qtbot)
    window.language_items["kk"].trigger()
    window.guide_item.trigger()
    text = guide_text(window)
    assert f"Қолдау: {CONTACT}" in text
    guide = window.findChild(GuideWindow)
    guide.browser.verticalScrollBar().setValue(guide.browser.verticalScrollBar().maximum())
    guide.grab().save(str(SHOTS / "sorthelp-guide-kk-contact.png"))

    # IT staff change the contact on the server: the next sync brings it.
    sqlite_server.stop()
    sqlite_server.process.env["TAZA_SERVER_SUPPORT_CONTACT"] = LATER
    sqlite_server.start()
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT_MS):
        window.send_now_item.trigger()
    assert stored_support(window.store) == LATER
    window.guide_item.trigger()
    assert LATER in guide_text(window)
    assert CONTACT not in guide_text(window)
    close_window(window)


@pytest.mark.server_settings(support_contact=CONTACT)
def test_the_coordinator_gets_the_support_contact_with_the_district(
    coordinator: Coordinator,  # noqa: F811
    translations: Translations,
    qtbot: QtBot,
) -> None:
    window = open_coordinator(coordinator, translations, qtbot)
    refresh(window, qtbot)  # District → Refresh from the server
    assert CONTACT in about_text(window, qtbot)  # type: ignore[arg-type]
    window.language_items["ru"].trigger()
    window.guide_item.trigger()
    text = guide_text(window)  # type: ignore[arg-type]
    assert f"Поддержка: {CONTACT}" in text
    assert WORDS["ru"][0] in text
    window.close()


def tooltip_missing(widgets: list[QWidget]) -> list[str]:
    """The input fields among ``widgets`` that say nothing of themselves when pointed at: neither a
    tooltip of their own nor one on their label (a label whose buddy the field is)."""
    kinds = (QLineEdit, QComboBox, QDateEdit, QPlainTextEdit, QCheckBox)
    fields = [f for w in widgets for kind in kinds for f in w.findChildren(kind)]
    labelled = {  # a field's label with a tooltip of its own says it too
        id(label.buddy()): label.toolTip()
        for w in widgets
        for label in w.findChildren(QLabel)
        if label.buddy()
    }
    missing = []
    for field in fields:
        if isinstance(field.parent(), (QComboBox, QDateEdit)):  # the line edit inside a box
            continue
        if not field.window().isVisible() or not field.isVisibleTo(field.window()):
            continue
        if field.toolTip() or (id(field) in labelled and labelled[id(field)]):
            continue
        missing.append(
            f"{type(field).__name__} {field.placeholderText() if isinstance(field, QLineEdit) else ''}"
        )
    return missing


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_fields_and_buttons_say_what_they_are_for(
    tmp_path: Path, translations: Translations, qtbot: QtBot, lang: str
) -> None:
    window = open_window(tmp_path, translations, qtbot)
    window.language_items[lang].trigger()
    window.new_action_item.trigger()  # Actions → New action…
    dialog = window.editor.dialog
    tips = {
        "the date": dialog.action_date.toolTip(),
        "the campaign": dialog.campaign.toolTip(),
        "the place": dialog.place.toolTip(),
        "participants": dialog.participants.toolTip(),
        "hectares": dialog.area.toolTip(),
        "trees": dialog.trees.toolTip(),
        "latitude": dialog.lat.toolTip(),
        "longitude": dialog.lon.toolTip(),
        "reporter": dialog.reporter.toolTip(),
        "notes": dialog.notes.toolTip(),
        "save as draft": dialog.draft_button.toolTip(),
        "ready to send": dialog.ready_button.toolTip(),
        "search": window.filters.search.toolTip(),
        "show the returned": window.returned_button.toolTip(),
        "show the refused": window.attention_button.toolTip(),
        "the list's headings": window.table.horizontalHeader().toolTip(),
        "new action": window.new_button.toolTip(),
    }
    cyrillic = {name: tip for name, tip in tips.items() if tip and any("а" <= c <= "я" for c in tip.lower())}
    assert set(cyrillic) == set(tips), set(tips) - set(cyrillic)  # each said, in the chosen language
    assert ("43,25" if lang in ("kk", "ru") else "43.25") in tips["latitude"]
    assert "қ" in tips["search"]
    assert tooltip_missing([dialog]) == []
    dialog.reject()
    close_window(window)


def test_the_coordinator_fields_say_what_they_are_for(
    coordinator: Coordinator,  # noqa: F811
    translations: Translations,
    qtbot: QtBot,
) -> None:
    window = open_coordinator(coordinator, translations, qtbot)
    window.language_items["kk"].trigger()
    review = window.review
    for field in (
        review.okrug,
        review.settlement,
        review.campaign,
        review.month,
        review.status,
        review.search,
    ):
        assert field.toolTip(), field
    assert review.okrug.toolTip() == "Тек бір ауылдық округтің жазбалары"
    assert "F9" in window.refresh_button.toolTip()
    assert window.dashboard.accepted_only.toolTip().startswith("Тек сіз қабылдаған")
    assert tooltip_missing([window.dashboard, window.completeness, review]) == []
    window.close()
