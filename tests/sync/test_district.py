"""A coordinator's district copy against a real server (SQLite and PostgreSQL): login, pull with
thumbnails, review one by one and in bulk, a return reaching the village, a decision overtaken by
the village, duplicates, nil reports in the completeness matrix, totals and exports checked
against an independent computation."""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from fieldapp.district import Decision
from fieldapp.i18n import FieldAppError
from fieldapp.kato import default_kato
from fieldapp.models import CleanupAction, PhotoRef, PhotoRole, Status
from fieldapp.paths import DataPaths
from fieldapp.photo_library import PhotoLibrary
from fieldapp.queries import ActionFilter, Period
from fieldapp.reference import default_reference
from fieldapp.reporting import NOT_EXPECTED, State
from fieldapp.session import load_session, save_session
from fieldapp.store import Store
from server import schema as t
from sync.client import ServerClient
from sync.district import DistrictSync, LoginError, end_session, login
from sync.district_reports import completeness, district_workbook, photos_zip, records_csv
from sync.errors import Kind, SyncError
from sync.protocol import Completeness, ReportingRate
from sync.report_files import label
from tests.photo_factory import make_jpeg
from tests.records import (
    DISTRICT,
    FAR_OKRUG,
    FAR_SETTLEMENT,
    LONG_AGO,
    OKRUG,
    OTHER_OKRUG,
    OTHER_SETTLEMENT,
    SETTLEMENT,
    action,
)
from tests.server.live import LiveServer
from tests.sync.laptop import Laptop

PASSWORD = "a long password"
YEAR = 2026


class Coordinator:
    """A coordinator's laptop: a session, a district copy, a photo cache."""

    def __init__(self, folder: Path, server: LiveServer, *, new_user: bool = True) -> None:
        if new_user:
            server.user("aigul", "coordinator", district=DISTRICT, password=PASSWORD)
        self.paths = DataPaths(folder)
        self.session = login(server.root, "aigul", PASSWORD)
        self.store = Store.open(self.paths.district_database)
        self.library = PhotoLibrary(self.paths.photos)

    def client(self) -> ServerClient:
        return ServerClient(self.session.server_url, self.session.token)

    def sync(self, **kwargs: object) -> DistrictSync:
        engine = DistrictSync(self.store, self.library, self.client(), **kwargs)  # type: ignore[arg-type]
        engine.run()
        return engine

    def close(self) -> None:
        self.store.close()


@pytest.fixture
def villages(server: LiveServer, tmp_path: Path) -> Iterator[dict[str, Laptop]]:
    made = {
        "kainar": Laptop(tmp_path / "kainar", server, OKRUG, "kainar"),
        "alatau": Laptop(tmp_path / "alatau", server, OTHER_OKRUG, "alatau"),
        "far": Laptop(tmp_path / "far", server, FAR_OKRUG, "far"),  # another district
    }
    yield made
    for laptop in made.values():
        laptop.close()


@pytest.fixture
def coordinator(server: LiveServer, tmp_path: Path) -> Iterator[Coordinator]:
    made = Coordinator(tmp_path / "coordinator", server)
    yield made
    made.close()


def seed(villages: dict[str, Laptop]) -> dict[str, list[CleanupAction]]:
    kainar, alatau, far = villages["kainar"], villages["alatau"], villages["far"]
    made = {
        "kainar": kainar.add(3, photos=1, action_date=date(YEAR, 5, 9), participants=30)
        + kainar.add(2, action_date=date(YEAR, 6, 14), campaign="subbotnik", participants=12),
        "alatau": alatau.add(
            2, settlement=OTHER_SETTLEMENT, okrug=OTHER_OKRUG, action_date=date(YEAR, 5, 20), participants=50
        ),
        "far": far.add(1, settlement=FAR_SETTLEMENT, okrug=FAR_OKRUG, action_date=date(YEAR, 5, 2)),
    }
    kainar.store.file_nil_report(OKRUG, f"{YEAR}-03", "Қар әлі кетпеді")
    for laptop in villages.values():
        laptop.sync()
    return made


def test_login(server: LiveServer, coordinator: Coordinator) -> None:
    assert (coordinator.session.district, coordinator.session.username) == (DISTRICT, "aigul")
    assert not coordinator.session.expired
    with pytest.raises(LoginError) as wrong:
        login(server.root, "aigul", "not it")
    assert "Wrong user name or password" in wrong.value.text("en")
    server.user("root", "admin")
    with pytest.raises(FieldAppError) as admin:  # an admin has no district to review
        login(server.root, "root", PASSWORD)
    assert "not a district coordinator" in admin.value.text("en")
    with pytest.raises(LoginError) as away:
        login("http://127.0.0.1:9", "aigul", PASSWORD)
    assert "could not be reached" in away.value.text("en")


