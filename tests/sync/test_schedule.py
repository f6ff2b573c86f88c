"""When the app syncs by itself: backoff that grows and stops growing, jitter that spreads laptops,
and no automatic retry of what only a person can fix."""

from __future__ import annotations

import random

from sync.errors import Kind
from sync.schedule import Schedule


def test_no_link_is_probed_less_and_less_often_up_to_a_cap() -> None:
    schedule, rng = Schedule(), random.Random(1)
    waits = [schedule.after_failure(Kind.OFFLINE, n, rng) for n in range(1, 9)]
    assert all(w is not None for w in waits)
    assert waits[0] < 40
    assert waits[-1] <= schedule.probe_max_s * 1.2
    assert waits[-1] >= schedule.probe_max_s * 0.8


def test_server_trouble_backs_off_further() -> None:
    schedule, rng = Schedule(), random.Random(2)
    first = schedule.after_failure(Kind.SERVER_ERROR, 1, rng)
    later = schedule.after_failure(Kind.SERVER_ERROR, 10, rng)
    assert first is not None
    assert later is not None
    assert schedule.retry_s * 0.8 <= first <= schedule.retry_s * 1.2
    assert later <= schedule.retry_max_s * 1.2


def test_what_a_person_must_fix_is_not_retried() -> None:
    schedule, rng = Schedule(), random.Random(3)
    for kind in (Kind.AUTH_REVOKED, Kind.PROTOCOL_MISMATCH, Kind.NOT_ENROLLED):
        assert schedule.after_failure(kind, 1, rng) is None


def test_laptops_do_not_all_come_back_at_once() -> None:
    schedule = Schedule()
    waits = {
        round(schedule.after_failure(Kind.UNREACHABLE, 3, random.Random(seed)) or 0) for seed in range(50)
    }
    assert len(waits) > 20
    assert {round(schedule.after_success(random.Random(seed))) for seed in range(50)} != {900}


def test_a_failure_of_the_laptop_itself_is_not_retried() -> None:
    schedule, rng = Schedule(), random.Random(3)
    for kind in (Kind.DISK_FULL, Kind.LOCAL):
        assert kind.local
        assert not kind.transient
        assert schedule.after_failure(kind, 1, rng) is None
    assert not any(kind.local for kind in Kind if kind not in (Kind.DISK_FULL, Kind.LOCAL))
