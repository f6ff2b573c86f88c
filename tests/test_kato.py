"""The KATO classifier: the shipped file, the tree and the search, on the real data."""

from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter

import pytest

from fieldapp.kato import Kato, Level, Place, default_kato, search_key
from fieldapp.resources import resource_path

SHIPPED_SHA256 = "524cba59dc3df623d6823f297c606175c3e432304be725c55b92d4bfb1ca1310"

# A settlement and the places it lies in (Абай облысы → Абай ауданы → Қараауыл а.о.).
QARAAUYL = "103230100"
QARAAUYL_OKRUG = "103230000"
ABAI_DISTRICT = "103200000"
ABAI_REGION = "100000000"
ASTANA = "710000000"


@pytest.fixture(scope="module")
def kato() -> Kato:
    return default_kato()


def codes(places: list[Place]) -> list[str]:
    return [place.code for place in places]


# --- the shipped file ---------------------------------------------------------------------------


def test_shipped_file_is_the_documented_one() -> None:
    digest = hashlib.sha256(resource_path("kato.csv").read_bytes()).hexdigest()
    assert digest == SHIPPED_SHA256
    assert SHIPPED_SHA256 in resource_path("KATO-SOURCE.md").read_text(encoding="utf-8")


def test_loads_every_row(kato: Kato) -> None:
    with resource_path("kato.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 15_594
    assert len(kato) == 15_594
    assert all(row["code"] in kato for row in rows)


def test_counts_per_level(kato: Kato) -> None:
    counts = Counter(kato[code].level for code in _all_codes())
    assert counts == {
        Level.REGION: 20,
        Level.DISTRICT: 228,
        Level.OKRUG: 2_360,
        Level.SETTLEMENT: 6_013,
        Level.SUBSETTLEMENT: 6_973,
    }


def test_codes_are_nine_digit_strings(kato: Kato) -> None:
    for code in _all_codes():
        place = kato[code]
        assert re.fullmatch(r"\d{9}", place.code)
        assert place.parent_code is None or re.fullmatch(r"\d{9}", place.parent_code)
    assert 101010000 not in kato  # an int is not a code: leading zeros would be lost elsewhere


def test_every_parent_exists_and_is_bigger(kato: Kato) -> None:
    for code in _all_codes():
        place = kato[code]
        if place.level is Level.REGION:
            assert place.parent_code is None
            continue
        parent = kato[place.parent_code]
        assert parent.level.depth < place.level.depth


def test_settlements_hang_on_an_okrug_or_a_district(kato: Kato) -> None:
    parents = Counter(
        kato[kato[code].parent_code].level
        for code in _all_codes()
        if kato[code].level in (Level.SETTLEMENT, Level.SUBSETTLEMENT)
    )
    assert parents == {Level.OKRUG: 6_013 + 6_973 - 78, Level.DISTRICT: 78}


def test_known_rows(kato: Kato) -> None:
    semey = kato["101010000"]
    assert semey == Place("101010000", "101000000", Level.OKRUG, "Семей қ.", "г.Семей")
    assert kato.parent("101010000") == kato["101000000"]
    assert kato["100000000"].name_kk == "Абай облысы"
    assert kato["331010000"].name_ru == "г.Талдыкорган"  # Жетісу облысы, since 2022
    assert kato.get("999999999") is None
    with pytest.raises(KeyError):
        kato["999999999"]


def test_astana_is_a_region_with_six_districts_and_no_okrugs(kato: Kato) -> None:
    astana = kato[ASTANA]
    assert astana.level is Level.REGION
    assert astana.parent_code is None
    assert len(kato.districts(ASTANA)) == 6
    assert all(not kato.okrugs(district.code) for district in kato.districts(ASTANA))
    assert not kato.children(ASTANA, levels=[Level.OKRUG])


def test_names_by_language(kato: Kato) -> None:
    place = kato[QARAAUYL]
    assert place.name("kk") == "Қараауыл а."
    assert place.name("ru") == "с.Карааул"
    assert place.name("en") == "с.Карааул"  # KATO has no Latin names


# --- the tree -----------------------------------------------------------------------------------


def test_regions(kato: Kato) -> None:
    regions = kato.regions()
    assert len(regions) == 20
    assert {place.level for place in regions} == {Level.REGION}
    assert regions[0].name_kk == "Абай облысы"


def test_children_are_sorted_by_name(kato: Kato) -> None:
    for parent in (ABAI_REGION, ABAI_DISTRICT, QARAAUYL_OKRUG, "103433000"):
        children = kato.children(parent)
        assert children
        keys = [search_key(place.name_kk) for place in children]
        assert keys == sorted(keys)


def test_children_by_level(kato: Kato) -> None:
    okrug = "103433000"  # Екпін а.о.: one settlement and many subsettlements
    everything = kato.settlements(okrug)
    main_only = kato.settlements(okrug, include_subsettlements=False)
    assert codes(main_only) == ["103433200", "103433100"]  # Аққала а., Екпін а.
    assert len(everything) > len(main_only)
    assert {place.level for place in everything} == {Level.SETTLEMENT, Level.SUBSETTLEMENT}
    subsettlements = [place for place in everything if place.level is Level.SUBSETTLEMENT]
    assert kato.children(okrug, levels=[Level.SUBSETTLEMENT]) == subsettlements
    assert kato.children("999999999") == []


def test_district_and_okrug_lists(kato: Kato) -> None:
    districts = kato.districts(ABAI_REGION)
    assert len(districts) == 12
    assert ABAI_DISTRICT in codes(districts)
    assert QARAAUYL_OKRUG in codes(kato.okrugs(ABAI_DISTRICT))


def test_settlements_directly_on_a_district(kato: Kato) -> None:
    atbasar = kato["113820100"]  # г.Атбасар: no okrug row in the source
    assert kato.parent(atbasar.code).level is Level.DISTRICT
    assert atbasar in kato.settlements(atbasar.parent_code)
    assert kato.okrug_of(atbasar.code) is None
    assert kato.district_of(atbasar.code).code == atbasar.parent_code


def test_ancestors_nearest_first(kato: Kato) -> None:
    assert codes(kato.ancestors(QARAAUYL)) == [QARAAUYL_OKRUG, ABAI_DISTRICT, ABAI_REGION]
    assert kato.ancestors(ABAI_REGION) == []
    assert kato.ancestors("999999999") == []
    assert kato.parent(ABAI_REGION) is None


def test_is_within(kato: Kato) -> None:
    for ancestor in (QARAAUYL_OKRUG, ABAI_DISTRICT, ABAI_REGION):
        assert kato.is_within(QARAAUYL, ancestor)
    other_okrug = "103233000"  # Кеңгірбай би а.о., same district
    assert not kato.is_within(QARAAUYL, other_okrug)
    assert not kato.is_within(QARAAUYL, "110000000")  # Ақмола облысы
    assert not kato.is_within(QARAAUYL, QARAAUYL)
    assert not kato.is_within(ABAI_REGION, QARAAUYL)
    assert not kato.is_within("999999999", ABAI_REGION)


def test_enclosing_places(kato: Kato) -> None:
    assert kato.okrug_of(QARAAUYL).code == QARAAUYL_OKRUG
    assert kato.district_of(QARAAUYL).code == ABAI_DISTRICT
    assert kato.region_of(QARAAUYL).code == ABAI_REGION
    assert kato.region_of(ABAI_REGION).code == ABAI_REGION
    assert kato.district_of(ABAI_REGION) is None
    assert kato.okrug_of(ABAI_DISTRICT) is None
    assert kato.region_of("999999999") is None


def test_load_from_a_path(tmp_path) -> None:
    path = tmp_path / "kato.csv"
    path.write_text(
        "code,parent_code,level,name_kk,name_ru\n"
        "100000000,,region,Абай облысы,область Абай\n"
        "101000000,100000000,district,Семей Қ.Ә.,Семей Г.А.\n",
        encoding="utf-8",
    )
    small = Kato.load(path)
    assert len(small) == 2
    assert codes(small.search("Семей")) == ["101000000"]


@pytest.mark.parametrize(
    ("content", "complaint"),
    [
        ("code,name\n100000000,Абай\n", "expected the columns"),
        (
            "code,parent_code,level,name_kk,name_ru\n100000000,,oblast,Абай облысы,область Абай\n",
            "kato.csv:2: not a KATO row",
        ),
        (
            "code,parent_code,level,name_kk,name_ru\n101000000,100000000,district,Семей,Семей\n",
            "a place under 100000000 is not inside it",
        ),
    ],
    ids=["columns", "level", "parent"],
)
def test_load_refuses_a_broken_file(tmp_path, content: str, complaint: str) -> None:
    path = tmp_path / "kato.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(complaint)):
        Kato.load(path)


# --- search -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Ақкөл а.о.", "аккол"),
        ("а.Ақтас", "актас"),
        ("с.Карааул", "карааул"),
        ("Семей Қ.Ә.", "семей"),
        ("Кенгирбайбийский с.о", "кенгирбайбийский"),
        ("с.им.Крупской", "крупской"),
        ("Берёзовка", "березовка"),
        ("Ақбаз-1 а.", "акбаз 1"),
        ("  ", ""),
    ],
)
def test_search_key(text: str, key: str) -> None:
    assert search_key(text) == key


