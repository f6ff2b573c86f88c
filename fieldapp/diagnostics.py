"""The diagnostics ZIP a user sends to IT staff: what is installed, what the data folder holds and
how sound it is, what waits to be sent, how the last syncs went, and the log files.

It never holds a token, a password, a bundle key or an enrolment code: the enrolment and the
coordinator's session are described (server, device, okrug, user, district, dates) without their
secrets, and every text on its way into the ZIP — the logs included — passes
:func:`fieldapp.logs.redact`, which also blanks out the secrets read from this folder wherever
they appear. Records are counted, not copied (their places and notes stay on the laptop).

It works on whatever the folder holds: no database, a damaged one, one written by a newer app, no
enrolment, a coordinator's laptop. Databases are opened read-only and never created or migrated;
what cannot be read is said in the file concerned. The ZIP is written atomically.
"""

from __future__ import annotations

import io
import json
import logging
import os
import platform
import shutil
import sqlite3
import sys
import zipfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlite_utils import Database

from fieldapp import __version__, district, logs, outbox, queries, schema
from fieldapp.atomic import write_atomic
from fieldapp.device import DeviceFileError, load_device
from fieldapp.i18n import FieldAppError, msg
from fieldapp.paths import DataPaths, absolute
from fieldapp.session import CoordinatorSession
from fieldapp.settings import load_settings

log = logging.getLogger(__name__)

# The sync state kept in each store's ``meta`` table by ``sync.engine`` and ``sync.district``
# (the same strings as their META_* constants; fieldapp does not import sync).
SYNC_META_KEYS = (
    "sync.last_success",
    "sync.last_attempt",
    "sync.last_error",
    "sync.cursor",
    "district.cursor",
)
REFERENCE_META_KEY = "reference"
LONG_META = 300
# Packages whose versions help to tell one installation from another (read from the installed
# metadata: nothing is imported).
PACKAGES = (
    "PySide6-Essentials",
    "requests",
    "pydantic",
    "sqlite-utils",
    "platformdirs",
    "pillow",
    "pillow-heif",
    "keyring",
)


class DiagnosticsError(FieldAppError):
    pass


def default_name(now: datetime | None = None) -> str:
    """``taza-diagnostics-20261120-0915.zip``"""
    return f"taza-diagnostics-{(now or datetime.now()):%Y%m%d-%H%M}.zip"


def write_diagnostics(paths: DataPaths, target_zip: Path, extra: Mapping[str, str] | None = None) -> Path:
    """Write the diagnostics ZIP of the data folder ``paths`` to ``target_zip`` and return it.
    ``extra``: more to name in ``versions.txt`` (the window adds Qt's version, the screen...).
    Raises :class:`DiagnosticsError` when the ZIP cannot be written there."""
    target_zip = Path(target_zip)
    secrets = known_secrets(paths)
    databases = [
        _inspect_database(paths.database, "village records"),
        _inspect_database(paths.district_database, "district copy"),
    ]
    texts: dict[str, str] = {
        "README.txt": _readme(),
        "versions.txt": _versions(extra or {}),
        "integrity.txt": _integrity(databases),
        "outbox.txt": _outbox(databases),
        "sync.json": _json(
            {db.name: {"error": db.error} if db.error else db.sync for db in databases if db.present}
        ),
        "settings.json": _settings(paths),
        "device.txt": _device(paths),
        "folder.txt": _folder(paths, target_zip),
    }
    logs.flush()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in texts.items():
            archive.writestr(name, logs.redact(text, secrets).encode("utf-8"))
        for path in logs.log_files(paths):
            archive.writestr(f"logs/{path.name}", logs.redact(_read_text(path), secrets).encode("utf-8"))
    try:
        write_atomic(target_zip, buffer.getvalue())
    except OSError as exc:
        raise DiagnosticsError(
            msg("diagnostics.cannot_write", path=str(target_zip), error=exc.strerror or str(exc))
        ) from exc
    log.info("diagnostics written to %s", target_zip)
    return target_zip


