"""Demo and benchmark data must be data the app itself would accept."""

from __future__ import annotations

from datetime import date

from fieldapp.demo import DEMO_OKRUG, demo_actions, demo_photo, seed_demo, world_cleanup_day
from fieldapp.kato import default_kato
from fieldapp.photos import process_photo
from fieldapp.reference import default_reference
from fieldapp.validation import Context, check_action


def test_generated_records_pass_every_rule() -> None:
    kato, reference = default_kato(), default_reference()
    okrugs = [p.code for p in kato.okrugs("196200000")]
    ctx = Context(kato, reference, date(2026, 11, 25))
    records = list(demo_actions(kato, reference, okrugs, 400, end=date(2026, 11, 25)))
    for record in records:
        report = check_action(record, ctx)
        assert report.errors == [], (record, report.errors)
    assert {r.campaign for r in records} >= {"subbotnik", "march_of_parks", "world_cleanup_day"}
    wcd = [r for r in records if r.campaign == "world_cleanup_day"]
    assert all(r.action_date == world_cleanup_day(r.action_date.year) for r in wcd)
    march = [r for r in records if r.campaign == "march_of_parks"]
    assert all(
        date(r.action_date.year, 3, 22) <= r.action_date <= date(r.action_date.year, 6, 5) for r in march
    )


def test_the_same_seed_gives_the_same_figures() -> None:
    kato, reference = default_kato(), default_reference()

    def figures(seed: int) -> list[tuple]:
        return [
            (r.settlement, r.action_date, r.participants, r.waste)
            for r in demo_actions(kato, reference, ["196247000"], 20, seed=seed, end=date(2026, 1, 1))
        ]

    assert figures(5) == figures(5)
    assert figures(5) != figures(6)


def test_demo_photos_are_real_photos_with_position() -> None:
    info, upload, thumb = process_photo(demo_photo(3), "IMG_3.jpg")
    assert info.lat is not None
    assert 43 < info.lat < 44
    assert info.taken_at is not None
    assert upload[:2] == thumb[:2] == b"\xff\xd8"


def test_the_demo_laptops_photos_are_of_their_records_day(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A photo dated far from its record's day is warned about: the demo must not be all warnings.
    from dataclasses import replace

    from fieldapp.photo_library import PhotoLibrary
    from fieldapp.store import Store
    from tests.records import context

    with Store.open(tmp_path / "taza-field.sqlite") as store:
        seed_demo(store, PhotoLibrary(tmp_path / "photos"), DEMO_OKRUG, 60, reviewed=False)
        records = [store.get(s.id) for s in store.list_actions(limit=100)]
        with_photos = [r for r in records if r.photos]
        assert 5 <= len(with_photos) <= 20
        for record in with_photos:
            dates = store.photo_dates(p.sha256 for p in record.photos)
            assert set(dates.values()) == {record.action_date}
            report = check_action(record, replace(context(today=date.today()), photo_dates=dates))
            assert not [w for w in report.warnings if w.field == "photos"]
            assert [p.role.value for p in record.photos] == ["before", "after"]
    info, _, _ = process_photo(demo_photo(2, date(2026, 5, 9)), "IMG_2.jpg")
    assert info.taken_at is not None
    assert info.taken_at.date() == date(2026, 5, 9)
