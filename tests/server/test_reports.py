"""Consolidation: totals, completeness, scopes and the CSV/XLSX exports, against a real server on
SQLite and PostgreSQL.

One data set is pushed by laptops of two okrugs of Талғар ауданы, one of Еңбекшіқазақ ауданы (same
region) and one of Абай облысы; a record is edited, one deleted, one accepted, one returned; nil
reports are filed (one withdrawn). The expected figures are summed here, in plain Python, from the
records as pushed, and compared with what the server answers.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from fieldapp.kato import default_kato
from fieldapp.models import CleanupAction
from fieldapp.reference import default_reference
from server import accounts
from server import schema as t
from server.reports import split_period
from sync.protocol import APP_VERSION_HEADER, Role
from tests.records import OKRUG, OTHER_OKRUG, OTHER_SETTLEMENT, SETTLEMENT, TODAY, action
from tests.server.live import Caller, LiveServer

KATO = default_kato()
REFERENCE = default_reference()
DISTRICT = "196200000"  # Талғар ауданы
REGION = "190000000"  # Алматы облысы
SECOND_SETTLEMENT = next(s.code for s in KATO.settlements(OKRUG) if s.code != SETTLEMENT)
FAR_DISTRICT = "194000000"  # Еңбекшіқазақ ауданы, same region
FAR_OKRUG = KATO.okrugs(FAR_DISTRICT)[0].code
FAR_SETTLEMENT = KATO.settlements(FAR_OKRUG)[0].code
ABAI_OKRUG, ABAI_SETTLEMENT = "103230000", "103230100"  # Қараауыл а.о., Абай облысы
SILENT_OKRUG = "196235000"  # Белбұлақ а.о.: a laptop enrolled that never synced
PASSWORD = "a long password"
KZ = timezone(timedelta(hours=5))
# The server's clock at noon of TODAY: the completeness matrix ends at its month whatever the real date.
AT_TODAY = pytest.mark.server_settings(now=datetime.combine(TODAY, time(12), KZ).isoformat())
FIGURE_NAMES = ("actions", "participants", "area_m2", "trees", "kg_by_fraction")

Key = tuple[str, ...]


def kg(**amounts: int) -> list[dict[str, Any]]:
    return [{"fraction": fraction, "kg": value} for fraction, value in amounts.items()]


# -- the data set -------------------------------------------------------------------------------------


@dataclass
class Seeded:
    coordinator: Caller  # of Талғар ауданы
    far_coordinator: Caller  # of Еңбекшіқазақ ауданы
    admin: Caller
    records: dict[str, CleanupAction] = field(default_factory=dict)  # id → newest revision
    status: dict[str, str] = field(default_factory=dict)  # id → review status
    nil: list[dict[str, Any]] = field(default_factory=list)  # as last sent

    def value(self, record: CleanupAction, group: str) -> str:
        if group == "region":
            return KATO.region_of(record.settlement).code  # type: ignore[union-attr]
        if group == "district":
            return KATO.district_of(record.settlement).code  # type: ignore[union-attr]
        if group == "month":
            return record.action_date.isoformat()[:7]
        return str(getattr(record, group))

    def expected(
        self,
        start: date,
        end: date,
        group_by: tuple[str, ...],
        *,
        district: str | None = None,
        region: str | None = None,
        accepted_only: bool = False,
    ) -> dict[Key, tuple[Any, ...]]:
        sums: dict[Key, list[Any]] = defaultdict(lambda: [0, 0, 0, 0, defaultdict(int)])
        for rid, record in self.records.items():
            if record.deleted or not start <= record.action_date < end:
                continue
            if district and self.value(record, "district") != district:
                continue
            if region and self.value(record, "region") != region:
                continue
            if accepted_only and self.status[rid] != "accepted":
                continue
            figures = sums[tuple(self.value(record, g) for g in group_by)]
            figures[0] += 1
            figures[1] += record.participants
            figures[2] += record.area_m2
            figures[3] += record.trees
            for amount in record.waste:
                figures[4][amount.fraction] += amount.kg
        return {key: (a, p, m2, trees, dict(waste)) for key, (a, p, m2, trees, waste) in sums.items()}


def push(caller: Caller, *records: CleanupAction, base: int = 0, version: str = "0.2.0") -> None:
    body = {
        "batch_id": str(uuid.uuid4()),
        "records": [{"record": json.loads(r.model_dump_json()), "base_revision": base} for r in records],
    }
    response = caller.post("/push", json=body, headers={APP_VERSION_HEADER: version})
    assert response.status_code == 200, response.text
    assert {r["outcome"] for r in response.json()["results"]} == {"applied"}, response.text


def send_nil(
    caller: Caller,
    seeded: Seeded,
    okrug: str,
    month: str,
    *,
    withdrawn: bool = False,
    same_as: dict[str, Any] | None = None,
) -> dict[str, Any]:
    report = {
        "id": same_as["id"] if same_as else str(uuid.uuid4()),
        "okrug": okrug,
        "month": month,
        "filed_at": "2026-11-01T08:00:00Z",
        "withdrawn": withdrawn,
    }
    response = caller.post("/push", json={"batch_id": str(uuid.uuid4()), "nil_reports": [report]})
    assert response.json()["nil_reports"][0]["outcome"] == "applied", response.text
    seeded.nil = [n for n in seeded.nil if n["id"] != report["id"]] + [report]
    return report


def user(server: LiveServer, name: str, role: Role, district: str | None = None) -> Caller:
    """A logged-in user, made straight in the database (the CLI's `user add` has tests of its own and
    costs a process start)."""
    with server.engine.begin() as conn:
        accounts.create_user(conn, name, PASSWORD, role, district)
    response = server.caller().post("/login", json={"username": name, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return server.caller(response.json()["token"])


def seed(server: LiveServer) -> Seeded:
    seeded = Seeded(
        coordinator=user(server, "aigul", Role.COORDINATOR, DISTRICT),
        far_coordinator=user(server, "nurlan", Role.COORDINATOR, FAR_DISTRICT),
        admin=user(server, "admin", Role.ADMIN),
    )
    old_laptop = server.enrol(OKRUG, "old laptop")
    kainar, alatau = server.enrol(OKRUG, "Қайнар"), server.enrol(OTHER_OKRUG, "Алатау")
    far, abai = server.enrol(FAR_OKRUG, "Ават"), server.enrol(ABAI_OKRUG, "Қараауыл")
    server.enrol(SILENT_OKRUG, "never synced")

    def at(where: str, settlement: str) -> dict[str, str]:
        return {"okrug": where, "settlement": settlement}

    home, second, b, c, e = (
        at(OKRUG, SETTLEMENT),
        at(OKRUG, SECOND_SETTLEMENT),
        at(OTHER_OKRUG, OTHER_SETTLEMENT),
        at(FAR_OKRUG, FAR_SETTLEMENT),
        at(ABAI_OKRUG, ABAI_SETTLEMENT),
    )
    day = date
    kainar_records = [
        action(
            **home,
            action_date=day(2026, 3, 5),
            campaign="subbotnik",
            participants=30,
            waste=kg(mixed=1200, plastic=300),
            area_m2=10_000,
        ),
        action(
            **second,
            action_date=day(2026, 3, 20),
            campaign="world_cleanup_day",
            participants=45,
            waste=kg(mixed=500, glass=80),
            area_m2=25_000,
            trees=5,
        ),
        action(
            **home,
            action_date=day(2026, 4, 10),
            campaign="tree_planting",
            participants=20,
            waste=[],
            area_m2=3_000,
            trees=150,
        ),
        action(
            **home,
            action_date=day(2026, 4, 22),
            campaign="subbotnik",
            participants=60,
            waste=kg(mixed=2500, metal=120),
            area_m2=40_000,
        ),  # accepted below
        action(
            **second,
            action_date=day(2026, 5, 15),
            campaign="march_of_parks",
            participants=35,
            waste=kg(organic=900),
            area_m2=7_500,
        ),  # returned below
        action(
            **home, action_date=day(2026, 7, 2), campaign="subbotnik", participants=10, waste=kg(mixed=100)
        ),  # deleted below: July stays missing
        action(
            **home,
            action_date=day(2025, 9, 20),
            campaign="world_cleanup_day",
            participants=40,
            waste=kg(mixed=3200, plastic=450),
            area_m2=52_000,
        ),
    ]
    alatau_records = [
        action(
            **b,
            action_date=day(2026, 3, 31),
            campaign="subbotnik",
            participants=25,
            waste=kg(mixed=800, paper=60),
            area_m2=15_000,
        ),  # accepted below
        action(
            **b,
            action_date=day(2026, 4, 1),
            campaign="world_cleanup_day",
            participants=50,
            waste=kg(mixed=1000),
            area_m2=20_000,
        ),
        action(
            **b,
            action_date=day(2026, 6, 14),
            campaign="march_of_parks",
            participants=15,
            waste=kg(hazardous=5, plastic=40),
            area_m2=5_000,
        ),
        action(
            **b,
            action_date=day(2026, 4, 18),
            campaign="subbotnik",
            participants=12,
            waste=kg(mixed=300),
            area_m2=2_000,
        ),  # edited below
    ]
    far_records = [
        action(
            **c,
            action_date=day(2026, 4, 5),
            campaign="subbotnik",
            participants=70,
            waste=kg(mixed=4000),
            area_m2=60_000,
        ),
        action(
            **c,
            action_date=day(2025, 9, 20),
            campaign="world_cleanup_day",
            participants=100,
            waste=kg(mixed=5000),
        ),
    ]
    abai_records = [
        action(
            **e,
            action_date=day(2026, 4, 9),
            campaign="subbotnik",
            participants=33,
            waste=kg(mixed=777, glass=23),
            area_m2=1_200,
        ),
    ]

    push(old_laptop, kainar_records[-1], version="0.1.5")  # the okrug's other laptop, earlier
    push(kainar, *kainar_records[:-1])
    push(alatau, *alatau_records, version="0.1.9")
    push(far, *far_records)
    push(abai, *abai_records)
    for record in kainar_records + alatau_records + far_records + abai_records:
        seeded.records[str(record.id)] = record
        seeded.status[str(record.id)] = "pending"
    # an edit (only the newest revision counts) and a deletion (a tombstone counts nowhere)
    edited = alatau_records[3].revise(participants=18, waste=kg(mixed=350, paper=20))
    deleted = kainar_records[5].revise(deleted=True)
    push(alatau, edited, base=1, version="0.1.9")
    push(kainar, deleted, base=1)
    seeded.records[str(edited.id)] = edited
    seeded.records[str(deleted.id)] = deleted

    decisions = [
        {"record_id": str(kainar_records[3].id), "revision": 1, "decision": "accepted"},
        {"record_id": str(alatau_records[0].id), "revision": 1, "decision": "accepted"},
        {
            "record_id": str(kainar_records[4].id),
            "revision": 1,
            "decision": "returned",
            "comment": "Суреттер жоқ",
        },
    ]
    response = seeded.coordinator.post("/reviews", json={"decisions": decisions})
    assert [r["outcome"] for r in response.json()["results"]] == ["applied"] * 3, response.text
    for decision in decisions:
        seeded.status[decision["record_id"]] = decision["decision"]

    send_nil(kainar, seeded, OKRUG, "2026-02")  # nothing done in February
    send_nil(kainar, seeded, OKRUG, "2026-03")  # said so, but a record came after all: reported
    send_nil(kainar, seeded, OKRUG, "2025-12")  # another year
    january = send_nil(alatau, seeded, OTHER_OKRUG, "2026-01")
    send_nil(alatau, seeded, OTHER_OKRUG, "2026-01", withdrawn=True, same_as=january)  # missing again
    send_nil(alatau, seeded, OTHER_OKRUG, "2026-05")
    send_nil(far, seeded, FAR_OKRUG, "2026-02")
    return seeded


# -- reading answers ----------------------------------------------------------------------------------


def get_totals(caller: Caller, start: str, end: str, group_by: str, **params: Any) -> dict[str, Any]:
    response = caller.get(
        "/reports/totals", params={"start": start, "end": end, "group_by": group_by, **params}
    )
    assert response.status_code == 200, response.text
    return response.json()


def as_sums(answer: dict[str, Any]) -> dict[Key, tuple[Any, ...]]:
    groups = answer["group_by"]
    return {
        tuple(row["group"][g] for g in groups): tuple(row[name] for name in FIGURE_NAMES)
        for row in answer["rows"]
    }


def keys(answer: dict[str, Any]) -> list[Key]:
    return [tuple(row["group"][g] for g in answer["group_by"]) for row in answer["rows"]]


def campaign_order(code: str) -> int:
    return REFERENCE.campaign(code).order  # type: ignore[union-attr]


def okrug_order(code: str) -> int:
    return [p.code for p in KATO.okrugs(KATO[code].parent_code or "")].index(code)


def refusal(response: Any) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["reason"]


def months_of(year: int) -> list[str]:
    last = 12 if year < TODAY.year else TODAY.month
    return [f"{year}-{m:02d}" for m in range(1, last + 1)]


def expected_states(seeded: Seeded, okrug: str, year: int) -> dict[str, str]:
    live = {
        r.action_date.isoformat()[:7] for r in seeded.records.values() if r.okrug == okrug and not r.deleted
    }
    nil = {n["month"] for n in seeded.nil if n["okrug"] == okrug and not n["withdrawn"]}
    return {
        month: "reported" if month in live else "nothing" if month in nil else "missing"
        for month in months_of(year)
    }


def first_month_of(seeded: Seeded, okrug: str) -> str | None:
    """The okrug's first month with a live record or a nil report not withdrawn, any year."""
    live = {
        r.action_date.isoformat()[:7] for r in seeded.records.values() if r.okrug == okrug and not r.deleted
    }
    nil = {n["month"] for n in seeded.nil if n["okrug"] == okrug and not n["withdrawn"]}
    return min(live | nil, default=None)


