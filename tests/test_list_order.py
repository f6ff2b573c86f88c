"""The list sorted in the store by any column: pages follow each other in order, every record once,
and each order is read from an index (SQLite's plan says so: no sorting of the whole list)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from fieldapp.kato import default_kato
from fieldapp.models import Status
from fieldapp.queries import ORDER_COLUMNS, ActionFilter, ActionOrder, Period
from fieldapp.store import Store
from tests.records import OKRUG, action

SETTLEMENTS = [p.code for p in default_kato().settlements(OKRUG)]
CAMPAIGNS = ["subbotnik", "world_cleanup_day", "march_of_parks"]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    rng = random.Random(7)
    records = [
        action(
            settlement=rng.choice(SETTLEMENTS),
            campaign=rng.choice(CAMPAIGNS),
            action_date=date(2024, 1, 1) + timedelta(days=rng.randrange(900)),
            participants=rng.randrange(6),  # many ties: the date and id decide
            area_m2=rng.randrange(3) * 1000,
            waste=[{"fraction": "mixed", "kg": rng.randrange(4) * 500}] if rng.random() < 0.8 else [],
            status=rng.choice([Status.READY, Status.DRAFT]),
        )
        for _ in range(400)
    ]
    opened = Store.open(tmp_path / "taza-field.sqlite")
    opened.save_many(records)
    return opened


@pytest.mark.parametrize("column", ORDER_COLUMNS)
@pytest.mark.parametrize("descending", [True, False])
def test_pages_follow_each_other_in_order(store: Store, column: str, descending: bool) -> None:
    ranks = tuple(reversed(SETTLEMENTS[:-2])) if column in ("settlement",) else ()
    if column == "campaign":
        ranks = ("world_cleanup_day", "subbotnik")  # march_of_parks unranked: after them
    if column == "status":
        ranks = ("ready", "draft")
    if column == "okrug":
        ranks = (OKRUG,)
    order = ActionOrder(column, descending, ranks)
    seen, after = [], None
    while page := store.list_actions(limit=37, after=after, order=order):
        seen += page
        after = order.key(page[-1])
    assert len(seen) == 400
    assert len({r.id for r in seen}) == 400
    keys = [order.key(r) for r in seen]
    if not order.ranked:
        assert keys == sorted(keys, reverse=descending)
    else:
        groups = [k[0] for k in keys]
        assert groups == sorted(groups, reverse=descending)
        within = [(k[0], k[1], k[2], k[3]) for k in keys]
        for g in set(groups):
            dated = [k[2:] for k in within if k[0] == g and g < len(ranks)]
            assert dated == sorted(dated, reverse=True)  # the newest first inside one place
    if column == "settlement":
        first = seen[-1] if descending else seen[0]
        assert first.settlement == ranks[0]


@pytest.mark.parametrize("column", ORDER_COLUMNS)
@pytest.mark.parametrize(
    "where", [ActionFilter(), ActionFilter(okrug=OKRUG)], ids=["everything", "one okrug"]
)
def test_each_order_is_read_from_an_index(store: Store, column: str, where: ActionFilter) -> None:
    for descending in (True, False):
        plan = store.explain_list(where, ActionOrder(column, descending, ("x",)))
        assert not any("TEMP B-TREE" in step for step in plan), plan
        assert "USING INDEX actions_by_" in plan[0] or "USING COVERING INDEX actions_by_" in plan[0], plan


def test_a_month_sorted_by_participants(store: Store) -> None:
    month = ActionFilter(period=Period.month(2025, 5))
    rows = store.list_actions(month, limit=1000, order=ActionOrder("participants"))
    assert rows
    assert all(r.action_date.month == 5 and r.action_date.year == 2025 for r in rows)
    assert [r.participants for r in rows] == sorted((r.participants for r in rows), reverse=True)


def test_an_unknown_column_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot sort by 'notes'"):
        ActionOrder("notes")
