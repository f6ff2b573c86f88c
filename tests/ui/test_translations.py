"""Every string the window shows is translated into Kazakh, Russian and English, keeps its
placeholders and shortcuts, and the .ts files are up to date with the code."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from ui.i18n import translations_dir

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("kk", "ru", "en")
PLURAL_FORMS = {"kk": 2, "ru": 3, "en": 2}  # as Qt counts them (CLDR)
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%L?n|%\d")


def messages(lang: str) -> list[tuple[str, str, bool, list[str], str | None]]:
    """(context, source, numerus, translations, type) for every message of a .ts file."""
    found = []
    for context in ET.parse(translations_dir() / f"taza_{lang}.ts").iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            texts = (
                [f.text or "" for f in translation.iter("numerusform")]
                if numerus
                else [translation.text or ""]
            )
            found.append((name, message.findtext("source") or "", numerus, texts, translation.get("type")))
    return found


def strings_in_code() -> set[tuple[str, str]]:
    """(context, source) of every literal passed to self.tr() or QCoreApplication.translate()."""
    found: set[tuple[str, str]] = set()
    for path in (ROOT / "ui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            for call in [n for n in ast.walk(cls) if isinstance(n, ast.Call)]:
                func, args = call.func, call.args
                is_tr = isinstance(func, ast.Attribute) and func.attr == "tr"
                if is_tr and args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                    found.add((cls.name, args[0].value))
        for call in [n for n in ast.walk(tree) if isinstance(n, ast.Call)]:
            func = call.func
            if isinstance(func, ast.Attribute) and func.attr == "translate" and len(call.args) >= 2:
                context, text = call.args[0], call.args[1]
                if isinstance(context, ast.Constant) and isinstance(text, ast.Constant):
                    found.add((context.value, text.value))
    return found


def test_the_ts_files_hold_every_string_of_the_code() -> None:
    in_code = strings_in_code()
    assert len(in_code) > 150
    for lang in LANGS:
        in_ts = {(context, source) for context, source, *_ in messages(lang)}
        missing = sorted(in_code - in_ts)
        assert missing == [], f"{lang}: run scripts/translations.py update, then translate: {missing}"
        stale = sorted(in_ts - in_code)
        assert stale == [], f"{lang}: strings no longer in the code: {stale}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_string_is_translated(lang: str) -> None:
    for context, source, numerus, texts, kind in messages(lang):
        # lupdate marks a %n string as plural only from self.tr(text, "", n): use that form
        assert numerus == bool(re.search("%L?n", source)), f"{context}: {source!r} plural mismatch"
        assert kind is None, f"{lang}: {context}: {source!r} is {kind}"
        assert all(t.strip() for t in texts), f"{lang}: {context}: {source!r} has an empty translation"
        if numerus:
            assert len(texts) == PLURAL_FORMS[lang], f"{lang}: {context}: {source!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_placeholders_and_shortcuts(lang: str) -> None:
    for context, source, _numerus, texts, _ in messages(lang):
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for text in texts:
            assert sorted(set(PLACEHOLDER.findall(text))) == wanted, (
                f"{lang}: {context}: {source!r} → {text!r}"
            )
            has_shortcut = "&" in source.replace("&&", "")
            assert ("&" in text.replace("&&", "")) == has_shortcut, f"{lang}: {context}: {text!r}"


def test_kazakh_and_russian_are_really_translated() -> None:
    kk = {(c, s): t for c, s, _, t, _ in messages("kk")}
    ru = {(c, s): t for c, s, _, t, _ in messages("ru")}
    same_as_english = [
        key for key, texts in kk.items() if texts == [key[1]] and re.search("[a-z]{4}", key[1])
    ]
    assert len(same_as_english) <= 3, same_as_english  # "Taza Field" and similar names only
    differ = sum(1 for key in kk if kk[key] != ru[key])
    assert differ > 0.8 * len(kk)


MENUS = {  # (window, menu): its entries
    ("MainWindow", "menu bar"): {"&Actions", "&Sending", "&Reports", "&View", "&Help"},
    ("MainWindow", "Actions"): {
        "&New action…",
        "&Open selected…",
        "&Delete selected…",
        "Change rural o&krug…",
        "Restore from a &backup…",
        "&Quit",
    },
    ("MainWindow", "Sending"): {
        "&Send now",
        "S&top sending",
        "Write a &USB file…",
        "&Connect to the server…",
    },
    ("MainWindow", "Reports"): {
        "A month with &nothing done…",
        "The &month's report (PDF)…",
        "&Receipt for the selected record (PDF)…",
    },
    ("MainWindow", "View"): {"&Language", "&Refresh"},
    ("MainWindow", "Help"): {"Save &diagnostics…", "&About Taza Field"},
    ("CoordinatorWindow", "menu bar"): {"&District", "&Export", "&View", "&Help"},
    ("CoordinatorWindow", "District"): {
        "&Refresh from the server",
        "&Import a village's USB file…",
        "&Log out",
        "&Quit",
    },
    ("CoordinatorWindow", "Export"): {
        "District report as &Excel (XLSX)…",
        "All records as &CSV…",
        "District report as &PDF…",
        "Photos by okrug as &ZIP…",
    },
    ("CoordinatorWindow", "Help"): {"Save &diagnostics…", "&About Taza Field"},
}


@pytest.mark.parametrize("menu", sorted(MENUS), ids=lambda key: "-".join(key))
def test_menu_shortcut_letters_do_not_clash(menu: tuple[str, str]) -> None:
    """Within one menu, each entry's Alt-letter is unique, in every language."""
    window, _ = menu
    for lang in LANGS:
        texts = [t[0] for c, s, _, t, _ in messages(lang) if c == window and s in MENUS[menu]]
        assert len(texts) == len(MENUS[menu]), (lang, menu)
        letters = [text[text.index("&") + 1].lower() for text in texts]
        assert len(letters) == len(set(letters)), (lang, menu, texts)


@pytest.mark.parametrize("lang", LANGS)
def test_the_compiled_files_load(ui_app, lang: str) -> None:
    translator = QTranslator()
    assert translator.load(str(translations_dir() / f"taza_{lang}.qm"))
    expected = {"kk": "Тазалық акциялары", "ru": "Акции по уборке", "en": "Clean-up actions"}[lang]
    assert translator.translate("MainWindow", "Clean-up actions") in (expected, "")


def test_lrelease_is_found_in_a_windows_pythons_scripts_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An installed Windows Python has python.exe at the top and its scripts in Scripts\ (the
    # self-test under Wine found no lrelease beside python.exe and stopped).
    import sys
    import sysconfig

    from ui.i18n import _tool

    scripts = tmp_path / "Scripts"
    scripts.mkdir()
    (scripts / "pyside6-lrelease.exe").write_bytes(b"MZ")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python.exe"))
    monkeypatch.setattr(sysconfig, "get_path", lambda name, *a, **k: str(scripts))
    assert _tool("lrelease") == [str(scripts / "pyside6-lrelease.exe")]
    # neither there: the PATH's, or the bare name for the error to name
    (scripts / "pyside6-lrelease.exe").unlink()
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert _tool("lrelease") == ["pyside6-lrelease"]
