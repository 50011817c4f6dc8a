"""`/rapport status`: counts per side (never names), the last pulse, and when the next one goes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.domain import reply_text
from bot.services.pulses import pulse_status, scheduled
from bot.views.mrkdwn import slack_date
from bot.views.status_view import next_pulse_text, status_text
from storage.pulses import SideCounts, Status
from tests.support import models

# Thursday 6 March 2025, 12:00 UTC; the default schedule is `weekly tue 10:00` in Paris.
NOW = datetime(2025, 3, 6, 12, 0, tzinfo=UTC)
NEXT_TUESDAY = datetime(2025, 3, 11, 9, 0, tzinfo=UTC)  # 10:00 in Paris (UTC+1)
NEXT_LINE = f" Next pulse: {slack_date(NEXT_TUESDAY)} (`weekly tue 10:00`, Europe/Paris)."


def counts(client: SideCounts, provider: SideCounts) -> dict[str, SideCounts]:
    return {"client": client, "provider": provider}


def test_an_open_pulse_shows_answered_of_asked_per_side_and_the_next_pulse() -> None:
    engagement = models.engagement()
    pulse = models.pulse(engagement)
    current = Status(engagement, pulse, None, counts(SideCounts(5, 3, 0), SideCounts(4, 4, 0)))
    assert status_text(pulse_status(current), NOW) == (
        reply_text.STATUS_OPEN.format(
            engagement="Acme deal",
            opened=slack_date(pulse.opened_at),
            closes=slack_date(pulse.closes_at),
            client_answered=3,
            client_total=5,
            provider_answered=4,
            provider_total=4,
        )
        + NEXT_LINE
    )


def test_people_away_are_not_counted_as_asked_and_are_totalled() -> None:
    engagement = models.engagement()
    current = Status(
        engagement,
        models.pulse(engagement),
        None,
        counts(SideCounts(asked=6, answered=2, away=2), SideCounts(asked=3, answered=1, away=1)),
    )
    text = status_text(pulse_status(current), NOW)
    assert "Answered: client 2 of 4, provider 1 of 2." in text
    assert "Away this week: 3." in text


def test_nobody_away_says_nothing_about_away() -> None:
    engagement = models.engagement()
    current = Status(
        engagement, models.pulse(engagement), None, counts(SideCounts(3, 1), SideCounts(3, 0))
    )
    assert "Away" not in status_text(pulse_status(current), NOW)


def test_with_no_open_pulse_it_says_when_the_last_one_closed() -> None:
    engagement = models.engagement()
    closed_at = NOW - timedelta(days=2)
    last = models.pulse(engagement, status="closed", closed_at=closed_at)
    text = status_text(pulse_status(Status(engagement, None, last, {})), NOW)
    assert text == (
        f"No pulse is open for *Acme deal*. The last one closed {slack_date(closed_at)}."
        + NEXT_LINE
    )


def test_a_new_engagement_is_told_how_to_send_the_first_pulse() -> None:
    engagement = models.engagement()
    text = status_text(pulse_status(Status(engagement, None, None, {})), NOW)
    assert text.startswith(
        "No pulse is open for *Acme deal*. None has been sent yet: `/rapport send`"
    )
    assert text.endswith(NEXT_LINE)


def test_the_next_pulse_follows_the_engagements_time_zone() -> None:
    utc = models.engagement(timezone="UTC", schedule="daily 09:00")
    assert next_pulse_text(scheduled(utc), NOW) == (
        f" Next pulse: {slack_date(datetime(2025, 3, 7, 9, 0, tzinfo=UTC))} (`daily 09:00`, UTC)."
    )
    kolkata = models.engagement(timezone="Asia/Kolkata", schedule="daily 09:00")
    # 09:00 in Kolkata is 03:30 UTC: already past today, so tomorrow.
    assert slack_date(datetime(2025, 3, 7, 3, 30, tzinfo=UTC)) in next_pulse_text(
        scheduled(kolkata), NOW
    )


def test_a_schedule_that_no_longer_reads_leaves_out_the_next_pulse() -> None:
    broken = models.engagement(schedule="whenever")
    assert next_pulse_text(scheduled(broken), NOW) == ""
    assert status_text(pulse_status(Status(broken, None, None, {})), NOW).endswith(
        "asks everyone now."
    )
