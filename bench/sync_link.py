"""Sync over a bad rural link: 1,000 records, then 20 photos of about 200 KB, then the same photos
again with 10 cuts — time, bytes each way, requests.

    python bench/sync_link.py [--records 1000] [--photos 20] [--cuts 10] [--userspace]

The link is 256 kbit/s each way, 300 ms each way, 3 % loss:

- **as root** (the kernel shapes it): the server runs in a network namespace this script makes
  (and removes), behind a veth pair; ``tc tbf`` limits the rate each way, an nftables
  ``numgen random`` rule drops 3 % of the packets each way, and the 300 ms each way are added by
  a userspace step (``tests/netproxy.py``: the kernel's netem is not available here);
- **otherwise** (``--userspace``, or no ``ip``/``tc``/``nft``): the userspace proxy does it all —
  rate, delay, and loss as a retransmission stall of a segment (200 ms + one round trip) 3 % of
  the time.

"What TCP achieves" is measured in the same run: one plain HTTP upload of the same photo bytes over
the same link (to a sink beside the server). For reference, CouchDB-style replication (PouchDB
pushing to pouchdb-server) needed about 49 s, 44 requests and 512 KB up for 1,000 such records on
this link. Targets: 1,000 records in ≤ 5 s with ≤ 80 bytes per record on the wire; photos within
1.3× of the plain upload; re-sent bytes per cut ≤ one chunk.

The last line is ``records_s=… bytes_per_record=… records_requests=… photos_s=… plain_upload_s=…
photos_ratio=… resent_bytes_per_cut=… chunk_bytes=…``.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import requests
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fieldapp.demo import DEMO_OKRUG, demo_actions  # noqa: E402
from fieldapp.device import DeviceCredentials  # noqa: E402
from fieldapp.kato import default_kato  # noqa: E402
from fieldapp.models import PhotoRef, PhotoRole, Status  # noqa: E402
from fieldapp.photo_library import PhotoLibrary  # noqa: E402
from fieldapp.reference import default_reference  # noqa: E402
from fieldapp.store import Store  # noqa: E402
from server.process import ServerProcess, free_port  # noqa: E402
from sync.client import ServerClient, Timeouts  # noqa: E402
from sync.engine import ChunkSizer, Progress, RetryPolicy, SyncEngine  # noqa: E402
from sync.enrolment import enrol  # noqa: E402
from tests.netproxy import LinkProxy  # noqa: E402

RATE_BPS = 256_000 / 8  # bytes per second, each way
DELAY_S = 0.300  # each way
LOSS = 0.03
NS = f"taza-bench-{os.getpid()}"
HOST_IP, NS_IP = "10.231.0.1", "10.231.0.2"


# -- the link ----------------------------------------------------------------------------------------


def run(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True)


def kernel_possible() -> str | None:
    """Why the kernel cannot shape the link here (None: it can)."""
    if os.geteuid() != 0:
        return "not root"
    missing = [tool for tool in ("ip", "tc", "nft") if shutil.which(tool) is None]
    if missing:
        return f"missing {', '.join(missing)} (apt install iproute2 nftables)"
    return None


@contextmanager
def namespace():  # type: ignore[no-untyped-def]
    """A network namespace behind a shaped, lossy veth pair; removed afterwards whatever happens."""
    veth = f"tzb{os.getpid() % 100000}"
    try:
        run("ip", "netns", "add", NS)
        run("ip", "link", "add", veth, "type", "veth", "peer", "name", f"{veth}p")
        run("ip", "link", "set", f"{veth}p", "netns", NS)
        run("ip", "addr", "add", f"{HOST_IP}/24", "dev", veth)
        run("ip", "link", "set", veth, "up")
        inside = ("ip", "netns", "exec", NS)
        run(*inside, "ip", "addr", "add", f"{NS_IP}/24", "dev", f"{veth}p")
        run(*inside, "ip", "link", "set", f"{veth}p", "up")
        run(*inside, "ip", "link", "set", "lo", "up")
        # 256 kbit/s each way: the host's side shapes what goes to the server, the namespace's
        # side what comes back.
        tbf = ("tbf", "rate", "256kbit", "burst", "4kb", "latency", "2s")
        run("tc", "qdisc", "add", "dev", veth, "root", *tbf)
        run(*inside, "tc", "qdisc", "add", "dev", f"{veth}p", "root", *tbf)
        # 3 % of the packets lost each way, in the namespace.
        rules = f"""
table inet taza_bench {{
    chain in {{ type filter hook input priority 0; numgen random mod 100 < {int(LOSS * 100)} drop; }}
    chain out {{ type filter hook output priority 0; numgen random mod 100 < {int(LOSS * 100)} drop; }}
}}
"""
        subprocess.run([*inside, "nft", "-f", "-"], input=rules.encode(), check=True, capture_output=True)
        yield inside
    finally:
        subprocess.run(["ip", "link", "del", veth], capture_output=True)
        subprocess.run(["ip", "netns", "del", NS], capture_output=True)


# The plain upload's other end, run beside the server: reads the body, answers 200.
SINK_CODE = """
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

