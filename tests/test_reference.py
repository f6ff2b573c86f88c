"""Campaigns and waste fractions: the shipped default, server updates and their messages."""

from __future__ import annotations

import json
import re
import string
from typing import Any

import pytest

from fieldapp.i18n import LANGUAGES
from fieldapp.reference import (
    Campaign,
    Fraction,
    ReferenceData,
    ReferenceDataError,
    default_reference,
    newest,
)
from fieldapp.resources import resource_path

REQUIRED_CAMPAIGNS = {
    "subbotnik",
    "world_cleanup_day",
    "march_of_parks",
    "tree_planting",
    "taza_aula",
    "ulgili_auyl",
    "other",
}
REQUIRED_FRACTIONS = {
    "mixed",
    "plastic",
    "paper",
    "glass",
    "metal",
    "organic",
    "construction",
    "hazardous",
}
MAX_NAME_LENGTH = 30  # a combo box entry or a table column header


def shipped() -> dict[str, Any]:
    return json.loads(resource_path("reference.json").read_text(encoding="utf-8"))


def update(**changes: Any) -> dict[str, Any]:
    """The shipped data as a server update would send it, one version up, with ``changes``."""
    data = shipped()
    data["version"] += 1
    data.update(changes)
    return data


def rejection(data: Any) -> ReferenceDataError:
    text = data if isinstance(data, str | bytes) else json.dumps(data, ensure_ascii=False)
    with pytest.raises(ReferenceDataError) as caught:
        ReferenceData.from_json(text)
    return caught.value


def assert_renders(error: ReferenceDataError, *fragments: str) -> None:
    """The error reads as real text in every language and names what is wrong."""
    for lang in LANGUAGES:
        text = error.text(lang)
        assert not re.search(r"\breference\.\w+", text), f"untranslated key in {lang}: {text}"
        assert "{" not in text, f"unfilled placeholder in {lang}: {text}"
        for fragment in fragments:
            assert fragment in text, f"{fragment!r} not in {lang}: {text}"


# --- the shipped default ------------------------------------------------------------------------


def test_shipped_default_loads() -> None:
    data = default_reference()
    assert data.version >= 1
    assert data is default_reference()  # loaded once
    assert ReferenceData.from_json(resource_path("reference.json").read_bytes()) == data


def test_required_codes_exist() -> None:
    data = default_reference()
    assert {item.code for item in data.campaigns} >= REQUIRED_CAMPAIGNS
    assert {item.code for item in data.fractions} >= REQUIRED_FRACTIONS
    assert all(data.campaign(code) for code in REQUIRED_CAMPAIGNS)
    assert all(data.fraction(code) for code in REQUIRED_FRACTIONS)
    assert data.campaign("nope") is None
    assert data.fraction("nope") is None


def test_every_name_in_every_language_and_short() -> None:
    data = default_reference()
    for item in (*data.campaigns, *data.fractions):
        for lang in LANGUAGES:
            name = item.name(lang)
            assert name.strip() == name
            assert 0 < len(name) <= MAX_NAME_LENGTH, (item.code, lang, name)
            if item.hints:
                assert item.hint(lang)


def test_glossary_terms() -> None:
    data = default_reference()
    assert data.campaign("subbotnik").names["kk"] == "Сенбілік"
    assert data.campaign("subbotnik").names["ru"] == "Субботник"
    assert data.campaign("march_of_parks").name("kk") == "Саябақтар шеруі"
    assert data.campaign("march_of_parks").name("ru") == "Марш парков"
    assert data.campaign("world_cleanup_day").name("kk") == "Дүниежүзілік тазалық күні"
    assert data.campaign("world_cleanup_day").name("ru") == "Всемирный день чистоты"
    assert data.campaign("world_cleanup_day").name("en") == "World Cleanup Day"


def test_name_falls_back_to_english_for_other_languages() -> None:
    tree_planting = default_reference().campaign("tree_planting")
    assert tree_planting.name("ru_RU") == "Посадка деревьев"
    assert tree_planting.name("de") == "Tree planting"


def test_only_hazardous_fraction_is_flagged() -> None:
    data = default_reference()
    assert [item.code for item in data.fractions if item.hazardous] == ["hazardous"]


def test_active_lists_in_display_order() -> None:
    data = default_reference()
    campaigns = data.active_campaigns()
    assert [item.order for item in campaigns] == sorted(item.order for item in campaigns)
    assert campaigns[0].code == "subbotnik"
    assert campaigns[-1].code == "other"
    assert all(isinstance(item, Campaign) for item in campaigns)
    assert all(isinstance(item, Fraction) for item in data.active_fractions())


# --- server updates -----------------------------------------------------------------------------


def test_update_can_retire_and_add() -> None:
    data = update()
    data["campaigns"][0]["active"] = False  # subbotnik retired, not removed
    data["campaigns"].append(
        {
            "code": "tazaru_kuni",
            "names": {"kk": "Тазару күні", "ru": "День очищения", "en": "Day of Cleansing"},
            "order": 15,
        }
    )
    data["future_field"] = "ignored"  # a newer server may send more than this app knows
    received = ReferenceData.from_json(json.dumps(data, ensure_ascii=False))
    assert received.version == default_reference().version + 1
    assert "subbotnik" not in [item.code for item in received.active_campaigns()]
    assert received.campaign("subbotnik").name("kk") == "Сенбілік"  # old records still read
    assert received.active_campaigns()[0].code == "tazaru_kuni"


