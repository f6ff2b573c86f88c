"""Where the app keeps its data.

In order: an explicit ``--data-dir``, the ``TAZA_FIELD_DATA_DIR`` environment variable, the
``data`` folder beside the program when a ``portable.txt`` marker file sits next to it (laptops
that carry the app on a USB stick), then the per-user data folder of the OS
(``%LOCALAPPDATA%\\TazaField`` on Windows, ``~/.local/share/TazaField`` on Linux).

The program's own folder is also where IT staff may leave a provisioning file
(``*.provision.json``) for the first start to pick up.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_DIR_NAME = "TazaField"
DATABASE_NAME = "taza-field.sqlite"


PORTABLE_MARKER = "portable.txt"
PORTABLE_DATA = "data"
PROVISIONING_PATTERN = "*.provision.json"


def install_dir() -> Path:
    """The folder of the program: the frozen executable's, else the ``fieldapp`` script's.
    ``TAZA_FIELD_INSTALL_DIR`` overrides it (tests, unusual installs)."""
    env = os.environ.get("TAZA_FIELD_INSTALL_DIR")
    if env:
        return absolute(env)
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(sys.argv[0] or ".").resolve().parent


def portable_data_dir() -> Path | None:
    """``data`` beside the program when the portable marker is there, else None."""
    folder = install_dir()
    return folder / PORTABLE_DATA if (folder / PORTABLE_MARKER).is_file() else None


# Windows' own limit for a path (MAX_PATH, 260 with the drive and the final NUL), unless long
# paths are switched on for the machine.
WINDOWS_MAX_PATH = 259


def absolute(path: Path | str) -> Path:
    """``path`` made absolute, links resolved where the OS can: asking Windows for the final
    name of a path longer than ``MAX_PATH`` fails (WinError 234 under Wine), and then the plain
    absolute path will do: the folder may not even exist yet."""
    path = Path(path).expanduser()
    try:
        return path.resolve()
    except OSError:
        return Path(os.path.abspath(path))


def too_long_for_windows(path: object) -> bool:
    """Whether ``path`` (an OSError's filename: maybe None, maybe a descriptor) is over MAX_PATH."""
    if sys.platform != "win32" or not isinstance(path, str | os.PathLike):
        return False
    return len(os.fspath(path)) > WINDOWS_MAX_PATH


def data_dir(override: Path | str | None = None) -> Path:
    if override:
        return absolute(override)
    env = os.environ.get("TAZA_FIELD_DATA_DIR")
    if env:
        return absolute(env)
    portable = portable_data_dir()
    if portable is not None:
        return portable
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))


def provisioning_files(data_root: Path | None = None) -> list[Path]:
    """Provisioning files left for this laptop beside the program (or in its data folder),
    newest first."""
    found: dict[Path, float] = {}
    for folder in (install_dir(), data_root):
        if folder is None or not folder.is_dir():
            continue
        for path in folder.glob(PROVISIONING_PATTERN):
            try:
                if path.is_file():
                    found[absolute(path)] = path.stat().st_mtime
            except OSError:
                continue
    return sorted(found, key=lambda p: found[p], reverse=True)


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def photos(self) -> Path:
        return self.root / "photos"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def device(self) -> Path:
        """The laptop's enrolment: server address, device token, bundle key (a secret)."""
        return self.root / "device.json"

    @property
    def session(self) -> Path:
        """A district coordinator's login (the token itself in the OS keyring when there is one)."""
        return self.root / "session.json"

    @property
    def district_database(self) -> Path:
        """A coordinator's copy of the district."""
        return self.root / "district.sqlite"

    @property
    def bundles(self) -> Path:
        """Where USB bundles are written unless another place is chosen."""
        return self.root / "bundles"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @classmethod
    def resolve(cls, override: Path | str | None = None) -> DataPaths:
        return cls(data_dir(override))
