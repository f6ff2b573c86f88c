"""Reports as files a district or region office opens in Excel: CSV and XLSX — made the same way
by the server's command line and by a coordinator's app.

A report first becomes a :class:`Sheet` (typed columns, raw values: kilograms, square metres,
counts, states), then a writer renders it. Quantities are shown as people read them: tonnes with
3 decimals (kg / 1000) and hectares with 2 (m² / 10,000); place names in Kazakh *and* Russian
columns beside the KATO code; headers in the language asked for (kk, ru or en).

**CSV** is written for Excel in Kazakhstan, whose Kazakh and Russian locales use ``;`` as the list
separator and a decimal comma: UTF-8 with a BOM (without it Excel reads Cyrillic as cp1251), fields
separated by ``;``, numbers with a decimal comma and no thousands grouping (so Excel takes them as
numbers), CRLF line ends. No ``sep=;`` line: Excel ignores the BOM when one is there. The CSV holds
the table only (one header row, one row per group; no title, no totals row), so that it can be read
by programs and added up without counting anything twice.

**XLSX** (openpyxl) has the title, the area, the period and the generation time above a bold,
frozen header row; numbers are numbers with formats (``0.000`` t, ``0.00`` ha, ``#,##0`` counts,
which Russian-locale Excel shows as ``# ##0``); days and months are Excel dates (``dd.mm.yyyy``,
``yyyy-mm-dd`` in English), so they sort and filter as dates; a bold totals row at the bottom holds
values (not formulas, so any reader sees them). Every sheet has an AutoFilter on its header row
(over the rows, not the totals) and prints landscape on A4, one page wide, the header row repeated
on each page. The completeness sheet reads the months as the coordinator's tab does
(fieldapp.reporting) and colours them: green *reported*, grey *nothing done*, red *missing*, white
*under way* (the month is not over) and *not started* (before the okrug's first record or nil
report); a column beside the months holds each okrug's reporting rate, and the bottom row each
month's and the year's (the CSV has the states and the okrugs' rates).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape

from fieldapp.atomic import write_atomic
from fieldapp.kato import Kato, Place
from fieldapp.reference import Campaign, Fraction, ReferenceData
from fieldapp.reporting import State
from fieldapp.units import kg_to_tonnes, m2_to_hectares
from sync.protocol import CompletenessResponse, ReportingRate, TotalsResponse

if TYPE_CHECKING:  # openpyxl is loaded only to write an XLSX file
    from openpyxl import Workbook
    from openpyxl.workbook.child import _WorkbookChild

# Kazakhstan keeps one time zone (UTC+5) since 2024: "this month" is the month there.
KAZAKHSTAN = timezone(timedelta(hours=5), "UTC+5")
PLACE_GROUPS = ("region", "district", "okrug", "settlement")

FORMATS = ("csv", "xlsx")
LANGS = ("kk", "ru", "en")
CSV_DELIMITER = ";"
BOM = "\ufeff"


class ExportError(ValueError):
    """A file that cannot be made as asked."""


# -- the words -------------------------------------------------------------------------------------

LABELS: dict[str, tuple[str, str, str]] = {  # kk, ru, en
    "region": ("Облыс", "Область", "Region"),
    "district": ("Аудан", "Район", "District"),
    "okrug": ("Ауылдық округ", "Сельский округ", "Rural okrug"),
    "settlement": ("Елді мекен", "Населённый пункт", "Settlement"),
    "campaign": ("Акция", "Акция", "Campaign"),
    "month": ("Ай", "Месяц", "Month"),
    "code": ("{0}: ҚАТО коды", "{0}: код КАТО", "{0}: KATO code"),
    "name_kk": ("{0} (қазақша)", "{0} (на казахском)", "{0} (Kazakh)"),
    "name_ru": ("{0} (орысша)", "{0} (на русском)", "{0} (Russian)"),
    "actions": ("Іс-шаралар", "Мероприятия", "Actions"),
    "participants": ("Қатысушылар", "Участники", "Participants"),
    "fraction": ("{0}, т", "{0}, т", "{0}, t"),
    "total_t": ("Барлық қалдық, т", "Всего отходов, т", "All waste, t"),
    "area_ha": ("Тазартылған аумақ, га", "Убранная площадь, га", "Area cleaned, ha"),
    "trees": ("Отырғызылған ағаштар", "Посажено деревьев", "Trees planted"),
    "total_row": ("Барлығы", "Итого", "Total"),
    "totals_title": (
        "«Таза Қазақстан»: жиынтық есеп",
        "«Таза Қазақстан»: сводный отчёт",
        "«Таза Қазақстан»: totals",
    ),
    "totals_sheet": ("Жиынтық", "Итоги", "Totals"),
    "completeness_title": (
        "«Таза Қазақстан»: есеп беру толықтығы",
        "«Таза Қазақстан»: полнота отчётности",
        "«Таза Қазақстан»: who has reported",
    ),
    "completeness_sheet": ("Толықтық", "Полнота", "Completeness"),
    "area": ("Аумақ: {0}", "Территория: {0}", "Area: {0}"),
    "country": ("Қазақстан Республикасы", "Республика Казахстан", "Republic of Kazakhstan"),
    "period": ("Кезең: {0} — {1}", "Период: {0} — {1}", "Period: {0} – {1}"),
    "year": ("{0} жыл, {1} — {2}", "{0} год, {1} — {2}", "Year {0}, {1} – {2}"),
    "accepted_only": (
        "Тек үйлестіруші қабылдаған жазбалар",
        "Только записи, принятые координатором",
        "Only records accepted by a coordinator",
    ),
    "all_live": (
        "Барлық жазбалар (жойылғандарсыз)",
        "Все записи (кроме удалённых)",
        "All records (not deleted)",
    ),
    "generated": ("Жасалды: {0} (UTC+5)", "Сформирован: {0} (UTC+5)", "Generated: {0} (UTC+5)"),
    "last_sync": ("Соңғы синхрондау (UTC+5)", "Последняя синхронизация (UTC+5)", "Last sync (UTC+5)"),
    "app_version": ("Қолданба нұсқасы", "Версия приложения", "App version"),
    "notes": ("Ескертпе", "Примечание", "Notes"),
    "lat": ("GPS ендік", "GPS широта", "GPS latitude"),
    "lon": ("GPS бойлық", "GPS долгота", "GPS longitude"),
    "rate": ("Есеп тапсыру үлесі", "Доля сданных отчётов", "Reporting rate"),
    State.REPORTED: ("есеп бар", "есть отчёт", "reported"),
    State.NOTHING: ("іс-шара болмады", "не проводилось", "nothing done"),
    State.MISSING: ("есеп жоқ", "нет отчёта", "missing"),
    State.UNDER_WAY: ("ай жүріп жатыр", "месяц идёт", "under way"),
    State.NOT_STARTED: ("әлі басталмаған", "ещё не начали", "not started"),
}


def label(key: str, lang: str, *args: object) -> str:
    return LABELS[key][LANGS.index(lang)].format(*args)


def _day(day: date, lang: str) -> str:
    return day.isoformat() if lang == "en" else f"{day:%d.%m.%Y}"


def _number(value: Cell) -> int:
    """A figure cell (kg, m², a count) as the integer it holds."""
    if isinstance(value, date | float) or value is None:
        raise TypeError(f"not a figure: {value!r}")
    return int(value)


def _degrees(value: Cell) -> float:
    """A DEGREES cell as its float."""
    if isinstance(value, date) or value is None:
        raise TypeError(f"not a coordinate: {value!r}")
    return float(value)


def _instant(value: Cell) -> datetime:
    """A MOMENT cell as the datetime it holds."""
    if not isinstance(value, datetime):
        raise TypeError(f"not a moment: {value!r}")
    return value


def _moment(at: datetime) -> str:
    return f"{at.astimezone(KAZAKHSTAN):%Y-%m-%d %H:%M}"


# -- sheets ------------------------------------------------------------------------------------------


class Kind(StrEnum):
    TEXT = "text"
    CODE = "code"  # a KATO code or a month: text that looks like a number
    COUNT = "count"  # int
    TONNES = "tonnes"  # the value is kilograms
    HECTARES = "hectares"  # the value is square metres
    MOMENT = "moment"  # an aware datetime, shown in UTC+5
    DATE = "date"  # a day: a date (or its ISO text)
    MONTH = "month"  # a month: "YYYY-MM"
    DEGREES = "degrees"  # a GPS coordinate (float), 6 decimals
    STATE = "state"  # a fieldapp.reporting State
    PERCENT = "percent"  # a share, 0.0–1.0 (a reporting rate)


NUMERIC = (Kind.COUNT, Kind.TONNES, Kind.HECTARES)
Cell = str | int | float | date | None  # a datetime is a date


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind
    styled: bool = True  # False: a plain number in XLSX (a long sheet of records is written faster)


@dataclass
class Sheet:
    name: str
    title: list[str]
    columns: list[Column]
    rows: list[list[Cell]]
    lang: str
    footer: list[Cell] | None = None  # the totals row (XLSX only)
    generated_at: datetime = field(default_factory=lambda: datetime.now(KAZAKHSTAN))


def _place_columns(level: str, lang: str) -> list[Column]:
    name = label(level, lang)
    return [
        Column(label("code", lang, name), Kind.CODE),
        Column(label("name_kk", lang, name), Kind.TEXT),
        Column(label("name_ru", lang, name), Kind.TEXT),
    ]


def _place_cells(kato: Kato, code: str) -> list[Cell]:
    place = kato.get(code)
    return [code, place.name_kk if place else "", place.name_ru if place else ""]


def _area(kato: Kato, code: str | None, lang: str) -> str:
    """The report's area: a district or a region, or (None) the country."""
    place: Place | None = kato.get(code) if code else None
    where = f"{place.name_kk} / {place.name_ru}" if place else label("country", lang)
    return label("area", lang, where)


