"""Checking a clean-up action: errors that block saving, warnings a person may confirm.

Two layers. The pydantic model (``fieldapp.models``) refuses values that can never be right
(negative counts, malformed codes, absurd sizes); :func:`issues_from_pydantic` turns its errors
into translated :class:`Issue` s. :func:`check_action` then applies the rules that need context —
the classifier, the reference data, today's date, the device's okrug — and the plausibility
warnings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import ValidationError

from fieldapp import models
from fieldapp.i18n import Localized, Message, msg
from fieldapp.kato import Kato, Level, Place
from fieldapp.models import CleanupAction, Status
from fieldapp.reference import ReferenceData
from fieldapp.units import kg_to_tonnes, m2_to_hectares

# Plausibility: the 2025 national averages were about 0.12 t and 0.16 ha per participant.
WARN_KG_PER_PARTICIPANT = 1000  # more than 1 tonne each
WARN_M2_PER_PARTICIPANT = 50_000  # more than 5 hectares each
WARN_PARTICIPANTS = 5000  # a village clean-up with more people than most villages have
# Kazakhstan's extent with a margin: a photo's GPS outside it is almost surely wrong.
PHOTO_DAYS_APART = 7  # a photo taken more than a week from the action's date: another day's, or a wrong date
KZ_LAT = (40.0, 56.0)
KZ_LON = (46.0, 88.0)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Issue:
    """One problem with one field. ``field`` names the model field (``"waste.plastic"`` for one
    fraction, ``""`` for the record as a whole) so a form can show it beside the input."""

    field: str
    message: Message
    severity: Severity = Severity.ERROR

    @property
    def code(self) -> str:
        """Machine-readable reason, e.g. ``"date.in_future"``."""
        return self.message.key

    def text(self, lang: str) -> str:
        return self.message.text(lang)


@dataclass
class Report:
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def for_field(self, name: str) -> list[Issue]:
        return [i for i in self.issues if i.field == name or i.field.startswith(name + ".")]

    def error(self, field_name: str, key: str, **params: Any) -> None:
        self.issues.append(Issue(field_name, msg(key, **params)))

    def warn(self, field_name: str, key: str, **params: Any) -> None:
        self.issues.append(Issue(field_name, msg(key, **params), Severity.WARNING))

    def extend(self, issues: Iterable[Issue]) -> None:
        self.issues.extend(issues)


@dataclass(frozen=True)
class Context:
    """What the rules need to know besides the record."""

    kato: Kato
    reference: ReferenceData
    today: date
    device_okrug: str | None = None  # a village device may only write its own okrug
    # The day each photo was taken (its EXIF time), by SHA-256; photos without one are not listed.
    photo_dates: Mapping[str, date] = field(default_factory=dict)


def field_label(name: str) -> Message:
    """The translated label of a model field (``"waste.plastic"`` → the label of waste)."""
    return msg(f"field.{name.split('.')[0]}")


# -- structural errors from the model ----------------------------------------------------------

# pydantic error type → our catalogue key; the ctx values (limits) become message params.
_PYDANTIC_KEYS = {
    "missing": "value.required",
    "greater_than_equal": "value.too_small",
    "greater_than": "value.too_small",
    "less_than_equal": "value.too_large",
    "less_than": "value.too_large",
    "string_too_long": "text.too_long",
    "too_long": "list.too_long",
    "extra_forbidden": "value.unknown_field",
}


def issues_from_pydantic(exc: ValidationError) -> list[Issue]:
    issues = []
    for error in exc.errors(include_url=False):
        loc = [str(part) for part in error["loc"]]
        name = loc[0] if loc else ""
        if name == "waste" and len(loc) >= 2:
            name = "waste"
        ctx = error.get("ctx") or {}
        key = _PYDANTIC_KEYS.get(error["type"], "value.invalid")
        params: dict[str, Any] = {"field": field_label(name) if name else msg("field.record")}
        if key == "value.unknown_field":
            params = {"name": ".".join(loc)}
        elif key == "value.too_small" and ctx.get("ge") == 0:
            key = "value.negative"
        elif key in ("value.too_small", "value.too_large"):
            params["limit"] = _limit_for_display(name, ctx.get("ge", ctx.get("le", 0)))
        elif key in ("text.too_long", "list.too_long"):
            params["limit"] = int(ctx.get("max_length", 0))
        issues.append(Issue(name, msg(key, **params)))
    return issues


def _limit_for_display(name: str, limit: Any) -> Any:
    """Show limits in the unit people type: tonnes, hectares."""
    if name == "waste":
        return kg_to_tonnes(int(limit))
    if name == "area_m2":
        return m2_to_hectares(int(limit))
    if isinstance(limit, float) and limit.is_integer():
        return int(limit)
    return Decimal(str(limit)) if isinstance(limit, float) else limit


def parse_action(data: dict[str, Any]) -> tuple[CleanupAction | None, list[Issue]]:
    """Validate raw data into a record, or say in the user's language what is wrong."""
    try:
        return CleanupAction.model_validate(data), []
    except ValidationError as exc:
        return None, issues_from_pydantic(exc)


