"""Typed quantities: locale decimal marks, the decimals rule, integer storage."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fieldapp.numbers import NBSP, NumberTextError, format_decimal, format_int, parse_decimal
from fieldapp.units import (
    QuantityError,
    format_hectares,
    format_tonnes,
    parse_count,
    parse_hectares,
    parse_tonnes,
)
from fieldapp.validation import field_label


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("1,5", "ru", "1.5"),
        ("1.5", "ru", "1.5"),  # a point typed on a Russian keyboard's numpad still works
        ("1 234,5", "kk", "1234.5"),
        (f"1{NBSP}234,5", "ru", "1234.5"),
        ("1,234.5", "en", "1234.5"),
        ("1,234,567", "en", "1234567"),
        ("1,234", "en", "1234"),
        ("5,2", "en", "5.2"),  # typed with a Russian keyboard habit
        ("0,125", "en", "0.125"),  # not a group: a group never starts with 0
        ("1,234", "ru", "1.234"),
        ("  0,125 ", "kk", "0.125"),
        ("−3", "en", "-3"),
    ],
)
def test_parse_decimal_accepts_what_people_type(text: str, lang: str, expected: str) -> None:
    assert parse_decimal(text, lang) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "lang", "reason"),
    [
        ("", "ru", "empty"),
        ("   ", "kk", "empty"),
        ("abc", "en", "not_a_number"),
        ("1,234.5", "ru", "ambiguous"),
        ("1,2,3", "ru", "ambiguous"),
        ("1,2.3", "en", "ambiguous"),
        ("12,34.5", "en", "ambiguous"),
        ("1.2.3", "en", "not_a_number"),
        ("NaN", "en", "not_a_number"),
        ("Infinity", "en", "not_a_number"),
        ("1e5x", "en", "not_a_number"),
    ],
)
def test_parse_decimal_refuses_what_is_not_a_number(text: str, lang: str, reason: str) -> None:
    with pytest.raises(NumberTextError) as exc:
        parse_decimal(text, lang)
    assert exc.value.reason == reason


def test_tonnes_become_integer_kilograms() -> None:
    assert parse_tonnes("1,25", "ru") == 1250
    assert parse_tonnes("0,001", "kk") == 1
    assert parse_tonnes("844000", "en") == 844_000_000
    assert isinstance(parse_tonnes("2", "en"), int)


def test_hectares_become_integer_square_metres() -> None:
    assert parse_hectares("0,5", "kk") == 5000
    assert parse_hectares("0.01", "en") == 100
    assert parse_hectares("1 100 000", "ru") == 11_000_000_000


@pytest.mark.parametrize(
    ("parse", "text", "key"),
    [
        (parse_tonnes, "1,2345", "value.too_many_decimals"),
        (parse_tonnes, "-1", "value.negative"),
        (parse_tonnes, "", "value.required"),
        (parse_tonnes, "пять", "value.not_a_number"),
        (parse_hectares, "0,125", "value.too_many_decimals"),
        (parse_hectares, "-0,5", "value.negative"),
        (parse_hectares, "1,2.3", "value.ambiguous_number"),
    ],
)
def test_bad_quantities_get_a_message_in_each_language(parse, text: str, key: str) -> None:
    with pytest.raises(QuantityError) as exc:
        parse(text, "ru")
    assert exc.value.message.key == key
    texts = {lang: exc.value.text(lang) for lang in ("kk", "ru", "en")}
    assert len(set(texts.values())) == 3  # really three languages, not a fallback
    assert all("{" not in t for t in texts.values())


def test_counts_are_whole_numbers() -> None:
    label = field_label("participants")
    assert parse_count("120", "kk", label) == 120
    with pytest.raises(QuantityError) as exc:
        parse_count("12,5", "ru", label)
    assert exc.value.message.key == "value.not_whole"
    assert exc.value.text("ru") == "Участники: нужно целое число."
    assert "Қатысушылар" in exc.value.text("kk")


def test_formatting_follows_the_language() -> None:
    assert format_tonnes(1250, "ru") == "1,25"
    assert format_tonnes(1250, "en") == "1.25"
    assert format_tonnes(844_000_000, "kk") == f"844{NBSP}000"
    assert format_hectares(11_000_000_000, "en") == "1,100,000"
    assert format_hectares(5000, "kk") == "0,5"
    assert format_int(6_900_000, "ru") == f"6{NBSP}900{NBSP}000"
    assert format_decimal(Decimal("0.10"), "en", 2, trim=False) == "0.10"


def test_round_trip_through_text_is_exact() -> None:
    for kg in (0, 1, 999, 1000, 1001, 123_456_789):
        for lang in ("kk", "ru", "en"):
            assert parse_tonnes(format_tonnes(kg, lang), lang) == kg
    for m2 in (0, 100, 5000, 10_000, 123_456_700):
        for lang in ("kk", "ru", "en"):
            assert parse_hectares(format_hectares(m2, lang), lang) == m2
