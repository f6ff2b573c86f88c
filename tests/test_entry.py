"""From typed text to a record: the path the form and the command line share."""

from __future__ import annotations

from datetime import date

import pytest

from fieldapp.entry import ActionEntry, build_action, parse_date
from fieldapp.models import PhotoRef, Status
from tests.records import OKRUG, SETTLEMENT, action, context


def entry(**overrides: object) -> ActionEntry:
    values = {
        "settlement": SETTLEMENT,
        "action_date": "20.09.2025",
        "campaign": "world_cleanup_day",
        "participants": "40",
        "waste": {"mixed": "3,2", "plastic": "0,45"},
        "area_ha": "5,2",
        "reporter": "Айгүл Сәрсенова",
        "status": Status.READY,
    }
    values.update(overrides)
    return ActionEntry(**values)  # type: ignore[arg-type]


def test_russian_typing_becomes_integer_quantities() -> None:
    record, report = build_action(entry(), context(), "ru", okrug=OKRUG)
    assert report.issues == []
    assert record is not None
    assert record.kg_of("mixed") == 3200
    assert record.kg_of("plastic") == 450
    assert record.area_m2 == 52_000
    assert record.action_date == date(2025, 9, 20)
    assert record.revision == 1
    assert record.okrug == OKRUG


def test_english_typing() -> None:
    record, _ = build_action(
        entry(waste={"mixed": "3.2"}, area_ha="5.2", lat="43.33", lon="77.30"), context(), "en", okrug=OKRUG
    )
    assert record is not None
    assert (record.kg_of("mixed"), record.area_m2) == (3200, 52_000)
    assert record.gps is not None
    assert (record.gps.lat, record.gps.lon) == (43.33, 77.3)


def test_every_field_error_is_reported_at_once_next_to_its_field() -> None:
    bad = entry(
        settlement="",
        campaign="",
        action_date="31.02.2025",
        participants="сорок",
        waste={"mixed": "1,2345", "plastic": "-1"},
        area_ha="0,125",
        trees="2,5",
        lat="95",
        lon="",
    )
    record, report = build_action(bad, context(), "ru", okrug=OKRUG)
    assert record is None
    assert {(i.field, i.code) for i in report.errors} == {
        ("settlement", "value.required"),
        ("campaign", "value.required"),
        ("action_date", "date.invalid"),
        ("participants", "value.not_a_number"),
        ("waste.mixed", "value.too_many_decimals"),
        ("waste.plastic", "value.negative"),
        ("area_m2", "value.too_many_decimals"),
        ("trees", "value.not_whole"),
        ("gps", "value.too_large"),
        ("gps", "value.required"),
    }
    texts = [i.text("kk") for i in report.errors]
    assert any("Қатысушылар" in t and "«сорок»" in t for t in texts)


def test_empty_optional_numbers_mean_zero() -> None:
    record, report = build_action(
        entry(waste={"mixed": "", "plastic": " "}, area_ha="", trees="", campaign="tree_planting"),
        context(),
        "kk",
        okrug=OKRUG,
    )
    assert record is not None
    assert (record.waste, record.area_m2, record.trees) == ((), 0, 0)
    assert [i.code for i in report.warnings] == ["plausible.nothing_recorded"]


def test_warnings_still_give_the_record_for_confirmation() -> None:
    record, report = build_action(entry(participants="1"), context(), "ru", okrug=OKRUG)
    assert record is not None
    assert report.ok
    assert {i.code for i in report.warnings} == {
        "plausible.tonnes_per_participant",
        "plausible.hectares_per_participant",
    }


def test_context_errors_come_through() -> None:
    record, report = build_action(entry(action_date="01.01.2030"), context(), "en", okrug=OKRUG)
    assert record is None
    assert [i.code for i in report.errors] == ["date.in_future"]


def test_editing_makes_the_next_revision_and_keeps_identity() -> None:
    first = action()
    form = ActionEntry.from_action(first, "ru")
    form.participants = "45"
    edited, report = build_action(form, context(), "ru", okrug=OKRUG, base=first)
    assert report.ok
    assert edited is not None
    assert (edited.id, edited.created_at) == (first.id, first.created_at)
    assert edited.revision == first.revision + 1
    assert edited.participants == 45
    assert edited.waste == first.waste


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_an_unchanged_form_gives_back_the_same_content(lang: str) -> None:
    first = action(
        gps={"lat": 43.331234, "lon": 77.301}, trees=12, photos=[PhotoRef(sha256="a" * 64, role="before")]
    )
    again, report = build_action(
        ActionEntry.from_action(first, lang), context(), lang, okrug=OKRUG, base=first
    )
    assert again is not None, report.issues
    assert again.model_dump(exclude={"revision", "updated_at"}) == first.model_dump(
        exclude={"revision", "updated_at"}
    )


def test_a_server_status_is_offered_as_ready_when_edited() -> None:
    sent = action().with_server_state(status=Status.RETURNED, review_comment="Фото жоқ")
    assert ActionEntry.from_action(sent, "kk").status is Status.READY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25.11.2026", date(2026, 11, 25)),
        ("2026-11-25", date(2026, 11, 25)),
        (" 1/2/2025 ", date(2025, 2, 1)),
        (date(2025, 5, 9), date(2025, 5, 9)),
    ],
)
def test_dates_as_typed(text: object, expected: date) -> None:
    assert parse_date(text) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "32.01.2025", "2025/13/01", "вчера", None])
def test_bad_dates(text: object) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the caller only needs "not a date"
        parse_date(text)  # type: ignore[arg-type]


def test_a_draft_may_leave_participants_empty() -> None:
    record, report = build_action(
        entry(participants="", reporter="", status=Status.DRAFT), context(), "kk", okrug=OKRUG
    )
    assert report.issues == []
    assert record is not None
    assert record.participants == 0
    ready, report = build_action(entry(participants="", reporter=""), context(), "kk", okrug=OKRUG)
    assert ready is None
    assert {i.field for i in report.errors} == {"participants", "reporter"}
