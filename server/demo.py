"""The whole loop on one machine, for a first look: a local server on the embedded SQLite, a village
laptop of Қайнар ауылдық округі enrolled with it, the other okrugs of Talgar district reporting too,
and a district coordinator — then the village window and the coordinator's window side by side.

    python -m server.demo [--dir .data/demo] [--port 8765] [--no-window] [--lang kk|ru|en]

The first run (about a minute) sets everything up through the real paths: ``fieldapp-server init``,
a one-time enrolment code exchanged by the laptop, records sent by sync, the coordinator's
decisions (most older records accepted, three returned with a comment) sent to the server and
fetched back by the village. Later runs start the same server again and open the windows on what
was left, the village on the left half of the screen and the coordinator's on the right. The
server stops when both windows are closed. ``--no-window`` only sets up (or checks), prints where
things are and stops the server again: its address answers only while the windows are open.

Try: log an action in the village window and press *Send now* (F9); in the coordinator's window,
*Refresh*, find it in *Review*, return it with a comment; back in the village, *Send now*: the
record comes back with the comment.
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from fieldapp.demo import DEMO_OKRUG, demo_actions, seed_demo
from fieldapp.device import load_device, save_device
from fieldapp.district import Decision
from fieldapp.i18n import FieldAppError, system_language, translate
from fieldapp.kato import default_kato
from fieldapp.models import Status
from fieldapp.paths import DataPaths
from fieldapp.photo_library import PhotoLibrary
from fieldapp.reference import default_reference
from fieldapp.session import load_session, save_session
from fieldapp.settings import Settings, load_settings, save_settings
from fieldapp.store import Store
from server.process import ServerProcess
from sync.client import ServerClient
from sync.district import DistrictSync, login
from sync.engine import SyncEngine
from sync.enrolment import enrol, read_provisioning

DISTRICT = "196200000"  # Талғар ауданы
COORDINATOR = "demo"
DEFAULT_PORT = 8765
WINDOW_SIDE = "TAZA_FIELD_WINDOW_SIDE"  # ui/app.py reads it: the half of the screen a window takes
VILLAGE_RECORDS = 150
OTHER_OKRUGS = 6  # of the district's others, reporting too (the dashboard and the matrix fill up)
COMMENTS = (
    "Фотосуреттер жоқ: акцияға дейінгі және кейінгі суреттерді қосыңыз.",
    "Укажите точное место проведения и количество участников — цифры не сходятся.",
    "Қалдық көлемі тым көп көрінеді, тексеріп қайта жіберіңіз.",
)


@dataclass
class Demo:
    root: Path
    server: ServerProcess
    password: str

    @property
    def village(self) -> DataPaths:
        return DataPaths(self.root / "village")

    @property
    def coordinator(self) -> DataPaths:
        return DataPaths(self.root / "coordinator")


def start(root: Path, port: int | None = None) -> Demo:
    """Start the demo's server (set it all up the first time)."""
    root = root.resolve()
    folder = root / "server"
    folder.mkdir(parents=True, exist_ok=True)
    password_file = folder / "coordinator-password.txt"
    first = not password_file.exists()
    server = ServerProcess(
        f"sqlite:///{folder / 'taza-server.sqlite'}",
        folder / "photos",
        cwd=folder,
        port=port or _stored_port(root) or _port(DEFAULT_PORT),
    )
    server.init()
    server.start()
    demo = Demo(root, server, "")
    try:
        if first:
            password = secrets.token_urlsafe(9)
            server.cli(
                "user", "add", COORDINATOR, "--role", "coordinator", "--district", DISTRICT,
                "--password-env", "TAZA_DEMO_PASSWORD", env={"TAZA_DEMO_PASSWORD": password},
            )  # fmt: skip
            password_file.write_text(password + "\n", encoding="utf-8")
            os.chmod(password_file, 0o600)
            demo.password = password
            _set_up(demo)
        demo.password = password_file.read_text(encoding="utf-8").strip()
    except BaseException:
        server.stop()
        raise
    return demo


