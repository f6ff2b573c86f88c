"""A village laptop and a signed-off month, against a real server on SQLite and PostgreSQL: the
coordinator signs March off, the laptop's late record and change for March are held with a clear
message (kept on the laptop, not sent again into the closed month); the coordinator reopens March
with a reason and the laptop's next sync sends them by itself."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select

from fieldapp.models import Status
from fieldapp.outbox import HELD_MONTH_CLOSED, held_explanation
from fieldapp.store import Store
from server import schema as t
from tests.records import DISTRICT, OKRUG, OTHER_OKRUG
from tests.server.live import LiveServer
from tests.server.test_signoffs import TREE, decide, nothing_done, review_all
from tests.sync.laptop import Laptop
from tests.sync.test_enrolment import fieldapp

MARCH = "2026-03"


def held_message(laptop: Laptop, record_id: str, lang: str) -> str:
    row = (
        laptop.store._reader()
        .execute("SELECT held, last_error FROM outbox WHERE kind = 'action' AND entity_id = ?", [record_id])
        .fetchone()
    )
    assert row[0] == HELD_MONTH_CLOSED
    return held_explanation(row[0], row[1]).text(lang)


def test_a_closed_month_holds_the_laptops_records_until_it_is_reopened(
    server: LiveServer, make_laptop: Callable[..., Laptop]
) -> None:
    laptop = make_laptop()
    [record] = laptop.add(action_date=date(2026, 3, 14))
    assert laptop.sync().records_sent == 1
    nothing_done(server, [o for o in TREE.okrugs(DISTRICT) if o != OKRUG])
    assert OTHER_OKRUG in TREE.okrugs(DISTRICT)
    coordinator = server.user("aigul", "coordinator", district=DISTRICT)
    review_all(coordinator, record)
    assert decide(coordinator).status_code == 200

    # A late record of March and a change to the reviewed one: held, with the message, kept here.
    [late] = laptop.add(action_date=date(2026, 3, 28), participants=12)
    current = laptop.store.get(record.id)
    assert current is not None
    changed = laptop.store.save(current.revise(participants=55, status=Status.READY))
    report = laptop.sync()
    assert sorted(report.closed) == sorted([str(late.id), str(record.id)])
    assert (report.records_sent, report.rejected, report.held) == (0, 0, [])
    assert laptop.store.closed_months() == {MARCH}
    assert held_message(laptop, str(late.id), "en").startswith("March 2026 is closed by the district")
    assert held_message(laptop, str(late.id), "ru").startswith("Март 2026 закрыт районом")
    assert laptop.store.get(late.id) == late
    assert laptop.store.get(record.id) == changed
    assert laptop.store.outbox_depth().closed == 2

    # The next sync does not send them into the closed month again; an edit meanwhile stays held.
    edited = laptop.store.save(late.revise(participants=14))
    again = laptop.sync()
    assert (again.records_sent, again.closed, again.released) == (0, [], [])
    assert laptop.store.outbox_depth().closed == 2

    # Reopened with a reason: the laptop's next sync (here from the command line) releases and
    # sends both, by itself.
    assert decide(coordinator, "reopen", reason="Қайнар sent a late subbotnik").status_code == 200
    laptop.store.close()
    done = fieldapp(laptop.paths.root, "sync", lang="ru")
    assert done.returncode == 0, done.stderr
    assert "Месяц снова открыт: его записи (2 записи) снова поставлены на отправку." in done.stdout
    laptop.store = Store.open(laptop.paths.database)
    assert laptop.store.closed_months() == set()
    depth = laptop.store.outbox_depth()
    assert (depth.records, depth.closed, depth.held) == (0, 0, 0)
    with server.engine.connect() as conn:
        stored = dict(conn.execute(select(t.records.c.id, t.records.c.participants)).all())
    assert stored == {str(record.id): 55, str(late.id): edited.participants}