def _fractions_shown(response: TotalsResponse, reference: ReferenceData) -> list[str]:
    """Every active fraction (so files of different districts line up) and any retired one used."""
    used = {code for row in response.rows for code in row.kg_by_fraction}
    active = {f.code for f in reference.active_fractions()}

    def order(code: str) -> tuple[int, str]:
        found = reference.fraction(code)
        return (found.order if found else 1 << 30, code)

    return sorted(active | used, key=order)


def _named(found: Campaign | Fraction | None, code: str, lang: str) -> str:
    return found.name(lang) if found else code


def totals_sheet(
    response: TotalsResponse,
    kato: Kato,
    reference: ReferenceData,
    *,
    area: str | None,
    accepted_only: bool,
    lang: str = "ru",
) -> Sheet:
    fractions = _fractions_shown(response, reference)
    columns = _group_columns(response.group_by, lang)
    first_figure = len(columns)
    columns += [Column(label("actions", lang), Kind.COUNT), Column(label("participants", lang), Kind.COUNT)]
    columns += [
        Column(label("fraction", lang, _named(reference.fraction(f), f, lang)), Kind.TONNES)
        for f in fractions
    ]
    columns += [
        Column(label("total_t", lang), Kind.TONNES),
        Column(label("area_ha", lang), Kind.HECTARES),
        Column(label("trees", lang), Kind.COUNT),
    ]
    rows: list[list[Cell]] = []
    for row in response.rows:
        cells = _group_cells(response.group_by, row.group, kato, reference, lang)
        cells += [row.actions, row.participants, *(row.kg_by_fraction.get(f, 0) for f in fractions)]
        cells += [row.total_kg, row.area_m2, row.trees]
        rows.append(cells)
    last = response.end - timedelta(days=1)
    period = label("period", lang, _day(response.start, lang), _day(last, lang))
    counted = label("accepted_only" if accepted_only else "all_live", lang)
    title = [label("totals_title", lang), _area(kato, area, lang), f"{period}; {counted}"]
    footer = _sums(columns, rows, first_figure, lang)
    return Sheet(label("totals_sheet", lang), title, columns, rows, lang, footer)


