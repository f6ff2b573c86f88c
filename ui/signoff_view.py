"""The month sign-off chain as a tab: for a chosen month, the caller's own unit (a coordinator's
district, a region user's oblast, the ministry) — signed off or not, what still stands in the way,
the button that signs it off and the one that reopens it with a reason — then the chain around it
(the district, its region and the ministry; or a region's districts; or the ministry's regions) and
the history of sign-offs and reopenings with their reasons.

The chain comes from the server (``GET /api/v1/signoffs``) off the GUI thread; the last one read is
kept in the copy's ``meta`` so the tab still shows it, with its time, when there is no link. A
region user may reopen one of its districts (send it back), a national user one of the regions:
choose its row, then Reopen.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp import signoff_words as words
from fieldapp.i18n import month_name, msg
from fieldapp.kato import Kato
from fieldapp.moments import format_moment
from sync.errors import SyncError
from sync.protocol import Reason, SignoffChain, SignoffLevel, SignoffRequest, SignoffResponse, UnitSignoff
from ui.i18n import current_language
from ui.style import SPACING, set_role
from ui.tasks import Tasks

log = logging.getLogger(__name__)

NATIONAL_UNIT = "000000000"
MONTHS_SHOWN = 12
MIN_REASON = 3
UNIT_ROLE = Qt.ItemDataRole.UserRole + 1

Fetch = Callable[[str], SignoffChain]
Send = Callable[[SignoffRequest], SignoffResponse]


def months_before(today: date, n: int = MONTHS_SHOWN) -> list[str]:
    """The last ``n`` months that are over, newest first (a month is signed off once it is over)."""
    year, month = today.year, today.month
    found = []
    for _ in range(n):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        found.append(f"{year:04d}-{month:02d}")
    return found


class ReopenDialog(QDialog):
    """Asks why the month is reopened: the reason is kept and shown at every level."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reopen the month"))
        self.question = QLabel(
            self.tr("Why is {what} reopened? The reason is kept and shown at every level.").format(what=what)
        )
        self.question.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("For example: Қайнар sent a subbotnik of 28 March late"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(self.tr("Reopen"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(
            lambda: self.ok.setEnabled(len(self.reason.toPlainText().strip()) >= MIN_REASON)
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.buttons)
        self.resize(460, 220)

    def text(self) -> str:
        return self.reason.toPlainText().strip()


class SignoffView(QWidget):
    decided = Signal(object)  # SignoffResponse: the chain changed here

    def __init__(
        self,
        kato: Kato,
        level: SignoffLevel,
        unit: str,
        tasks: Tasks,
        fetch: Fetch,
        send: Send,
        meta: tuple[Callable[[str], str | None], Callable[[str, str], None]] | None = None,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        """``level``/``unit``: the caller's own place in the chain; ``fetch``/``send`` run on a
        worker thread; ``meta``: (read, write) of the copy's small facts, to keep the last chain."""
        super().__init__(parent)
        self.kato, self.level, self.unit, self.tasks = kato, level, unit, tasks
        self._fetch, self._send, self._meta, self._today = fetch, send, meta, today
        self.chain: SignoffChain | None = None
        self.read_at: datetime | None = None
        self.problem: str = ""  # the last refusal or failure, in words
        self.reopen_dialog: ReopenDialog | None = None

        self.month = QComboBox()
        self.month.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for month in months_before(today()):
            self.month.addItem(month, month)
        self.month.currentIndexChanged.connect(lambda _: self.refresh())
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.as_of = set_role(QLabel(), "muted")
        top = QHBoxLayout()
        top.addWidget(self.month)
        top.addWidget(self.refresh_button)
        top.addWidget(self.as_of, 1)

        self.own_box = QFrame()
        self.own_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = set_role(QLabel(), "heading")
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.blockers_label = QLabel()
        self.blockers_label.setWordWrap(True)
        self.problem_label = set_role(QLabel(), "error")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        self.sign_button = QPushButton()
        self.sign_button.clicked.connect(lambda: self.sign())
        self.reopen_button = QPushButton()
        self.reopen_button.clicked.connect(lambda: self.ask_reopen())
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        own = QVBoxLayout(self.own_box)
        own.setContentsMargins(SPACING * 2, SPACING * 2, SPACING * 2, SPACING * 2)
        own.addWidget(self.heading)
        own.addWidget(self.state_label)
        own.addWidget(self.blockers_label)
        own.addWidget(self.problem_label)
        own.addLayout(buttons)
        # What stands in the way is never cut short: the box takes the height its text needs.
        self.own_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        self.chain_title = set_role(QLabel(), "heading")
        self.table = QTableWidget(0, 3)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setMinimumHeight(SPACING * 20)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._show_buttons)
        self.history_title = set_role(QLabel(), "heading")
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history.setAlignment(Qt.AlignmentFlag.AlignTop)

        # In a scroll area: at 150 % on a 768-pixel screen a long list of okrugs still fits.
        inside = QWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inside)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(inside)
        layout.setContentsMargins(SPACING * 2, SPACING * 2, SPACING * 2, SPACING)
        layout.setSpacing(SPACING)
        layout.addLayout(top)
        layout.addWidget(self.own_box)
        layout.addWidget(self.chain_title)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history, 1)
        self.retranslate()
        self.refresh()

    # -- reading ---------------------------------------------------------------------------------------

    @property
    def chosen_month(self) -> str:
        return str(self.month.currentData())

    def refresh(self) -> None:
        month = self.chosen_month
        self.tasks.run(lambda: self._read(month), self._show_read, self._failed)

    def _read(self, month: str) -> tuple[SignoffChain | None, datetime | None, SyncError | None]:
        """On a worker thread: the month's chain from the server (kept for later), or, when the
        server cannot be reached or refuses, the one kept from the last time, with why."""
        try:
            chain = self._fetch(month)
        except SyncError as exc:
            kept, at = self._kept(month)
            return kept, at, exc
        at = datetime.now().astimezone()
        self._keep(chain, at)
        return chain, at, None

    def _keep(self, chain: SignoffChain, at: datetime) -> None:
        if self._meta is not None:
            kept = {"read_at": at.isoformat(), "chain": chain.model_dump(mode="json")}
            self._meta[1](self._meta_key(chain.month), json.dumps(kept, ensure_ascii=False))

    def _kept(self, month: str) -> tuple[SignoffChain | None, datetime | None]:
        if self._meta is None:
            return None, None
        text = self._meta[0](self._meta_key(month))
        if not text:
            return None, None
        try:
            found = json.loads(text)
            return SignoffChain.model_validate(found["chain"]), datetime.fromisoformat(found["read_at"])
        except (ValueError, KeyError, TypeError):
            log.warning("the kept sign-off chain of %s could not be read; it is read again", month)
            return None, None

    def _show_read(self, found: tuple[SignoffChain | None, datetime | None, SyncError | None]) -> None:
        chain, at, problem = found
        if chain is not None and chain.month != self.chosen_month:
            return  # an answer for a month no longer shown
        self.chain, self.read_at = chain, at
        self.problem = self._refusal_text(problem) if problem is not None else ""
        self.retranslate()

    def _meta_key(self, month: str) -> str:
        return f"signoff_chain:{self.unit}:{month}"

    def _failed(self, exc: BaseException) -> None:
        self.problem = self._refusal_text(exc)
        if not isinstance(exc, SyncError):
            log.error("the sign-off chain could not be read or sent", exc_info=exc)
        self.retranslate()

    # -- deciding --------------------------------------------------------------------------------------

    def own(self) -> UnitSignoff | None:
        chain = self.chain
        if chain is None:
            return None
        if self.level is SignoffLevel.NATIONAL:
            return chain.national
        rows = chain.districts if self.level is SignoffLevel.DISTRICT else chain.regions
        return next((row for row in rows if row.unit == self.unit), None)

    def selected_below(self) -> UnitSignoff | None:
        """A row of the level just below the caller's, chosen in the table (to reopen it)."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or self.chain is None:
            return None
        code = self.table.item(rows[0].row(), 0).data(UNIT_ROLE)
        below = {SignoffLevel.REGION: self.chain.districts, SignoffLevel.NATIONAL: self.chain.regions}
        return next((row for row in below.get(self.level, []) if row.unit == code), None)

    def sign(self) -> None:
        self._decide(SignoffRequest(month=self.chosen_month, decision="sign"))

    def ask_reopen(self) -> ReopenDialog | None:
        """Reopen the caller's own month, or (a region's or the ministry's) the chosen row's."""
        target = self.selected_below()
        own = self.own()
        if target is None or not target.signed or (own is not None and own.signed):
            target = own
        if target is None or not target.signed:
            return None
        what = f"{self.place_name(target.unit)}, {month_name(*_ym(self.chosen_month), current_language())}"
        dialog = ReopenDialog(what, self)
        self.reopen_dialog = dialog
        dialog.accepted.connect(lambda: self._reopen(target, dialog.text()))
        dialog.open()
        return dialog

    def _reopen(self, target: UnitSignoff, reason: str) -> None:
        mine = target.unit == self.unit or target.level is self.level
        request = SignoffRequest(
            month=self.chosen_month,
            decision="reopen",
            reason=reason,
            level=None if mine else target.level,
            unit=None if mine else target.unit,
        )
        self._decide(request)

    def _decide(self, request: SignoffRequest) -> None:
        self.sign_button.setEnabled(False)
        self.reopen_button.setEnabled(False)
        self.tasks.run(lambda: self._sent(request), self._decided, self._failed)

    def _sent(self, request: SignoffRequest) -> tuple[SignoffResponse, datetime]:
        answer = self._send(request)
        at = datetime.now().astimezone()
        self._keep(answer.chain, at)
        return answer, at

    def _decided(self, found: tuple[SignoffResponse, datetime]) -> None:
        answer, at = found
        self._show_read((answer.chain, at, None))
        self.decided.emit(answer)

    def _refusal_text(self, exc: BaseException) -> str:
        lang = current_language()
        month = month_name(*_ym(self.chosen_month), lang)
        if isinstance(exc, SyncError) and exc.reason == Reason.NOT_READY.value:
            found = exc.details.get("blockers", {}) if isinstance(exc.details, dict) else {}
            missing = exc.details.get("missing", []) if isinstance(exc.details, dict) else []
            lines = [msg("signoff.refused.not_ready", month=month).text(lang)]
            lines += [m.text(lang) for m in words.blockers(found, missing, self._name_in)]
            return "\n".join(lines)
        if isinstance(exc, SyncError) and exc.reason == Reason.CONFLICT.value:
            above = str(exc.details.get("signed_by", "")) if isinstance(exc.details, dict) else ""
            level = words.level(above).text(lang) if above else ""
            return msg("signoff.refused.signed_above", month=month, level=level).text(lang)
        if isinstance(exc, SyncError):
            return exc.text(lang)
        return self.tr("Something went wrong on this laptop; the log has the details.")

    # -- showing ---------------------------------------------------------------------------------------

    def place_name(self, code: str, lang: str | None = None) -> str:
        return self._name_in(code, lang or current_language())

    def _name_in(self, code: str, lang: str) -> str:
        if code == NATIONAL_UNIT:
            return msg("signoff.country").text(lang)
        place = self.kato.get(code)
        return place.name(lang) if place else code

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        lang = current_language()
        for index in range(self.month.count()):
            self.month.setItemText(index, month_name(*_ym(str(self.month.itemData(index))), lang))
        self.refresh_button.setText(self.tr("Refresh"))
        self.chain_title.setText(self.tr("The chain: district → region → ministry"))
        self.history_title.setText(self.tr("Sign-offs and reopenings"))
        self.table.setHorizontalHeaderLabels([self.tr("Level"), self.tr("Name"), self.tr("State")])
        month = month_name(*_ym(self.chosen_month), lang)
        self.heading.setText(f"{self.place_name(self.unit)} — {month}")
        self.sign_button.setText(self.tr("Sign off {month}").format(month=month))
        self.reopen_button.setText(self.tr("Reopen…"))
        if self.read_at is not None:
            self.as_of.setText(self.tr("As of {moment}").format(moment=format_moment(self.read_at)))
        else:
            self.as_of.setText(self.tr("Not read from the server yet"))
        self.problem_label.setText(self.problem)
        self.problem_label.setVisible(bool(self.problem))
        own = self.own()
        if own is None:
            self.state_label.setText(self.tr("The chain of this month has not been read yet."))
            self.blockers_label.setText("")
        else:
            self.state_label.setText(
                words.state(own.signed, own.signed_by, own.signed_at, not own.blockers).text(lang)
            )
            said = words.blockers(own.blockers, own.missing, self._name_in)
            self.blockers_label.setText("\n".join(f"• {m.text(lang)}" for m in said))
            self.blockers_label.setVisible(bool(said) and not own.signed)
        self._fill_table(lang)
        self._fill_history(lang)
        self._show_buttons()

    def _rows(self) -> list[UnitSignoff]:
        chain = self.chain
        if chain is None:
            return []
        if self.level is SignoffLevel.DISTRICT:
            return [*chain.districts, *chain.regions, chain.national]
        if self.level is SignoffLevel.REGION:
            return [*chain.regions, *chain.districts, chain.national]
        return [chain.national, *chain.regions]

    def _fill_table(self, lang: str) -> None:
        rows = self._rows()
        chosen = self.selected_below()
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            state = words.state(row.signed, row.signed_by, row.signed_at, not row.blockers).text(lang)
            if not row.signed and row.blockers:
                state += " — " + " ".join(
                    m.text(lang) for m in words.blockers(row.blockers, row.missing, self._name_in)
                )
            cells = [words.level(row.level.value).text(lang), self._name_in(row.unit, lang), state]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 0:
                    item.setData(UNIT_ROLE, row.unit)
                self.table.setItem(n, column, item)
            if chosen is not None and row.unit == chosen.unit:
                self.table.selectRow(n)
        self.table.resizeRowsToContents()

    def _fill_history(self, lang: str) -> None:
        chain = self.chain
        if chain is None or not chain.events:
            self.history.setText(self.tr("Nothing has been signed off or reopened for this month yet."))
            return
        lines = [
            words.event(e.action, e.actor, e.at, self._name_in(e.unit, lang), e.reason).text(lang)
            for e in reversed(chain.events)
        ]
        self.history.setText("\n".join(lines))

    def _show_buttons(self) -> None:
        own = self.own()
        below = self.selected_below()
        self.sign_button.setEnabled(own is not None and not own.signed and not own.blockers)
        may_reopen_below = below is not None and below.signed and own is not None and not own.signed
        self.reopen_button.setEnabled(bool(own is not None and own.signed) or may_reopen_below)


def _ym(month: str) -> tuple[int, int]:
    return int(month[:4]), int(month[5:7])
