"""Qt's own messages (warnings about layouts, fonts, plugins) go to Python logging, so they land
in the app's log file — and a test that causes an unexpected one fails."""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

# Said by the offscreen platform used in tests and screenshots, about what it cannot do; harmless.
_PLATFORM_NOISE = ("This plugin does not support",)


def _handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = _LEVELS.get(kind, logging.WARNING)
    if level == logging.WARNING and message.startswith(_PLATFORM_NOISE):
        level = logging.DEBUG
    log.log(level, "%s", message)


def install() -> None:
    qInstallMessageHandler(_handler)
