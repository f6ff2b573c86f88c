"""The program tells Windows that it is running, so that its installer does not replace it underneath.

Both ``TazaField.exe`` and ``fieldapp.exe`` hold a named mutex, ``Local\\TazaField``, for as long as
they run (Windows closes it when the process ends, a crash included). The installer and the
uninstaller (``scripts/windows/installer.nsi``) look for it and ask the person to close the app
before they touch a file: replacing the program's libraries while it has them loaded would leave a
half-old, half-new program. Windows also refuses to open a running ``.exe`` for writing, which the
installer checks too, but Wine (where the installer is tested) does not. Elsewhere nothing is needed.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)

MUTEX_NAME = "Local\\TazaField"

_handle: int | None = None  # kept open for the life of the process


def announce_running() -> None:
    """Hold the program's named mutex (Windows only; once per process)."""
    global _handle
    if sys.platform != "win32" or _handle is not None:
        return
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateMutexW.restype = wintypes.HANDLE
    kernel32.CreateMutexW.argtypes = [wintypes.LPVOID, wintypes.BOOL, wintypes.LPCWSTR]
    handle = kernel32.CreateMutexW(None, False, MUTEX_NAME)
    if not handle:  # the app runs all the same; only the installer's check is lost
        log.warning("Could not create the mutex %s (Windows error %d)", MUTEX_NAME, ctypes.get_last_error())
        return
    _handle = handle