class Sink(BaseHTTPRequestHandler):
    def do_POST(self):
        left = int(self.headers.get("Content-Length", "0"))
        while left > 0:
            got = self.rfile.read(min(65536, left))
            if not got:
                break
            left -= len(got)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass

ThreadingHTTPServer((sys.argv[1], int(sys.argv[2])), Sink).serve_forever()
"""


# -- the data ----------------------------------------------------------------------------------------


def field_photo(seed: int) -> bytes:
    """A 1600 × 1200 photo whose upload copy is about 200 KB (a smooth scene with some grain)."""
    rng = random.Random(seed)
    base = Image.new("RGB", (64, 48))
    base.putdata(
        [(rng.randrange(60, 200), rng.randrange(80, 200), rng.randrange(40, 160)) for _ in range(64 * 48)]
    )
    scene = base.resize((1600, 1200), Image.Resampling.BICUBIC)
    grain = Image.effect_noise((1600, 1200), 16).convert("RGB")
    picture = Image.blend(scene, grain, 0.22)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=92)
    return out.getvalue()


@dataclass
class Laptop:
    store: Store
    library: PhotoLibrary
    credentials: DeviceCredentials


def make_laptop(folder: Path, server: ServerProcess, url: str, records: int) -> Laptop:
    store = Store.open(folder / "taza-field.sqlite")
    library = PhotoLibrary(folder / "photos")
    code = server.cli("device", "enrol", "--okrug", DEMO_OKRUG, "--out", str(folder / "p.json")).stdout
    code = next(word for word in code.split() if word.count("-") == 2)
    credentials = enrol(url, code, device_name="bench", okrug=DEMO_OKRUG)
    actions = list(
        demo_actions(
            default_kato(),
            default_reference(),
            [DEMO_OKRUG],
            records,
            start=date(2026, 3, 1),
            end=date(2026, 11, 20),
        )
    )
    store.save_many([a.with_server_state(status=Status.READY) for a in actions])
    return Laptop(store, library, credentials)


def add_photo_records(laptop: Laptop, count: int, seed: int) -> tuple[int, list[str]]:
    """``count`` new records with one new photo each: the photos' total bytes, and their hashes."""
    total, shas = 0, []
    actions = demo_actions(default_kato(), default_reference(), [DEMO_OKRUG], count, seed=seed)
    for n, action in enumerate(actions):
        photo = laptop.library.import_bytes(field_photo(seed * 100 + n), f"IMG_{seed}_{n}.jpg")
        total += photo.upload_size
        shas.append(photo.sha256)
        record = action.with_server_state(
            status=Status.READY, photos=(PhotoRef(sha256=photo.sha256, role=PhotoRole.AFTER),)
        )
        laptop.store.save(record, [photo])
    return total, shas


# -- the runs ----------------------------------------------------------------------------------------


@dataclass
class Phase:
    seconds: float = 0.0
    up: int = 0
    down: int = 0
    requests: int = 0


def timed_sync(
    laptop: Laptop, url: str, link: LinkProxy, chunks: ChunkSizer, cuts: int = 0
) -> tuple[Phase, Phase]:
    """One sync; the records phase and the photos phase, as the link saw them."""
    client = ServerClient(url, laptop.credentials.token, timeouts=Timeouts(connect=30, read=120))
    marks: dict[str, tuple[float, int, int, int]] = {}

    def mark(name: str) -> None:
        if name not in marks:
            marks[name] = (time.perf_counter(), link.up.bytes, link.down.bytes, client.traffic.requests)

    def progress(p: Progress) -> None:
        if p.stage == "photos":
            mark("photos")
        if p.stage == "pull":
            mark("pull")

    stop_cutting = threading.Event()

    def cutter() -> None:
        rng = random.Random(7)
        done = 0
        while done < cuts and not stop_cutting.is_set():
            if "photos" in marks and link.up.cut_at is None:
                link.cut_after(up=rng.randint(2_000, 120_000))
                done += 1
            time.sleep(0.05)

    thread = threading.Thread(target=cutter, daemon=True)
    thread.start()
    mark("start")
    engine = SyncEngine(
        laptop.store,
        laptop.library,
        client,
        chunks=chunks,
        progress=progress,
        retry=RetryPolicy(attempts=12, base_s=0.5, cap_s=4),
    )
    engine.run()
    mark("end")
    stop_cutting.set()
    thread.join()
    client.close()
    start, photos, pull = marks["start"], marks.get("photos", marks["pull"]), marks["pull"]

    def phase(a: tuple[float, int, int, int], b: tuple[float, int, int, int]) -> Phase:
        return Phase(b[0] - a[0], b[1] - a[1], b[2] - a[2], b[3] - a[3])

    records_end = photos if "photos" in marks else pull
    return phase(start, records_end), phase(photos, pull)


