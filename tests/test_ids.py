"""Record ids: UUID version 7, time-ordered, unique across threads."""

from __future__ import annotations

import threading
import time
import uuid

from fieldapp.ids import uuid7, uuid7_time_ms


def test_version_variant_and_time() -> None:
    before = time.time_ns() // 1_000_000
    value = uuid7()
    after = time.time_ns() // 1_000_000
    assert value.version == 7
    assert value.variant == uuid.RFC_4122
    assert before <= uuid7_time_ms(value) <= after


def test_strictly_increasing_even_within_one_millisecond() -> None:
    ids = [uuid7(now_ms=1_700_000_000_000) for _ in range(5000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    assert str(ids[0]) < str(ids[-1])  # the text form sorts the same way (it is the stored key)


def test_clock_stepping_back_does_not_reorder() -> None:
    late = uuid7(now_ms=1_800_000_000_000)
    early = uuid7(now_ms=1_700_000_000_000)
    assert early > late


def test_unique_across_threads() -> None:
    seen: list[uuid.UUID] = []
    lock = threading.Lock()

    def make() -> None:
        local = [uuid7() for _ in range(2000)]
        with lock:
            seen.extend(local)

    threads = [threading.Thread(target=make) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(seen)) == 8000
