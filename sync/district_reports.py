"""A coordinator's reports, made from the district copy on the laptop (so they work offline) in the
very shapes the server's reports have: the same totals and completeness models, the same CSV and
XLSX writers (``sync.report_files``), plus a sheet of every record and a ZIP of the photos.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

from fieldapp.district import GroupTotals, RecordRow
from fieldapp.kato import Kato
from fieldapp.queries import Period
from fieldapp.reference import ReferenceData
from fieldapp.store import Store
from sync.district import META_DEVICES
from sync.protocol import (
    Completeness,
    CompletenessResponse,
    CompletenessRow,
    DeviceInfo,
    TotalsResponse,
    TotalsRow,
)
from sync.report_files import (
    Cell,
    Column,
    Kind,
    Sheet,
    _named,
    _place_cells,
    _place_columns,
    _sums,
    completeness_sheet,
    csv_bytes,
    label,
    totals_sheet,
    write_workbook,
)

RECORD_LABELS: dict[str, tuple[str, str, str]] = {  # kk, ru, en
    "records_sheet": ("Жазбалар", "Записи", "Records"),
    "records_title": ("«Таза Қазақстан»: жазбалар", "«Таза Қазақстан»: записи", "«Таза Қазақстан»: records"),
    "date": ("Күні", "Дата", "Date"),
    "status": ("Мәртебесі", "Статус", "Status"),
    "comment": ("Үйлестірушінің пікірі", "Комментарий координатора", "Coordinator's comment"),
    "place": ("Өткізілген орны", "Место проведения", "Place"),
    "reporter": ("Толтырған", "Кто заполнил", "Reported by"),
    "photos": ("Фото", "Фото", "Photos"),
    "id": ("Жазба ID", "ID записи", "Record ID"),
    "pending": ("қаралуда", "на рассмотрении", "waiting for review"),
    "accepted": ("қабылданды", "принято", "accepted"),
    "returned": ("қайтарылды", "возвращено", "returned"),
    "by_okrug": ("Округтер бойынша", "По округам", "By okrug"),
    "by_campaign": ("Акциялар бойынша", "По акциям", "By campaign"),
}
STATUS_WORDS = {"sent": "pending", "ready": "pending", "accepted": "accepted", "returned": "returned"}


def words(key: str, lang: str) -> str:
    return RECORD_LABELS[key][("kk", "ru", "en").index(lang)]


# -- the same models as the server's --------------------------------------------------------------


def totals_response(groups: Sequence[GroupTotals], period: Period, group_by: Sequence[str]) -> TotalsResponse:
    return TotalsResponse(
        start=period.start,
        end=period.end,
        group_by=list(group_by),
        rows=[
            TotalsRow(
                group=g.group,
                actions=g.actions,
                participants=g.participants,
                area_m2=g.area_m2,
                trees=g.trees,
                kg_by_fraction=g.kg_by_fraction,
            )
            for g in groups
        ],
    )


def devices(store: Store) -> list[DeviceInfo]:
    """The district's laptops as the last pull saw them."""
    text = store.get_meta(META_DEVICES)
    return [DeviceInfo.model_validate(item) for item in json.loads(text)] if text else []


def completeness(store: Store, kato: Kato, district: str, year: int, today: date) -> CompletenessResponse:
    """Okrug × month: reported, reported nothing (a nil report), or missing — from the copy here;
    read against the calendar (fieldapp.reporting): the month under way and the months before an
    okrug's first record or nil report are not expected, and the rates."""
    last = 12 if year < today.year else today.month
    months = [f"{year:04d}-{m:02d}" for m in range(1, last + 1)]
    if not months:
        return CompletenessResponse(year=year, rows=[], this_month=f"{today:%Y-%m}")
    reported = store.reported_months(months[0], months[-1])
    nothing = store.nothing_months(months[0], months[-1])
    newest: dict[str, DeviceInfo] = {}
    for device in devices(store):
        if device.last_seen is None:
            continue
        best = newest.get(device.okrug)
        if best is None or (best.last_seen is not None and device.last_seen > best.last_seen):
            newest[device.okrug] = device
    rows = []
    for okrug in kato.okrugs(district):
        states = {
            month: Completeness.REPORTED
            if (okrug.code, month) in reported
            else Completeness.NOTHING
            if (okrug.code, month) in nothing
            else Completeness.MISSING
            for month in months
        }
        seen = newest.get(okrug.code)
        rows.append(
            CompletenessRow(
                okrug=okrug.code,
                months=states,
                last_sync=seen.last_seen if seen else None,
                app_version=seen.app_version if seen else "",
            )
        )
    return CompletenessResponse(year=year, rows=rows).read_against(store.first_months(), f"{today:%Y-%m}")


# -- files ----------------------------------------------------------------------------------------


