"""Test-wide setup. Runs before any test module imports Qt or the app."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Qt draws offscreen: tests run with no display, in CI as on a laptop. (To run the window tests
# on a real X server, e.g. Xvfb: TAZA_FIELD_TEST_PLATFORM=xcb DISPLAY=:99 pytest tests/ui.)
os.environ["QT_QPA_PLATFORM"] = os.environ.get("TAZA_FIELD_TEST_PLATFORM", "offscreen")

# Tests never touch the real home: every per-user path points into a throwaway folder.
_sandbox = Path(tempfile.mkdtemp(prefix="taza-field-tests-"))
for _var, _sub in (
    ("HOME", "home"),
    ("XDG_DATA_HOME", "home/.local/share"),
    ("XDG_CONFIG_HOME", "home/.config"),
    ("XDG_CACHE_HOME", "home/.cache"),
    ("TAZA_FIELD_DATA_DIR", "data"),
):
    os.environ[_var] = str(_sandbox / _sub)
    (_sandbox / _sub).mkdir(parents=True, exist_ok=True)
os.environ["TAZA_FIELD_LANG"] = "en"

pytest_plugins = ["pytester"]
