"""The status bar: whether the server can be reached, what waits to be sent, the last sync.

Until sending exists (the sync engine comes later) it says plainly that this laptop works offline
and counts what waits."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStatusBar

from fieldapp.queries import OutboxDepth
from fieldapp.store import Store
from ui.tasks import Tasks


class StatusPanel(QObject):
    """Fills a window's QStatusBar (the labels live in the bar; the window retranslates it)."""

    def __init__(self, bar: QStatusBar, store: Store, tasks: Tasks) -> None:
        super().__init__(bar)
        self._store, self._tasks = store, tasks
        self._depth: OutboxDepth | None = None
        self.connection = QLabel()
        self.waiting = QLabel()
        self.last_sync = QLabel()
        bar.addWidget(self.connection)
        bar.addWidget(self.waiting, 1)
        bar.addPermanentWidget(self.last_sync)
        self.retranslate()

    def refresh(self) -> None:
        self._tasks.run(self._store.outbox_depth, on_done=self._show)

    def _show(self, depth: OutboxDepth) -> None:
        self._depth = depth
        self.retranslate()

    def retranslate(self) -> None:
        self.connection.setText("● " + self.tr("Offline: sending is not set up on this laptop yet"))
        depth = self._depth
        if depth is None:
            self.waiting.setText("")
        elif not depth.records and not depth.photos:
            self.waiting.setText(self.tr("Nothing waits to be sent"))
        else:
            records = self.tr("%Ln record(s)", "", depth.records)
            photos = self.tr("%Ln photo(s)", "", depth.photos)
            self.waiting.setText(
                self.tr("Waiting to be sent: {records}, {photos}").format(records=records, photos=photos)
            )
        self.last_sync.setText(self.tr("Last sync: never"))
