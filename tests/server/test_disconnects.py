"""A client that goes away in the middle of a body (a 2G link dropping mid-upload) is everyday
life: the server logs it once, at INFO, keeps nothing of the cut body and answers no one. A real
client through a real cutting proxy (``tests.netproxy``); the harness fails the test on any
server ERROR or traceback."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator

import pytest
import requests
from sqlalchemy import func, select

from server import schema as t
from sync.protocol import API_PREFIX
from tests.netproxy import LinkProxy
from tests.photo_factory import make_jpeg, noisy_picture
from tests.records import OKRUG, action
from tests.server.live import Caller, LiveServer
from tests.server.test_photos import CHUNK, partial_file, put, state, with_photos

GONE = "client went away during"
CUT_AT = 4_000  # the headers and a few KB of the body: well inside every body sent here


@pytest.fixture
def link(sqlite_server: LiveServer) -> Iterator[LinkProxy]:
    proxy = LinkProxy(("127.0.0.1", sqlite_server.process.port))
    yield proxy
    proxy.close()


def through(link: LinkProxy, caller: Caller) -> Caller:
    return Caller(link.url + API_PREFIX, caller.token)


def cut(link: LinkProxy, send) -> None:  # type: ignore[no-untyped-def]
    """Send through ``link`` with a reset after ``CUT_AT`` bytes up: the request never completes."""
    link.cut_after(up=CUT_AT)
    with pytest.raises(requests.ConnectionError):
        send()
    assert link.up.cuts == 1  # the drill's fault did happen


def gone_lines(server: LiveServer, what: str) -> list[str]:
    """The server's notes of clients gone during ``what``, once it has seen the reset (it notices on
    its own time, so this waits for the note rather than guessing how long that takes)."""
    deadline = time.monotonic() + 20
    while True:
        lines = [line for line in server.log.read_text(encoding="utf-8").splitlines() if GONE in line]
        if any(what in line for line in lines) or time.monotonic() > deadline:
            return [line for line in lines if what in line]
        time.sleep(0.05)


def test_a_photo_chunk_cut_midway_keeps_only_whole_chunks(sqlite_server: LiveServer, link: LinkProxy) -> None:
    laptop = sqlite_server.enrol(OKRUG)
    data = make_jpeg(picture=noisy_picture(700, 500))
    name = hashlib.sha256(data).hexdigest()
    laptop.push(with_photos(data))
    assert put(laptop, name, 0, data[:CHUNK], len(data)).status_code == 200

    slow = through(link, laptop)
    cut(link, lambda: put(slow, name, CHUNK, data[CHUNK : 2 * CHUNK], len(data)))
    lines = gone_lines(sqlite_server, f"PUT {API_PREFIX}/photos/{name}")
    assert [line.split()[0] for line in lines] == ["INFO"], lines  # once, and no error
    assert state(laptop, name) == (CHUNK, False)  # nothing of the cut chunk is kept
    assert partial_file(sqlite_server, name).stat().st_size == CHUNK

    # the laptop goes on from what the server holds, and the photo completes
    for offset in range(CHUNK, len(data), CHUNK):
        assert put(laptop, name, offset, data[offset : offset + CHUNK], len(data)).status_code == 200
    assert state(laptop, name) == (len(data), True)
    slow.close()


def test_a_push_cut_midway_applies_nothing(sqlite_server: LiveServer, link: LinkProxy) -> None:
    laptop = sqlite_server.enrol(OKRUG)
    records = [action(place="x" * 200) for _ in range(60)]  # a body of well over CUT_AT bytes
    slow = through(link, laptop)
    cut(link, lambda: slow.push(*records))
    lines = gone_lines(sqlite_server, f"POST {API_PREFIX}/push")
    assert [line.split()[0] for line in lines] == ["INFO"], lines  # once, and no error
    with sqlite_server.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.records)).scalar_one() == 0
        assert conn.execute(select(func.count()).select_from(t.batches)).scalar_one() == 0
    assert [r["outcome"] for r in laptop.push(*records).json()["results"]] == ["applied"] * 60
    slow.close()


def test_a_bundle_upload_cut_midway_imports_nothing(sqlite_server: LiveServer, link: LinkProxy) -> None:
    coordinator = sqlite_server.user("aigul", "coordinator", district="196200000")
    slow = through(link, coordinator)
    body = bytes(200_000)  # never looked at: the body does not arrive whole
    cut(link, lambda: slow.post("/bundles", data=body, headers={"Content-Type": "application/zip"}))
    lines = gone_lines(sqlite_server, f"POST {API_PREFIX}/bundles")
    assert [line.split()[0] for line in lines] == ["INFO"], lines  # once, and no error
    with sqlite_server.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.records)).scalar_one() == 0
    slow.close()
