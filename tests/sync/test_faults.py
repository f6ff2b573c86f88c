"""Fault drills: the link cut at any byte of a push or of a photo upload (property-based), the
server killed (SIGKILL) in the middle of a batch, the app killed in the middle of a sync — then
both back, and sync again. Each time: every record exactly once on the server, every photo byte for
byte, the outbox empty, nothing lost on either side.

A real server process and a real link proxy (``tests.netproxy``); the laptop is a real store,
synced by the real engine, or by ``fieldapp sync`` in a process of its own.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from fieldapp.device import save_device
from fieldapp.models import Status
from fieldapp.store import Store
from server import schema as t
from sync.engine import BatchLimits, ChunkSizer, Progress, RetryPolicy
from sync.errors import SyncError
from tests.netproxy import LinkProxy
from tests.server.live import LiveServer
from tests.sync.laptop import Laptop

ROOT = Path(__file__).resolve().parents[2]
ONE_TRY = RetryPolicy(attempts=1)
SEEDS = itertools.count(100)
DRILL = settings(
    max_examples=int(os.environ.get("TAZA_DRILL_EXAMPLES", "20")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,  # the same cut points on every run (CI), more with TAZA_DRILL_EXAMPLES
)


@pytest.fixture
def link(sqlite_server: LiveServer) -> Iterator[LinkProxy]:
    proxy = LinkProxy(("127.0.0.1", sqlite_server.process.port))
    yield proxy
    proxy.close()


@pytest.fixture
def drilled(sqlite_server: LiveServer, tmp_path: Path, link: LinkProxy) -> Iterator[Laptop]:
    laptop = Laptop(tmp_path / "laptop", sqlite_server)
    laptop.url = link.url
    yield laptop
    laptop.close()


def assert_converged(server: LiveServer, store: Store, photos_dir: Path) -> None:
    """The laptop and the server agree, and nothing was applied twice."""
    depth = store.outbox_depth()
    assert (depth.records, depth.photos, depth.held) == (0, 0, 0)
    assert store.pending_batch() is None
    assert store.integrity_check() == []
    local = {s.id: s for s in store.list_actions(limit=100_000) if s.status is not Status.DRAFT}
    with server.engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(t.records))}
        revisions = conn.execute(
            select(t.record_revisions.c.record_id, func.count()).group_by(t.record_revisions.c.record_id)
        ).all()
        sums = conn.execute(
            select(
                func.coalesce(func.sum(t.monthly_totals.c.actions), 0),
                func.coalesce(func.sum(t.monthly_totals.c.participants), 0),
            )
        ).one()
        photos = {r.sha256: r.complete for r in conn.execute(select(t.photos))}
    assert set(rows) == set(local)  # every record there, none of another
    assert all(rows[i].revision == s.revision for i, s in local.items())
    assert all(count == 1 for _, count in revisions)  # each revision applied exactly once
    assert tuple(sums) == (len(rows), sum(r.participants for r in rows.values()))  # counted once
    for action_id in local:
        record = store.get(action_id)
        assert record is not None
        for photo in record.photos:
            assert photos.get(photo.sha256) is True
            stored = server.tmp / "photos" / photo.sha256[:2] / f"{photo.sha256}.jpg"
            assert (
                stored.read_bytes()
                == (photos_dir / "upload" / photo.sha256[:2] / f"{photo.sha256}.jpg").read_bytes()
            )


def transfer_floor(records: int, upward: bool) -> int:
    """Fewer bytes than the sync of ``records`` new records moves that way, whatever the data: one
    record's push is about 1,010 bytes up and 520 down, each record adds about 25 up and 15 down
    (measured through the proxy: bytes of requests and answers, headers included)."""
    return 950 + 25 * records if upward else 480 + 15 * records


def assert_cut(link: LinkProxy, where: str) -> None:
    """The drill's fault happened: the proxy reset a connection with bytes still to go."""
    cuts = (link.up.cuts, link.down.cuts)
    assert sum(cuts) == 1, (
        f"no cut during {where} (cuts up/down {cuts}; {link.up.bytes} bytes went up, "
        f"{link.down.bytes} down): the drill tested nothing"
    )


@DRILL
@given(records=st.integers(1, 80), share=st.floats(0, 1, exclude_max=True), upward=st.booleans())
def test_a_push_cut_at_any_byte(
    sqlite_server: LiveServer, drilled: Laptop, link: LinkProxy, records: int, share: float, upward: bool
) -> None:
    drilled.add(records)
    link.up.reset_counters()
    link.down.reset_counters()
    cut = int(share * transfer_floor(records, upward))  # a byte the sync does send
    link.cut_after(**({"up": cut} if upward else {"down": cut}))
    with contextlib.suppress(SyncError):  # the cut surfaced: the next sync finishes, doubling nothing
        drilled.sync(retry=ONE_TRY)
    assert_cut(link, f"the push of {records} records, cut at byte {cut} {'up' if upward else 'down'}")
    link.cut_after()
    drilled.sync()
    assert_converged(sqlite_server, drilled.store, drilled.paths.photos)


