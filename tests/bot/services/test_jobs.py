"""The clock's jobs on a controlled clock: scheduled pulses, reminders, away, closing, downtime."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from sqlalchemy import select, update

from bot.wiring.clock import Clock
from storage.models import Delivery, Engagement, Member, Pulse
from tests.support import flows
from tests.support.running import RunningApp

# A Tuesday: the default schedule is `weekly tue 10:00` in the lead's zone (Europe/Berlin).
TUESDAY_0900_UTC = datetime(2026, 1, 13, 9, 0, tzinfo=UTC)  # 10:00 in Berlin (CET)


def set_engagement(rapport: RunningApp, **values: object) -> None:
    with rapport.database.unit_of_work() as session:
        session.execute(update(Engagement).values(**values))


def pulses(rapport: RunningApp) -> list[Pulse]:
    with rapport.database.reading() as session:
        return list(session.scalars(select(Pulse).order_by(Pulse.id)).all())


_travel: list[tuple[time_machine.Coordinates, Clock]] = []  # type: ignore[name-defined]


def tick_at(rapport: RunningApp, moment: datetime) -> None:
    """Move the controlled clock to `moment` and run one tick of this test's clock there."""
    traveller, clock = _travel[-1]
    traveller.move_to(moment)
    clock.tick()


@pytest.fixture
def scheduled(rapport: RunningApp) -> Iterator[RunningApp]:
    """An engagement set up the Saturday before, with the whole test on a controlled clock."""
    with time_machine.travel(TUESDAY_0900_UTC - timedelta(days=3), tick=False) as traveller:
        clock = Clock(rapport.container)
        _travel.append((traveller, clock))
        flows.engagement_with_people(rapport)
        yield rapport
        rapport.settle()
        _travel.pop()
        clock.leadership.release()


def test_a_scheduled_pulse_opens_on_time_and_each_member_gets_one_dm(scheduled: RunningApp) -> None:
    tick_at(scheduled, TUESDAY_0900_UTC - timedelta(minutes=1))
    assert pulses(scheduled) == []
    tick_at(scheduled, TUESDAY_0900_UTC + timedelta(seconds=5))
    tick_at(scheduled, TUESDAY_0900_UTC + timedelta(seconds=35))
    [pulse] = pulses(scheduled)
    assert pulse.scheduled_for == TUESDAY_0900_UTC and pulse.started_by == "schedule"
    recipients = sorted(c.params["channel"] for c in scheduled.standin.dms())
    assert recipients == sorted([flows.LEAD, *flows.CLIENTS, *flows.PROVIDERS])


def test_reminders_go_once_and_only_to_people_who_have_not_answered_or_are_away(
    scheduled: RunningApp,
) -> None:
    tick_at(scheduled, TUESDAY_0900_UTC)
    flows.click(scheduled, "U0CLI1", "pulse.rate.4")
    flows.click(scheduled, "U0PRO1", "pulse.away")
    flows.click(scheduled, "U0PRO2", "pulse.guess.3")  # a guess alone is not an answer
    away_update = scheduled.standin.redraws()[-2]
    assert "Marked away this week" in json.dumps(away_update["blocks"])
    remind_at = TUESDAY_0900_UTC + timedelta(hours=72 - 24)
    tick_at(scheduled, remind_at - timedelta(minutes=1))
    assert not [
        c for c in scheduled.standin.calls_to("chat.postMessage") if "thread_ts" in c.params
    ]
    tick_at(scheduled, remind_at)
    tick_at(scheduled, remind_at + timedelta(minutes=5))
    reminders = [
        c for c in scheduled.standin.calls_to("chat.postMessage") if "thread_ts" in c.params
    ]
    reminded = sorted(c.params["channel"] for c in reminders)
    assert reminded == sorted(
        ["D" + u[1:] for u in (flows.LEAD, "U0CLI2", "U0CLI3", "U0PRO2", "U0PRO3")]
    )
    assert all("closes" in c.params["text"] for c in reminders)


