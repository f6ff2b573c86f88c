"""Server benchmark: push throughput with 50 laptops at once, and report times over 1,000,000 records.

    python bench/server_ingest.py [--database-url URL] [--devices 50] [--batches 4] [--batch-size 500]
                                  [--records 1000000] [--skip-sqlite]

Everything goes through the real thing: ``fieldapp-server init`` and ``serve`` in a child process on
127.0.0.1, laptops enrolled over HTTP, gzip JSON batches pushed over HTTP, reports asked for over HTTP
by an admin (national) and a coordinator (district).

1. **Push**, on SQLite and on PostgreSQL: ``--devices`` laptops, each of its own okrug, push
   ``--batches`` batches of ``--batch-size`` new records at the same moment (the bodies are built
   and gzipped beforehand, so the figure is the server's). Prints records/s over the wall time and
   the p50/p99 of a batch's round trip, for ``--rounds`` rounds (each on an empty database, with
   new laptops), and reports the median round.
2. **Load**, PostgreSQL only: more laptops (every rural okrug of the country) push until the
   database holds ``--records`` records, spread over the okrugs and the months January–November.
3. **Reports** over those records: a district's totals by okrug and campaign for the year to date,
   and the national totals by region and campaign for the year to date (each the median of 7 asks
   after one to warm up), plus the national completeness matrix.

Without ``--database-url`` (or ``TAZA_BENCH_DATABASE_URL``) it starts its own throwaway PostgreSQL
cluster with durable commits (fsync on, as in production) and deletes it after. Uvicorn runs
``TAZA_SERVER_WORKERS`` worker processes on PostgreSQL (default: one more than the CPUs), one on
SQLite. Laptops, server and database share this machine's CPUs.

The last line is ``pg_records_per_s=… pg_p99_ms=… sqlite_records_per_s=… sqlite_p99_ms=…
district_report_ms=… national_report_ms=…`` plus extra keys.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import queue
import random
import secrets
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import requests
from sqlalchemy import func, select

from fieldapp.ids import uuid7
from fieldapp.kato import Kato, default_kato
from fieldapp.reference import default_reference
from server import accounts, pgcluster
from server import schema as t
from server.db import make_engine
from server.process import ServerProcess
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, Role

YEAR = 2026
FIRST_DAY, LAST_DAY = date(YEAR, 1, 1), date(YEAR, 11, 20)
REPORT_REPEATS = 7
HEADERS = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}


# -- records ------------------------------------------------------------------------------------------


class RecordFactory:
    """Plausible records as the laptops send them (JSON dicts, made fast: no model per record)."""

    def __init__(self, kato: Kato, seed: int = 7) -> None:
        reference = default_reference()
        self.rng = random.Random(seed)
        self.kato = kato
        self.campaigns = [c.code for c in reference.campaigns if c.active]
        self.fractions = [f.code for f in reference.fractions if f.active]
        self.days = (LAST_DAY - FIRST_DAY).days
        self._settlements: dict[str, list[str]] = {}
        self.stamp = datetime.now(UTC).isoformat().replace("+00:00", "Z")

    def settlements(self, okrug: str) -> list[str]:
        if okrug not in self._settlements:
            self._settlements[okrug] = [p.code for p in self.kato.settlements(okrug)]
        return self._settlements[okrug]

    def record(self, okrug: str) -> dict[str, object]:
        rng = self.rng
        participants = rng.randint(5, 250)
        fractions = rng.sample(self.fractions, rng.randint(1, 3))
        return {
            "id": str(uuid7()),
            "revision": 1,
            "okrug": okrug,
            "settlement": rng.choice(self.settlements(okrug)),
            "action_date": (FIRST_DAY + timedelta(days=rng.randint(0, self.days))).isoformat(),
            "campaign": rng.choice(self.campaigns),
            "place": "Өзен жағасы",
            "gps": None,
            "participants": participants,
            "waste": [
                {"fraction": f, "kg": rng.randint(10, 60) * participants // len(fractions)} for f in fractions
            ],
            "area_m2": rng.randint(5, 80) * participants * 10,
            "trees": rng.choice((0, 0, 0, rng.randint(1, 40))),
            "notes": "",
            "reporter": "Айгүл Сәрсенова",
            "photos": [],
            "status": "ready",
            "review_comment": "",
            "created_at": self.stamp,
            "updated_at": self.stamp,
            "deleted": False,
        }

    def body(self, okrug: str, count: int) -> bytes:
        records = [{"record": self.record(okrug), "base_revision": 0} for _ in range(count)]
        batch = {"batch_id": str(uuid7()), "records": records, "waiting": 0}
        return gzip.compress(json.dumps(batch, ensure_ascii=False).encode(), compresslevel=6)


def rural_okrugs(kato: Kato) -> list[str]:
    return [
        okrug.code
        for region in kato.regions()
        for district in kato.districts(region.code)
        for okrug in kato.okrugs(district.code)
        if kato.settlements(okrug.code)
    ]


# -- talking to the server ----------------------------------------------------------------------------


@dataclass
class Laptop:
    okrug: str
    token: str
    session: requests.Session = field(default_factory=requests.Session)

    def push(self, api: str, body: bytes) -> tuple[float, int]:
        """Push one gzip body; the round trip in seconds and how many records were applied."""
        headers = HEADERS | {
            "Authorization": f"Bearer {self.token}",
            "Content-Type": "application/json",
            "Content-Encoding": "gzip",
        }
        started = time.perf_counter()
        answer = self.session.post(api + "/push", data=body, headers=headers, timeout=300)
        elapsed = time.perf_counter() - started
        if answer.status_code != 200:
            raise RuntimeError(f"push refused: {answer.status_code} {answer.text[:300]}")
        applied = sum(1 for r in answer.json()["results"] if r["outcome"] == "applied")
        return elapsed, applied


def enrol(server: ServerProcess, okrugs: list[str]) -> list[Laptop]:
    engine = make_engine(server.database_url)
    try:
        with engine.begin() as conn:
            codes = [accounts.create_enrolment(conn, okrug, days=1)[0] for okrug in okrugs]
    finally:
        engine.dispose()
    laptops = []
    with requests.Session() as session:
        for okrug, code in zip(okrugs, codes, strict=True):
            answer = session.post(
                server.api + "/enrol",
                json={"code": code, "device_name": f"bench {okrug}", "app_version": "bench"},
                headers=HEADERS,
                timeout=60,
            )
            answer.raise_for_status()
            laptops.append(Laptop(okrug, answer.json()["token"]))
    return laptops


def login(server: ServerProcess, role: Role, district: str | None = None) -> requests.Session:
    name, password = f"bench-{role.value}-{secrets.token_hex(3)}", secrets.token_urlsafe(16)
    engine = make_engine(server.database_url)
    try:
        with engine.begin() as conn:
            accounts.create_user(conn, name, password, role, district)
    finally:
        engine.dispose()
    session = requests.Session()
    answer = session.post(
        server.api + "/login", json={"username": name, "password": password}, headers=HEADERS, timeout=60
    )
    answer.raise_for_status()
    session.headers.update(HEADERS | {"Authorization": f"Bearer {answer.json()['token']}"})
    return session


def stored_records(url: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.records)).scalar_one()
    finally:
        engine.dispose()


def cpu_seconds(match: str) -> float:
    """CPU time (user + system) of the processes whose command line contains ``match`` (Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            if match not in command:
                continue
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def cpu_split() -> dict[str, float]:
    usage = os.times()
    return {
        "server": cpu_seconds("server.cli serve") + cpu_seconds("multiprocessing"),
        "postgres": cpu_seconds("postgres:"),
        "client": usage.user + usage.system,
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# -- the phases -------------------------------------------------------------------------------------------


@dataclass
class PushFigures:
    records: int
    seconds: float
    latencies: list[float]

    @property
    def per_s(self) -> float:
        return self.records / self.seconds

    def ms(self, share: float) -> float:
        return percentile(self.latencies, share) * 1000


def concurrent_push(server: ServerProcess, okrugs: list[str], batches: int, size: int) -> PushFigures:
    factory = RecordFactory(default_kato(), seed=len(okrugs))
    laptops = enrol(server, okrugs)
    bodies = {laptop.okrug: [factory.body(laptop.okrug, size) for _ in range(batches)] for laptop in laptops}
    start = threading.Barrier(len(laptops) + 1)

    def run(laptop: Laptop) -> list[tuple[float, int]]:
        start.wait()
        return [laptop.push(server.api, body) for body in bodies[laptop.okrug]]

    with ThreadPoolExecutor(len(laptops)) as pool:
        futures = [pool.submit(run, laptop) for laptop in laptops]
        cpu_before = cpu_split()
        start.wait()
        began = time.perf_counter()
        results = [future.result() for future in futures]
        seconds = time.perf_counter() - began
        cpu = {key: value - cpu_before[key] for key, value in cpu_split().items()}
    print("  CPU seconds while pushing: " + ", ".join(f"{k} {v:.1f}" for k, v in cpu.items()), flush=True)
    for laptop in laptops:
        laptop.session.close()
    done = [item for per_laptop in results for item in per_laptop]
    applied = sum(count for _, count in done)
    if applied != len(okrugs) * batches * size:
        raise RuntimeError(f"only {applied} of {len(okrugs) * batches * size} records were applied")
    return PushFigures(applied, seconds, [elapsed for elapsed, _ in done])


def load(server: ServerProcess, target: int, size: int, threads: int = 6) -> float:
    """Push until the database holds ``target`` records, spread over every rural okrug. Returns rec/s."""
    have = stored_records(server.database_url)
    if have >= target:
        return 0.0
    okrugs = rural_okrugs(default_kato())
    print(f"loading {target - have:,} records over {len(okrugs):,} okrugs …", flush=True)
    laptops = enrol(server, okrugs)
    per_okrug, extra = divmod(target - have, len(laptops))
    work: queue.Queue[tuple[Laptop, int]] = queue.Queue()
    for index, laptop in enumerate(laptops):
        count = per_okrug + (1 if index < extra else 0)
        for offset in range(0, count, size):
            work.put((laptop, min(size, count - offset)))
    total = work.qsize()
    pushed = [0]
    lock = threading.Lock()

    def worker(seed: int) -> None:
        factory = RecordFactory(default_kato(), seed=seed)
        while True:
            try:
                laptop, count = work.get_nowait()
            except queue.Empty:
                return
            laptop.push(server.api, factory.body(laptop.okrug, count))
            with lock:
                pushed[0] += 1
                if pushed[0] % 200 == 0:
                    print(f"  {pushed[0]:,}/{total:,} batches", flush=True)

    began = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        for future in [pool.submit(worker, seed) for seed in range(threads)]:
            future.result()
    seconds = time.perf_counter() - began
    for laptop in laptops:
        laptop.session.close()
    return (target - have) / seconds


def timed_get(session: requests.Session, url: str, params: dict[str, str]) -> float:
    """Median milliseconds of a GET (after one to warm up), and checks the answer is a real report."""

    def once() -> float:
        started = time.perf_counter()
        answer = session.get(url, params=params, timeout=300)
        elapsed = time.perf_counter() - started
        if answer.status_code != 200:
            raise RuntimeError(f"report refused: {answer.status_code} {answer.text[:300]}")
        if not answer.json()["rows"]:
            raise RuntimeError(f"an empty report: {url} {params}")
        return elapsed * 1000

    once()
    return statistics.median(once() for _ in range(REPORT_REPEATS))


def reports(server: ServerProcess, district: str) -> dict[str, float]:
    admin = login(server, Role.ADMIN)
    coordinator = login(server, Role.COORDINATOR, district)
    to_date = {"start": f"{YEAR}-01-01", "end": (LAST_DAY + timedelta(days=6)).isoformat()}
    figures = {
        "district_report_ms": timed_get(
            coordinator, server.api + "/reports/totals", to_date | {"group_by": "okrug,campaign"}
        ),
        "national_report_ms": timed_get(
            admin, server.api + "/reports/totals", to_date | {"group_by": "region,campaign"}
        ),
        "national_by_okrug_ms": timed_get(
            admin, server.api + "/reports/totals", to_date | {"group_by": "region,district,okrug"}
        ),
        "national_completeness_ms": timed_get(
            admin, server.api + "/reports/completeness", {"year": str(YEAR)}
        ),
    }
    admin.close()
    coordinator.close()
    return figures


# -- main ----------------------------------------------------------------------------------------------


def pick_okrugs(count: int, seed: int = 2026) -> list[str]:
    return random.Random(seed).sample(rural_okrugs(default_kato()), count)


def push_round(
    name: str, url: str, folder: Path, args: argparse.Namespace, workers: int, number: int
) -> tuple[PushFigures, ServerProcess, list[str]]:
    """One round on a fresh database: a new server, new laptops; the server is left running."""
    server = ServerProcess(url, folder / "photos", cwd=folder, workers=str(workers))
    server.init()
    server.start()
    okrugs = pick_okrugs(args.devices, seed=2026 + number)
    push = concurrent_push(server, okrugs, args.batches, args.batch_size)
    print(
        f"{name} round {number + 1}: {push.records:,} records in {push.seconds:.1f} s = "
        f"{push.per_s:,.0f} records/s; batch round trip p50 {push.ms(0.5):,.0f} ms, "
        f"p99 {push.ms(0.99):,.0f} ms",
        flush=True,
    )
    return push, server, okrugs


def run_backend(
    name: str,
    urls: list[str],
    folder: Path,
    args: argparse.Namespace,
    workers: int,
    target: int | None,
) -> tuple[PushFigures, dict[str, float]]:
    """``len(urls)`` rounds, each on its own empty database; the median round is reported (the
    machine's other work moves a single round by 10–20 %). Reports run on the last database."""
    print(f"{name}: {args.devices} laptops × {args.batches} batches × {args.batch_size} records", flush=True)
    rounds: list[PushFigures] = []
    figures: dict[str, float] = {}
    for number, url in enumerate(urls):
        push, server, okrugs = push_round(name, url, folder / f"round{number + 1}", args, workers, number)
        rounds.append(push)
        try:
            if target and number == len(urls) - 1:
                figures["load_records_per_s"] = load(server, target, args.batch_size)
                figures["stored_records"] = stored_records(url)
                district = default_kato().district_of(okrugs[0])
                assert district is not None
                figures |= reports(server, district.code)
                district_ms, national_ms = figures["district_report_ms"], figures["national_report_ms"]
                print(
                    f"{name}: {figures['stored_records']:,} records; district report "
                    f"{district_ms:.0f} ms, national {national_ms:.0f} ms",
                    flush=True,
                )
        finally:
            server.stop()
    return sorted(rounds, key=lambda r: r.per_s)[len(rounds) // 2], figures


def postgres_urls(stack: ExitStack, given: str | None, rounds: int) -> tuple[list[str], str]:
    if given:  # an external database cannot be made afresh: every round on it
        return [given] * rounds, "given"
    cluster = stack.enter_context(pgcluster.ThrowawayCluster(durable=True))
    return [cluster.create_database(f"taza_bench_{n}") for n in range(rounds)], "throwaway, durable"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("TAZA_BENCH_DATABASE_URL"),
        help="an empty PostgreSQL database (default: a throwaway cluster)",
    )
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--batches", type=int, default=4, help="batches per laptop")
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--records", type=int, default=1_000_000, help="records stored for the reports")
    parser.add_argument(
        "--rounds", type=int, default=3, help="push rounds, each on an empty database; the median is reported"
    )
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--keep", type=Path, help="keep the SQLite database and logs in this folder")
    args = parser.parse_args(argv)
    workers = int(os.environ.get("TAZA_SERVER_WORKERS") or (os.cpu_count() or 1) + 1)
    line: dict[str, str] = {}
    with ExitStack() as stack:
        folder = args.keep or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="taza-bench-")))
        folder.mkdir(parents=True, exist_ok=True)
        if not args.skip_sqlite:
            files = [f"sqlite:///{folder / f'bench{n}.sqlite'}" for n in range(args.rounds)]
            sqlite, _ = run_backend("sqlite", files, folder / "sqlite", args, 1, None)
            line |= {"sqlite_records_per_s": f"{sqlite.per_s:.0f}", "sqlite_p99_ms": f"{sqlite.ms(0.99):.0f}"}
            line |= {"sqlite_p50_ms": f"{sqlite.ms(0.5):.0f}"}
        urls, kind = postgres_urls(stack, args.database_url, args.rounds)
        print(f"postgresql: {kind}; {workers} server worker processes", flush=True)
        pg, figures = run_backend("postgresql", urls, folder / "postgresql", args, workers, args.records)
        line |= {
            "pg_records_per_s": f"{pg.per_s:.0f}",
            "pg_p99_ms": f"{pg.ms(0.99):.0f}",
            "pg_p50_ms": f"{pg.ms(0.5):.0f}",
        }
        line |= {key: f"{value:.0f}" for key, value in figures.items()}
    first = [
        "pg_records_per_s",
        "pg_p99_ms",
        "sqlite_records_per_s",
        "sqlite_p99_ms",
        "district_report_ms",
        "national_report_ms",
    ]
    ordered = [key for key in first if key in line] + [key for key in line if key not in first]
    print(" ".join(f"{key}={line[key]}" for key in ordered))


if __name__ == "__main__":
    sys.exit(main())