def read_states(seeded: Seeded, okrug: str, year: int) -> dict[str, str]:
    """As the coordinator's tab reads them: nothing in this month is «under way», nothing before
    the okrug's first record or nil report «not started»."""
    first = first_month_of(seeded, okrug)
    return {
        month: "under_way"
        if state == "missing" and month == f"{TODAY:%Y-%m}"
        else "not_started"
        if state == "missing" and first is not None and month < first
        else state
        for month, state in expected_states(seeded, okrug, year).items()
    }


def rate_of(states: Any) -> dict[str, int]:
    expected = [s for s in states if s not in ("under_way", "not_started")]
    return {"done": sum(s != "missing" for s in expected), "expected": len(expected)}


def last_sync_of(server: LiveServer) -> dict[str, tuple[datetime, str]]:
    """From the database: per okrug, the newest ``last_seen`` and its laptop's app version."""
    newest: dict[str, tuple[datetime, str]] = {}
    with server.engine.connect() as conn:
        for row in conn.execute(select(t.devices).where(t.devices.c.last_seen.is_not(None))):
            if row.okrug not in newest or row.last_seen > newest[row.okrug][0]:
                newest[row.okrug] = (row.last_seen, row.app_version)
    return newest


# -- the tests ------------------------------------------------------------------------------------------


