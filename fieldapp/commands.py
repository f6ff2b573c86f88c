"""The ``fieldapp`` subcommands. Each takes the :class:`~fieldapp.cli.Cli` and parsed arguments,
prints through the message catalogue and returns an exit code (None for 0)."""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.entry import ActionEntry, build_action
from fieldapp.i18n import FieldAppError, count, msg
from fieldapp.kato import Level, default_kato, search_key
from fieldapp.models import PhotoRef, PhotoRole, Status
from fieldapp.moments import format_moment
from fieldapp.numbers import format_int
from fieldapp.outbox import waiting_message
from fieldapp.photo_library import PhotoLibrary
from fieldapp.queries import ActionFilter, Period, Totals, short_id
from fieldapp.reference import default_reference
from fieldapp.units import format_hectares, format_tonnes, hectares_count, tonnes_count
from fieldapp.validation import Context, Severity

if TYPE_CHECKING:
    from fieldapp.cli import Cli
    from fieldapp.store import Store


# -- output helpers -------------------------------------------------------------------------------


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 1 for c in text)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> None:
    widths = [max(_width(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        out = []
        for i, cell in enumerate(cells):
            pad = " " * (widths[i] - _width(str(cell)))
            out.append(pad + str(cell) if i in right else str(cell) + pad)
        return "  ".join(out).rstrip()

    print(line(headers))
    print("  ".join("─" * w for w in widths))
    for row in rows:
        print(line(row))


def _period(args: argparse.Namespace) -> Period | None:
    try:
        if getattr(args, "month", None):
            return Period.parse(args.month)
        if getattr(args, "year", None):
            return Period.parse(args.year)
    except ValueError:
        raise FieldAppError(msg("cli.bad_period", text=args.month or args.year)) from None
    return None


def _status_name(cli: Cli, status: Status, deleted: bool = False) -> str:
    return cli.t("status.deleted") if deleted else cli.t(f"status.{status.value}")


# -- status (no command) --------------------------------------------------------------------------


def cmd_status(cli: Cli, args: argparse.Namespace) -> int | None:
    cli.say("cli.status.data_dir", path=str(cli.paths.root))
    if not cli.settings.okrug:
        cli.say("cli.status.no_okrug")
        return None
    kato = default_kato()
    okrug = kato.get(cli.settings.okrug)
    cli.say("cli.status.okrug", okrug=okrug.name(cli.lang) if okrug else cli.settings.okrug)
    with cli.open_store() as store:
        depth = store.outbox_depth()
        cli.say(
            "cli.status.records",
            total=store.count_actions(),
            drafts=store.count_actions(ActionFilter(status=Status.DRAFT)),
            returned=store.count_actions(ActionFilter(status=Status.RETURNED)),
        )
        print(waiting_message(depth).text(cli.lang))
        say_update(cli, store)
        today = date.today()
        for key, period in (
            ("cli.status.month", Period.month(today.year, today.month)),
            ("cli.status.year", Period.year(today.year)),
        ):
            rows = store.totals(period, group_by=())
            total = rows[0] if rows else None
            cli.say(
                key,
                actions=count("actions", total.actions if total else 0),
                participants=count("participants", total.participants if total else 0),
                tonnes=tonnes_count(total.total_kg if total else 0),
                hectares=hectares_count(total.area_m2 if total else 0),
                trees=count("trees", total.trees if total else 0),
            )
    cli.say("cli.status.hint")
    return None


def say_update(cli: Cli, store: Store) -> None:
    """A newer version the server told of (``fieldapp-server release set``): who installs it, where."""
    from fieldapp import __version__
    from fieldapp.updates import newer_available, stored_release

    release = stored_release(store)
    if release is None or not newer_available(__version__, release.version):
        return
    if release.link:
        cli.say("cli.status.update", version=release.version, current=__version__, url=release.link)
    else:
        cli.say("cli.status.update_no_link", version=release.version, current=__version__)
    if release.notes:
        cli.say("cli.status.update_notes", notes=release.notes)


# -- setup and places -----------------------------------------------------------------------------


def cmd_setup(cli: Cli, args: argparse.Namespace) -> int | None:
    from fieldapp.cli import save_cli_settings

    kato = default_kato()
    okrug = kato.get(args.okrug)
    if okrug is None or okrug.level is not Level.OKRUG:
        raise FieldAppError(msg("place.unknown_okrug", code=args.okrug))
    cli.settings.okrug = okrug.code
    cli.settings.role = "village"
    if args.reporter is not None:
        cli.settings.reporter = args.reporter
    if args.language:
        cli.settings.language = args.language
        cli.lang = args.language
    save_cli_settings(cli)
    district = kato.district_of(okrug.code)
    cli.say(
        "cli.setup.done",
        okrug=okrug.name(cli.lang),
        district=district.name(cli.lang) if district else "",
        settlements=count("settlements", len(kato.settlements(okrug.code))),
    )
    return None


def cmd_places(cli: Cli, args: argparse.Namespace) -> int | None:
    kato = default_kato()
    levels = [Level(args.level)] if args.level else None
    if args.query.strip():
        places = kato.search(args.query, within=args.within, levels=levels, limit=args.limit)
    elif args.within:
        places = kato.children(args.within, levels=levels)[: args.limit]
    else:
        places = kato.regions()
    if not places:
        cli.say("cli.places.none")
        return 1
    rows = []
    for place in places:
        parents = [p.name(cli.lang) for p in kato.ancestors(place.code)]
        rows.append(
            [
                place.code,
                place.name(cli.lang),
                cli.t(f"level.{place.level.value}"),
                " · ".join(reversed(parents)),
            ]
        )
    print_table(
        [cli.t("cli.col.code"), cli.t("cli.col.name"), cli.t("cli.col.level"), cli.t("cli.col.within")],
        rows,
        right=set(),
    )
    return None


# -- add -----------------------------------------------------------------------------------------


def _resolve_settlement(cli: Cli, okrug: str, text: str) -> str:
    """A KATO code as given, or the one settlement of the okrug whose name matches ``text``."""
    if text.isdigit():
        return text
    found = default_kato().search(
        text, within=okrug, levels=[Level.SETTLEMENT, Level.SUBSETTLEMENT], limit=10
    )
    exact = [p for p in found if search_key(text) in (search_key(p.name_kk), search_key(p.name_ru))]
    if len(found) == 1 or len(exact) == 1:
        return (exact or found)[0].code
    if not found:
        raise FieldAppError(msg("cli.add.no_settlement", text=text))
    names = ", ".join(f"{p.name(cli.lang)} ({p.code})" for p in found)
    raise FieldAppError(msg("cli.add.many_settlements", text=text, names=names))


def _photo_argument(text: str) -> tuple[PhotoRole, Path]:
    role, sep, path = text.partition("=")
    if sep and role in {r.value for r in PhotoRole}:
        return PhotoRole(role), Path(path)
    return PhotoRole.OTHER, Path(text)


def cmd_add(cli: Cli, args: argparse.Namespace) -> int | None:
    okrug = cli.require_okrug()
    waste: dict[str, str] = {}
    for item in args.waste:
        fraction, sep, tonnes = item.partition("=")
        if not sep:
            raise FieldAppError(msg("cli.add.bad_waste", text=item))
        waste[fraction.strip()] = tonnes
    entry = ActionEntry(
        settlement=_resolve_settlement(cli, okrug, args.settlement),
        action_date=args.date,
        campaign=args.campaign,
        participants=args.participants,
        waste=waste,
        area_ha=args.area,
        trees=args.trees,
        place=args.place,
        lat=args.lat,
        lon=args.lon,
        notes=args.notes,
        reporter=args.reporter if args.reporter is not None else cli.settings.reporter,
        status=Status.READY if args.ready else Status.DRAFT,
    )
    library = PhotoLibrary(cli.paths.photos)
    photos = []
    for item in args.photo:
        role, path = _photo_argument(item)
        photos.append((library.import_file(path), role))  # a bad photo stops before any change
    entry.photos = [PhotoRef(sha256=p.sha256, role=role) for p, role in photos]
    if not entry.lat and not entry.lon:
        located = next((p for p, _ in photos if p.lat is not None), None)
        if located:
            entry.lat, entry.lon = str(located.lat), str(located.lon)
            if cli.lang != "en":
                entry.lat, entry.lon = entry.lat.replace(".", ","), entry.lon.replace(".", ",")
    taken = {p.sha256: p.taken_at.date() for p, _ in photos if p.taken_at is not None}
    ctx = Context(default_kato(), default_reference(), date.today(), device_okrug=okrug, photo_dates=taken)
    action, report = build_action(entry, ctx, cli.lang, okrug=okrug)
    for issue in report.issues:
        label = "cli.error" if issue.severity is Severity.ERROR else "cli.warning"
        print(cli.t(label, text=issue.text(cli.lang)))
    if action is None:
        return 2
    if report.warnings and not args.yes:
        cli.say("cli.add.confirm_warnings")
        return 3
    with cli.open_store() as store:
        for photo, _ in photos:
            store.add_photo(photo)
        duplicates = store.same_day_actions(
            action.settlement, action.action_date, action.campaign, place=action.place
        )
        if duplicates and not args.yes:
            cli.say("cli.add.duplicate", ids=", ".join(short_id(d.id) for d in duplicates))
            return 3
        store.save(action)
    cli.say("cli.add.saved", id=str(action.id), status=_status_name(cli, action.status))
    return None


# -- list, show, delete --------------------------------------------------------------------------


def cmd_list(cli: Cli, args: argparse.Namespace) -> int | None:
    try:
        status = Status(args.status) if args.status else None
    except ValueError:
        raise FieldAppError(msg("cli.bad_status", text=args.status)) from None
    where = ActionFilter(period=_period(args), campaign=args.campaign, status=status, text=args.search)
    kato, reference = default_kato(), default_reference()
    with cli.open_store() as store:
        rows = store.list_actions(where, limit=args.limit)
        total = store.count_actions(where)
    table = []
    for r in rows:
        place = kato.get(r.settlement)
        campaign = reference.campaign(r.campaign)
        table.append(
            [
                short_id(r.id),
                r.action_date.strftime("%d.%m.%Y"),
                place.name(cli.lang) if place else r.settlement,
                campaign.name(cli.lang) if campaign else r.campaign,
                format_int(r.participants, cli.lang),
                format_tonnes(r.total_kg, cli.lang, fixed=True),
                format_hectares(r.area_m2, cli.lang, fixed=True),
                str(r.photo_count),
                _status_name(cli, r.status, r.deleted),
            ]
        )
    headers = [
        cli.t(f"cli.col.{c}")
        for c in (
            "id",
            "date",
            "settlement",
            "campaign",
            "participants",
            "tonnes",
            "hectares",
            "photos",
            "status",
        )
    ]
    print_table(headers, table, right={4, 5, 6, 7})
    cli.say("cli.list.shown", shown=len(rows), total=total)
    return None


def _find(cli: Cli, store: Store, text: str) -> str:
    ids = store.find_ids(text)
    if not ids:
        raise FieldAppError(msg("store.not_found", id=text))
    if len(ids) > 1:
        raise FieldAppError(msg("cli.ambiguous_id", text=text, count=len(ids)))
    return ids[0]


def cmd_show(cli: Cli, args: argparse.Namespace) -> int | None:
    kato, reference = default_kato(), default_reference()
    with cli.open_store() as store:
        action = store.get(_find(cli, store, args.id))
        history = store.history(action.id)
    place = kato.get(action.settlement)
    campaign = reference.campaign(action.campaign)
    fields = [
        ("id", str(action.id)),
        ("revision", str(action.revision)),
        ("status", _status_name(cli, action.status, action.deleted)),
        ("action_date", action.action_date.strftime("%d.%m.%Y")),
        ("settlement", place.name(cli.lang) if place else action.settlement),
        ("campaign", campaign.name(cli.lang) if campaign else action.campaign),
        ("place", action.place),
        ("participants", format_int(action.participants, cli.lang)),
    ]
    for amount in action.waste:
        fraction = reference.fraction(amount.fraction)
        name = fraction.name(cli.lang) if fraction else amount.fraction
        fields.append(("waste", f"{name}: {format_tonnes(amount.kg, cli.lang)} t"))
    fields += [
        ("area", f"{format_hectares(action.area_m2, cli.lang)} ha"),
        ("trees", format_int(action.trees, cli.lang)),
        ("gps", f"{action.gps.lat}, {action.gps.lon}" if action.gps else ""),
        ("photos", ", ".join(f"{p.sha256[:10]} ({cli.t(f'role.{p.role.value}')})" for p in action.photos)),
        ("notes", action.notes),
        ("reporter", action.reporter),
        ("review_comment", action.review_comment),
    ]
    width = max(_width(cli.t(f"field.{name}")) for name, _ in fields)
    for name, value in fields:
        if value:
            label = cli.t(f"field.{name}")
            print(f"{label}{' ' * (width - _width(label))}  {value}")
    cli.say("cli.show.history")
    for entry in history:
        cli.say(
            "cli.show.history_line",
            revision=entry.revision,
            event=cli.t(f"event.{entry.event}"),
            at=format_moment(entry.recorded_at),  # the laptop's clock, as the windows show it
        )
    return None


def cmd_delete(cli: Cli, args: argparse.Namespace) -> int | None:
    with cli.open_store() as store:
        action = store.get(_find(cli, store, args.id))
        if action.deleted:
            cli.say("cli.delete.already")
            return None
        tombstone = store.delete(action.id, action.revision)
    cli.say("cli.delete.done", id=str(tombstone.id), revision=tombstone.revision)
    return None


# -- totals --------------------------------------------------------------------------------------


def cmd_totals(cli: Cli, args: argparse.Namespace) -> int | None:
    today = date.today()
    period = _period(args) or Period.year(today.year)
    group_by = tuple(g.strip() for g in args.by.split(",") if g.strip())
    if not set(group_by) <= {"settlement", "campaign", "month"}:
        raise FieldAppError(msg("cli.bad_group", text=args.by))
    kato, reference = default_kato(), default_reference()
    with cli.open_store() as store:
        rows = store.totals(period, group_by=group_by)
        overall = store.totals(period, group_by=())
    cli.say("cli.totals.period", start=period.start, end=date.fromordinal(period.end.toordinal() - 1))
    if not overall:
        cli.say("cli.totals.none")
        return None
    fractions = [f for f in reference.active_fractions() if f.code in overall[0].kg_by_fraction]

    def label(kind: str, value: str) -> str:
        if kind == "settlement":
            place = kato.get(value)
            return place.name(cli.lang) if place else value
        if kind == "campaign":
            campaign = reference.campaign(value)
            return campaign.name(cli.lang) if campaign else value
        return value

    def order(kind: str, value: str) -> tuple[int, str]:
        campaign = reference.campaign(value) if kind == "campaign" else None
        return (campaign.order if campaign else 0, label(kind, value))

    rows.sort(key=lambda r: [order(g, r.group[g]) for g in group_by])
    headers = [
        *(cli.t(f"cli.col.{g}") for g in group_by),
        cli.t("cli.col.actions"),
        cli.t("cli.col.participants"),
        cli.t("cli.col.tonnes"),
        *(f.name(cli.lang) for f in fractions),
        cli.t("cli.col.hectares"),
        cli.t("cli.col.trees"),
    ]

    def figures(t: Totals) -> list[str]:
        return [
            format_int(t.actions, cli.lang),
            format_int(t.participants, cli.lang),
            format_tonnes(t.total_kg, cli.lang, fixed=True),
            *(format_tonnes(t.kg_by_fraction.get(f.code, 0), cli.lang, fixed=True) for f in fractions),
            format_hectares(t.area_m2, cli.lang, fixed=True),
            format_int(t.trees, cli.lang),
        ]

    table = [[label(g, r.group[g]) for g in group_by] + figures(r) for r in rows]
    if group_by:
        table.append([cli.t("cli.totals.all"), *[""] * (len(group_by) - 1), *figures(overall[0])])
    print_table(headers, table, right=set(range(len(group_by), len(headers))))
    return None


# -- demo and check ------------------------------------------------------------------------------


def cmd_demo(cli: Cli, args: argparse.Namespace) -> int | None:
    """Seed a demo laptop once; later runs just show it. Never touches a real laptop's folder."""
    from fieldapp.cli import save_cli_settings
    from fieldapp.demo import DEMO_OKRUG, seed_demo

    with cli.open_store() as store:
        is_demo = store.get_meta("demo") == "1"
        if not is_demo and (cli.settings.okrug or store.count_actions(ActionFilter(include_deleted=True))):
            raise FieldAppError(msg("cli.demo.real_data", path=str(cli.paths.root)))
        if not is_demo:
            cli.settings.okrug = DEMO_OKRUG
            cli.settings.reporter = cli.settings.reporter or "Айгүл Сәрсенова"
            save_cli_settings(cli)
            added = seed_demo(store, PhotoLibrary(cli.paths.photos), DEMO_OKRUG, args.count)
            cli.say("cli.demo.done", count=added)
    if args.no_window:
        return cmd_status(cli, args)
    from fieldapp.cli import open_window

    return open_window(cli, explicit_dir=str(cli.paths.root), lang=cli.lang)


def cmd_check(cli: Cli, args: argparse.Namespace) -> int | None:
    with cli.open_store() as store:
        problems = store.integrity_check()
        depth = store.outbox_depth()
    for problem in problems:
        print(problem)
    cli.say("cli.check.result" if not problems else "cli.check.problems", count=len(problems))
    print(waiting_message(depth).text(cli.lang))
    return 1 if problems else None


# -- backups -------------------------------------------------------------------------------------

YES_ANSWERS = {"y", "yes", "иә", "ия", "и", "да", "д"}


def cmd_backup(cli: Cli, args: argparse.Namespace) -> int | None:
    """``backup list | now | restore NAME_OR_PATH [--yes]``. Restore: 3 when it needs --yes (no
    terminal to ask on), 1 when the answer was no, 2 when refused (FieldAppError)."""
    import sys

    from fieldapp import backups
    from fieldapp.numbers import format_bytes

    def when(backup: backups.Backup) -> str:
        return format_moment(backup.taken_at)

    def records(backup: backups.Backup) -> str:
        return "—" if backup.records is None else format_int(backup.records, cli.lang)

    if args.action == "list":
        found = backups.list_backups(cli.paths)
        if not found:
            cli.say("backups.cli.none")
            return None
        rows = [
            [
                b.name,
                when(b),
                cli.t(f"backups.kind.{b.kind.name.lower()}"),
                format_bytes(b.size, cli.lang),
                records(b),
            ]
            for b in found
        ]
        headers = [cli.t(f"backups.col.{c}") for c in ("name", "when", "kind", "size", "records")]
        print_table(headers, rows, right={3, 4})
        cli.say("backups.cli.folder", path=str(backups.backups_dir(cli.paths)), keep=backups.KEEP_DAILY)
        return None
    if args.action == "now":
        with cli.open_store() as store:
            made = backups.backup_now(store)
        cli.say(
            "backups.cli.made",
            path=str(made.path),
            size=format_bytes(made.size, cli.lang),
            records=records(made),
        )
        return None
    chosen = backups.describe(backups.find_backup(cli.paths, args.source))
    if not args.yes:
        if not sys.stdin.isatty():
            cli.say("backups.cli.needs_yes")
            return 3
        question = cli.t("backups.cli.confirm", name=chosen.name, when=when(chosen), records=records(chosen))
        try:
            answer = input(question)
        except EOFError:  # Ctrl+D: no
            answer = ""
        if answer.strip().lower() not in YES_ANSWERS:
            cli.say("backups.cli.cancelled")
            return 1
    done = backups.restore(cli.paths, chosen.path)
    cli.say("backups.cli.restored", name=chosen.name, when=when(chosen), records=done.records)
    if done.safety_copy is not None:
        cli.say("backups.cli.safety", name=done.safety_copy.name)
    cli.say("backups.cli.sync_note")
    return None


def cmd_diagnostics(cli: Cli, args: argparse.Namespace) -> int | None:
    """The diagnostics ZIP for IT staff: versions, logs, integrity, outbox, sync state; no secrets."""
    from fieldapp.diagnostics import default_name, write_diagnostics

    target: Path = args.out or Path.cwd() / default_name()
    if target.is_dir():
        target = target / default_name()
    written = write_diagnostics(cli.paths, target)
    cli.say("cli.diagnostics.written", path=str(written))
    return None
