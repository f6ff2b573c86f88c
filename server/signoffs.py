"""The month sign-off chain: okrug → district → region → ministry (DHIS2's data approval per period
and org unit, on the KATO tree).

- A **district** month is signed off by the district's coordinator once the month is over, every
  live record of it is reviewed (accepted or returned: none pending, none in conflict) and every
  okrug of the district has reported (a live record) or said nothing was done (a nil report).
- A **region** month is signed off by the region (oblast) user once every district of the region
  has signed it off; the **ministry** (a national user) accepts the month once every region has.
- A district month with a sign-off is **locked**: pushes hold its records (``month_closed``, see
  ``server.ingest``) and review decisions about them are refused; nothing is lost, the laptop
  sends them once the month is reopened.
- **Reopening** is a decision with a reason, taken top-down: the level above must have reopened
  first (a district's sign-off cannot go while its region's stands). A coordinator reopens its
  district, a region user its region or one of its districts, a national user the ministry's
  acceptance or a region; an admin any. Every sign-off and reopening is kept in
  ``signoff_events`` and in the audit log, and shown with the chain.

Only the places that report take part: districts with rural okrugs, and the regions that have such
districts (the cities of republican significance and their city districts have no okrugs).

Concurrent acts are ordered by row locks in ``places``, always in the same order: the region's row
(or, for the ministry, every region's), then — for a district — its okrugs' rows, which pushes
take too; so a sign-off and a push of the same district run one after the other, and the push sees
the month closed.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, and_, delete, false, func, select, true

from fieldapp.kato import Kato, Level, Place
from server import audit
from server import schema as t
from server.accounts import Principal
from server.errors import ApiError
from server.reports import month_of
from sync.protocol import (
    Outcome,
    Reason,
    Role,
    SignoffChain,
    SignoffEvent,
    SignoffLevel,
    SignoffRequest,
    SignoffResponse,
    UnitSignoff,
)

log = logging.getLogger(__name__)

NATIONAL_UNIT = t.NATIONAL_UNIT
LEVEL_OF_ROLE = {
    Role.COORDINATOR: SignoffLevel.DISTRICT,
    Role.REGION: SignoffLevel.REGION,
    Role.NATIONAL: SignoffLevel.NATIONAL,
}
ABOVE = {SignoffLevel.DISTRICT: SignoffLevel.REGION, SignoffLevel.REGION: SignoffLevel.NATIONAL}
MIN_REASON = 3  # characters: a reopening says why


# -- who takes part --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tree:
    """The reporting part of KATO: regions → districts with okrugs → okrugs."""

    kato: Kato

    def districts(self, region: str) -> list[Place]:
        return [d for d in self.kato.districts(region) if self.kato.okrugs(d.code)]

    def regions(self) -> list[Place]:
        return [r for r in self.kato.regions() if self.districts(r.code)]

    def okrugs(self, district: str) -> list[str]:
        return [o.code for o in self.kato.okrugs(district)]

    def region_of(self, code: str) -> str:
        found = self.kato.region_of(code)
        return found.code if found else code

    def takes_part(self, level: SignoffLevel, unit: str) -> bool:
        place = self.kato.get(unit)
        if level is SignoffLevel.DISTRICT:
            return place is not None and place.level is Level.DISTRICT and bool(self.okrugs(unit))
        if level is SignoffLevel.REGION:
            return place is not None and place.level is Level.REGION and bool(self.districts(unit))
        return unit == NATIONAL_UNIT


# -- the lock, as pushes and reviews read it ------------------------------------------------------------


def closed_months(conn: Connection, kato: Kato, district: str) -> dict[str, SignoffLevel]:
    """The district's signed-off months → the highest level that signed each (what a laptop is
    told: "closed by the district / the region / the ministry")."""
    months = set(
        conn.execute(
            select(t.signoffs.c.month).where(
                t.signoffs.c.unit == district, t.signoffs.c.level == SignoffLevel.DISTRICT.value
            )
        ).scalars()
    )
    if not months:
        return {}
    closed = dict.fromkeys(months, SignoffLevel.DISTRICT)
    region = Tree(kato).region_of(district)
    above = conn.execute(
        select(t.signoffs.c.month, t.signoffs.c.level).where(
            t.signoffs.c.month.in_(sorted(months)), t.signoffs.c.unit.in_([region, NATIONAL_UNIT])
        )
    )
    rank = [SignoffLevel.DISTRICT, SignoffLevel.REGION, SignoffLevel.NATIONAL]
    for row in above:
        level = SignoffLevel(row.level)
        if rank.index(level) > rank.index(closed[row.month]):
            closed[row.month] = level
    return closed


# -- the state of the chain -----------------------------------------------------------------------------


def _signed(conn: Connection, month: str, units: Iterable[str]) -> dict[str, tuple[str, datetime]]:
    wanted = sorted(set(units))
    if not wanted:
        return {}
    rows = conn.execute(
        select(t.signoffs.c.unit, t.signoffs.c.signed_by, t.signoffs.c.signed_at).where(
            t.signoffs.c.month == month, t.signoffs.c.unit.in_(wanted)
        )
    )
    return {row.unit: (row.signed_by, row.signed_at) for row in rows}


def _district_facts(
    conn: Connection, tree: Tree, month: str, districts: list[str], region: str | None
) -> dict[str, dict[str, object]]:
    """Per district: pending records, records in conflict, okrugs that have not reported."""
    sums = t.monthly_totals
    scope = [sums.c.month == month]
    if region is not None:
        scope.append(sums.c.region == region)
    if len(districts) == 1:
        scope.append(sums.c.district == districts[0])
    pending: dict[str, int] = defaultdict(int)
    reported: set[str] = set()
    for row in conn.execute(
        select(sums.c.district, sums.c.okrug, sums.c.review_status, func.sum(sums.c.actions).label("n"))
        .where(*scope)
        .group_by(sums.c.district, sums.c.okrug, sums.c.review_status)
    ):
        if row.n:
            reported.add(row.okrug)
            if row.review_status == "pending":
                pending[row.district] += int(row.n)
    records = t.records
    first = date.fromisoformat(f"{month}-01")
    after = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    conflict_where = [
        records.c.action_date >= first,
        records.c.action_date < after,
        records.c.conflict == true(),
        records.c.deleted == false(),
    ]
    if len(districts) == 1:
        conflict_where.append(records.c.district == districts[0])
    elif region is not None:
        conflict_where.append(records.c.region == region)
    conflicts: dict[str, int] = defaultdict(int)
    for row in conn.execute(
        select(records.c.district, func.count().label("n"))
        .where(*conflict_where)
        .group_by(records.c.district)
    ):
        conflicts[row.district] = int(row.n)
    nil = t.nil_reports
    okrugs_of = {d: tree.okrugs(d) for d in districts}
    wanted = [o for codes in okrugs_of.values() for o in codes]
    nothing = set(
        conn.execute(
            select(nil.c.okrug).where(
                nil.c.month == month, nil.c.withdrawn == false(), nil.c.okrug.in_(wanted)
            )
        ).scalars()
    )
    return {
        d: {
            "pending_records": pending.get(d, 0),
            "conflicts": conflicts.get(d, 0),
            "missing": [o for o in okrugs_of[d] if o not in reported and o not in nothing],
        }
        for d in districts
    }


def _unit(
    level: SignoffLevel,
    unit: str,
    signed: dict[str, tuple[str, datetime]],
    blockers: dict[str, int],
    missing: list[str],
) -> UnitSignoff:
    by, at = signed.get(unit, ("", None))
    return UnitSignoff(
        level=level,
        unit=unit,
        signed=unit in signed,
        signed_by=by,
        signed_at=at,
        blockers={name: n for name, n in blockers.items() if n},
        missing=missing,
    )


def chain(
    conn: Connection,
    kato: Kato,
    month: str,
    today: date,
    *,
    regions: list[str] | None = None,
    districts: list[str] | None = None,
) -> SignoffChain:
    """The month's chain: the ministry, the given regions (None: all that take part) and the given
    districts (None: all of those regions'), each with what still stands in the way, and the
    history of their sign-offs and reopenings."""
    tree = Tree(kato)
    region_codes = regions if regions is not None else [r.code for r in tree.regions()]
    if districts is None:
        districts = [d.code for r in region_codes for d in tree.districts(r)]
    not_over = int(month >= month_of(today))
    districts_of = {r: [d.code for d in tree.districts(r)] for r in region_codes}
    everyone = [*districts, *(d for codes in districts_of.values() for d in codes)]
    signed = _signed(conn, month, [NATIONAL_UNIT, *region_codes, *everyone])
    if regions is None:  # the ministry waits for every region, whoever asks
        all_regions = region_codes
    else:
        all_regions = [r.code for r in tree.regions()]
        signed |= _signed(conn, month, all_regions)
    one_region = region_codes[0] if len(region_codes) == 1 else None
    facts = _district_facts(conn, tree, month, districts, one_region) if districts else {}
    district_rows = [
        _unit(
            SignoffLevel.DISTRICT,
            d,
            signed,
            {
                "month_not_over": not_over,
                "pending_records": int(facts[d]["pending_records"]),  # type: ignore[call-overload]
                "conflicts": int(facts[d]["conflicts"]),  # type: ignore[call-overload]
                "missing_okrugs": len(facts[d]["missing"]),  # type: ignore[arg-type]
            },
            list(facts[d]["missing"]),  # type: ignore[call-overload]
        )
        for d in districts
    ]
    region_rows = []
    for r in region_codes:
        unsigned = [d for d in districts_of[r] if d not in signed]
        region_rows.append(
            _unit(
                SignoffLevel.REGION,
                r,
                signed,
                {"month_not_over": not_over, "unsigned_districts": len(unsigned)},
                unsigned,
            )
        )
    unsigned_regions = [r for r in all_regions if r not in signed]
    national = _unit(
        SignoffLevel.NATIONAL,
        NATIONAL_UNIT,
        signed,
        {"month_not_over": not_over, "unsigned_regions": len(unsigned_regions)},
        unsigned_regions,
    )
    events = t.signoff_events
    shown = [NATIONAL_UNIT, *region_codes, *districts]
    rows = conn.execute(
        select(events)
        .where(events.c.month == month, events.c.unit.in_(shown))
        .order_by(events.c.at, events.c.id)
    )
    return SignoffChain(
        month=month,
        national=national,
        regions=region_rows,
        districts=district_rows,
        events=[
            SignoffEvent(
                month=row.month,
                level=row.level,
                unit=row.unit,
                action=row.action,
                actor=row.actor,
                role=row.role,
                at=row.at,
                reason=row.reason,
            )
            for row in rows
        ],
    )


def chain_for(
    conn: Connection, kato: Kato, who: Principal, month: str, today: date, region: str | None = None
) -> SignoffChain:
    """The chain as far as the caller sees: a coordinator its district and region, a region user its
    region and districts, a national user or an admin every region (or the one asked for)."""
    tree = Tree(kato)
    if who.role is Role.COORDINATOR:
        own = who.district or ""
        return chain(conn, kato, month, today, regions=[tree.region_of(own)], districts=[own])
    if who.role is Role.REGION:
        return chain(conn, kato, month, today, regions=[who.region or ""])
    if region is not None:
        return chain(conn, kato, month, today, regions=[region])
    return chain(conn, kato, month, today)


# -- deciding ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Asked:
    level: SignoffLevel
    unit: str
    region: str | None  # the unit's oblast (None for the ministry)


def _refuse(who: Principal, message: str, **details: object) -> ApiError:
    return ApiError(403, Reason.FORBIDDEN, message, role=who.role.value, **details)


def resolve(tree: Tree, who: Principal, request: SignoffRequest) -> Asked:
    """Which unit the caller means, and whether its role may take this decision there."""
    own_level = LEVEL_OF_ROLE.get(who.role)
    if who.role is Role.ADMIN:
        if request.level is None:
            raise ApiError(422, Reason.MALFORMED, "an admin names the level (district, region or national)")
        level = request.level
    elif own_level is None:
        raise _refuse(who, f"a {who.role.value} takes no sign-off decisions")
    else:
        level = request.level or own_level
        below = ABOVE.get(level) is own_level
        if level is not own_level and not below:
            raise _refuse(
                who,
                f"a {who.role.value} user takes no decision at the {level.value} level",
                level=level.value,
            )
        if below and request.decision != "reopen":
            raise _refuse(
                who,
                f"a {level.value} month is signed off at its own level;"
                f" a {who.role.value} user may reopen it",
            )
    if level is SignoffLevel.NATIONAL:
        unit = NATIONAL_UNIT
    elif request.unit is not None:
        unit = request.unit
    elif who.role is Role.COORDINATOR and level is SignoffLevel.DISTRICT:
        unit = who.district or ""
    elif who.role is Role.REGION and level is SignoffLevel.REGION:
        unit = who.region or ""
    else:
        raise ApiError(422, Reason.MALFORMED, f"name the {level.value} (its KATO code in unit)")
    if not tree.takes_part(level, unit):
        raise ApiError(
            422, Reason.MALFORMED, f"{unit} is not a {level.value} that reports in KATO", unit=unit
        )
    region = None if level is SignoffLevel.NATIONAL else tree.region_of(unit)
    if who.role is Role.ADMIN:
        return Asked(level, unit, region)
    assert own_level is not None
    if level is own_level:
        mine = {
            Role.COORDINATOR: who.district,
            Role.REGION: who.region,
            Role.NATIONAL: NATIONAL_UNIT,
        }[who.role]
        if unit != mine:
            raise _refuse(who, f"{who.name} signs for {mine}, not {unit}", unit=unit)
        return Asked(level, unit, region)
    # The level just below, reopened from above: only inside the caller's own area.
    if who.role is Role.REGION and region != who.region:
        raise _refuse(who, f"{unit} is outside the region of {who.name}", unit=unit)
    return Asked(level, unit, region)


def _lock(conn: Connection, tree: Tree, asked: Asked) -> None:
    """Row locks in ``places`` (see the module's notes on order)."""
    places = t.places
    if asked.level is SignoffLevel.NATIONAL:
        regions = sorted(r.code for r in tree.regions())
    else:
        regions = [asked.region or asked.unit]
    conn.execute(
        select(places.c.code).where(places.c.code.in_(regions)).order_by(places.c.code).with_for_update()
    ).all()
    if asked.level is SignoffLevel.DISTRICT:
        okrugs = sorted(tree.okrugs(asked.unit))
        conn.execute(
            select(places.c.code).where(places.c.code.in_(okrugs)).order_by(places.c.code).with_for_update()
        ).all()


def _state(conn: Connection, tree: Tree, asked: Asked, month: str, today: date) -> UnitSignoff:
    if asked.level is SignoffLevel.DISTRICT:
        found = chain(conn, tree.kato, month, today, regions=[asked.region or ""], districts=[asked.unit])
        return found.districts[0]
    if asked.level is SignoffLevel.REGION:
        return chain(conn, tree.kato, month, today, regions=[asked.unit], districts=[]).regions[0]
    return chain(conn, tree.kato, month, today, regions=[], districts=[]).national


def decide(
    conn: Connection,
    kato: Kato,
    who: Principal,
    request: SignoffRequest,
    now: datetime,
    today: date,
    address: str = "",
) -> SignoffResponse:
    """Sign a month off, or reopen it; refused with 403 (not the caller's to decide), 409 (not ready:
    ``not_ready`` with what stands in the way; or signed above: ``conflict``) or 422 (no reason)."""
    tree = Tree(kato)
    asked = resolve(tree, who, request)
    month = request.month
    if request.decision == "reopen" and len(request.reason) < MIN_REASON:
        raise ApiError(422, Reason.MALFORMED, "a reopening says why: give the reason")
    _lock(conn, tree, asked)
    state = _state(conn, tree, asked, month, today)
    outcome = Outcome.APPLIED
    if request.decision == "sign":
        if state.signed:
            outcome = Outcome.ALREADY
        elif state.blockers:
            raise ApiError(
                409,
                Reason.NOT_READY,
                f"{month} of {asked.unit} cannot be signed off yet",
                blockers=state.blockers,
                missing=state.missing[:50],
            )
        else:
            conn.execute(
                t.signoffs.insert().values(
                    month=month,
                    unit=asked.unit,
                    level=asked.level.value,
                    region=asked.region,
                    signed_by=who.name,
                    signed_at=now,
                )
            )
    elif not state.signed:
        outcome = Outcome.ALREADY
    else:
        above = ABOVE.get(asked.level)
        if above is not None:
            upper = NATIONAL_UNIT if above is SignoffLevel.NATIONAL else (asked.region or "")
            if _signed(conn, month, [upper]):
                raise ApiError(
                    409,
                    Reason.CONFLICT,
                    f"{month} is signed off by the {above.value} too; it is reopened there first",
                    signed_by=above.value,
                )
        conn.execute(
            delete(t.signoffs).where(and_(t.signoffs.c.month == month, t.signoffs.c.unit == asked.unit))
        )
    if outcome is Outcome.APPLIED:
        action = "signed" if request.decision == "sign" else "reopened"
        conn.execute(
            t.signoff_events.insert().values(
                month=month,
                unit=asked.unit,
                level=asked.level.value,
                region=asked.region,
                action=action,
                actor=who.name,
                role=who.role.value,
                at=now,
                reason=request.reason,
            )
        )
        audit.note(
            conn,
            at=now,
            actor=who.name,
            role=who.role.value,
            action="signoff" if action == "signed" else "reopen",
            target=f"{month} {asked.unit}",
            details={"level": asked.level.value, "reason": request.reason}
            if request.reason
            else {"level": asked.level.value},
            address=address,
        )
        log.info("%s %s %s %s (%s)", who.name, action, asked.level.value, asked.unit, month)
    return SignoffResponse(
        outcome=outcome,
        unit=_state(conn, tree, asked, month, today),
        chain=chain_for(conn, kato, who, month, today),
    )
