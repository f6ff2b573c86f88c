"""``fieldapp-server``: set up, run and administer the central server.

    fieldapp-server init                          create or upgrade the database, load KATO and reference data
    fieldapp-server serve                         run the HTTP API (uvicorn)
    fieldapp-server device enrol --okrug CODE     a one-time code and a provisioning file for a laptop
    fieldapp-server device list [--okrug CODE]    laptops, when they were last seen, what waits on them
    fieldapp-server device revoke DEVICE_ID       the laptop's token stops working at once
    fieldapp-server user add NAME --role coordinator --district CODE
    fieldapp-server user add NAME --role region --region CODE
    fieldapp-server user add NAME --role national
    fieldapp-server user disable NAME
    fieldapp-server report totals --start DAY --end DAY [--group-by …] [--out FILE|FOLDER]
    fieldapp-server report completeness [--year YEAR] [--district CODE] [--out FILE|FOLDER]
    fieldapp-server import-bundle FILE            records and photos a village brought on a USB stick
    fieldapp-server reference publish FILE.json   new campaigns and waste fractions for every laptop
    fieldapp-server reference show                the version laptops get now
    fieldapp-server release set --version V --url URL [--notes TEXT]   tell the apps a newer version exists
    fieldapp-server release show                  the release the apps are told of now
    fieldapp-server release clear                 withdraw it: the apps are told of none

Configuration comes from ``TAZA_SERVER_*`` environment variables or a ``.env`` file (see
``server/settings.py``); ``--database-url`` overrides the database for one command.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import Connection, Engine, func, select, update

from fieldapp import __version__
from fieldapp.kato import Level, default_kato
from fieldapp.logs import utf8_output
from fieldapp.reference import default_reference
from server import accounts, clock
from server import schema as t
from server.db import (
    SchemaTooNew,
    current_revision,
    head_revision,
    is_known_revision,
    make_engine,
    upgrade,
)
from server.settings import ServerSettings
from server.signoff_cli import SignoffCliError, add_signoff_parser, run_signoff
from sync.protocol import Provisioning, Role

log = logging.getLogger("fieldapp-server")


class CliError(Exception):
    pass


def load_settings(database_url: str | None) -> ServerSettings:
    try:
        settings = ServerSettings()
    except ValidationError as exc:
        raise CliError(f"configuration: {exc.errors()[0]['msg']}") from None
    if database_url:
        settings = settings.model_copy(update={"database_url": database_url})
    clock.clock.set(settings.now)
    return settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldapp-server", description="The Taza Field central server.")
    parser.add_argument("--version", action="version", version=f"Taza Field server {__version__}")
    parser.add_argument("--database-url", help="SQLAlchemy URL (overrides TAZA_SERVER_DATABASE_URL)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("init", help="create or upgrade the database and load the reference data")
    serve = sub.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--host", help="interface (default from settings)")
    serve.add_argument("--port", type=int, help="port (default from settings)")

    device = sub.add_parser("device", help="laptops").add_subparsers(dest="action", required=True)
    enrol = device.add_parser("enrol", help="a one-time enrolment code for a laptop of an okrug")
    enrol.add_argument("--okrug", required=True, help="KATO code of the rural okrug")
    enrol.add_argument("--out", type=Path, help="where to write the provisioning file")
    listing = device.add_parser("list", help="the enrolled laptops")
    listing.add_argument("--okrug", help="only this okrug")
    revoke = device.add_parser("revoke", help="stop a laptop's token working")
    revoke.add_argument("device_id")

    user = sub.add_parser("user", help="coordinators, region and national users, admins").add_subparsers(
        dest="action", required=True
    )
    add = user.add_parser("add", help="a new user (asks for the password)")
    add.add_argument("username")
    add.add_argument("--role", choices=["coordinator", "region", "national", "admin"], required=True)
    add.add_argument("--district", help="KATO code of a coordinator's district")
    add.add_argument("--region", help="KATO code of a region user's oblast")
    add.add_argument("--password-env", help="read the password from this environment variable instead")
    disable = user.add_parser("disable", help="a user who may no longer log in")
    disable.add_argument("username")
    add_report_parser(sub)
    add_signoff_parser(sub)
    reference = sub.add_parser("reference", help="campaigns and waste fractions").add_subparsers(
        dest="action", required=True
    )
    publish = reference.add_parser("publish", help="publish a new version (laptops get it when they sync)")
    publish.add_argument("file", type=Path, help="reference data as JSON (see resources/reference.json)")
    reference.add_parser("show", help="the version published now")
    release = sub.add_parser("release", help="the app version the laptops are told about").add_subparsers(
        dest="action", required=True
    )
    release_set = release.add_parser(
        "set", help="publish the newest app version and where to download it (apps only tell their users)"
    )
    release_set.add_argument("--version", required=True, help="the version, e.g. 0.2.0")
    release_set.add_argument("--url", required=True, help="the https address of the installer or its page")
    release_set.add_argument("--notes", default="", help="one line for the users (what changed)")
    release.add_parser("show", help="the release the apps are told of now")
    release.add_parser("clear", help="withdraw it: the apps are told of none")
    bundle = sub.add_parser("import-bundle", help="a USB bundle from a village laptop (checked whole first)")
    bundle.add_argument("file", type=Path, help="the .tazabundle file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    utf8_output()  # names of places and people are printed in Kazakh and Russian
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s"
    )
    try:
        settings = load_settings(args.database_url)
        handler = {
            "init": cmd_init,
            "serve": cmd_serve,
            "device": cmd_device,
            "user": cmd_user,
            "report": cmd_report,
            "reference": cmd_reference,
            "release": cmd_release,
            "import-bundle": cmd_import_bundle,
            "signoff": cmd_signoff,
        }[args.command]
        return handler(settings, args) or 0
    except (CliError, SchemaTooNew) as exc:
        print(f"fieldapp-server: {exc}", file=sys.stderr)
        return 2


# -- init and serve ----------------------------------------------------------------------------------


def cmd_init(settings: ServerSettings, args: argparse.Namespace) -> int:
    engine = make_engine(settings.database_url)
    try:
        before = current_revision(engine)
        upgrade(engine)
        with engine.begin() as conn:
            places = (
                load_places(conn)
                if not conn.execute(select(func.count()).select_from(t.places)).scalar()
                else 0
            )
            if conn.execute(select(func.count()).select_from(t.reference_data)).scalar() == 0:
                reference = default_reference()
                conn.execute(
                    t.reference_data.insert().values(
                        version=reference.version,
                        body=reference.model_dump_json(),
                        published_at=clock.now(),
                    )
                )
        settings.photo_dir.mkdir(parents=True, exist_ok=True)
    finally:
        engine.dispose()
    print(
        f"database: {engine.url.render_as_string(hide_password=True)} at schema {head_revision()}"
        f" (was {before or 'empty'})"
    )
    if places:
        print(f"loaded {places:,} KATO places")
    print(f"photos: {settings.photo_dir.resolve()}")
    return 0


def load_places(conn: Connection) -> int:
    kato = default_kato()
    rows = [
        {
            "code": p.code,
            "parent_code": p.parent_code,
            "level": p.level.value,
            "name_kk": p.name_kk,
            "name_ru": p.name_ru,
        }
        for p in (kato[code] for code in sorted(kato._places))
    ]
    for start in range(0, len(rows), 2000):
        conn.execute(t.places.insert(), rows[start : start + 2000])
    return len(rows)


def ready_engine(settings: ServerSettings) -> Engine:
    engine = make_engine(settings.database_url)
    current = current_revision(engine)
    if current != head_revision():
        engine.dispose()
        if current is not None and not is_known_revision(current):
            raise SchemaTooNew(
                f"the database is at schema {current}, which this server does not know: "
                "it was upgraded by a newer server; install that version"
            )
        raise CliError(
            f"the database is at schema {current or 'nothing'}, this server needs {head_revision()}: "
            "run `fieldapp-server init` first"
        )
    return engine


def cmd_serve(settings: ServerSettings, args: argparse.Namespace) -> int:
    import uvicorn

    level = "info" if args.verbose else settings.log_level
    logging.getLogger().setLevel(level.upper())
    engine = ready_engine(settings)
    shown = engine.url.render_as_string(hide_password=True)
    engine.dispose()
    workers = settings.workers if not settings.is_sqlite else 1  # SQLite has one writer anyway
    host, port = args.host or settings.host, args.port or settings.port
    print(f"Taza Field server on http://{host}:{port} ({workers} worker{'s' if workers > 1 else ''})")
    print(f"database: {shown}; photos: {settings.photo_dir.resolve()}")
    print(f"laptops are told to use {settings.public_url}; API documentation at /docs; Ctrl+C stops it")
    sys.stdout.flush()
    os.environ["TAZA_SERVER_DATABASE_URL"] = settings.database_url
    uvicorn.run(
        "server.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=level,
        proxy_headers=True,
    )
    return 0


# -- devices -----------------------------------------------------------------------------------------


def cmd_device(settings: ServerSettings, args: argparse.Namespace) -> int:
    engine = ready_engine(settings)
    try:
        if args.action == "enrol":
            return device_enrol(settings, engine, args.okrug, args.out)
        if args.action == "list":
            return device_list(engine, args.okrug)
        with engine.begin() as conn:
            if not accounts.revoke_device(conn, args.device_id):
                raise CliError(f"no active device {args.device_id}")
        print(f"revoked {args.device_id}: its token no longer works")
        return 0
    finally:
        engine.dispose()


def device_enrol(settings: ServerSettings, engine: Engine, okrug: str, out: Path | None) -> int:
    place = default_kato().get(okrug)
    if place is None or place.level is not Level.OKRUG:
        raise CliError(f"{okrug} is not a rural okrug in KATO")
    with engine.begin() as conn:
        code, expires = accounts.create_enrolment(conn, okrug, settings.enrolment_days)
    provisioning = Provisioning(
        server_url=settings.public_url, okrug=okrug, code=code, expires_at=expires
    ).sealed()
    target = out or Path(f"taza-field-{okrug}.provision.json")
    target.write_text(
        json.dumps(provisioning.model_dump(mode="json"), ensure_ascii=False, indent=2), encoding="utf-8"
    )
    print(f"enrolment code for {place.name_kk} / {place.name_ru}: {code}")
    print(f"valid until {expires:%Y-%m-%d %H:%M} UTC; provisioning file: {target}")
    return 0


def device_list(engine: Engine, okrug: str | None) -> int:
    query = select(t.devices).order_by(t.devices.c.okrug, t.devices.c.name)
    if okrug:
        query = query.where(t.devices.c.okrug == okrug)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    if not rows:
        print("no devices")
        return 0
    print(f"{'device id':36}  {'okrug':9}  {'name':20}  {'last seen':16}  {'app':8}  waiting  state")
    for r in rows:
        seen = f"{r.last_seen:%Y-%m-%d %H:%M}" if r.last_seen else "never"
        state = "revoked" if r.revoked_at else "active"
        name, app = r.name[:20], r.app_version[:8]
        print(f"{r.id:36}  {r.okrug:9}  {name:20}  {seen:16}  {app:8}  {r.waiting:7}  {state}")
    return 0


# -- users ---------------------------------------------------------------------------------------------


def cmd_user(settings: ServerSettings, args: argparse.Namespace) -> int:
    engine = ready_engine(settings)
    try:
        if args.action == "add":
            role = Role(args.role)
            if role is Role.COORDINATOR:
                district = default_kato().get(args.district or "")
                if district is None or district.level is not Level.DISTRICT:
                    raise CliError("a coordinator needs --district with the KATO code of a district")
            if role is Role.REGION:
                region = default_kato().get(args.region or "")
                if region is None or region.level is not Level.REGION:
                    raise CliError("a region user needs --region with the KATO code of a region")
            if args.district and role is not Role.COORDINATOR:
                raise CliError("--district is only for a coordinator")
            if args.region and role is not Role.REGION:
                raise CliError("--region is only for a region user")
            password = (
                os.environ.get(args.password_env, "") if args.password_env else getpass.getpass("password: ")
            )
            if len(password) < 10:
                raise CliError("the password must have at least 10 characters")
            with engine.begin() as conn:
                if conn.execute(select(t.users.c.id).where(t.users.c.username == args.username)).first():
                    raise CliError(f"a user {args.username} already exists")
                accounts.create_user(conn, args.username, password, role, args.district, args.region)
            area = args.district or args.region
            print(f"user {args.username} ({role.value}{' of ' + area if area else ''}) added")
            return 0
        with engine.begin() as conn:
            done = conn.execute(
                update(t.users).where(t.users.c.username == args.username).values(disabled=True)
            )
            conn.execute(
                update(t.tokens)
                .where(
                    t.tokens.c.subject_id.in_(select(t.users.c.id).where(t.users.c.username == args.username))
                )
                .values(revoked_at=clock.now())
            )
        if not done.rowcount:
            raise CliError(f"no user {args.username}")
        print(f"user {args.username} disabled; their sessions ended")
        return 0
    finally:
        engine.dispose()


# -- the month sign-off chain --------------------------------------------------------------------------


def cmd_signoff(settings: ServerSettings, args: argparse.Namespace) -> int:
    engine = ready_engine(settings)
    try:
        return run_signoff(args, engine)
    except SignoffCliError as exc:
        raise CliError(str(exc)) from None
    finally:
        engine.dispose()


# -- reports -------------------------------------------------------------------------------------------


def add_report_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    kinds = sub.add_parser("report", help="consolidated reports as CSV or XLSX files").add_subparsers(
        dest="action", required=True
    )
    totals = kinds.add_parser("totals", help="actions, participants, tonnes, hectares and trees of a period")
    totals.add_argument("--start", required=True, type=_iso_day, help="first day of the period, YYYY-MM-DD")
    totals.add_argument("--end", required=True, type=_iso_day, help="the day after the period, YYYY-MM-DD")
    totals.add_argument(
        "--group-by", default="", help="comma-separated: region,district,okrug,settlement,campaign,month"
    )
    totals.add_argument("--accepted-only", action="store_true", help="count only accepted records")
    completeness = kinds.add_parser("completeness", help="which okrugs reported, month by month")
    completeness.add_argument("--year", type=int, help="default: this year")
    for parser in (totals, completeness):
        parser.add_argument("--district", help="KATO code of a district (default: all)")
        parser.add_argument("--region", help="KATO code of a region (default: all)")
        parser.add_argument(
            "--format", choices=["csv", "xlsx"], help="default: from the --out file name, else xlsx"
        )
        parser.add_argument(
            "--out",
            type=Path,
            default=Path("."),
            help="the file to write, or a folder (default: this one) to write it in under the area's "
            "name and the period, e.g. Талгар-2026-03.xlsx",
        )
        parser.add_argument(
            "--lang", choices=["kk", "ru", "en"], default="ru", help="language of the headers"
        )


def _iso_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def cmd_report(settings: ServerSettings, args: argparse.Namespace) -> int:
    from server import reports
    from server.pull import newest_reference
    from sync import report_files as export  # openpyxl is loaded only to make a report

    kato = default_kato()
    engine = ready_engine(settings)
    try:
        scope = reports.check_scope(kato, args.district, args.region)
        out: Path = args.out
        folder = out.is_dir() or not out.suffix
        fmt = (args.format or "xlsx") if folder else export.format_for(out, args.format)
        with engine.connect() as conn:
            reference = newest_reference(conn, default_reference())
        with engine.connect() as conn:  # a fresh one: a report reads in one snapshot
            if args.action == "totals":
                groups = reports.parse_groups(args.group_by)
                query = reports.TotalsQuery(args.start, args.end, groups, scope, args.accepted_only)
                response = reports.totals(conn, query, kato, reference)
                sheet = export.totals_sheet(
                    response,
                    kato,
                    reference,
                    area=scope.district or scope.region,
                    accepted_only=args.accepted_only,
                    lang=args.lang,
                )
            else:
                today = reports.today_in_kazakhstan()
                found = reports.completeness(conn, args.year or today.year, scope, kato, today)
                sheet = export.completeness_sheet(
                    found,
                    kato,
                    area=scope.district or scope.region,
                    several=scope.district is None,
                    lang=args.lang,
                )
        if folder:
            place = kato.get(scope.district or scope.region or "")
            if args.action == "totals":
                start, end = args.start, args.end
            else:
                start, end = date(found.year, 1, 1), date(found.year + 1, 1, 1)
            what = "" if args.action == "totals" else sheet.name
            out.mkdir(parents=True, exist_ok=True)
            out = out / export.file_name(place, start, end, fmt, args.lang, what)
        export.write(sheet, out, fmt)
    except (reports.ReportError, export.ExportError) as exc:
        raise CliError(str(exc)) from None
    finally:
        engine.dispose()
    count = len(sheet.rows)
    print(f"wrote {out} ({count} row{'' if count == 1 else 's'})")
    return 0


# -- reference data ------------------------------------------------------------------------------------


def cmd_reference(settings: ServerSettings, args: argparse.Namespace) -> int:
    from fieldapp.i18n import FieldAppError
    from fieldapp.reference import ReferenceData
    from server.pull import newest_reference

    engine = ready_engine(settings)
    try:
        with engine.begin() as conn:
            current = newest_reference(conn, default_reference())
            if args.action == "show":
                print(
                    f"reference data version {current.version}: {len(current.campaigns)} campaigns, "
                    f"{len(current.fractions)} waste fractions"
                )
                return 0
            try:
                text = args.file.read_bytes()
            except OSError as exc:
                raise CliError(f"{args.file}: {exc.strerror}") from None
            try:
                update = ReferenceData.from_json(text, previous=current)
            except FieldAppError as exc:
                raise CliError(f"{args.file}: {exc.text('en')}") from None
            if update.version <= current.version:
                raise CliError(
                    f"{args.file}: version {update.version} is not newer than the published {current.version}"
                )
            conn.execute(
                t.reference_data.insert().values(
                    version=update.version, body=update.model_dump_json(), published_at=clock.now()
                )
            )
    finally:
        engine.dispose()
    print(f"published reference data version {update.version}; laptops get it when they next sync")
    return 0


# -- the app release -----------------------------------------------------------------------------------


def cmd_release(settings: ServerSettings, args: argparse.Namespace) -> int:
    from server import releases

    release = None
    if args.action == "set":  # checked before the database is opened: nothing changes if it is wrong
        try:
            release = releases.check_release(
                args.version, args.url, args.notes, production=settings.environment == "production"
            )
        except releases.ReleaseError as exc:
            raise CliError(f"release not published: {exc}") from None
    engine = ready_engine(settings)
    try:
        with engine.begin() as conn:
            if release is not None:
                releases.publish(conn, release, f"command line ({_os_user()})", clock.now())
            elif args.action == "clear":
                releases.withdraw(conn, f"command line ({_os_user()})", clock.now())
            state = releases.release_state(conn, settings)
    finally:
        engine.dispose()
    if args.action == "set":
        print(f"published Taza Field {state.release.version if state.release else '?'}: {args.url.strip()}")
        print("the apps tell their users when they next sync; nothing is installed by itself")
        return 0
    if args.action == "clear":
        print("release withdrawn: the apps are told of no newer version")
        return 0
    current = state.release
    if state.source == "published" and current is not None and state.published_at is not None:
        when = f"{state.published_at:%Y-%m-%d %H:%M} UTC"
        print(f"Taza Field {current.version}, published {when} by {state.published_by}")
    elif state.source == "settings" and current is not None:
        print(f"Taza Field {current.version}, from the settings (TAZA_SERVER_LATEST_APP_VERSION)")
    elif state.source == "withdrawn" and state.published_at is not None:
        print(f"no release: withdrawn {state.published_at:%Y-%m-%d %H:%M} UTC by {state.published_by}")
    else:
        print("no release published")
    if current is not None:
        print(f"download: {current.download_url or '(no address)'}")
        if current.notes:
            print(f"notes: {current.notes}")
    if state.problem:
        print(state.problem)
    return 0


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password database
        return "unknown user"


# -- USB bundles ---------------------------------------------------------------------------------------


def cmd_import_bundle(settings: ServerSettings, args: argparse.Namespace) -> int:
    from fieldapp.i18n import FieldAppError
    from server.bundles import import_bundle
    from server.photos import PhotoStore

    if not args.file.is_file():
        raise CliError(f"{args.file}: no such file")
    engine = ready_engine(settings)
    try:
        summary = import_bundle(
            engine,
            args.file,
            kato=default_kato(),
            photo_store=PhotoStore(settings.photo_dir),
            max_chunk_bytes=settings.max_chunk_bytes,
            clock_skew_days=settings.clock_skew_days,
        )
    except FieldAppError as exc:
        raise CliError(f"{args.file} refused, nothing imported: {exc.text('en')}") from None
    finally:
        engine.dispose()
    okrug = default_kato().get(summary.okrug)
    outcomes = ", ".join(f"{count} {outcome}" for outcome, count in sorted(summary.outcomes.items()))
    print(f"imported {args.file} from {okrug.name_ru if okrug else summary.okrug} ({summary.device_id})")
    print(f"records: {outcomes or 'none'}")
    print(f"photos: {summary.photos_stored} stored, {summary.photos_had} the server had already")
    return 0


if __name__ == "__main__":
    sys.exit(main())
