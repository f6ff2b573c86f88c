"""Every kind of failure, caused for real (no network at all, a closed port, a link that stalls,
drops or answers 502, a revoked device, another protocol version), each told apart, each with a
message in kk, ru and en, and none of them losing or doubling a record."""

from __future__ import annotations

import threading
from uuid import UUID

import pytest

from fieldapp.i18n import LANGUAGES
from server.process import free_port
from sync.client import ServerClient, Timeouts
from sync.engine import Progress, RetryPolicy
from sync.errors import Cancelled, Kind, SyncError
from tests.netproxy import LinkProxy
from tests.server.live import LiveServer
from tests.sync.laptop import Laptop
from tests.sync.test_engine import server_records

ONE_TRY = RetryPolicy(attempts=1)


@pytest.fixture
def link(server: LiveServer) -> LinkProxy:
    proxy = LinkProxy(("127.0.0.1", server.process.port))
    yield proxy
    proxy.close()


def failure(laptop: Laptop, **kwargs: object) -> SyncError:
    with pytest.raises(SyncError) as caught:
        laptop.sync(**kwargs)  # type: ignore[arg-type]
    return caught.value


def test_every_kind_has_a_message_in_every_language() -> None:
    for kind in Kind:
        error = SyncError(kind, reason="validation")
        for lang in LANGUAGES:
            text = error.text(lang)
            assert text, (kind, lang)
            assert not text.startswith("sync.error."), (kind, lang)


def test_no_network_is_offline_a_closed_port_unreachable() -> None:
    with pytest.raises(SyncError) as offline:
        ServerClient("http://taza-field.invalid").health()
    assert offline.value.kind is Kind.OFFLINE
    with pytest.raises(SyncError) as closed:
        ServerClient(f"http://127.0.0.1:{free_port()}").health()
    assert closed.value.kind is Kind.UNREACHABLE


def test_the_server_going_away_keeps_everything_for_later(server: LiveServer, laptop: Laptop) -> None:
    saved = laptop.add(3)
    server.stop()
    assert failure(laptop).kind is Kind.UNREACHABLE
    assert laptop.store.outbox_depth().records == 3
    server.start()
    assert laptop.sync().records_sent == 3
    assert set(server_records(server)) == {str(r.id) for r in saved}


def test_a_stalled_link_times_out_and_the_batch_goes_again_later(
    server: LiveServer, laptop: Laptop, link: LinkProxy
) -> None:
    saved = laptop.add(5)
    laptop.url = link.url
    laptop.timeouts = Timeouts(connect=2, read=0.5)
    link.shape(delay_s=1.0)  # each way: the answer comes after the client stopped waiting
    assert failure(laptop, retry=RetryPolicy(attempts=2, base_s=0.01)).kind is Kind.TIMEOUT
    pending = laptop.store.pending_batch()
    assert pending is not None  # kept, to go again as it is: the server may have applied it
    link.shape(delay_s=0.0)
    laptop.timeouts = Timeouts(connect=2, read=10)
    assert laptop.sync().records_sent == 5
    assert laptop.store.pending_batch() is None
    assert server_records(server) == {str(r.id): 1 for r in saved}


def test_a_dropped_connection_is_retried_within_the_run(
    server: LiveServer, laptop: Laptop, link: LinkProxy
) -> None:
    saved = laptop.add(40)
    laptop.url = link.url
    link.cut_after(up=1200)  # in the middle of the batch (40 records are about 2 KB)
    report = laptop.sync()
    assert link.up.cuts == 1
    assert report.records_sent == 40
    assert server_records(server) == {str(r.id): 1 for r in saved}


def test_an_answer_lost_on_the_way_back_applies_nothing_twice(
    server: LiveServer, laptop: Laptop, link: LinkProxy
) -> None:
    saved = laptop.add(10)
    laptop.url = link.url
    link.cut_after(down=200)  # the server applied the batch; its answer never arrives
    error = failure(laptop, retry=ONE_TRY)
    assert error.kind is Kind.CONNECTION_LOST
    assert server_records(server) == {str(r.id): 1 for r in saved}
    assert laptop.store.outbox_depth().records == 10  # the laptop does not know yet
    assert laptop.sync().records_sent == 10  # the same batch, the same answer
    assert server_records(server) == {str(r.id): 1 for r in saved}
    assert laptop.store.outbox_depth().records == 0


