"""Picking a settlement of the laptop's okrug, by typing part of its name in Kazakh or Russian.

An editable combo: the list holds the okrug's settlements (each shown in the window's language
with the other language's name beside it); typing narrows it with the classifier's search, which
folds Kazakh letters and ignores abbreviations, so "еркин", "Еркін" and "с.Еркин" all find
«Еркін а.». :meth:`code` is the chosen settlement, or "" while the text matches none.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from fieldapp.kato import SETTLEMENT_LEVELS, Kato, Place
from ui.i18n import current_language

SEARCH_LIMIT = 30


def label(place: Place, lang: str) -> str:
    """«Еркін а. (с.Еркин)» in Kazakh, «с.Еркин (Еркін а.)» in Russian and English."""
    first, second = (place.name_kk, place.name_ru) if lang == "kk" else (place.name_ru, place.name_kk)
    return first if first == second else f"{first} ({second})"


class SettlementBox(QComboBox):
    chosen = Signal(str)  # the code, or "" when the text matches no settlement

    def __init__(self, kato: Kato, okrug: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kato, self._okrug = kato, okrug
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self._places = kato.settlements(okrug)
        self._matches = QStringListModel(self)
        completer = QCompleter(self._matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated.connect(self._pick_text)
        self.setCompleter(completer)
        self._fill()
        self.lineEdit().textEdited.connect(self._narrow)
        self.currentIndexChanged.connect(lambda _: self.chosen.emit(self.code()))
        self.lineEdit().editingFinished.connect(lambda: self.chosen.emit(self.code()))

    def _fill(self) -> None:
        code = self.code()
        lang = current_language()
        self.blockSignals(True)
        self.clear()
        for place in self._places:
            self.addItem(label(place, lang), place.code)
        self.setCurrentIndex(self.findData(code) if code else -1)
        if not code:
            self.setEditText("")
        self.blockSignals(False)

    def _narrow(self, text: str) -> None:
        if not text.strip():
            self._matches.setStringList([])
            return
        lang = current_language()
        found = self._kato.search(text, within=self._okrug, levels=SETTLEMENT_LEVELS, limit=SEARCH_LIMIT)
        self._matches.setStringList([label(place, lang) for place in found])

    def _pick_text(self, text: str) -> None:
        index = self.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            self.setCurrentIndex(index)
            self.chosen.emit(self.code())

    def code(self) -> str:
        """The chosen settlement's KATO code; "" when the typed text is not one of the list."""
        index = self.currentIndex()
        if index < 0 or self.currentText() != self.itemText(index):
            index = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
        return self.itemData(index) if index >= 0 else ""

    def set_code(self, code: str) -> None:
        self.setCurrentIndex(self.findData(code))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._fill()
        super().changeEvent(event)
