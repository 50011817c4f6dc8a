"""The digest's input is checked when made, and its numbers are those of the latest pulse."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.digest.model import OpenAlert, PulsePoint, digest_numbers
from bot.domain.digest.standing import SideStanding, Standing
from tests.support.digests import START, digest, points, withheld_now


def test_no_closed_pulse_has_no_numbers() -> None:
    assert digest_numbers(digest([])) is None


def test_the_numbers_are_the_latest_pulse_against_the_one_before_and_the_first_four() -> None:
    numbers = digest_numbers(digest(points([80, 70, 60, 50, 40], [60, 60, 60, 60, 75])))
    assert numbers is not None
    assert numbers.pulses == 5 and numbers.closed_at == START + timedelta(weeks=4)
    client = numbers.of("client")
    latest = client.latest
    assert (latest.index, client.previous_index, client.change_since_previous) == (40, 50, -10)
    assert client.baseline == 65 and client.change_since_baseline == -25
    assert (numbers.gap, numbers.previous_gap, numbers.gap_change) == (35, 10, 25)
    assert numbers.of("provider").tolerance == 60 and client.tolerance == 70


def test_a_withheld_side_hides_its_change_and_the_gap() -> None:
    numbers = digest_numbers(withheld_now())
    assert numbers is not None
    assert numbers.client.latest.withheld and not numbers.provider.latest.withheld
    assert numbers.client.change_since_previous is None
    assert numbers.client.change_since_baseline is None
    assert numbers.gap is None and numbers.gap_change is None
    assert numbers.client.baseline is not None


def test_a_baseline_from_sql_wins_over_the_first_four_pulses() -> None:
    standing = Standing(
        {s: SideStanding(s, 50.0, None, None) for s in ("client", "provider")}, 4, START
    )
    numbers = digest_numbers(digest(points([80, 90], [60, 60]), standing=standing))
    assert numbers is not None and numbers.client.baseline == 50.0
    assert numbers.client.change_since_baseline == 40


def test_a_blind_spot_is_the_guess_against_what_the_other_side_rated() -> None:
    history = points([80], [60])
    client = history[0].figures.client
    guessing = type(client)(client.side, 80, 7, 9, 7 / 9, 75)
    numbers = digest_numbers(
        digest([PulsePoint(START, type(history[0].figures)(guessing, history[0].figures.provider))])
    )
    assert numbers is not None and numbers.client.blind_spot == 15


@pytest.mark.parametrize(
    "overrides",
    [
        {"now": datetime(2025, 6, 1)},
        {"next_pulse": datetime(2025, 6, 1)},
        {"sla_status": "purple"},
        {"tz": "Mars/Olympus"},
    ],
)
def test_a_digest_that_would_render_wrong_is_refused_when_made(
    overrides: dict[str, object],
) -> None:
    with pytest.raises(ValueError):
        digest(points([80], [60]), **overrides)


def test_history_must_run_oldest_first_and_times_be_aware() -> None:
    with pytest.raises(ValueError):
        digest(list(reversed(points([80, 70], [60, 60]))))
    with pytest.raises(ValueError):
        OpenAlert("gap", "A gap.", datetime(2025, 6, 1))
    with pytest.raises(ValueError):
        PulsePoint(datetime(2025, 6, 1), points([80], [60])[0].figures)


def test_today_and_the_parties_are_the_engagements() -> None:
    made = digest(points([80], [60]), now=datetime(2025, 6, 1, 23, 30, tzinfo=UTC), tz="Asia/Tokyo")
    assert made.today.isoformat() == "2025-06-02"
    assert (made.org("client"), made.org("provider")) == ("Acme", "Globex")