def test_a_period_splits_into_whole_months_and_loose_days() -> None:
    whole = split_period(date(2026, 1, 1), date(2027, 1, 1))
    assert (whole.months, whole.days) == ((date(2026, 1, 1), date(2027, 1, 1)), ())
    mixed = split_period(date(2026, 3, 15), date(2026, 6, 10))
    assert mixed.months == (date(2026, 4, 1), date(2026, 6, 1))
    assert mixed.days == ((date(2026, 3, 15), date(2026, 4, 1)), (date(2026, 6, 1), date(2026, 6, 10)))
    inside = split_period(date(2026, 3, 15), date(2026, 4, 20))
    assert (inside.months, inside.days) == (None, ((date(2026, 3, 15), date(2026, 4, 20)),))
    december = split_period(date(2025, 12, 1), date(2026, 1, 1))
    assert (december.months, december.days) == ((date(2025, 12, 1), date(2026, 1, 1)), ())


@AT_TODAY
def test_totals_completeness_and_scopes(server: LiveServer) -> None:
    seeded = seed(server)
    year = (date(2026, 1, 1), date(2027, 1, 1))
    coordinator, admin, far = seeded.coordinator, seeded.admin, seeded.far_coordinator

    # the district by campaign, for its coordinator (no district named: its own)
    answer = get_totals(coordinator, "2026-01-01", "2027-01-01", "district,campaign")
    assert as_sums(answer) == seeded.expected(*year, ("district", "campaign"), district=DISTRICT)
    assert keys(answer) == sorted(keys(answer), key=lambda k: campaign_order(k[1]))
    assert {k[0] for k in keys(answer)} == {DISTRICT}
    assert answer["group_by"] == ["district", "campaign"]
    assert (answer["start"], answer["end"]) == ("2026-01-01", "2027-01-01")

    # by okrug and month, naming the district; sorted by okrug name, then month
    answer = get_totals(coordinator, "2026-01-01", "2027-01-01", "okrug,month", district=DISTRICT)
    assert as_sums(answer) == seeded.expected(*year, ("okrug", "month"), district=DISTRICT)
    assert keys(answer) == sorted(keys(answer), key=lambda k: (okrug_order(k[0]), k[1]))
    assert keys(answer)[0][0] == OTHER_OKRUG  # Алатау before Қайнар
    assert ("196247000", "2026-07") not in as_sums(answer)  # the deleted record's month

    # the whole country by region, both years, for the admin
    both = (date(2025, 1, 1), date(2027, 1, 1))
    answer = get_totals(admin, "2025-01-01", "2027-01-01", "region")
    assert as_sums(answer) == seeded.expected(*both, ("region",))
    assert keys(answer) == [("100000000",), (REGION,)]  # Абай облысы, then Алматы облысы
    grand = get_totals(admin, "2025-01-01", "2027-01-01", "")
    assert as_sums(grand) == seeded.expected(*both, ())
    live = [r for r in seeded.records.values() if not r.deleted]
    assert grand["rows"][0]["participants"] == sum(r.participants for r in live)
    by_district = get_totals(admin, "2025-01-01", "2027-01-01", "district,month", region=REGION)
    assert as_sums(by_district) == seeded.expected(*both, ("district", "month"), region=REGION)

    # accepted only
    answer = get_totals(admin, "2026-01-01", "2027-01-01", "okrug,campaign", accepted_only="true")
    assert as_sums(answer) == seeded.expected(*year, ("okrug", "campaign"), accepted_only=True)
    assert len(answer["rows"]) == 2

    # periods that are not whole months: only loose days, and whole months with loose days around
    for start, end in ((date(2026, 3, 15), date(2026, 4, 20)), (date(2026, 3, 15), date(2026, 6, 10))):
        for groups in ("settlement,campaign", "district,month"):
            answer = get_totals(admin, start.isoformat(), end.isoformat(), groups)
            expected = seeded.expected(start, end, tuple(groups.split(",")))
            assert as_sums(answer) == expected, f"{start} – {end} by {groups}"
    loose = get_totals(coordinator, "2026-03-15", "2026-04-20", "settlement", accepted_only="true")
    assert as_sums(loose) == seeded.expected(
        date(2026, 3, 15), date(2026, 4, 20), ("settlement",), district=DISTRICT, accepted_only=True
    )

    # scopes: another district's coordinator sees its own district only, and is refused ours
    whole_2026 = {"start": "2026-01-01", "end": "2027-01-01"}
    ours = far.get("/reports/totals", params=whole_2026 | {"district": DISTRICT})
    assert refusal(ours) == (403, "forbidden")
    assert f"coordinator nurlan of {FAR_DISTRICT} asked for district {DISTRICT}" in server.log.read_text()
    abai = coordinator.get("/reports/totals", params=whole_2026 | {"region": "100000000"})
    assert refusal(abai) == (403, "forbidden")
    answer = get_totals(far, "2025-01-01", "2027-01-01", "region,district")
    assert as_sums(answer) == seeded.expected(*both, ("region", "district"), district=FAR_DISTRICT)
    answer = get_totals(coordinator, "2025-01-01", "2027-01-01", "region", region=REGION)
    assert as_sums(answer) == seeded.expected(*both, ("region",), district=DISTRICT)
    laptop = server.enrol(OKRUG, "nosy laptop")
    assert refusal(laptop.get("/reports/totals", params=whole_2026)) == (403, "forbidden")

    # parameters that make no sense
    for params in (
        {"start": "2026-01-01", "end": "2027-01-01", "group_by": "weather"},
        {"start": "2026-01-01", "end": "2027-01-01", "group_by": "okrug,okrug"},
        {"start": "2026-05-01", "end": "2026-05-01"},
        {"start": "2026-06-01", "end": "2026-05-01"},
        {"start": "2026-13-01", "end": "2027-01-01"},
        {"start": "yesterday", "end": "2027-01-01"},
        {"start": "9999-12-15", "end": "9999-12-31"},
        {"end": "2027-01-01"},
        {"start": "2026-01-01", "end": "2027-01-01", "district": "196247000"},  # an okrug
        {"start": "2026-01-01", "end": "2027-01-01", "district": "1962"},
        {"start": "2026-01-01", "end": "2027-01-01", "accepted_only": "perhaps"},
    ):
        assert refusal(admin.get("/reports/totals", params=params)) == (422, "malformed"), params
    for params in ({"year": "1999"}, {"year": "3000"}, {"year": "soon"}, {"region": "196200000"}):
        assert refusal(admin.get("/reports/completeness", params=params)) == (422, "malformed"), params

    # completeness: every okrug of the district, the silent ones too, month by month
    response = coordinator.get("/reports/completeness", params={"year": 2026})
    assert response.status_code == 200, response.text
    matrix = response.json()
    assert matrix["year"] == 2026
    okrugs = [p.code for p in KATO.okrugs(DISTRICT)]
    assert [row["okrug"] for row in matrix["rows"]] == okrugs
    seen = last_sync_of(server)
    for row in matrix["rows"]:
        assert row["months"] == expected_states(seeded, row["okrug"], 2026), row["okrug"]
        assert row["states"] == read_states(seeded, row["okrug"], 2026), row["okrug"]
        assert row["first_month"] == first_month_of(seeded, row["okrug"])
        assert row["rate"] == rate_of(row["states"].values())
        synced, version = seen.get(row["okrug"], (None, ""))
        assert (row["last_sync"] and datetime.fromisoformat(row["last_sync"])) == synced, row["okrug"]
        assert row["app_version"] == version
    rows = {row["okrug"]: row for row in matrix["rows"]}
    kainar, alatau = rows[OKRUG]["months"], rows[OTHER_OKRUG]["months"]
    assert (kainar["2026-02"], kainar["2026-03"], kainar["2026-05"], kainar["2026-07"]) == (
        "nothing",
        "reported",
        "reported",
        "missing",
    )
    assert (alatau["2026-01"], alatau["2026-05"], alatau["2026-06"]) == ("missing", "nothing", "reported")
    assert rows[OKRUG]["app_version"] == "0.2.0"  # the newer laptop, not the one seen first
    assert rows[OTHER_OKRUG]["app_version"] == "0.1.9"
    assert rows[SILENT_OKRUG]["last_sync"] is None
    assert set(rows[SILENT_OKRUG]["months"].values()) == {"missing"}
    # read as the coordinator's tab reads them: November is under way; Алатау began in March (its
    # January nil report was withdrawn), so its January and February are not started, not missing
    assert matrix["this_month"] == "2026-11"
    kainar, alatau = rows[OKRUG]["states"], rows[OTHER_OKRUG]["states"]
    assert (kainar["2026-02"], kainar["2026-07"], kainar["2026-11"]) == ("nothing", "missing", "under_way")
    assert rows[OKRUG]["first_month"] == "2025-09"
    assert rows[OTHER_OKRUG]["first_month"] == "2026-03"
    assert (alatau["2026-01"], alatau["2026-02"], alatau["2026-03"]) == (
        "not_started",
        "not_started",
        "reported",
    )
    assert rows[OTHER_OKRUG]["rate"] == {"done": 4, "expected": 8}  # March–October: 3, 4, 5 and 6
    silent = rows[SILENT_OKRUG]["states"]  # never reported: red, every month that is over
    assert [silent[m] for m in months_of(2026)] == ["missing"] * 10 + ["under_way"]
    assert rows[SILENT_OKRUG]["rate"] == {"done": 0, "expected": 10}
    for month in months_of(2026):
        assert matrix["month_rates"][month] == rate_of(row["states"][month] for row in matrix["rows"])
    assert matrix["month_rates"]["2026-11"] == {"done": 0, "expected": 0}
    assert matrix["rate"] == rate_of(s for row in matrix["rows"] for s in row["states"].values())
    last_year = coordinator.get("/reports/completeness", params={"year": 2025}).json()
    kainar_2025 = next(row["months"] for row in last_year["rows"] if row["okrug"] == OKRUG)
    assert kainar_2025 == expected_states(seeded, OKRUG, 2025)
    for row in last_year["rows"]:  # a year that is over: nothing under way
        assert row["states"] == read_states(seeded, row["okrug"], 2025), row["okrug"]
    kainar_read = next(row["states"] for row in last_year["rows"] if row["okrug"] == OKRUG)
    assert (kainar_read["2025-08"], kainar_read["2025-11"]) == ("not_started", "missing")
    assert (kainar_2025["2025-09"], kainar_2025["2025-12"], kainar_2025["2025-11"]) == (
        "reported",
        "nothing",
        "missing",
    )
    assert admin.get("/reports/completeness", params={"year": 2026, "district": DISTRICT}).json() == matrix
    assert refusal(far.get("/reports/completeness", params={"district": DISTRICT})) == (403, "forbidden")
    far_matrix = far.get("/reports/completeness", params={"year": 2026}).json()
    assert [row["okrug"] for row in far_matrix["rows"]] == [p.code for p in KATO.okrugs(FAR_DISTRICT)]
    assert far_matrix["rows"][0]["months"]["2026-04"] == "reported"
    assert far_matrix["rows"][0]["first_month"] == "2025-09"
    region = admin.get("/reports/completeness", params={"year": 2026, "region": REGION}).json()
    assert len(region["rows"]) == sum(len(KATO.okrugs(d.code)) for d in KATO.districts(REGION))
    region_rows = {row["okrug"]: row for row in region["rows"]}
    for okrug in (OKRUG, OTHER_OKRUG, FAR_OKRUG, SILENT_OKRUG):
        assert region_rows[okrug]["states"] == read_states(seeded, okrug, 2026), okrug
    assert ABAI_OKRUG not in region_rows