def plain_upload(url: str, data: bytes) -> float:
    began = time.perf_counter()
    answer = requests.post(url, data=data, timeout=600, headers={"Content-Type": "application/octet-stream"})
    answer.raise_for_status()
    return time.perf_counter() - began


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--cuts", type=int, default=10)
    parser.add_argument("--userspace", action="store_true", help="shape the link in userspace even as root")
    args = parser.parse_args(argv)
    why_not = "asked for" if args.userspace else kernel_possible()
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="taza-sync-bench-")))
        port, sink_port = free_port(), free_port()
        if why_not is None:
            inside = stack.enter_context(namespace())
            host = NS_IP
            print(
                f"link: kernel (tc tbf 256 kbit/s each way, nftables {LOSS:.0%} loss each way in {NS}) "
                f"+ {DELAY_S * 1000:.0f} ms each way in userspace",
                flush=True,
            )
        else:
            inside, host = (), "127.0.0.1"
            print(
                f"link: userspace ({why_not}): 256 kbit/s, {DELAY_S * 1000:.0f} ms each way, "
                f"{LOSS:.0%} of segments stalled as if retransmitted",
                flush=True,
            )
        server = ServerProcess(
            f"sqlite:///{folder / 'server.sqlite'}", folder / "photos", port=port, cwd=folder
        )
        server.init()
        start_server(server, inside, host)
        stack.callback(server.stop)
        sink = subprocess.Popen([*inside, sys.executable, "-c", SINK_CODE, host, str(sink_port), str(ROOT)])
        stack.callback(sink.kill)
        link = stack.enter_context(LinkProxy((host, port)))
        sink_link = stack.enter_context(LinkProxy((host, sink_port)))
        for proxy in (link, sink_link):
            if inside:
                proxy.shape(delay_s=DELAY_S)
            else:
                proxy.shape(delay_s=DELAY_S, up_bps=RATE_BPS, down_bps=RATE_BPS, loss=LOSS)
        laptop = make_laptop(folder / "laptop", server, f"http://{host}:{port}", args.records)
        # Enrolled directly; from here on everything goes over the bad link.
        print(f"{args.records:,} records …", flush=True)
        records, _ = timed_sync(laptop, link.url, link, ChunkSizer())
        print(
            f"  {records.seconds:.2f} s, {records.up:,} B up, {records.down:,} B down, "
            f"{records.requests} requests ({(records.up + records.down) / args.records:.0f} B per record)",
            flush=True,
        )
        print(f"{args.photos} photos …", flush=True)
        photo_bytes, shas = add_photo_records(laptop, args.photos, seed=1)
        chunks = ChunkSizer()
        _, photos = timed_sync(laptop, link.url, link, chunks)
        print(
            f"  {photos.seconds:.1f} s for {photo_bytes:,} B of photos; {photos.requests} requests",
            flush=True,
        )
        all_bytes = b"".join(laptop.library.upload_path(sha).read_bytes() for sha in shas)
        print("plain upload of the same bytes …", flush=True)
        plain = plain_upload(sink_link.url, all_bytes)
        print(f"  {plain:.1f} s", flush=True)
        print(f"{args.photos} more photos with {args.cuts} cuts …", flush=True)
        more_bytes, _ = add_photo_records(laptop, args.photos, seed=2)
        cut_chunks = ChunkSizer()
        _, cut = timed_sync(laptop, link.url, link, cut_chunks, cuts=args.cuts)
        overhead = photos.up - photo_bytes  # headers and such of an uncut run
        resent = max(0, cut.up - more_bytes - overhead)
        print(
            f"  {cut.seconds:.1f} s, {cut.up:,} B up for {more_bytes:,} B of photos: {resent:,} B re-sent",
            flush=True,
        )
    chunk_bytes = int(statistics.median(chunks.history or [chunks.size]))
    line = {
        "records_s": f"{records.seconds:.2f}",
        "bytes_per_record": f"{(records.up + records.down) / args.records:.0f}",
        "records_requests": str(records.requests),
        "photos_s": f"{photos.seconds:.1f}",
        "plain_upload_s": f"{plain:.1f}",
        "photos_ratio": f"{photos.seconds / plain:.2f}",
        "resent_bytes_per_cut": f"{resent / max(1, args.cuts):.0f}",
        "chunk_bytes": str(chunk_bytes),
    }
    print(" ".join(f"{k}={v}" for k, v in line.items()))


def start_server(server: ServerProcess, inside: tuple[str, ...], host: str) -> None:
    """``fieldapp-server serve`` — in the namespace when there is one."""
    if not inside:
        server.start()
        return
    log = server.log.open("ab")
    server.process = subprocess.Popen(
        [*inside, sys.executable, "-m", "server.cli", "serve", "--host", host, "--port", str(server.port)],
        env=server.env,
        cwd=server.cwd,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://{host}:{server.port}/api/v1/health", timeout=2).ok:
                return
        except requests.RequestException:
            time.sleep(0.2)
    raise RuntimeError("the server in the namespace did not start:\n" + server.log_tail())


if __name__ == "__main__":
    main()
