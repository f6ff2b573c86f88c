"""A discreet line at the top of a window: a newer version of Taza Field exists.

The server publishes it (``fieldapp-server release set``) and sync keeps it in the store's meta
(``fieldapp.updates``). The line says which version, who installs it (IT staff), and offers the
download page — opened in the browser, never downloaded or installed here. *Hide* closes it for
that version; a newer one shows again.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from fieldapp import __version__
from fieldapp.store import Store
from fieldapp.updates import Release, dismiss, pending_notice
from ui.style import SPACING, set_role
from ui.tasks import Tasks

log = logging.getLogger(__name__)


class UpdateNotice(QFrame):
    """Hidden until the store holds a release newer than this app that the person has not hidden."""

    shown = Signal(bool)  # it appeared (True) or went (False)

    def __init__(
        self, store: Store, tasks: Tasks, current: str = __version__, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store, self._tasks, self.current = store, tasks, current
        self.release: Release | None = None
        set_role(self, "notice")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.download_button = QPushButton()
        self.download_button.clicked.connect(self.open_download_page)
        self.hide_button = QPushButton()
        self.hide_button.setFlat(True)
        self.hide_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(SPACING * 3 // 2, SPACING // 2, SPACING // 2, SPACING // 2)
        row.setSpacing(SPACING)
        row.addWidget(self.text, 1)
        row.addWidget(self.download_button)
        row.addWidget(self.hide_button)
        self.retranslate()
        self.hide()

    def refresh(self) -> None:
        """Read the store again (off the GUI thread): after a sync, when the window opens."""
        store, current = self._store, self.current
        self._tasks.run(lambda: pending_notice(store, current), self._show, self._failed)

    def _show(self, release: Release | None) -> None:
        self.release = release
        self.retranslate()
        self.setVisible(release is not None)
        self.shown.emit(release is not None)

    def _failed(self, exc: BaseException) -> None:
        log.error("the update notice could not be read", exc_info=exc)

    def retranslate(self) -> None:
        release = self.release
        self.download_button.setText(self.tr("Download page"))
        self.hide_button.setText(self.tr("Hide"))
        self.hide_button.setToolTip(self.tr("Do not show this again for this version"))
        if release is None:
            self.text.setText("")
            return
        if release.link:
            text = self.tr(
                "A newer version of Taza Field ({version}) is available. Ask IT staff to install it, "
                "or download it from the download page."
            )
        else:
            text = self.tr(
                "A newer version of Taza Field ({version}) is available. Ask IT staff to install it."
            )
        text = text.format(version=release.version)
        if release.notes:
            text += " " + self.tr("What is new: {notes}").format(notes=release.notes)
        self.text.setText(text)
        self.text.setToolTip(self.tr("This laptop has version {current}.").format(current=self.current))
        self.download_button.setVisible(bool(release.link))
        self.download_button.setToolTip(release.link)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_download_page(self) -> None:
        """The download page in the browser: the person (or IT staff) installs from there."""
        if self.release is not None and self.release.link:
            QDesktopServices.openUrl(QUrl(self.release.link))

    def dismiss(self) -> None:
        release = self.release
        if release is None:
            return
        self.hide()
        self.shown.emit(False)
        store = self._store
        self._tasks.run(lambda: dismiss(store, release), None, self._failed)
