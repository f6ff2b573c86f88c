"""Campaigns and waste fractions: the reference data a record points to by code.

The server sends updates; ``resources/reference.json`` is the default shipped with the app, and
:func:`newest` picks whichever has the higher ``version``.

**Codes are for ever.** A record keeps the code of its campaign and of each waste fraction, so a
code, once shipped, is never removed, renamed or reused for something else. To retire one the
server sets ``active`` to false: an inactive entry is still known (old records stay readable and
show its name) but is no longer offered for new records. An update that drops a code the app
already knows is rejected by :meth:`ReferenceData.from_json`, naming the code.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache, cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import ErrorDetails, PydanticCustomError

from fieldapp.i18n import LANGUAGES, FieldAppError, Message, msg, normalise_language
from fieldapp.resources import resource_path

CODE_PATTERN = r"^[a-z][a-z0-9_]{1,39}$"
MAX_LISTED_PROBLEMS = 10


class Named(BaseModel):
    """An entry of a reference list: a stable code and its name in every language.

    ``names`` (and ``hints``, if given) must hold kk, ru and en; any other language a newer server
    sends is kept but not used.
    """

    model_config = ConfigDict(frozen=True)

    code: str = Field(pattern=CODE_PATTERN, strict=True)
    names: dict[str, str]
    hints: dict[str, str] | None = None  # a longer explanation, e.g. for a tooltip
    order: int = Field(strict=True)  # display order, smallest first
    active: bool = Field(default=True, strict=True)  # offered for new records

    @field_validator("names", "hints")
    @classmethod
    def _every_language(cls, texts: dict[str, str] | None) -> dict[str, str] | None:
        if texts is None:
            return None
        missing = [lang for lang in LANGUAGES if not texts.get(lang, "").strip()]
        if missing:
            raise PydanticCustomError(
                "missing_name", "no text in {languages}", {"languages": ", ".join(missing)}
            )
        return {lang: text.strip() for lang, text in texts.items()}

    def name(self, lang: str) -> str:
        return self.names[normalise_language(lang)]

    def hint(self, lang: str) -> str | None:
        return self.hints[normalise_language(lang)] if self.hints else None


class Campaign(Named):
    """A kind of clean-up action: a subbotnik, World Cleanup Day, «Марш парков»..."""


class Fraction(Named):
    """A kind of waste, counted separately in tonnes."""

    # Batteries, mercury lamps, e-waste: collected and handed over separately, never to a landfill.
    hazardous: bool = Field(default=False, strict=True)


class ReferenceData(BaseModel):
    """One version of the campaigns and waste fractions."""

    model_config = ConfigDict(frozen=True)

    version: int = Field(ge=1, strict=True)
    campaigns: tuple[Campaign, ...]
    fractions: tuple[Fraction, ...]

    @field_validator("campaigns", "fractions")
    @classmethod
    def _codes_unique_one_active(cls, items: tuple[Named, ...]) -> tuple[Named, ...]:
        counts = Counter(item.code for item in items)
        repeated = ", ".join(code for code, count in counts.items() if count > 1)
        if repeated:
            raise PydanticCustomError(
                "duplicate_code", "codes used more than once: {codes}", {"codes": repeated}
            )
        if not any(item.active for item in items):
            raise PydanticCustomError("no_active", "nothing is active")
        return items

    @cached_property
    def _campaigns_by_code(self) -> dict[str, Campaign]:
        return {item.code: item for item in self.campaigns}

    @cached_property
    def _fractions_by_code(self) -> dict[str, Fraction]:
        return {item.code: item for item in self.fractions}

    def campaign(self, code: str) -> Campaign | None:
        """The campaign with this code, active or not."""
        return self._campaigns_by_code.get(code)

    def fraction(self, code: str) -> Fraction | None:
        """The waste fraction with this code, active or not."""
        return self._fractions_by_code.get(code)

    def active_campaigns(self) -> list[Campaign]:
        """The campaigns to offer for a new record, in display order."""
        return sorted((item for item in self.campaigns if item.active), key=_display_order)

    def active_fractions(self) -> list[Fraction]:
        """The waste fractions to offer for a new record, in display order."""
        return sorted((item for item in self.fractions if item.active), key=_display_order)

    @classmethod
    def from_json(
        cls,
        text: str | bytes,
        *,
        previous: ReferenceData | None = None,
    ) -> ReferenceData:
        """Check reference data received from the server.

        It must keep every code of ``previous`` (by default the shipped default): codes are only
        ever deactivated, never removed. Raises :class:`ReferenceDataError` listing what is wrong.
        """
        data = _validated(text)
        dropped = dropped_codes(previous if previous is not None else default_reference(), data)
        if dropped:
            raise ReferenceDataError(dropped)
        return data


class ReferenceDataError(FieldAppError):
    """Reference data that cannot be used; ``problems`` holds one message per thing wrong."""

    def __init__(self, problems: Sequence[Message]):
        if not problems:
            raise ValueError("a ReferenceDataError needs at least one problem")
        super().__init__(msg("reference.rejected", problems=_listed(problems)))
        self.problems = tuple(problems)


def dropped_codes(previous: ReferenceData, update: ReferenceData) -> list[Message]:
    """A message for every code of ``previous`` that ``update`` no longer has."""
    problems: list[Message] = []
    for key, old, new in (
        ("reference.dropped_campaign", previous.campaigns, update.campaigns),
        ("reference.dropped_fraction", previous.fractions, update.fractions),
    ):
        kept = {item.code for item in new}
        problems += [msg(key, code=item.code) for item in old if item.code not in kept]
    return problems


def newest(*candidates: ReferenceData | None) -> ReferenceData:
    """The candidate with the highest version (the first of them on a tie); ``None`` is skipped.

    ``newest(update_from_server, default_reference())``
    """
    present = [data for data in candidates if data is not None]
    if not present:
        raise ValueError("newest() needs at least one ReferenceData")
    return max(present, key=lambda data: data.version)


@cache
def default_reference() -> ReferenceData:
    """The reference data shipped with the app, loaded once."""
    return _validated(resource_path("reference.json").read_bytes())


# --- reading and explaining -----------------------------------------------------------------------


def _display_order(item: Named) -> tuple[int, str]:
    return (item.order, item.code)


def _validated(text: str | bytes) -> ReferenceData:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = msg("reference.not_json", line=exc.lineno, column=exc.colno)
        raise ReferenceDataError([problem]) from exc
    except UnicodeDecodeError as exc:
        raise ReferenceDataError([msg("reference.not_text")]) from exc
    try:
        return ReferenceData.model_validate(data)
    except ValidationError as exc:
        raise ReferenceDataError([_problem(error) for error in exc.errors()]) from exc


def _problem(error: ErrorDetails) -> Message:
    """A pydantic error as a message the reader understands in their language."""
    loc = error["loc"]
    field = _json_path(loc)
    context: Mapping[str, Any] = error.get("ctx") or {}
    kind = error["type"]
    if not loc:
        return msg("reference.not_object")
    if kind == "missing":
        return msg("reference.missing_field", field=field)
    if kind == "string_pattern_mismatch" and loc[-1] == "code":
        return msg("reference.bad_code", field=field, code=str(error["input"]))
    if kind == "missing_name":
        return msg("reference.missing_name", field=field, languages=context["languages"])
    if kind == "duplicate_code":
        return msg("reference.duplicate_code", field=field, codes=context["codes"])
    if kind == "no_active":
        noun = "campaign" if loc[0] == "campaigns" else "fraction"
        return msg(f"reference.no_active_{noun}")
    return msg("reference.bad_value", field=field)


def _json_path(loc: tuple[int | str, ...]) -> str:
    """``("campaigns", 2, "names")`` → ``"campaigns[2].names"``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else part
    return path


def _listed(problems: Sequence[Message]) -> Message:
    """The problems as one message, "first; second; ...", at most MAX_LISTED_PROBLEMS of them."""
    shown = list(problems[:MAX_LISTED_PROBLEMS])
    if len(problems) > len(shown):
        shown.append(msg("reference.more", count=len(problems) - len(shown)))
    listed = shown[-1]
    for problem in reversed(shown[:-1]):
        listed = msg("reference.list", head=problem, tail=listed)
    return listed