def _group_columns(group_by: Sequence[str], lang: str) -> list[Column]:
    columns: list[Column] = []
    for group in group_by:
        if group in PLACE_GROUPS:
            columns += _place_columns(group, lang)
        else:
            columns.append(Column(label(group, lang), Kind.TEXT if group == "campaign" else Kind.MONTH))
    return columns


def _group_cells(
    group_by: Sequence[str], group: dict[str, str], kato: Kato, reference: ReferenceData, lang: str
) -> list[Cell]:
    cells: list[Cell] = []
    for name in group_by:
        value = group[name]
        if name in PLACE_GROUPS:
            cells += _place_cells(kato, value)
        elif name == "campaign":
            cells.append(_named(reference.campaign(value), value, lang))
        else:
            cells.append(value)
    return cells


def _sums(
    columns: Sequence[Column], rows: Sequence[Sequence[Cell]], first_figure: int, lang: str
) -> list[Cell] | None:
    """The totals row; none when nothing is grouped (the one row is the total)."""
    if first_figure == 0:
        return None
    footer: list[Cell] = [None] * len(columns)
    footer[0] = label("total_row", lang)
    for index in range(first_figure, len(columns)):
        footer[index] = sum(_number(row[index] or 0) for row in rows)
    return footer


def completeness_sheet(
    response: CompletenessResponse, kato: Kato, *, area: str | None, several: bool, lang: str = "ru"
) -> Sheet:
    """``several``: the okrugs of more than one district (their district is shown too).
    ``response`` read against the calendar (``read_against``): its states and rates are shown."""
    months = list(response.rows[0].months) if response.rows else []
    columns = (_place_columns("district", lang) if several else []) + _place_columns("okrug", lang)
    first_month = len(columns)
    columns += [Column(month, Kind.STATE) for month in months]
    columns += [Column(label("rate", lang), Kind.PERCENT)]
    columns += [Column(label("last_sync", lang), Kind.MOMENT), Column(label("app_version", lang), Kind.TEXT)]
    rows: list[list[Cell]] = []
    for row in response.rows:
        district = kato.district_of(row.okrug)
        cells = _place_cells(kato, district.code if district else "") if several else []
        cells += _place_cells(kato, row.okrug)
        cells += [(row.states.get(month) or row.months[month]).value for month in months]
        cells += [_share(row.rate), row.last_sync, row.app_version]
        rows.append(cells)
    footer: list[Cell] = [None] * len(columns)
    footer[0] = label("rate", lang)
    for offset, month in enumerate(months):
        footer[first_month + offset] = _share(response.month_rates.get(month))
    footer[first_month + len(months)] = _share(response.rate)
    period = label("year", lang, response.year, months[0] if months else "", months[-1] if months else "")
    title = [label("completeness_title", lang), _area(kato, area, lang), period]
    return Sheet(label("completeness_sheet", lang), title, columns, rows, lang, footer)