# -- rules with context ------------------------------------------------------------------------


def check_action(action: CleanupAction, ctx: Context) -> Report:
    """All errors and warnings for a record that passed the model's own checks."""
    report = Report()
    if action.deleted:
        return report  # a tombstone carries no figures to check
    _check_place(action, ctx, report)
    _check_date(action, ctx, report)
    _check_reference(action, ctx, report)
    if action.status is not Status.DRAFT:
        # A draft is a record still being written: what is there must be right, but what is
        # missing or unusual is only asked about when it is marked ready to send.
        _check_required(action, report)
        _check_plausible(action, report)
        _check_photo_dates(action, ctx, report)
    return report


def _check_place(action: CleanupAction, ctx: Context, report: Report) -> None:
    okrug = ctx.kato.get(action.okrug)
    if okrug is None or okrug.level is not Level.OKRUG:
        report.error("okrug", "place.unknown_okrug", code=action.okrug)
        return
    if ctx.device_okrug and action.okrug != ctx.device_okrug:
        device = ctx.kato.get(ctx.device_okrug)
        report.error(
            "okrug",
            "place.not_device_okrug",
            okrug=_place_name(okrug),
            device_okrug=_place_name(device) if device else ctx.device_okrug,
        )
    settlement = ctx.kato.get(action.settlement)
    if settlement is None or settlement.level not in (Level.SETTLEMENT, Level.SUBSETTLEMENT):
        report.error("settlement", "place.unknown_settlement", code=action.settlement)
    elif not ctx.kato.is_within(action.settlement, action.okrug):
        report.error(
            "settlement",
            "place.settlement_outside_okrug",
            settlement=_place_name(settlement),
            okrug=_place_name(okrug),
        )


def _place_name(place: Place) -> Localized:
    return Localized({"kk": place.name_kk, "ru": place.name_ru, "en": place.name_ru})


def _check_date(action: CleanupAction, ctx: Context, report: Report) -> None:
    if action.action_date > ctx.today:
        report.error("action_date", "date.in_future", today=ctx.today)
    elif action.action_date < models.EARLIEST_DATE:
        report.error("action_date", "date.too_early", earliest=models.EARLIEST_DATE)


def _check_reference(action: CleanupAction, ctx: Context, report: Report) -> None:
    if ctx.reference.campaign(action.campaign) is None:
        report.error("campaign", "record.unknown_campaign", code=action.campaign)
    for amount in action.waste:
        if ctx.reference.fraction(amount.fraction) is None:
            report.error(f"waste.{amount.fraction}", "record.unknown_fraction", code=amount.fraction)


def _check_required(action: CleanupAction, report: Report) -> None:
    if action.participants < 1:
        report.error("participants", "participants.required")
    if not action.reporter:
        report.error("reporter", "value.required", field=field_label("reporter"))


def _check_plausible(action: CleanupAction, report: Report) -> None:
    people = max(action.participants, 1)
    if action.total_kg > WARN_KG_PER_PARTICIPANT * people:
        report.warn(
            "waste",
            "plausible.tonnes_per_participant",
            tonnes=kg_to_tonnes(action.total_kg),
            count=action.participants,
            per_person=_per_person(kg_to_tonnes(action.total_kg), people),
        )
    if action.area_m2 > WARN_M2_PER_PARTICIPANT * people:
        report.warn(
            "area_m2",
            "plausible.hectares_per_participant",
            hectares=m2_to_hectares(action.area_m2),
            count=action.participants,
            per_person=_per_person(m2_to_hectares(action.area_m2), people),
        )
    if action.participants > WARN_PARTICIPANTS:
        report.warn("participants", "plausible.many_participants", count=action.participants)
    if not action.total_kg and not action.area_m2 and not action.trees:
        report.warn("", "plausible.nothing_recorded")
    if action.gps and not (
        KZ_LAT[0] <= action.gps.lat <= KZ_LAT[1] and KZ_LON[0] <= action.gps.lon <= KZ_LON[1]
    ):
        report.warn("gps", "plausible.gps_outside_kazakhstan")


def _check_photo_dates(action: CleanupAction, ctx: Context, report: Report) -> None:
    """A photo taken far from the action's date: the wrong photo, or the wrong date. One warning,
    naming the photo furthest away."""
    apart = [
        (abs((taken - action.action_date).days), taken)
        for ref in action.photos
        if (taken := ctx.photo_dates.get(ref.sha256)) is not None
    ]
    far = [(days, taken) for days, taken in apart if days > PHOTO_DAYS_APART]
    if far:
        days, taken = max(far)
        when = action.action_date
        report.warn("photos", "plausible.photo_date_far", taken=taken, days=days, action_date=when)


def _per_person(total: Decimal, people: int) -> Decimal:
    return (total / people).quantize(Decimal("0.01"))
