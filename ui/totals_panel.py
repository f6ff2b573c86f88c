"""The side panel: this month's and this year's figures for the okrug, as the national report
counts them (actions, participants, tonnes with the main fractions, hectares, trees)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from fieldapp.i18n import count
from fieldapp.i18n import translate as domain_text
from fieldapp.numbers import format_int
from fieldapp.queries import Period, Totals
from fieldapp.reference import ReferenceData
from fieldapp.store import Store
from fieldapp.units import format_hectares, format_tonnes
from ui.failures import LoadFailed
from ui.filter_bar import month_name
from ui.i18n import current_language
from ui.style import SPACING, set_role
from ui.tasks import Tasks

TOP_FRACTIONS = 4  # the fractions listed under the year's tonnes


class FiguresCard(QFrame):
    """A titled card with five figures and, optionally, tonnes by fraction."""

    def __init__(self, with_fractions: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "card")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = set_role(QLabel(), "cardTitle")
        self._values: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        self._caption_for: Callable[[str, int], str] = lambda key, number: ""
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACING * 2)
        grid.setVerticalSpacing(SPACING // 2)
        for i, key in enumerate(("actions", "participants", "tonnes", "hectares", "trees")):
            value = set_role(QLabel("—"), "figure")
            caption = set_role(QLabel(), "muted")
            caption.setWordWrap(True)
            grid.addWidget(value, i, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(caption, i, 1)
            self._values[key], self._captions[key] = value, caption
        grid.setColumnStretch(1, 1)
        self.fractions = set_role(QLabel(), "muted") if with_fractions else None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING * 2, SPACING * 3 // 2, SPACING * 2, SPACING * 2)
        layout.setSpacing(SPACING)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        if self.fractions is not None:
            self.fractions.setWordWrap(True)
            layout.addWidget(self.fractions)

    def set_captions(self, captions: Callable[[str, int], str]) -> None:
        """``captions(key, number)``: the word under a figure, in the form its number takes."""
        self._caption_for = captions

    def show_totals(
        self, totals: Totals | None, reference: ReferenceData, fraction_label: str, other_name: str = ""
    ) -> None:
        lang = current_language()
        t = totals or Totals(group={}, actions=0, participants=0, area_m2=0, trees=0)
        self._values["actions"].setText(format_int(t.actions, lang))
        self._values["participants"].setText(format_int(t.participants, lang))
        self._values["tonnes"].setText(format_tonnes(round(t.total_kg, -1), lang))
        self._values["hectares"].setText(format_hectares(round(t.area_m2, -2), lang))
        self._values["trees"].setText(format_int(t.trees, lang))
        counts = {"actions": t.actions, "participants": t.participants, "trees": t.trees}
        for key, caption in self._captions.items():
            caption.setText(self._caption_for(key, counts.get(key, 0)))
        if self.fractions is not None:
            lines = []
            for code, kg in fraction_lines(t.kg_by_fraction, round(t.total_kg, -1)):
                fraction = reference.fraction(code) if code else None
                name = fraction.name(lang) if fraction else (code or other_name)
                lines.append(fraction_label.format(name=name, tonnes=format_tonnes(kg, lang)))
            self.fractions.setText("\n".join(lines))
            self.fractions.setVisible(bool(lines))


def fraction_lines(
    kg_by_fraction: dict[str, int], shown_total_kg: int, step: int = 10
) -> list[tuple[str, int]]:
    """The biggest fractions and, when there are more, one line for the rest (code ``""``), each
    rounded to ``step`` kg as the total above them is, so that the lines add up to the total shown:
    the remainders go to the lines that lost most in rounding (largest remainder)."""
    ordered = sorted(kg_by_fraction.items(), key=lambda item: (-item[1], item[0]))
    parts = ordered[:TOP_FRACTIONS]
    rest = sum(kg for _, kg in ordered[TOP_FRACTIONS:])
    if rest:
        parts.append(("", rest))
    floors = [kg // step for _, kg in parts]
    missing = shown_total_kg // step - sum(floors)
    by_remainder = sorted(range(len(parts)), key=lambda i: -(parts[i][1] % step))
    for i in by_remainder[: max(0, missing)]:
        floors[i] += 1
    return [(code, units * step) for (code, _), units in zip(parts, floors, strict=True)]


class TotalsPanel(QWidget):
    summary_changed = Signal(str)  # one line, for narrow windows where the panel is hidden

    def __init__(
        self,
        store: Store,
        reference: ReferenceData,
        tasks: Tasks,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._store, self._reference, self._tasks = store, reference, tasks
        self._today = today or date.today()
        self._month: Totals | None = None
        self._year: Totals | None = None
        self.heading = set_role(QLabel(), "sectionTitle")
        self.month_card = FiguresCard(with_fractions=False)
        self.year_card = FiguresCard(with_fractions=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING * 3 // 2)
        self.load_failed = LoadFailed(self.refresh)
        layout.addWidget(self.heading)
        layout.addWidget(self.load_failed)
        layout.addWidget(self.month_card)
        layout.addWidget(self.year_card)
        layout.addStretch(1)
        self.retranslate()

    def refresh(self) -> None:
        """Recount off the GUI thread (after a save, at start)."""
        store, today = self._store, self._today

        def count() -> tuple[Totals | None, Totals | None]:
            month = store.totals(Period.month(today.year, today.month), group_by=())
            year = store.totals(Period.year(today.year), group_by=())
            return (month[0] if month else None), (year[0] if year else None)

        self._tasks.run(count, on_done=self._show, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.load_failed.failed(exc)
        # Folded into one line (a narrow window), the panel and its box are hidden: the line says it.
        self.summary_changed.emit(self.load_failed.label.text())

    def _show(self, result: tuple[Totals | None, Totals | None]) -> None:
        self.load_failed.loaded()
        self._month, self._year = result
        self._render()

    def _render(self) -> None:
        label = self.tr("{name}: {tonnes} t")
        other = self.tr("Other fractions")
        self.month_card.show_totals(self._month, self._reference, label, other)
        self.year_card.show_totals(self._year, self._reference, label, other)
        self.summary_changed.emit(self.summary())

    def _caption(self, key: str, number: int) -> str:
        """The word under a figure: its plural form for a count («1 акция», «5 акций»); the units of
        tonnes and hectares (their figures have decimals) do not change with the number."""
        if key in ("actions", "participants", "trees"):
            return domain_text(f"noun.{key}", current_language(), count=number)
        if key == "tonnes":
            return self.tr("t collected")
        return self.tr("ha cleaned")

    def summary(self) -> str:
        """«This year: 77 actions · 3,666 participants · 591.91 t · 571.56 ha · 1,197 trees» (the counts
        in their plural forms, «Этот год: 77 акций · 3 666 участников»)."""
        lang = current_language()
        t = self._year or Totals(group={}, actions=0, participants=0, area_m2=0, trees=0)
        return self.tr("This year: {actions} · {participants} · {tonnes} t · {hectares} ha · {trees}").format(
            actions=count("actions", t.actions).text(lang),
            participants=count("participants", t.participants).text(lang),
            tonnes=format_tonnes(round(t.total_kg, -1), lang),
            hectares=format_hectares(round(t.area_m2, -2), lang),
            trees=count("trees", t.trees).text(lang),
        )

    def retranslate(self) -> None:
        lang = current_language()
        self.heading.setText(self.tr("Okrug totals"))
        self.month_card.title.setText(
            self.tr("This month — {month}").format(
                month=month_name(self._today.year, self._today.month, lang)
            )
        )
        self.year_card.title.setText(self.tr("This year — {year}").format(year=self._today.year))
        self.month_card.set_captions(self._caption)
        self.year_card.set_captions(self._caption)
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