def _share(rate: ReportingRate | None) -> float | None:
    """A rate as the share a PERCENT cell holds; None when nothing was expected."""
    return rate.done / rate.expected if rate is not None and rate.expected else None


# -- CSV ---------------------------------------------------------------------------------------------


def _csv_text(kind: Kind, value: Cell, lang: str) -> str:
    if value is None:
        return ""
    if kind is Kind.TONNES:
        return f"{kg_to_tonnes(_number(value)):.3f}".replace(".", ",")
    if kind is Kind.HECTARES:
        return f"{m2_to_hectares(_number(value)):.2f}".replace(".", ",")
    if kind is Kind.MOMENT:
        return _moment(_instant(value))
    if kind is Kind.DATE:
        return _day(_date(value), lang)  # Excel in Kazakhstan reads dd.mm.yyyy as a date
    if kind is Kind.DEGREES:
        return f"{_degrees(value):.6f}".replace(".", ",")
    if kind is Kind.STATE:
        return label(str(value), lang)
    if kind is Kind.PERCENT:
        return f"{100 * _degrees(value):.0f}%"
    return str(value)


def _date(value: Cell) -> date:
    """A DATE cell as the day it holds."""
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _month(value: Cell) -> datetime:
    """A MONTH cell ("YYYY-MM") as its first day, for Excel."""
    year, month = str(value).split("-")
    return datetime(int(year), int(month), 1)


def csv_bytes(sheet: Sheet) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow([c.header for c in sheet.columns])
    for row in sheet.rows:
        writer.writerow([_csv_text(c.kind, v, sheet.lang) for c, v in zip(sheet.columns, row, strict=True)])
    return (BOM + out.getvalue()).encode("utf-8")


# -- XLSX --------------------------------------------------------------------------------------------

NUMBER_FORMATS = {
    Kind.COUNT: "#,##0",  # Excel's own notation; a Russian-locale Excel shows it as "# ##0"
    Kind.TONNES: "0.000",
    Kind.HECTARES: "0.00",
    Kind.DEGREES: "0.000000",
    Kind.MOMENT: "dd.mm.yyyy hh:mm",
    Kind.DATE: "dd.mm.yyyy",
    Kind.MONTH: "mm.yyyy",
    Kind.PERCENT: "0%",
}
ENGLISH_FORMATS = {  # days written the ISO way in English, as the CSV and the titles do
    Kind.MOMENT: "yyyy-mm-dd hh:mm",
    Kind.DATE: "yyyy-mm-dd",
    Kind.MONTH: "yyyy-mm",
}
STATE_STYLES = {  # fill, font colour
    State.REPORTED: ("C6EFCE", "006100"),
    State.NOTHING: ("D9D9D9", "404040"),
    State.MISSING: ("FFC7CE", "9C0006"),
    State.UNDER_WAY: ("FFFFFF", "5B6A63"),  # not expected yet: white, muted (not red)
    State.NOT_STARTED: ("FFFFFF", "5B6A63"),
}
HEADER_FILL, LINE = "DDEBF7", "808080"
WIDTH_SAMPLE = 2000  # rows looked at to size a column


