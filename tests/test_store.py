"""The local store on a real SQLite file: revisions, history, outbox, tombstones, queries."""

from __future__ import annotations

import json
import random
import sqlite3
import threading
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from fieldapp import schema
from fieldapp.models import CleanupAction, PhotoRef, Status
from fieldapp.photos import ProcessedPhoto
from fieldapp.queries import ActionFilter, Period, short_id
from fieldapp.store import StaleRevision, Store, StoreError
from fieldapp.writer import StoreBusy
from tests.db_holder import MARK, holding
from tests.records import SETTLEMENT, action


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "data" / "taza-field.sqlite") as s:
        yield s


def photo(store: Store, n: int, size: int = 1000) -> str:
    sha = f"{n:064x}"
    store.add_photo(
        ProcessedPhoto(
            sha256=sha,
            width=1600,
            height=1200,
            upload_size=size,
            original_name=f"IMG_{n}.jpg",
            original_size=size * 10,
            original_format="jpeg",
            taken_at=None,
            lat=None,
            lon=None,
        )
    )
    return sha


def outbox(store: Store) -> list[tuple]:
    conn = sqlite3.connect(store.path)
    try:
        return conn.execute(
            "SELECT kind, entity_id, revision FROM outbox ORDER BY kind, entity_id"
        ).fetchall()
    finally:
        conn.close()


# -- the file ----------------------------------------------------------------------------------------


def test_the_file_is_wal_with_foreign_keys_and_the_current_schema(store: Store) -> None:
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.known_migrations())
    conn.close()
    reader = store._reader()
    assert reader.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.integrity_check() == []


# -- one change: record, history and outbox together -------------------------------------------------


def test_a_new_ready_record_writes_revision_history_and_outbox(store: Store) -> None:
    record = store.save(action())
    assert store.get(record.id) == record
    [entry] = store.history(record.id)
    assert (entry.revision, entry.event, entry.origin, entry.action) == (1, "create", "local", record)
    assert outbox(store) == [("action", str(record.id), 1)]
    assert store.outbox_depth().records == 1


def test_a_draft_stays_on_the_laptop(store: Store) -> None:
    draft = store.save(action(status=Status.DRAFT))
    assert outbox(store) == []
    ready = store.save(draft.revise(status=Status.READY))
    assert outbox(store) == [("action", str(ready.id), 2)]
    back = store.save(ready.revise(status=Status.DRAFT))
    assert outbox(store) == []
    assert [e.revision for e in store.history(back.id)] == [1, 2, 3]


def test_the_outbox_holds_the_newest_revision_once(store: Store) -> None:
    record = store.save(action())
    for n in range(3):
        record = store.save(record.revise(participants=50 + n))
    assert outbox(store) == [("action", str(record.id), 4)]
    assert [e.action.participants for e in store.history(record.id)] == [40, 50, 51, 52]


def test_a_stale_revision_is_refused_and_nothing_is_overwritten(store: Store) -> None:
    first = store.save(action())
    mine = first.revise(participants=41)
    theirs = first.revise(participants=99)
    store.save(theirs)
    with pytest.raises(StaleRevision) as exc:
        store.save(mine)
    assert store.get(first.id).participants == 99
    assert "1" in exc.value.text("en")
    assert "2" in exc.value.text("en")
    assert {exc.value.text(lang) for lang in ("kk", "ru", "en")}.__len__() == 3
    with pytest.raises(StaleRevision):
        store.save(first)  # the same first revision again
    with pytest.raises(StaleRevision):
        store.save(action().model_copy(update={"revision": 2}))  # a record that never began


@pytest.mark.parametrize("status", [Status.SENT, Status.ACCEPTED, Status.RETURNED])
def test_server_statuses_cannot_be_set_by_hand(store: Store, status: Status) -> None:
    with pytest.raises(StoreError) as exc:
        store.save(action(status=status))
    assert exc.value.message.key == "store.status_not_allowed"
    assert store.count_actions(ActionFilter(include_deleted=True)) == 0


