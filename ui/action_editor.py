"""What the action form does: check what was typed, ask about warnings and likely duplicates,
and save — off the GUI thread — as a new record or the next revision of the one being edited."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from shiboken6 import isValid

from fieldapp.entry import ActionEntry, build_action
from fieldapp.i18n import FieldAppError, msg
from fieldapp.i18n import translate as domain_text
from fieldapp.kato import Kato
from fieldapp.models import CleanupAction, Status
from fieldapp.outbox import month_name_of
from fieldapp.queries import ActionSummary, short_id
from fieldapp.reference import ReferenceData
from fieldapp.store import Store
from fieldapp.validation import Context, Issue, Report
from ui.action_dialog import ActionDialog
from ui.i18n import current_language
from ui.record_view import DuplicateQuestion, RecordView
from ui.tasks import Tasks

log = logging.getLogger(__name__)


class Prompts:
    """The questions the editor asks. Tests replace them; the app shows message boxes."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def _ask(self, title: str, text: str, details: list[str], yes: str, no: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self._parent)
        box.setInformativeText("\n".join(f"• {line}" for line in details))
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no_button)
        box.exec()
        return box.clickedButton() is yes_button

    def confirm_warnings(self, warnings: list[str]) -> bool:
        return self._ask(
            QCoreApplication.translate("Prompts", "Please check"),
            QCoreApplication.translate("Prompts", "Some figures look unusual. Save anyway?"),
            warnings,
            QCoreApplication.translate("Prompts", "Save anyway"),
            QCoreApplication.translate("Prompts", "Go back and check"),
        )

    def confirm_duplicate(
        self, others: list[str], open_other: Callable[[int, QWidget], None] | None = None
    ) -> bool:
        """Each other record is a link: ``open_other(index, over)`` shows it above the question."""
        question = DuplicateQuestion(
            QCoreApplication.translate("Prompts", "Possible duplicate"),
            QCoreApplication.translate(
                "Prompts",
                "This settlement already has a record of this campaign on this day at this place. "
                "Is this a different clean-up?",
            ),
            others,
            QCoreApplication.translate("Prompts", "Yes, save it too"),
            QCoreApplication.translate("Prompts", "Go back"),
            open_other,
            self._parent,
        )
        try:
            return question.exec() == QDialog.DialogCode.Accepted
        finally:
            question.deleteLater()

    def confirm_resubmit(self) -> bool:
        return self._ask(
            QCoreApplication.translate("Prompts", "Accepted record"),
            QCoreApplication.translate(
                "Prompts",
                "The coordinator has accepted this record. If you change it, it goes to review again.",
            ),
            [],
            QCoreApplication.translate("Prompts", "Change it"),
            QCoreApplication.translate("Prompts", "Keep it as it is"),
        )

    def confirm_discard(self) -> bool:
        return self._ask(
            QCoreApplication.translate("Prompts", "Close the form"),
            QCoreApplication.translate("Prompts", "Close without saving? What you typed will be lost."),
            [],
            QCoreApplication.translate("Prompts", "Close without saving"),
            QCoreApplication.translate("Prompts", "Keep editing"),
        )


