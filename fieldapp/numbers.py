"""Locale-aware number text: the decimal comma of Kazakh and Russian, the decimal point of English.

Parsing is forgiving in the way people type: either separator is accepted as the decimal mark when
the text holds only one of them, spaces (also no-break ones) group thousands. It never guesses when
the text is ambiguous (``1,234.5`` in Russian): that is an error for the caller to report.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

NBSP = "\u00a0"
_GROUPED = re.compile(r"[-+]?[1-9]\d{0,2}(,\d{3})+")

# Decimal mark and thousands separator per language.
_SEPARATORS = {
    "kk": (",", NBSP),
    "ru": (",", NBSP),
    "en": (".", ","),
}


class NumberTextError(ValueError):
    """Text that is not a number. ``reason`` is ``"empty"``, ``"not_a_number"`` or ``"ambiguous"``."""

    def __init__(self, reason: str, text: str):
        super().__init__(f"{reason}: {text!r}")
        self.reason = reason
        self.text = text


def separators(lang: str) -> tuple[str, str]:
    return _SEPARATORS.get(lang, _SEPARATORS["en"])


def parse_decimal(text: str, lang: str) -> Decimal:
    """Parse a decimal number as a person of ``lang`` would type it."""
    raw = (text or "").strip()
    for space in (" ", NBSP, "\u202f", "\u2009"):
        raw = raw.replace(space, "")
    raw = raw.replace("\u2212", "-")  # the typographic minus
    if not raw:
        raise NumberTextError("empty", text)
    group = separators(lang)[1]
    has_comma, has_dot = "," in raw, "." in raw
    if group == "," and has_comma:
        # English: a comma groups thousands ("1,234.5", "1,234"), but only in groups of three;
        # a lone comma that does not group ("5,2", as typed on a Russian keyboard) is a decimal mark.
        whole = raw.split(".", 1)[0]
        if _GROUPED.fullmatch(whole):
            raw = raw.replace(",", "")
        elif has_dot or raw.count(",") > 1:
            raise NumberTextError("ambiguous", text)
        else:
            raw = raw.replace(",", ".")
    elif has_comma and has_dot:
        raise NumberTextError("ambiguous", text)  # "1,234.5" in Kazakh or Russian
    elif has_comma:
        if raw.count(",") > 1:
            raise NumberTextError("ambiguous", text)
        raw = raw.replace(",", ".")
    if raw.count(".") > 1:
        raise NumberTextError("not_a_number", text)
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise NumberTextError("not_a_number", text) from None
    if not value.is_finite():
        raise NumberTextError("not_a_number", text)
    return value


def format_int(value: int, lang: str) -> str:
    _, group = separators(lang)
    return f"{value:,}".replace(",", group)


def format_decimal(value: Decimal | int | float, lang: str, places: int, *, trim: bool = True) -> str:
    """Format with up to ``places`` decimals; ``trim`` drops trailing zeros (1,500 → 1,5). A float (a GPS
    coordinate) is taken at its exact binary value and rounded to ``places``."""
    quantum = Decimal(1).scaleb(-places)
    text = f"{Decimal(value).quantize(quantum):,.{places}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    decimal_mark, group = separators(lang)
    return text.replace(",", "\x00").replace(".", decimal_mark).replace("\x00", group)


_BYTE_UNITS = {"kk": ("Б", "КБ", "МБ", "ГБ"), "ru": ("Б", "КБ", "МБ", "ГБ"), "en": ("B", "KB", "MB", "GB")}


def format_bytes(count: int, lang: str) -> str:
    """A size as people read it: 950 Б, 12,4 КБ, 3,1 МБ (1 KB = 1,024 bytes)."""
    units = _BYTE_UNITS.get(lang, _BYTE_UNITS["en"])
    value = Decimal(count)
    for unit in units:
        if value < 1024 or unit == units[-1]:
            places = 0 if unit == units[0] or value >= 100 else 1
            return f"{format_decimal(value, lang, places)} {unit}"
        value /= 1024
    raise AssertionError("unreachable")
