"""The ``fieldapp`` command: the composition root of the desktop side.

``fieldapp`` with no command shows where this laptop stands (the window comes with the UI); the
subcommands serve IT staff, scripts and tests. This module may import ``ui`` and ``sync`` — lazily,
inside the subcommand that needs them — and nothing else in ``fieldapp`` may.

Everything it prints goes through the message catalogue, in the language chosen by ``--lang``,
the settings, or the system, in that order.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from fieldapp import __version__
from fieldapp.argparse_words import argparse_language
from fieldapp.i18n import LANGUAGES, FieldAppError, msg, system_language, translate
from fieldapp.logs import setup_logging, utf8_output
from fieldapp.paths import WINDOWS_MAX_PATH, DataPaths, too_long_for_windows
from fieldapp.running import announce_running
from fieldapp.settings import Settings, load_settings, save_settings

log = logging.getLogger("fieldapp")


class Cli:
    """What every subcommand needs: the paths, the settings and the language."""

    def __init__(self, paths: DataPaths, settings: Settings, lang: str) -> None:
        self.paths = paths
        self.settings = settings
        self.lang = lang

    def t(self, key: str, **params: Any) -> str:
        return translate(key, self.lang, **params)

    def say(self, key: str, **params: Any) -> None:
        print(self.t(key, **params))

    def open_store(self) -> Any:
        from fieldapp.store import Store

        return Store.open(self.paths.database)

    def require_okrug(self) -> str:
        if not self.settings.okrug:
            raise FieldAppError(msg("cli.no_okrug"))
        return self.settings.okrug


def _pre_parse_language(argv: Sequence[str]) -> tuple[str | None, str | None]:
    """``--lang`` and ``--data-dir`` before the full parser exists (its help is translated)."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang")  # a language we do not ship: the full parser says so, in words
    pre.add_argument("--data-dir")
    known, _ = pre.parse_known_args(argv)
    return (known.lang if known.lang in LANGUAGES else None), known.data_dir


def parse_arguments(argv: Sequence[str], lang: str) -> argparse.Namespace:
    """The command line, read by a parser whose every word — argparse's own "usage:", "options:"
    and errors as well as ours — is in ``lang``."""
    with argparse_language(lang):
        return build_parser(lang).parse_args(argv)


