"""A run in which no test passed is a failed run: CI must never go green on nothing."""

from __future__ import annotations

import pytest


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None or session.config.option.collectonly:
        return
    if exitstatus == 0 and not reporter.stats.get("passed"):
        reporter.write_line("no test passed: failing the run", red=True)
        session.exitstatus = 1
