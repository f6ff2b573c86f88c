"""Numbers of things and months in the reader's language: the plural forms CLDR gives each
language (Babel), and month names in the case the sentence needs."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fieldapp.i18n import catalogue, count, month_in, month_in_text, month_name, plural_category, translate
from fieldapp.units import hectares_count, kg_to_tonnes, m2_to_hectares, tonnes_count

NUMBERS = (0, 1, 2, 5, 11, 21, 22, 25, 101, 111, Decimal("1.5"))

ACTIONS = {
    # Kazakh: the noun after a number does not change.
    "kk": ["0 акция", "1 акция", "2 акция", "5 акция", "11 акция", "21 акция", "22 акция", "25 акция",
           "101 акция", "111 акция", "1,5 акция"],
    # Russian: 1, 21, 101 — one; 2–4, 22 — few; 0, 5–20, 25, 111 — many; a fraction — other.
    "ru": ["0 акций", "1 акция", "2 акции", "5 акций", "11 акций", "21 акция", "22 акции", "25 акций",
           "101 акция", "111 акций", "1,5 акции"],
    "en": ["0 actions", "1 action", "2 actions", "5 actions", "11 actions", "21 actions", "22 actions",
           "25 actions", "101 actions", "111 actions", "1.5 actions"],
}  # fmt: skip

HECTARES = {
    "kk": ["0 гектар", "1 гектар", "2 гектар", "5 гектар", "11 гектар", "21 гектар", "22 гектар", "25 гектар",
           "101 гектар", "111 гектар", "1,5 гектар"],
    "ru": ["0 гектаров", "1 гектар", "2 гектара", "5 гектаров", "11 гектаров", "21 гектар", "22 гектара",
           "25 гектаров", "101 гектар", "111 гектаров", "1,5 гектара"],
    "en": ["0 hectares", "1 hectare", "2 hectares", "5 hectares", "11 hectares", "21 hectares", "22 hectares",
           "25 hectares", "101 hectares", "111 hectares", "1.5 hectares"],
}  # fmt: skip

RECORDS = {
    "kk": ["0 жазба", "1 жазба", "2 жазба", "5 жазба", "11 жазба", "21 жазба", "22 жазба", "25 жазба",
           "101 жазба", "111 жазба", "1,5 жазба"],
    "ru": ["0 записей", "1 запись", "2 записи", "5 записей", "11 записей", "21 запись", "22 записи",
           "25 записей", "101 запись", "111 записей", "1,5 записи"],
    "en": ["0 records", "1 record", "2 records", "5 records", "11 records", "21 records", "22 records",
           "25 records", "101 records", "111 records", "1.5 records"],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize(
    ("unit", "expected"), [("actions", ACTIONS), ("hectares", HECTARES), ("records", RECORDS)]
)
def test_counts_take_the_form_of_their_number(unit: str, expected: dict[str, list[str]], lang: str) -> None:
    assert [count(unit, n).text(lang) for n in NUMBERS] == expected[lang]


@pytest.mark.parametrize(
    ("lang", "categories"),
    [
        ("kk", ["other", "one", *["other"] * 9]),
        ("ru", ["many", "one", "few", "many", "many", "one", "few", "many", "one", "many", "other"]),
        ("en", ["other", "one", *["other"] * 9]),
    ],
)
def test_the_categories_are_cldr_s(lang: str, categories: list[str]) -> None:
    assert [plural_category(n, lang) for n in NUMBERS] == categories


def test_the_form_follows_the_number_as_shown() -> None:
    # 1 500 kg is «1,5 тонны»; 1 000 kg is shown as «1» and so is one tonne, not «1 тонны».
    assert count("tonnes", kg_to_tonnes(1500)).text("ru") == "1,5 тонны"
    assert count("tonnes", kg_to_tonnes(1000)).text("ru") == "1 тонна"
    assert count("tonnes", kg_to_tonnes(1000)).text("en") == "1 tonne"
    assert count("tonnes", kg_to_tonnes(21_000)).text("ru") == "21 тонна"
    assert count("hectares", m2_to_hectares(15_000)).text("ru") == "1,5 гектара"
    assert count("hectares", m2_to_hectares(15_000)).text("kk") == "1,5 гектар"
    # Grouped thousands: «1 001» (a no-break space) is still «one».
    assert count("participants", 1001).text("ru") == "1\u00a0001 участник"
    assert count("participants", 1001).text("en") == "1,001 participants"
    assert count("trees", 1234).text("ru") == "1\u00a0234 дерева"


def test_a_figure_with_a_word_of_magnitude_takes_the_form_of_many() -> None:
    # The dashboard's «12,4 тыс.», «1,1 млн»: the noun follows the word of magnitude.
    assert count("tonnes", "12,4 тыс.").text("ru") == "12,4 тыс. тонн"
    assert count("tonnes", "1 млн").text("ru") == "1 млн тонн"
    assert count("tonnes", "1 million").text("en") == "1 million tonnes"
    assert count("tonnes", "21 мың").text("kk") == "21 мың тонна"
    assert count("records", "—").text("ru") == "— записи"  # not a number: the general form


def test_a_plural_entry_shown_without_its_number_shows_its_key() -> None:
    assert translate("count.records", "ru") == "count.records"


def test_every_count_unit_has_the_forms_of_each_language() -> None:
    units = [key for key in catalogue() if key.startswith("count.")]
    assert len(units) >= 10
    for key in units:
        for n in NUMBERS:
            for lang in ("kk", "ru", "en"):
                text = translate(key, lang, count=n)
                assert text != key
                assert "{" not in text


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("kk", [f"2026 жылғы {m}" for m in ("қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда",
                "маусымда", "шілдеде", "тамызда", "қыркүйекте", "қазанда", "қарашада", "желтоқсанда")]),
        ("ru", [f"в {m} 2026" for m in ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле",
                                        "августе", "сентябре", "октябре", "ноябре", "декабре")]),
        ("en", [f"in {m} 2026" for m in ("January", "February", "March", "April", "May", "June", "July",
                                         "August", "September", "October", "November", "December")]),
    ],
)  # fmt: skip
def test_months_inside_a_sentence_take_their_case(lang: str, expected: list[str]) -> None:
    assert [month_in(2026, m).text(lang) for m in range(1, 13)] == expected
    assert month_in_text("2026-02").text(lang) == expected[1]  # the year is not grouped («2 026»)


def test_month_names_as_headings_are_nominative() -> None:
    assert month_name(2026, 2, "kk") == "Ақпан 2026"
    assert month_name(2026, 2, "ru") == "Февраль 2026"
    assert month_name(2026, 2, "en") == "February 2026"
    assert month_name(2026, 11, "ru") == "Ноябрь 2026"


def test_masses_and_areas_in_words_are_rounded_as_their_figures() -> None:
    assert tonnes_count(1234).text("ru") == "1,234 тонны"
    assert tonnes_count(2000).text("ru") == "2 тонны"
    assert hectares_count(12_345).text("ru") == "1,23 гектара"  # hectares show two decimals
    assert hectares_count(10_000).text("en") == "1 hectare"
    assert hectares_count(50_000).text("kk") == "5 гектар"
