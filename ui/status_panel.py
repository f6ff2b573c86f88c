"""The status bar: whether the server can be reached, what waits to be sent, the last sync, and a
running sync's progress (records and bytes sent, the time left) with a button to stop it.

It only shows: the :class:`~ui.sync_controller.SyncController` decides and runs. What it reads
from the store (what waits, when the last sync was) is read off the GUI thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QSizePolicy, QStatusBar

from fieldapp.i18n import FieldAppError
from fieldapp.moments import local_moment, parse_moment
from fieldapp.numbers import format_bytes
from fieldapp.queries import OutboxDepth
from fieldapp.store import Store
from sync.engine import META_LAST_SUCCESS, Progress
from sync.errors import Kind
from ui.i18n import current_language, locale_for
from ui.style import restyle
from ui.sync_controller import State, SyncController
from ui.tasks import Tasks

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Seen:
    depth: OutboxDepth
    last_success: datetime | None


def _read(store: Store) -> _Seen:
    text = store.get_meta(META_LAST_SUCCESS)
    last = parse_moment(text) if text else None
    return _Seen(store.outbox_depth(), last)


class StatusPanel(QObject):
    """Fills a window's QStatusBar (the widgets live in the bar; the window retranslates it)."""

    connect_requested = Signal()

    def __init__(self, bar: QStatusBar, store: Store, tasks: Tasks, sync: SyncController) -> None:
        super().__init__(bar)
        self._store, self._tasks, self._sync = store, tasks, sync
        self._seen: _Seen | None = None
        self._progress: Progress | None = None
        self.connection = QLabel()
        self.waiting = QLabel()
        self.bar = QProgressBar()
        self.bar.setFixedWidth(160)
        self.bar.setTextVisible(False)
        self.detail = QLabel()
        # The run's text changes as it goes: it comes last and takes what room there is, so that it
        # moves nothing (Stop stays where the pointer is) and never widens the window.
        self.detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.stop_button = QPushButton()
        self.stop_button.clicked.connect(sync.cancel)
        self.last_sync = QLabel()
        self.send_button = QPushButton()
        self.send_button.clicked.connect(self._send_or_connect)
        bar.addWidget(self.connection)
        bar.addWidget(self.waiting, 1)
        bar.addWidget(self.bar)
        bar.addWidget(self.stop_button)
        bar.addWidget(self.detail, 1)
        bar.addPermanentWidget(self.last_sync)
        bar.addPermanentWidget(self.send_button)
        sync.state_changed.connect(self._state_changed)
        sync.progress.connect(self._show_progress)
        self.retranslate()

    # -- reading ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._tasks.run(lambda: _read(self._store), on_done=self._show, on_error=self._read_failed)

    def _read_failed(self, exc: BaseException) -> None:
        log.warning("what waits to be sent could not be read: %s", exc)
        reason = exc.text(current_language()) if isinstance(exc, FieldAppError) else str(exc)
        self.waiting.setText(self.tr("Could not read what waits to be sent: {reason}").format(reason=reason))

    def _show(self, seen: _Seen) -> None:
        self._seen = seen
        self.retranslate()

    def _state_changed(self) -> None:
        if self._sync.state is not State.RUNNING:
            self._progress = None
            self.refresh()
        self.retranslate()

    def _show_progress(self, progress: Progress) -> None:
        self._progress = progress
        self._show_running()

    def _send_or_connect(self) -> None:
        if self._sync.state is State.NOT_ENROLLED or self._needs_enrolment():
            self.connect_requested.emit()
        else:
            self._sync.send_now()

    def _needs_enrolment(self) -> bool:
        error = self._sync.last_error
        return (
            self._sync.state is State.NEEDS_PERSON and error is not None and error.kind is Kind.AUTH_REVOKED
        )

    # -- texts ----------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        state = self._sync.state
        running = state is State.RUNNING
        for widget in (self.bar, self.detail, self.stop_button):
            widget.setVisible(running)
        for widget in (self.waiting, self.last_sync, self.send_button):  # room for the progress
            widget.setVisible(not running)
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop sending: what has gone stays on the server"))
        self._show_connection(state)
        self._show_waiting()
        self._show_last_sync()
        if state is State.NOT_ENROLLED or self._needs_enrolment():
            self.send_button.setText(self.tr("Connect…"))
            self.send_button.setToolTip(
                self.tr("Connect this laptop to the server with the code from IT staff")
            )
            self.send_button.setEnabled(True)
        else:
            self.send_button.setText(self.tr("Send now"))
            self.send_button.setToolTip(self.tr("Send what waits and fetch the coordinator's decisions"))
            self.send_button.setEnabled(not running and state is not State.NEEDS_PERSON)
        if running:
            self._show_running()

    def _show_connection(self, state: State) -> None:
        error = self._sync.last_error
        lang = current_language()
        tooltip = error.text(lang) if error is not None else ""
        if state is State.NOT_ENROLLED:
            text, role = self.tr("Not connected to a server"), "muted"
            if self._sync.device_problem is not None:
                tooltip = self._sync.device_problem.text(lang)
        elif state is State.RUNNING:
            text, role = self.tr("Sending…"), "ok"
        elif state is State.IDLE and self._sync.last_report is None:
            text, role = self.tr("Sending is set up"), "ok"  # nothing has been tried in this session
        elif state is State.IDLE:
            text, role = self.tr("Connected to the server"), "ok"
        elif state is State.NO_LINK:
            text, tooltip = self._no_link(lang, tooltip)
            role = "warning"
        elif state is State.RETRYING:
            when = self._sync.next_attempt
            at = locale_for(lang).toString(when.time(), QLocale.FormatType.ShortFormat) if when else ""
            if error is not None and error.kind is not Kind.SERVER_ERROR:  # the link's, not the server's
                text = (
                    self.tr("The connection broke off: trying again at {time}").format(time=at)
                    if when
                    else self.tr("The connection broke off: trying again later")
                )
            elif when is not None:
                text = self.tr("The server had a problem: trying again at {time}").format(time=at)
            else:
                text = self.tr("The server had a problem: trying again later")
            role = "warning"
        elif state is State.LOCAL_PROBLEM and error is not None and error.kind is Kind.DISK_FULL:
            text, role = (
                self.tr("The laptop's disk is full: sending stopped until you press Send now"),
                "error",
            )
        elif state is State.LOCAL_PROBLEM:
            text, role = (
                self.tr("A problem on this laptop stopped sending: press Send now to try again"),
                "error",
            )
        elif error is not None and error.kind is Kind.PROTOCOL_MISMATCH:
            text, role = self.tr("This version cannot send: install the new one"), "error"
        else:
            text, role = self.tr("Access revoked: connect this laptop again"), "error"
        self.connection.setText("● " + text)
        self.connection.setToolTip(tooltip)
        restyle(self.connection, role)

    def _no_link(self, lang: str, reason: str) -> tuple[str, str]:
        """Offline: says so, and when the next try is (short: the status bar is shared); the
        tooltip says when it was last tried and why it failed."""
        locale = locale_for(lang)
        when = self._sync.next_attempt
        if self._sync.probing:
            text = self.tr("No connection: trying again now…")
        elif when is not None:
            at = locale.toString(when.time(), QLocale.FormatType.ShortFormat)
            text = self.tr("No connection: next try at {time}").format(time=at)
        else:
            text = self.tr("No connection: press Send now to try again")
        tried = self._sync.last_try
        lines = []
        if tried is not None:
            at = locale.toString(tried.time(), QLocale.FormatType.ShortFormat)
            lines.append(self.tr("Tried at {time}: the server could not be reached.").format(time=at))
        if reason:
            lines.append(reason)
        lines.append(self.tr("The records wait on this laptop and go by themselves once it answers."))
        return text, "\n".join(lines)

    def _show_waiting(self) -> None:
        seen = self._seen
        if seen is None:
            self.waiting.setText("")
            return
        depth = seen.depth
        if not depth.records and not depth.photos:
            text = self.tr("Nothing waits to be sent")
        else:  # what waits, and no «0 photos» (nor «0 records» when only photos wait)
            what = [self.tr("%Ln record(s)", "", depth.records)] if depth.records else []
            what += [self.tr("%Ln photo(s)", "", depth.photos)] if depth.photos else []
            text = self.tr("Waiting to be sent: {what}").format(what=", ".join(what))
        if depth.held:
            text += " · " + self.tr("%Ln need(s) attention", "", depth.held)
        if depth.closed:  # nothing to do: they go by themselves once their month is reopened
            text += " · " + self.tr("%Ln wait(s) for a closed month to reopen", "", depth.closed)
        self.waiting.setText(text)

    def _show_last_sync(self) -> None:
        last = self._seen.last_success if self._seen else None
        if last is None:
            self.last_sync.setText(self.tr("Last sync: never"))
            return
        lang = current_language()
        locale = locale_for(lang)
        local = local_moment(last)
        time = locale.toString(local.time(), QLocale.FormatType.ShortFormat)
        if local.date() == datetime.now().astimezone().date():
            self.last_sync.setText(self.tr("Last sync: today {time}").format(time=time))
        else:
            day = local.strftime("%d.%m.%Y")
            self.last_sync.setText(self.tr("Last sync: {date} {time}").format(date=day, time=time))

    def _show_running(self) -> None:
        progress = self._progress
        if progress is None:
            self.bar.setRange(0, 0)  # busy: nothing to measure yet
            self.detail.setText(self.tr("Connecting…"))
            return
        lang = current_language()
        total = max(progress.bytes_total, progress.bytes_done, 1)
        self.bar.setRange(0, 1000)
        self.bar.setValue(int(1000 * progress.bytes_done / total))
        parts = []
        if progress.stage == "pull":
            parts.append(self.tr("Fetching the coordinator's decisions"))
        else:
            parts.append(
                self.tr("Records {done} of {total}").format(
                    done=progress.records_done, total=progress.records_total
                )
            )
            if progress.photos_total:  # the run's totals: what waited when it began
                parts.append(
                    self.tr("photos {done} of {total} ({bytes_done} of {bytes_total})").format(
                        done=progress.photos_done,
                        total=progress.photos_total,
                        bytes_done=format_bytes(progress.photo_bytes_done, lang),
                        bytes_total=format_bytes(progress.photo_bytes_total, lang),
                    )
                )
            if progress.seconds_left is not None and progress.seconds_left >= 1:
                parts.append(self._time_left(progress.seconds_left))
        self.detail.setText(" · ".join(parts))

    def _time_left(self, seconds: float) -> str:
        if seconds < 60:
            return self.tr("about %n second(s) left", "", max(1, round(seconds)))
        return self.tr("about %n minute(s) left", "", round(seconds / 60))
