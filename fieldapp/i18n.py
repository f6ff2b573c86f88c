"""The domain's message catalogue: what the core says to people, in Kazakh, Russian and English.

The core never builds user-facing text itself. It raises or returns a :class:`Message` (a catalogue
key and its parameters); whoever shows it renders it in the reader's language. The catalogue is
the JSON files in ``resources/i18n/`` (one per area: ``record.json``, ``photos.json``...), one
entry per key, each with ``kk``, ``ru`` and ``en`` text using ``{name}`` placeholders. The UI's
own strings use Qt's translation system instead.
"""

from __future__ import annotations

import json
import locale
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from fieldapp.numbers import format_decimal, format_int
from fieldapp.resources import resource_path

LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")
FALLBACK_LANGUAGE = "en"


@cache
def catalogue() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(resource_path("i18n").glob("*.json")):
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
        for key, entry in data.items():
            if key.startswith("_"):  # "_comment" entries for translators
                continue
            if key in merged:
                raise ValueError(f"message key {key!r} is defined twice (again in {path.name})")
            merged[key] = entry
    return merged


def normalise_language(lang: str | None) -> str:
    """``"ru_RU.UTF-8"`` → ``"ru"``; anything we do not ship → English."""
    if not lang:
        return FALLBACK_LANGUAGE
    code = lang.replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else FALLBACK_LANGUAGE


def system_language() -> str:
    """The language to start in when the user has not chosen: ``TAZA_FIELD_LANG``, else the OS."""
    chosen = os.environ.get("TAZA_FIELD_LANG")
    if chosen:
        return normalise_language(chosen)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(var):
            return normalise_language(os.environ[var])
    try:
        return normalise_language(locale.getlocale()[0])
    except ValueError:
        return FALLBACK_LANGUAGE


@dataclass(frozen=True)
class Message:
    """A catalogue key with parameters; render it with :meth:`text` in the reader's language.

    Parameter values may be other messages or :class:`Localized` values (rendered in the same
    language), ints (grouped by the locale), Decimals (locale decimal mark), dates (dd.mm.yyyy) or
    plain strings.
    """

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return translate(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.text(FALLBACK_LANGUAGE)


@dataclass(frozen=True)
class Localized:
    """A value that reads differently per language but is data, not catalogue text: a KATO place
    name, a campaign name sent by the server."""

    texts: Mapping[str, str]

    def text(self, lang: str) -> str:
        return self.texts.get(lang) or self.texts.get(FALLBACK_LANGUAGE) or next(iter(self.texts.values()))


# What a field or a message may be labelled with: catalogue text, or a name that is data.
Label = Message | Localized


def msg(key: str, **params: Any) -> Message:
    return Message(key, params)


def translate(key: str, lang: str, /, **params: Any) -> str:
    entry = catalogue().get(key)
    if entry is None:
        # A missing key is a bug; show the key rather than nothing, so it is reported.
        return key
    template = entry.get(lang) or entry[FALLBACK_LANGUAGE]
    rendered = {name: render_param(value, lang) for name, value in params.items()}
    return template.format_map(rendered)


def render_param(value: Any, lang: str) -> str:
    if isinstance(value, Message | Localized):
        return value.text(lang)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_int(value, lang)
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent  # a letter for infinities and NaN
        places = max(0, -exponent) if isinstance(exponent, int) else 0
        return format_decimal(value, lang, places)
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value)


class FieldAppError(Exception):
    """An error the user can understand and act on; carries a :class:`Message`."""

    def __init__(self, message: Message):
        super().__init__(str(message))
        self.message = message

    def text(self, lang: str) -> str:
        return self.message.text(lang)
