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


SERVER_LOG_TEST = """
import pytest
from sqlalchemy import text

def broken(server):
    with server.engine.begin() as conn:
        conn.execute(text("DROP TABLE enrolments"))
    answer = server.caller().post("/enrol", json={"code": "x" * 12, "device_name": "x"})
    assert answer.status_code == 500

def test_server_error_fails(sqlite_server):
    broken(sqlite_server)

@pytest.mark.allow_server_errors(r"no such table: enrolments")
def test_server_error_expected(sqlite_server):
    broken(sqlite_server)

@pytest.mark.allow_server_errors(r"some other error")
def test_server_error_of_another_kind(sqlite_server):
    broken(sqlite_server)

def test_refusals_are_no_errors(sqlite_server):
    assert sqlite_server.caller().get("/pull").status_code == 401
"""

SERVER_MARKERS_INI = """
[pytest]
markers =
    allow_log_warnings: expected warnings
    allow_server_errors: expected server errors
    server_settings: settings
    postgres: needs PostgreSQL
"""


def test_a_server_error_fails_the_test_that_ran_the_server(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pytester reads the inner run as UTF-8; on Windows its report (with "…") would be in cp1252
    monkeypatch.setenv("PYTHONIOENCODING", "utf-8")
    pytester.makeini(SERVER_MARKERS_INI)
    pytester.makepyfile(test_server_log=SERVER_LOG_TEST)
    plugins = [
        "-p",
        "tests.plugins.serverlog",
        "-p",
        "tests.plugins.postgres",
        "-p",
        "tests.plugins.live_server",
    ]
    result = pytester.runpytest_subprocess(*plugins, "-q")
    result.assert_outcomes(passed=4, errors=2)
    result.stdout.fnmatch_lines(
        [
            "*ERROR at teardown of test_server_error_fails*",
            "*the server logged errors during this test*",
            "*ERROR server error on POST /api/v1/enrol",
            "*OperationalError*no such table: enrolments*",
            "*ERROR at teardown of test_server_error_of_another_kind*",
        ]
    )


def test_server_log_entries_keep_a_traceback_with_the_line_that_logged_it() -> None:
    from tests.plugins.serverlog import server_errors

    log = "\n".join(
        [
            "Taza Field server on http://127.0.0.1:5000 (1 worker)",
            'INFO:     127.0.0.1:4242 - "GET /api/v1/health HTTP/1.1" 200 OK',
            "WARNING refused PUT /api/v1/photos/ab: not your okrug",
            "INFO client went away during PUT /api/v1/photos/ab (65536 bytes announced)",
            "ERROR server error on POST /api/v1/push",
            "Traceback (most recent call last):",
            '  File "server/app.py", line 1, in push',
            "sqlite3.OperationalError: database is locked",
            "2026-11-25 12:00:00,000 CRITICAL server.app: out of disk",
            "INFO shutting down",
            "Exception in thread Thread-1:",
            "Traceback (most recent call last):",
            "RuntimeError: a thread died",
        ]
    )
    errors = server_errors(log)
    assert [e.splitlines()[0] for e in errors] == [
        "ERROR server error on POST /api/v1/push",
        "2026-11-25 12:00:00,000 CRITICAL server.app: out of disk",
        "Traceback (most recent call last):",  # printed by no logger (a thread's end): one of its own
    ]
    assert errors[0].endswith("database is locked")
    assert errors[2].endswith("RuntimeError: a thread died")
