"""The monthly sums (``monthly_totals``, ``monthly_waste``): changed in the transaction of each
record change or review decision, so reports read them instead of every record."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, Table, and_, delete

from server import schema as t
from server.sql import insert, insert_rows

Key = tuple[str, str, str, str]  # month, okrug, campaign, review status


@dataclass(frozen=True)
class Contribution:
    """What one live record adds."""

    key: Key
    places: tuple[str, str]  # district, region
    sums: tuple[int, int, int]  # participants, area_m2, trees
    waste: tuple[tuple[str, int], ...]


class TotalsDelta:
    def __init__(self) -> None:
        self.sums: dict[Key, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        self.waste: dict[tuple[Key, str], int] = defaultdict(int)
        self.places: dict[Key, tuple[str, str]] = {}

    def add(self, part: Contribution | None, sign: int) -> None:
        if part is None:
            return
        self.places[part.key] = part.places
        sums = self.sums[part.key]
        sums[0] += sign
        for index, value in enumerate(part.sums, start=1):
            sums[index] += sign * value
        for fraction, kg in part.waste:
            self.waste[(part.key, fraction)] += sign * kg

    def apply(self, conn: Connection) -> None:
        rows = [
            _row(key, self.places[key])
            | dict(zip(("actions", "participants", "area_m2", "trees"), sums, strict=True))
            for key, sums in self.sums.items()
            if any(sums)
        ]
        figures = ("actions", "participants", "area_m2", "trees")
        stmt = insert(conn, t.monthly_totals)
        add_totals = stmt.on_conflict_do_update(
            index_elements=["month", "okrug", "campaign", "review_status"],
            set_={c: getattr(t.monthly_totals.c, c) + getattr(stmt.excluded, c) for c in figures},
        )
        insert_rows(conn, rows, add_totals)
        waste = [
            _row(key, self.places[key]) | {"fraction": fraction, "kg": kg}
            for (key, fraction), kg in self.waste.items()
            if kg
        ]
        stmt = insert(conn, t.monthly_waste)
        add_waste = stmt.on_conflict_do_update(
            index_elements=["month", "okrug", "campaign", "review_status", "fraction"],
            set_={"kg": t.monthly_waste.c.kg + stmt.excluded.kg},
        )
        insert_rows(conn, waste, add_waste)
        emptied = [key for key, sums in self.sums.items() if sums[0] < 0]
        for key in emptied:  # groups left with nothing are removed
            match = _match(t.monthly_totals, key)
            conn.execute(delete(t.monthly_totals).where(match, t.monthly_totals.c.actions == 0))
            conn.execute(
                delete(t.monthly_waste).where(_match(t.monthly_waste, key), t.monthly_waste.c.kg == 0)
            )


def _row(key: Key, places: tuple[str, str]) -> dict[str, str]:
    month, okrug, campaign, status = key
    district, region = places
    return {
        "month": month,
        "okrug": okrug,
        "campaign": campaign,
        "review_status": status,
        "district": district,
        "region": region,
    }


def _match(table: Table, key: Key) -> ColumnElement[bool]:
    month, okrug, campaign, status = key
    return and_(
        table.c.month == month,
        table.c.okrug == okrug,
        table.c.campaign == campaign,
        table.c.review_status == status,
    )
