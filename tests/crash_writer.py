"""Child process for the crash test: writes without end, printing each change once committed.

    python -m tests.crash_writer DB_PATH SEED

Mixes the ways the app writes: single saves, queued saves that are group-committed, edits and
deletions of earlier records. A line ``<id> <revision>`` means that revision is committed.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from fieldapp.models import Status
from fieldapp.store import Store
from tests.records import action


def main() -> None:
    path, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    store = Store.open(path)
    mine = []
    while True:
        roll = rng.random()
        if roll < 0.4 or not mine:
            record = store.save(
                action(participants=rng.randint(1, 200), status=rng.choice([Status.READY, Status.DRAFT]))
            )
            done = [record]
        elif roll < 0.7:
            futures = [store.submit_save(action(participants=rng.randint(1, 200))) for _ in range(20)]
            done = [f.result() for f in futures]
        elif roll < 0.9:
            old = store.get(rng.choice(mine))
            done = [store.save(old.revise(participants=rng.randint(1, 200), status=Status.READY))]
        else:
            old = store.get(rng.choice(mine))
            done = [store.save(old.revise(deleted=not old.deleted))]
        for record in done:
            mine.append(record.id)
            print(record.id, record.revision, flush=True)


if __name__ == "__main__":
    main()
