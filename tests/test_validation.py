"""Every validation rule, with bad input, and its message in Kazakh, Russian and English."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from fieldapp.models import MAX_PARTICIPANTS, CleanupAction
from fieldapp.validation import Report, Severity, check_action, parse_action
from tests.records import OKRUG, OTHER_OKRUG, OTHER_SETTLEMENT, TODAY, action, context, fields

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def raw(**overrides: Any) -> dict[str, Any]:
    data = fields(**overrides)
    data.setdefault("id", "01a2133c-50dd-77d1-a924-691290b236f4")
    data.setdefault("revision", 1)
    data.setdefault("created_at", NOW)
    data.setdefault("updated_at", NOW)
    return {k: v for k, v in data.items() if v is not ...}


def assert_rendered(report_issues: list[Any]) -> None:
    """Each message exists in three real languages with its placeholders filled."""
    for issue in report_issues:
        texts = [issue.text(lang) for lang in ("kk", "ru", "en")]
        assert all(t and "{" not in t and not t.startswith(("field.", "value.")) for t in texts), texts
        assert len(set(texts)) == 3, texts


def structural(**overrides: Any) -> list[Any]:
    record, issues = parse_action(raw(**overrides))
    assert record is None
    assert_rendered(issues)
    return issues


def by_rules(report: Report) -> dict[str, str]:
    return {i.field: i.code for i in report.issues}


# -- what the model refuses outright --------------------------------------------------------------


@pytest.mark.parametrize("name", ["okrug", "settlement", "campaign", "participants", "action_date"])
def test_required_fields(name: str) -> None:
    issues = structural(**{name: ...})
    assert [(i.field, i.code) for i in issues] == [(name, "value.required")]


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"participants": -1}, "participants", "value.negative"),
        ({"area_m2": -100}, "area_m2", "value.negative"),
        ({"trees": -5}, "trees", "value.negative"),
        ({"waste": [{"fraction": "mixed", "kg": -1}]}, "waste", "value.negative"),
        ({"participants": MAX_PARTICIPANTS + 1}, "participants", "value.too_large"),
        ({"waste": [{"fraction": "mixed", "kg": 10_000_001}]}, "waste", "value.too_large"),
        ({"area_m2": 1_000_000_001}, "area_m2", "value.too_large"),
        ({"trees": 1_000_001}, "trees", "value.too_large"),
        ({"settlement": "19624710"}, "settlement", "value.invalid"),
        ({"okrug": "abc"}, "okrug", "value.invalid"),
        ({"campaign": "Субботник"}, "campaign", "value.invalid"),
        ({"place": "x" * 301}, "place", "text.too_long"),
        ({"notes": "x" * 2001}, "notes", "text.too_long"),
        ({"reporter": "x" * 201}, "reporter", "text.too_long"),
        (
            {"waste": [{"fraction": "mixed", "kg": 1}, {"fraction": "mixed", "kg": 2}]},
            "waste",
            "value.invalid",
        ),
        ({"photos": [{"sha256": "0" * 64}] * 2}, "photos", "value.invalid"),
        ({"photos": [{"sha256": f"{i:064x}"} for i in range(51)]}, "photos", "list.too_long"),
        ({"photos": [{"sha256": "not-a-hash"}]}, "photos", "value.invalid"),
        ({"gps": {"lat": 91, "lon": 0}}, "gps", "value.too_large"),
        ({"action_date": "yesterday"}, "action_date", "value.invalid"),
        ({"status": "approved"}, "status", "value.invalid"),
        ({"created_at": datetime(2026, 1, 1)}, "created_at", "value.invalid"),
        ({"updated_at": NOW - timedelta(days=1)}, "", "value.invalid"),
        ({"colour": "green"}, "colour", "value.unknown_field"),
    ],
)
def test_structural_errors(overrides: dict[str, Any], field: str, code: str) -> None:
    issues = structural(**overrides)
    assert (issues[0].field, issues[0].code) == (field, code)


def test_limits_are_shown_in_the_unit_people_type() -> None:
    [issue] = structural(waste=[{"fraction": "mixed", "kg": 10_000_001}])
    assert "10 000" in issue.text("ru").replace("\u00a0", " ")
    assert "10,000" in issue.text("en")
    [issue] = structural(area_m2=1_000_000_001)
    assert "100,000" in issue.text("en")


def test_text_is_cleaned() -> None:
    record = action(place="  Өзен\n жағасы \x07", notes=" line one\nline two ", reporter="  А.  Б. ")
    assert record.place == "Өзен жағасы"
    assert record.notes == "line one\nline two"
    assert record.reporter == "А. Б."


def test_zero_waste_amounts_are_dropped_and_order_is_stable() -> None:
    a = action(waste=[{"fraction": "plastic", "kg": 5}, {"fraction": "mixed", "kg": 0}])
    b = action(waste=[{"fraction": "plastic", "kg": 5}])
    assert a.waste == b.waste


# -- rules that need the classifier, the reference data and today ---------------------------------


def test_a_typical_record_has_no_issues() -> None:
    report = check_action(action(), context())
    assert report.issues == []
    assert report.ok


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"okrug": "196247100"}, "okrug", "place.unknown_okrug"),  # a settlement, not an okrug
        ({"okrug": "999999000"}, "okrug", "place.unknown_okrug"),
        ({"settlement": "196247999"}, "settlement", "place.unknown_settlement"),
        ({"settlement": OKRUG}, "settlement", "place.unknown_settlement"),
        ({"settlement": OTHER_SETTLEMENT}, "settlement", "place.settlement_outside_okrug"),
        ({"action_date": TODAY + timedelta(days=1)}, "action_date", "date.in_future"),
        ({"action_date": date(2023, 12, 31)}, "action_date", "date.too_early"),
        ({"campaign": "unknown_campaign"}, "campaign", "record.unknown_campaign"),
        ({"waste": [{"fraction": "uranium", "kg": 5}]}, "waste.uranium", "record.unknown_fraction"),
        ({"participants": 0}, "participants", "participants.required"),
        ({"reporter": "   "}, "reporter", "value.required"),
    ],
)
def test_context_errors(overrides: dict[str, Any], field: str, code: str) -> None:
    report = check_action(action(**overrides), context())
    assert (field, code) in [(i.field, i.code) for i in report.errors], report.issues
    assert not report.ok
    assert_rendered(report.errors)


def test_a_device_writes_only_its_own_okrug() -> None:
    record = action(okrug=OTHER_OKRUG, settlement=OTHER_SETTLEMENT)
    report = check_action(record, context(device_okrug=OKRUG))
    assert by_rules(report) == {"okrug": "place.not_device_okrug"}
    assert "Қайнар а.о." in report.errors[0].text("kk")
    assert "Кайнарский с.о." in report.errors[0].text("ru")
    assert check_action(record, context(device_okrug=None)).ok


def test_settlement_names_follow_the_language() -> None:
    report = check_action(action(settlement=OTHER_SETTLEMENT), context())
    [issue] = report.errors
    assert "Алмалық а." in issue.text("kk")
    assert "с.Алмалык" in issue.text("ru")


def test_today_is_allowed_and_the_first_day_of_2024_too() -> None:
    assert check_action(action(action_date=TODAY), context()).ok
    assert check_action(action(action_date=date(2024, 1, 1)), context()).ok


# -- plausibility warnings: saving is allowed once a person confirms -------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        (
            {"participants": 2, "waste": [{"fraction": "mixed", "kg": 2001}]},
            "waste",
            "plausible.tonnes_per_participant",
        ),
        (
            {"participants": 2, "waste": [], "area_m2": 100_001},
            "area_m2",
            "plausible.hectares_per_participant",
        ),
        ({"participants": 5001, "area_m2": 0}, "participants", "plausible.many_participants"),
        ({"waste": [], "area_m2": 0, "trees": 0}, "", "plausible.nothing_recorded"),
        ({"gps": {"lat": 55.75, "lon": 37.62}}, "gps", "plausible.gps_outside_kazakhstan"),
    ],
)
def test_plausibility_warnings(overrides: dict[str, Any], field: str, code: str) -> None:
    report = check_action(action(**overrides), context())
    assert report.ok  # warnings never block
    assert [(i.field, i.code, i.severity) for i in report.warnings] == [(field, code, Severity.WARNING)]
    assert_rendered(report.warnings)


def test_per_person_figures_in_the_warning() -> None:
    report = check_action(action(participants=2, waste=[{"fraction": "mixed", "kg": 3000}]), context())
    [warning] = report.warnings
    assert "3 т на 2 участников — это 1,5 т на человека" in warning.text("ru")
    assert "1.5 t per person" in warning.text("en")


def test_exactly_at_the_thresholds_is_not_a_warning() -> None:
    report = check_action(
        action(participants=3, waste=[{"fraction": "mixed", "kg": 3000}], area_m2=150_000), context()
    )
    assert report.warnings == []


def test_a_tombstone_is_not_checked() -> None:
    record = action(participants=0).revise(deleted=True)
    assert check_action(record, context()).issues == []


def test_warnings_and_errors_together() -> None:
    report = check_action(
        action(participants=1, waste=[{"fraction": "mixed", "kg": 5000}], area_m2=0, campaign="nope"),
        context(),
    )
    assert [i.code for i in report.errors] == ["record.unknown_campaign"]
    assert [i.code for i in report.warnings] == ["plausible.tonnes_per_participant"]
    assert report.for_field("campaign") == report.errors


def test_model_roundtrip_through_json_is_exact() -> None:
    record = action(gps={"lat": 43.3312345678, "lon": 77.3}, notes="Ақкөл\nжағасы")
    again = CleanupAction.model_validate_json(record.model_dump_json())
    assert again == record
    assert again.gps is not None
    assert again.gps.lat == 43.331235


def test_a_draft_may_be_incomplete_or_unusual_but_not_wrong() -> None:
    draft = action(status="draft", participants=0, reporter="", waste=[], area_m2=0)
    assert check_action(draft, context()).issues == []
    heavy = action(status="draft", participants=1, waste=[{"fraction": "mixed", "kg": 9000}])
    assert check_action(heavy, context()).warnings == []
    wrong = action(status="draft", action_date=date(2023, 5, 1), campaign="nope")
    assert {i.code for i in check_action(wrong, context()).errors} == {
        "date.too_early",
        "record.unknown_campaign",
    }
    assert not check_action(draft.revise(status="ready"), context()).ok


def test_a_photo_taken_far_from_the_actions_date_is_a_warning() -> None:
    from dataclasses import replace

    from fieldapp.models import PhotoRef, Status

    near, far, farther, unknown = "a" * 64, "b" * 64, "c" * 64, "d" * 64
    photos = [PhotoRef(sha256=h) for h in (near, far, farther, unknown)]
    record = action(action_date=date(2026, 9, 19), photos=photos)
    dates = {near: date(2026, 9, 12), far: date(2026, 10, 1), farther: date(2025, 9, 19)}
    report = check_action(record, replace(context(), photo_dates=dates))
    [warning] = [w for w in report.warnings if w.message.key == "plausible.photo_date_far"]
    assert warning.field == "photos"
    assert warning.text("en").startswith("A photo was taken on 19.09.2025, 365 days from the action's date")
    assert warning.severity is Severity.WARNING
    # a week either side is the same action's; a draft is not asked about yet
    close = {near: date(2026, 9, 12), far: date(2026, 9, 26)}
    assert not [
        w for w in check_action(record, replace(context(), photo_dates=close)).warnings if w.field == "photos"
    ]
    draft = action(action_date=date(2026, 9, 19), photos=photos, status=Status.DRAFT)
    assert not check_action(draft, replace(context(), photo_dates=dates)).warnings