@DRILL
@given(share=st.floats(0, 1, exclude_max=True), chunk=st.sampled_from([16 * 1024, 48 * 1024, 256 * 1024]))
def test_a_photo_upload_cut_at_any_byte(
    sqlite_server: LiveServer, drilled: Laptop, link: LinkProxy, share: float, chunk: int
) -> None:
    saved = drilled.add(2, photos=2, seed=next(SEEDS))  # new pictures every example
    upload = drilled.paths.photos / "upload"
    photo_bytes = sum(
        (upload / p.sha256[:2] / f"{p.sha256}.jpg").stat().st_size for r in saved for p in r.photos
    )
    cut = int(share * photo_bytes)  # a byte that goes up: the photos follow, after their headers
    armed = threading.Event()

    def arm(progress: Progress) -> None:
        # The records answered, no photo byte sent yet: from here on, at least ``photo_bytes`` go up.
        done = progress.stage == "records" and progress.records_done == progress.records_total
        if done and not armed.is_set():
            armed.set()
            link.up.reset_counters()
            link.down.reset_counters()
            link.cut_after(up=cut)

    sizes = ChunkSizer(start=chunk, low=chunk, high=chunk)
    with contextlib.suppress(SyncError):
        drilled.sync(retry=ONE_TRY, chunks=sizes, progress=arm)
    assert_cut(link, f"the upload of {photo_bytes} photo bytes, cut at byte {cut} up")
    link.cut_after()
    drilled.sync(chunks=sizes)
    assert_converged(sqlite_server, drilled.store, drilled.paths.photos)


def server_records(server: LiveServer) -> int:
    with server.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(t.records)).scalar_one()


@pytest.mark.parametrize("after_records", [100, 200, 400, 500])
def test_the_server_killed_in_the_middle_of_a_batch(
    sqlite_server: LiveServer, drilled: Laptop, link: LinkProxy, after_records: int
) -> None:
    drilled.add(600, photos=0)
    drilled.add(3, photos=1, seed=9)
    link.shape(up_bps=40_000)  # each batch of 100 takes a moment to go up
    answered_at: list[int] = []

    def kill_mid_batch(progress: Progress) -> None:
        # Once the server has answered for ``after_records``, as the next batch's bytes go up.
        if progress.stage != "records" or progress.records_done < after_records:
            return
        if not answered_at:
            answered_at.append(progress.bytes_done)
        elif progress.bytes_done > answered_at[0] and sqlite_server.process.running:
            sqlite_server.stop(kill=True)

    with contextlib.suppress(SyncError):
        drilled.sync(retry=ONE_TRY, limits=BatchLimits(max_records=100), progress=kill_mid_batch)
    # The kill landed mid-sync: some batches committed, not all, and one was on its way.
    committed = server_records(sqlite_server)
    assert 0 < committed < 603, f"{committed} of 603 records on the server: the kill did not land mid-sync"
    assert drilled.store.pending_batch() is not None, "no batch was in flight when the server died"
    sqlite_server.start()
    link.shape()
    drilled.sync()
    assert_converged(sqlite_server, drilled.store, drilled.paths.photos)


def fieldapp_sync(data: Path, *, errors: bool = True) -> subprocess.Popen[bytes]:
    env = {**os.environ, "TAZA_FIELD_LANG": "en", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "fieldapp.cli", "--data-dir", str(data), "sync"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE if errors else subprocess.DEVNULL,
    )


@pytest.mark.parametrize("kill_at", [2_000, 30_000, 120_000, 400_000])
def test_the_app_killed_in_the_middle_of_a_sync(
    sqlite_server: LiveServer, tmp_path: Path, link: LinkProxy, kill_at: int
) -> None:
    folder = tmp_path / "laptop"
    laptop = Laptop(folder, sqlite_server)
    laptop.add(400)
    laptop.add(6, photos=1, seed=4)
    save_device(laptop.credentials.model_copy(update={"server_url": link.url}), laptop.paths.device)
    laptop.close()
    link.shape(up_bps=60_000)
    start = link.up.bytes
    process = fieldapp_sync(folder, errors=False)
    deadline = time.monotonic() + 60
    while link.up.bytes - start < kill_at and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.kill()  # mid-sync: no goodbye, no cleanup (SIGKILL; TerminateProcess on Windows)
    process.wait(30)
    # The kill landed before the sync was done: the process did not end by itself, and the laptop
    # still holds what it had not seen the server confirm.
    killed = 1 if sys.platform == "win32" else -signal.SIGKILL  # TerminateProcess's exit code: 1
    assert process.returncode == killed, f"fieldapp sync ended by itself ({process.returncode})"
    with Store.open(laptop.paths.database) as store:
        left = store.outbox_depth()
    assert left.records + left.photos > 0, f"nothing left to send after {link.up.bytes - start} bytes up"
    link.shape()
    again = fieldapp_sync(folder)
    _, err = again.communicate(timeout=120)
    assert again.returncode == 0, err.decode()
    with Store.open(laptop.paths.database) as store:
        assert_converged(sqlite_server, store, laptop.paths.photos)
