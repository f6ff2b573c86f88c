"""``fieldapp --self-test``: does this installation work? Run by CI on the frozen build and by IT
staff after installing a laptop.

In a temporary folder, without touching the laptop's data: open a store and write a record, make a
photo's copies, load KATO, the reference data, the message catalogue and the window's translations
in every language, build the main window and the coordinator's window offscreen and draw them, and
load what sending and the PDF reports need. Prints one line per step, in the language chosen
(``--lang``, the settings, the system), and exits 0 when all passed, 1 at the first failure (with
what failed; the traceback stays as Python wrote it, for whoever fixes it).
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any


def run_self_test(out: Any = None, lang: str = "en") -> int:
    from fieldapp.i18n import translate

    out = out or sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed, before Qt starts
    with tempfile.TemporaryDirectory(prefix="taza-selftest-") as folder:
        checks = _Checks(Path(folder), out, lang)
        try:
            checks.run_all()
        except _Failed:
            print(translate("selftest.failed", lang), file=out)
            return 1
    print(translate("selftest.passed", lang), file=out)
    return 0


class _Failed(Exception):
    pass


def require(ok: object, what: str) -> None:
    """A check that holds whatever Python's -O says (the frozen app may run optimised)."""
    if not ok:
        raise RuntimeError(what)


