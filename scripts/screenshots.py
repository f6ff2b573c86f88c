#!/usr/bin/env python3
"""Render the main screens to PNG, in each language, offscreen: look at them after every change.

    python scripts/screenshots.py [--out build/screenshots] [--scale 1 1.5] [--lang kk ru en] [--x11]

A demo laptop (the same data as ``fieldapp demo``) is made in a temporary folder. Each scale runs
in its own process (Qt's scale factor is fixed at start), with the window sized as a 1366×768
laptop screen shows it: 1366×768 at 100 %, 910×512 logical pixels at 150 %. With ``--x11`` each
scale runs under its own Xvfb X server (a 1366×768 screen, Qt's xcb platform, the system's fonts
through fontconfig) instead of offscreen: what a laptop's X display draws.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREEN = (1366, 768)


def render(out: Path, scale: float, langs: list[str]) -> None:
    from PySide6.QtCore import QDate

    from fieldapp.demo import DEMO_OKRUG, seed_demo
    from fieldapp.kato import default_kato
    from fieldapp.models import Status
    from fieldapp.photo_library import PhotoLibrary
    from fieldapp.queries import ActionFilter
    from fieldapp.reference import default_reference
    from fieldapp.settings import Settings
    from fieldapp.store import Store
    from sync.engine import Progress, SyncReport
    from sync.errors import Kind, SyncError
    from tests.photo_factory import make_jpeg
    from ui.app import make_app
    from ui.i18n import Translations
    from ui.main_window import MainWindow
    from ui.okrug_dialog import OkrugDialog
    from ui.sync_controller import State

    app = make_app()
    folder = Path(tempfile.mkdtemp(prefix="taza-shots-"))
    store = Store.open(folder / "taza-field.sqlite")
    library = PhotoLibrary(folder / "photos")
    seed_demo(store, library, DEMO_OKRUG, 150)
    settings = Settings(okrug=DEMO_OKRUG, reporter="Айгүл Сәрсенова")
    translations = Translations(app)
    width, height = (round(SCREEN[0] / scale), round(SCREEN[1] / scale))
    suffix = "" if scale == 1 else f"@{int(scale * 100)}"
    bad = folder / "IMG_0042.txt"
    bad.write_text("not a photo")
    good = folder / "IMG_20250920_101500.jpg"
    good.write_bytes(make_jpeg(1600, 1200, gps=(43.331, 77.301)))
    returned = store.list_actions(ActionFilter(status=Status.RETURNED), limit=1)[0]
    refused, conflicted = _held_records(store)

    for lang in langs:
        translations.apply(lang)
        window = MainWindow(
            store, library, default_kato(), default_reference(), settings, lambda s: None, translations
        )
        window.resize(width, height)
        window.show()
        settle(app, window)
        row = window.model.row_of(returned.id)
        if row is not None:
            window.table.selectRow(row)
            window.table.scrollTo(window.model.index(row, 0))
        settle(app, window)
        save(window.grab(), out / f"main_{lang}{suffix}.png")

        # Sending: the list with records the server refused or found in conflict, and a sync running.
        window.sync.credentials = _demo_device()
        window.sync.state = State.RUNNING
        window.sync.state_changed.emit()
        window.sync.progress.emit(Progress("photos", 12, 12, 3, 8, 412_000, 1_350_000, 38.0))
        window.refresh()
        settle(app, window)
        window.filters.show_attention()
        settle(app, window)
        window.table.selectRow(window.model.row_of(refused) or 0)
        settle(app, window)
        save(window.grab(), out / f"sending_{lang}{suffix}.png")
        window.filters.clear()
        for state, error in (
            (State.NO_LINK, SyncError(Kind.OFFLINE)),
            (State.NEEDS_PERSON, SyncError(Kind.AUTH_REVOKED)),
            (State.IDLE, None),
        ):
            window.sync.state, window.sync.last_error = state, error
            window.sync.last_report = SyncReport() if state is State.IDLE else None
            window.sync.state_changed.emit()
            settle(app, window)
            save(window.statusBar().grab(), out / f"status_{state.value}_{lang}{suffix}.png")
        window.sync.credentials, window.sync.state = None, State.NOT_ENROLLED
        window.sync.state_changed.emit()
        settle(app, window)
        save(window.statusBar().grab(), out / f"status_not_enrolled_{lang}{suffix}.png")

        enrol = window.enrol()
        enrol.server.setText("https://taza.example.kz")
        enrol.code.setText("K7PQ-3MXA-9RTV")
        enrol.show_error(SyncError(Kind.OFFLINE).text(lang))
        settle(app, window)
        save(enrol.grab(), out / f"enrol_{lang}{suffix}.png")
        enrol.reject()

        conflict_dialog = window.resolve_conflict(conflicted)
        assert conflict_dialog is not None
        conflict_dialog.resize(min(860, width - 40), min(560, height - 40))
        settle(app, window)
        save(conflict_dialog.grab(), out / f"conflict_{lang}{suffix}.png")
        conflict_dialog.reject()

        dialog = window._open_editor(store.get(returned.id))
        dialog.resize(width - 40, height - 40)
        settle(app, window)
        save(dialog.grab(), out / f"edit_returned_{lang}{suffix}.png")
        dialog.close_without_asking()

        dialog = window._open_editor(None)
        dialog.resize(width - 40, height - 40)
        dialog.action_date.setDate(QDate(2025, 9, 20))
        dialog.campaign.setCurrentIndex(dialog.campaign.findData("world_cleanup_day"))
        dialog.participants.setText("-4")
        dialog.waste["mixed"].setText("1,2345" if lang != "en" else "1.2345")
        dialog.photos.add_files([good, bad])
        settle(app, window, until=lambda d=dialog: not d.photos.is_busy())
        dialog.ready_button.click()
        settle(app, window)
        save(dialog.grab(), out / f"new_errors_{lang}{suffix}.png")
        dialog.close_without_asking()
        window.close()

        picker = OkrugDialog(default_kato(), translations, current=DEMO_OKRUG)
        picker.show()
        settle(app, picker)
        save(picker.grab(), out / f"first_run_{lang}{suffix}.png")
        picker.close()

        window = MainWindow(
            store, library, default_kato(), default_reference(), settings, lambda s: None, translations
        )
        window.show()
        nil = window.report_nothing_done()
        nil.note.setText("Қар қалың, жолдар жабық" if lang == "kk" else "Глубокий снег, дороги закрыты")
        settle(app, window, until=lambda d=nil: d.state is not None)
        save(nil.grab(), out / f"nil_report_{lang}{suffix}.png")
        nil.reject()
        window.close()
    store.close()
    render_coordinator(app, out, scale, langs, translations, folder)
    del app


def render_coordinator(app, out: Path, scale: float, langs: list[str], translations, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """The coordinator's window on a district copy of Talgar district (as a pull would fill it)."""
    import json
    import random
    import uuid
    from datetime import UTC, date, datetime, timedelta

    from fieldapp.demo import demo_actions, demo_photo
    from fieldapp.district import NilReportData
    from fieldapp.i18n import translate
    from fieldapp.kato import default_kato
    from fieldapp.models import Status
    from fieldapp.photo_library import PhotoLibrary
    from fieldapp.reference import default_reference
    from fieldapp.session import CoordinatorSession
    from fieldapp.store import Store
    from sync.district import META_DEVICES
    from ui.coordinator_window import CoordinatorWindow
    from ui.login_dialog import LoginDialog
    from ui.tasks import Tasks

    district = "196200000"
    kato, reference = default_kato(), default_reference()
    okrugs = [p.code for p in kato.okrugs(district)]
    store = Store.open(folder / "district.sqlite")
    library = PhotoLibrary(folder / "district-photos")
    shas = []
    for index in range(6):
        info = library.import_bytes(demo_photo(index), f"IMG_{index:04d}.jpg")
        shas.append(info.sha256)
    today = date.today()
    rng = random.Random(7)
    silent = set(okrugs[-3:])  # three okrugs have sent nothing this year
    records = []
    for record in demo_actions(
        kato,
        reference,
        okrugs[:-3],
        420,
        seed=11,
        start=date(today.year - 1, 3, 1),
        end=today,
        photos=shas,
        photos_per_action=2,
    ):
        roll = rng.random()
        status = Status.ACCEPTED if roll < 0.55 else Status.RETURNED if roll < 0.6 else Status.SENT
        comment = "Суреттер жоқ" if status is Status.RETURNED else ""
        records.append(record.with_server_state(status=status, review_comment=comment))
    nil = [
        NilReportData(
            str(uuid.uuid4()), okrugs[0], f"{today.year}-01", "Қар қалың", datetime.now(UTC).isoformat()
        )
    ]
    store.import_pulled(records, nil)
    devices = [
        {
            "device_id": str(uuid.uuid4()),
            "name": f"laptop-{n}",
            "okrug": okrug,
            "created_at": (datetime.now(UTC) - timedelta(days=200)).isoformat(),
            "last_seen": (datetime.now(UTC) - timedelta(hours=rng.randint(1, 400))).isoformat(),
            "app_version": "0.1.0",
        }
        for n, okrug in enumerate(okrugs)
        if okrug not in silent
    ]
    store.set_meta(META_DEVICES, json.dumps(devices))
    session = CoordinatorSession(
        server_url="https://taza.example.kz",
        username="aigul",
        district=district,
        token="t" * 43,
        expires_at=datetime.now(UTC) + timedelta(hours=10),
    )
    width, height = (round(SCREEN[0] / scale), round(SCREEN[1] / scale))
    suffix = "" if scale == 1 else f"@{int(scale * 100)}"
    for lang in langs:
        translations.apply(lang)
        window = CoordinatorWindow(store, library, kato, reference, session, translations)
        window.resize(width, height)
        window.show()
        settle(app, window)
        window.review.table.selectRow(2)
        settle(app, window)
        save(window.grab(), out / f"review_{lang}{suffix}.png")
        for index, name in ((1, "dashboard"), (2, "completeness"), (3, "duplicates")):
            window.tabs.setCurrentIndex(index)
            settle(app, window)
            save(window.grab(), out / f"{name}_{lang}{suffix}.png")
        window.close()

        tasks = Tasks()
        login = LoginDialog(tasks, server="https://taza.example.kz", username="aigul")
        login.show_error(translate("sync.login.bad_credentials", lang))
        login.show()
        settle(app, login)
        save(login.grab(), out / f"login_{lang}{suffix}.png")
        login.close()
        tasks.close()
    store.close()


