"""The alert state machine: open, worse, better, same, resolved — decided without storage."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.alerts.lifecycle import change_of, plan


def test_a_finding_without_a_live_alert_opens_one() -> None:
    found = [("divergence:client", "divergence", 30.0)]
    assert plan({}, found) == {"divergence:client": "opened"}


def test_a_live_alert_without_a_finding_is_resolved() -> None:
    assert plan({"gap:client": ("gap", 20.0)}, []) == {"gap:client": "resolved"}


def test_a_live_alert_still_found_is_worse_better_or_the_same() -> None:
    live = {
        "gap:client": ("gap", 20.0),
        "divergence:client": ("divergence", 30.0),
        "decline:client": ("decline", 40.0),
    }
    findings = [
        ("gap:client", "gap", 25.0),  # the gap grew
        ("divergence:client", "divergence", 22.0),  # the unhappy side fell further
        ("decline:client", "decline", 40.4),  # shown as 40 both times
    ]
    assert plan(live, findings) == {
        "gap:client": "worse",
        "divergence:client": "worse",
        "decline:client": "same",
    }


def test_a_side_score_rising_is_better_and_a_gap_shrinking_is_better() -> None:
    assert change_of("decline", 21.0, 32.0) == "better"
    assert change_of("watermelon", 37.0, 21.0) == "worse"
    assert change_of("gap", 39.0, 28.0) == "better"
    assert change_of("blind_spot", 20.0, 25.0) == "worse"


def test_a_decline_whose_side_fell_to_its_lowest_is_worse_whatever_the_fall() -> None:
    # Seed 1, week 7: the client fell 37 → 21. The three-pulse fall shrank (47 → 16
    # points) because the high pulses left the window, but the side is lower: worse.
    assert change_of("decline", 37.0, 21.9) == "worse"


def test_opening_and_resolving_happen_in_one_close() -> None:
    found = [("watermelon:client", "watermelon", 52.0)]
    assert plan({"gap:client": ("gap", 20.0)}, found) == {
        "watermelon:client": "opened",
        "gap:client": "resolved",
    }


def test_a_finding_whose_direction_changes_resolves_the_old_one_and_opens_a_new_one() -> None:
    live = {"blind_spot:provider:high": ("blind_spot", 20.0)}
    found = [("blind_spot:client:low", "blind_spot", 17.0)]
    assert plan(live, found) == {
        "blind_spot:client:low": "opened",
        "blind_spot:provider:high": "resolved",
    }


def test_changes_within_a_shown_point_read_as_the_same() -> None:
    assert change_of("gap", 20.0, 20.9) == "same"
    assert change_of("gap", 20.9, 20.0) == "same"
    assert change_of("gap", 20.9, 21.0) == "worse"


magnitudes = st.floats(min_value=0, max_value=100, allow_nan=False)
keys = st.sampled_from(
    ["divergence:client", "gap:provider", "decline:client", "blind_spot:client:high"]
)


@given(st.dictionaries(keys, magnitudes), st.dictionaries(keys, magnitudes))
def test_every_key_touched_gets_exactly_one_change(
    live: dict[str, float], found: dict[str, float]
) -> None:
    rule = {key: key.split(":")[0] for key in [*live, *found]}
    changes = plan(
        {k: (rule[k], v) for k, v in live.items()}, [(k, rule[k], v) for k, v in found.items()]
    )
    assert set(changes) == set(live) | set(found)
    for key, change in changes.items():
        if key not in found:
            assert change == "resolved"
        elif key not in live:
            assert change == "opened"
        else:
            assert change in ("worse", "better", "same")