class _Checks:
    def __init__(self, folder: Path, out: Any, lang: str = "en") -> None:
        self.folder, self.out, self.lang = folder, out, lang
        self.values: dict[str, Any] = {}

    def t(self, key: str, **params: Any) -> str:
        from fieldapp.i18n import translate

        return translate(f"selftest.{key}", self.lang, **params)

    def step(self, name: str, check: Callable[[], str]) -> None:
        started = time.monotonic()
        title = self.t(f"step.{name}")
        try:
            detail = check()
        except Exception:  # the self-test reports whatever broke
            print(self.t("fail_line", step=title), file=self.out)
            traceback.print_exc(file=self.out)
            raise _Failed from None
        ms = round((time.monotonic() - started) * 1000)
        print(self.t("ok_line", step=title, detail=detail, ms=str(ms)), file=self.out)

    def run_all(self) -> None:
        # Closed even when a step fails: Windows cannot delete the temporary folder while a file in
        # it is still open (the failure would then be hidden behind a PermissionError).
        try:
            self._run_steps()
        finally:
            self.close()

    def _run_steps(self) -> None:
        self.step("version", self.version)
        self.step("reference", self.reference)
        self.step("catalogue", self.catalogue)
        self.step("store", self.store)
        self.step("photos", self.photos)
        self.step("sending", self.sending)
        self.step("qt", self.qt)
        self.step("fonts", self.fonts)
        self.step("translations", self.translations)
        self.step("main_window", self.main_window)
        self.step("user_guide", self.guide)
        self.step("coordinator_window", self.coordinator_window)
        self.step("pdf", self.pdf)

    # -- the steps -------------------------------------------------------------------------------

    def version(self) -> str:
        from fieldapp import __version__

        build = self.t("frozen" if getattr(sys, "frozen", False) else "source")
        return self.t("detail.version", version=__version__, python=sys.version.split()[0], build=build)

    def reference(self) -> str:
        from fieldapp.kato import default_kato
        from fieldapp.reference import default_reference

        kato, reference = default_kato(), default_reference()
        self.values.update(kato=kato, reference=reference)
        settlements = kato.search("Қайнар", limit=5)
        require(settlements, "KATO search found nothing")
        require(bool(reference.campaigns), "no campaigns")
        require(bool(reference.fractions), "no fractions")
        campaigns, fractions = len(reference.campaigns), len(reference.fractions)
        return self.t("detail.reference", places=len(kato), campaigns=campaigns, fractions=fractions)

    def catalogue(self) -> str:
        from fieldapp.i18n import LANGUAGES, translate

        texts = {lang: translate("cli.check.result", lang, count=0) for lang in LANGUAGES}
        require(len(set(texts.values())) == len(LANGUAGES), "a language is missing from the catalogue")
        # The plural rules and month names come from Babel's CLDR data (build.spec keeps kk/ru/en).
        from fieldapp.i18n import count, month_in, month_name

        forms = [count("actions", n).text("ru") for n in (1, 2, 5)]
        require(forms == ["1 акция", "2 акции", "5 акций"], f"Russian plural forms: {forms}")
        require(month_in(2026, 2).text("kk") == "2026 жылғы ақпанда", "Kazakh months")
        require(month_name(2026, 2, "ru") == "Февраль 2026", "CLDR month names")
        return ", ".join(LANGUAGES)

    def store(self) -> str:
        from fieldapp.demo import DEMO_OKRUG, demo_actions
        from fieldapp.store import Store

        kato, reference = self.values["kato"], self.values["reference"]
        store = Store.open(self.folder / "taza-field.sqlite")
        self.values["store"] = store
        records = list(demo_actions(kato, reference, [DEMO_OKRUG], 20, end=date.today()))
        store.save_many(records)
        problems = store.integrity_check()
        require(not problems, "; ".join(problems))
        require(store.count_actions() == len(records), "store.count_actions() == len(records)")
        return self.t("detail.store", count=len(records))

    def photos(self) -> str:
        from PIL import Image

        from fieldapp.photo_library import PhotoLibrary

        buffer = io.BytesIO()
        Image.new("RGB", (640, 480), (40, 120, 60)).save(buffer, "JPEG")
        library = PhotoLibrary(self.folder / "photos")
        self.values["library"] = library
        photo = library.import_bytes(buffer.getvalue(), "selftest.jpg")
        require(
            library.thumbnail_path(photo.sha256).is_file(), "library.thumbnail_path(photo.sha256).is_file()"
        )
        return self.t("detail.photos", size=f"{photo.width}×{photo.height}")

    def sending(self) -> str:
        import gzip

        import requests  # noqa: F401 (bundled: the sync client needs it)

        from sync.engine import SyncEngine  # noqa: F401
        from sync.protocol import PROTOCOL_VERSION

        require(gzip.decompress(gzip.compress(b"x")) == b"x", "gzip does not work")
        return self.t("detail.sending", version=str(PROTOCOL_VERSION))

    def qt(self) -> str:
        import PySide6
        from PySide6.QtCore import qVersion

        from ui.app import make_app

        self.values["app"] = make_app()
        platform = self.values["app"].platformName()
        return self.t("detail.qt", qt=qVersion(), pyside=PySide6.__version__, platform=platform)

    def fonts(self) -> str:
        from PySide6.QtGui import QFont, QFontInfo, QFontMetrics

        from ui.app import KAZAKH_LETTERS, add_shipped_fonts

        # inFontUcs4, not inFont: PySide6 hands inFont's one-letter str to Qt as Latin-1 (always False).
        shipped = add_shipped_fonts()  # the Windows build ships Noto Sans; Linux has fontconfig's
        for family in shipped:
            metrics = QFontMetrics(QFont(family))
            missing = [c for c in KAZAKH_LETTERS if not metrics.inFontUcs4(ord(c))]
            require(not missing, f"{family} cannot draw {''.join(missing)}")
        interface = self.values["app"].font()
        metrics = QFontMetrics(interface)
        lacking = "".join(c for c in KAZAKH_LETTERS if not metrics.inFontUcs4(ord(c)))
        require(not lacking or shipped, f"no font draws {lacking}")
        family, names = QFontInfo(interface).family(), ", ".join(shipped) or self.t("none")
        if lacking:
            font = shipped[0]
            return self.t("detail.fonts_lacking", family=family, letters=lacking, font=font, shipped=names)
        return self.t("detail.fonts", family=family, shipped=names)

    def translations(self) -> str:
        from fieldapp.i18n import LANGUAGES
        from ui.i18n import Translations

        translations = Translations(self.values["app"])
        self.values["translations"] = translations
        seen = []
        from PySide6.QtCore import QCoreApplication

        for lang in LANGUAGES:
            translations.apply(lang)
            seen.append(QCoreApplication.translate("MainWindow", "Clean-up actions"))
        require(len(set(seen)) == len(LANGUAGES), f"the window's translations did not load: {seen}")
        translations.apply("kk")
        return " / ".join(seen)

    def main_window(self) -> str:
        from fieldapp.demo import DEMO_OKRUG
        from fieldapp.settings import Settings
        from sync.engine import stored_reference
        from ui.main_window import MainWindow

        store = self.values["store"]
        settings = Settings(okrug=DEMO_OKRUG, language="kk")
        window = MainWindow(
            store,
            self.values["library"],
            self.values["kato"],
            stored_reference(store),
            settings,
            lambda s: None,
            self.values["translations"],
        )
        self.values["windows"] = [window]
        window.resize(1280, 760)
        window.show()
        self._wait(lambda: not window.tasks.busy and not window.model.loading)
        image = window.grab().toImage()
        require(not image.isNull() and image.width() > 0, "the window drew nothing")
        rows = window.model.rowCount()
        require(rows == store.count_actions(), f"the list shows {rows} rows")
        return self.t("detail.main_window", rows=rows, size=f"{image.width()}×{image.height()}")

    def guide(self) -> str:
        """Help → User guide, from the files shipped beside the app, in each language."""
        from ui.help_window import GuideWindow

        window = self.values["windows"][0]
        window.guide_item.trigger()
        guide = window.findChild(GuideWindow)
        require(guide is not None and guide.isVisible(), "Help → User guide opened no window")
        for lang in ("kk", "ru", "en"):
            self.values["translations"].apply(lang)
            text = guide.browser.toPlainText()
            require(guide.language == lang and "Taza Field" in text, f"the {lang} guide did not load")
        self.values["translations"].apply("kk")
        guide.close()
        return self.t("detail.user_guide")

    def coordinator_window(self) -> str:
        from datetime import UTC, datetime, timedelta

        from fieldapp.photo_library import PhotoLibrary
        from fieldapp.session import CoordinatorSession
        from fieldapp.store import Store
        from sync.engine import stored_reference
        from ui.coordinator_window import CoordinatorWindow
        from ui.district_controller import DistrictController
        from ui.tasks import Tasks

        store = Store.open(self.folder / "district.sqlite")
        self.values["district_store"] = store
        session = CoordinatorSession(
            server_url="http://127.0.0.1:9",
            username="selftest",
            district="196200000",
            token="",
            expires_at=datetime.now(UTC) + timedelta(hours=1),
        )
        library = PhotoLibrary(self.folder / "district-photos")
        tasks = Tasks()
        controller = DistrictController(store, library, session, tasks)
        window = CoordinatorWindow(
            store,
            library,
            self.values["kato"],
            stored_reference(store),
            session,
            self.values["translations"],
            controller=controller,
            tasks=tasks,
        )
        tasks.setParent(window)
        controller.setParent(window)
        self.values["windows"].append(window)
        window.resize(1280, 760)
        window.show()
        self._wait(lambda: not tasks.busy)
        image = window.grab().toImage()
        require(not image.isNull(), "not image.isNull()")
        return self.t("detail.coordinator_window", size=f"{image.width()}×{image.height()}")

    def pdf(self) -> str:
        from ui.pdf_report import write_pdf

        target = self.folder / "selftest.pdf"
        pages = write_pdf(target, "<h1>Таза Қазақстан</h1><p>Сенбілік · Субботник</p>", title="self-test")
        data = target.read_bytes()
        require(data.startswith(b"%PDF") and pages == 1, f"not a one-page PDF ({pages} pages)")
        return self.t("detail.pdf", size=len(data))

    # -- helpers ---------------------------------------------------------------------------------

    def _wait(self, done: Callable[[], bool], timeout_s: float = 20.0) -> None:
        from PySide6.QtCore import QCoreApplication

        deadline = time.monotonic() + timeout_s
        while not done():
            if time.monotonic() > deadline:
                raise TimeoutError("the window did not finish loading")
            QCoreApplication.processEvents()
            time.sleep(0.01)

    def close(self) -> None:
        for window in self.values.get("windows", []):
            window.close()
        for name in ("store", "district_store"):
            if name in self.values:
                self.values[name].close()
