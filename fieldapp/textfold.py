"""Text matching the way people type on a Russian keyboard in Kazakhstan.

Everything searchable is *folded*: case-folded (Cyrillic too), ё read as е, and the Kazakh letters
read as their nearest Russian ones (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и), so «Ақкөл»
is found by "аккол" typed without Kazakh letters. SQLite's own LIKE folds only ASCII case, so
the store keeps a folded copy of each record's text and matches folded queries against it.
"""

from __future__ import annotations

import unicodedata

# Kazakh letters to the Russian letter typed in their place, ё to е, and the look-alike letters of
# the old Kazakh fonts that a few KATO names still carry (Ќ for Қ, Ў for Ұ, Ї for Ү, Ј for Ә).
# Latin "i" is folded too: many people type it for the Kazakh "і". Lower case only: fold after
# case-folding.
LETTER_FOLDS: tuple[tuple[str, str], ...] = (
    ("ё", "е"),
    ("ә", "а"),
    ("ғ", "г"),
    ("қ", "к"),
    ("ң", "н"),
    ("ө", "о"),
    ("ұ", "у"),
    ("ү", "у"),
    ("һ", "х"),
    ("і", "и"),
    ("ќ", "к"),
    ("ў", "у"),
    ("ї", "у"),
    ("ј", "а"),
    ("i", "и"),
)
_FOLD_TABLE = str.maketrans(dict(LETTER_FOLDS))


def fold(text: str) -> str:
    """The form in which search keys and queries are compared."""
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join(text.translate(_FOLD_TABLE).split())


def like_pattern(query: str) -> str | None:
    """A LIKE pattern (with ``\\`` as escape) matching the folded query anywhere; None if empty."""
    folded = fold(query)
    if not folded:
        return None
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
