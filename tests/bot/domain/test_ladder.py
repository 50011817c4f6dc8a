"""The escalation ladder's rules and the per-quarter figures, without storage or Slack."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.alert_message import Found, headline, next_step
from bot.domain.ladder import (
    Ladder,
    Outcome,
    QuarterFigures,
    Rung,
    escalation_due,
    pulses_without_improving,
    quarter_lines,
    quarters,
    reraise_due,
)

OPENED = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
LADDER = Ladder()  # 3d, 14d, 3 pulses


def rung(**changes: object) -> Rung:
    fields: dict[str, object] = {
        "opened_at": OPENED,
        "acknowledged": False,
        "reraised": False,
        "escalated": False,
        "pulses_without_improving": 0,
    }
    fields.update(changes)
    return Rung(**fields)  # type: ignore[arg-type]


def test_an_unacknowledged_finding_is_reraised_after_ack_within_once() -> None:
    assert not reraise_due(rung(), LADDER, OPENED + timedelta(days=3) - timedelta(seconds=1))
    assert reraise_due(rung(), LADDER, OPENED + timedelta(days=3))
    assert not reraise_due(rung(reraised=True), LADDER, OPENED + timedelta(days=9))
    assert not reraise_due(rung(acknowledged=True), LADDER, OPENED + timedelta(days=9))


def test_a_finding_is_escalated_after_escalate_after_or_escalate_pulses_once() -> None:
    assert not escalation_due(rung(), LADDER, OPENED + timedelta(days=13))
    assert escalation_due(rung(), LADDER, OPENED + timedelta(days=14))
    assert escalation_due(rung(pulses_without_improving=3), LADDER, OPENED)
    assert escalation_due(rung(acknowledged=True), LADDER, OPENED + timedelta(days=14))
    assert not escalation_due(rung(escalated=True), LADDER, OPENED + timedelta(days=30))
    short = Ladder(ack_within=timedelta(minutes=1), escalate_after=timedelta(minutes=3))
    assert escalation_due(rung(), short, OPENED + timedelta(minutes=3))


def test_improving_starts_the_count_of_pulses_again() -> None:
    count = 0
    for change in ("same", "worse", "better", "same"):
        count = pulses_without_improving(count, change)
    assert count == 1


def test_quarters_count_opened_fixed_escalated_and_the_median_days_to_resolve() -> None:
    day = timedelta(days=1)
    outcomes = [
        Outcome(OPENED, OPENED + 2 * day, None),  # fixed at account level in Q1
        Outcome(OPENED, OPENED + 10 * day, OPENED + 5 * day),  # escalated, then resolved
        Outcome(OPENED, None, OPENED + 40 * day),  # escalated in Q2, still open
        Outcome(OPENED + 30 * day, OPENED + 34 * day, None),  # opened and fixed in Q2
    ]
    q1, q2 = quarters(outcomes)
    assert (q1.label, q1.opened, q1.fixed_at_account, q1.escalated) == ("Q1 2025", 3, 1, 1)
    assert q1.median_days_to_resolve == 6
    assert (q2.label, q2.opened, q2.fixed_at_account, q2.escalated) == ("Q2 2025", 1, 1, 1)
    assert q2.median_days_to_resolve == 4


def test_quarters_are_the_engagements_own() -> None:
    new_year = datetime(2024, 12, 31, 23, 30, tzinfo=UTC)
    (quarter,) = quarters([Outcome(new_year, None, None)], ZoneInfo("Europe/Berlin"))
    assert quarter.label == "Q1 2025"


def test_the_headline_says_who_is_unhappy_and_who_does_not_know() -> None:
    unaware = [Found("divergence", "client"), Found("blind_spot", "provider", "high")]
    assert headline(unaware) == "The client side is unhappy and the provider side doesn't know it"
    # A provider that thinks the client even unhappier than it is knows it.
    aware = [Found("divergence", "client"), Found("blind_spot", "provider", "low")]
    assert headline(aware) == "The client side is unhappy while the provider side is content"
    assert headline([Found("divergence", "client")]) == (
        "The client side is unhappy while the provider side is content"
    )
    assert headline([Found("decline", "client"), Found("decline", "provider")]) == (
        "Both sides are sliding"
    )
    assert headline([Found("silence", "provider")]) == "The provider side has gone quiet"
    assert headline([Found("silence", "client"), Found("silence", "provider")]) == (
        "Both sides have gone quiet"
    )
    assert headline([]).startswith("Resolved")


def test_the_next_step_puts_the_sla_and_the_feeling_at_one_table_first() -> None:
    found = [Found("divergence", "client"), Found("watermelon", "client")]
    assert (next_step(found) or "").startswith("Bring the SLA and the feeling to the same table")
    assert (next_step([Found("divergence", "client")]) or "").startswith(
        "Hold a joint 30-minute review"
    )
    assert next_step([]) is None


def test_quarter_lines_say_finding_and_findings_never_finding_s() -> None:
    # Before: "Q1 2025: 8 finding(s) opened, …".
    one = quarter_lines([QuarterFigures(2025, 1, 1, 1, 0, 1.0)], 2)
    many = quarter_lines([QuarterFigures(2025, 2, 8, 3, 5, 24.56)], 2)
    assert one == [
        "*Follow-up*",
        "Q1 2025: 1 finding opened, 1 fixed at account level, 0 escalated, median 1 day to resolve",
    ]
    assert many[1] == (
        "Q2 2025: 8 findings opened, 3 fixed at account level, 5 escalated, "
        "median 24.5 days to resolve"
    )
    assert "(s)" not in "".join(one + many)
