"""The test harness itself: an unexpected WARNING fails a test; an empty run fails."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _project_importable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", str(ROOT))


LOGGING_TEST = """
import logging
import pytest

def test_warns():
    logging.getLogger("fieldapp.something").warning("disk almost full")

@pytest.mark.allow_log_warnings("almost full")
def test_warns_expected():
    logging.getLogger("fieldapp.something").warning("disk almost full")

@pytest.mark.allow_log_warnings("other text")
def test_warns_other_text():
    logging.getLogger("fieldapp.something").warning("disk almost full")

def test_info_is_fine():
    logging.getLogger("fieldapp.something").info("all good")
"""

MARKERS_INI = """
[pytest]
markers =
    allow_log_warnings: expected warnings
"""


def test_unexpected_warning_fails_the_test(pytester: pytest.Pytester) -> None:
    pytester.makeini(MARKERS_INI)
    pytester.makepyfile(test_logging=LOGGING_TEST)
    result = pytester.runpytest_subprocess("-p", "tests.plugins.logfail", "-q")
    result.assert_outcomes(passed=2, failed=2)
    result.stdout.fnmatch_lines(
        ["*unexpected log records during call*", "*WARNING fieldapp.something: disk almost full"]
    )


def test_offscreen_and_sandboxed_home() -> None:
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"
    assert "taza-field-tests-" in os.environ["HOME"]
    assert "taza-field-tests-" in os.environ["TAZA_FIELD_DATA_DIR"]


def test_run_with_no_passing_test_fails(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_skip="import pytest\n\ndef test_x():\n    pytest.skip('nothing')\n")
    result = pytester.runpytest_subprocess("-p", "tests.plugins.runguard", "-q")
    assert result.ret == 1
    result.stdout.fnmatch_lines(["*no test passed*"])
