"""The app's log: a rotating file in the data folder, with secrets taken out, and the warnings on
the terminal as before.

``logs/taza-field.log`` holds what the app did (INFO and worse), one line each with the local time
in ISO 8601, the level, the logger and the message. It turns over at about 1 MB and keeps four
older files (``taza-field.log.1`` … ``.4``), so it never grows past about 5 MB. Every record on its
way into the file passes :class:`RedactSecrets`: device and session tokens, passwords, bundle keys
and enrolment codes are replaced by ``[redacted]`` — the file is sent to IT staff in the
diagnostics ZIP (:mod:`fieldapp.diagnostics`), and a token in it would let anyone send in this
okrug's name.

:func:`setup_logging` may be called more than once (the command line, then the window): it never
adds a second handler. A data folder that cannot be written to costs the file, never the app.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
from collections.abc import Iterable
from datetime import datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path

from fieldapp.paths import DataPaths

log = logging.getLogger(__name__)

LOG_FILE_NAME = "taza-field.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 4  # the file and four older ones: at most about 5 MB
FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
STDERR_FORMAT = "%(levelname)s %(name)s: %(message)s"
REDACTED = "[redacted]"

_FILE_HANDLER = "taza-field-file"
_STDERR_HANDLER = "taza-field-stderr"
_lock = threading.Lock()

# -- redaction ------------------------------------------------------------------------------------

# A name that holds a secret, then ``=`` or ``:`` (as in ``token=…``, ``"token": "…"``,
# ``X-Taza-Token: …``, ``password='…'``), then the value, quoted or not. ``token_in`` (where the
# token is kept) or ``tokens`` are other words and stay.
_KEYED = re.compile(
    r"""(?P<key>\b(?:[\w-]*token|password|passwd|secret|bundle[_-]?key|api[_-]?key|"""
    r"""enrol(?:l?ment)?[_-]?code|code)\b["']?\s*[:=]\s*)"""
    r"""(?:(?P<quote>["'])(?P<quoted>.*?)(?P=quote)|(?P<bare>\[redacted\]|[^\s"',;&)}\]]+))""",
    re.IGNORECASE,
)
# An HTTP authorisation: ``Authorization: Bearer …`` (the device's and the coordinator's tokens).
_SCHEME = re.compile(r"\b(?P<scheme>Bearer|Basic)\s+[A-Za-z0-9\-._~+/]{8,}=*", re.IGNORECASE)
# A password in a URL: ``postgresql://user:password@host``.
_URL_PASSWORD = re.compile(r"(?P<head>\b[a-z][a-z0-9+.\-]*://[^/\s:@]+:)[^@\s/]+@", re.IGNORECASE)
# A secret given as a separate command-line argument: ``--password X``, ``--code X``.
_OPTION = re.compile(r"(?P<option>--(?:password|token|code|bundle-key)\s+)[^\s-]\S*", re.IGNORECASE)
# An enrolment code as IT staff hand it out: XXXX-XXXX-XXXX, with no 0/O, 1/I/L.
_CODE_CHARS = "[A-HJKMNP-Z2-9]"
_ENROLMENT_CODE = re.compile(rf"(?<![\w-]){_CODE_CHARS}{{4}}-{_CODE_CHARS}{{4}}-{_CODE_CHARS}{{4}}(?![\w-])")
_SHORTEST_SECRET = 8  # a known secret shorter than this would blank out ordinary words


def _keyed(match: re.Match[str]) -> str:
    value = match.group("quoted") if match.group("quote") else match.group("bare")
    if not value or value == REDACTED:
        return match.group(0)
    key = match.group("key").strip("\"' :=").lower()
    if key == "code" and not _looks_like_enrolment_code(value):
        return match.group(0)  # an exit code, an HTTP status, a KATO code: not a secret
    quote = match.group("quote") or ""
    return f"{match.group('key')}{quote}{REDACTED}{quote}"


def _looks_like_enrolment_code(value: str) -> bool:
    letters = "".join(ch for ch in value if ch.isalnum())
    return len(letters) == 12 and not letters.isdigit()


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with tokens, passwords, bundle keys and enrolment codes replaced by ``[redacted]``;
    each of ``secrets`` (values known to be secret, such as this laptop's token) wherever it is."""
    for secret in sorted({s for s in secrets if s and len(s) >= _SHORTEST_SECRET}, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    text = _SCHEME.sub(lambda m: f"{m.group('scheme')} {REDACTED}", text)
    text = _URL_PASSWORD.sub(lambda m: f"{m.group('head')}{REDACTED}@", text)
    text = _OPTION.sub(lambda m: f"{m.group('option')}{REDACTED}", text)
    text = _KEYED.sub(_keyed, text)
    return _ENROLMENT_CODE.sub(REDACTED, text)


class RedactSecrets(logging.Filter):
    """Takes secrets out of a record's message, traceback and stack before it is written."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: logging reports that record itself
            return True
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class _IsoFormatter(logging.Formatter):
    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return datetime.fromtimestamp(record.created).astimezone().isoformat(timespec="milliseconds")


# -- set-up ---------------------------------------------------------------------------------------


def log_file(paths: DataPaths) -> Path:
    return paths.logs / LOG_FILE_NAME


def log_files(paths: DataPaths) -> list[Path]:
    """The log file and the older ones it turned into, newest first (those that exist)."""
    current = log_file(paths)
    candidates = [current] + [current.with_name(f"{current.name}.{n}") for n in range(1, BACKUP_COUNT + 1)]
    return [path for path in candidates if path.is_file()]


def _ours(name: str) -> logging.Handler | None:
    return next((h for h in logging.getLogger().handlers if h.get_name() == name), None)


class _SharedRotatingFileHandler(RotatingFileHandler):
    """Turns the log over unless another process has it open. Windows cannot rename a file that
    another Taza Field (the window beside a ``fieldapp`` command) has open (WinError 32): the
    stock handler then printed a traceback to stderr for every line and lost the lines, and each
    try moved the older files along, so they were lost too. Here the lines go on into the current
    file and the turn is tried again once it has grown by another tenth."""

    def __init__(self, filename: Path, max_bytes: int, backup_count: int) -> None:
        super().__init__(filename, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8")
        self._not_before = 0

    def shouldRollover(self, record: logging.LogRecord) -> bool:
        if self._not_before and self.stream is not None:
            self.stream.seek(0, 2)
            if self.stream.tell() < self._not_before:
                return False
        return bool(super().shouldRollover(record))

    def doRollover(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        if os.path.exists(self.baseFilename):
            probe = f"{self.baseFilename}.turning"
            try:  # before the older files are moved along: can this one be renamed at all?
                os.rename(self.baseFilename, probe)
            except OSError:
                self.stream = self._open()
                self.stream.seek(0, 2)
                self._not_before = self.stream.tell() + max(self.maxBytes // 10, 1)
                return
            os.rename(probe, self.baseFilename)
        self._not_before = 0
        super().doRollover()


def _open_file(target: Path) -> RotatingFileHandler | None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = _SharedRotatingFileHandler(target, MAX_BYTES, BACKUP_COUNT)
    except OSError as exc:
        log.warning("no log file: %s cannot be written (%s); warnings go to the terminal only", target, exc)
        return None
    handler.set_name(_FILE_HANDLER)
    handler.setLevel(logging.INFO)
    handler.setFormatter(_IsoFormatter(FILE_FORMAT))
    handler.addFilter(RedactSecrets())
    return handler


def setup_logging(paths: DataPaths, verbose: bool | None = False) -> Path | None:
    """Log to ``<data folder>/logs/taza-field.log`` (INFO and worse, secrets redacted) and, as
    before, warnings — with ``verbose`` everything from INFO — to stderr. Returns the log file,
    or None when it cannot be written. Calling it again changes the stderr level (``verbose=None``
    keeps it) and, for another data folder, moves the file; it never adds a second handler.

    The stderr handler is added only when nobody else has set up logging (as
    ``logging.basicConfig`` does): under pytest its own handlers stay the only ones."""
    root = logging.getLogger()
    target = Path(os.path.abspath(log_file(paths)))
    with _lock:
        stderr = _ours(_STDERR_HANDLER)
        others = [h for h in root.handlers if h.get_name() not in (_FILE_HANDLER, _STDERR_HANDLER)]
        if stderr is None and not others and sys.stderr is not None:  # None: a windowed build
            stderr = logging.StreamHandler()
            stderr.set_name(_STDERR_HANDLER)
            stderr.setFormatter(logging.Formatter(STDERR_FORMAT))
            stderr.addFilter(RedactSecrets())  # a terminal gets copied into tickets too
            root.addHandler(stderr)
        if stderr is not None and (verbose is not None or stderr.level == logging.NOTSET):
            stderr.setLevel(logging.INFO if verbose else logging.WARNING)

        current = _ours(_FILE_HANDLER)
        if isinstance(current, RotatingFileHandler) and Path(current.baseFilename) == target:
            handler: RotatingFileHandler | None = current
        else:
            if current is not None:
                root.removeHandler(current)
                current.close()
            handler = _open_file(target)
            if handler is not None:
                root.addHandler(handler)
        wanted = logging.INFO if handler is not None or verbose else logging.WARNING
        if root.level == logging.NOTSET or root.level > wanted:
            root.setLevel(wanted)
    return target if handler is not None else None


def flush() -> None:
    """Write out what the log file handler holds (before the files are read)."""
    handler = _ours(_FILE_HANDLER)
    if handler is not None:
        handler.flush()


def stop_logging() -> None:
    """Take this module's handlers off again and close the file (tests; the end of a process)."""
    root = logging.getLogger()
    with _lock:
        for name in (_FILE_HANDLER, _STDERR_HANDLER):
            handler = _ours(name)
            if handler is not None:
                root.removeHandler(handler)
                handler.close()


def utf8_output() -> None:
    """Make what the commands print reach a file or a pipe as UTF-8 on every system.

    Python writes a redirected stdout in the locale's code page, on Windows cp1251 or cp1252, which
    have no ә, ғ, қ, ң, ө, ұ, ү, һ, і: ``fieldapp.exe --self-test > check.txt`` died on the first
    Kazakh word (UnicodeEncodeError). A Windows console is written in Unicode whatever this says; a
    windowed build has no stdout at all (``None``), which is left alone.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if reconfigure is not None and encoding != "utf8":
            reconfigure(encoding="utf-8", errors="backslashreplace")
