"""The first-run dialog: which rural okrug this laptop reports for.

Until devices are enrolled by the server, this is how a laptop gets its okrug. The user finds it by
name (Kazakh or Russian) or walks down region → district → okrug; a card then confirms the choice
with its district, region and first settlements. The language can be switched right here, because
a new user may not read the language the app happened to start in.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, QSize, Qt
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStackedLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.kato import Kato, Level, Place
from ui.i18n import LANGUAGE_NAMES, Translations, current_language
from ui.style import SPACING, set_role

SEARCH_LIMIT = 50  # results listed; a longer list means the name typed is too short to choose by
SETTLEMENTS_SHOWN = 4  # how many settlements the confirmation card names
WIDTH = 70 * SPACING  # compact: fits a 1366×768 screen at 150 % (910×512 logical)
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_CODE = Qt.ItemDataRole.UserRole


class OkrugDialog(QDialog):
    """Asks which rural okrug this laptop reports for; :meth:`okrug` gives its KATO code."""

    def __init__(
        self,
        kato: Kato,
        translations: Translations | None = None,
        current: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._kato = kato
        self._translations = translations
        self._cancelled = False
        self.coordinator = False
        self._build()
        self._connect()
        self.retranslate()
        self._select(current)
        self.search_edit.setFocus()

    # --- what the caller asks ---

    def okrug(self) -> str | None:
        """The chosen okrug's KATO code; None until one is chosen, and after Cancel."""
        return None if self._cancelled or self.coordinator else self.okrug_combo.currentData()

    def choose_coordinator(self) -> None:
        """Not a village's laptop: a district coordinator's (who logs in instead)."""
        self.coordinator = True
        self.accept()

    def reject(self) -> None:
        self._cancelled = True
        super().reject()

    def sizeHint(self) -> QSize:
        """Its set width, and the height the texts need at that width (not at the narrowest)."""
        height = self.layout().totalHeightForWidth(WIDTH)
        return QSize(WIDTH, max(height, self.minimumSizeHint().height()))

    # --- layout ---

    def _build(self) -> None:
        self.setMinimumWidth(WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2 * SPACING, 2 * SPACING, 2 * SPACING, 2 * SPACING)
        layout.setSpacing(SPACING)
        layout.addLayout(self._build_header())
        self.intro_label = set_role(_wrapping_label(), "muted")
        layout.addWidget(self.intro_label)
        layout.addLayout(self._build_search())
        self.pages = QStackedWidget()
        self.picker_page = self._build_picker()
        self.results_page = self._build_results()
        self.pages.addWidget(self.picker_page)
        self.pages.addWidget(self.results_page)
        layout.addWidget(self.pages, 1)
        buttons = self._build_buttons()
        layout.addWidget(self.coordinator_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        self.heading_label = QLabel()
        self.heading_label.setFont(_heading_font(self.heading_label.font()))
        self.language_label = QLabel()
        self.language_combo = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        self.language_label.setBuddy(self.language_combo)
        row.addWidget(self.heading_label, 1)
        row.addWidget(self.language_label)
        row.addWidget(self.language_combo)
        self._show_language_choice(self._translations is not None)
        return row

    def _build_search(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(SPACING)
        self.search_label = _section_title()
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search_edit)
        column.addWidget(self.search_label)
        column.addWidget(self.search_edit)
        return column

    def _build_picker(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING)
        self.picker_label = _section_title()
        column.addWidget(self.picker_label)
        form = QFormLayout()
        form.setHorizontalSpacing(2 * SPACING)
        form.setVerticalSpacing(SPACING)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.region_label, self.region_combo = _place_row(form)
        self.district_label, self.district_combo = _place_row(form)
        self.okrug_label, self.okrug_combo = _place_row(form)
        column.addLayout(form)
        column.addWidget(self._build_card())
        column.addStretch(1)
        return page

    def _build_card(self) -> QFrame:
        card = set_role(QFrame(), "card")
        self.card_pages = QStackedLayout(card)
        self.card_pages.setContentsMargins(0, 0, 0, 0)
        self.card_pages.addWidget(self._build_card_hint())
        self.card_pages.addWidget(self._build_card_choice())
        return card

    def _build_card_hint(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(2 * SPACING, 2 * SPACING, 2 * SPACING, 2 * SPACING)
        self.hint_label = set_role(_wrapping_label(), "muted")
        self.no_okrugs_label = set_role(_wrapping_label(), "warning")
        column.addWidget(self.hint_label)
        column.addWidget(self.no_okrugs_label)
        column.addStretch(1)
        return page

    def _build_card_choice(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(2 * SPACING, 2 * SPACING, 2 * SPACING, 2 * SPACING)
        column.setSpacing(SPACING)
        title_row = QHBoxLayout()
        self.okrug_title = set_role(_wrapping_label(), "cardTitle")
        self.kato_code_label = set_role(QLabel(), "muted")
        title_row.addWidget(self.okrug_title, 1)
        title_row.addWidget(self.kato_code_label, 0, Qt.AlignmentFlag.AlignTop)
        self.okrug_place_label = _wrapping_label()
        self.settlements_label = set_role(_wrapping_label(), "muted")
        column.addLayout(title_row)
        column.addWidget(self.okrug_place_label)
        column.addWidget(self.settlements_label)
        column.addStretch(1)
        return page

    def _build_results(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING)
        self.results_list = QListWidget()
        self.results_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        # as tall as the lists and the card it stands in for: its own liking would grow the dialog
        self.results_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.results_status = set_role(_wrapping_label(), "muted")
        column.addWidget(self.results_list, 1)
        column.addWidget(self.results_status)
        return page

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        # A link, so that it reads as something to click, not as a caption (a flat button did not).
        self.coordinator_button = set_role(QPushButton(), "link")
        self.coordinator_button.setAutoDefault(False)  # Enter never means «I am a coordinator»
        self.coordinator_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.coordinator_button.clicked.connect(self.choose_coordinator)
        self.ok_button = QPushButton()
        self.ok_button.setProperty("primary", True)
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton()
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _connect(self) -> None:
        self.language_combo.activated.connect(self._on_language_chosen)
        self.region_combo.currentIndexChanged.connect(self._on_region_changed)
        self.district_combo.currentIndexChanged.connect(self._on_district_changed)
        self.okrug_combo.currentIndexChanged.connect(self._show_choice)
        self.search_edit.textChanged.connect(self._on_search_changed)
        self.results_list.itemClicked.connect(self._pick_item)
        self.search_edit.installEventFilter(self)
        self.results_list.installEventFilter(self)

    # --- language ---

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every text again, in the current language, place names included; the choice stays."""
        self.search_edit.setToolTip(
            self.tr("Type a part of the rural okrug's or the district's name, in Kazakh or Russian")
        )
        self.coordinator_button.setToolTip(
            self.tr("For district coordinators: log in to review the district's records instead")
        )
        self.setWindowTitle(self.tr("Your rural okrug"))
        self.heading_label.setText(self.tr("Welcome to Taza Field"))
        self.intro_label.setText(
            self.tr(
                "Which rural okrug does this laptop report for? Until the first record is saved, you can "
                "change it in the Actions menu."
            )
        )
        self.language_label.setText(self.tr("Language"))
        self.search_label.setText(self.tr("Find your okrug by name"))
        self.search_edit.setPlaceholderText(self.tr("Type the name in Kazakh or Russian, e.g. Қайнар"))
        self.picker_label.setText(self.tr("Or choose it from the lists"))
        self.region_label.setText(self.tr("Region"))
        self.district_label.setText(self.tr("District"))
        self.okrug_label.setText(self.tr("Rural okrug"))
        self.hint_label.setText(self.tr("Your okrug will be shown here once you choose it."))
        self.ok_button.setText(self.tr("Use this okrug"))
        self.coordinator_button.setText(self.tr("I am a district coordinator"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._select_language(current_language())
        self._refill_places()
        self._show_choice()
        if self._searching():
            self._show_results()
        self._fit_texts()

    def _fit_texts(self) -> None:
        """Never shorter than the texts need at the narrowest (another language may need more
        lines): Qt would squeeze the labels rather than grow the window."""
        self.setMinimumHeight(self.layout().totalHeightForWidth(WIDTH))

    def showEvent(self, event: QShowEvent) -> None:
        self._fit_texts()  # now that the stylesheet's fonts are in
        super().showEvent(event)

    def _show_language_choice(self, shown: bool) -> None:
        self.language_label.setVisible(shown)
        self.language_combo.setVisible(shown)

    def _select_language(self, lang: str) -> None:
        with QSignalBlocker(self.language_combo):
            self.language_combo.setCurrentIndex(self.language_combo.findData(lang))

    def _on_language_chosen(self, index: int) -> None:
        lang = self.language_combo.itemData(index)
        if self._translations is not None and lang != self._translations.lang:
            self._translations.apply(lang)

    # --- region → district → okrug ---

    def _region_code(self) -> str | None:
        return self.region_combo.currentData()

    def _district_code(self) -> str | None:
        return self.district_combo.currentData()

    def _okrug_code(self) -> str | None:
        return self.okrug_combo.currentData()

    def _refill_places(self) -> None:
        region, district, okrug = self._region_code(), self._district_code(), self._okrug_code()
        _fill(self.region_combo, self._kato.regions(), region)
        _fill(self.district_combo, self._district_choices(region), district)
        _fill(self.okrug_combo, self._okrug_choices(district), okrug)

    def _district_choices(self, region: str | None) -> list[Place]:
        """The region's districts, or none when there is no okrug in any of them (the big cities)."""
        if region is None or not self._has_okrugs(region):
            return []
        return self._kato.districts(region)

    def _okrug_choices(self, district: str | None) -> list[Place]:
        return self._kato.okrugs(district) if district is not None else []

    def _has_okrugs(self, region: str) -> bool:
        return any(self._kato.okrugs(district.code) for district in self._kato.districts(region))

    def _on_region_changed(self) -> None:
        _fill(self.district_combo, self._district_choices(self._region_code()))
        _fill(self.okrug_combo, [])
        self._show_choice()

    def _on_district_changed(self) -> None:
        _fill(self.okrug_combo, self._okrug_choices(self._district_code()))
        self._show_choice()

    def _select(self, code: str | None) -> None:
        """Set the three combos to the okrug ``code`` (or the okrug a settlement ``code`` is in)."""
        okrug = self._kato.okrug_of(code) if code else None
        district = self._kato.district_of(okrug.code) if okrug else None
        if okrug is None or district is None or district.parent_code is None:
            return
        for combo, wanted in (
            (self.region_combo, district.parent_code),
            (self.district_combo, district.code),
            (self.okrug_combo, okrug.code),
        ):
            combo.setCurrentIndex(combo.findData(wanted))

    # --- the card: what is chosen, or why nothing can be ---

    def _show_choice(self) -> None:
        okrug, city = self._okrug_code(), self._region_without_okrugs()
        self.ok_button.setEnabled(okrug is not None)
        self._show_placeholders(no_okrugs=city is not None)
        if okrug is not None:
            self._show_okrug(self._kato[okrug])
        else:
            self._show_hint(city)

    def _region_without_okrugs(self) -> Place | None:
        """The chosen region if it has no rural okrugs (the cities Astana, Almaty, Shymkent)."""
        region = self._region_code()
        return self._kato[region] if region is not None and not self._has_okrugs(region) else None

    def _show_placeholders(self, *, no_okrugs: bool) -> None:
        self.region_combo.setPlaceholderText(self.tr("Choose a region…"))
        self.district_combo.setPlaceholderText(
            self.tr("No rural okrugs") if no_okrugs else self.tr("Choose a district…")
        )
        self.okrug_combo.setPlaceholderText(
            self.tr("No rural okrugs") if no_okrugs else self.tr("Choose an okrug…")
        )

    def _show_hint(self, region_without_okrugs: Place | None) -> None:
        self.card_pages.setCurrentIndex(0)
        self.hint_label.setVisible(region_without_okrugs is None)
        self.no_okrugs_label.setVisible(region_without_okrugs is not None)
        if region_without_okrugs is not None:
            self.no_okrugs_label.setText(
                self.tr(
                    "{region} has no rural okrugs, only city districts. Choose the region your okrug is in."
                ).format(region=region_without_okrugs.name(current_language()))
            )

    def _show_okrug(self, okrug: Place) -> None:
        lang = current_language()
        self.card_pages.setCurrentIndex(1)
        self.okrug_title.setText(okrug.name(lang))
        self.kato_code_label.setText(self.tr("KATO {code}").format(code=okrug.code))
        self.okrug_place_label.setText(self._whereabouts(okrug, lang))
        self.settlements_label.setText(self._settlements_line(okrug, lang))

    def _whereabouts(self, place: Place, lang: str) -> str:
        """``"Талғар ауданы, Алматы облысы"``: the district and region a place lies in."""
        return ", ".join(ancestor.name(lang) for ancestor in self._kato.ancestors(place.code))

    def _settlements_line(self, okrug: Place, lang: str) -> str:
        settlements = self._kato.settlements(okrug.code)
        if not settlements:
            return self.tr("KATO lists no settlements under it.")
        names = [place.name(lang) for place in settlements[:SETTLEMENTS_SHOWN]]
        if len(settlements) > SETTLEMENTS_SHOWN:
            names.append("…")
        return self.tr("%n settlement(s): {names}", "", len(settlements)).format(names=", ".join(names))

    # --- search ---

    def _searching(self) -> bool:
        return bool(self.search_edit.text().strip())

    def _on_search_changed(self) -> None:
        """Results while there is something to search for; the lists and the card otherwise.

        The results stay in the hidden list until the next search: choosing one clears the search
        box from inside the list's own click or key handler, which must not delete its items.
        """
        searching = self._searching()
        self.pages.setCurrentWidget(self.results_page if searching else self.picker_page)
        if searching:
            self._show_results()

    def _show_results(self) -> None:
        """List the okrugs matching the search box, the first one highlighted."""
        query = self.search_edit.text().strip()
        found = self._kato.search(query, levels=Level.OKRUG, limit=SEARCH_LIMIT + 1)
        lang = current_language()
        self.results_list.clear()
        for okrug in found[:SEARCH_LIMIT]:
            item = QListWidgetItem(f"{okrug.name(lang)} — {self._whereabouts(okrug, lang)}")
            item.setData(_CODE, okrug.code)
            item.setToolTip(item.text())
            self.results_list.addItem(item)
        self.results_list.setCurrentRow(0)
        self.results_status.setText(self._results_status(query, len(found)))

    def _results_status(self, query: str, count: int) -> str:
        if count == 0:
            return self.tr(
                "No okrug matches «{query}». Check the spelling, or type just the start of the name."
            ).format(query=query)
        if count > SEARCH_LIMIT:
            return self.tr("Showing the first {count}: type more of the name.").format(count=SEARCH_LIMIT)
        return self.tr(
            "%n okrug(s) found: click one, or press Enter to choose the highlighted one.", "", count
        )

    def _pick_item(self, item: QListWidgetItem | None) -> None:
        """Choose a search result: the combos show it, and the search makes way for them."""
        if item is None:
            return
        self._select(item.data(_CODE))
        self.search_edit.clear()
        self.ok_button.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.search_edit:
                return self._search_key(event)
            if watched is self.results_list:
                return self._results_key(event)
        return super().eventFilter(watched, event)

    def _search_key(self, event: QKeyEvent) -> bool:
        """Down goes into the results; Enter chooses the highlighted one (and never closes)."""
        if not self._searching():
            return False
        if event.key() == Qt.Key.Key_Down and self.results_list.count():
            self.results_list.setFocus()
            return True
        if event.key() in _ENTER_KEYS:
            self._pick_item(self.results_list.currentItem())
            return True
        return False

    def _results_key(self, event: QKeyEvent) -> bool:
        """Enter chooses the highlighted result; Up from the first goes back to the search box."""
        if event.key() in _ENTER_KEYS:
            self._pick_item(self.results_list.currentItem())
            return True
        if event.key() == Qt.Key.Key_Up and self.results_list.currentRow() <= 0:
            self.search_edit.setFocus()
            return True
        return False


# --- small view helpers -----------------------------------------------------------------------------


def _wrapping_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    return label


def _section_title() -> QLabel:
    label = set_role(QLabel(), "sectionTitle")
    label.setIndent(0)  # in line with the labels of the form below
    return label


def _heading_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * 1.5)
    font.setWeight(QFont.Weight.DemiBold)
    return font


def _place_row(form: QFormLayout) -> tuple[QLabel, QComboBox]:
    """A label and a combo of places, whose longest name does not widen the dialog."""
    label = QLabel()
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)
    label.setBuddy(combo)
    form.addRow(label, combo)
    return label, combo


def _fill(combo: QComboBox, places: list[Place], keep: str | None = None) -> None:
    """Put ``places`` in ``combo`` by name, in the current language; ``keep`` stays chosen.

    Nothing is chosen otherwise: the combo shows its placeholder, which is not an item.
    """
    lang = current_language()
    with QSignalBlocker(combo):
        combo.clear()
        for place in places:
            combo.addItem(place.name(lang), place.code)
        combo.setCurrentIndex(combo.findData(keep) if keep is not None else -1)
    combo.setEnabled(bool(places))
