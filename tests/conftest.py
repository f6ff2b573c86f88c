"""Test-wide setup. Runs before any test module imports Qt or the app."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

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
    # Windows: platformdirs asks the shell for the known folders, whatever HOME says; these are
    # its own overrides (tests/win32 takes them off to see the real %LOCALAPPDATA%).
    ("WIN_PD_OVERRIDE_LOCAL_APPDATA", "home/AppData/Local"),
    ("WIN_PD_OVERRIDE_APPDATA", "home/AppData/Roaming"),
):
    os.environ[_var] = str(_sandbox / _sub)
    (_sandbox / _sub).mkdir(parents=True, exist_ok=True)
os.environ["TAZA_FIELD_LANG"] = "en"

pytest_plugins = ["pytester"]


@pytest.fixture(autouse=True)
def _no_log_file_afterwards() -> Iterator[None]:
    """A test that ran ``fieldapp`` (or the window's ``run``) in-process set up the log file in its
    own folder: take it off again, and the root logger's level, so later tests log nowhere new."""
    level = logging.getLogger().level
    yield
    from fieldapp.logs import stop_logging

    stop_logging()
    logging.getLogger().setLevel(level)
