"""Quantities as people type them and as we keep them.

Tonnes are typed with up to 3 decimals and kept as integer kilograms; hectares with up to 2
decimals and kept as integer square metres (1 ha = 10,000 m², so 0.01 ha = 100 m²). No float
ever holds a quantity: text → :class:`~decimal.Decimal` → int.
"""

from __future__ import annotations

from decimal import Decimal

from fieldapp.i18n import FieldAppError, Label, Message, count, msg
from fieldapp.numbers import NumberTextError, format_decimal, parse_decimal

KG_PER_TONNE = 1000
M2_PER_HECTARE = 10_000
TONNE_DECIMALS = 3
HECTARE_DECIMALS = 2


class QuantityError(FieldAppError):
    """Typed text that cannot be a quantity; ``message`` says why in the user's language."""


def _decimals(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def parse_quantity(text: str, lang: str, *, decimals: int, field: Label) -> Decimal:
    """Parse a non-negative number with at most ``decimals`` decimals."""
    try:
        value = parse_decimal(text, lang)
    except NumberTextError as exc:
        key = {"empty": "value.required", "ambiguous": "value.ambiguous_number"}.get(
            exc.reason, "value.not_a_number"
        )
        raise QuantityError(msg(key, field=field, text=text.strip())) from None
    if value < 0:
        raise QuantityError(msg("value.negative", field=field))
    if _decimals(value) > decimals:
        raise QuantityError(msg("value.too_many_decimals", field=field, places=decimals))
    return value


def tonnes_to_kg(tonnes: Decimal) -> int:
    kg = tonnes * KG_PER_TONNE
    if kg != kg.to_integral_value():
        raise ValueError(f"{tonnes} t is not a whole number of kilograms")
    return int(kg)


def hectares_to_m2(hectares: Decimal) -> int:
    m2 = hectares * M2_PER_HECTARE
    if m2 != m2.to_integral_value():
        raise ValueError(f"{hectares} ha is not a whole number of square metres")
    return int(m2)


def kg_to_tonnes(kg: int) -> Decimal:
    return Decimal(kg).scaleb(-3)


def m2_to_hectares(m2: int) -> Decimal:
    return Decimal(m2).scaleb(-4)


def parse_tonnes(text: str, lang: str, field: Label | None = None) -> int:
    """``"1,25"`` (ru) → 1250 kg. Raises :class:`QuantityError`."""
    value = parse_quantity(text, lang, decimals=TONNE_DECIMALS, field=field or msg("field.tonnes"))
    return tonnes_to_kg(value)


def parse_hectares(text: str, lang: str, field: Label | None = None) -> int:
    """``"0,5"`` (kk) → 5000 m². Raises :class:`QuantityError`."""
    value = parse_quantity(text, lang, decimals=HECTARE_DECIMALS, field=field or msg("field.area"))
    return hectares_to_m2(value)


def parse_count(text: str, lang: str, field: Label) -> int:
    """A whole, non-negative count (participants, trees)."""
    try:
        value = parse_quantity(text, lang, decimals=0, field=field)
    except QuantityError as exc:
        if exc.message.key == "value.too_many_decimals":
            raise QuantityError(msg("value.not_whole", field=field)) from None
        raise
    return int(value)


def format_tonnes(kg: int, lang: str, *, fixed: bool = False) -> str:
    """1250 → ``"1,25"`` in kk/ru, ``"1.25"`` in en; ``fixed`` keeps all 3 decimals (for columns)."""
    return format_decimal(kg_to_tonnes(kg), lang, TONNE_DECIMALS, trim=not fixed)


def format_hectares(m2: int, lang: str, *, fixed: bool = False) -> str:
    return format_decimal(m2_to_hectares(m2), lang, HECTARE_DECIMALS, trim=not fixed)


def tonnes_count(kg: int) -> Message:
    """«1,5 тонны», "1 tonne": a mass in the words of a sentence, rounded as :func:`format_tonnes`."""
    return count("tonnes", kg_to_tonnes(kg).quantize(Decimal(1).scaleb(-TONNE_DECIMALS)))


def hectares_count(m2: int) -> Message:
    """«1,5 гектара», "1 hectare": an area in the words of a sentence, rounded as :func:`format_hectares`."""
    return count("hectares", m2_to_hectares(m2).quantize(Decimal(1).scaleb(-HECTARE_DECIMALS)))
