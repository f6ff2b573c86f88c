"""argparse's own words — "usage:", "options:", its error messages — in the reader's language.

argparse asks ``gettext`` for them through the module-level names ``argparse._`` and
``argparse.ngettext`` (Python 3.11 to 3.13 alike), looked up each time a parser is built, its help
is formatted or an error is reported. :func:`argparse_language` puts the catalogue's texts
(``resources/i18n/argparse.json``) in their place while a parser is built and used, and gives the
originals back afterwards. A text argparse asks for that is not listed stays English.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from fieldapp.i18n import catalogue

# argparse's msgid → the catalogue's key.
WORDS: dict[str, str] = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positional_arguments",
    "options": "argparse.options",
    "optional arguments": "argparse.options",  # before Python 3.10; kept should a backport say it
    "show this help message and exit": "argparse.help",
    "show program's version number and exit": "argparse.version",
    "%(prog)s: error: %(message)s\n": "argparse.error",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "the following arguments are required: %s": "argparse.required",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "expected one argument": "argparse.expected_one",
    "expected at least one argument": "argparse.expected_at_least_one",
    "expected at most one argument": "argparse.expected_at_most_one",
    "expected %s argument": "argparse.expected_n",
    "expected %s arguments": "argparse.expected_n_plural",
    "not allowed with argument %s": "argparse.not_allowed_with",
    "one of the arguments %s is required": "argparse.one_required",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "argparse.unknown_parser",
    "ignored explicit argument %r": "argparse.ignored_explicit",
    "can't open '%(filename)s': %(error)s": "argparse.cannot_open",
}


def words(lang: str) -> Callable[[str], str]:
    """gettext for argparse in ``lang``: the catalogue's text, else argparse's own."""
    texts = catalogue()

    def gettext(message: str) -> str:
        key = WORDS.get(message)
        text = texts.get(key, {}).get(lang) if key else None
        # argparse's words are said without plural forms ("ожидается аргументов: 2")
        return text if isinstance(text, str) and text else message

    return gettext


@contextmanager
def argparse_language(lang: str) -> Iterator[None]:
    """argparse speaks ``lang`` inside the ``with`` block (building a parser and parsing both)."""
    gettext = words(lang)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    names = {"_": gettext, "ngettext": ngettext}
    saved = {name: argparse.__dict__[name] for name in names if name in argparse.__dict__}
    argparse.__dict__.update(names)
    try:
        yield
    finally:
        for name in names:  # as it was: argparse's own, or (had it none) none
            if name in saved:
                argparse.__dict__[name] = saved[name]
            else:
                argparse.__dict__.pop(name, None)