# -- tombstones ------------------------------------------------------------------------------------


def test_deleting_an_offered_record_tells_the_server(store: Store) -> None:
    record = store.save(action())
    tombstone = store.delete(record.id, expected_revision=1)
    assert tombstone.deleted
    assert tombstone.revision == 2
    assert tombstone.status is Status.READY
    assert store.get(record.id) == tombstone
    assert [e.event for e in store.history(record.id)] == ["create", "delete"]
    assert outbox(store) == [("action", str(record.id), 2)]
    assert store.count_actions() == 0
    assert store.count_actions(ActionFilter(include_deleted=True)) == 1
    assert store.totals(Period.year(2025)) == []


def test_deleting_a_draft_that_never_left_needs_no_message(store: Store) -> None:
    draft = store.save(action(status=Status.DRAFT))
    tombstone = store.delete(draft.id, expected_revision=1)
    assert tombstone.status is Status.DRAFT
    assert outbox(store) == []


def test_deleting_with_a_stale_revision_is_refused(store: Store) -> None:
    record = store.save(action())
    store.save(record.revise(participants=41))
    with pytest.raises(StaleRevision):
        store.delete(record.id, expected_revision=1)
    assert not store.get(record.id).deleted


def test_a_deleted_record_can_be_restored_by_a_new_revision(store: Store) -> None:
    record = store.save(action())
    tombstone = store.delete(record.id, 1)
    restored = store.save(tombstone.revise(deleted=False))
    assert store.count_actions() == 1
    assert [e.event for e in store.history(record.id)] == ["create", "delete", "edit"]
    assert store.get(restored.id).revision == 3


# -- photos ----------------------------------------------------------------------------------------


def test_photos_of_ready_records_wait_to_be_uploaded(store: Store) -> None:
    a, b = photo(store, 1, 200_000), photo(store, 2, 150_000)
    store.add_photo(ProcessedPhoto(a, 1, 1, 999, "again.jpg", 1, "jpeg", None, None, None))
    assert store.photo(a)["original_name"] == "IMG_1.jpg"  # the first registration stands
    store.save(action(status=Status.DRAFT, photos=[PhotoRef(sha256=a)]))
    assert store.outbox_depth().photos == 0
    store.save(action(photos=[PhotoRef(sha256=a, role="before"), PhotoRef(sha256=b, role="after")]))
    store.save(action(photos=[PhotoRef(sha256=a)]))  # shared photo: uploaded once
    depth = store.outbox_depth()
    assert (depth.records, depth.photos, depth.photo_bytes) == (2, 2, 350_000)


def test_a_record_with_an_unknown_photo_is_refused_whole(store: Store) -> None:
    with pytest.raises(StoreError) as exc:
        store.save(action(photos=[PhotoRef(sha256="f" * 64)]))
    assert exc.value.message.key == "store.photo_missing"
    assert store.count_actions(ActionFilter(include_deleted=True)) == 0
    assert outbox(store) == []
    assert store.integrity_check() == []


# -- many at once ------------------------------------------------------------------------------------


def test_save_many_is_all_or_none(store: Store) -> None:
    existing = store.save(action())
    batch = [action(), action(), existing]  # the last one is stale: revision 1 again
    with pytest.raises(StaleRevision):
        store.save_many(batch)
    assert store.count_actions() == 1
    assert store.integrity_check() == []


def test_save_many_mixes_new_and_changed_records(store: Store) -> None:
    old = store.save(action())
    saved = store.save_many([action(), old.revise(participants=7), action(status=Status.DRAFT)])
    assert len(saved) == 3
    assert store.get(old.id).participants == 7
    assert store.count_actions() == 3
    assert len(outbox(store)) == 2
    assert store.integrity_check() == []


