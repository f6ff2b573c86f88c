"""Where the app keeps its data.

In order: an explicit ``--data-dir``, the ``TAZA_FIELD_DATA_DIR`` environment variable, then the
per-user data folder of the OS (``%LOCALAPPDATA%\\TazaField`` on Windows,
``~/.local/share/TazaField`` on Linux).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_DIR_NAME = "TazaField"
DATABASE_NAME = "taza-field.sqlite"


def data_dir(override: Path | str | None = None) -> Path:
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get("TAZA_FIELD_DATA_DIR")
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))


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
