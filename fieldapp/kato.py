"""KATO, the official classifier of administrative-territorial objects: where an action took place.

The shipped ``resources/kato.csv`` (see ``resources/KATO-SOURCE.md``) has one row per place with
``code,parent_code,level,name_kk,name_ru``. Codes are 9-digit *strings*: every digit is significant,
so never turn one into an int. The tree is region → district → okrug → settlement/subsettlement;
both settlements and subsettlements hang on their okrug, and 78 of them directly on a district.

Lookups by an unknown code answer ``None`` or ``[]`` (nothing is within an unknown place); only
``kato[code]`` raises ``KeyError``. ``levels`` arguments take one :class:`Level` or several.

Search is forgiving in the way people type on a Russian keyboard: see :func:`search_key`. Its
index (every name folded once) is built on the first search or sorted listing, not at load.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, cached_property
from pathlib import Path

from fieldapp.resources import resource_path
from fieldapp.textfold import LETTER_FOLDS

CSV_COLUMNS = ("code", "parent_code", "level", "name_kk", "name_ru")


class Level(StrEnum):
    REGION = "region"
    DISTRICT = "district"
    OKRUG = "okrug"
    SETTLEMENT = "settlement"
    SUBSETTLEMENT = "subsettlement"

    @property
    def depth(self) -> int:
        """0 for a region, 4 for a subsettlement: a parent always has a smaller depth."""
        return _DEPTH[self]


_DEPTH = {level: depth for depth, level in enumerate(Level)}
_LEVEL_BY_VALUE = {level.value: level for level in Level}
SETTLEMENT_LEVELS = frozenset({Level.SETTLEMENT, Level.SUBSETTLEMENT})


@dataclass(frozen=True, slots=True)
class Place:
    code: str
    parent_code: str | None
    level: Level
    name_kk: str
    name_ru: str

    def name(self, lang: str) -> str:
        """The name to show in ``lang``: KATO has no Latin names, so English shows Russian."""
        return self.name_kk if lang[:2] == "kk" else self.name_ru


# --- search keys --------------------------------------------------------------------------------

# The parts of the official abbreviations in KATO names, already folded: а. ауыл, а.о. ауылдық
# округ, а.ә. ауыл әкімдігі, к. кент, қ. қала, Қ.Ә. қала әкімдігі, ж. жайлау, атын. атындағы,
# шар.қож. шаруа қожалығы; с. село, с.о. сельский округ, п. посёлок, г. город, Г.А. городская
# администрация, р.а. районная администрация, р. разъезд, ст. станция, рзд. разъезд, отг. отгон,
# уч. участок, им. имени, кр.хоз. крестьянское хозяйство, крес.пос. крестьянский посёлок.
_ABBREVIATION_PARTS = (
    "атын",
    "крес",
    "рзд",
    "отг",
    "шар",
    "кож",
    "хоз",
    "пос",
    "уч",
    "ст",
    "им",
    "ат",
    "кр",
    "а",
    "о",
    "с",
    "п",
    "г",
    "к",
    "ж",
    "р",
)
_PART = "(?:" + "|".join(_ABBREVIATION_PARTS) + ")"
# A chain of parts, each closed by a dot ("а.о.", "с.им."), at the start of a word (so after a
# space, a quote or a bracket: every name is given a leading space); its last part may lack the
# dot at the end of the name or before a space ("Кенгирбайбийский с.о"). The regex starts with a
# character class, not a lookbehind, which lets the regex engine scan for candidates fast.
_ABBREVIATION = re.compile(rf"[ \"«»(]{_PART}\.(?:{_PART}\.)*(?:{_PART}(?=[ \n]|$))?")
_ODD_SPACE = re.compile(r"[^\S \n]")  # tabs, no-break spaces...
_PUNCTUATION = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r" {2,}")


def search_key(text: str) -> str:
    """``text`` as search compares it: lower case, letters folded, no abbreviations or punctuation.

    ``search_key("а.Жолымбет") == "жолымбет"``; ``search_key("Ақкөл а.о.") == "аккол"``.
    """
    return _padded_keys([text])[0][1:-1]


def _padded_keys(names: list[str]) -> list[str]:
    """``" " + search_key(name) + " "`` for every name, in one pass over the joined names.

    The padding makes word starts easy to find. Working on one long string instead of 31,000
    short ones is what keeps loading KATO fast.
    """
    text = " " + " \n ".join(names) + " "
    text = _ODD_SPACE.sub(" ", text.casefold())
    for letter, folded in LETTER_FOLDS:
        text = text.replace(letter, folded)
    text = _ABBREVIATION.sub(" ", text)
    text = _SPACES.sub(" ", _PUNCTUATION.sub(" ", text))
    keys = text.split("\n")
    if len(keys) != len(names):  # a name with a line break in it: take the slow road
        return [_padded_keys([name.replace("\n", " ")])[0] for name in names]
    return keys


# Match ranks, best first.
_EXACT, _PREFIX, _WORD_PREFIX, _SUBSTRING = range(4)


@dataclass(frozen=True, slots=True)
class _Needle:
    """A query as search matches it against padded keys."""

    text: str  # the search key of the query
    word: str  # " " + text: the query at the start of a word
    whole: str  # " " + text + " ": the query as a whole name

    @classmethod
    def of(cls, query: str) -> _Needle:
        text = search_key(query)
        return cls(text, " " + text, " " + text + " ")

    def rank(self, key: str) -> int | None:
        """How well the query matches ``key`` (a padded search key); None if not at all."""
        if self.text not in key:
            return None
        if self.word not in key:
            return _SUBSTRING
        if key == self.whole:
            return _EXACT
        return _PREFIX if key.startswith(self.word) else _WORD_PREFIX

    def best_rank(self, *keys: str) -> int:
        """The best rank over ``keys``, at least one of which contains the query."""
        return min(rank for rank in map(self.rank, keys) if rank is not None)


# What search and sorting need of a place, computed once (``Kato._entries``): its padded Kazakh
# and Russian search keys, its code and the place. Sorting these tuples sorts places by name, the
# same way in every language (folded Kazakh name first: Kazakh names put the proper name first,
# "Абай ауданы", where Russian ones often do not, "область Абай"); the code settles ties.
_Entry = tuple[str, str, str, Place]


# --- the classifier -----------------------------------------------------------------------------


class Kato:
    """The whole classifier in memory, with the tree navigation and the search the app needs."""

    def __init__(self, places: Iterable[Place]):
        places = list(places)
        self._places: dict[str, Place] = {place.code: place for place in places}
        if len(self._places) != len(places):
            raise ValueError("KATO: a code appears more than once")
        self._children = _children_by_parent(places, self._places)

    @classmethod
    def load(cls, path: Path | None = None) -> Kato:
        """Read a KATO CSV file; by default the shipped ``resources/kato.csv``."""
        path = path or resource_path("kato.csv")
        with path.open(encoding="utf-8", newline="") as fh:
            rows = csv.reader(fh)
            header = next(rows, None)
            if tuple(header or ()) != CSV_COLUMNS:
                raise ValueError(f"{path}: expected the columns {CSV_COLUMNS}, found {header}")
            return cls(_places_from_rows(list(rows), path))

    @cached_property
    def _entries(self) -> dict[str, _Entry]:
        """Every place with its search keys, by code.

        Folding 31,000 names takes as long as reading the file, so it is done once, at the first
        search or sorted listing, rather than at load: code that only looks places up (the
        server's scope checks, validation) never pays for it.
        """
        places = list(self._places.values())
        names = [place.name_kk for place in places] + [place.name_ru for place in places]
        keys = _padded_keys(names)
        kk_keys, ru_keys = keys[: len(places)], keys[len(places) :]
        return {
            place.code: (kk_key, ru_key, place.code, place)
            for kk_key, ru_key, place in zip(kk_keys, ru_keys, places, strict=True)
        }

    def _sorted(self, places: Iterable[Place]) -> list[Place]:
        entries = self._entries
        return [entry[3] for entry in sorted(entries[place.code] for place in places)]

    # --- lookups ---

    def __len__(self) -> int:
        return len(self._places)

    def __contains__(self, code: object) -> bool:
        return code in self._places

    def get(self, code: str) -> Place | None:
        return self._places.get(code)

    def __getitem__(self, code: str) -> Place:
        return self._places[code]

    # --- the tree ---

    def children(self, code: str, levels: Iterable[Level] | Level | None = None) -> list[Place]:
        """The places directly under ``code``, sorted by name (see ``_Entry``)."""
        wanted = _level_set(levels)
        children = self._children.get(code, ())
        return self._sorted(place for place in children if wanted is None or place.level in wanted)

    def parent(self, code: str) -> Place | None:
        place = self._places.get(code)
        return self._places.get(place.parent_code) if place and place.parent_code else None

    def ancestors(self, code: str) -> list[Place]:
        """The places ``code`` lies in, nearest first (okrug, district, region)."""
        found: list[Place] = []
        place = self.parent(code)
        while place is not None:
            found.append(place)
            place = self.parent(place.code)
        return found

    def regions(self) -> list[Place]:
        return self._sorted(place for place in self._places.values() if place.parent_code is None)

    def districts(self, region_code: str) -> list[Place]:
        return self.children(region_code, (Level.DISTRICT,))

    def okrugs(self, district_code: str) -> list[Place]:
        return self.children(district_code, (Level.OKRUG,))

    def settlements(self, okrug_code: str, include_subsettlements: bool = True) -> list[Place]:
        """The places a device of this okrug can attribute an action to, by name.

        Also works for a district: it then gives the settlements that hang directly on it.
        """
        levels = SETTLEMENT_LEVELS if include_subsettlements else (Level.SETTLEMENT,)
        return self.children(okrug_code, levels)

    def is_within(self, code: str, ancestor_code: str) -> bool:
        """Whether ``code`` lies inside ``ancestor_code``. A place is not within itself."""
        place = self.parent(code)
        while place is not None:
            if place.code == ancestor_code:
                return True
            place = self.parent(place.code)
        return False

    def region_of(self, code: str) -> Place | None:
        """The region ``code`` lies in (itself for a region)."""
        return self._enclosing(code, Level.REGION)

    def district_of(self, code: str) -> Place | None:
        """The district ``code`` lies in (itself for a district); None for a region."""
        return self._enclosing(code, Level.DISTRICT)

    def okrug_of(self, code: str) -> Place | None:
        """The okrug ``code`` lies in (itself for an okrug); None above the okrug level and for
        the settlements that hang directly on a district."""
        return self._enclosing(code, Level.OKRUG)

    def _enclosing(self, code: str, level: Level) -> Place | None:
        place = self._places.get(code)
        while place is not None and place.level is not level:
            place = self.parent(place.code)
        return place

    def _descendants(self, code: str) -> list[Place]:
        found: list[Place] = []
        pending = [code]
        while pending:
            below = self._children.get(pending.pop(), ())
            found.extend(below)
            pending.extend(place.code for place in below)
        return found

    # --- search ---

    def search(
        self,
        query: str,
        *,
        within: str | None = None,
        levels: Iterable[Level] | Level | None = None,
        limit: int = 50,
    ) -> list[Place]:
        """Places whose Kazakh or Russian name matches ``query``, best first.

        Case, ё/е, Kazakh letters typed as Russian ones (ақкөл = аккол), punctuation and the
        official abbreviations (а., с.о., Г.А....) do not matter. An exact name comes first, then
        a name that starts with the query, then one with a word that starts with it, then one that
        merely contains it; within a rank the bigger place comes first, then by name. ``within``
        keeps the places inside that okrug, district or region; ``levels`` keeps those levels.
        A query with nothing to search for gives ``[]``.
        """
        needle = _Needle.of(query)
        if not needle.text or limit <= 0:
            return []
        wanted = _level_set(levels)
        entries = self._entries
        if within is None:
            candidates: Iterable[_Entry] = entries.values()
        else:
            candidates = [entries[place.code] for place in self._descendants(within)]
        hits: list[tuple[int, int, _Entry]] = []
        for entry in candidates:
            kk_key, ru_key, _code, place = entry
            if needle.text not in kk_key and needle.text not in ru_key:
                continue
            if wanted is not None and place.level not in wanted:
                continue
            hits.append((needle.best_rank(kk_key, ru_key), place.level.depth, entry))
        hits.sort()
        return [entry[3] for _rank, _depth, entry in hits[:limit]]


def _level_set(levels: Iterable[Level] | Level | None) -> frozenset[Level] | None:
    """``levels`` as a set; a single Level is a str, so iterating it would give its letters."""
    if levels is None:
        return None
    return frozenset((levels,) if isinstance(levels, Level) else levels)


def _children_by_parent(places: list[Place], by_code: dict[str, Place]) -> dict[str, list[Place]]:
    """Each place's direct children, checking that every parent exists and is bigger."""
    children: dict[str, list[Place]] = {}
    for place in places:
        if place.parent_code is not None:
            children.setdefault(place.parent_code, []).append(place)
    for parent_code, below in children.items():
        parent = by_code.get(parent_code)
        depth = parent.level.depth if parent else len(Level)
        if any(place.level.depth <= depth for place in below):
            raise ValueError(f"KATO: a place under {parent_code} is not inside it")
    return children


def _places_from_rows(rows: list[list[str]], path: Path) -> list[Place]:
    levels = _LEVEL_BY_VALUE
    try:
        return [
            Place(code, parent or None, levels[level], name_kk, name_ru)
            for code, parent, level, name_kk, name_ru in rows
        ]
    except (ValueError, KeyError):
        pass  # find the row to blame, the slow way
    for line, row in enumerate(rows, 2):
        if len(row) != len(CSV_COLUMNS) or row[2] not in levels:
            raise ValueError(f"{path}:{line}: not a KATO row: {row!r}")
    raise AssertionError("unreachable")


@cache
def default_kato() -> Kato:
    """The shipped classifier, loaded once."""
    return Kato.load()
