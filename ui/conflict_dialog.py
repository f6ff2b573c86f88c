"""A record in conflict: this laptop's version and the server's, side by side, field by field.

The differences stand out; for each one the person picks which value to keep (this laptop's by
default), or takes either version whole. Whatever is chosen becomes a new revision made over the
server's, so it goes without a conflict; nothing is lost — both versions stay in the history.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.i18n import translate as domain_text
from fieldapp.kato import Kato
from fieldapp.models import CleanupAction
from fieldapp.outbox import Conflict
from fieldapp.reference import ReferenceData
from fieldapp.units import format_hectares, format_tonnes
from ui.i18n import current_language
from ui.style import SPACING, set_role


class ConflictDialog(QDialog):
    keep = Signal(object)  # CleanupAction: the content to keep, as a new revision over the server's
    take_theirs = Signal()

    def __init__(
        self,
        conflict: Conflict,
        kato: Kato,
        reference: ReferenceData,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.conflict, self.kato, self.reference = conflict, kato, reference
        self.choices: dict[str, QButtonGroup] = {}
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(SPACING * 2)
        self.grid.setVerticalSpacing(SPACING)
        holder = QWidget()
        holder.setLayout(self.grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        self.mine_button = QPushButton()
        self.mine_button.clicked.connect(lambda: self._keep(self.conflict.local))
        self.theirs_button = QPushButton()
        self.theirs_button.clicked.connect(self._take_theirs)
        self.merge_button = QPushButton()
        self.merge_button.setProperty("primary", True)
        self.merge_button.clicked.connect(lambda: self._keep(self.merged()))
        self.later_button = QPushButton()
        self.later_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.later_button)
        buttons.addStretch(1)
        buttons.addWidget(self.theirs_button)
        buttons.addWidget(self.mine_button)
        buttons.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING * 3 // 2)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.resize(860, 560)
        self.retranslate()

    # -- what differs ---------------------------------------------------------------------------------

    def rows(self, lang: str) -> list[tuple[str, str, str, str]]:
        """(key, label, this laptop's value, the server's) for every field of either version."""
        local, server = self.conflict.local, self.conflict.server
        show: dict[str, Callable[[CleanupAction], str]] = {
            "settlement": lambda a: self._place(a.settlement, lang),
            "action_date": lambda a: a.action_date.strftime("%d.%m.%Y"),
            "campaign": lambda a: self._campaign(a.campaign, lang),
            "participants": lambda a: str(a.participants),
            "area_m2": lambda a: format_hectares(a.area_m2, lang) + " " + domain_text("unit.hectares", lang),
            "trees": lambda a: str(a.trees),
            "place": lambda a: a.place,
            "notes": lambda a: a.notes,
            "reporter": lambda a: a.reporter,
            "photos": lambda a: str(len(a.photos)),
            "deleted": lambda a: domain_text("sync.conflict.deleted", lang) if a.deleted else "",
        }
        found = [
            (key, domain_text(f"field.{key}", lang), fn(local), fn(server) if server else "")
            for key, fn in show.items()
        ]
        fractions = sorted(
            {w.fraction for w in local.waste} | {w.fraction for w in (server.waste if server else ())}
        )
        for code in fractions:
            fraction = self.reference.fraction(code)
            name = fraction.name(lang) if fraction else code
            unit = domain_text("unit.tonnes", lang)
            found.append(
                (
                    f"waste.{code}",
                    name,
                    f"{format_tonnes(local.kg_of(code), lang)} {unit}",
                    f"{format_tonnes(server.kg_of(code), lang)} {unit}" if server else "",
                )
            )
        return found

    def merged(self) -> CleanupAction:
        """This laptop's version with the server's value wherever the person chose it."""
        local, server = self.conflict.local, self.conflict.server
        assert server is not None
        data: dict[str, Any] = local.model_dump()
        waste = {w.fraction: w.kg for w in local.waste}
        for key, group in self.choices.items():
            if group.checkedId() != 1:  # 0: this laptop's, 1: the server's
                continue
            if key.startswith("waste."):
                code = key.split(".", 1)[1]
                waste[code] = server.kg_of(code)
            elif key == "photos":
                data["photos"] = server.model_dump()["photos"]
            else:
                data[key] = getattr(server, key)
        data["waste"] = [{"fraction": code, "kg": kg} for code, kg in waste.items() if kg]
        return CleanupAction.model_validate(data)

    # -- texts --------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.mine_button.setToolTip(self.tr("Keep this laptop's version; the server's is replaced"))
        self.theirs_button.setToolTip(self.tr("Take the server's version; this laptop's changes are dropped"))
        self.merge_button.setToolTip(self.tr("Keep the values chosen below, field by field"))
        self.later_button.setToolTip(self.tr("Decide later: the record waits and is not sent"))
        lang = current_language()
        self.setWindowTitle(self.tr("Two versions of one record"))
        server = self.conflict.server
        if server is None:
            self.intro.setText(
                self.tr(
                    "The server has another version of this record, made elsewhere. Its copy has "
                    "not been fetched yet: press «Send now», then open this record again."
                )
            )
        else:
            self.intro.setText(
                self.tr(
                    "The server has another version of this record, made elsewhere (its revision "
                    "{server}). Choose what to keep: the differences are marked. Both versions stay "
                    "in the record's history."
                ).format(server=server.revision)
            )
        self.mine_button.setText(self.tr("Keep this laptop's version"))
        self.theirs_button.setText(self.tr("Take the server's version"))
        self.merge_button.setText(self.tr("Keep the chosen values"))
        self.later_button.setText(self.tr("Decide later"))
        for button in (self.mine_button, self.theirs_button, self.merge_button):
            button.setEnabled(server is not None)
        self._fill(lang)

    def _fill(self, lang: str) -> None:
        chosen = {key: group.checkedId() for key, group in self.choices.items()}
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.choices.clear()
        headers = (self.tr("Field"), self.tr("On this laptop"), self.tr("On the server"))
        for column, title in enumerate(headers):
            self.grid.addWidget(set_role(QLabel(title), "cardTitle"), 0, column)
        shown = [row for row in self.rows(lang) if row[2] or row[3]]  # nothing either side: no row
        for row, (key, label, mine, theirs) in enumerate(shown, start=1):
            differs = self.conflict.server is not None and mine != theirs
            name = QLabel(label)
            self.grid.addWidget(name, row, 0)
            if not differs:
                set_role(name, "muted")
                for column, value in ((1, mine), (2, theirs)):
                    text = set_role(QLabel(value), "muted")
                    text.setWordWrap(True)
                    self.grid.addWidget(text, row, column)
                continue
            set_role(name, "warning")
            group = QButtonGroup(self)
            for column, (value, ident) in enumerate(((mine, 0), (theirs, 1)), start=1):
                choice = QRadioButton(value or "—")
                choice.setToolTip(value)
                group.addButton(choice, ident)
                self.grid.addWidget(choice, row, column)
            group.button(chosen.get(key, 0) if chosen.get(key, 0) in (0, 1) else 0).setChecked(True)
            self.choices[key] = group
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.grid.setRowStretch(self.grid.rowCount(), 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- helpers ------------------------------------------------------------------------------------

    def _place(self, code: str, lang: str) -> str:
        place = self.kato.get(code)
        return place.name(lang) if place else code

    def _campaign(self, code: str, lang: str) -> str:
        campaign = self.reference.campaign(code)
        return campaign.name(lang) if campaign else code

    def _keep(self, content: CleanupAction) -> None:
        self.keep.emit(content)
        self.accept()

    def _take_theirs(self) -> None:
        self.take_theirs.emit()
        self.accept()
