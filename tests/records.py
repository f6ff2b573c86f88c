"""Helpers to make records in tests: a real okrug, a settlement inside it and one outside."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from fieldapp.kato import default_kato
from fieldapp.models import CleanupAction, Status
from fieldapp.reference import default_reference
from fieldapp.validation import Context

OKRUG = "196247000"  # Қайнар а.о., Талғар ауданы
SETTLEMENT = "196247100"
OTHER_OKRUG = "196233000"  # Алатау а.о., same district
OTHER_SETTLEMENT = default_kato().settlements(OTHER_OKRUG)[0].code
DISTRICT = "196200000"  # Талғар ауданы
REGION = "190000000"  # Алматы облысы
FAR_OKRUG = "194033000"  # Ават а.о., Еңбекшіқазақ ауданы: another district of the region
FAR_SETTLEMENT = "194033100"
FAR_DISTRICT = "194000000"
TODAY = date(2026, 11, 25)
# Expired whatever the date the tests run on: a token, a code or a file that ran out long ago.
LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)


def context(device_okrug: str | None = OKRUG, today: date = TODAY) -> Context:
    return Context(default_kato(), default_reference(), today, device_okrug=device_okrug)


def fields(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "okrug": OKRUG,
        "settlement": SETTLEMENT,
        "action_date": date(2025, 9, 20),
        "campaign": "world_cleanup_day",
        "place": "Өзен жағасы",
        "participants": 40,
        "waste": [{"fraction": "mixed", "kg": 3200}, {"fraction": "plastic", "kg": 450}],
        "area_m2": 52_000,
        "trees": 0,
        "reporter": "Айгүл Сәрсенова",
        "status": Status.READY,
    }
    base.update(overrides)
    return base


def action(**overrides: Any) -> CleanupAction:
    return CleanupAction.new(**fields(**overrides))
