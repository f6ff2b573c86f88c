"""Writing files so that a crash leaves the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

PARTIAL_PREFIX = ".tmp-"
PARTIAL_SUFFIX = ".part"

# Windows refuses to replace a file while another handle has it open (a reader, the virus scanner
# or the indexer looking at the file just written, another thread replacing the same photo):
# ERROR_ACCESS_DENIED or ERROR_SHARING_VIOLATION, for that moment only.
_SHARING_ERRORS = (5, 32)
REPLACE_WAIT_SECONDS = 2.0
_REPLACE_PAUSE = 0.05


def replace(source: Path | str, target: Path | str) -> None:
    """``os.replace``, waiting up to ``REPLACE_WAIT_SECONDS`` while Windows says the target is in
    use; after that the ``PermissionError`` is raised for the caller to report."""
    deadline = time.monotonic() + REPLACE_WAIT_SECONDS
    while True:
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if getattr(exc, "winerror", None) not in _SHARING_ERRORS or time.monotonic() >= deadline:
                raise
        time.sleep(_REPLACE_PAUSE)


def write_atomic(target: Path, content: bytes) -> None:
    """Write ``target`` so that it either has all of ``content`` or is not changed at all."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=target.parent, prefix=PARTIAL_PREFIX, suffix=PARTIAL_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)


def fsync_file(path: Path) -> None:
    """Make a file's content durable (a file another library wrote and closed)."""
    # Windows flushes only a handle opened for writing.
    fd = os.open(path, os.O_RDONLY if os.name == "posix" else os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable where the OS allows syncing a directory (not on Windows)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
