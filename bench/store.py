"""Local store benchmark: write rate, size on disk and query times at 100,000 actions.

    python bench/store.py [--actions 100000] [--keep DIR]

Prints figures, never asserts. Every action carries 3 waste amounts and 2 photo references, as
the issue asks. Write rates are measured three ways through the public Store API:

* ``single_save_per_s``  — one ``save()`` at a time, each waiting for its own durable commit
  (what a person clicking Save gets; bound by the disk's fsync);
* ``actions_per_s``      — ``submit_save()`` from a producer that does not wait for each one, so
  the writer thread group-commits what is queued (how imports and the sync engine write);
* ``batch_per_s``        — ``save_many()`` in chunks of 500 (one transaction per chunk).

The last line is ``actions_per_s=… bytes_per_action=… totals_ms=… page_ms=…`` plus extra keys.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from fieldapp.demo import demo_actions
from fieldapp.kato import default_kato
from fieldapp.photos import ProcessedPhoto
from fieldapp.queries import ActionFilter, Period
from fieldapp.reference import default_reference
from fieldapp.store import Store


def fake_photos(store: Store, count: int) -> list[str]:
    hashes = []
    for i in range(count):
        sha = hashlib.sha256(f"bench-photo-{i}".encode()).hexdigest()
        store.add_photo(
            ProcessedPhoto(
                sha256=sha,
                width=1600,
                height=1200,
                upload_size=210_000,
                original_name=f"IMG_{i:04d}.jpg",
                original_size=3_500_000,
                original_format="jpeg",
                taken_at=None,
                lat=None,
                lon=None,
            )
        )
        hashes.append(sha)
    return hashes


def timed_ms(fn, repeat: int = 15) -> float:
    fn()  # warm the page cache and the statement cache
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="keep the database in this folder")
    args = parser.parse_args()

    kato, reference = default_kato(), default_reference()
    district = "194000000"  # Еңбекшіқазақ ауданы, Almaty region: 26 okrugs
    okrugs = [p.code for p in kato.okrugs(district)]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="taza-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "bench.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)

    store = Store.open(path)
    photos = fake_photos(store, 400)
    # Made before the clock starts: the figures are the store's, not the generator's.
    actions = iter(
        list(
            demo_actions(
                kato,
                reference,
                okrugs,
                args.actions,
                seed=7,
                start=date(2024, 1, 1),
                end=date(2026, 10, 31),
                fractions_per_action=3,
                photos=photos,
                photos_per_action=2,
            )
        )
    )
    total = args.actions
    n_single, n_async = min(2000, total // 10), min(20_000, total // 3)

    t0 = time.perf_counter()
    for _ in range(n_single):
        store.save(next(actions))
    single_rate = n_single / (time.perf_counter() - t0)

    t0 = time.perf_counter()
    futures = [store.submit_save(next(actions)) for _ in range(n_async)]
    for f in futures:
        f.result()
    async_rate = n_async / (time.perf_counter() - t0)

    rest = total - n_single - n_async
    t0 = time.perf_counter()
    done = 0
    while done < rest:
        chunk = [next(actions) for _ in range(min(500, rest - done))]
        store.save_many(chunk)
        done += len(chunk)
    batch_rate = rest / (time.perf_counter() - t0) if rest else 0.0

    store.close()
    store = Store.open(path)  # checkpoints the WAL on close; measure the file as it rests
    size = sum(os.path.getsize(f"{path}{s}") for s in ("", "-wal") if os.path.exists(f"{path}{s}"))
    assert store.count_actions() == total, store.count_actions()

    month = Period.month(2025, 5)
    totals_ms = timed_ms(lambda: store.totals(month))
    year_ms = timed_ms(lambda: store.totals(Period.year(2025)), repeat=5)
    page_ms = timed_ms(
        lambda: store.list_actions(ActionFilter(period=month, campaign="subbotnik"), limit=100)
    )
    first_page_ms = timed_ms(lambda: store.list_actions(limit=100))
    search_ms = timed_ms(lambda: store.list_actions(ActionFilter(text="саябақ"), limit=100))
    store.close()

    print(f"store: {total:,} actions in {path} ({size / 1e6:.1f} MB)")
    print(f"  single save (durable commit each)   {single_rate:10,.0f} actions/s")
    print(f"  submitted, group-committed          {async_rate:10,.0f} actions/s")
    print(f"  save_many, 500 per transaction      {batch_rate:10,.0f} actions/s")
    print(f"  bytes per action                    {size / total:10,.0f}")
    print(f"  monthly totals (settlement×campaign) {totals_ms:9.2f} ms")
    print(f"  yearly totals                       {year_ms:10.2f} ms")
    print(f"  filtered page (month+campaign, 100) {page_ms:10.2f} ms")
    print(f"  unfiltered first page (100)         {first_page_ms:10.2f} ms")
    print(f"  text search page (100)              {search_ms:10.2f} ms")
    if not args.keep:
        shutil.rmtree(folder)
    print(
        f"actions_per_s={async_rate:.0f} bytes_per_action={size / total:.0f} "
        f"totals_ms={totals_ms:.2f} page_ms={page_ms:.2f} single_save_per_s={single_rate:.0f} "
        f"batch_per_s={batch_rate:.0f} year_totals_ms={year_ms:.2f} search_ms={search_ms:.2f}"
    )


if __name__ == "__main__":
    main()