def records_sheet(
    rows: Sequence[RecordRow], kato: Kato, reference: ReferenceData, period: Period, area: str, lang: str
) -> Sheet:
    """One row per record: where, when, what, the figures, the review."""
    used = {code for row in rows for code in row.kg_by_fraction}
    active = {f.code for f in reference.active_fractions()}
    fractions = sorted(used | active, key=lambda code: _order(reference, code))
    columns = [
        Column(words("date", lang), Kind.DATE),
        *_place_columns("okrug", lang),
        *_place_columns("settlement", lang),
        Column(label("campaign", lang), Kind.TEXT),
        Column(label("participants", lang), Kind.COUNT),
        *(
            Column(label("fraction", lang, _named(reference.fraction(f), f, lang)), Kind.TONNES)
            for f in fractions
        ),
        Column(label("total_t", lang), Kind.TONNES),
        Column(label("area_ha", lang), Kind.HECTARES),
        Column(label("trees", lang), Kind.COUNT),
        Column(words("photos", lang), Kind.COUNT),
        Column(words("status", lang), Kind.TEXT),
        Column(words("comment", lang), Kind.TEXT),
        Column(words("place", lang), Kind.TEXT),
        Column(label("lat", lang), Kind.DEGREES),
        Column(label("lon", lang), Kind.DEGREES),
        Column(label("notes", lang), Kind.TEXT),
        Column(words("reporter", lang), Kind.TEXT),
        Column(words("id", lang), Kind.TEXT),
    ]
    first_figure = 1 + 6 + 1
    places: dict[str, list[Cell]] = {}
    out: list[list[Cell]] = []
    for row in rows:
        for code in (row.okrug, row.settlement):
            if code not in places:
                places[code] = _place_cells(kato, code)
        out.append(
            [
                row.action_date,
                *places[row.okrug],
                *places[row.settlement],
                _named(reference.campaign(row.campaign), row.campaign, lang),
                row.participants,
                *(row.kg_by_fraction.get(f, 0) for f in fractions),
                row.total_kg,
                row.area_m2,
                row.trees,
                row.photos,
                words(STATUS_WORDS.get(row.status, "pending"), lang),
                row.review_comment,
                row.place,
                row.lat,
                row.lon,
                row.notes,
                row.reporter,
                row.id,
            ]
        )
    footer = _sums(columns[: first_figure + len(fractions) + 5], out, first_figure, lang)
    if footer is not None:
        footer += [None] * (len(columns) - len(footer))
    last = period.end - timedelta(days=1)
    period_text = label("period", lang, _day(period.start, lang), _day(last, lang))
    title = [words("records_title", lang), area, period_text]
    return Sheet(words("records_sheet", lang), title, columns, out, lang, footer)


def district_workbook(
    path: Path,
    store: Store,
    kato: Kato,
    reference: ReferenceData,
    district: str,
    period: Period,
    lang: str,
    today: date | None = None,
) -> int:
    """The district's XLSX: totals by okrug, totals by campaign, every record, and who has reported
    in the period's year (as the coordinator's tab reads it, up to ``today``). Returns records written."""
    area = _area_name(kato, district)
    by_okrug = totals_response(store.district_totals(period, kato, ("okrug",)), period, ("okrug",))
    by_campaign = totals_response(store.district_totals(period, kato, ("campaign",)), period, ("campaign",))
    sheets = []
    for response, key in ((by_okrug, "by_okrug"), (by_campaign, "by_campaign")):
        sheet = totals_sheet(response, kato, reference, area=district, accepted_only=False, lang=lang)
        sheet.name = words(key, lang)
        sheets.append(sheet)
    rows = store.record_rows(period)
    sheets.append(records_sheet(rows, kato, reference, period, area, lang))
    matrix = completeness(store, kato, district, period.start.year, today or date.today())
    sheets.append(completeness_sheet(matrix, kato, area=district, several=False, lang=lang))
    write_workbook(sheets, path)
    return len(rows)


def records_csv(
    rows: Sequence[RecordRow], kato: Kato, reference: ReferenceData, period: Period, lang: str
) -> bytes:
    """Every record as CSV for Excel in Kazakhstan (UTF-8 with BOM, ``;``, decimal comma)."""
    return csv_bytes(records_sheet(rows, kato, reference, period, "", lang))


def photos_zip(
    path: Path,
    store: Store,
    kato: Kato,
    reference: ReferenceData,
    period: Period,
    photo_file: Callable[[str], Path | None],
    lang: str,
) -> tuple[int, int]:
    """The photos of the period's records, a folder per okrug: ``Okrug/2026-05-09 Settlement
    Campaign 1.jpg``. ``photo_file(sha)`` gives the photo's file, fetching it if need be (None: not
    on the server yet). Returns (photos written, photos missing)."""
    partial = path.with_name(f".{path.name}.part")
    written = missing = 0
    seen: set[str] = set()
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as archive:
            for row in store.record_rows(period):
                record = store.get(row.id)
                if record is None:
                    continue
                okrug = kato.get(row.okrug)
                settlement = kato.get(row.settlement)
                campaign = _named(reference.campaign(row.campaign), row.campaign, lang)
                folder = _safe(okrug.name(lang) if okrug else row.okrug)
                for number, photo in enumerate(record.photos, start=1):
                    source = photo_file(photo.sha256)
                    if source is None or not source.is_file():
                        missing += 1
                        continue
                    town = settlement.name(lang) if settlement else row.settlement
                    name = f"{folder}/{_safe(f'{row.action_date} {town} {campaign} {number}')}.jpg"
                    if name in seen:
                        name = f"{name[:-4]} {row.id[-8:]}.jpg"
                    seen.add(name)
                    archive.write(source, name)
                    written += 1
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return written, missing


# -- helpers -------------------------------------------------------------------------------------------


def _order(reference: ReferenceData, code: str) -> tuple[int, str]:
    found = reference.fraction(code)
    return (found.order if found else 1 << 30, code)


def _day(day: date, lang: str) -> str:
    return day.isoformat() if lang == "en" else f"{day:%d.%m.%Y}"


def _area_name(kato: Kato, code: str) -> str:
    place = kato.get(code)
    return f"{place.name_kk} / {place.name_ru}" if place else code


def _safe(name: str) -> str:
    """A file name Windows takes: no \\ / : * ? " < > |, no trailing dot or space."""
    cleaned = "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in name)
    return cleaned.strip(" .")[:120] or "_"
