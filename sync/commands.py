"""``fieldapp enrol``, ``fieldapp sync`` and ``fieldapp bundle export``: sync from the command line,
for IT staff and scripts. ``fieldapp/cli.py`` imports this lazily (the domain core knows no HTTP).

Everything printed goes through the message catalogue, in the language of the command line.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from fieldapp.commands import say_update
from fieldapp.device import DeviceCredentials, device_name_default, load_device, save_device
from fieldapp.i18n import FieldAppError, count, msg
from fieldapp.numbers import format_bytes
from fieldapp.outbox import waiting_message
from fieldapp.paths import provisioning_files
from fieldapp.photo_library import PhotoLibrary
from sync.client import ServerClient
from sync.engine import Progress, SyncEngine
from sync.enrolment import EnrolmentError, enrol, forget_provisioning, read_provisioning
from sync.errors import Kind, SyncError

if TYPE_CHECKING:
    from fieldapp.cli import Cli

log = logging.getLogger(__name__)


# -- enrol -------------------------------------------------------------------------------------------


def cmd_enrol(cli: Cli, args: argparse.Namespace) -> int:
    file = args.file
    if file is None and args.server is None:
        found = provisioning_files(cli.paths.root)
        if not found:
            raise EnrolmentError(msg("sync.cli.no_provisioning"))
        file = found[0]
    if file is not None:
        provisioning = read_provisioning(file)
        server, code = provisioning.server_url, provisioning.code
    else:
        if not args.code:
            raise EnrolmentError(msg("sync.enrol.bad_code"))
        server, code = args.server, args.code
    # The okrug chosen for this laptop, if any: a code made for another one is refused unused.
    credentials = enrol(
        server, code, device_name=args.name or device_name_default(), okrug=cli.settings.okrug
    )
    save_device(credentials, cli.paths.device)
    if cli.settings.okrug != credentials.okrug:
        from fieldapp.cli import save_cli_settings

        cli.settings.okrug = credentials.okrug
        save_cli_settings(cli)
    cli.say("sync.cli.enrolled", server=credentials.server_url, okrug=_okrug_name(cli, credentials.okrug))
    if file is not None:
        removed = forget_provisioning(file)
        cli.say("sync.cli.provisioning_removed" if removed else "sync.cli.provisioning_kept", path=str(file))
    return 0


def _okrug_name(cli: Cli, code: str) -> str:
    from fieldapp.kato import default_kato

    place = default_kato().get(code)
    return place.name(cli.lang) if place else code


def require_device(cli: Cli) -> DeviceCredentials:
    credentials = load_device(cli.paths.device)
    if credentials is None:
        raise SyncError(Kind.NOT_ENROLLED)
    return credentials


# -- sync --------------------------------------------------------------------------------------------


def cmd_sync(cli: Cli, args: argparse.Namespace) -> int:
    credentials = require_device(cli)
    printer = _ProgressPrinter(cli)
    with cli.open_store() as store:
        client = ServerClient(credentials.server_url, credentials.token)
        engine = SyncEngine(
            store,
            PhotoLibrary(cli.paths.photos),
            client,
            progress=printer.show,
            photos=not args.no_photos,
        )
        try:
            report = engine.run()
        finally:
            client.close()
            printer.end()
        cli.say(
            "sync.cli.done",
            records=count("records", report.records_sent),
            photos=count("photos", report.photos_sent),
            skipped=count("photos", report.photos_skipped),
            decisions=count("decisions", report.decisions),
        )
        if report.rejected or report.conflicts:
            cli.say(
                "sync.cli.held",
                rejected=count("records", report.rejected),
                conflicts=count("records", report.conflicts),
            )
        if report.closed:  # their month is signed off: nothing to do but ask for it to be reopened
            cli.say("sync.cli.month_closed", records=count("records", len(report.closed)))
        if report.released:
            cli.say("sync.cli.month_reopened", records=count("records", len(report.released)))
        if report.reference_updated:
            cli.say("sync.cli.reference")
        cli.say(
            "sync.cli.traffic",
            up=format_bytes(report.bytes_up, cli.lang),
            down=format_bytes(report.bytes_down, cli.lang),
            requests=report.requests,
            seconds=f"{report.seconds:.1f}",
        )
        depth = store.outbox_depth()
        if depth.records or depth.photos:
            print(waiting_message(depth).text(cli.lang))
        say_update(cli, store)  # a newer app version the server told of
    return 0


class _ProgressPrinter:
    """One line that updates in place on a terminal; a line every few seconds otherwise."""

    def __init__(self, cli: Cli) -> None:
        self.cli = cli
        self.tty = sys.stderr.isatty()
        self.last = 0.0
        self.shown = False

    def show(self, progress: Progress) -> None:
        now = time.monotonic()
        if now - self.last < (0.2 if self.tty else 5.0):
            return
        self.last = now
        left = "" if progress.seconds_left is None else f" · ~{progress.seconds_left:.0f} s"
        text = self.cli.t(
            "sync.cli.progress",
            records=progress.records_done,
            records_total=progress.records_total,
            photos=progress.photos_done,
            photos_total=progress.photos_total,
            sent=format_bytes(progress.bytes_done, self.cli.lang),
        )
        if self.tty:
            print(f"\r{text}{left}\033[K", end="", file=sys.stderr, flush=True)
            self.shown = True
        else:
            print(text + left, file=sys.stderr, flush=True)

    def end(self) -> None:
        if self.shown:
            print(file=sys.stderr)
            self.shown = False


# -- bundles -------------------------------------------------------------------------------------------


def cmd_bundle(cli: Cli, args: argparse.Namespace) -> int:
    from sync.bundle import default_bundle_name, export_bundle

    credentials = require_device(cli)
    with cli.open_store() as store:
        out = args.out or cli.paths.bundles / default_bundle_name(credentials)
        if out.is_dir():
            out = out / default_bundle_name(credentials)
        try:
            summary = export_bundle(store, PhotoLibrary(cli.paths.photos), credentials, out)
        except OSError as exc:
            raise FieldAppError(msg("sync.bundle.cannot_write", path=str(out), error=exc.strerror)) from exc
    cli.say(
        "sync.cli.bundle_written",
        path=str(out),
        records=count("records", summary.records),
        photos=count("photos", summary.photos),
        size=format_bytes(summary.size, cli.lang),
    )
    return 0


def _exit_codes(
    command: Callable[[Cli, argparse.Namespace], int],
) -> Callable[[Cli, argparse.Namespace], int]:
    """Exit 1 when sync failed and will work later by itself (no link, a server error); 3 when a
    person must act first (enrol, update the app). Other errors exit 2 (``fieldapp.cli``)."""

    def run(cli: Cli, args: argparse.Namespace) -> int:
        try:
            return command(cli, args)
        except SyncError as exc:
            print(exc.text(cli.lang), file=sys.stderr)
            log.info("%s failed: %s", args.command, exc)
            return 3 if exc.kind.needs_person else 1

    return run


COMMANDS: dict[str, Callable[[Cli, argparse.Namespace], int]] = {
    "enrol": _exit_codes(cmd_enrol),
    "sync": _exit_codes(cmd_sync),
    "bundle": _exit_codes(cmd_bundle),
}
