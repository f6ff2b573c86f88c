"""Where the shipped resources (reference data, translations, icons) live.

In a source checkout or an editable install they are in the top-level ``resources/`` folder; in a
PyInstaller build they are unpacked beside the code (``sys._MEIPASS``). ``TAZA_FIELD_RESOURCES``
overrides both, for tests and unusual layouts.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


@cache
def resource_dir() -> Path:
    override = os.environ.get("TAZA_FIELD_RESOURCES")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource file, e.g. ``resource_path("kato.csv")``."""
    return resource_dir().joinpath(*parts)
