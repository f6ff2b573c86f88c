"""Telling the user that a newer version of the app exists — never installing anything.

The server publishes the newest release (``fieldapp-server release set``): its version, the address
to download it from and a short note. Sync brings it along with the pull and keeps it in the
store's meta (``sync.engine``, ``sync.district``); the window and ``fieldapp status`` say so while
this app is older. A person (or IT staff) installs it: the app at most opens the address in the
browser when asked.

Versions are compared as PEP 440 orders them (``0.10.0`` is newer than ``0.9.1``; ``0.2.0rc1``
comes before ``0.2.0``); text that is not a version is never newer than anything.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from fieldapp.store import Store

META_RELEASE = "app.release"  # the newest release the server told of (JSON), absent when none
META_DISMISSED = "app.release.dismissed"  # the version whose notice the person closed

MAX_VERSION_LENGTH = 40
MAX_URL_LENGTH = 2000
MAX_NOTES_LENGTH = 500

_VERSION = re.compile(
    r"""
    v?
    (?P<release>[0-9]+(?:\.[0-9]+)*)
    (?:[-_.]?(?P<pre_l>alpha|beta|preview|pre|rc|a|b|c)[-_.]?(?P<pre_n>[0-9]+)?)?
    (?:-(?P<post_n1>[0-9]+)|[-_.]?(?P<post_l>post|rev|r)[-_.]?(?P<post_n2>[0-9]+)?)?
    (?:[-_.]?(?P<dev_l>dev)[-_.]?(?P<dev_n>[0-9]+)?)?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_PRE = {"a": "a", "alpha": "a", "b": "b", "beta": "b", "c": "rc", "rc": "rc", "pre": "rc", "preview": "rc"}
_PRE_RANK = {"a": 0, "b": 1, "rc": 2}
_FINAL = 3  # after every pre-release
_DEV_ONLY = -1  # 1.0.dev1 comes before 1.0a1


@dataclass(frozen=True)
class Version:
    """A PEP 440 public version (no epoch, no local part), comparable by ``key``."""

    text: str  # the normal form: 0.2.0, 0.2.0rc1, 0.2.0.post1, 0.2.0.dev3
    key: tuple[object, ...]


def parse_version(text: str) -> Version | None:
    """The version ``text`` names, or None when it is not one."""
    if not isinstance(text, str) or len(text.strip()) > MAX_VERSION_LENGTH:
        return None
    found = _VERSION.fullmatch(text.strip())
    if found is None:
        return None
    numbers = tuple(int(n) for n in found["release"].split("."))
    trimmed = numbers
    while len(trimmed) > 1 and trimmed[-1] == 0:
        trimmed = trimmed[:-1]
    pre = (_PRE[found["pre_l"].lower()], int(found["pre_n"] or 0)) if found["pre_l"] else None
    post_text = found["post_n1"] or found["post_n2"]
    post = int(post_text or 0) if (found["post_n1"] or found["post_l"]) else None
    dev = int(found["dev_n"] or 0) if found["dev_l"] else None
    normal = ".".join(str(n) for n in numbers)
    if pre is not None:
        normal += f"{pre[0]}{pre[1]}"
    if post is not None:
        normal += f".post{post}"
    if dev is not None:
        normal += f".dev{dev}"
    if pre is not None:
        pre_key: tuple[int, int] = (_PRE_RANK[pre[0]], pre[1])
    elif dev is not None and post is None:
        pre_key = (_DEV_ONLY, 0)
    else:
        pre_key = (_FINAL, 0)
    post_key = -1 if post is None else post
    dev_key = (1, 0) if dev is None else (0, dev)  # a dev release before the one it leads to
    return Version(normal, (trimmed, pre_key, post_key, dev_key))


def newer_available(current: str, latest: str) -> bool:
    """Whether ``latest`` is a newer version than ``current``; False when either is not a version."""
    mine, theirs = parse_version(current), parse_version(latest)
    if mine is None or theirs is None:
        return False
    return theirs.key > mine.key


def download_link(url: str) -> str:
    """``url`` if a browser may be sent there (http or https, with a host), else ""."""
    if not isinstance(url, str) or len(url) > MAX_URL_LENGTH or any(c.isspace() for c in url):
        return ""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return ""
    return url if parts.scheme.lower() in ("http", "https") and host else ""


def release_tag(version: str, download_url: str = "", notes: str = "") -> str:
    """A short tag of a release, the same on both sides: a laptop sends the tag of the one it
    knows with its pull, and the server sends the release only when its own differs. "" for none."""
    if not version:
        return ""
    text = json.dumps([version, download_url, notes], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Release:
    """The newest release the server published."""

    version: str
    download_url: str = ""
    notes: str = ""

    @property
    def tag(self) -> str:
        return release_tag(self.version, self.download_url, self.notes)

    @property
    def link(self) -> str:
        """The download address if a browser may be sent there, else ""."""
        return download_link(self.download_url)

    def to_json(self) -> str:
        return json.dumps(
            {"version": self.version, "download_url": self.download_url, "notes": self.notes},
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str | None) -> Release | None:
        """The release kept in the meta, or None (also for anything unreadable: no notice then)."""
        if not text:
            return None
        try:
            data = json.loads(text)
            release = cls(str(data["version"]), str(data.get("download_url", "")), str(data.get("notes", "")))
        except (ValueError, TypeError, KeyError):
            return None
        return release if release.version else None


# -- what the store keeps --------------------------------------------------------------------------


def stored_release(store: Store) -> Release | None:
    """The newest release the server told this laptop of, if any."""
    return Release.from_json(store.get_meta(META_RELEASE))


def remember_release(store: Store, release: Release | None) -> bool:
    """Keep what the server said (None or an empty version: no release published). True if it changed."""
    if release is not None and not release.version:
        release = None
    if release == stored_release(store):
        return False
    if release is None:
        store.delete_meta(META_RELEASE)
    else:
        store.set_meta(META_RELEASE, release.to_json())
    return True


def pending_notice(store: Store, current: str | None = None) -> Release | None:
    """The release to tell the person about: newer than ``current`` (this app) and not dismissed."""
    release = stored_release(store)
    if release is None or not newer_available(current or _app_version(), release.version):
        return None
    if store.get_meta(META_DISMISSED) == release.version:
        return None
    return release


def dismiss(store: Store, release: Release) -> None:
    """The person closed the notice of ``release``: not shown again until a newer one comes."""
    store.set_meta(META_DISMISSED, release.version)


def _app_version() -> str:
    from fieldapp import __version__

    return __version__
