#!/usr/bin/env python3
"""The window's translations: extract, import, compile.

    python scripts/translations.py update        # lupdate: refresh the .ts files from ui/*.py
    python scripts/translations.py import FILE   # merge translations from a JSON file (below)
    python scripts/translations.py build         # lrelease: compile .ts into .qm
    python scripts/translations.py check         # list what is untranslated, exit 1 if anything

The ``.ts`` files in ``resources/translations`` are the source (Qt Linguist opens them); the
``.qm`` files are built, not committed. English is the source language; ``taza_en.ts`` exists for
plural forms ("1 record" / "2 records"). The JSON for ``import`` is
``{"Context": {"English source": {"kk": "...", "ru": "...", "en": "..."}}}``; a plural string
gives a list of forms per language (kk 2, ru 3, en 2: Qt follows CLDR).
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ui.i18n import _tool, compile_translations, translations_dir  # noqa: E402

LANGS = ("kk", "ru", "en")
PLURAL_FORMS = {"kk": 2, "ru": 3, "en": 2}  # as Qt counts them (CLDR)


def ts_path(lang: str) -> Path:
    return translations_dir() / f"taza_{lang}.ts"


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def update() -> None:
    for lang in LANGS:
        subprocess.run(
            [
                *_tool("lupdate"),
                *sources(),
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                lang,
                "-ts",
                str(ts_path(lang)),
            ],
            cwd=ROOT,
            check=True,
        )
        fill_english(lang)


def fill_english(lang: str) -> None:
    """English needs no translating: the source is the text (plural forms aside)."""
    if lang != "en":
        return
    tree = ET.parse(ts_path(lang))
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is None or message.get("numerus") == "yes":
            continue
        if translation.get("type") == "unfinished" and not (translation.text or "").strip():
            translation.text = message.findtext("source")
            del translation.attrib["type"]
    write(tree, ts_path(lang))


def write(tree: ET.ElementTree, path: Path) -> None:
    """In lupdate's own layout (contexts at the margin, empty elements written out), so that
    ``update`` and ``import`` do not reformat each other's files."""
    root = tree.getroot()
    root.text = "\n"
    for context in root:
        ET.indent(context, space="    ")
        context.tail = "\n"
    body = ET.tostring(root, encoding="unicode", short_empty_elements=False).replace("'", "&apos;")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


def import_json(file: Path) -> None:
    data = json.loads(file.read_text(encoding="utf-8"))
    for lang in LANGS:
        tree = ET.parse(ts_path(lang))
        for context in tree.iter("context"):
            wanted = data.get(context.findtext("name") or "", {})
            for message in context.iter("message"):
                texts = wanted.get(message.findtext("source") or "", {})
                if lang not in texts:
                    continue
                translation = message.find("translation")
                assert translation is not None
                value = texts[lang]
                if message.get("numerus") == "yes":
                    forms = list(value) if isinstance(value, list) else [value]
                    # Kazakh says "5 жазба" like "1 жазба": one form serves both of Qt's slots.
                    forms += forms[-1:] * (PLURAL_FORMS[lang] - len(forms))
                    for child in list(translation):
                        translation.remove(child)
                    for form in forms:
                        ET.SubElement(translation, "numerusform").text = form
                else:
                    translation.text = value
                translation.attrib.pop("type", None)
        write(tree, ts_path(lang))


def problems() -> list[str]:
    found = []
    for lang in LANGS:
        for context in ET.parse(ts_path(lang)).iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                translation = message.find("translation")
                source = message.findtext("source")
                forms = [] if translation is None else [f.text or "" for f in translation.iter("numerusform")]
                if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                    found.append(f"{lang}: {name}: {source!r} is not translated")
                elif message.get("numerus") == "yes" and (
                    len(forms) != PLURAL_FORMS[lang] or not all(f.strip() for f in forms)
                ):
                    found.append(f"{lang}: {name}: {source!r} needs {PLURAL_FORMS[lang]} plural forms")
    return found


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else "build"
    if command == "update":
        update()
    elif command == "import":
        import_json(Path(sys.argv[2]))
    elif command == "build":
        for path in compile_translations(force=True):
            print(f"built {path.relative_to(ROOT)}")
    elif command == "check":
        found = problems()
        print("\n".join(found) or "all translated")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