def test_search_in_kazakh_and_russian(kato: Kato) -> None:
    assert QARAAUYL in codes(kato.search("Қараауыл"))
    assert QARAAUYL in codes(kato.search("Карааул"))
    assert "331010000" in codes(kato.search("Талдықорған"))
    assert "331010000" in codes(kato.search("Талдыкорган"))


def test_kazakh_letters_typed_as_russian(kato: Kato) -> None:
    found = kato.search("Аккол")
    assert found
    assert all("Ақкөл" in place.name_kk or "Аккол" in place.name_ru for place in found[:5])
    assert codes(kato.search("Аккол")) == codes(kato.search("Ақкөл"))
    assert codes(kato.search("көкөзек")) == codes(kato.search("кокозек"))


def test_yo_and_ye_are_the_same(kato: Kato) -> None:
    berezovka = "634047000"  # Берёзовка а.о. / Берёзовский с.о.
    assert berezovka in codes(kato.search("Березовка"))
    assert codes(kato.search("Берёзовка")) == codes(kato.search("Березовка"))


def test_case_does_not_matter(kato: Kato) -> None:
    assert codes(kato.search("ҚАРААУЫЛ")) == codes(kato.search("қараауыл"))
    assert codes(kato.search("АККОЛ")) == codes(kato.search("аккол"))