def _demo_device():  # type: ignore[no-untyped-def]
    import uuid

    from fieldapp.demo import DEMO_OKRUG
    from fieldapp.device import DeviceCredentials
    from fieldapp.models import utc_now

    return DeviceCredentials(
        server_url="https://taza.example.kz",
        device_id=uuid.uuid4(),
        okrug=DEMO_OKRUG,
        token="t" * 43,
        bundle_key="k" * 43,
        enrolled_at=utc_now(),
    )


def _held_records(store):  # type: ignore[no-untyped-def]
    """Two of the demo's waiting records as the server would have answered them: one refused (a
    date the server finds in the future), one in conflict with a version made elsewhere."""
    from fieldapp.models import Status
    from fieldapp.outbox import Answer
    from fieldapp.queries import ActionFilter

    waiting = store.list_actions(ActionFilter(status=Status.READY), limit=2)
    refused, conflicted = waiting[0], waiting[1]
    store.apply_answers(
        None,
        [
            Answer(
                refused.id,
                refused.revision,
                "rejected",
                "validation",
                {"problems": [{"field": "action_date", "code": "date.in_future"}]},
            ),
            Answer(conflicted.id, conflicted.revision, "conflict", "conflict", {"server_revision": 2}),
        ],
    )
    mine = store.get(conflicted.id)
    theirs = mine.revise(participants=mine.participants + 12, trees=mine.trees + 30, notes="Түзетілді")
    store.record_server_copy(conflicted.id, theirs.with_server_state(status=Status.SENT))
    return refused.id, conflicted.id


