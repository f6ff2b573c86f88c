"""Reading requirements.lock: which exact versions this platform installs, and whether the
environment holds them. Used by build.spec (it refuses to freeze any other set) and the tests."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"


def pins(lock: Path = LOCK, *, all_platforms: bool = False) -> dict[str, str]:
    """Package name (canonical) → the locked version, for this platform unless ``all_platforms``."""
    found: dict[str, str] = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in " #-":
            continue
        pin, _, marker = line.rstrip(" \\").partition(";")
        name, _, wanted = pin.strip().partition("==")
        if not wanted:
            raise ValueError(f"{lock.name}: not an exact pin: {line!r}")
        if all_platforms or not marker.strip() or Marker(marker.strip()).evaluate():
            found[canonicalize_name(name)] = wanted
    return found


def differences(lock: Path = LOCK) -> list[str]:
    """What this environment holds that differs from the lock, one line each (empty: it matches)."""
    wrong = []
    for name, wanted in sorted(pins(lock).items()):
        try:
            have = version(name)
        except PackageNotFoundError:
            have = "not installed"
        if have != wanted:
            wrong.append(f"{name} {have} (locked: {wanted})")
    return wrong
