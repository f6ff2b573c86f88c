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
from sync.engine import ChunkSizer, Progress, RetryPolicy
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


@DRILL
@given(records=st.integers(1, 80), cut=st.integers(0, 9000), upward=st.booleans())
def test_a_push_cut_at_any_byte(
    sqlite_server: LiveServer, drilled: Laptop, link: LinkProxy, records: int, cut: int, upward: bool
) -> None:
    drilled.add(records)
    link.cut_after(**({"up": cut} if upward else {"down": cut}))
    with contextlib.suppress(SyncError):  # the cut surfaced: the next sync finishes, doubling nothing
        drilled.sync(retry=ONE_TRY)
    link.cut_after()
    drilled.sync()
    assert_converged(sqlite_server, drilled.store, drilled.paths.photos)


@DRILL
@given(cut=st.integers(0, 300_000), chunk=st.sampled_from([16 * 1024, 48 * 1024, 256 * 1024]))
def test_a_photo_upload_cut_at_any_byte(
    sqlite_server: LiveServer, drilled: Laptop, link: LinkProxy, cut: int, chunk: int
) -> None:
    drilled.add(2, photos=2, seed=next(SEEDS))  # new pictures every example
    armed = threading.Event()

    def arm(progress: Progress) -> None:
        if progress.stage == "photos" and not armed.is_set():
            armed.set()
            link.cut_after(up=cut)

    sizes = ChunkSizer(start=chunk, low=chunk, high=chunk)
    with contextlib.suppress(SyncError):
        drilled.sync(retry=ONE_TRY, chunks=sizes, progress=arm)
    link.cut_after()
    drilled.sync(chunks=sizes)
    assert_converged(sqlite_server, drilled.store, drilled.paths.photos)


@pytest.mark.parametrize("after_s", [0.05, 0.3, 0.8, 1.5])
def test_the_server_killed_in_the_middle_of_a_batch(
    sqlite_server: LiveServer, drilled: Laptop, link: LinkProxy, after_s: float
) -> None:
    drilled.add(600, photos=0)
    drilled.add(3, photos=1, seed=9)
    link.shape(up_bps=40_000)  # the batches take a second or two to go up
    killer = threading.Timer(after_s, lambda: sqlite_server.stop(kill=True))
    killer.start()
    with contextlib.suppress(SyncError):
        drilled.sync(retry=ONE_TRY)
    killer.join()
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
    process.send_signal(signal.SIGKILL)  # mid-sync: no goodbye, no cleanup
    process.wait(30)
    link.shape()
    again = fieldapp_sync(folder)
    _, err = again.communicate(timeout=120)
    assert again.returncode == 0, err.decode()
    with Store.open(laptop.paths.database) as store:
        assert_converged(sqlite_server, store, laptop.paths.photos)