def settle(app, widget, until=None) -> None:  # type: ignore[no-untyped-def]
    import time

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        app.processEvents()
        tasks = getattr(widget, "tasks", None)
        busy = tasks is not None and tasks.busy
        if not busy and (until is None or until()):
            break
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def save(pixmap, path: Path) -> None:  # type: ignore[no-untyped-def]
    path.parent.mkdir(parents=True, exist_ok=True)
    pixmap.save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    parser.add_argument("--scale", type=float, nargs="+", default=[1.0, 1.5])
    parser.add_argument("--lang", nargs="+", default=["kk", "ru", "en"])
    parser.add_argument("--x11", action="store_true", help="draw on an Xvfb X server (xvfb-run)")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)  # internal: one scale, here
    args = parser.parse_args()
    if args.one is not None:
        render(args.out.resolve(), args.one, args.lang)
        return
    if args.x11 and shutil.which("xvfb-run") is None:
        parser.error("--x11 needs Xvfb: apt-get install xvfb xauth fonts-noto-core")
    for scale in args.scale:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "xcb" if args.x11 else "offscreen",
            "QT_SCALE_FACTOR": str(scale),
            "PYTHONPATH": str(ROOT),
            "TAZA_FIELD_TODAY": date.today().isoformat(),
        }
        display = ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN[0]}x{SCREEN[1]}x24"] if args.x11 else []
        subprocess.run(
            [
                *display,
                sys.executable,
                __file__,
                "--one",
                str(scale),
                "--out",
                str(args.out),
                "--lang",
                *args.lang,
            ],
            env=env,
            check=True,
        )


if __name__ == "__main__":
    main()
