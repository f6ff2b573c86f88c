"""Qt for the window's tests: one QApplication (pytest-qt's ``qapp``), styled as the app is, with
Qt's own warnings routed to logging so an unexpected one fails the test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from ui import qtlog
from ui.i18n import Translations, compile_translations
from ui.style import apply_style


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["taza-field-tests"]


@pytest.fixture(scope="session")
def ui_app(qapp: QApplication) -> QApplication:
    qtlog.install()
    compile_translations()
    apply_style(qapp)
    return qapp


@pytest.fixture
def translations(ui_app: QApplication) -> Iterator[Translations]:
    """The app's translations, back in English after the test."""
    translations = Translations(ui_app)
    translations.apply("en")
    yield translations
    translations.apply("en")
    # Off the application now: were they removed when the object is deleted, later, the next
    # test's windows would get a stray LanguageChange in the middle of that test.
    translations.uninstall()
    translations.deleteLater()