# What openpyxl is given for one cell: a number, a text, an Excel date (naive, Kazakhstan's time).
XlsxValue = str | int | float | Decimal | datetime | None
# Wraps a value in a cell with a named style (or gives the bare value when style is None).
CellMaker = Callable[[XlsxValue, str | None], object]


def _xlsx_value(kind: Kind, value: Cell, lang: str) -> XlsxValue:
    if value is None:
        return None
    if kind is Kind.TONNES:
        return kg_to_tonnes(_number(value))
    if kind is Kind.HECTARES:
        return m2_to_hectares(_number(value))
    if kind is Kind.MOMENT:
        return _instant(value).astimezone(KAZAKHSTAN).replace(tzinfo=None)
    if kind is Kind.DATE:
        day = _date(value)
        return datetime(day.year, day.month, day.day)
    if kind is Kind.MONTH:
        return _month(value)
    if kind in (Kind.DEGREES, Kind.PERCENT):
        return _degrees(value)
    if kind is Kind.STATE:
        return label(str(value), lang)
    if isinstance(value, str):
        return _ILLEGAL_XML.sub("", value)  # control characters have no place in XML
    if isinstance(value, date):  # a day in a column not made for days: as the CSV writes it
        return _day(value, lang)
    return value


def _width(column: Column, values: list[Cell], lang: str) -> float:
    if column.kind is Kind.STATE:
        longest = max(len(label(state, lang)) for state in State)
    elif column.kind is Kind.PERCENT:
        longest = 6
    elif column.kind in (Kind.TONNES, Kind.HECTARES, Kind.COUNT):
        longest = max((len(f"{_xlsx_value(column.kind, v, lang) or 0:,}") + 1 for v in values), default=4)
    elif column.kind is Kind.MOMENT:
        longest = 16
    elif column.kind in (Kind.DATE, Kind.DEGREES):
        longest = 10
    elif column.kind is Kind.MONTH:
        longest = 7
    else:
        longest = max((len(str(v)) for v in values if v is not None), default=4)
    header_word = max(len(word) for word in column.header.split())
    return min(max(longest, header_word, 6) + 2, 48)


class _Styles:
    """Named styles, registered once per workbook: a cell then only names its style (fast enough
    for a sheet of 50,000 records)."""

    def __init__(self, workbook: Workbook) -> None:
        from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

        line = Side(style="thin", color=LINE)
        found: dict[str, NamedStyle] = {
            "title": NamedStyle("title", font=Font(bold=True, size=14)),
            "note": NamedStyle("note", font=Font(italic=True)),
            "header": NamedStyle(
                "header",
                font=Font(bold=True),
                fill=PatternFill("solid", fgColor=HEADER_FILL),
                alignment=Alignment(wrap_text=True, vertical="center", horizontal="center"),
                border=Border(bottom=line),
            ),
            "footer": NamedStyle("footer", font=Font(bold=True), border=Border(top=line)),
        }
        for kind, number_format in NUMBER_FORMATS.items():
            found[kind.value] = NamedStyle(kind.value, number_format=number_format)
            found[f"footer-{kind.value}"] = NamedStyle(
                f"footer-{kind.value}",
                number_format=number_format,
                font=Font(bold=True),
                border=Border(top=line),
            )
        for kind, number_format in ENGLISH_FORMATS.items():
            found[f"{kind.value}-en"] = NamedStyle(f"{kind.value}-en", number_format=number_format)
        for state, (fill, font) in STATE_STYLES.items():
            found[f"state-{state.value}"] = NamedStyle(
                f"state-{state.value}",
                fill=PatternFill("solid", fgColor=fill),
                font=Font(color=font),
                alignment=Alignment(horizontal="center"),
            )
        for style in found.values():
            workbook.add_named_style(style)
        self.names = set(found)