def test_queued_saves_land_together_but_a_bad_one_fails_alone(store: Store) -> None:
    store._writer.call(lambda db: None)  # the writer is idle
    good = [action() for _ in range(20)]
    bad = action(photos=[PhotoRef(sha256="e" * 64)])
    futures = [store.submit_save(a) for a in good[:10]]
    bad_future = store.submit_save(bad)
    futures += [store.submit_save(a) for a in good[10:]]
    assert [f.result() for f in futures] == good
    with pytest.raises(StoreError):
        bad_future.result()
    assert store.count_actions() == 20
    assert store.get(bad.id) is None


def test_saves_from_many_threads(store: Store) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(25):
                record = store.save(action())
                store.save(record.revise(participants=record.participants + 1))
                assert store.get(record.id).revision == 2  # read-your-writes on this thread
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.count_actions() == 100
    assert store.integrity_check() == []


# -- listing and searching ---------------------------------------------------------------------------


def test_list_filters_and_search(store: Store) -> None:
    may = store.save(action(action_date=date(2025, 5, 3), campaign="subbotnik", place="Мектеп маңы"))
    june = store.save(
        action(
            action_date=date(2025, 6, 7),
            campaign="march_of_parks",
            notes="Саябақ ТАЗАРТЫЛДЫ",
            status=Status.DRAFT,
        )
    )
    other = store.save(action(action_date=date(2025, 5, 20), settlement="196247200", reporter="Ёлкин"))

    def ids(**kw: object) -> list[str]:
        return [r.id for r in store.list_actions(ActionFilter(**kw))]  # type: ignore[arg-type]

    assert ids() == [str(june.id), str(other.id), str(may.id)]  # newest first
    assert ids(period=Period.month(2025, 5)) == [str(other.id), str(may.id)]
    assert ids(campaign="march_of_parks") == [str(june.id)]
    assert ids(status=Status.DRAFT) == [str(june.id)]
    assert ids(settlement=SETTLEMENT) == [str(june.id), str(may.id)]
    assert ids(text="мектеп") == [str(may.id)]
    assert ids(text="тазартылды") == [str(june.id)]  # Cyrillic case folded
    assert ids(text="Еркин") == [str(june.id), str(may.id)]  # settlement «Еркін а.» typed without і
    assert ids(text="елкин") == [str(other.id)]  # ё read as е
    assert ids(text="%") == []
    assert ids(text="_") == []
    assert store.count_actions(ActionFilter(period=Period.month(2025, 5))) == 2


def test_paging_visits_every_row_once_in_order(store: Store) -> None:
    rng = random.Random(1)
    made = store.save_many(
        [action(action_date=date(2025, rng.randint(3, 10), rng.randint(1, 28))) for _ in range(137)]
    )
    seen: list[str] = []
    after = None
    while page := store.list_actions(limit=20, after=after):
        seen += [r.id for r in page]
        after = page[-1].key
    expected = sorted(made, key=lambda a: (a.action_date, str(a.id)), reverse=True)
    assert seen == [str(a.id) for a in expected]


def test_summary_rows_carry_the_list_columns(store: Store) -> None:
    sha = photo(store, 7)
    record = store.save(action(photos=[PhotoRef(sha256=sha)]))
    [row] = store.list_actions()
    assert (row.total_kg, row.area_m2, row.photo_count, row.participants) == (3650, 52_000, 1, 40)
    assert row.status is Status.READY
    assert row.id == str(record.id)


def test_same_day_actions_find_likely_duplicates(store: Store) -> None:
    first = store.save(action())
    second = action()
    assert [r.id for r in store.same_day_actions(SETTLEMENT, second.action_date, second.campaign)] == [
        str(first.id)
    ]
    assert store.same_day_actions(SETTLEMENT, second.action_date, "subbotnik") == []
    assert store.same_day_actions(SETTLEMENT, first.action_date, first.campaign, exclude=first.id) == []