def test_the_session_is_kept_without_the_password(coordinator: Coordinator, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TAZA_FIELD_NO_KEYRING", "1")
    where = save_session(coordinator.session, coordinator.paths.session)
    assert where == "file"
    assert PASSWORD not in coordinator.paths.session.read_text(encoding="utf-8")
    if os.name == "posix":  # Windows: the profile's own ACL keeps it the user's
        assert (coordinator.paths.session.stat().st_mode & 0o777) == 0o600
    again = load_session(coordinator.paths.session)
    assert again is not None
    assert (again.token, again.district) == (coordinator.session.token, DISTRICT)


def test_pull_the_district_with_thumbnails(
    server: LiveServer, villages: dict[str, Laptop], coordinator: Coordinator
) -> None:
    made = seed(villages)
    engine = coordinator.sync()
    mine = {str(a.id) for a in made["kainar"] + made["alatau"]}
    store = coordinator.store
    assert {s.id for s in store.list_actions(limit=100)} == mine  # not the other district's
    assert engine.report.records_new == 7
    assert engine.report.thumbnails == 3
    for record in made["kainar"][:3]:
        assert coordinator.library.thumbnail_path(record.photos[0].sha256).is_file()
    assert [(n.okrug, n.month) for n in store.nil_reports()] == [(OKRUG, f"{YEAR}-03")]
    # again: nothing new; after a village edit, just that record
    assert coordinator.sync().report.records_new == 0
    kainar = villages["kainar"]
    edited = kainar.store.get(made["kainar"][4].id)
    assert edited is not None
    kainar.store.save(edited.revise(participants=13, status=Status.READY))
    kainar.sync()
    again = coordinator.sync().report
    assert (again.records_new, again.records_changed) == (0, 1)
    local = store.get(edited.id)
    assert local is not None
    assert (local.revision, local.participants) == (2, 13)
    # a photo opened: fetched once, kept, byte for byte
    sha = made["kainar"][0].photos[0].sha256
    path = engine.fetch_photo(sha)
    assert path.read_bytes() == kainar.library.upload_path(sha).read_bytes()


def test_review_reaches_the_villages(
    server: LiveServer, villages: dict[str, Laptop], coordinator: Coordinator
) -> None:
    made = seed(villages)
    coordinator.sync()
    store = coordinator.store
    returned, *accepted = made["kainar"][:3]
    store.queue_decisions(
        [Decision(str(returned.id), 1, Status.RETURNED, "Фото анық емес: қайта түсіріңіз")]
        + [Decision(str(a.id), 1, Status.ACCEPTED) for a in accepted + made["alatau"]]  # in bulk
    )
    # shown here at once, before anything is sent
    assert store.get(returned.id).status is Status.RETURNED  # type: ignore[union-attr]
    assert len(store.queued_decisions()) == 5
    with pytest.raises(FieldAppError) as no_reason:
        store.queue_decisions([Decision(str(made["kainar"][3].id), 1, Status.RETURNED, "  ")])
    assert "Say why" in no_reason.value.text("en")
    report = coordinator.sync().report
    assert (report.decisions_sent, report.decisions_refused) == (5, 0)
    assert store.queued_decisions() == []
    assert store.get(returned.id).status is Status.RETURNED  # type: ignore[union-attr]  # the pull agrees
    kainar = villages["kainar"]
    assert kainar.sync().decisions == 3
    back = kainar.store.get(returned.id)
    assert back is not None
    assert (back.status, back.review_comment) == (Status.RETURNED, "Фото анық емес: қайта түсіріңіз")
    assert villages["alatau"].sync().decisions == 2


def test_a_decision_overtaken_by_the_village(
    server: LiveServer, villages: dict[str, Laptop], coordinator: Coordinator
) -> None:
    made = seed(villages)
    coordinator.sync()
    record = made["kainar"][0]
    coordinator.store.queue_decisions([Decision(str(record.id), 1, Status.ACCEPTED)])
    kainar = villages["kainar"]
    current = kainar.store.get(record.id)
    assert current is not None
    kainar.store.save(current.revise(participants=31, status=Status.READY))
    kainar.sync()
    report = coordinator.sync().report
    assert (report.decisions_sent, report.decisions_refused) == (0, 1)
    [stale] = coordinator.store.queued_decisions(state=None)
    assert stale.state == "superseded"
    local = coordinator.store.get(record.id)
    assert local is not None
    assert (local.revision, local.status) == (2, Status.SENT)  # the new revision waits for review


def test_duplicates_and_completeness(
    server: LiveServer, villages: dict[str, Laptop], coordinator: Coordinator
) -> None:
    seed(villages)
    twin = villages["alatau"].add(
        1, settlement=OTHER_SETTLEMENT, okrug=OTHER_OKRUG, action_date=date(YEAR, 5, 20)
    )
    villages["alatau"].sync()
    coordinator.sync()
    groups = coordinator.store.duplicate_groups()
    assert any(str(twin[0].id) in {s.id for s in group} for group in groups)
    assert all(len({(s.settlement, s.action_date, s.campaign) for s in group}) == 1 for group in groups)
    kato = default_kato()
    matrix = completeness(coordinator.store, kato, DISTRICT, YEAR, date(YEAR, 11, 25))
    rows = {row.okrug: row for row in matrix.rows}
    assert set(rows) == {o.code for o in kato.okrugs(DISTRICT)}
    assert rows[OKRUG].months[f"{YEAR}-05"] is Completeness.REPORTED
    assert rows[OKRUG].months[f"{YEAR}-03"] is Completeness.NOTHING
    assert rows[OKRUG].months[f"{YEAR}-04"] is Completeness.MISSING
    assert rows[OTHER_OKRUG].months[f"{YEAR}-05"] is Completeness.REPORTED
    assert list(rows[OKRUG].months) == [f"{YEAR}-{m:02d}" for m in range(1, 12)]
    assert rows[OKRUG].last_sync is not None
    assert rows[OKRUG].app_version
    # read as the tab reads it (fieldapp.reporting): Қайнар began with its March nil report, Алатау
    # with its May records; November is under way
    assert rows[OKRUG].first_month == f"{YEAR}-03"
    assert [rows[OKRUG].states[f"{YEAR}-{m:02d}"] for m in (1, 2, 3, 4, 11)] == [
        State.NOT_STARTED,
        State.NOT_STARTED,
        State.NOTHING,
        State.MISSING,
        State.UNDER_WAY,
    ]
    assert rows[OTHER_OKRUG].first_month == f"{YEAR}-05"
    assert [rows[OTHER_OKRUG].states[f"{YEAR}-{m:02d}"] for m in (4, 5, 6)] == [
        State.NOT_STARTED,
        State.REPORTED,
        State.MISSING,
    ]
    expected = [s for s in rows[OKRUG].states.values() if s not in NOT_EXPECTED]
    assert rows[OKRUG].rate == ReportingRate(
        done=sum(s is not State.MISSING for s in expected), expected=len(expected)
    )
    assert matrix.month_rates[f"{YEAR}-11"] == ReportingRate(done=0, expected=0)

    # March after all: the record withdraws the village's nil report, on the laptop and on the server
    villages["kainar"].add(1, action_date=date(YEAR, 3, 28))
    assert [r.withdrawn for r in villages["kainar"].store.nil_reports(OKRUG)] == [True]
    villages["kainar"].sync()
    assert villages["kainar"].store.unsent_nil_reports() == []
    coordinator.sync()
    assert [r.withdrawn for r in coordinator.store.nil_reports(OKRUG)] == [True]
    again = completeness(coordinator.store, kato, DISTRICT, YEAR, date(YEAR, 11, 25))
    march = {row.okrug: row for row in again.rows}[OKRUG].months[f"{YEAR}-03"]
    assert march is Completeness.REPORTED


def test_four_places_on_one_day_are_not_duplicates(
    server: LiveServer, villages: dict[str, Laptop], coordinator: Coordinator
) -> None:
    kainar = villages["kainar"]
    day = date(YEAR, 4, 22)
    for place in ("Мектеп ауласы", "Орталық саябақ", "Өзен жағасы", "Зират маңы"):
        kainar.add(1, action_date=day, place=place)
    twice = kainar.add(1, action_date=day, place="Мектеп  ауласы.")  # the same place, typed again
    kainar.sync()
    coordinator.sync()
    [group] = coordinator.store.duplicate_groups()
    assert str(twice[0].id) in {s.id for s in group}
    assert len(group) == 2
    assert coordinator.store.group_place(group) in ("Мектеп ауласы", "Мектеп  ауласы.")


def test_not_duplicates_is_kept_on_the_server_and_survives_a_re_pull(
    server: LiveServer, villages: dict[str, Laptop], coordinator: Coordinator, tmp_path: Path
) -> None:
    kainar = villages["kainar"]
    pair = kainar.add(2, action_date=date(YEAR, 4, 22), place="Саябақ")
    kainar.sync()
    coordinator.sync()
    [group] = coordinator.store.duplicate_groups()
    coordinator.store.dismiss_duplicates([s.id for s in group], "aigul")
    assert coordinator.store.duplicate_groups() == []  # hidden at once, before it is sent
    report = coordinator.sync().report
    assert report.dismissals_sent == 1
    [kept] = coordinator.store.dismissals()
    assert (kept.state, kept.dismissed_by) == ("sent", "aigul")
    assert set(kept.record_ids) == {str(a.id) for a in pair}
    with server.engine.connect() as conn:
        [row] = conn.execute(t.duplicate_dismissals.select()).all()
    assert (row.id, row.dismissed_by, row.district) == (kept.id, "aigul", DISTRICT)
    assert coordinator.sync().report.dismissals_sent == 0  # nothing sent twice

    # a laptop that starts its copy afresh pulls the decision back with the records
    fresh = Coordinator(tmp_path / "fresh", server, new_user=False)
    try:
        fresh.sync()
        assert len(fresh.store.record_rows(Period(date(YEAR, 1, 1), date(YEAR + 1, 1, 1)))) >= 2
        assert fresh.store.duplicate_groups() == []
        assert [(d.id, d.dismissed_by) for d in fresh.store.dismissals()] == [(kept.id, "aigul")]
    finally:
        fresh.close()

    # a third record of that place and day: the group is shown again, all three
    kainar.add(1, action_date=date(YEAR, 4, 22), place="саябақ")
    kainar.sync()
    coordinator.sync()
    [again] = coordinator.store.duplicate_groups()
    assert len(again) == 3


def test_what_the_camera_said_reaches_the_coordinator_when_the_photo_is_opened(
    server: LiveServer, villages: dict[str, Laptop], coordinator: Coordinator
) -> None:
    kainar = villages["kainar"]
    picture = kainar.library.import_bytes(
        make_jpeg(640, 480, gps=(43.2526, 76.9454), taken_at=datetime(YEAR, 5, 10, 10, 31)), "IMG_0510.jpg"
    )
    record = kainar.store.save(
        action(
            action_date=date(YEAR, 5, 10), photos=[PhotoRef(sha256=picture.sha256, role=PhotoRole.BEFORE)]
        ),
        [picture],
    )
    kainar.sync()
    engine = coordinator.sync()
    assert str(record.id) in {
        r.id for r in coordinator.store.record_rows(Period(date(YEAR, 1, 1), date(YEAR + 1, 1, 1)))
    }
    before = coordinator.store.photo_info(picture.sha256)
    assert before is not None
    assert (before.taken_at, before.lat) == (None, None)  # the pull brings photos by their hash only
    engine.fetch_photo(picture.sha256)
    known = coordinator.store.photo_info(picture.sha256)
    assert known is not None
    assert known.taken_at == datetime(YEAR, 5, 10, 10, 31)
    assert (known.lat, known.lon) == (picture.lat, picture.lon)
    assert abs(known.lat - 43.2526) < 1e-4  # type: ignore[operator]


def test_totals_and_exports_match_an_independent_count(
    server: LiveServer, villages: dict[str, Laptop], coordinator: Coordinator, tmp_path: Path
) -> None:
    made = seed(villages)
    coordinator.sync()
    kato, reference = default_kato(), default_reference()
    period = Period.year(YEAR)
    mine = made["kainar"] + made["alatau"]
    expected_by_okrug = Counter()
    people_by_okrug = Counter()
    kg_total = 0
    for record in mine:
        expected_by_okrug[record.okrug] += 1
        people_by_okrug[record.okrug] += record.participants
        kg_total += record.total_kg
    totals = {g.group["okrug"]: g for g in coordinator.store.district_totals(period, kato, ("okrug",))}
    assert {k: g.actions for k, g in totals.items()} == dict(expected_by_okrug)
    assert {k: g.participants for k, g in totals.items()} == dict(people_by_okrug)
    assert sum(g.total_kg for g in totals.values()) == kg_total

    xlsx = tmp_path / "talgar.xlsx"
    today = date(YEAR, 11, 25)
    written = district_workbook(xlsx, coordinator.store, kato, reference, DISTRICT, period, "kk", today)
    assert written == 7
    book = load_workbook(xlsx)
    assert book.sheetnames == ["Округтер бойынша", "Акциялар бойынша", "Жазбалар", "Толықтық"]
    # who has reported, as the tab reads it: Қайнар's first months not started, November under way
    matrix = completeness(coordinator.store, kato, DISTRICT, YEAR, today)
    completeness_rows = {r[0].value: r for r in book["Толықтық"].iter_rows(min_row=7) if r[0].value}
    kainar = completeness_rows[OKRUG]
    states = next(r.states for r in matrix.rows if r.okrug == OKRUG)
    assert [c.value for c in kainar[3:14]] == [label(state, "kk") for state in states.values()]
    assert kainar[3].value == "әлі басталмаған"
    assert kainar[13].value == "ай жүріп жатыр"
    assert kainar[3].fill.fgColor.rgb[-6:] == "FFFFFF"  # not started: white, not red
    assert book["Толықтық"].cell(row=6, column=15).value == "Есеп тапсыру үлесі"
    by_okrug = book["Округтер бойынша"]
    header = next(r for r in by_okrug.iter_rows(values_only=True) if r and r[0] and "ҚАТО" in str(r[0]))
    body = [r for r in by_okrug.iter_rows(values_only=True) if r and r[0] in expected_by_okrug]
    actions = header.index("Іс-шаралар")
    assert {r[0]: r[actions] for r in body} == dict(expected_by_okrug)
    assert "Қайнар" in str(body[0][1]) or "Қайнар" in str(body[1][1])  # Cyrillic intact
    records = book["Жазбалар"]
    rows = [r for r in records.iter_rows(values_only=True) if r and r[-1] in {str(a.id) for a in mine}]
    assert len(rows) == 7
    assert by_okrug.freeze_panes is not None

    text = records_csv(coordinator.store.record_rows(period), kato, reference, period, "ru").decode("utf-8")
    assert text.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert len(table) == 1 + 7
    total_t = table[0].index("Всего отходов, т")
    assert sum(float(row[total_t].replace(",", ".")) for row in table[1:]) == pytest.approx(kg_total / 1000)

    engine = DistrictSync(coordinator.store, coordinator.library, coordinator.client())
    archive = tmp_path / "photos.zip"
    written, missing = photos_zip(
        archive, coordinator.store, kato, reference, period, lambda sha: engine.fetch_photo(sha), "kk"
    )
    assert (written, missing) == (3, 0)
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
    assert len(names) == 3
    assert all(name.startswith("Қайнар а.о/") for name in names)  # no trailing dot: Windows refuses it


def test_an_ended_session_asks_for_the_password(server: LiveServer, coordinator: Coordinator) -> None:
    with server.engine.begin() as conn:
        conn.execute(update(t.tokens).where(t.tokens.c.kind == "user").values(expires_at=LONG_AGO))
    with pytest.raises(SyncError) as ended:
        coordinator.sync()
    assert ended.value.kind is Kind.SESSION_EXPIRED
    assert "log in again" in ended.value.text("en")


def test_logging_out_ends_the_session_on_the_server(server: LiveServer, coordinator: Coordinator) -> None:
    coordinator.sync()
    assert end_session(coordinator.session)
    with pytest.raises(SyncError) as ended:
        coordinator.sync()
    assert ended.value.kind is Kind.SESSION_EXPIRED
    # an unreachable server: the laptop forgets the session all the same, without waiting long
    away = coordinator.session.model_copy(update={"server_url": "http://127.0.0.1:9"})
    assert not end_session(away)


def test_a_bundle_through_the_coordinator(
    server: LiveServer, villages: dict[str, Laptop], coordinator: Coordinator, tmp_path: Path
) -> None:
    from sync.bundle import export_bundle

    kainar = villages["kainar"]
    kainar.add(2, photos=1, seed=7)
    bundle = tmp_path / "kainar.tazabundle"
    export_bundle(kainar.store, kainar.library, kainar.credentials, bundle)
    engine = DistrictSync(coordinator.store, coordinator.library, coordinator.client())
    done = engine.import_bundle(bundle)
    assert (done.records, done.photos_stored) == ({"applied": 2}, 2)
    engine.run()
    assert coordinator.store.count_actions(ActionFilter(okrug=OKRUG)) == 2
    assert SETTLEMENT
