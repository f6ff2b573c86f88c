"""Consolidation: totals for a period and who has reported, as functions of a connection.

**Totals** sum the live records of a period ``[start, end)`` grouped by any of region, district,
okrug, settlement, campaign and month. Whole months are read from the monthly sums
(``monthly_totals``, ``monthly_waste``: one row per month, okrug, campaign and review status,
however many records there are); the days of a period that do not fill a month are summed from
``records`` / ``record_waste``, and the two parts are added up (sums are additive over disjoint
periods). Totals by settlement are summed from the records alone. ``accepted_only`` counts only
the records a coordinator accepted; otherwise every live (not deleted) record counts.

**Completeness** is the okrug × month matrix of a year: *reported* (a live record that month),
*nothing* (a nil report, not withdrawn, and no record) or *missing*; with each okrug's most recent
sync and the app version of the laptop that made it. The okrugs come from KATO, so the villages
that never reported are there too. The matrix is read as the coordinator's tab reads it
(fieldapp.reporting): the month under way (in Kazakhstan) is *under way* and the months before an
okrug's first record or nil report on the server are *not started* — neither is expected — and the
reporting rate of each okrug, each month and the year is what was reported of what was expected.

Rows come sorted as people look for them: places in KATO display order (by name, within their
parent), campaigns in reference-data order, months in time order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Select, Table, false, func, select

from fieldapp.kato import Kato, Level, Place
from fieldapp.reference import ReferenceData
from server import clock
from server import schema as t
from sync.protocol import (
    Completeness,
    CompletenessResponse,
    CompletenessRow,
    TotalsResponse,
    TotalsRow,
)
from sync.report_files import KAZAKHSTAN, PLACE_GROUPS

GROUPS: tuple[str, ...] = ("region", "district", "okrug", "settlement", "campaign", "month")

ACCEPTED = "accepted"
FIGURES = ("actions", "participants", "area_m2", "trees")
FIRST_YEAR = 2020
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 1, 1)  # what a period may span


class ReportError(ValueError):
    """A report asked for with parameters that make no sense (the API answers 422, the CLI exits 2)."""


# -- what is asked --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """Whose data: one district, one region, or (both None) the whole country."""

    district: str | None = None
    region: str | None = None


@dataclass(frozen=True)
class TotalsQuery:
    start: date
    end: date  # exclusive
    group_by: tuple[str, ...] = ()
    scope: Scope = field(default_factory=Scope)
    accepted_only: bool = False

    def __post_init__(self) -> None:
        if self.start >= self.end:
            raise ReportError(f"the period is empty: start {self.start} is not before end {self.end}")
        if self.start < EARLIEST or self.end > LATEST:
            raise ReportError(f"the period must lie between {EARLIEST} and {LATEST}")
        unknown = [g for g in self.group_by if g not in GROUPS]
        if unknown:
            raise ReportError(f"cannot group by {', '.join(unknown)}; choose from {', '.join(GROUPS)}")
        if len(set(self.group_by)) != len(self.group_by):
            raise ReportError("a grouping is named twice")


def parse_groups(text: str) -> tuple[str, ...]:
    """``"district, campaign"`` → ``("district", "campaign")`` (:class:`TotalsQuery` checks them)."""
    return tuple(part.strip().lower() for part in text.split(",") if part.strip())


def check_scope(kato: Kato, district: str | None, region: str | None) -> Scope:
    """The scope named by KATO codes, refusing codes that are not a district / region."""
    if district is not None and _level(kato, district) is not Level.DISTRICT:
        raise ReportError(f"{district} is not a district in KATO")
    if region is not None and _level(kato, region) is not Level.REGION:
        raise ReportError(f"{region} is not a region in KATO")
    return Scope(district, region)


def _level(kato: Kato, code: str) -> Level | None:
    place = kato.get(code)
    return place.level if place else None


# -- the period, split where it meets month boundaries -----------------------------------------------


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _first_of_next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


@dataclass(frozen=True)
class Split:
    """``[start, end)`` as whole months ``[month_start, month_end)`` and the loose days around."""

    months: tuple[date, date] | None
    days: tuple[tuple[date, date], ...]


def split_period(start: date, end: date) -> Split:
    first = start if start.day == 1 else _first_of_next_month(start)
    last = date(end.year, end.month, 1)
    if first >= last:  # no whole month inside: all loose days
        return Split(None, ((start, end),))
    days = tuple(part for part in ((start, first), (last, end)) if part[0] < part[1])
    return Split((first, last), days)


# -- totals ------------------------------------------------------------------------------------------


@dataclass
class _Sums:
    figures: list[int] = field(default_factory=lambda: [0] * len(FIGURES))
    kg: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def totals(conn: Connection, query: TotalsQuery, kato: Kato, reference: ReferenceData) -> TotalsResponse:
    _one_snapshot(conn)
    sums: dict[tuple[str, ...], _Sums] = defaultdict(_Sums)
    split = split_period(query.start, query.end)
    if "settlement" in query.group_by:  # the monthly sums stop at the okrug: all from the records
        split = Split(None, ((query.start, query.end),))
    if split.months:
        first, last = split.months
        _add_figures(conn, sums, _monthly_figures(query, first, last))
        _add_waste(conn, sums, _monthly_waste(query, first, last))
    for start, end in split.days:
        _add_figures(conn, sums, _record_figures(query, start, end))
        _add_waste(conn, sums, _record_waste(query, start, end))
    order = DisplayOrder(kato, reference)
    rows = [
        TotalsRow(
            group=dict(zip(query.group_by, key, strict=True)),
            **dict(zip(FIGURES, part.figures, strict=True)),
            kg_by_fraction=order.fractions(part.kg),
        )
        for key, part in sums.items()
        if part.figures[0] > 0
    ]
    rows.sort(key=lambda row: order.row_key(query.group_by, row.group))
    return TotalsResponse(start=query.start, end=query.end, group_by=list(query.group_by), rows=rows)


def _one_snapshot(conn: Connection) -> None:
    """PostgreSQL reads each statement at its own moment by default; a report is one moment."""
    if conn.dialect.name == "postgresql" and not conn.in_transaction():
        conn.execution_options(isolation_level="REPEATABLE READ")


def _scoped(table: Table, query: TotalsQuery) -> list[Any]:
    conditions: list[Any] = []
    if query.scope.district:
        conditions.append(table.c.district == query.scope.district)
    if query.scope.region:
        conditions.append(table.c.region == query.scope.region)
    if query.accepted_only:
        conditions.append(table.c.review_status == ACCEPTED)
    return conditions


def _months(table: Table, first: date, last: date) -> list[Any]:
    return [table.c.month >= month_of(first), table.c.month < month_of(last)]


def _days(start: date, end: date) -> list[Any]:
    records = t.records
    return [records.c.action_date >= start, records.c.action_date < end, records.c.deleted == false()]


def _monthly_figures(query: TotalsQuery, first: date, last: date) -> Select[Any]:
    table = t.monthly_totals
    groups = [table.c[g] for g in query.group_by]
    figures = [func.sum(table.c[name]) for name in FIGURES]
    where = [*_months(table, first, last), *_scoped(table, query)]
    return select(*groups, *figures).where(*where).group_by(*groups)


def _monthly_waste(query: TotalsQuery, first: date, last: date) -> Select[Any]:
    table = t.monthly_waste
    groups = [table.c[g] for g in query.group_by]
    where = [*_months(table, first, last), *_scoped(table, query)]
    return (
        select(*groups, table.c.fraction, func.sum(table.c.kg))
        .where(*where)
        .group_by(*groups, table.c.fraction)
    )


def _record_figures(query: TotalsQuery, start: date, end: date) -> Select[Any]:
    records = t.records
    groups = [records.c[g] for g in query.group_by]
    figures = [func.count(), *(func.sum(records.c[name]) for name in FIGURES[1:])]
    where = [*_days(start, end), *_scoped(records, query)]
    return select(*groups, *figures).where(*where).group_by(*groups)


def _record_waste(query: TotalsQuery, start: date, end: date) -> Select[Any]:
    waste = t.record_waste  # live records only, with the record's places, campaign and status
    groups = [waste.c[g] for g in query.group_by]
    where = [waste.c.action_date >= start, waste.c.action_date < end, *_scoped(waste, query)]
    return (
        select(*groups, waste.c.fraction, func.sum(waste.c.kg))
        .where(*where)
        .group_by(*groups, waste.c.fraction)
    )


def _add_figures(conn: Connection, sums: dict[tuple[str, ...], _Sums], query: Select[Any]) -> None:
    width = len(query.selected_columns) - len(FIGURES)
    for row in conn.execute(query):
        figures = sums[tuple(row[:width])].figures
        for index, value in enumerate(row[width:]):
            figures[index] += int(value or 0)


def _add_waste(conn: Connection, sums: dict[tuple[str, ...], _Sums], query: Select[Any]) -> None:
    for row in conn.execute(query):
        *key, fraction, kg = row
        sums[tuple(key)].kg[fraction] += int(kg or 0)


# -- completeness ------------------------------------------------------------------------------------


def report_months(year: int, today: date) -> list[str]:
    """The months of ``year`` a completeness report covers: all of a past year, up to this month of
    the current one."""
    if year < FIRST_YEAR or year > today.year:
        raise ReportError(f"year {year} is outside {FIRST_YEAR}–{today.year}")
    last = 12 if year < today.year else today.month
    return [f"{year:04d}-{month:02d}" for month in range(1, last + 1)]


def okrugs_in(kato: Kato, scope: Scope) -> list[Place]:
    """The rural okrugs (KATO okrug level) of a district, a region or the country."""
    if scope.district:
        return kato.okrugs(scope.district)
    regions = [kato[scope.region]] if scope.region else kato.regions()
    return [okrug for region in regions for d in kato.districts(region.code) for okrug in kato.okrugs(d.code)]


def completeness(conn: Connection, year: int, scope: Scope, kato: Kato, today: date) -> CompletenessResponse:
    _one_snapshot(conn)
    months = report_months(year, today)
    okrugs = [place.code for place in okrugs_in(kato, scope)]
    reported = _reported(conn, months, scope)
    nothing = _nil_reported(conn, months, okrugs if scope.district else None)
    seen = _last_seen(conn, okrugs if scope.district else None)
    first = first_months(conn, scope, okrugs if scope.district else None)
    rows = []
    for okrug in okrugs:
        states = {month: _state(okrug, month, reported, nothing) for month in months}
        last_sync, app_version = seen.get(okrug, (None, ""))
        rows.append(CompletenessRow(okrug=okrug, months=states, last_sync=last_sync, app_version=app_version))
    order = DisplayOrder(kato, None)
    rows.sort(key=lambda row: order.place(row.okrug))
    return CompletenessResponse(year=year, rows=rows).read_against(first, f"{today:%Y-%m}")


def first_months(conn: Connection, scope: Scope, okrugs: Iterable[str] | None = None) -> dict[str, str]:
    """Each okrug's first month (YYYY-MM) with a live record or a nil report (not withdrawn) on
    the server: the month it began reporting. Two ``min``s, one over the records' action month (in
    the monthly sums, which hold the live records and are what *reported* is read from; a few
    thousand rows where the records are millions) and one over the nil reports' month; the earlier
    is kept."""
    sums = t.monthly_totals
    query = select(sums.c.okrug, func.min(sums.c.month).label("month")).group_by(sums.c.okrug)
    if scope.district:
        query = query.where(sums.c.district == scope.district)
    if scope.region:
        query = query.where(sums.c.region == scope.region)
    nil = t.nil_reports
    nil_query = (
        select(nil.c.okrug, func.min(nil.c.month).label("month"))
        .where(nil.c.withdrawn == false())
        .group_by(nil.c.okrug)
    )
    if okrugs is not None:
        nil_query = nil_query.where(nil.c.okrug.in_(list(okrugs)))
    first: dict[str, str] = {}
    for row in [*conn.execute(query), *conn.execute(nil_query)]:
        if row.month and (row.okrug not in first or row.month < first[row.okrug]):
            first[row.okrug] = row.month
    return first


def _state(
    okrug: str, month: str, reported: set[tuple[str, str]], nothing: set[tuple[str, str]]
) -> Completeness:
    if (okrug, month) in reported:
        return Completeness.REPORTED
    if (okrug, month) in nothing:
        return Completeness.NOTHING
    return Completeness.MISSING


def _reported(conn: Connection, months: Sequence[str], scope: Scope) -> set[tuple[str, str]]:
    sums = t.monthly_totals  # holds live records only, whatever their review status
    query = select(sums.c.okrug, sums.c.month).where(sums.c.month >= months[0], sums.c.month <= months[-1])
    if scope.district:
        query = query.where(sums.c.district == scope.district)
    if scope.region:
        query = query.where(sums.c.region == scope.region)
    return {(row.okrug, row.month) for row in conn.execute(query.distinct())}


def _nil_reported(
    conn: Connection, months: Sequence[str], okrugs: Iterable[str] | None
) -> set[tuple[str, str]]:
    nil = t.nil_reports
    query = select(nil.c.okrug, nil.c.month).where(
        nil.c.month >= months[0], nil.c.month <= months[-1], nil.c.withdrawn == false()
    )
    if okrugs is not None:
        query = query.where(nil.c.okrug.in_(list(okrugs)))
    return {(row.okrug, row.month) for row in conn.execute(query.distinct())}


def _last_seen(conn: Connection, okrugs: Iterable[str] | None) -> dict[str, tuple[datetime, str]]:
    """Per okrug, the most recent sync of any of its laptops and that laptop's app version."""
    devices = t.devices
    query = select(devices.c.okrug, devices.c.last_seen, devices.c.app_version).where(
        devices.c.last_seen.is_not(None)
    )
    if okrugs is not None:
        query = query.where(devices.c.okrug.in_(list(okrugs)))
    newest: dict[str, tuple[datetime, str]] = {}
    for row in conn.execute(query):
        if row.okrug not in newest or row.last_seen > newest[row.okrug][0]:
            newest[row.okrug] = (row.last_seen, row.app_version)
    return newest


