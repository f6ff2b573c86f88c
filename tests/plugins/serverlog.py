"""Fail a test whose server logged an ERROR or a traceback.

Every server process a test starts (``server.process.ServerProcess``: the ``server`` fixtures, the
laptops of the sync tests, the demo) writes its output to a log file. At the test's teardown, once
its servers are stopped, whatever they wrote while it ran is read: an ``ERROR`` or ``CRITICAL``
entry, or a traceback, fails the test unless the test says it expects it:

    @pytest.mark.allow_server_errors(r"ClientDisconnect")   # only entries whose text matches

An entry is a log line and the lines that follow it up to the next log line (a traceback belongs
to the line that logged it), so a pattern may match anything in the traceback too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from server.process import ServerProcess

ENTRY = re.compile(r"^(?:\d{4}-\d\d-\d\d[ T][\d:.,]+ )?(DEBUG|INFO|WARNING|ERROR|CRITICAL)\b:?")
TRACEBACK = "Traceback (most recent call last):"
BAD_LEVELS = {"ERROR", "CRITICAL"}


@dataclass
class _Watched:
    process: ServerProcess
    log: Path
    offset: int


_watched: list[_Watched] = []
_original_start = ServerProcess.start


def _start(self: ServerProcess) -> ServerProcess:
    # Where the log stood before this start: a restarted server appends to the same file, and a
    # file shared with an earlier test (a demo folder kept between runs) is not this test's.
    if not any(w.process is self for w in _watched):
        offset = self.log.stat().st_size if self.log.exists() else 0
        _watched.append(_Watched(self, self.log, offset))
    return _original_start(self)


def pytest_configure(config: pytest.Config) -> None:
    ServerProcess.start = _start  # type: ignore[method-assign]


def pytest_unconfigure(config: pytest.Config) -> None:
    ServerProcess.start = _original_start  # type: ignore[method-assign]


def entries(text: str) -> list[tuple[str, str]]:
    """The log as (level, text) entries; output that is no log line goes with the entry before it,
    except a traceback printed on its own (a thread's or the interpreter's), which is one."""
    found: list[tuple[str, list[str]]] = [("", [])]
    for line in text.splitlines():
        match = ENTRY.match(line)
        if match:
            found.append((match.group(1), [line]))
        elif line.startswith(TRACEBACK) and found[-1][0] not in BAD_LEVELS:
            found.append(("TRACEBACK", [line]))
        else:
            found[-1][1].append(line)
    return [(level, "\n".join(lines)) for level, lines in found if lines]


def server_errors(text: str) -> list[str]:
    return [body for level, body in entries(text) if level in BAD_LEVELS or TRACEBACK in body]


def _allowed(item: pytest.Item, entry: str) -> bool:
    for marker in item.iter_markers("allow_server_errors"):
        if not marker.args:
            raise pytest.UsageError(f"{item.nodeid}: allow_server_errors needs the pattern it expects")
        if any(re.search(pattern, entry) for pattern in marker.args):
            return True
    return False


def _collect() -> dict[Path, list[str]]:
    found: dict[Path, list[str]] = {}
    for watched in list(_watched):
        try:
            with watched.log.open("rb") as log:
                log.seek(watched.offset)
                raw = log.read()
        except FileNotFoundError:
            raw = b""
        watched.offset += len(raw)
        if not watched.process.running:  # one that outlives the test is read again after the next
            _watched.remove(watched)
        if errors := server_errors(raw.decode("utf-8", errors="replace")):
            found.setdefault(watched.log, []).extend(errors)
    return found


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item):
    result = yield
    unexpected = {log: [e for e in errors if not _allowed(item, e)] for log, errors in _collect().items()}
    unexpected = {log: errors for log, errors in unexpected.items() if errors}
    if unexpected:
        shown = "\n\n".join(
            f"{log}:\n" + "\n".join(_indent(e) for e in errors) for log, errors in unexpected.items()
        )
        pytest.fail(
            "the server logged errors during this test (fix them, or mark the test "
            f"allow_server_errors(PATTERN) if it expects them):\n{shown}",
            pytrace=False,
        )
    return result


def _indent(entry: str, limit: int = 40) -> str:
    lines = entry.splitlines()
    if len(lines) > limit:
        lines = [*lines[:3], "  …", *lines[-(limit - 4) :]]
    return "\n".join("  " + line for line in lines)