def season_start(today: date) -> date:
    """1 March of the clean-up season under way or last ended: never after ``today`` (in January
    this year's March is still to come, and records may not be dated in the future)."""
    return date(today.year if today >= date(today.year, 3, 1) else today.year - 1, 3, 1)


def _set_up(demo: Demo) -> None:
    kato, reference = default_kato(), default_reference()
    say("demo.village", count=VILLAGE_RECORDS)
    village = _laptop(demo, demo.village, DEMO_OKRUG, lambda store, library: seed_demo(
        store, library, DEMO_OKRUG, VILLAGE_RECORDS, reviewed=False
    ))  # fmt: skip
    others = [o.code for o in kato.okrugs(DISTRICT) if o.code != DEMO_OKRUG][:OTHER_OKRUGS]
    say("demo.others", count=len(others))
    for n, okrug in enumerate(others, start=1):
        records = list(
            demo_actions(kato, reference, [okrug], 25 + 5 * n, seed=n, start=season_start(date.today()))
        )
        _laptop(
            demo,
            DataPaths(demo.root / "others" / okrug),
            okrug,
            lambda store, _: store.save_many(records),  # noqa: B023 (_laptop calls it at once)
        )
    say("demo.reviewing")
    session = login(demo.server.url, COORDINATOR, demo.password)
    coordinator = demo.coordinator
    coordinator.root.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("TAZA_FIELD_NO_KEYRING", "1")  # a demo's token stays in its own folder
    save_session(session, coordinator.session)
    save_settings(Settings(role="coordinator"), coordinator.settings)
    with Store.open(demo.village.database) as store:
        village_ids = {s.id for s in store.list_actions(limit=10_000)}
    with Store.open(coordinator.district_database) as store:
        library = PhotoLibrary(coordinator.photos)
        _district_sync(store, library, demo)
        today = date.today()
        older = [
            s
            for s in store.list_actions(limit=10_000)
            if s.id in village_ids and (today - s.action_date).days > 30 and s.status is Status.SENT
        ]
        returned = older[5 :: max(1, len(older) // len(COMMENTS))][: len(COMMENTS)]
        decisions = [
            Decision(s.id, s.revision, Status.RETURNED, c) for s, c in zip(returned, COMMENTS, strict=False)
        ]
        rest = [s for s in older if s not in returned]
        decisions += [Decision(s.id, s.revision, Status.ACCEPTED) for s in rest[: len(rest) * 4 // 5]]
        store.queue_decisions(decisions)
        _district_sync(store, library, demo)
    say("demo.fetching")
    _sync(village, demo)


def _laptop(
    demo: Demo, paths: DataPaths, okrug: str, fill: Callable[[Store, PhotoLibrary], object]
) -> DataPaths:
    paths.root.mkdir(parents=True, exist_ok=True)
    settings = Settings(okrug=okrug, reporter="Айгүл Сәрсенова" if okrug == DEMO_OKRUG else "")
    save_settings(settings, paths.settings)
    with Store.open(paths.database) as store:
        fill(store, PhotoLibrary(paths.photos))
    provisioning = paths.root / f"taza-field-{okrug}.provision.json"
    demo.server.cli("device", "enrol", "--okrug", okrug, "--out", str(provisioning))
    offer = read_provisioning(provisioning)
    save_device(enrol(offer.server_url, offer.code, device_name=f"demo-{okrug}", okrug=okrug), paths.device)
    provisioning.unlink()
    _sync(paths, demo)
    return paths


def _sync(paths: DataPaths, demo: Demo) -> None:
    credentials = load_device(paths.device)
    if credentials is None:
        raise RuntimeError(f"{paths.root} is not enrolled")
    client = ServerClient(credentials.server_url, credentials.token)
    try:
        with Store.open(paths.database) as store:
            SyncEngine(store, PhotoLibrary(paths.photos), client).run()
    finally:
        client.close()


def _district_sync(store: Store, library: PhotoLibrary, demo: Demo) -> None:
    session = load_session(demo.coordinator.session)
    if session is None:
        raise RuntimeError("the demo coordinator has no session")
    client = ServerClient(session.server_url, session.token)
    try:
        DistrictSync(store, library, client).run()
    finally:
        client.close()


def _stored_port(root: Path) -> int | None:
    """The port the demo laptop was enrolled with (its address is kept in device.json)."""
    try:
        credentials = load_device(DataPaths(root / "village").device)
    except (FieldAppError, ValueError, IndexError):  # a damaged file or address: a new port
        return None
    if credentials is None:
        return None
    return int(credentials.server_url.rsplit(":", 1)[1].split("/", 1)[0])


def _port(wanted: int) -> int:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", wanted))
            return wanted
        except OSError:
            from server.process import free_port

            return free_port()


_lang = "en"


def say(key: str, **params: object) -> None:
    """A line of the demo's progress, in the language of ``--lang`` (else the system's)."""
    print(translate(key, _lang, **params), flush=True)


def summary(demo: Demo) -> str:
    village = load_settings(demo.village.settings)
    with Store.open(demo.village.database) as store:
        counts = store.status_counts()
        waiting = store.outbox_depth().records
    statuses = ", ".join(
        f"{translate(f'status.{s.value}', _lang)}: {n}"
        for s, n in sorted(counts.items(), key=lambda i: i[0].value)
    )
    return "\n".join(
        [
            translate("demo.server", _lang, url=demo.server.url, path=str(demo.root / "server")),
            translate(
                "demo.laptop",
                _lang,
                path=str(demo.village.root),
                okrug=village.okrug or "",
                counts=statuses,
                waiting=waiting,
            ),
            translate(
                "demo.coordinator",
                _lang,
                path=str(demo.coordinator.root),
                user=COORDINATOR,
                password=demo.password,
            ),
        ]
    )


def window_commands(demo: Demo, lang: str | None) -> list[tuple[list[str], dict[str, str]]]:
    """The two programs' command lines and environments: the village window on the left half of
    the screen, the coordinator's on the right (not one exactly on top of the other)."""
    command = [sys.executable, "-m", "fieldapp.cli"] + (["--lang", lang] if lang else [])
    env = {k: v for k, v in os.environ.items() if k != "TAZA_FIELD_DATA_DIR"}
    env["TAZA_FIELD_NO_KEYRING"] = "1"
    return [
        ([*command, "--data-dir", str(paths.root)], {**env, WINDOW_SIDE: side})
        for paths, side in ((demo.village, "left"), (demo.coordinator, "right"))
    ]


def open_windows(demo: Demo, lang: str | None) -> int:
    """The village window and the coordinator's, as two programs; the server stops when both close."""
    apps = [subprocess.Popen(command, env=env) for command, env in window_commands(demo, lang)]
    try:
        while any(app.poll() is None for app in apps):
            time.sleep(0.5)
    except KeyboardInterrupt:
        for app in apps:
            app.terminate()
    return max(app.returncode or 0 for app in apps)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m server.demo",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--dir",
        type=Path,
        default=Path(".data/demo"),
        help="where the demo keeps its server, laptop and coordinator folders (default: %(default)s); "
        "a folder set up before is started again, not set up twice",
    )
    parser.add_argument(
        "--port",
        type=int,
        help=f"the server's port (default: the one used before, else {DEFAULT_PORT}, else a free one)",
    )
    parser.add_argument(
        "--no-window",
        action="store_true",
        help="set up (or check), print where things are and the coordinator's password, then stop the server",
    )
    parser.add_argument(
        "--lang",
        choices=["kk", "ru", "en"],
        help="the language of the windows and of what the demo prints (default: the system's)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    global _lang
    _lang = args.lang or system_language()
    say("demo.starting", path=str(args.dir))
    demo = start(args.dir, args.port)
    try:
        print(summary(demo), flush=True)
        if args.no_window:
            return 0
        if sys.platform == "linux" and not any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY")):
            say("demo.no_display")
            return 0
        say("demo.opening")
        return open_windows(demo, args.lang)
    finally:
        demo.server.stop()
        say("demo.stopped", url=demo.server.url)


if __name__ == "__main__":
    sys.exit(main())
