"""The domain's message catalogue: every message in Kazakh, Russian and English, with the same
placeholders, and every key the code uses present."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

from fieldapp.cli import build_parser
from fieldapp.i18n import COUNT, LANGUAGES, catalogue, msg, plural_categories, translate
from fieldapp.kato import Level
from fieldapp.models import CleanupAction, PhotoRole, Status
from fieldapp.resources import resource_path

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(resource_path("i18n").glob("*.json"))
# Words that are the same in Kazakh and Russian (loanwords, codes).
SAME_IN_KK_AND_RU = {
    "field.campaign",
    "report.period",
    "cli.col.campaign",
    "cli.col.code",
    "cli.col.id",
    "cli.col.photos",
    "field.id",
    "cli.help.lang",
    "cli.help.status",
    "cli.help.campaign",
    "selftest.ok_line",
    "selftest.step.qt",
    "selftest.step.pdf",
    "selftest.detail.version",
    "selftest.detail.qt",
    "selftest.detail.pdf",
}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_there_are_catalogue_files() -> None:
    assert {f.name for f in FILES} >= {"record.json", "store.json", "cli.json", "photos.json"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_file_is_complete_and_consistent(path: Path) -> None:
    def no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
        keys = [k for k, _ in pairs]
        assert len(keys) == len(set(keys)), f"duplicate keys in {path.name}"
        return dict(pairs)

    data = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=no_duplicates)
    for key, entry in data.items():
        if key.startswith("_"):
            continue
        assert set(entry) == set(LANGUAGES), key
        plural = [isinstance(entry[lang], dict) for lang in LANGUAGES]
        assert all(plural) or not any(plural), f"{key}: a plural entry is plural in every language"
        forms = {lang: entry[lang] if plural[0] else {"other": entry[lang]} for lang in LANGUAGES}
        for lang in LANGUAGES:
            if plural[0]:
                assert set(forms[lang]) == plural_categories(lang), f"{key}: {lang} needs its CLDR forms"
            assert all(isinstance(t, str) and t.strip() for t in forms[lang].values()), key
        names = {frozenset(placeholders(text)) for lang in LANGUAGES for text in forms[lang].values()}
        assert len(names) == 1, f"{key}: the placeholders differ between languages or forms"
        if plural[0] and not key.startswith("noun."):  # noun.*: the word under a figure shown apart
            assert COUNT in names.pop(), f"{key}: a plural entry shows its {{count}}"
        ru, kk = forms["ru"]["other"], forms["kk"]["other"]
        loanwords = key in SAME_IN_KK_AND_RU or key.startswith(("reference.", "count.", "noun."))
        if not loanwords and len(ru) > 12:
            assert kk != ru, f"{key}: the Kazakh text is the Russian one"


def test_keys_are_unique_across_files() -> None:
    total = 0
    for path in FILES:
        total += sum(1 for k in json.loads(path.read_text(encoding="utf-8")) if not k.startswith("_"))
    assert len(catalogue()) == total


def used_keys() -> set[str]:
    """Literal keys passed to msg(), translate(), cli.t() and cli.say() anywhere in fieldapp."""
    pattern = re.compile(
        r"""(?:\bmsg|\btranslate|\.t|\.say|report\.(?:error|warn))\(\s*(?:"[^"]*",\s*)?"([a-z_]+\.[a-z0-9_.]+)\""""
    )
    keys = set()
    for path in (ROOT / "fieldapp").rglob("*.py"):
        keys |= set(pattern.findall(path.read_text(encoding="utf-8")))
    return keys


def test_every_literal_key_in_the_code_exists() -> None:
    keys = used_keys()
    assert len(keys) > 60  # the scan really found the code's messages
    missing = sorted(k for k in keys if k not in catalogue())
    assert missing == []


def test_every_computed_key_exists() -> None:
    computed = (
        [f"status.{s.value}" for s in Status]
        + [f"role.{r.value}" for r in PhotoRole]
        + [f"level.{level.value}" for level in Level]
        + [f"event.{e}" for e in ("create", "edit", "delete")]
        + [f"field.{name}" for name in CleanupAction.model_fields]
    )
    assert [k for k in computed if k not in catalogue()] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_command_help_is_translated(lang: str) -> None:
    text = build_parser(lang).format_help()
    assert "cli.help." not in text
    sub = build_parser(lang)._subparsers._group_actions[0].choices["add"].format_help()  # type: ignore[union-attr]
    assert "cli.help." not in sub


def test_nested_messages_render_in_the_same_language() -> None:
    message = msg("value.required", field=msg("field.participants"))
    assert message.text("kk") == "Қатысушылар: міндетті өріс."
    assert message.text("ru") == "Участники: обязательное поле."
    assert message.text("en") == "Participants: this is required."


def test_an_unknown_language_falls_back_to_english() -> None:
    assert translate("status.sent", "de") == "Sent"