def build_parser(lang: str) -> argparse.ArgumentParser:
    def h(key: str) -> str:
        return translate(f"cli.help.{key}", lang).replace("%", "%%")

    parser = argparse.ArgumentParser(prog="fieldapp", description=h("program"))
    parser.add_argument("--version", action="version", version=f"Taza Field {__version__}")
    parser.add_argument("--data-dir", type=Path, help=h("data_dir"))
    parser.add_argument("--lang", choices=LANGUAGES, help=h("lang"))
    parser.add_argument("-v", "--verbose", action="store_true", help=h("verbose"))
    parser.add_argument("--self-test", action="store_true", help=h("self_test"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("status", help=h("status_command"), description=h("status_command"))

    p = sub.add_parser("setup", help=h("setup"), description=h("setup"))
    p.add_argument("--okrug", required=True, help=h("okrug"))
    p.add_argument("--reporter", help=h("reporter"))
    p.add_argument("--language", choices=LANGUAGES, help=h("language"))

    p = sub.add_parser("places", help=h("places"), description=h("places"))
    p.add_argument("query", nargs="?", default="", help=h("query"))
    p.add_argument("--within", help=h("within"))
    p.add_argument("--level", choices=["region", "district", "okrug", "settlement"], help=h("level"))
    p.add_argument("--limit", type=int, default=20, help=h("limit"))

    p = sub.add_parser("add", help=h("add"), description=h("add"))
    p.add_argument("--settlement", required=True, help=h("settlement"))
    p.add_argument("--date", default=date.today().isoformat(), help=h("date"))
    p.add_argument("--campaign", required=True, help=h("campaign"))
    p.add_argument("--participants", required=True, help=h("participants"))
    p.add_argument("--waste", action="append", default=[], metavar="FRACTION=TONNES", help=h("waste"))
    p.add_argument("--area", default="", metavar="HECTARES", help=h("area"))
    p.add_argument("--trees", default="", help=h("trees"))
    p.add_argument("--place", default="", help=h("place"))
    p.add_argument("--lat", default="", help=h("lat"))
    p.add_argument("--lon", default="", help=h("lon"))
    p.add_argument("--notes", default="", help=h("notes"))
    p.add_argument("--reporter", help=h("reporter"))
    p.add_argument("--photo", action="append", default=[], metavar="[ROLE=]FILE", help=h("photo"))
    p.add_argument("--ready", action="store_true", help=h("ready"))
    p.add_argument("--yes", action="store_true", help=h("yes"))

    p = sub.add_parser("list", help=h("list"), description=h("list"))
    _period_arguments(p, h)
    p.add_argument("--campaign", help=h("campaign"))
    p.add_argument("--status", help=h("status"))
    p.add_argument("--search", default="", help=h("search"))
    p.add_argument("--limit", type=int, default=50, help=h("limit"))

    p = sub.add_parser("show", help=h("show"), description=h("show"))
    p.add_argument("id", help=h("id"))

    p = sub.add_parser("delete", help=h("delete"), description=h("delete"))
    p.add_argument("id", help=h("id"))

    p = sub.add_parser("totals", help=h("totals"), description=h("totals"))
    _period_arguments(p, h)
    p.add_argument("--by", default="settlement,campaign", help=h("by"))

    p = sub.add_parser("demo", help=h("demo"), description=h("demo"))
    p.add_argument("--count", type=int, default=150, help=h("count"))
    p.add_argument("--no-window", action="store_true", help=h("no_window"))

    sub.add_parser("check", help=h("check"), description=h("check"))

    p = sub.add_parser("backup", help=h("backup"), description=h("backup"))
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("list", help=h("backup_list"), description=h("backup_list"))
    actions.add_parser("now", help=h("backup_now"), description=h("backup_now"))
    restore = actions.add_parser("restore", help=h("backup_restore"), description=h("backup_restore"))
    restore.add_argument("source", metavar="NAME_OR_PATH", help=h("backup_source"))
    restore.add_argument("--yes", action="store_true", help=h("backup_yes"))

    p = sub.add_parser("diagnostics", help=h("diagnostics"), description=h("diagnostics"))
    p.add_argument("--out", type=Path, metavar="FILE", help=h("diagnostics_out"))

    # Sending (run by sync.commands, imported only when one of these is asked for).
    p = sub.add_parser("enrol", help=h("enrol"), description=h("enrol"))
    source = p.add_mutually_exclusive_group()  # neither: the provisioning file beside the app
    source.add_argument("--file", type=Path, help=h("enrol_file"))
    source.add_argument("--server", help=h("enrol_server"))
    p.add_argument("--code", help=h("enrol_code"))
    p.add_argument("--name", help=h("enrol_name"))

    p = sub.add_parser("sync", help=h("sync"), description=h("sync"))
    p.add_argument("--no-photos", action="store_true", help=h("no_photos"))

    p = sub.add_parser("bundle", help=h("bundle"), description=h("bundle"))
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help=h("bundle_export"), description=h("bundle_export"))
    export.add_argument("--out", type=Path, help=h("bundle_out"))
    _data_dir_after_commands(parser, h("data_dir"))
    return parser


def _data_dir_after_commands(parser: argparse.ArgumentParser, help_text: str) -> None:
    """``fieldapp status --data-dir X`` as well as ``fieldapp --data-dir X status``: every
    subcommand takes it too. SUPPRESS as its default: a subcommand without it leaves the value
    given before the command in place."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                command.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, help=help_text)
                _data_dir_after_commands(command, help_text)


SYNC_COMMANDS = ("enrol", "sync", "bundle")


def _period_arguments(p: argparse.ArgumentParser, h: Callable[[str], str]) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("--month", metavar="YYYY-MM", help=h("month"))
    group.add_argument("--year", metavar="YYYY", help=h("year"))


def main(argv: Sequence[str] | None = None) -> int:
    utf8_output()  # before anything is printed: help and messages are in Kazakh and Russian
    announce_running()  # on Windows, for the installer: it waits until every copy of the app is closed
    argv = list(sys.argv[1:] if argv is None else argv)
    lang_arg, data_dir = _pre_parse_language(argv)
    paths = DataPaths.resolve(data_dir)
    settings_error: FieldAppError | None = None
    try:
        settings = load_settings(paths.settings)
    except FieldAppError as exc:
        settings, settings_error = Settings(), exc
    lang = lang_arg or settings.language or system_language()
    args = parse_arguments(argv, lang)
    if args.self_test:  # in a temporary folder: nothing of the laptop's is read or written, logs neither
        return self_test(lang)
    setup_logging(paths, verbose=args.verbose)  # logs/taza-field.log, and warnings on stderr
    cli = Cli(paths, settings, lang)
    if settings_error is not None:
        print(settings_error.text(lang), file=sys.stderr)
        return 2
    if args.command is None:
        return open_window(cli, explicit_dir=data_dir, lang=lang_arg)
    if args.command in SYNC_COMMANDS:
        from sync import commands as sync_commands

        handler = sync_commands.COMMANDS[args.command]
    else:
        from fieldapp import commands

        handler = getattr(commands, f"cmd_{args.command}")
    try:
        return handler(cli, args) or 0
    except FieldAppError as exc:
        print(exc.text(lang), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # a folder that cannot be made, a path Windows finds too long
        log.info("%s failed", args.command, exc_info=exc)  # the file has it all; stderr the words
        print(os_error_message(exc, lang), file=sys.stderr)
        return 2


def os_error_message(exc: OSError, lang: str) -> str:
    """What went wrong with a file, in words: the path, the system's reason, and for a path
    longer than Windows allows, that a shorter folder is the cure."""
    where = exc.filename if exc.filename is not None else ""
    reason = exc.strerror or str(exc)
    if too_long_for_windows(where) or too_long_for_windows(exc.filename2):
        return translate("cli.path_too_long", lang, path=str(where), limit=WINDOWS_MAX_PATH + 1)
    return translate("cli.file_error", lang, path=str(where), error=reason)


def open_window(cli: Cli, explicit_dir: str | None, lang: str | None) -> int:
    """The window, if this machine can show one; else say so and show the state as text."""
    try:
        from ui import app
    except ImportError:
        cli.say("cli.no_qt")
        return 2
    if not app.display_available():
        cli.say("cli.no_display")
        from fieldapp import commands

        return commands.cmd_status(cli, argparse.Namespace()) or 0
    lang = lang or os.environ.get("TAZA_FIELD_LANG")
    overridden = explicit_dir or os.environ.get("TAZA_FIELD_DATA_DIR")
    return app.run(cli.paths.root if overridden else None, lang)


def self_test(lang: str) -> int:
    """Check this installation in a temporary folder (the laptop's data is not touched)."""
    try:
        from ui.selftest import run_self_test
    except ImportError as exc:
        print(translate("selftest.cannot_start", lang, error=str(exc)), file=sys.stderr)
        return 1
    return run_self_test(lang=lang)


def save_cli_settings(cli: Cli) -> None:
    save_settings(cli.settings, cli.paths.settings)


if __name__ == "__main__":
    sys.exit(main())