class ActionEditor(QObject):
    """Drives one :class:`ActionDialog` for a new record or the next revision of ``base``."""

    saved = Signal(object)  # the CleanupAction as stored

    def __init__(
        self,
        dialog: ActionDialog,
        store: Store,
        kato: Kato,
        reference: ReferenceData,
        tasks: Tasks,
        okrug: str,
        *,
        base: CleanupAction | None = None,
        reporter: str = "",
        prompts: Prompts | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(dialog)
        self.dialog, self._store, self._kato, self._reference = dialog, store, kato, reference
        self._tasks, self._okrug, self._base, self._today = tasks, okrug, base, today
        self.prompts = prompts or Prompts(dialog)
        self._saving = False
        self.other_view: RecordView | None = None  # the other record a duplicate warning opened
        dialog.set_title(editing=base is not None)
        entry = ActionEntry.from_action(base, current_language()) if base else ActionEntry(reporter=reporter)
        dialog.load(entry)
        self._loaded = dialog.entry(entry.status)
        self._closed = store.closed_months()  # signed off, as the last sync learned: read once
        self._show_banner()
        self._checked_as = Status.DRAFT  # what a save was last asked as: re-checks judge the same way
        self._photo_days: dict[str, date] = {}  # when the photos were taken, as read at the last Save
        dialog.save_requested.connect(self.save)
        dialog.field_changed.connect(self.recheck)
        dialog.history_requested.connect(self.show_history)
        dialog.discard_requested.connect(self.discard)
        dialog.photos.busy_changed.connect(lambda busy: dialog.set_busy(busy or self._saving))
        dialog.action_date.dateChanged.connect(lambda *_: self._show_banner())

    def _show_banner(self) -> None:
        """What the form says above the fields: the record's state, and that a record dated in a
        signed-off month is saved here but waits to be sent until the month is reopened."""
        texts = [self._banner()]
        day = self.dialog.action_date.value()
        month = day.isoformat()[:7] if isinstance(day, date) else ""
        was = self._base.action_date.isoformat()[:7] if self._base is not None else ""
        month = was if was in self._closed else month  # moving it out of a closed month changes it too
        if month in self._closed:
            texts.append(
                msg("sync.month_closed.on_save", month=month_name_of(month)).text(current_language())
            )
        self.dialog.set_banner("\n".join(t for t in texts if t))

    def _banner(self) -> str:
        if self._base is None:
            return ""
        if self._base.status is Status.RETURNED:
            comment = self._base.review_comment or QCoreApplication.translate("ActionEditor", "(no comment)")
            return QCoreApplication.translate(
                "ActionEditor",
                "The coordinator returned this record: «{comment}». Correct it and save it as ready to send.",
            ).format(comment=comment)
        if self._base.status is Status.ACCEPTED:
            return QCoreApplication.translate("ActionEditor", "The coordinator has accepted this record.")
        if self._base.status is Status.SENT:
            return QCoreApplication.translate(
                "ActionEditor", "This record has been sent. Saving a change sends the new version."
            )
        return ""

    # -- saving ------------------------------------------------------------------------------------

    def save(self, status: Status) -> None:
        if self._saving or self.dialog.photos.is_busy():
            return
        lang = current_language()
        self._checked_as = status
        self._photo_days = self._photo_dates()
        action, report = self._check(status)
        self.dialog.show_report(report)
        if action is None:
            return
        if report.warnings and not self.prompts.confirm_warnings([w.text(lang) for w in report.warnings]):
            return
        others = self._store.same_day_actions(
            action.settlement, action.action_date, action.campaign, exclude=action.id, place=action.place
        )
        if others and not self.prompts.confirm_duplicate(
            [self._describe(o) for o in others], lambda index, over: self._show_other(others[index], over)
        ):
            return
        accepted = self._base is not None and self._base.status is Status.ACCEPTED
        if accepted and not self.prompts.confirm_resubmit():
            return
        self._write(action)

    def _check(self, status: Status) -> tuple[CleanupAction | None, Report]:
        ctx = Context(
            self._kato,
            self._reference,
            self._today(),
            device_okrug=self._okrug,
            photo_dates=self._photo_days,
        )
        action, report = build_action(
            self.dialog.entry(status), ctx, current_language(), okrug=self._okrug, base=self._base
        )
        if self.dialog.settlement_typed_but_unknown():
            report.issues = [i for i in report.issues if i.field != "settlement"]
            report.issues.insert(0, Issue("settlement", msg("place.choose_from_list")))
            action = None
        return action, report

    def recheck(self, name: str, left: bool) -> None:
        """A field changed or was left: what the form shows as wrong is checked again (all of it is
        read in memory: no disk, no waiting; the photos' days are those read at the last Save)."""
        if self._saving:
            return
        _, report = self._check(self._checked_as)
        self.dialog.recheck(report, name, left)
        if name == "action_date":
            self._show_banner()

    def _photo_dates(self) -> dict[str, date]:
        """When the form's photos were taken: the new ones from their files, the others as stored
        (a few rows of the photos table, read as the same-day check below reads)."""
        cards = self.dialog.photos.cards()
        known = {c.sha256: c.info.taken_at.date() for c in cards if c.info and c.info.taken_at}
        return known | self._store.photo_dates(c.sha256 for c in cards if c.sha256 not in known)

    def _describe(self, other: ActionSummary) -> str:
        lang = current_language()
        people = self.tr("%n participant(s)", "", other.participants)
        status = domain_text(f"status.{other.status.value}", lang)
        return f"{other.action_date:%d.%m.%Y} · {people} · {status} · {short_id(other.id)}"

    def _show_other(self, other: ActionSummary, over: QWidget) -> None:
        """The other record a duplicate warning names, read only, above the question."""
        store = self._store

        def shown(record: CleanupAction | None) -> None:
            if record is None or not isValid(over):
                return
            view = RecordView(record, self._kato, self._reference, over)
            view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.other_view = view
            view.open()

        def failed(exc: BaseException) -> None:
            log.error("the other record cannot be shown", exc_info=exc)
            if isValid(over):
                QMessageBox.warning(
                    over,
                    QCoreApplication.translate("Prompts", "Possible duplicate"),
                    QCoreApplication.translate("ActionEditor", "The record cannot be shown: {error}").format(
                        error=str(exc) or type(exc).__name__
                    ),
                )

        self._tasks.run(lambda: store.get(other.id), shown, failed)

    def _write(self, action: CleanupAction) -> None:
        self._saving = True
        self.dialog.set_busy(True)
        photos = self.dialog.photos.new_photos()
        kept = {ref.sha256 for ref in action.photos}
        new = [p for p in photos if p.sha256 in kept]
        store = self._store
        self._tasks.run(lambda: store.save(action, new), on_done=self._written, on_error=self._failed)

    def _written(self, action: CleanupAction) -> None:
        self._saving = False
        self.saved.emit(action)
        self.dialog.close_without_asking()
        self.dialog.setResult(1)

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.dialog.set_busy(False)
        if isinstance(exc, FieldAppError):
            self.dialog.show_error(exc.text(current_language()))
        else:
            log.error("saving a record failed", exc_info=exc)
            self.dialog.show_error(
                QCoreApplication.translate(
                    "ActionEditor", "The record could not be saved: {error}. Nothing was changed."
                ).format(error=str(exc))
            )

    # -- the record's history -----------------------------------------------------------------------

    def show_history(self) -> None:
        """The record's stored history in a window of its own, read off the GUI thread."""
        if self._base is None:
            return
        store, action_id = self._store, self._base.id

        def shown(entries) -> None:  # type: ignore[no-untyped-def]
            from ui.history_dialog import HistoryDialog

            self.history = HistoryDialog(entries, self.dialog)
            self.history.finished.connect(lambda _: self.history.deleteLater())
            self.history.open()

        self._tasks.run(lambda: store.history(action_id), shown, self._failed)

    # -- closing -----------------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        now = self.dialog.entry(self._loaded.status)
        return now != self._loaded or bool(self.dialog.photos.new_photos())

    def discard(self) -> None:
        if self._saving:
            return
        if not self.is_dirty() or self.prompts.confirm_discard():
            self.dialog.close_without_asking()