def test_rejects_non_json() -> None:
    error = rejection('{"version": 2, "campaigns": [')
    assert_renders(error, "JSON")
    assert error.problems[0].key == "reference.not_json"


def test_rejects_bytes_that_are_not_text() -> None:
    assert_renders(rejection(b'{"version": 2, "campaigns": "\xc0\xff"}'), "UTF-8")


def test_rejects_json_that_is_not_an_object() -> None:
    error = rejection("[1, 2, 3]")
    assert_renders(error, "JSON")
    assert [problem.key for problem in error.problems] == ["reference.not_object"]


def test_rejects_duplicate_codes() -> None:
    data = update()
    data["fractions"].append(dict(data["fractions"][0]))
    data["campaigns"].append(dict(data["campaigns"][1]))
    error = rejection(data)
    assert_renders(error, "fractions", "mixed", "campaigns", "world_cleanup_day")
    assert [problem.key for problem in error.problems] == ["reference.duplicate_code"] * 2


def test_rejects_missing_languages() -> None:
    data = update()
    del data["campaigns"][2]["names"]["kk"]
    data["fractions"][3]["names"]["en"] = "   "
    error = rejection(data)
    assert_renders(error, "campaigns[2].names", "kk", "fractions[3].names", "en")
    assert {problem.key for problem in error.problems} == {"reference.missing_name"}


@pytest.mark.parametrize("code", ["Subbotnik", "x", "1abc", "tree-planting", "a" * 41, "ағаш"])
def test_rejects_bad_codes(code: str) -> None:
    data = update()
    data["campaigns"].append({"code": code, "names": {"kk": "a", "ru": "b", "en": "c"}, "order": 1})
    error = rejection(data)
    assert_renders(error, "campaigns[7].code", code)
    assert [problem.key for problem in error.problems] == ["reference.bad_code"]


def test_rejects_dropped_codes() -> None:
    data = update()
    data["campaigns"] = [item for item in data["campaigns"] if item["code"] != "march_of_parks"]
    data["fractions"] = [item for item in data["fractions"] if item["code"] != "glass"]
    error = rejection(data)
    assert_renders(error, "march_of_parks", "glass")
    assert [problem.key for problem in error.problems] == [
        "reference.dropped_campaign",
        "reference.dropped_fraction",
    ]


def test_dropped_codes_are_checked_against_the_previous_update() -> None:
    data = update()
    names = {"kk": "Тоқыма", "ru": "Текстиль", "en": "Textiles"}
    data["fractions"].append({"code": "textile", "names": names, "order": 90})
    previous = ReferenceData.from_json(json.dumps(data, ensure_ascii=False))
    data["version"] += 1
    data["fractions"].pop()
    with pytest.raises(ReferenceDataError) as caught:
        ReferenceData.from_json(json.dumps(data, ensure_ascii=False), previous=previous)
    assert_renders(caught.value, "textile")


def test_rejects_nothing_active() -> None:
    data = update()
    for item in data["fractions"]:
        item["active"] = False
    error = rejection(data)
    assert_renders(error)
    assert [problem.key for problem in error.problems] == ["reference.no_active_fraction"]


def test_rejects_wrong_types_and_missing_fields() -> None:
    data = update(version="2")
    del data["campaigns"][0]["order"]
    data["fractions"][0]["hazardous"] = "yes"
    del data["fractions"][1]["names"]
    error = rejection(data)
    assert_renders(error, "version", "campaigns[0].order", "fractions[0].hazardous", "names")
    assert sorted(problem.key for problem in error.problems) == [
        "reference.bad_value",
        "reference.bad_value",
        "reference.missing_field",
        "reference.missing_field",
    ]


def test_rejects_version_zero() -> None:
    assert_renders(rejection(update(version=0)), "version")


def test_long_problem_lists_are_cut_short() -> None:
    data = update()
    for item in data["campaigns"] + data["fractions"]:
        item["order"] = "first"
    error = rejection(data)
    assert len(error.problems) == 15
    assert_renders(error, "5")
    assert error.text("en").count("order has a wrong value") == 10


# --- newest ----------------------------------------------------------------------------------


def test_newest_picks_the_higher_version() -> None:
    default = default_reference()
    newer = ReferenceData.from_json(json.dumps(update(), ensure_ascii=False))
    assert newest(newer, default) is newer
    assert newest(default, newer) is newer
    assert newest(None, default) is default
    same = default.model_copy()
    assert newest(same, default) is same  # a tie goes to the first
    with pytest.raises(ValueError, match="at least one"):
        newest(None)


# --- the messages -------------------------------------------------------------------------------


def test_every_message_in_every_language_with_the_same_placeholders() -> None:
    messages = json.loads(resource_path("i18n", "reference.json").read_text(encoding="utf-8"))
    keys = [key for key in messages if not key.startswith("_")]
    assert keys
    for key in keys:
        assert key.startswith("reference.")
        entry = messages[key]
        assert set(entry) == set(LANGUAGES), key
        placeholders = {lang: _placeholders(entry[lang]) for lang in LANGUAGES}
        assert placeholders["kk"] == placeholders["ru"] == placeholders["en"], key


def _placeholders(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}
