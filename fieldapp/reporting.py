"""Who has reported, as a coordinator reads it: which months were expected of an okrug, the five
states of a month, and the reporting rates. One rule for the coordinator's tab, its exports and
the server's completeness report.

A month of an okrug is, as a fact, *reported* (a live record), *nothing* (a nil report, not
withdrawn, and no record) or *missing*. Read against the calendar, a missing month is not always
a failing: the month under way is *under_way* (it is not over yet) and a month before the okrug's
first record or nil report is *not_started* (it had not begun to use the app). Neither of those is
expected. The reporting rate is what was reported (records, or "nothing done") of what was expected.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property


class State(StrEnum):
    REPORTED = "reported"  # at least one live record that month
    NOTHING = "nothing"  # the okrug reported that nothing was done
    MISSING = "missing"  # nothing from the okrug, and something was expected
    UNDER_WAY = "under_way"  # the month is not over: nothing expected yet
    NOT_STARTED = "not_started"  # before the okrug's first record or nil report


FACTS = (State.REPORTED, State.NOTHING, State.MISSING)  # what a month holds, before the calendar
NOT_EXPECTED = frozenset({State.UNDER_WAY, State.NOT_STARTED})
# How the states sort: the reported first, the missing after them, the not expected last.
ORDER = (State.REPORTED, State.NOTHING, State.MISSING, State.UNDER_WAY, State.NOT_STARTED)


def state_of(fact: str, month: str, *, this_month: str, first: str | None) -> State:
    """How ``month`` (YYYY-MM) of an okrug reads: ``fact`` (reported, nothing or missing) as it is,
    except that nothing in the month under way is *under_way* and nothing before ``first`` (the
    okrug's first month with a record or nil report; None: it never sent one) is *not_started*.
    An okrug that never reported is missing every month that is over."""
    state = State(fact)
    if state is not State.MISSING:
        return state
    if month == this_month:
        return State.UNDER_WAY
    if first is not None and month < first:
        return State.NOT_STARTED
    return state


@dataclass(frozen=True)
class Rate:
    """``done`` of ``expected`` months reported (records or "nothing done")."""

    done: int = 0
    expected: int = 0

    @property
    def share(self) -> float | None:
        """0.0–1.0; None when nothing was expected."""
        return self.done / self.expected if self.expected else None

    @property
    def percent(self) -> str:
        """«83 %», or «—» when nothing was expected."""
        share = self.share
        return "—" if share is None else f"{100 * share:.0f} %"

    def __add__(self, other: Rate) -> Rate:
        return Rate(self.done + other.done, self.expected + other.expected)


def rate_of(states: Iterable[State]) -> Rate:
    done = expected = 0
    for state in states:
        if state in NOT_EXPECTED:
            continue
        expected += 1
        done += state is not State.MISSING
    return Rate(done, expected)


@dataclass(frozen=True)
class Reporting:
    """The okrug × month matrix read against the calendar.

    ``facts``: okrug → month → reported | nothing | missing (every okrug has the same months);
    ``first``: okrug → its first month with a record or a nil report (absent: none yet);
    ``this_month``: today's YYYY-MM."""

    facts: Mapping[str, Mapping[str, str]]
    first: Mapping[str, str]
    this_month: str

    @property
    def okrugs(self) -> list[str]:
        return list(self.facts)

    @property
    def months(self) -> list[str]:
        return list(next(iter(self.facts.values()))) if self.facts else []

    @cached_property
    def _read(self) -> dict[str, dict[str, State]]:
        """Every month of every okrug read once (a country's matrix is 2,400 okrugs × 12 months)."""
        return {
            okrug: {
                month: state_of(fact, month, this_month=self.this_month, first=self.first.get(okrug))
                for month, fact in months.items()
            }
            for okrug, months in self.facts.items()
        }

    def shown(self, okrug: str, month: str) -> State:
        return self._read[okrug][month]

    def states(self, okrug: str) -> dict[str, State]:
        return dict(self._read[okrug])

    def rate(self, okrug: str | None = None, month: str | None = None) -> Rate:
        """Of one okrug, of one month, or (neither) of the whole matrix."""
        okrugs: Sequence[str] = [okrug] if okrug is not None else self.okrugs
        months: Sequence[str] = [month] if month is not None else self.months
        return rate_of(self.shown(o, m) for o in okrugs for m in months)