def known_secrets(paths: DataPaths) -> set[str]:
    """The secrets kept in this folder (the device's token and bundle key, the session's token),
    read loosely so that a damaged file's secrets are known too."""
    found: set[str] = set()
    for path, keys in ((paths.device, ("token", "bundle_key")), (paths.session, ("token",))):
        try:
            data = json.loads(path.read_bytes().decode("utf-8", errors="replace"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict):
            found |= {data[k] for k in keys if isinstance(data.get(k), str) and data[k]}
    return found


# -- the databases --------------------------------------------------------------------------------


@dataclass
class _DatabaseReport:
    name: str
    role: str
    path: Path
    present: bool = False
    schema: str = ""
    problems: list[str] | None = None  # None: could not be checked (see ``error``)
    error: str = ""
    outbox: list[str] | None = None
    sync: dict[str, Any] | None = None


@contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that can neither create the file nor write to it."""
    conn = sqlite3.connect(f"{absolute(path).as_uri()}?mode=ro", uri=True, timeout=10)
    with closing(conn):
        conn.execute("PRAGMA query_only = ON")
        yield conn


def _inspect_database(path: Path, role: str) -> _DatabaseReport:
    report = _DatabaseReport(path.name, role, path)
    if not path.is_file():
        return report
    report.present = True
    try:
        with _read_only(path) as conn:
            applied = [m.name for m in schema.migrations.applied(Database(conn, execute_plugins=False))]
            user_version = conn.execute("PRAGMA user_version").fetchone()[0]
            report.schema = _schema_text(applied, user_version)
            report.problems = _integrity_problems(conn)
            report.outbox = _outbox_lines(conn)
            report.sync = _sync_state(conn)
    except sqlite3.Error as exc:
        report.error = f"cannot be read: {exc}"
    return report


def _schema_text(applied: list[str], user_version: int) -> str:
    known = schema.known_migrations()
    unknown = [name for name in applied if name not in known]
    last = applied[-1] if applied else "(none)"
    text = f"{len(applied)} steps, the last {last} (user_version {user_version})"
    if unknown:
        text += f"; written by a newer app ({', '.join(unknown)} unknown here)"
    elif len(applied) < len(known):
        text += f"; {len(known) - len(applied)} steps behind this app (migrated when it opens)"
    return text


def _integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """What ``Store.integrity_check`` (``fieldapp check``) finds, on a read-only connection."""
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
    problems += [f"foreign key: {tuple(row)}" for row in conn.execute("PRAGMA foreign_key_check")]
    if {"actions", "totals_monthly"} <= _tables(conn):
        problems += [f"monthly totals differ from the records: {d}" for d in queries.totals_drift(conn)]
    return problems


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _outbox_lines(conn: sqlite3.Connection) -> list[str]:
    tables = _tables(conn)
    lines: list[str] = []
    if "outbox" in tables:
        depth = queries.outbox_depth(conn)
        lines += [
            f"records waiting to be sent: {depth.records}",
            f"records held for a person: {depth.held}",
            f"photos waiting to be sent: {depth.photos} ({depth.photo_bytes} bytes)",
        ]
        oldest = conn.execute("SELECT min(queued_at), max(attempts) FROM outbox").fetchone()
        if oldest[0]:
            lines.append(f"oldest waiting since: {oldest[0]} (most attempts: {oldest[1]})")
        for held in outbox.held_records(conn):
            lines.append(f"  held: {held.action_id} revision {held.revision}: {held.held} ({held.reason})")
    if "sync_batches" in tables:
        batch = outbox.pending_batch(conn)
        if batch is not None:
            lines.append(
                f"batch kept to be sent again: {batch.batch_id}, {batch.records} records, "
                f"{len(batch.body)} bytes, made {batch.created_at}"
            )
    if "review_queue" in tables:
        queued = district.queued_decisions(conn, None)
        waiting = sum(1 for q in queued if q.state == district.QUEUED)
        refused = sum(1 for q in queued if q.state == district.REFUSED)
        if queued:
            lines.append(f"review decisions waiting to go: {waiting} (refused by the server: {refused})")
    if "nil_reports" in tables:
        unsent = district.unsent_nil_reports(conn)
        if unsent:
            lines.append(f"«nothing done» reports waiting to go: {len(unsent)}")
    return lines


def _sync_state(conn: sqlite3.Connection) -> dict[str, Any]:
    """The sync keys of ``meta`` (None: never happened), then the other keys; long values (the
    reference data, the district's laptops) are summed up."""
    if "meta" not in _tables(conn):
        return {}
    rows = dict(conn.execute("SELECT key, value FROM meta ORDER BY key"))
    state: dict[str, Any] = {key: rows.pop(key, None) for key in SYNC_META_KEYS}
    reference = rows.pop(REFERENCE_META_KEY, None)
    if reference:
        try:
            state["reference_version"] = json.loads(reference).get("version")
        except (ValueError, AttributeError):
            state["reference_version"] = "unreadable"
    for key, value in rows.items():
        text = str(value)
        state[key] = text if len(text) <= LONG_META else f"({len(text)} characters)"
    return state


def _integrity(databases: list[_DatabaseReport]) -> str:
    out = []
    for db in databases:
        out.append(f"{db.name} ({db.role})")
        if not db.present:
            out.append(f"  not present ({db.path})")
        elif db.error:
            out.append(f"  integrity: {db.error}")
        else:
            out.append(f"  schema: {db.schema}")
            problems = db.problems or []
            out.append("  integrity: ok" if not problems else f"  integrity: {len(problems)} problems")
            out += [f"    {problem}" for problem in problems]
        out.append("")
    return "\n".join(out)


def _outbox(databases: list[_DatabaseReport]) -> str:
    out = []
    for db in databases:
        out.append(f"{db.name} ({db.role})")
        if not db.present:
            out.append("  not present")
        elif db.error:
            out.append(f"  {db.error}")
        else:
            out += [f"  {line}" for line in db.outbox or ["nothing waiting"]]
        out.append("")
    return "\n".join(out)


# -- the rest of the folder -----------------------------------------------------------------------


def _readme() -> str:
    return (
        "Taza Field diagnostics, for IT staff.\n"
        "\n"
        "versions.txt   the app, Python, the operating system, SQLite and the libraries\n"
        "integrity.txt  each database's schema and integrity check (as `fieldapp check`)\n"
        "outbox.txt     what waits to be sent\n"
        "sync.json      the last successful sync, the last attempt and the last error\n"
        "settings.json  the settings\n"
        "device.txt     the enrolment and the coordinator's session, without their secrets\n"
        "folder.txt     the data folder: sizes of the databases, photos, backups, logs\n"
        "logs/          the log files\n"
        "\n"
        "No token, password, bundle key or enrolment code is included. Records are counted, not copied.\n"
    )


def _package_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def _versions(extra: Mapping[str, str]) -> str:
    known = schema.known_migrations()
    lines = [
        f"Taza Field: {__version__}",
        f"Python: {platform.python_version()} ({platform.python_implementation()}, {sys.platform})",
        f"Frozen build: {'yes' if getattr(sys, 'frozen', False) else 'no'}",
        f"Operating system: {platform.platform()}",
        f"System: {platform.system()} {platform.release()} {platform.version()} ({platform.machine()})",
        f"SQLite: {sqlite3.sqlite_version}",
        f"Database schema of this app: {len(known)} steps, the last {known[-1]}",
    ]
    for name in PACKAGES:
        found = _package_version(name)
        if found:
            lines.append(f"{name}: {found}")
    lines += [f"{name}: {value}" for name, value in extra.items()]
    now = datetime.now().astimezone()
    lines.append(f"Written: {now.isoformat(timespec='seconds')}")
    return "\n".join(lines) + "\n"


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def _settings(paths: DataPaths) -> str:
    if not paths.settings.exists():
        defaults = load_settings(paths.settings).model_dump(mode="json")
        return _json({"_file": "not present: the defaults", **defaults})
    try:
        settings = load_settings(paths.settings)
    except FieldAppError as exc:
        return _json({"error": exc.text("en")})
    return _json(settings.model_dump(mode="json"))


def _device(paths: DataPaths) -> str:
    out = ["Enrolment (device.json)"]
    try:
        device = load_device(paths.device)
    except DeviceFileError as exc:
        out.append(f"  {exc.text('en')}")
    else:
        if device is None:
            out.append("  not enrolled")
        else:
            out += [
                f"  server: {device.server_url}",
                f"  device id: {device.device_id}",
                f"  device name: {device.device_name}",
                f"  okrug: {device.okrug}",
                f"  enrolled at: {device.enrolled_at.isoformat()}",
                "  (its token and bundle key are kept on this laptop and not included)",
            ]
    out += ["", "Coordinator session (session.json)", *_session_lines(paths.session), ""]
    return "\n".join(out)


def _session_lines(path: Path) -> list[str]:
    """Read without the keyring (it may ask to be unlocked, and its token is not wanted here)."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
        session = CoordinatorSession.model_validate(data)
    except FileNotFoundError:
        return ["  not logged in here"]
    except (OSError, ValueError, ValidationError):
        return [f"  damaged or unreadable: {path}"]
    where = "OS keyring" if isinstance(data, dict) and data.get("token_in") == "keyring" else "session file"
    return [
        f"  server: {session.server_url}",
        f"  user: {session.username} ({session.role})",
        f"  district: {session.district}",
        f"  expires at: {session.expires_at.isoformat()}{' (expired)' if session.expired else ''}",
        f"  (its token is kept in the {where} and not included)",
    ]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _files(folder: Path, skip: Callable[[Path], bool] = lambda _: False) -> tuple[int, int]:
    count = total = 0
    for root, _, names in os.walk(folder):
        for name in names:
            path = Path(root) / name
            if not skip(path):
                count += 1
                total += _size(path)
    return count, total


def _folder(paths: DataPaths, target_zip: Path) -> str:
    out = [f"Data folder: {paths.root}" + ("" if paths.root.is_dir() else " (not present)")]
    for database in (paths.database, paths.district_database):
        if database.exists():
            wal = database.with_name(database.name + "-wal")
            out.append(f"{database.name}: {_size(database)} bytes (write-ahead log {_size(wal)} bytes)")
        else:
            out.append(f"{database.name}: not present")
    folders = {
        "photos": paths.photos,
        "backups": paths.root / "backups",
        "bundles": paths.bundles,
        "logs": paths.logs,
    }
    this_zip = os.path.abspath(target_zip)
    for label, folder in folders.items():
        if folder.is_dir():
            count, total = _files(folder, lambda p: os.path.abspath(p) == this_zip)
            out.append(f"{label}/: {count} files, {total} bytes")
        else:
            out.append(f"{label}/: not present")
    for name, path in (("settings.json", paths.settings), ("device.json", paths.device)):
        out.append(f"{name}: {'present' if path.exists() else 'not present'}")
    out.append(f"session.json: {'present' if paths.session.exists() else 'not present'}")
    try:
        usage = shutil.disk_usage(paths.root if paths.root.is_dir() else paths.root.anchor or "/")
        out.append(f"Free space on the disk: {usage.free} bytes of {usage.total}")
    except OSError as exc:
        out.append(f"Free space on the disk: unknown ({exc})")
    return "\n".join(out) + "\n"


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        return f"(cannot be read: {exc})\n"