def test_find_ids_by_short_id_or_beginning(store: Store) -> None:
    records = store.save_many([action() for _ in range(5)])  # made together: same first digits
    first = str(records[0].id)
    assert len(store.find_ids(first[:8])) == 5
    assert store.find_ids(short_id(first)) == [first]
    assert store.find_ids(short_id(first).upper()) == [first]
    assert store.find_ids(first) == [first]
    assert store.find_ids("zz") == []
    assert store.find_ids("") == []
    assert store.find_ids("a") == []  # too short to mean anything


# -- totals, checked against a plain recomputation ---------------------------------------------------


def expected_totals(
    records: dict[str, CleanupAction],
    start: date,
    end: date,
    group_by: tuple[str, ...],
    statuses: set[Status] | None,
) -> dict[tuple, tuple]:
    sums: dict[tuple, list] = defaultdict(lambda: [0, 0, 0, 0, defaultdict(int)])
    for r in records.values():
        if r.deleted or not (start <= r.action_date < end):
            continue
        if statuses is not None and r.status not in statuses:
            continue
        keys = {"settlement": r.settlement, "campaign": r.campaign, "month": r.action_date.isoformat()[:7]}
        s = sums[tuple(keys[g] for g in group_by)]
        s[0] += 1
        s[1] += r.participants
        s[2] += r.area_m2
        s[3] += r.trees
        for w in r.waste:
            s[4][w.fraction] += w.kg
    return {k: (v[0], v[1], v[2], v[3], {f: kg for f, kg in v[4].items() if kg}) for k, v in sums.items()}


