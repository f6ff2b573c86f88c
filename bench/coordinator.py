"""A district coordinator's day with a district of 50,000 records: the pull of the whole district
over loopback and over the bad rural link of the sync benchmark, then the dashboard and the XLSX
report computed from the district copy.

    python bench/coordinator.py [--records 50000] [--sqlite] [--userspace] [--skip-badlink]

The server runs on PostgreSQL (a throwaway cluster; ``--sqlite`` for the embedded default) with
the district's 50,000 records pushed through its API by the laptops of the district's okrugs. The
bad link is the sync benchmark's (``bench/sync_link.py``): 256 kbit/s each way, 300 ms each way,
3 % loss — as root, shaped by the kernel (``tc tbf`` and an nftables ``numgen random`` drop rule
on a veth pair into a network namespace where the coordinator's laptop runs, 300 ms added by a
userspace step); otherwise, or with ``--userspace``, all in the userspace proxy.

"Dashboard" is everything the dashboard tab computes for a year (totals by okrug, campaign, month
and fraction), median of warm runs; "XLSX" is the district's workbook (totals by okrug and by
campaign, and a sheet of every record). Targets: dashboard < 300 ms, XLSX of 50,000 records
< 10 s. The last line is ``pull_loopback_s=… pull_badlink_s=… dashboard_ms=… xlsx_s=…``.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.server_ingest import RecordFactory, enrol  # noqa: E402
from bench.sync_link import DELAY_S, HOST_IP, LOSS, RATE_BPS, kernel_possible, namespace  # noqa: E402
from fieldapp.kato import default_kato  # noqa: E402
from fieldapp.photo_library import PhotoLibrary  # noqa: E402
from fieldapp.queries import Period  # noqa: E402
from fieldapp.reference import default_reference  # noqa: E402
from fieldapp.store import Store  # noqa: E402
from server import accounts, pgcluster  # noqa: E402
from server.db import make_engine  # noqa: E402
from server.process import ServerProcess, free_port  # noqa: E402
from sync.client import ServerClient, Timeouts  # noqa: E402
from sync.district import DistrictSync, login  # noqa: E402
from sync.protocol import Role  # noqa: E402
from tests.netproxy import LinkProxy  # noqa: E402

DISTRICT = "196200000"  # Талғар ауданы, Алматы облысы: 11 okrugs
YEAR = 2026  # the records' year (bench/server_ingest.py makes them in it)
BATCH = 500
PASSWORD_ENV = "TAZA_BENCH_COORDINATOR_PASSWORD"


# -- the district on the server ---------------------------------------------------------------------


def seed(server: ServerProcess, records: int) -> float:
    """Push ``records`` records spread over the district's okrugs; records per second."""
    kato = default_kato()
    okrugs = [o.code for o in kato.okrugs(DISTRICT) if kato.settlements(o.code)]
    laptops = enrol(server, okrugs)
    work: queue.Queue[tuple[int, int]] = queue.Queue()
    for offset in range(0, records, BATCH):
        work.put((offset // BATCH % len(laptops), min(BATCH, records - offset)))

    def worker(seed: int) -> None:
        factory = RecordFactory(kato, seed=seed)
        while True:
            try:
                index, count = work.get_nowait()
            except queue.Empty:
                return
            laptop = laptops[index]
            laptop.push(server.api, factory.body(laptop.okrug, count))

    began = time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        for future in [pool.submit(worker, n) for n in range(4)]:
            future.result()
    seconds = time.perf_counter() - began
    for laptop in laptops:
        laptop.session.close()
    return records / seconds


def coordinator(server: ServerProcess) -> tuple[str, str]:
    name, password = f"bench-{secrets.token_hex(3)}", secrets.token_urlsafe(16)
    engine = make_engine(server.database_url)
    try:
        with engine.begin() as conn:
            accounts.create_user(conn, name, password, Role.COORDINATOR, DISTRICT)
    finally:
        engine.dispose()
    return name, password


# -- the coordinator's laptop -----------------------------------------------------------------------


def pull(url: str, user: str, password: str, folder: Path) -> dict[str, float]:
    """Log in and pull the whole district into a fresh copy; seconds and records."""
    session = login(url, user, password)
    store = Store.open(folder / "district.sqlite")
    client = ServerClient(url, session.token, timeouts=Timeouts(connect=30, read=180))
    try:
        began = time.perf_counter()
        report = DistrictSync(store, PhotoLibrary(folder / "photos"), client).run()
        seconds = time.perf_counter() - began
    finally:
        client.close()
        store.close()
    return {"seconds": seconds, "records": report.records_new}


def pull_worker(argv: list[str]) -> None:
    """Run inside the namespace: the pull through a 300 ms-each-way proxy; prints JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--host")
    parser.add_argument("--port", type=int)
    parser.add_argument("--user")
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args(argv)
    with LinkProxy((args.host, args.port)) as proxy:
        proxy.shape(delay_s=DELAY_S)
        result = pull(proxy.url, args.user, os.environ[PASSWORD_ENV], args.folder)
        result["bytes_down"] = proxy.down.bytes
        result["bytes_up"] = proxy.up.bytes
    print(json.dumps(result))


def dashboard_ms(store: Store, repeats: int = 7) -> tuple[float, float]:
    """(cold, median of warm) milliseconds of everything the dashboard computes for the year."""
    from ui.dashboard_view import compute

    kato, period = default_kato(), Period.year(YEAR)
    times = []
    for _ in range(repeats + 1):
        began = time.perf_counter()
        data = compute(store, kato, period, False)
        times.append((time.perf_counter() - began) * 1000)
    assert data.total.actions > 0, "the dashboard counted nothing"
    return times[0], statistics.median(times[1:])


def xlsx_s(store: Store, folder: Path) -> tuple[float, int]:
    from sync.district_reports import district_workbook

    target = folder / "district.xlsx"
    began = time.perf_counter()
    district_workbook(target, store, default_kato(), default_reference(), DISTRICT, Period.year(YEAR), "ru")
    return time.perf_counter() - began, target.stat().st_size


# -- the run ----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["pull-worker"]:
        pull_worker(argv[1:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--sqlite", action="store_true", help="the server on SQLite, not PostgreSQL")
    parser.add_argument("--userspace", action="store_true", help="shape the link in userspace even as root")
    parser.add_argument("--skip-badlink", action="store_true")
    args = parser.parse_args(argv)
    why_not = "asked for" if args.userspace else kernel_possible()
    line: dict[str, str] = {}
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="taza-coordinator-bench-")))
        if args.sqlite:
            database, backend = f"sqlite:///{folder / 'server.sqlite'}", "SQLite"
        else:
            cluster = stack.enter_context(pgcluster.ThrowawayCluster(durable=True))
            database, backend = cluster.create_database("taza_coordinator_bench"), "PostgreSQL"
        kernel = why_not is None and not args.skip_badlink
        bind = "0.0.0.0" if kernel else "127.0.0.1"  # the laptop in the namespace reaches it on the veth
        server = ServerProcess(database, folder / "photos", port=free_port(), cwd=folder, bind=bind)
        server.init()
        server.start()
        stack.callback(server.stop)
        print(f"server: {backend}; pushing {args.records:,} records of Talgar district …", flush=True)
        rate = seed(server, args.records)
        print(f"  {rate:,.0f} records/s", flush=True)
        user, password = coordinator(server)

        print("pull over loopback …", flush=True)
        loopback = pull(server.url, user, password, folder / "loopback")
        assert loopback["records"] == args.records, loopback
        print(f"  {loopback['seconds']:.1f} s for {loopback['records']:,.0f} records", flush=True)
        line["pull_loopback_s"] = f"{loopback['seconds']:.1f}"

        if not args.skip_badlink:
            badlink = bad_link_pull(stack, server, user, password, folder / "badlink", why_not)
            assert badlink["records"] == args.records, badlink
            print(
                f"  {badlink['seconds']:.1f} s, {badlink['bytes_down']:,.0f} B down "
                f"({badlink['bytes_down'] / args.records:.0f} B per record), {badlink['bytes_up']:,.0f} B up",
                flush=True,
            )
            line["pull_badlink_s"] = f"{badlink['seconds']:.1f}"

        store = Store.open(folder / "loopback" / "district.sqlite")
        try:
            cold, warm = dashboard_ms(store)
            print(f"dashboard: {warm:.0f} ms (first {cold:.0f} ms)", flush=True)
            seconds, size = xlsx_s(store, folder)
            print(f"XLSX: {seconds:.1f} s, {size / 1e6:.1f} MB", flush=True)
        finally:
            store.close()
        line["dashboard_ms"] = f"{warm:.0f}"
        line["xlsx_s"] = f"{seconds:.1f}"
    print(" ".join(f"{key}={value}" for key, value in line.items()))


def bad_link_pull(  # type: ignore[no-untyped-def]
    stack: ExitStack, server: ServerProcess, user: str, password: str, folder: Path, why_not: str | None
) -> dict[str, float]:
    if why_not is None:
        inside = stack.enter_context(namespace())
        print(
            f"pull over the bad link: kernel (tc tbf 256 kbit/s each way, nftables {LOSS:.0%} loss each "
            f"way) + {DELAY_S * 1000:.0f} ms each way in userspace …",
            flush=True,
        )
        done = subprocess.run(
            [
                *inside,
                sys.executable,
                str(Path(__file__).resolve()),
                "pull-worker",
                "--host",
                HOST_IP,
                "--port",
                str(server.port),
                "--user",
                user,
                "--folder",
                str(folder),
            ],
            env=os.environ | {PASSWORD_ENV: password},
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"the pull in the namespace failed:\n{done.stdout}\n{done.stderr}")
        return json.loads(done.stdout.strip().splitlines()[-1])
    print(
        f"pull over the bad link: userspace ({why_not}): 256 kbit/s, {DELAY_S * 1000:.0f} ms each way, "
        f"{LOSS:.0%} of segments stalled as if retransmitted …",
        flush=True,
    )
    with LinkProxy(("127.0.0.1", server.port)) as proxy:
        proxy.shape(delay_s=DELAY_S, up_bps=RATE_BPS, down_bps=RATE_BPS, loss=LOSS)
        result = pull(proxy.url, user, password, folder)
        result["bytes_down"] = proxy.down.bytes
        result["bytes_up"] = proxy.up.bytes
    return result


if __name__ == "__main__":
    threading.current_thread().name = "bench"
    main()