def test_pulses_close_when_their_window_ends_and_are_evaluated(scheduled: RunningApp) -> None:
    tick_at(scheduled, TUESDAY_0900_UTC)
    for user, rating in zip(flows.CLIENTS, (2, 2, 1), strict=True):
        flows.click(scheduled, user, f"pulse.rate.{rating}")
    for user, rating in zip(flows.PROVIDERS, (5, 4, 5), strict=True):
        flows.click(scheduled, user, f"pulse.rate.{rating}")
    closes = TUESDAY_0900_UTC + timedelta(hours=72)
    tick_at(scheduled, closes - timedelta(seconds=1))
    assert pulses(scheduled)[0].status == "open"
    tick_at(scheduled, closes)
    [pulse] = pulses(scheduled)
    assert pulse.status == "closed" and pulse.evaluated_at is not None
    assert any(
        c.params.get("channel") == flows.CHANNEL and "blocks" in c.params
        for c in scheduled.standin.calls_to("chat.postMessage")
    )


def test_a_pulse_missed_by_two_hours_is_sent_once_on_restart(scheduled: RunningApp) -> None:
    tick_at(scheduled, TUESDAY_0900_UTC + timedelta(hours=2))
    tick_at(scheduled, TUESDAY_0900_UTC + timedelta(hours=2, minutes=1))
    [pulse] = pulses(scheduled)
    assert pulse.scheduled_for == TUESDAY_0900_UTC
    assert len(scheduled.standin.dms()) == 7


