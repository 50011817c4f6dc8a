"""Drivers: the phrase mapping for comments, the picks, the minimum, and the one sentence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.drivers import (
    DRIVERS,
    PulseDrivers,
    SideDrivers,
    drivers_in,
    drivers_line,
    joined,
    publishable_drivers,
    read_picks,
    split,
)
from bot.domain.follow_up_text import DRIVER_SHORT


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("They take days to respond to anything we raise.", ("responsiveness",)),
        ("We are always chasing them for a reply.", ("responsiveness",)),
        ("Another outage and the release was full of bugs.", ("delivery",)),
        ("Nobody keeps us in the loop; we found out from the status report.", ("communication",)),
        ("This is not what was promised in the statement of work.", ("expectations",)),
        ("The scope keeps shrinking while the contract says otherwise.", ("expectations",)),
        ("Our key people left the team and the handover was a mess.", ("people",)),
        ("The invoices are high for what we get: poor value for money.", ("value",)),
        ("Too much red tape: every approval takes three meetings.", ("ways_of_working",)),
        (
            "Slow to reply, and the invoice was wrong again.",
            ("responsiveness", "value"),
        ),
        ("All good this week, thank you!", ()),
        ("", ()),
    ],
)
def test_comments_are_tagged_with_the_drivers_their_words_name(
    comment: str, expected: tuple[str, ...]
) -> None:
    assert drivers_in(comment) == expected


def test_the_mapping_reads_whole_words_in_any_case() -> None:
    assert drivers_in("COMMUNICATION has been poor") == ("communication",)
    assert drivers_in("a costume party") == ()  # "cost" only as a word
    assert drivers_in("preprocessing the data") == ()  # "process" only as a word
    assert drivers_in("self-promising") == ()


def test_seven_choices_and_at_most_two_picks() -> None:
    assert len(DRIVERS) == 7 and set(DRIVER_SHORT) == set(DRIVERS)
    assert read_picks(["people", "delivery"]) == ("delivery", "people")  # fixed order
    assert read_picks(["value", "value"]) == ("value",)
    assert read_picks([]) == ()
    with pytest.raises(ValueError, match="at most 2"):
        read_picks(["value", "people", "delivery"])
    with pytest.raises(ValueError, match="unknown"):
        read_picks(["gossip"])


@given(st.lists(st.sampled_from(DRIVERS), max_size=2))
def test_stored_picks_read_back_the_same(picks: list[str]) -> None:
    chosen = read_picks(picks)
    assert split(joined(chosen)) == chosen
    assert (joined(chosen) is None) == (not chosen)


def counts(**people: int) -> dict[str, int]:
    return {key: people.get(key, 0) for key in DRIVERS}


def test_a_side_under_the_minimum_is_not_published() -> None:
    assert publishable_drivers("client", 2, counts(value=2), minimum=3) is None
    assert publishable_drivers("client", 3, counts(value=2), minimum=4) is None
    assert publishable_drivers("client", 2, counts(value=2), minimum=1) is None  # never under 3
    shown = publishable_drivers("client", 3, counts(value=2, people=1), minimum=3)
    assert shown is not None and shown.counts["value"] == 2 and shown.named == 3


def side(name: str, named: int, **people: int) -> SideDrivers:
    found = publishable_drivers("client" if name == "client" else "provider", named, people, 3)
    assert found is not None
    return found


def test_the_sentence_says_when_the_sides_are_not_arguing_about_the_same_thing() -> None:
    drivers = PulseDrivers(
        side("client", 7, responsiveness=5, communication=2),
        side("provider", 6, expectations=4, delivery=1),
    )
    assert drivers_line(drivers, 3) == (
        "What is driving it — client: responsiveness, 5 of 7; provider: expectations, 4 of 6"
        " — you are not arguing about the same thing."
    )


def test_the_sentence_says_when_both_sides_point_at_the_same_thing() -> None:
    drivers = PulseDrivers(
        side("client", 4, value=3, people=3), side("provider", 5, value=4, delivery=1)
    )
    assert drivers_line(drivers, 3) == (
        "What is driving it — client: people and continuity tied with commercial/value,"
        " 3 of 4 each; provider: commercial/value, 4 of 5 — both sides point at commercial/value."
    )


def test_a_withheld_side_shows_no_driver_and_no_verdict() -> None:
    drivers = PulseDrivers(side("client", 3, value=3), None)
    line = drivers_line(drivers, 4)
    assert line == (
        "What is driving it — client: commercial/value, 3 of 3;"
        " provider: not shown (fewer than 4 named a driver)."
    )
    assert drivers_line(PulseDrivers(None, None), 3) is None
    assert drivers_line(None, 3) is None


@given(
    st.dictionaries(st.sampled_from(DRIVERS), st.integers(1, 9), min_size=1),
    st.sampled_from(["client", "provider"]),
)
def test_nothing_of_a_withheld_side_ever_reaches_the_sentence(
    shown: dict[str, int], withheld: str
) -> None:
    visible = side("client" if withheld == "provider" else "provider", 10, **shown)
    drivers = PulseDrivers(
        visible if withheld == "provider" else None, visible if withheld == "client" else None
    )
    line = drivers_line(drivers, 3)
    assert line is not None
    withheld_part = line.split(f"{withheld}: ", 1)[1].split(";")[0]
    assert withheld_part.startswith("not shown (fewer than 3 named a driver)")
    assert not any(label in withheld_part for label in DRIVER_SHORT.values())
