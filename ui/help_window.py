"""Help → User guide: the short guide (``resources/help/guide.LANG.html``) in a window of its own,
in the window's language (again in the new one when it changes), with the support contact IT
staff set on the server (``fieldapp.support``) in its last section."""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from fieldapp.resources import resource_path
from fieldapp.store import Store
from fieldapp.support import stored_support
from ui.i18n import current_language
from ui.style import SPACING

log = logging.getLogger(__name__)
LANGUAGES = ("kk", "ru", "en")


def support_text(contact: str) -> str:
    """The support contact as Help says it, or what to do when the server has none set."""
    if contact:
        return QCoreApplication.translate("HelpMenu", "Support: {contact}").format(contact=contact)
    return QCoreApplication.translate(
        "HelpMenu",
        "No support contact has been set on the server yet: ask your district's IT staff.",
    )


def guide_html(lang: str, contact: str) -> str:
    """The guide in ``lang`` (English if that language has none) with the support contact in it."""
    path = resource_path("help", f"guide.{lang if lang in LANGUAGES else 'en'}.html")
    text = path.read_text(encoding="utf-8")
    return text.replace("{support}", html.escape(support_text(contact)))


class GuideWindow(QDialog):
    """Not modal: one reads it beside the window while doing what it says."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 560)
        self.contact = ""
        self.read_contact()

    @property
    def language(self) -> str:
        return self._language

    def read_contact(self) -> None:
        """The contact as the store keeps it now (a sync may have brought another)."""
        try:
            self.contact = stored_support(self.store)
        except Exception as exc:  # the store closed or damaged: the guide still opens
            log.warning("the support contact could not be read: %s", exc)
        self.retranslate()

    def retranslate(self) -> None:
        self._language = current_language()
        self.setWindowTitle(QCoreApplication.translate("HelpMenu", "User guide"))
        self.browser.setHtml(guide_html(self._language, self.contact))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def show_guide(parent: QWidget, store: Store) -> GuideWindow:
    """The parent's guide window, opened (or brought forward) and up to date."""
    window = parent.findChild(GuideWindow)
    if window is None:
        window = GuideWindow(store, parent)
    else:
        window.read_contact()  # another may have come with a sync since
    window.show()
    window.raise_()
    window.activateWindow()
    return window
