"""The newest app release, as an admin publishes it: a version, a download address, a note.

``fieldapp-server release set`` (or an admin's ``PUT /api/v1/release``) adds a row to
``app_releases``; ``release clear`` adds a row with no version (withdrawn). The newest row is what
laptops are told, with their pull and on ``/version``; with no row at all, the settings'
``latest_app_version`` and ``download_url`` (their old way, kept as the default). Laptops only tell
the person: nothing is downloaded or installed by itself.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy import Connection, select

from fieldapp.updates import MAX_NOTES_LENGTH, MAX_URL_LENGTH, parse_version
from server import schema as t
from server.settings import ServerSettings
from sync.protocol import AppRelease

log = logging.getLogger(__name__)

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


class ReleaseError(ValueError):
    """A release that cannot be published, with the reason in plain words."""


def check_release(version: str, download_url: str, notes: str = "", *, production: bool) -> AppRelease:
    """The release to publish, in its normal form; :class:`ReleaseError` says what is wrong."""
    parsed = parse_version(version)
    if parsed is None:
        raise ReleaseError(
            f"{version.strip()!r} is not a version number: write it as 0.2.0 (or 0.2.0rc1 for a test build)"
        )
    url = download_url.strip()
    if not url:
        raise ReleaseError("the download address is missing (--url https://…)")
    if len(url) > MAX_URL_LENGTH or any(c.isspace() or ord(c) < 32 for c in url):
        raise ReleaseError(f"the download address is not a web address: {url[:100]!r}")
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        host, parts = None, None
    if parts is None or not host:
        raise ReleaseError(f"the download address is not a web address: {url[:100]!r}")
    scheme = parts.scheme.lower()
    if scheme != "https" and not (scheme == "http" and (host in LOCAL_HOSTS or not production)):
        raise ReleaseError(
            f"the download address must start with https:// (plain http only for 127.0.0.1 or "
            f"localhost, or on a development server): {url[:100]}"
        )
    text = " ".join(notes.split())  # one line: it is shown in a banner
    if len(text) > MAX_NOTES_LENGTH:
        raise ReleaseError(f"the notes are too long ({len(text)} characters; at most {MAX_NOTES_LENGTH})")
    return AppRelease(version=parsed.text, download_url=url, notes=text)


@dataclass(frozen=True)
class ReleaseState:
    release: AppRelease | None  # what laptops are told (None: no release)
    source: str  # published | withdrawn | settings | none
    published_at: datetime | None = None
    published_by: str = ""
    problem: str = ""  # why the settings' release is not used, if it is not


def release_state(conn: Connection, settings: ServerSettings) -> ReleaseState:
    r = t.app_releases.c
    row = conn.execute(
        select(r.version, r.download_url, r.notes, r.published_at, r.published_by)
        .order_by(r.id.desc())
        .limit(1)
    ).first()
    if row is not None:
        release = AppRelease(version=row.version, download_url=row.download_url, notes=row.notes)
        return ReleaseState(
            release if row.version else None,
            "published" if row.version else "withdrawn",
            row.published_at,
            row.published_by,
        )
    if not settings.latest_app_version:
        return ReleaseState(None, "none")
    try:
        production = settings.environment == "production"
        release = check_release(settings.latest_app_version, settings.download_url, production=production)
    except ReleaseError as exc:
        return ReleaseState(None, "none", problem=f"TAZA_SERVER_LATEST_APP_VERSION is not used: {exc}")
    return ReleaseState(release, "settings")


def current_release(conn: Connection, settings: ServerSettings) -> AppRelease | None:
    """The release laptops are told of now, if any."""
    return release_state(conn, settings).release


def publish(conn: Connection, release: AppRelease, by: str, now: datetime) -> None:
    conn.execute(
        t.app_releases.insert().values(
            version=release.version,
            download_url=release.download_url,
            notes=release.notes,
            published_at=now,
            published_by=by[:100],
        )
    )
    log.info("app release %s published by %s: %s", release.version, by, release.download_url)


def withdraw(conn: Connection, by: str, now: datetime) -> None:
    """No release any more (the settings' default no longer applies either)."""
    conn.execute(
        t.app_releases.insert().values(
            version="", download_url="", notes="", published_at=now, published_by=by[:100]
        )
    )
    log.info("app release withdrawn by %s", by)
