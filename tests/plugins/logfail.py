"""Fail a test that logs an unexpected WARNING (or worse).

A warning in the log is a defect until a test says it expects it:

    @pytest.mark.allow_log_warnings              # any warning is fine here
    @pytest.mark.allow_log_warnings(r"rejected")  # only records whose text matches
"""

from __future__ import annotations

import logging
import re

import pytest


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


_collector = _Collector()


def pytest_configure(config: pytest.Config) -> None:
    logging.getLogger().addHandler(_collector)


def pytest_unconfigure(config: pytest.Config) -> None:
    logging.getLogger().removeHandler(_collector)


def _allowed(item: pytest.Item, record: logging.LogRecord) -> bool:
    for marker in item.iter_markers("allow_log_warnings"):
        if not marker.args:
            return True
        if any(re.search(pattern, record.getMessage()) for pattern in marker.args):
            return True
    return False


def _check(item: pytest.Item, phase: str) -> None:
    records, _collector.records = _collector.records, []
    unexpected = [r for r in records if not _allowed(item, r)]
    if unexpected:
        lines = "\n".join(f"  {r.levelname} {r.name}: {r.getMessage()}" for r in unexpected)
        pytest.fail(
            f"unexpected log records during {phase} (mark the test allow_log_warnings "
            f"if they are expected):\n{lines}",
            pytrace=False,
        )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item):
    _collector.records = []
    result = yield
    _check(item, "setup")
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    _collector.records = []
    result = yield
    _check(item, "call")
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item):
    _collector.records = []
    result = yield
    _check(item, "teardown")
    return result