def xlsx_bytes(*sheets: Sheet) -> bytes:
    """One workbook holding ``sheets``, each with its title, a bold frozen header row with an
    AutoFilter, numbers as numbers with formats, days as dates, its totals row, and its print setup."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    _Styles(workbook)
    spliced: list[tuple[_WorkbookChild, Sheet, int]] = []  # (worksheet, sheet, its first data row)
    for sheet in sheets:
        ws = workbook.create_sheet(sheet.name[:31])

        def cell(value: XlsxValue, style: str | None) -> object:
            if style is None:
                return value
            # openpyxl writes a Decimal as a number (it is in its NUMERIC_TYPES); its stubs say float only
            made = WriteOnlyCell(ws, value=value)  # type: ignore[arg-type]  # noqa: B023 (used at once)
            made.style = style
            return made

        sample = sheet.rows[:WIDTH_SAMPLE]
        for col, column in enumerate(sheet.columns, start=1):
            values = [row[col - 1] for row in sample]
            ws.column_dimensions[get_column_letter(col)].width = _width(column, values, sheet.lang)
        lines = [*sheet.title, label("generated", sheet.lang, _moment(sheet.generated_at))]
        header_row = len(sheet.title) + 3
        ws.freeze_panes = f"A{header_row + 1}"
        _print_setup(ws, sheet, header_row)
        for r, text in enumerate(lines, start=1):
            ws.append([cell(text, "title" if r == 1 else "note" if r == len(lines) else None)])
        ws.append([])
        ws.append([cell(column.header, "header") for column in sheet.columns])
        styles = [_style_of(column, sheet.lang) for column in sheet.columns]
        if _fast(sheet):
            # Two template rows (a data row of each column's kind and style, then the totals);
            # the real rows are written as XML over them once openpyxl has saved the book.
            ws.append(
                [
                    _styled(cell, column, style, _TEMPLATE[column.kind], sheet.lang)
                    for column, style in zip(sheet.columns, styles, strict=True)
                ]
            )
            spliced.append((ws, sheet, header_row + 1))
            rows: Sequence[list[Cell]] = ()
        else:
            rows = sheet.rows
        for values in rows:
            ws.append(
                [
                    _styled(cell, column, style, value, sheet.lang)
                    for column, style, value in zip(sheet.columns, styles, values, strict=True)
                ]
            )
        if sheet.footer is not None:
            ws.append(
                [
                    _footer_cell(cell, column, value, sheet.lang)
                    for column, value in zip(sheet.columns, sheet.footer, strict=True)
                ]
            )
    out = io.BytesIO()
    workbook.save(out)
    workbook.close()
    if not spliced:
        return out.getvalue()
    return _splice(out.getvalue(), [(ws.path.lstrip("/"), sheet, first) for ws, sheet, first in spliced])


def _print_setup(ws: _WorkbookChild, sheet: Sheet, header_row: int) -> None:
    """An AutoFilter over the header and the rows (the totals row stays put under a filter or a
    sort), and a print on A4 landscape, one page wide, with the header row on every page."""
    last_column = _column_letter(max(1, len(sheet.columns)))
    ws.auto_filter.ref = f"A{header_row}:{last_column}{header_row + len(sheet.rows)}"  # type: ignore[attr-defined]
    setup = ws.page_setup  # type: ignore[attr-defined]
    setup.orientation = "landscape"
    setup.paperSize = 9  # A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages down as it takes
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[attr-defined]
    ws.print_title_rows = f"{header_row}:{header_row}"  # type: ignore[attr-defined]


def _style_of(column: Column, lang: str) -> str | None:
    if column.kind in (Kind.DATE, Kind.MONTH, Kind.MOMENT):  # a date without a format is a bare number
        return f"{column.kind.value}-en" if lang == "en" else column.kind.value
    if not column.styled:
        return None
    return column.kind.value if column.kind in NUMBER_FORMATS else None


def _styled(cell: CellMaker, column: Column, style: str | None, value: Cell, lang: str) -> object:
    shown = _xlsx_value(column.kind, value, lang)
    if column.kind is Kind.STATE and value is not None:
        return cell(shown, f"state-{State(str(value)).value}")
    if style is None or shown is None:
        return shown
    return cell(shown, style)


def _footer_cell(cell: CellMaker, column: Column, value: Cell, lang: str) -> object:
    kind = column.kind if column.kind in NUMERIC else Kind.COUNT if isinstance(value, int) else Kind.TEXT
    if isinstance(value, float):  # a rate, under a month or under the rates
        kind = Kind.PERCENT
    style = f"footer-{kind.value}" if kind in NUMBER_FORMATS else "footer"
    return cell(_xlsx_value(kind, value, lang), style)


# A long sheet's rows are written as XML directly: openpyxl's objects cost about 10 µs a cell, and
# a district's 50,000 records are 1.3 million cells. openpyxl still makes the book (styles, column
# widths, frozen header, the title and header rows) and two template rows, whose cells give each
# column's style; the rows replace the templates in the saved file.
FAST_ROWS = 1000
_TEMPLATE: dict[Kind, Cell] = {
    Kind.TEXT: "x",
    Kind.CODE: "x",
    Kind.COUNT: 0,
    Kind.TONNES: 0,
    Kind.HECTARES: 0,
    Kind.MOMENT: datetime(2000, 1, 1, tzinfo=KAZAKHSTAN),
    Kind.DATE: date(2000, 1, 1),
    Kind.MONTH: "2000-01",
    Kind.DEGREES: 0.5,
}
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CELL = re.compile(r'<c r="([A-Z]+)\d+"(?: s="(\d+)")?')
_EXCEL_EPOCH = datetime(1899, 12, 30)
_EXCEL_DAY0 = _EXCEL_EPOCH.date()


def _fast(sheet: Sheet) -> bool:
    return len(sheet.rows) > FAST_ROWS and all(column.kind in _TEMPLATE for column in sheet.columns)


def _splice(book: bytes, sheets: Sequence[tuple[str, Sheet, int]]) -> bytes:
    """``book`` with each listed sheet's template rows replaced by its real rows."""
    source = zipfile.ZipFile(io.BytesIO(book))
    out = io.BytesIO()
    wanted = {path: (sheet, first) for path, sheet, first in sheets}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename in wanted:
                sheet, first = wanted[info.filename]
                data = _sheet_rows(data.decode("utf-8"), sheet, first).encode("utf-8")
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _sheet_rows(xml: str, sheet: Sheet, first: int) -> str:
    start = xml.index(f'<row r="{first}"')
    template_end = xml.index("</row>", start) + len("</row>")
    styles = dict(_CELL.findall(xml[start:template_end]))  # column letter → style id
    letters = [_column_letter(n) for n in range(1, len(sheet.columns) + 1)]
    writers = [
        _cell_writer(column.kind, letter, styles.get(letter, ""))
        for column, letter in zip(sheet.columns, letters, strict=True)
    ]
    parts = [xml[:start]]
    for number, values in enumerate(sheet.rows, start=first):
        row = str(number)
        parts.append(f'<row r="{row}">')
        parts.extend(
            write(value, row) for write, value in zip(writers, values, strict=True) if value is not None
        )
        parts.append("</row>")
    rest = xml[template_end:]
    if sheet.footer is not None:  # the totals row, moved under the real rows
        footer_end = rest.index("</row>") + len("</row>")
        footer = re.sub(
            rf'r="([A-Z]*){first + 1}"',
            lambda m: f'r="{m.group(1)}{first + len(sheet.rows)}"',
            rest[:footer_end],
        )
        parts.append(footer)
        rest = rest[footer_end:]
    parts.append(rest)
    return "".join(parts)


