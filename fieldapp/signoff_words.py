"""The month sign-off chain in words: what stands in the way of a sign-off, a unit's state and the
history of sign-offs and reopenings — one wording for the coordinator's, the region's and the
ministry's windows (``resources/i18n/signoffs.json``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from fieldapp.i18n import LANGUAGES, Localized, Message, count, msg
from fieldapp.moments import format_moment

# The order in which the things in the way are said, and what each one counts.
BLOCKERS = (
    ("month_not_over", None),
    ("pending_records", "records"),
    ("conflicts", "records"),
    ("missing_okrugs", "okrugs"),
    ("unsigned_districts", "districts"),
    ("unsigned_regions", "regions"),
)
NAMED = {"missing_okrugs", "unsigned_districts", "unsigned_regions"}
MAX_NAMES = 8  # more are summed up as «…»


def blockers(
    found: Mapping[str, int], missing: Sequence[str], name_of: Callable[[str, str], str]
) -> list[Message]:
    """One sentence per thing in the way. ``missing``: the KATO codes still to come (okrugs,
    districts or regions); ``name_of(code, lang)``: a place's name in a language."""
    said = []
    for key, unit in BLOCKERS:
        n = found.get(key, 0)
        if not n:
            continue
        params: dict[str, object] = {}
        if unit is not None:
            params["count"] = count(unit, n)
        if key in NAMED:
            params["names"] = Localized({lang: _names(missing, name_of, lang) for lang in LANGUAGES})
        said.append(msg(f"signoff.blocker.{key}", **params))
    for key in sorted(set(found) - {k for k, _ in BLOCKERS}):
        if found[key]:
            said.append(msg("signoff.blocker.other", name=key))
    return said


def _names(codes: Sequence[str], name_of: Callable[[str, str], str], lang: str) -> str:
    shown = [name_of(code, lang) for code in codes[:MAX_NAMES]]
    return ", ".join(shown) + (", …" if len(codes) > MAX_NAMES else "")


def state(signed: bool, signed_by: str, signed_at: datetime | None, ready: bool) -> Message:
    if signed:
        return msg("signoff.state.signed", who=signed_by, when=format_moment(signed_at) if signed_at else "")
    return msg("signoff.state.ready" if ready else "signoff.state.waiting")


def level(name: str) -> Message:
    return msg(f"signoff.level.{name}")


def event(action: str, actor: str, at: datetime, unit: Localized | str, reason: str = "") -> Message:
    return msg(f"signoff.event.{action}", when=format_moment(at), who=actor, unit=unit, reason=reason)