def test_a_502_from_a_proxy_is_a_server_error_retried_with_backoff(
    server: LiveServer, laptop: Laptop, link: LinkProxy
) -> None:
    laptop.add(2)
    laptop.url = link.url
    link.bad_gateway = True
    error = failure(laptop, retry=RetryPolicy(attempts=3, base_s=0.01, cap_s=0.02))
    assert (error.kind, error.status) == (Kind.SERVER_ERROR, 502)
    assert link.connections == 0  # never reached the server
    link.bad_gateway = False
    assert laptop.sync().records_sent == 2


def test_a_revoked_laptop_is_told_to_enrol_again(server: LiveServer, laptop: Laptop) -> None:
    laptop.add(1)
    server.cli("device", "revoke", str(laptop.credentials.device_id))
    error = failure(laptop)
    assert error.kind is Kind.AUTH_REVOKED
    assert error.kind.needs_person
    assert "IT" in error.text("en")
    assert laptop.store.outbox_depth().records == 1


def test_another_protocol_version_asks_for_an_update(
    server: LiveServer, laptop: Laptop, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop.add(1)
    monkeypatch.setattr("sync.client.PROTOCOL_VERSION", 2)  # an app from the future
    error = failure(laptop)
    assert (error.kind, error.status) == (Kind.PROTOCOL_MISMATCH, 426)
    assert "Install the new version" in error.text("en")


def test_a_run_can_be_cancelled_and_nothing_is_lost(
    server: LiveServer, laptop: Laptop, link: LinkProxy
) -> None:
    saved = laptop.add(30, photos=1)
    laptop.url = link.url
    link.shape(up_bps=60_000)
    cancel = threading.Event()

    def watch(progress: Progress) -> None:
        if progress.stage == "photos" and progress.bytes_done > 20_000:
            cancel.set()

    with pytest.raises(Cancelled):
        laptop.sync(progress=watch, cancel=cancel)
    assert laptop.store.outbox_depth().photos > 0
    link.shape()
    report = laptop.sync()
    assert report.photos_sent + report.photos_skipped <= 30
    assert laptop.store.outbox_depth().photos == 0
    assert server_records(server) == {str(r.id): 1 for r in saved}
    for record in saved:
        sha = record.photos[0].sha256
        path = server.tmp / "photos" / sha[:2] / f"{sha}.jpg"
        assert path.read_bytes() == laptop.library.upload_path(sha).read_bytes()
    assert isinstance(laptop.credentials.device_id, UUID)


def test_a_full_disk_and_a_bug_are_the_laptops_not_the_servers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from fieldapp.writer import WriterClosed
    from sync.errors import local_error

    try:
        with open("/dev/full", "wb") as full:  # a real ENOSPC where the system has one
            full.write(b"x" * 4096)
            full.flush()
    except OSError as exc:
        written: OSError = exc
    else:  # pragma: no cover - no /dev/full here
        written = OSError(28, "No space left on device")
    for cause in (written, sqlite3.OperationalError("database or disk is full")):
        try:
            raise RuntimeError("could not keep it") from cause
        except RuntimeError as wrapped:
            error = local_error(wrapped)
        assert error.kind is Kind.DISK_FULL
        assert "disk is full" in error.text("en")
        assert "not at fault" in error.text("en")
        assert "Диск ноутбука заполнен" in error.text("ru")
    bug = local_error(KeyError("settlement"))
    assert bug.kind is Kind.LOCAL
    assert "error on this laptop, not on the server (KeyError: 'settlement')" in bug.text("en")
    assert "server had a problem" not in bug.text("en")
    stopped = local_error(WriterClosed(sqlite3.OperationalError("disk I/O error")))
    assert "ошибки на этом ноутбуке" in stopped.text("ru")
    assert "В файл данных нельзя записать" in stopped.text("ru")  # the store's own words, in Russian
    network = SyncError(Kind.TIMEOUT)
    assert local_error(network) is network