def _cell_writer(kind: Kind, letter: str, style: str) -> Callable[[Cell, str], str]:
    s = f' s="{style}"' if style else ""
    if kind is Kind.TONNES:
        return lambda kg, row: f'<c r="{letter}{row}"{s} t="n"><v>{_scaled(_number(kg), 1000)}</v></c>'
    if kind is Kind.HECTARES:
        return lambda m2, row: f'<c r="{letter}{row}"{s} t="n"><v>{_scaled(_number(m2), 10_000)}</v></c>'
    if kind is Kind.COUNT:
        return lambda n, row: f'<c r="{letter}{row}"{s} t="n"><v>{_number(n)}</v></c>'
    if kind is Kind.MOMENT:

        def moment(value: Cell, row: str) -> str:
            local = _instant(value).astimezone(KAZAKHSTAN).replace(tzinfo=None)
            serial = (local - _EXCEL_EPOCH).total_seconds() / 86400
            return f'<c r="{letter}{row}"{s} t="n"><v>{serial!r}</v></c>'

        return moment
    if kind is Kind.DATE:
        return lambda day, row: f'<c r="{letter}{row}"{s} t="n"><v>{(_date(day) - _EXCEL_DAY0).days}</v></c>'
    if kind is Kind.MONTH:
        return lambda month, row: (
            f'<c r="{letter}{row}"{s} t="n"><v>{(_month(month) - _EXCEL_EPOCH).days}</v></c>'
        )
    if kind is Kind.DEGREES:
        return lambda degrees, row: f'<c r="{letter}{row}"{s} t="n"><v>{_degrees(degrees)!r}</v></c>'

    def text(value: Cell, row: str) -> str:
        shown = _ILLEGAL_XML.sub("", str(value))
        if not shown:
            return ""
        space = ' xml:space="preserve"' if shown != shown.strip() else ""
        return f'<c r="{letter}{row}"{s} t="inlineStr"><is><t{space}>{xml_escape(shown)}</t></is></c>'

    return text


