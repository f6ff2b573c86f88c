"""The installer's own texts, from the app's catalogue (resources/i18n/installer.json), as NSIS
LangStrings for scripts/windows/installer.nsi: one translation home for the app and its installer.

    python3 scripts/windows/installer_strings.py OUT.nsh
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "installer.json"
# The catalogue's language codes and NSIS's language names (LANG_KAZAKH...).
LANGUAGES = {"kk": "KAZAKH", "ru": "RUSSIAN", "en": "ENGLISH"}
# What each {placeholder} is in the installer script.
PLACEHOLDERS = {
    "version": "${VERSION}",
    "folder": "$INSTDIR",
    "installed": "$InstalledVersion",
    "file": "$ProvisioningFile",
    "data": "$LOCALAPPDATA\\TazaField",
}


def nsis_text(text: str) -> str:
    """``text`` as the inside of an NSIS string in double quotes, its placeholders filled in."""
    escaped = text.replace("$", "$$").replace('"', '$\\"').replace("\r", "").replace("\n", "$\\r$\\n")

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in PLACEHOLDERS:
            raise SystemExit(f"{CATALOGUE.name}: no such placeholder in the installer: {{{name}}}")
        return PLACEHOLDERS[name]

    return re.sub(r"\{(\w+)\}", fill, escaped)


def langstrings(catalogue: dict[str, dict[str, str]]) -> str:
    lines = ["; Made by scripts/windows/installer_strings.py from resources/i18n/installer.json: edit that."]
    for key, texts in catalogue.items():
        if key.startswith("_"):
            continue
        name = key.removeprefix("installer.").upper()
        for code, language in LANGUAGES.items():
            lines.append(f'LangString TEXT_{name} ${{LANG_{language}}} "{nsis_text(texts[code])}"')
    return "\r\n".join(lines) + "\r\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    catalogue = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    # With a byte-order mark makensis reads the file as UTF-8 whatever the machine's code page.
    Path(argv[0]).write_text("\ufeff" + langstrings(catalogue), encoding="utf-8", newline="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
