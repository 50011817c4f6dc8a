"""The alert state machine: open, worse, better, same, resolved — decided without storage."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.alerts import DEAD_BAND, change_of, plan


def test_a_finding_without_a_live_alert_opens_one() -> None:
    assert plan({}, [("divergence", 30.0)]) == {"divergence": "opened"}


def test_a_live_alert_without_a_finding_is_resolved() -> None:
    assert plan({"gap": 20.0}, []) == {"gap": "resolved"}


def test_a_live_alert_still_found_is_worse_better_or_the_same() -> None:
    live = {"gap": 20.0, "divergence": 30.0, "decline": 10.0}
    findings = [("gap", 25.0), ("divergence", 22.0), ("decline", 10.4)]
    assert plan(live, findings) == {"gap": "worse", "divergence": "better", "decline": "same"}


def test_opening_and_resolving_happen_in_one_close() -> None:
    assert plan({"gap": 20.0}, [("watermelon", 12.0)]) == {
        "watermelon": "opened",
        "gap": "resolved",
    }


def test_changes_within_the_dead_band_read_as_the_same() -> None:
    assert change_of(20.0, 20.0 + DEAD_BAND) == "same"
    assert change_of(20.0, 20.0 - DEAD_BAND) == "same"
    assert change_of(20.0, 20.0 + DEAD_BAND + 0.01) == "worse"


magnitudes = st.floats(min_value=0, max_value=100, allow_nan=False)
rules = st.sampled_from(["divergence", "gap", "decline", "blind_spot", "watermelon", "silence"])


@given(st.dictionaries(rules, magnitudes), st.dictionaries(rules, magnitudes))
def test_every_rule_touched_gets_exactly_one_change(
    live: dict[str, float], found: dict[str, float]
) -> None:
    changes = plan(live, found.items())
    assert set(changes) == set(live) | set(found)
    for rule, change in changes.items():
        if rule not in found:
            assert change == "resolved"
        elif rule not in live:
            assert change == "opened"
        else:
            assert change in ("worse", "better", "same")