@AT_TODAY
def test_exports_match_the_api(server: LiveServer, tmp_path: Path) -> None:
    seeded = seed(server)
    params = {"start": "2026-01-01", "end": "2027-01-01", "group_by": "okrug,campaign", "district": DISTRICT}
    answer = get_totals(seeded.admin, **params)
    fractions = [f for f in REFERENCE.active_fractions()]
    period = [
        "--start",
        "2026-01-01",
        "--end",
        "2027-01-01",
        "--group-by",
        "okrug,campaign",
        "--district",
        DISTRICT,
    ]

    # CSV for Excel in Kazakhstan: BOM, ";", decimal comma
    out = tmp_path / "totals.csv"
    server.cli("report", "totals", *period, "--format", "csv", "--out", str(out))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    header, body = table[0], table[1:]
    fraction_headers = [f"{f.name('ru')}, т" for f in fractions]
    assert header == [
        "Сельский округ: код КАТО",
        "Сельский округ (на казахском)",
        "Сельский округ (на русском)",
        "Акция",
        "Мероприятия",
        "Участники",
        *fraction_headers,
        "Всего отходов, т",
        "Убранная площадь, га",
        "Посажено деревьев",
    ]
    assert len(body) == len(answer["rows"])
    for line, row in zip(body, answer["rows"], strict=True):
        okrug = KATO[row["group"]["okrug"]]
        kg_of = row["kg_by_fraction"]
        assert line[:4] == [
            okrug.code,
            okrug.name_kk,
            okrug.name_ru,
            REFERENCE.campaign(row["group"]["campaign"]).name("ru"),
        ]
        assert line[4:6] == [str(row["actions"]), str(row["participants"])]
        tonnes = [f"{Decimal(kg_of.get(f.code, 0)) / 1000:.3f}".replace(".", ",") for f in fractions]
        assert line[6:-3] == tonnes
        assert line[-3] == f"{Decimal(sum(kg_of.values())) / 1000:.3f}".replace(".", ",")
        assert line[-2] == f"{Decimal(row['area_m2']) / 10000:.2f}".replace(".", ",")
        assert line[-1] == str(row["trees"])
    plastic = next(line for line in body if line[0] == OKRUG and line[3] == "Субботник")
    assert plastic[6:8] == ["3,700", "0,300"]  # 1200 + 2500 kg mixed, 300 kg plastic

    # XLSX: title, frozen bold header, numbers with formats, a totals row
    out = tmp_path / "totals.xlsx"
    server.cli("report", "totals", *period, "--out", str(out), "--lang", "kk")
    workbook = load_workbook(out)
    try:
        sheet = workbook.active
        assert sheet is not None
        assert sheet["A1"].value == "«Таза Қазақстан»: жиынтық есеп"
        titles = [sheet.cell(row=r, column=1).value for r in range(2, 5)]
        assert "Талғар ауданы / Талгарский район" in titles[0]
        assert "01.01.2026 — 31.12.2026" in titles[1]
        assert titles[2].startswith("Жасалды: 20")
        assert sheet.freeze_panes == "A7"
        header = [c.value for c in sheet[6]]
        assert header[:4] == [
            "Ауылдық округ: ҚАТО коды",
            "Ауылдық округ (қазақша)",
            "Ауылдық округ (орысша)",
            "Акция",
        ]
        assert all(c.font.bold for c in sheet[6])
        data = [[c for c in row] for row in sheet.iter_rows(min_row=7, max_row=6 + len(answer["rows"]))]
        for cells, row in zip(data, answer["rows"], strict=True):
            values = [c.value for c in cells]
            kg_of = row["kg_by_fraction"]
            assert values[0] == row["group"]["okrug"]
            assert values[3] == REFERENCE.campaign(row["group"]["campaign"]).name("kk")
            assert values[4:6] == [row["actions"], row["participants"]]
            assert values[6:-3] == [pytest.approx(kg_of.get(f.code, 0) / 1000) for f in fractions]
            assert values[-3] == pytest.approx(sum(kg_of.values()) / 1000)
            assert values[-2] == pytest.approx(row["area_m2"] / 10000)
            assert values[-1] == row["trees"]
            assert [c.number_format for c in cells[4:6]] == ["#,##0", "#,##0"]
            assert {c.number_format for c in cells[6:-2]} == {"0.000"}
            assert (cells[-2].number_format, cells[-1].number_format) == ("0.00", "#,##0")
        total = [c for c in sheet[7 + len(answer["rows"])]]
        assert total[0].value == "Барлығы"
        assert total[0].font.bold
        assert total[4].value == sum(r["actions"] for r in answer["rows"])
        assert total[5].value == sum(r["participants"] for r in answer["rows"])
        all_kg = sum(sum(r["kg_by_fraction"].values()) for r in answer["rows"])
        assert total[-3].value == pytest.approx(all_kg / 1000)
        assert total[-3].number_format == "0.000"
        assert total[-2].value == pytest.approx(sum(r["area_m2"] for r in answer["rows"]) / 10000)
        assert sheet.max_row == 7 + len(answer["rows"])
        assert sheet.column_dimensions["B"].width > 10
    finally:
        workbook.close()

    # completeness: readable states, coloured
    matrix = seeded.coordinator.get("/reports/completeness", params={"year": 2026}).json()
    months = months_of(2026)
    words = {
        "reported": "есть отчёт",
        "nothing": "не проводилось",
        "missing": "нет отчёта",
        "under_way": "месяц идёт",
        "not_started": "ещё не начали",
    }
    out = tmp_path / "completeness.csv"
    server.cli("report", "completeness", "--year", "2026", "--district", DISTRICT, "--out", str(out))
    table = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";"))
    assert table[0][3 : 3 + len(months)] == months
    assert [line[0] for line in table[1:]] == [row["okrug"] for row in matrix["rows"]]
    for line, row in zip(table[1:], matrix["rows"], strict=True):
        assert line[3 : 3 + len(months)] == [words[row["states"][m]] for m in months]
        rate = row["rate"]
        assert line[3 + len(months)] == f"{100 * rate['done'] / rate['expected']:.0f}%"
        assert line[-1] == row["app_version"]
        assert bool(line[-2]) == (row["last_sync"] is not None)

    out = tmp_path / "completeness.xlsx"
    server.cli(
        "report",
        "completeness",
        "--year",
        "2026",
        "--district",
        DISTRICT,
        "--format",
        "xlsx",
        "--out",
        str(out),
    )
    workbook = load_workbook(out)
    try:
        sheet = workbook.active
        assert sheet is not None
        assert sheet.freeze_panes == "A7"
        colours = {
            "reported": "C6EFCE",
            "nothing": "D9D9D9",
            "missing": "FFC7CE",
            "under_way": "FFFFFF",  # not expected yet: white, not red
            "not_started": "FFFFFF",
        }
        assert sheet.cell(row=6, column=4 + len(months)).value == "Доля сданных отчётов"
        for r, row in enumerate(matrix["rows"], start=7):
            cells = [sheet.cell(row=r, column=4 + n) for n in range(len(months))]
            assert [c.value for c in cells] == [words[row["states"][m]] for m in months]
            assert [c.fill.fgColor.rgb[-6:] for c in cells] == [colours[row["states"][m]] for m in months]
            rate = sheet.cell(row=r, column=4 + len(months))
            assert rate.value == pytest.approx(row["rate"]["done"] / row["rate"]["expected"])
            assert rate.number_format == "0%"
        bottom = 7 + len(matrix["rows"])
        assert sheet.cell(row=bottom, column=1).value == "Доля сданных отчётов"
        footer = [sheet.cell(row=bottom, column=4 + n).value for n in range(len(months) + 1)]
        shares = [matrix["month_rates"][m] for m in months] + [matrix["rate"]]
        assert footer == [pytest.approx(s["done"] / s["expected"]) if s["expected"] else None for s in shares]
        assert footer[-2] is None  # November is under way: nothing expected of it yet
    finally:
        workbook.close()

    # given a folder, the file is named after the district and the period
    folder = tmp_path / "reports"  # made when it is not there
    said = server.cli("report", "totals", *period, "--out", str(folder))
    made = folder / "Талгар-2026.xlsx"
    assert str(made) in said.stdout
    workbook = load_workbook(made)
    try:
        sheet = workbook.active
        assert sheet is not None
        assert (
            sheet.auto_filter.ref
            == f"A6:{sheet.cell(row=6, column=sheet.max_column).column_letter}{6 + len(answer['rows'])}"
        )
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.print_title_rows == "$6:$6"
    finally:
        workbook.close()
    march = ["--start", "2026-03-01", "--end", "2026-04-01", "--district", DISTRICT, "--lang", "kk"]
    server.cli("report", "totals", *march, "--format", "csv", "--out", str(folder))
    server.cli("report", "completeness", "--year", "2026", "--district", DISTRICT, "--out", str(folder))
    assert sorted(p.name for p in folder.iterdir()) == [
        "Талгар-2026-Полнота.xlsx",
        "Талгар-2026.xlsx",
        "Талғар-2026-03.csv",
    ]

    # what cannot be made is said plainly
    weather = [*period[:4], "--group-by", "weather", "--out", str(tmp_path / "x.csv")]
    bad = server.cli("report", "totals", *weather, check=False)
    assert bad.returncode == 2
    assert "weather" in bad.stderr
    assert not (tmp_path / "x.csv").exists()
    with server.engine.connect() as conn:  # the exports changed nothing
        assert conn.execute(select(func.count()).select_from(t.records)).scalar_one() == len(seeded.records)
