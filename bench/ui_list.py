"""The list window at 100,000 actions: time to the first rows painted, peak memory, paging through.

    python bench/ui_list.py [--actions 100000] [--data DIR]

The store is built once in its own process (cached in DIR, default build/bench-ui), then a fresh
process opens the real main window offscreen and measures, so the figures are the window's and not
the generator's. Prints figures, never asserts; the last line is
``first_rows_ms=… peak_mb=… page_through_s=… sort_participants_ms=…``. The sort figures are a
click on a heading until the rows are in: with the first row's record selected (it is kept, so
the list pages on to wherever it went, off the GUI thread), and with nothing selected.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(folder: Path, count: int) -> None:
    from fieldapp.demo import DEMO_OKRUG, demo_actions
    from fieldapp.kato import default_kato
    from fieldapp.reference import default_reference
    from fieldapp.settings import Settings, save_settings
    from fieldapp.store import Store

    folder.mkdir(parents=True, exist_ok=True)
    kato = default_kato()
    okrugs = [DEMO_OKRUG]
    with Store.open(folder / "taza-field.sqlite") as store:
        have = store.count_actions()
        records = demo_actions(
            kato,
            default_reference(),
            okrugs,
            count - have,
            seed=have + 1,
            start=date(2024, 1, 1),
            end=date(2026, 11, 1),
        )
        batch = []
        for record in records:
            batch.append(record)
            if len(batch) == 2000:
                store.save_many(batch)
                batch = []
        store.save_many(batch)
    save_settings(Settings(okrug=DEMO_OKRUG, language="ru", reporter="Bench"), folder / "settings.json")


def measure(folder: Path) -> dict[str, float]:
    t0 = time.perf_counter()
    from PySide6.QtCore import QEvent, QObject

    from fieldapp.kato import default_kato
    from fieldapp.photo_library import PhotoLibrary
    from fieldapp.reference import default_reference
    from fieldapp.settings import load_settings
    from fieldapp.store import Store
    from ui.app import make_app
    from ui.i18n import Translations
    from ui.main_window import MainWindow

    app = make_app()
    translations = Translations(app)
    translations.apply("ru")
    settings = load_settings(folder / "settings.json")
    store = Store.open(folder / "taza-field.sqlite")
    kato, reference = default_kato(), default_reference()
    import_s = time.perf_counter() - t0

    painted: list[float] = []

    class PaintWatch(QObject):
        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.Paint and window.model.rowCount() and not painted:
                painted.append(time.perf_counter())
            return False

    start = time.perf_counter()
    window = MainWindow(
        store, PhotoLibrary(folder / "photos"), kato, reference, settings, lambda s: None, translations
    )
    watch = PaintWatch()
    window.table.viewport().installEventFilter(watch)
    window.resize(1366, 768)
    window.show()
    while not painted:
        app.processEvents()
    first_rows_ms = (painted[0] - start) * 1000
    total = window.model.total

    from PySide6.QtCore import QEventLoop, Qt

    from ui.action_table import Column

    sort_ms: dict[str, float] = {}
    for name, column, order, keep in (
        ("participants", Column.PARTICIPANTS, Qt.SortOrder.DescendingOrder, True),
        ("tonnes", Column.TONNES, Qt.SortOrder.AscendingOrder, True),
        ("settlement", Column.SETTLEMENT, Qt.SortOrder.AscendingOrder, True),
        ("date", Column.DATE, Qt.SortOrder.DescendingOrder, True),
        ("participants_nothing_kept", Column.PARTICIPANTS, Qt.SortOrder.AscendingOrder, False),
    ):
        window.table.clearSelection()
        window.table.setCurrentIndex(window.model.index(0, 0) if keep else window.model.index(-1, -1))
        start = time.perf_counter()
        waiting = QEventLoop()  # idle as the app is, not spinning: the fetch runs in a worker thread
        window.model.reloaded.connect(waiting.quit)
        window.table.sortByColumn(column, order)  # what a click on the heading does
        if window.model.loading:
            waiting.exec()
        window.model.reloaded.disconnect(waiting.quit)
        app.processEvents()
        sort_ms[name] = (time.perf_counter() - start) * 1000

    start = time.perf_counter()
    scrollbar = window.table.verticalScrollBar()
    while window.model.rowCount() < total:
        scrollbar.setValue(scrollbar.maximum())  # as a person dragging the bar to the end would
        app.processEvents()
    scrollbar.setValue(0)
    app.processEvents()
    page_through_s = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close()
    store.close()
    return {
        "first_rows_ms": first_rows_ms,
        "peak_mb": peak_mb,
        "page_through_s": page_through_s,
        "rows": total,
        "import_s": import_s,
        **{f"sort_{name}_ms": ms for name, ms in sort_ms.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--data", type=Path, default=ROOT / "build" / "bench-ui")
    parser.add_argument("--step", choices=["build", "measure"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step == "build":
        build(args.data, args.actions)
        return
    if args.step == "measure":
        print(json.dumps(measure(args.data)))
        return
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, __file__, "--actions", str(args.actions), "--data", str(args.data)]
    t0 = time.perf_counter()
    subprocess.run([*command, "--step", "build"], env=env, check=True)
    print(f"store of {args.actions:,} actions ready in {time.perf_counter() - t0:.1f} s ({args.data})")
    out = subprocess.run([*command, "--step", "measure"], env=env, check=True, capture_output=True, text=True)
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"  rows in the list                  {figures['rows']:>10,}")
    print(f"  window created → first rows drawn {figures['first_rows_ms']:>10.0f} ms")
    for name in ("participants", "tonnes", "settlement", "date"):  # the first row's record kept selected
        label = f"sorted by {name}, record kept"
        print(f"  {label:<33} {figures[f'sort_{name}_ms']:>10.0f} ms")
    print(f"  sorted, nothing selected          {figures['sort_participants_nothing_kept_ms']:>10.0f} ms")
    print(f"  paging through the whole list     {figures['page_through_s']:>10.2f} s")
    print(f"  peak memory of the process        {figures['peak_mb']:>10.0f} MB")
    print(
        f"first_rows_ms={figures['first_rows_ms']:.0f} peak_mb={figures['peak_mb']:.0f} "
        f"page_through_s={figures['page_through_s']:.2f} "
        f"sort_participants_ms={figures['sort_participants_ms']:.0f}"
    )


if __name__ == "__main__":
    main()
