"""Who has reported, the rule itself (fieldapp.reporting): which months are expected of an okrug,
the five states, the rates — one rule for the coordinator's tab, its exports and the server."""

from __future__ import annotations

import pytest

from fieldapp.reporting import NOT_EXPECTED, Rate, Reporting, State, rate_of, state_of

THIS_MONTH = "2026-11"


@pytest.mark.parametrize(
    ("fact", "month", "first", "shown"),
    [
        # what was reported stays reported, whenever it is
        ("reported", "2026-03", "2026-03", State.REPORTED),
        ("reported", THIS_MONTH, "2026-03", State.REPORTED),  # a record in the month under way
        ("nothing", "2026-02", "2026-02", State.NOTHING),
        ("nothing", THIS_MONTH, "2026-02", State.NOTHING),
        # nothing in a month that is over, since the okrug began: missing
        ("missing", "2026-07", "2026-03", State.MISSING),
        ("missing", "2026-10", "2025-09", State.MISSING),  # the month before this one
        # nothing in the month under way: not expected yet
        ("missing", THIS_MONTH, "2026-03", State.UNDER_WAY),
        ("missing", THIS_MONTH, None, State.UNDER_WAY),  # never reported, still under way
        # nothing before the okrug's first record or nil report: it had not begun
        ("missing", "2026-01", "2026-03", State.NOT_STARTED),
        ("missing", "2025-12", "2026-01", State.NOT_STARTED),  # across a year's end
        ("missing", "2026-02", "2026-03", State.NOT_STARTED),  # the month just before
        # an okrug that never sent a record or a nil report: red, every month that is over
        ("missing", "2026-01", None, State.MISSING),
        ("missing", "2026-10", None, State.MISSING),
        # a first month after today (a record dated ahead) cannot hide the month under way's state
        ("missing", THIS_MONTH, "2026-12", State.UNDER_WAY),
    ],
)
def test_a_month_reads_against_the_calendar(fact: str, month: str, first: str | None, shown: State) -> None:
    assert state_of(fact, month, this_month=THIS_MONTH, first=first) is shown


def test_only_the_facts_are_read() -> None:
    with pytest.raises(ValueError, match="late"):
        state_of("late", "2026-01", this_month=THIS_MONTH, first=None)


@pytest.mark.parametrize(
    ("states", "rate", "percent"),
    [
        ([], Rate(0, 0), "—"),
        ([State.UNDER_WAY, State.NOT_STARTED], Rate(0, 0), "—"),  # nothing expected: no rate
        ([State.REPORTED, State.NOTHING, State.MISSING], Rate(2, 3), "67 %"),  # nothing done counts
        ([State.MISSING, State.MISSING, State.UNDER_WAY], Rate(0, 2), "0 %"),
        ([State.REPORTED] * 5 + [State.NOT_STARTED] * 6 + [State.UNDER_WAY], Rate(5, 5), "100 %"),
        ([State.REPORTED] * 5 + [State.MISSING], Rate(5, 6), "83 %"),
    ],
)
def test_the_rate_is_what_was_reported_of_what_was_expected(
    states: list[State], rate: Rate, percent: str
) -> None:
    assert rate_of(states) == rate
    assert rate.percent == percent
    assert rate.share == (rate.done / rate.expected if rate.expected else None)


def test_a_matrix_rates_by_okrug_by_month_and_whole() -> None:
    months = ["2026-08", "2026-09", "2026-10", "2026-11"]
    facts = {
        "kainar": dict(zip(months, ["reported", "missing", "nothing", "missing"], strict=True)),
        "alatau": dict(zip(months, ["missing", "missing", "reported", "missing"], strict=True)),
        "silent": dict.fromkeys(months, "missing"),
    }
    found = Reporting(facts, {"kainar": "2025-09", "alatau": "2026-10"}, THIS_MONTH)
    assert found.months == months
    assert found.states("kainar") == {
        "2026-08": State.REPORTED,
        "2026-09": State.MISSING,
        "2026-10": State.NOTHING,
        "2026-11": State.UNDER_WAY,
    }
    assert found.states("alatau") == {
        "2026-08": State.NOT_STARTED,
        "2026-09": State.NOT_STARTED,
        "2026-10": State.REPORTED,
        "2026-11": State.UNDER_WAY,
    }
    assert [found.shown("silent", m) for m in months] == [State.MISSING] * 3 + [State.UNDER_WAY]
    assert found.rate(okrug="kainar") == Rate(2, 3)
    assert found.rate(okrug="alatau") == Rate(1, 1)
    assert found.rate(okrug="silent") == Rate(0, 3)
    assert found.rate(month="2026-08") == Rate(1, 2)  # Алатау had not begun
    assert found.rate(month="2026-10") == Rate(2, 3)
    assert found.rate(month="2026-11") == Rate(0, 0)
    assert found.rate() == Rate(3, 7)
    assert found.rate() == sum((found.rate(okrug=o) for o in found.okrugs), Rate())
    assert found.rate() == sum((found.rate(month=m) for m in months), Rate())
    assert not NOT_EXPECTED & {State.REPORTED, State.NOTHING, State.MISSING}
