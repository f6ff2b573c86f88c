"""Languages of the window: Qt's translation system, switchable live.

The window's own strings are marked with ``self.tr("...")`` inside QObject subclasses, or
``QCoreApplication.translate("Context", "...")`` elsewhere — literally so: lupdate reads the source
and recognises only these two forms. They are translated in
``resources/translations/taza_{kk,ru,en}.ts``; ``scripts/translations.py`` extracts them (lupdate)
and compiles the ``.qm`` files (lrelease). Qt's own dialogs use ``qtbase_kk`` and ``qtbase_ru``,
shipped with Qt. Messages of the domain (validation, photo errors) come from the domain's catalogue
in the same language. Switching installs the new translators; Qt then sends a ``LanguageChange``
event to every widget, which re-reads its texts (``retranslate()``).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

from fieldapp.i18n import LANGUAGES
from fieldapp.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}  # each in its own language
_LOCALES = {
    "kk": (QLocale.Language.Kazakh, QLocale.Country.Kazakhstan),
    "ru": (QLocale.Language.Russian, QLocale.Country.Russia),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


_current = "en"


def current_language() -> str:
    """The language the window speaks now: domain messages are rendered in it."""
    return _current


def translations_dir() -> Path:
    return resource_path("translations")


def locale_for(lang: str) -> QLocale:
    language, country = _LOCALES[lang]
    return QLocale(language, country)


class Translations(QObject):
    """Holds the installed translators; :meth:`apply` switches the whole app's language."""

    changed = Signal(str)

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._installed: list[QTranslator] = []
        self.lang = "en"

    def uninstall(self) -> None:
        """Take this object's translators off the application."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []

    def apply(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"no such language: {lang}")
        self.uninstall()
        ours = translations_dir() / f"taza_{lang}.qm"
        self._install(ours, required=True)
        if lang != "en":
            qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
            self._install(qt_dir / f"qtbase_{lang}.qm", required=False)
        QLocale.setDefault(locale_for(lang))
        global _current
        _current = lang
        self.lang = lang
        # Qt posts LanguageChange to every widget; deliver now, so the whole window has switched
        # when this returns (no half-translated frame, and callers can rely on it).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.changed.emit(lang)

    def _install(self, path: Path, *, required: bool) -> None:
        translator = QTranslator(self)
        if translator.load(str(path)):
            self._app.installTranslator(translator)
            self._installed.append(translator)
        elif required:
            log.error("translation file missing or unreadable: %s", path)
        else:
            log.info("no Qt translation at %s", path)


# -- compiling .ts into .qm -------------------------------------------------------------------------


def _tool(name: str) -> list[str]:
    """``pyside6-lrelease``/``pyside6-lupdate`` of this Python, else the one on the PATH.

    A venv has its scripts beside the interpreter; an installed Windows Python has them in
    ``Scripts\\`` under it (``pyside6-lrelease.exe``), which is ``sysconfig``'s scripts path.
    """
    script = f"pyside6-{name}"
    for folder in (Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))):
        for candidate in (folder / script, folder / f"{script}.exe"):
            if candidate.is_file():
                return [str(candidate)]
    return [shutil.which(script) or script]


def compile_translations(*, force: bool = False) -> list[Path]:
    """Build ``taza_*.qm`` from the ``.ts`` sources where missing or older. Returns what it built.

    The frozen app ships compiled files and never calls this; a source checkout calls it at start.
    """
    built = []
    for ts in sorted(translations_dir().glob("taza_*.ts")):
        qm = ts.with_suffix(".qm")
        if force or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([*_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
            built.append(qm)
    return built