def test_a_pulse_missed_by_two_days_is_skipped_and_logged(
    scheduled: RunningApp, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.services.jobs"):
        tick_at(scheduled, TUESDAY_0900_UTC + timedelta(days=2))
        tick_at(scheduled, TUESDAY_0900_UTC + timedelta(days=2, minutes=1))
    assert pulses(scheduled) == []
    assert scheduled.standin.dms() == []
    skipped = [
        r for r in caplog.records if "missed by more than the grace period" in r.getMessage()
    ]
    assert len(skipped) == 1  # said once, not every tick


def test_pulses_follow_local_time_across_daylight_saving(scheduled: RunningApp) -> None:
    set_engagement(scheduled, schedule="weekly tue 09:30", window_hours=24, reminder_hours=2)
    winter = datetime(2026, 3, 24, 8, 30, tzinfo=UTC)  # 09:30 CET
    summer = datetime(2026, 3, 31, 7, 30, tzinfo=UTC)  # 09:30 CEST, after the change on the 29th
    for moment in (winter, summer):
        tick_at(scheduled, moment - timedelta(minutes=1))
        tick_at(scheduled, moment)
    assert [p.scheduled_for for p in pulses(scheduled)] == [winter, summer]


def test_engagements_in_different_zones_due_the_same_minute(scheduled: RunningApp) -> None:
    flows.set_up(scheduled, name="Initech", channel="C0TWO")
    flows.add(scheduled, ("U0INI1", "U0INI2"), "client", 'in:"Initech"')
    with scheduled.database.unit_of_work() as session:
        session.execute(
            update(Engagement)
            .where(Engagement.name == "Acme deal")
            .values(timezone="Europe/London", schedule="weekly tue 09:00")
        )
        session.execute(
            update(Engagement)
            .where(Engagement.name == "Initech")
            .values(timezone="Asia/Kolkata", schedule="weekly tue 14:30")
        )
    tick_at(scheduled, TUESDAY_0900_UTC)
    assert len(pulses(scheduled)) == 2
    assert {p.scheduled_for for p in pulses(scheduled)} == {TUESDAY_0900_UTC}


def test_the_next_slot_closes_a_pulse_still_open(scheduled: RunningApp) -> None:
    set_engagement(scheduled, schedule="daily 10:00", window_hours=72, reminder_hours=24)
    tick_at(scheduled, TUESDAY_0900_UTC)
    tick_at(scheduled, TUESDAY_0900_UTC + timedelta(days=1))
    first, second = pulses(scheduled)
    assert (first.status, second.status) == ("closed", "open")
    assert len(scheduled.standin.dms()) == 14


def thread_replies(rapport: RunningApp) -> list[str]:
    """The DM channel of every reminder that reached Slack, landed timeouts included."""
    return sorted(
        str(c.params["channel"])
        for c in rapport.standin.calls_to("chat.postMessage")
        if "thread_ts" in c.params
    )


def reminder_states(rapport: RunningApp) -> dict[str, str | None]:
    with rapport.database.reading() as session:
        rows = session.execute(
            select(Member.user_id, Delivery.reminder_ts).join(
                Member, Member.id == Delivery.member_id
            )
        ).all()
    return {user: ts for user, ts in rows}


EVERYONE = [flows.LEAD, *flows.CLIENTS, *flows.PROVIDERS]
REMIND_AT = TUESDAY_0900_UTC + timedelta(hours=72 - 24)


def test_a_reminder_that_times_out_is_sent_again_later_and_reaches_everyone_once(
    scheduled: RunningApp,
) -> None:
    """The defect: a reminder that timed out was marked failed and never tried again."""
    tick_at(scheduled, TUESDAY_0900_UTC)
    # Two reminders time out: U0CLI2's before reaching Slack, U0CLI3's after it landed.
    scheduled.standin.hang("chat.postMessage", 2.5, user="U0CLI2")
    scheduled.standin.hang("chat.postMessage", 2.5, user="U0CLI3", landed=True)
    tick_at(scheduled, REMIND_AT)
    assert "D0CLI2" not in thread_replies(scheduled)
    assert reminder_states(scheduled)["U0CLI2"] == "sending"
    tick_at(scheduled, REMIND_AT + timedelta(minutes=5))
    tick_at(scheduled, REMIND_AT + timedelta(minutes=10))
    assert thread_replies(scheduled) == sorted("D" + u[1:] for u in EVERYONE)
    states = reminder_states(scheduled)
    assert all(states[u] not in (None, "pending", "sending", "failed") for u in EVERYONE), states


def test_someone_who_answers_before_a_retried_reminder_gets_none(scheduled: RunningApp) -> None:
    tick_at(scheduled, TUESDAY_0900_UTC)
    scheduled.standin.server_error("chat.postMessage", user="U0CLI2")
    tick_at(scheduled, REMIND_AT)
    flows.click(scheduled, "U0CLI2", "pulse.rate.4")
    tick_at(scheduled, REMIND_AT + timedelta(minutes=5))
    assert "D0CLI2" not in thread_replies(scheduled)
    assert reminder_states(scheduled)["U0CLI2"] == "answered"


def test_a_reminder_claimed_by_a_clock_that_died_is_checked_then_sent_once(
    scheduled: RunningApp,
) -> None:
    from storage import reminders

    tick_at(scheduled, TUESDAY_0900_UTC)
    with scheduled.database.unit_of_work() as session:
        [pulse] = session.scalars(select(Pulse)).all()
        reminders.queue(session, pulse.id, REMIND_AT)
        [(first, seen), *_] = reminders.due(session, REMIND_AT)
        # Claimed, then the process died before sending or recording anything.
        assert reminders.claim(session, first, seen, REMIND_AT + timedelta(minutes=5))
    tick_at(scheduled, REMIND_AT + timedelta(minutes=1))
    assert len(thread_replies(scheduled)) == len(EVERYONE) - 1, "not while it may be in flight"
    tick_at(scheduled, REMIND_AT + timedelta(minutes=6))
    tick_at(scheduled, REMIND_AT + timedelta(minutes=7))
    assert thread_replies(scheduled) == sorted("D" + u[1:] for u in EVERYONE)