def _column_letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _scaled(value: int, unit: int) -> str:
    """``value / unit`` written exactly (kilograms as tonnes, square metres as hectares)."""
    whole, part = divmod(value, unit)
    return f"{whole}.{part:0{len(str(unit)) - 1}d}".rstrip("0").rstrip(".") if part else str(whole)


# -- files -------------------------------------------------------------------------------------------

# The words KATO puts around a name: "Талғар ауданы" is Талғар in a file name.
_KIND_WORDS = (
    " ауданы",
    " облысы",
    " қаласы",
    " Қ.Ә.",
    " Қ.Ә",
    " район",
    " область",
    "область ",
    " Г.А.",
    " Г.А",
    "район ",
    "город ",
)
_FOLD = str.maketrans("ғқәңөұүһіё", "гканоуухие")


def _stem(name: str) -> str:
    for word in _KIND_WORDS:
        if word.endswith(" ") and name.startswith(word):
            name = name[len(word) :]
        elif name.endswith(word):
            name = name[: -len(word)]
    return name.strip()


def short_name(place: Place | None, lang: str) -> str:
    """A district's (a region's) name as a file name says it: "Талғар" (kk), "Талгар" (ru, en —
    KATO has no Latin names); the country's when there is no place. A Russian adjective is cut
    (Талгарский → Талгар) only where it is the Kazakh name, else kept (Бородулихинский)."""
    if place is None:
        return ("Қазақстан", "Казахстан", "Kazakhstan")[LANGS.index(lang)]
    kazakh = _stem(place.name_kk)
    name = kazakh if lang == "kk" else _stem(place.name_ru)
    if lang != "kk":
        for ending in ("ский", "цкий", "ская", "цкая"):
            cut = name[: -len(ending)]
            if name.endswith(ending) and cut.lower().translate(_FOLD) == kazakh.lower().translate(_FOLD):
                name = cut
    return _file_safe(name) or place.code


def period_name(start: date, end: date) -> str:
    """A period as a file name says it: ``2026`` (a year), ``2026-03`` (a month), else its first
    and last days (``end`` is the day after)."""
    if (start.month, start.day) == (1, 1) and end == date(start.year + 1, 1, 1):
        return f"{start.year}"
    if start.day == 1 and end == date(start.year + start.month // 12, start.month % 12 + 1, 1):
        return f"{start:%Y-%m}"
    return f"{start.isoformat()}_{(end - timedelta(days=1)).isoformat()}"


def file_name(place: Place | None, start: date, end: date, suffix: str, lang: str, what: str = "") -> str:
    """``Талгар-2026-03.xlsx``; ``what`` (a word) after the period when one place and period have
    several files (``Талгар-2026-Полнота.xlsx``)."""
    parts = [short_name(place, lang), period_name(start, end), *([_file_safe(what)] if what else [])]
    return "-".join(parts) + "." + suffix


def _file_safe(name: str) -> str:
    """A name Windows takes: no \\ / : * ? " < > |, no control characters, no trailing dot or space."""
    cleaned = "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in name)
    return cleaned.strip(" .")[:120]


def format_for(path: Path, chosen: str | None) -> str:
    """The format asked for, else the one the file name says."""
    fmt = chosen or path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ExportError(f"say --format csv or xlsx (cannot tell from {path.name!r})")
    return fmt


def write(sheet: Sheet, path: Path, fmt: str) -> None:
    """Write the file whole or not at all."""
    write_atomic(path, csv_bytes(sheet) if fmt == "csv" else xlsx_bytes(sheet))


def write_workbook(sheets: Sequence[Sheet], path: Path) -> None:
    """Several sheets in one XLSX file, written whole or not at all."""
    write_atomic(path, xlsx_bytes(*sheets))