def actual_totals(store: Store, period: Period, group_by: tuple[str, ...], statuses) -> dict[tuple, tuple]:
    return {
        tuple(t.group[g] for g in group_by): (t.actions, t.participants, t.area_m2, t.trees, t.kg_by_fraction)
        for t in store.totals(period, group_by, statuses)
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_totals_equal_a_plain_recomputation_after_random_changes(store: Store, seed: int) -> None:
    rng = random.Random(seed)
    settlements = [SETTLEMENT, "196247200", "196247300"]
    records: dict[str, CleanupAction] = {}

    def random_fields() -> dict:
        return {
            "settlement": rng.choice(settlements),
            "campaign": rng.choice(["subbotnik", "tree_planting", "world_cleanup_day"]),
            "action_date": date(2025, rng.randint(1, 12), rng.randint(1, 28)),
            "participants": rng.randint(1, 300),
            "area_m2": rng.randint(0, 20) * 1000,
            "trees": rng.randint(0, 5),
            "status": rng.choice([Status.DRAFT, Status.READY]),
            "waste": [
                {"fraction": f, "kg": rng.randint(0, 900)}
                for f in rng.sample(["mixed", "plastic", "glass", "metal"], rng.randint(0, 3))
            ],
        }

    for _ in range(250):
        roll = rng.random()
        live = [r for r in records.values() if not r.deleted]
        if roll < 0.45 or not live:
            batch = [action(**random_fields()) for _ in range(rng.randint(1, 4))]
            for r in store.save_many(batch):
                records[str(r.id)] = r
        elif roll < 0.8:
            r = store.save(rng.choice(live).revise(**random_fields()))
            records[str(r.id)] = r
        elif roll < 0.9:
            r = rng.choice(live)
            records[str(r.id)] = store.delete(r.id, r.revision)
        else:
            r = rng.choice([r for r in records.values() if r.deleted] or live)
            r = store.save(r.revise(deleted=False))
            records[str(r.id)] = r

    assert store.integrity_check() == []
    periods = [Period.year(2025), Period.month(2025, 5), Period(date(2025, 3, 10), date(2025, 8, 17))]
    for period in periods:
        for group_by in [(), ("settlement",), ("campaign",), ("settlement", "campaign"), ("month",)]:
            for statuses in (None, {Status.READY}):
                assert actual_totals(store, period, group_by, statuses) == expected_totals(
                    records, period.start, period.end, group_by, statuses
                ), (period, group_by, statuses)


def test_totals_of_an_empty_store(store: Store) -> None:
    assert store.totals(Period.month(2025, 5), group_by=()) == []


def test_totals_refuse_an_unknown_grouping(store: Store) -> None:
    with pytest.raises(ValueError, match="reporter"):
        store.totals(Period.year(2025), group_by=("reporter",))


def test_drift_in_the_monthly_sums_is_found(store: Store) -> None:
    store.save(action())
    conn = sqlite3.connect(store.path)
    conn.execute("UPDATE totals_monthly SET participants = participants + 1")
    conn.commit()
    conn.close()
    problems = store.integrity_check()
    assert problems
    assert "monthly totals differ" in problems[0]


# -- closing ---------------------------------------------------------------------------------------


def test_a_closed_store_refuses_work(tmp_path: Path) -> None:
    s = Store.open(tmp_path / "x.sqlite")
    s.count_actions()  # this thread now has a reader
    s.close()
    s.close()  # twice is fine
    with pytest.raises(RuntimeError):
        s.save(action())
    with pytest.raises(StoreError):
        s.get("x")


def test_a_record_and_its_new_photos_are_saved_together(store: Store) -> None:
    new = ProcessedPhoto("c" * 64, 1600, 1200, 5000, "IMG_9.jpg", 90_000, "jpeg", None, 43.3, 77.3)
    record = store.save(action(photos=[PhotoRef(sha256=new.sha256)]), photos=[new])
    assert store.photo(new.sha256)["original_name"] == "IMG_9.jpg"
    assert store.get(record.id).photos[0].sha256 == new.sha256
    bad = ProcessedPhoto("d" * 64, 1, 1, 1, "x.jpg", 1, "jpeg", None, None, None)
    with pytest.raises(StaleRevision):
        store.save(record, photos=[bad])  # the record is stale: the photo is not kept either
    assert store.photo(bad.sha256) is None


# -- what the server says --------------------------------------------------------------------------


def test_sent_then_returned_then_corrected(store: Store) -> None:
    record = store.save(action())
    sent = store.mark_sent(record.id, 1)
    assert sent.status is Status.SENT
    assert outbox(store) == []
    returned = store.apply_review(record.id, 1, Status.RETURNED, "Фото жоқ, қосыңыз")
    assert (returned.status, returned.review_comment) == (Status.RETURNED, "Фото жоқ, қосыңыз")
    assert [r.id for r in store.list_actions(ActionFilter(status=Status.RETURNED))] == [str(record.id)]
    corrected = store.save(returned.revise(status=Status.READY, notes="Фото қосылды"))
    assert outbox(store) == [("action", str(record.id), 2)]
    assert [(e.event, e.origin) for e in store.history(record.id)] == [
        ("create", "local"),
        ("sent", "server"),
        ("review", "server"),
        ("edit", "local"),
    ]
    assert corrected.revision == 2
    assert store.integrity_check() == []
    [year] = store.totals(Period.year(2025), group_by=(), statuses=[Status.READY])
    assert year.actions == 1


def test_a_decision_about_an_older_revision_does_not_overwrite(store: Store) -> None:
    record = store.save(action())
    store.mark_sent(record.id, 1)
    edited = store.save(store.get(record.id).revise(participants=99, status=Status.READY))
    result = store.apply_review(record.id, 1, Status.ACCEPTED, "")
    assert result == edited
    assert store.get(record.id).status is Status.READY
    assert store.history(record.id)[-1].event == "review_superseded"


def test_an_ack_of_an_older_revision_keeps_the_newer_one_queued(store: Store) -> None:
    record = store.save(action())
    store.save(record.revise(participants=41))
    assert store.mark_sent(record.id, 1).status is Status.READY
    assert outbox(store) == [("action", str(record.id), 2)]


def test_server_statuses_and_monthly_sums_stay_in_step(store: Store) -> None:
    records = store.save_many([action() for _ in range(4)])
    for r in records[:3]:
        store.mark_sent(r.id, 1)
    store.apply_review(records[0].id, 1, Status.ACCEPTED)
    store.apply_review(records[1].id, 1, Status.RETURNED, "?")
    by_status = {s: store.count_actions(ActionFilter(status=s)) for s in Status}
    assert by_status == {
        Status.DRAFT: 0,
        Status.READY: 1,
        Status.SENT: 1,
        Status.ACCEPTED: 1,
        Status.RETURNED: 1,
    }
    assert store.integrity_check() == []
    with pytest.raises(ValueError, match="decision"):
        store.apply_review(records[2].id, 1, Status.DRAFT)


def test_an_uploaded_photo_is_never_queued_again(store: Store) -> None:
    sha = photo(store, 3, 1000)
    store.save(action(photos=[PhotoRef(sha256=sha)]))
    assert store.outbox_depth().photos == 1
    store.mark_photo_uploaded(sha)
    assert store.outbox_depth().photos == 0
    store.save(action(photos=[PhotoRef(sha256=sha)]))  # another record with the same photo
    assert store.outbox_depth().photos == 0
    assert store.photo(sha)["uploaded_at"] is not None


def test_status_counts_come_from_the_monthly_sums(store: Store) -> None:
    records = store.save_many([action(), action(), action(status=Status.DRAFT)])
    store.mark_sent(records[0].id, 1)
    store.apply_review(records[0].id, 1, Status.RETURNED, "?")
    store.delete(records[1].id, 1)
    assert store.status_counts() == {Status.RETURNED: 1, Status.DRAFT: 1}


def test_a_write_while_another_program_holds_the_file_waits_then_is_refused_plainly(tmp_path: Path) -> None:
    """A second Taza Field (or any program) in the middle of a write: this one waits for the lock,
    and when it does not come says so in words; nothing is half-saved, and once the other lets go
    the same save goes in."""
    path = tmp_path / "taza-field.sqlite"

    def impatient() -> sqlite3.Connection:  # the store's own wait is 10 s
        conn = schema.connect(path)
        conn.execute("PRAGMA busy_timeout = 300")
        return conn

    with Store.open(path, connect=impatient) as store:
        record = action()
        with holding(path), pytest.raises(StoreBusy) as refused:
            store.save(record)
        assert "another Taza Field window" in refused.value.text("en")
        assert "басқа Taza Field терезесі" in refused.value.text("kk")
        assert store.get(record.id) is None
        assert store.write_failure is None  # the store still writes
        assert store.save(record).revision == record.revision
        assert store.get_meta("holder") == MARK  # and the other program's write is kept


def test_a_deletion_is_undone_only_while_the_server_has_not_heard_of_it(tmp_path: Path) -> None:
    import gzip

    with Store.open(tmp_path / "taza-field.sqlite") as store:
        record = store.save(action(action_date=date(2026, 9, 19)))
        tombstone = store.delete(record.id, record.revision)
        body = gzip.compress(f'{{"records": [{{"id": "{record.id}"}}]}}'.encode())
        store.begin_batch("batch-1", body, 1)  # the tombstone is on its way
        with pytest.raises(StoreError) as refused:
            store.undo_delete(record.id, tombstone.revision)
        assert "already been sent" in refused.value.text("en")
        assert store.get(record.id) == tombstone  # nothing half-done
        store.drop_batch("batch-1")  # the server refused that batch whole: never applied
        assert store.undo_delete(record.id, tombstone.revision) == record
        assert store.get(record.id) == record
        assert store.integrity_check() == []
        with pytest.raises(StaleRevision):  # undone already: nothing to take back
            store.undo_delete(record.id, tombstone.revision)
        tombstone = store.delete(record.id, record.revision)
        store.mark_sent(record.id, tombstone.revision)  # the server has the deletion
        with pytest.raises(StoreError):
            store.undo_delete(record.id, tombstone.revision)
        assert store.get(record.id).deleted


def test_a_batch_built_before_a_deletion_was_undone_is_not_kept(tmp_path: Path) -> None:
    """The sync read the tombstone, then the person undid the deletion: the batch carrying the
    tombstone is refused, so the server never gets what the laptop took back."""
    import gzip

    from fieldapp.ids import uuid7
    from fieldapp.outbox import BatchStale
    from sync.protocol import PushBatch, PushRecord

    with Store.open(tmp_path / "taza-field.sqlite") as store:
        record = store.save(action(action_date=date(2026, 9, 19)))
        tombstone = store.delete(record.id, record.revision)
        [outgoing] = store.outgoing(10)
        batch = PushBatch(
            batch_id=uuid7(), records=[PushRecord(record=outgoing.action, base_revision=0, lineage={})]
        )
        body = gzip.compress(batch.model_dump_json(exclude_defaults=True).encode())
        store.undo_delete(record.id, tombstone.revision)
        with pytest.raises(BatchStale):
            store.begin_batch(str(batch.batch_id), body, 1)
        assert store.pending_batch() is None
        [again] = store.outgoing(10)
        assert again.action == record  # built again: the record as it is


def test_a_decision_on_its_way_is_not_undone(tmp_path: Path) -> None:
    """While the decisions are being sent (marked before they are read to send), none is taken back;
    before and after, one still queued is, and the record shows the server's state again."""
    from fieldapp.district import META_SENDING_DECISIONS, Decision

    with Store.open(tmp_path / "taza-field.sqlite") as store:
        record = store.save(action(action_date=date(2026, 9, 19)))
        store.mark_sent(record.id, record.revision)
        store.queue_decisions([Decision(str(record.id), record.revision, Status.ACCEPTED)])
        assert store.get(record.id).status is Status.ACCEPTED
        store.set_meta(META_SENDING_DECISIONS, utc_iso_now())  # a run is sending
        with pytest.raises(StoreError) as refused:
            store.undo_decisions([str(record.id)])
        assert "already been sent" in refused.value.text("en")
        assert [q.action_id for q in store.queued_decisions()] == [str(record.id)]  # left whole
        store.set_meta(META_SENDING_DECISIONS, "2026-01-01T00:00:00Z")  # a run killed long ago
        [back] = store.undo_decisions([str(record.id)])
        assert back.status is Status.SENT
        assert store.queued_decisions() == []
        assert store.integrity_check() == []


def utc_iso_now() -> str:
    from fieldapp.models import utc_now

    return utc_now().isoformat().replace("+00:00", "Z")


def test_no_decision_is_made_here_about_a_signed_off_month(tmp_path: Path) -> None:
    """Once the district's refresh learned that March is signed off, a decision about a March record
    is refused here with the reason (the server would refuse it too), and nothing is queued; April's
    go as usual, and so do March's once the month is reopened."""
    from fieldapp.district import META_CLOSED_MONTHS, Decision

    with Store.open(tmp_path / "district.sqlite") as store:
        march = store.save(action(action_date=date(2026, 3, 19)))
        april = store.save(action(action_date=date(2026, 4, 2)))
        for record in (march, april):
            store.mark_sent(record.id, record.revision)
        store.set_meta(META_CLOSED_MONTHS, json.dumps(["2026-03"]))
        with pytest.raises(StoreError) as refused:
            store.queue_decisions([Decision(str(march.id), march.revision, Status.ACCEPTED)])
        assert refused.value.text("en").startswith("March 2026 is signed off: its decisions stand.")
        assert refused.value.text("kk").startswith("Наурыз 2026 бекітілген")
        assert refused.value.text("ru").startswith("Март 2026 утверждён")
        assert store.queued_decisions() == []
        assert store.get(march.id).status is Status.SENT
        store.queue_decisions([Decision(str(april.id), april.revision, Status.ACCEPTED)])
        store.set_meta(META_CLOSED_MONTHS, json.dumps([]))
        store.queue_decisions([Decision(str(march.id), march.revision, Status.ACCEPTED)])
        assert sorted(q.action_id for q in store.queued_decisions()) == sorted([str(march.id), str(april.id)])
