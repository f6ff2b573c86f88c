"""From what a person typed to a record: the one path the form and the command line share.

Each field is parsed on its own so that every problem can be shown next to its input, in the
user's language; then the record is built and checked as a whole (:mod:`fieldapp.validation`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from fieldapp.i18n import Localized
from fieldapp.models import CleanupAction, PhotoRef, Status
from fieldapp.numbers import NumberTextError, format_decimal, parse_decimal
from fieldapp.units import (
    QuantityError,
    format_hectares,
    format_tonnes,
    parse_count,
    parse_hectares,
    parse_tonnes,
)
from fieldapp.validation import (
    Context,
    Issue,
    Report,
    check_action,
    field_label,
    issues_from_pydantic,
)


@dataclass
class ActionEntry:
    """The form's contents as typed: numbers are text in the user's locale."""

    settlement: str = ""
    action_date: date | str | None = None
    campaign: str = ""
    participants: str = ""
    waste: dict[str, str] = field(default_factory=dict)  # fraction code → tonnes as typed
    area_ha: str = ""
    trees: str = ""
    place: str = ""
    lat: str = ""
    lon: str = ""
    notes: str = ""
    reporter: str = ""
    photos: list[PhotoRef] = field(default_factory=list)
    status: Status = Status.DRAFT

    @classmethod
    def from_action(cls, action: CleanupAction, lang: str) -> ActionEntry:
        """The entry that shows an existing record for editing."""
        return cls(
            settlement=action.settlement,
            action_date=action.action_date,
            campaign=action.campaign,
            participants=str(action.participants),
            waste={w.fraction: format_tonnes(w.kg, lang) for w in action.waste},
            area_ha=format_hectares(action.area_m2, lang) if action.area_m2 else "",
            trees=str(action.trees) if action.trees else "",
            place=action.place,
            lat=format_decimal(action.gps.lat, lang, 6) if action.gps else "",
            lon=format_decimal(action.gps.lon, lang, 6) if action.gps else "",
            notes=action.notes,
            reporter=action.reporter,
            photos=list(action.photos),
            status=action.status if action.status.set_by_person else Status.READY,
        )


def parse_date(value: date | str | None) -> date:
    """A date from a picker, or typed: 25.11.2026, 25112026, 25.11.26, 251126, 25/11/2026,
    25-11-2026 or 2026-11-25 (day first, as people write it here). Raises ValueError."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = (value or "").strip()
    if text.isdigit() and len(text) in (6, 8):  # typed without separators: ddmmyy, ddmmyyyy
        year = text[4:]
        text = f"{text[:2]}.{text[2:4]}.{'20' + year if len(year) == 2 else year}"
    parts = re.split(r"\s*[./\- ]\s*", text)
    if len(parts) == 3 and len(parts[0]) <= 2 and len(parts[2]) == 2 and all(p.isdigit() for p in parts):
        text = f"{parts[0]}.{parts[1]}.20{parts[2]}"  # 25.11.26
    elif len(parts) == 3 and len(parts[0]) <= 2:
        text = ".".join(parts)
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            found = datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        if found.year >= 1000:
            return found
    raise ValueError(value)


def build_action(
    entry: ActionEntry,
    ctx: Context,
    lang: str,
    *,
    okrug: str,
    base: CleanupAction | None = None,
) -> tuple[CleanupAction | None, Report]:
    """Parse and check ``entry``. With ``base``, the result is its next revision.

    Returns the record (None when there are errors) and the report of errors and warnings.
    """
    report = Report()
    values: dict[str, Any] = {
        "okrug": okrug,
        "settlement": entry.settlement.strip(),
        "campaign": entry.campaign.strip(),
        "place": entry.place,
        "notes": entry.notes,
        "reporter": entry.reporter,
        "photos": list(entry.photos),
        "status": entry.status,
    }
    required = ["settlement", "campaign"] + (["reporter"] if entry.status is not Status.DRAFT else [])
    for name in required:
        if not str(values[name]).strip():
            report.error(name, "value.required", field=field_label(name))
    try:
        values["action_date"] = parse_date(entry.action_date)
    except ValueError:
        key = "value.required" if not str(entry.action_date or "").strip() else "date.invalid"
        report.error("action_date", key, field=field_label("action_date"), text=str(entry.action_date))
    participants = entry.participants
    if entry.status is Status.DRAFT and not participants.strip():
        participants = "0"  # a draft may not know yet; marking it ready asks
    _parse_into(report, values, "participants", lambda: _count(participants, lang, "participants"))
    _parse_into(report, values, "trees", lambda: _count(entry.trees or "0", lang, "trees"))
    _parse_into(report, values, "area_m2", lambda: parse_hectares(entry.area_ha or "0", lang))
    waste = []
    for fraction, text in entry.waste.items():
        if not text.strip():
            continue
        known = ctx.reference.fraction(fraction)
        label = Localized(known.names) if known else field_label("waste")
        try:
            kg = parse_tonnes(text, lang, label)
        except QuantityError as exc:
            report.extend([Issue(f"waste.{fraction}", exc.message)])
        else:
            waste.append({"fraction": fraction, "kg": kg})
    values["waste"] = waste
    values["gps"] = _parse_gps(entry, lang, report)
    if not report.ok:
        return None, report

    if base is None:
        action, issues = _validated(lambda: CleanupAction.new(**values))
    else:
        action, issues = _validated(lambda: base.revise(**values))
    report.extend(issues)
    if action is None:
        return None, report
    report.extend(check_action(action, ctx).issues)
    return (action if report.ok else None), report


def _count(text: str, lang: str, name: str) -> int:
    return parse_count(text, lang, field_label(name))


def _parse_into(report: Report, values: dict[str, Any], name: str, parse: Any) -> None:
    try:
        values[name] = parse()
    except QuantityError as exc:
        report.extend([Issue(name, exc.message)])


def _parse_gps(entry: ActionEntry, lang: str, report: Report) -> dict[str, float] | None:
    lat_text, lon_text = entry.lat.strip(), entry.lon.strip()
    if not lat_text and not lon_text:
        return None
    coords: dict[str, float] = {}
    for name, text, limit in (("lat", lat_text, 90), ("lon", lon_text, 180)):
        if not text:
            report.error("gps", "value.required", field=field_label(name))
            continue
        try:
            value = parse_decimal(text, lang)
        except NumberTextError:
            report.error("gps", "value.not_a_number", field=field_label(name), text=text)
            continue
        if abs(value) > limit:
            report.error("gps", "value.too_large", field=field_label(name), limit=limit)
            continue
        coords[name] = float(value)
    return coords if len(coords) == 2 else None


def _validated(make: Any) -> tuple[CleanupAction | None, list[Issue]]:
    try:
        return make(), []
    except ValidationError as exc:
        return None, issues_from_pydantic(exc)