# -- display order -----------------------------------------------------------------------------------

_UNKNOWN = 1 << 30


class DisplayOrder:
    """Sort keys: places by KATO display order within their parent, campaigns and fractions by
    their reference-data order, anything unknown last (by code)."""

    def __init__(self, kato: Kato, reference: ReferenceData | None) -> None:
        self.kato, self.reference = kato, reference
        self._places: dict[str, tuple[tuple[int, str], ...]] = {}
        self._positions: dict[str | None, dict[str, int]] = {}

    def _position(self, parent: str | None, code: str) -> int:
        """Where ``code`` comes among its siblings (the regions, for a region)."""
        if parent not in self._positions:
            siblings = self.kato.children(parent) if parent else self.kato.regions()
            self._positions[parent] = {place.code: n for n, place in enumerate(siblings)}
        return self._positions[parent].get(code, _UNKNOWN)

    def place(self, code: str) -> tuple[tuple[int, str], ...]:
        if code not in self._places:
            place = self.kato.get(code)
            if place is None:
                self._places[code] = ((_UNKNOWN, code),)
            else:
                parent = self.place(place.parent_code) if place.parent_code else ()
                self._places[code] = (*parent, (self._position(place.parent_code, code), code))
        return self._places[code]

    def campaign(self, code: str) -> tuple[int, str]:
        found = self.reference.campaign(code) if self.reference else None
        return (found.order if found else _UNKNOWN, code)

    def fraction(self, code: str) -> tuple[int, str]:
        found = self.reference.fraction(code) if self.reference else None
        return (found.order if found else _UNKNOWN, code)

    def fractions(self, kg: dict[str, int]) -> dict[str, int]:
        return {code: kg[code] for code in sorted(kg, key=self.fraction) if kg[code]}

    def row_key(self, group_by: Sequence[str], group: dict[str, str]) -> tuple[Any, ...]:
        return tuple(self._key(name, group[name]) for name in group_by)

    def _key(self, name: str, value: str) -> Any:
        if name in PLACE_GROUPS:
            return self.place(value)
        if name == "campaign":
            return self.campaign(value)
        return value


def today_in_kazakhstan(now: datetime | None = None) -> date:
    return (now or clock.now()).astimezone(KAZAKHSTAN).date()