def test_abbreviations_do_not_stop_a_match(kato: Kato) -> None:
    assert kato.search("Актас", within="353647000")[0].code == "353647100"  # «а.Ақтас»
    assert kato.search("Бозшакол")[0].name_kk == "а.Бозшакөл"
    assert kato.search("Жолым")[0].name_kk.startswith("Жолымбет")
    assert codes(kato.search("с.Карааул")) == codes(kato.search("Карааул"))
    assert codes(kato.search("Қараауыл а.о.")) == codes(kato.search("Қараауыл"))
    assert kato.search("Семей Г.А.")[0].code == "101000000"


def test_search_within(kato: Kato) -> None:
    everywhere = kato.search("Аккол")
    in_akmola = kato.search("Аккол", within="110000000")
    assert 0 < len(in_akmola) < len(everywhere)
    assert all(kato.is_within(place.code, "110000000") for place in in_akmola)
    assert codes(kato.search("Қараауыл", within=QARAAUYL_OKRUG)) == [QARAAUYL]
    assert kato.search("Қараауыл", within="103233000") == []
    assert kato.search("Қараауыл", within="999999999") == []


def test_search_levels(kato: Kato) -> None:
    okrugs = kato.search("Аккол", levels=[Level.OKRUG])
    assert okrugs
    assert {place.level for place in okrugs} == {Level.OKRUG}
    districts = kato.search("Аккол", levels={Level.DISTRICT})
    assert codes(districts) == ["113200000"]  # Ақкөл ауданы
    assert kato.search("Аккол", levels=Level.DISTRICT) == districts  # one level, not its letters
    assert kato.children(ABAI_REGION, Level.DISTRICT) == kato.districts(ABAI_REGION)


def test_search_ranks_exact_then_prefix_then_word_then_substring(kato: Kato) -> None:
    found = kato.search("Семей")
    assert codes(found[:2]) == ["101000000", "101010000"]  # Семей Қ.Ә., Семей қ.
    assert all(place.name_kk.startswith("Семейтау") for place in found[2:5])
    assert found[-1].name_kk == "Жаңасемей ауданы"

    found = kato.search("Ақсу", limit=100)
    kinds = [_match_kind("аксу", place) for place in found]
    assert kinds == sorted(kinds)
    assert set(kinds) == {"1 exact", "2 prefix", "3 word prefix", "4 substring"}
    assert "196635100" in codes(found)  # Үлкен Ақсу а.: a word prefix
    assert "333269600" in codes(found)  # Құрақсу а.: a substring


def test_search_prefers_bigger_places_on_a_tie(kato: Kato) -> None:
    found = kato.search("Ақкөл")
    depths = [place.level.depth for place in found if search_key(place.name_kk) == "аккол"]
    assert depths == sorted(depths)


def test_search_limit(kato: Kato) -> None:
    assert len(kato.search("а")) == 50
    assert len(kato.search("а", limit=5)) == 5
    assert kato.search("а", limit=0) == []


@pytest.mark.parametrize("query", ["", "   ", "\t", "а.о.", "—"])
def test_empty_query_finds_nothing(kato: Kato, query: str) -> None:
    assert kato.search(query) == []


def _match_kind(key: str, place: Place) -> str:
    """How a place's names match a search key, worked out independently of the search code."""
    names = [search_key(place.name_kk), search_key(place.name_ru)]
    if key in names:
        return "1 exact"
    if any(name.startswith(key) for name in names):
        return "2 prefix"
    if any(word.startswith(key) for name in names for word in name.split()):
        return "3 word prefix"
    assert any(key in name for name in names)
    return "4 substring"


def _all_codes() -> list[str]:
    with resource_path("kato.csv").open(encoding="utf-8", newline="") as fh:
        return [row["code"] for row in csv.DictReader(fh)]
