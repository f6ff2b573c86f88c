"""The Qt binding itself must not corrupt the interpreter.

PySide6 6.12.0 on Python 3.11 takes a reference off ``None`` (and ``True``/``False``) on every call
that returns nothing — ``setText``, ``setVisible``... — so a window open for a working day aborts
with "Fatal Python error: none_dealloc". pyproject.toml keeps it out; this test catches any
release that brings it back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLabel

CALLS = 2000


def test_void_calls_keep_none_alive(ui_app: QApplication) -> None:
    label, obj = QLabel(), QObject()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.setText("x")
        label.setVisible(False)
        obj.setObjectName("y")
    drift = before - sys.getrefcount(None)
    assert drift < CALLS // 10, f"the Qt binding lost {drift} references to None in {CALLS * 3} calls"
