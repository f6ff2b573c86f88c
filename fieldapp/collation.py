"""Names in alphabetical order the way a reader in Kazakhstan expects them.

Python's ``sorted`` puts the Kazakh letters after «я» (they are outside the Russian block of
Unicode), so «Қарасу» would follow «Ярославка». Here the Cyrillic letters go in the order of the
Kazakh alphabet, which holds the Russian one in its own order with ә, ғ, қ, ң, ө, ұ, ү, һ, і in
their places: А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я.
Case does not count (only to break a tie), numbers inside names compare as numbers («№2» before
«№10»), spaces and punctuation before letters, Latin before Cyrillic (as ICU and Windows sort).
The same key serves the three languages: the Russian and English orders are parts of this one.
"""

from __future__ import annotations

import re
import unicodedata

CYRILLIC_ORDER = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_CYRILLIC_RANK = {letter: rank for rank, letter in enumerate(CYRILLIC_ORDER)}
# The look-alike letters of the old Kazakh fonts that a few KATO names still carry.
_LOOK_ALIKES = str.maketrans({"ќ": "қ", "ў": "ұ", "ї": "ү", "ј": "ә"})
_PARTS = re.compile(r"\d+|\D")

_SPACE, _DIGITS, _LATIN, _CYRILLIC, _OTHER = range(5)


def sort_key(text: str) -> tuple[tuple[tuple[int, int | str], ...], str]:
    """A key for ``sorted``: alphabetical by the rules above."""
    folded = unicodedata.normalize("NFC", text).casefold().translate(_LOOK_ALIKES).strip()
    key: list[tuple[int, int | str]] = []
    for part in _PARTS.findall(folded):
        if part.isdigit():
            key.append((_DIGITS, int(part)))
        elif part in _CYRILLIC_RANK:
            key.append((_CYRILLIC, _CYRILLIC_RANK[part]))
        elif "a" <= part <= "z":
            key.append((_LATIN, part))
        elif part.isspace() or unicodedata.category(part).startswith(("P", "Z", "S")):
            key.append((_SPACE, part))
        else:
            base = unicodedata.normalize("NFD", part)[0]  # é as e
            key.append((_LATIN, base) if "a" <= base <= "z" else (_OTHER, part))
    return tuple(key), text


def sorted_names(names: dict[str, str]) -> tuple[str, ...]:
    """The codes of ``names`` (code → name) in the alphabetical order of their names."""
    return tuple(sorted(names, key=lambda code: (sort_key(names[code]), code)))
