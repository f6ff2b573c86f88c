"""The laptop's outbox and a signed-off month, on a real SQLite file: a record the server answers
``month_closed`` is held as its own kind with the month named in each language, a change made
meanwhile stays held while the month is known closed, and the pull's list of closed months
releases them by itself once the month is reopened. Nothing leaves the database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from fieldapp.outbox import HELD_MONTH_CLOSED, Answer, held_explanation
from fieldapp.store import Store
from tests.records import action

MARCH = "2026-03"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "data" / "taza-field.sqlite") as s:
        yield s


def closed_answer(record_id: str, revision: int, closed_by: str = "district") -> Answer:
    return Answer(record_id, revision, "rejected", "month_closed", {"month": MARCH, "closed_by": closed_by})


def held_row(store: Store, record_id: str) -> tuple[int, str | None, str | None]:
    row = (
        store._reader()
        .execute(
            "SELECT revision, held, last_error FROM outbox WHERE kind = 'action' AND entity_id = ?",
            [record_id],
        )
        .fetchone()
    )
    return row[0], row[1], row[2]


def test_a_record_of_a_closed_month_is_held_with_the_month_and_who_closed_it(store: Store) -> None:
    record = store.save(action(action_date=date(2026, 3, 28)))
    summary = store.apply_answers(None, [closed_answer(str(record.id), 1)])
    assert (summary.closed, summary.rejected) == (1, 0)
    [held] = store.held_records()
    assert (held.held, held.reason, held.details["month"]) == (HELD_MONTH_CLOSED, "month_closed", MARCH)
    # Not sent again, not counted as needing a person, still in the database as saved.
    assert store.outgoing(10) == []
    depth = store.outbox_depth()
    assert (depth.records, depth.held, depth.closed) == (0, 0, 1)
    assert store.get(record.id) == record
    assert store.closed_months() == {MARCH}  # learned from the answer, before any pull
    _, kind, problem = held_row(store, str(record.id))
    message = held_explanation(kind or "", problem)
    assert message.text("en").startswith("March 2026 is closed by the district; ask the coordinator")
    assert message.text("ru").startswith("Март 2026 закрыт районом; попросите координатора открыть его.")
    assert message.text("kk").startswith("«Наурыз 2026» айын аудан жапты; үйлестірушіден оны қайта ашуды")


@pytest.mark.parametrize(
    ("closed_by", "en", "ru"),
    [
        ("region", "closed by the region", "закрыт областью"),
        ("national", "closed by the ministry", "министерством"),
    ],
)
def test_the_message_names_the_level_that_closed_the_month(
    store: Store, closed_by: str, en: str, ru: str
) -> None:
    record = store.save(action(action_date=date(2026, 3, 28)))
    store.apply_answers(None, [closed_answer(str(record.id), 1, closed_by)])
    _, kind, problem = held_row(store, str(record.id))
    assert en in held_explanation(kind or "", problem).text("en")
    assert ru in held_explanation(kind or "", problem).text("ru")


def test_an_edit_while_the_month_is_closed_stays_held_and_reopening_releases_it(store: Store) -> None:
    record = store.save(action(action_date=date(2026, 3, 28)))
    april = store.save(action(action_date=date(2026, 4, 2)))
    store.apply_answers(None, [closed_answer(str(record.id), 1)])
    store.set_closed_months([MARCH])

    # Edited again: the new revision is held too (the month is still closed), not sent into it.
    edited = store.save(record.revise(participants=12))
    assert held_row(store, str(record.id))[:2] == (2, HELD_MONTH_CLOSED)
    # Moved into April: a change to March all the same (the server holds it), so still held.
    moved = store.save(edited.revise(action_date=date(2026, 4, 5)))
    assert held_row(store, str(record.id))[:2] == (3, HELD_MONTH_CLOSED)
    # A new record dated in the closed month waits from the start.
    late = store.save(action(action_date=date(2026, 3, 30)))
    assert held_row(store, str(late.id))[1] == HELD_MONTH_CLOSED
    assert [o.action.id for o in store.outgoing(10)] == [april.id]

    # A pull that still lists March changes nothing; one that does not releases both.
    assert store.set_closed_months([MARCH, "2026-02"]) == []
    released = store.set_closed_months(["2026-02"])
    assert sorted(released) == sorted([str(record.id), str(late.id)])
    assert store.closed_months() == {"2026-02"}
    sent = {o.action.id: o.action.revision for o in store.outgoing(10)}
    assert sent == {april.id: 1, record.id: 3, late.id: 1}
    assert store.get(record.id) == moved
    assert store.outbox_depth().closed == 0


def test_a_record_of_an_open_month_is_not_held_by_the_list(store: Store) -> None:
    store.set_closed_months([MARCH])
    april = store.save(action(action_date=date(2026, 4, 2)))
    assert held_row(store, str(april.id))[1] is None
    # A plain refusal stays a plain refusal (a person must fix it); reopening does not release it.
    store.apply_answers(None, [Answer(str(april.id), 1, "rejected", "validation", {"problems": []})])
    assert store.set_closed_months([]) == []
    assert held_row(store, str(april.id))[1] == "rejected"
