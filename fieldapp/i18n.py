"""The domain's message catalogue: what the core says to people, in Kazakh, Russian and English.

The core never builds user-facing text itself. It raises or returns a :class:`Message` (a catalogue
key and its parameters); whoever shows it renders it in the reader's language. The catalogue is
the JSON files in ``resources/i18n/`` (one per area: ``record.json``, ``photos.json``...), one
entry per key, each with ``kk``, ``ru`` and ``en`` text using ``{name}`` placeholders. The UI's
own strings use Qt's translation system instead.

A message about a number of things is a *plural entry*: per language, a dict from CLDR plural
category (``one``, ``few``, ``many``, ``other``) to text, the form chosen by the ``count`` parameter
as the reader sees it (Babel's CLDR rules: «1 акция», «2 акции», «5 акций», «21 акция», «1,5 гектара»;
Kazakh nouns after a number do not change, «5 акция»). Each language lists exactly the categories
its rules have (tests/test_catalogue.py checks it). A text naming several counts takes
:func:`count` messages as its parameters. Month names: :func:`month_name` (nominative, «Ақпан
2026») and :func:`month_in` («в феврале 2026», «2026 жылғы ақпанда», "in February 2026").
"""

from __future__ import annotations

import json
import locale
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from babel import Locale as CldrLocale

from fieldapp.numbers import format_decimal, format_int, separators
from fieldapp.resources import resource_path

LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")
FALLBACK_LANGUAGE = "en"


# A language's text of an entry: a string, or (a plural entry) CLDR category → string.
Text = str | dict[str, str]
COUNT = "count"  # the parameter whose number chooses a plural entry's form


@cache
def catalogue() -> dict[str, dict[str, Text]]:
    merged: dict[str, dict[str, Text]] = {}
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


def count(unit: str, value: int | Decimal | str) -> Message:
    """«5 акций», «1,5 гектара», "1 record": the catalogue's ``count.<unit>`` entry for ``value``
    (tonnes and hectares as Decimals with their places, see fieldapp.units; a string is a number
    already written for the reader, «1,1 млн»)."""
    return Message(f"count.{unit}", {COUNT: value})


@cache
def _cldr(lang: str) -> CldrLocale:
    return CldrLocale.parse(lang)


def plural_categories(lang: str) -> frozenset[str]:
    """The CLDR plural categories of a language: ru one/few/many/other, kk and en one/other."""
    return frozenset(_cldr(lang).plural_form.tags) | {"other"}


def plural_category(number: int | Decimal | str, lang: str) -> str:
    """The CLDR category of a number; a string is a number as :func:`render_param` wrote it
    («1,5», «1 200»), so the form agrees with what the reader sees (1.50 shown as «1,5»)."""
    if isinstance(number, str):
        decimal_mark, group = separators(lang)
        figure, _, word = number.replace(group, "").replace("\u202f", "").strip().partition(" ")
        if word:
            # «844 тыс.», «1,1 млн», "2 million": the noun follows the word of magnitude, in the
            # form of many («1 млн тонн», "1 million tonnes").
            return "many" if "many" in plural_categories(lang) else "other"
        try:
            number = Decimal(figure.replace(decimal_mark, "."))
        except InvalidOperation:
            return "other"  # not a figure («—»): the general form
    return str(_cldr(lang).plural_form(number))


def translate(key: str, lang: str, /, **params: Any) -> str:
    entry = catalogue().get(key)
    if entry is None:
        # A missing key is a bug; show the key rather than nothing, so it is reported.
        return key
    template = entry.get(lang) or entry[FALLBACK_LANGUAGE]
    if lang not in entry:
        lang = FALLBACK_LANGUAGE
    rendered = {name: render_param(value, lang) for name, value in params.items()}
    if isinstance(template, dict):
        if COUNT not in rendered:
            return key  # a plural entry shown without its number: a bug, reported like a missing key
        template = template.get(plural_category(rendered[COUNT], lang)) or template["other"]
    return template.format_map(rendered)


def month_name(year: int, month: int, lang: str) -> str:
    """The month as a heading or a choice, nominative: «Ақпан 2026», «Февраль 2026», "February 2026"."""
    lang = normalise_language(lang)
    name = str(_cldr(lang).months["stand-alone"]["wide"][month])
    return f"{name[:1].upper()}{name[1:]} {year}"


def month_in(year: int, month: int) -> Message:
    """When, inside a sentence: «в феврале 2026», «2026 жылғы ақпанда», "in February 2026" (CLDR has
    no prepositional or locative case: the catalogue's ``month.in.<n>``)."""
    return Message(f"month.in.{month}", {"year": str(year)})


def month_in_text(text: str) -> Message:
    """:func:`month_in` of a YYYY-MM month."""
    return month_in(int(text[:4]), int(text[5:7]))


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
