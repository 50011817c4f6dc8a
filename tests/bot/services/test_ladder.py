"""The ladder's clock step in process, on SQLite and PostgreSQL: when each rung is due."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.vocabulary import utcnow
from bot.services import jobs
from storage.models import LadderPost
from tests.support import flows
from tests.support.running import RunningApp
from tests.support.slack_api import TEAM

SPONSOR = "U0SPONS"


def ladder_posts(rapport: RunningApp) -> list[LadderPost]:
    with rapport.database.reading() as session:
        return list(session.query(LadderPost).order_by(LadderPost.id).all())


def climb_at(rapport: RunningApp, later: timedelta) -> None:
    rapport.clock.frozen = utcnow() + later
    try:
        jobs.climb_ladder(rapport.container)
    finally:
        rapport.clock.frozen = None


def diverging(rapport: RunningApp) -> None:
    flows.answer_round(rapport, [2, 2, 1], [5, 4, 5])
    flows.close(rapport)


def test_rungs_come_due_at_their_time_and_each_only_once(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.add(rapport, (SPONSOR,), "client", "sponsor")
    diverging(rapport)
    live = [a for a in flows.alerts(rapport).values() if a.status != "resolved"]

    climb_at(rapport, timedelta(days=2))
    assert ladder_posts(rapport) == []
    climb_at(rapport, timedelta(days=3, minutes=1))
    climb_at(rapport, timedelta(days=3, minutes=2))
    posts = ladder_posts(rapport)
    assert [p.kind for p in posts] == ["reraise"] * len(live)
    assert all(p.status == "sent" for p in posts)

    climb_at(rapport, timedelta(days=14, minutes=1))
    climb_at(rapport, timedelta(days=14, minutes=2))
    escalations = [p for p in ladder_posts(rapport) if p.kind == "escalation"]
    assert len(escalations) == len(live)
    assert {p.recipient for p in escalations} == {SPONSOR}
    calls = rapport.standin.calls_to("chat.postMessage")
    dms = [c for c in calls if c.params["channel"] == "D" + SPONSOR[1:]]
    assert len(dms) == len(live)


def test_an_acknowledged_finding_is_not_reraised_but_still_escalates_when_it_lingers(
    rapport: RunningApp,
) -> None:
    flows.engagement_with_people(rapport)
    flows.add(rapport, (SPONSOR,), "provider", "sponsor")
    rapport.slack.command("config escalate_pulses=2")
    diverging(rapport)
    for alert in flows.alerts(rapport).values():
        rapport.slack.click(
            "alert.ack",
            f'{{"a": {alert.id}}}',
            user=flows.LEAD,
            channel=flows.CHANNEL,
            ts=str(flows.message_of(rapport, alert).message_ts),
        )
    climb_at(rapport, timedelta(days=4))
    assert ladder_posts(rapport) == []

    diverging(rapport)  # the same figures: not better
    climb_at(rapport, timedelta(minutes=1))
    assert ladder_posts(rapport) == [], "one close without improving is not yet two"
    diverging(rapport)
    climb_at(rapport, timedelta(minutes=1))
    escalated = [p for p in ladder_posts(rapport) if p.kind == "escalation"]
    assert escalated and all("2 pulses without improving" in p.text for p in escalated)


def test_with_no_sponsor_nothing_is_recorded_as_escalated(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    diverging(rapport)
    climb_at(rapport, timedelta(days=15))
    assert {p.kind for p in ladder_posts(rapport)} == {"reraise"}
    assert all(a.escalated_at is None for a in flows.alerts(rapport).values())


def test_a_post_claimed_by_a_clock_that_died_is_checked_then_sent_once(
    rapport: RunningApp,
) -> None:
    """The defect: a clock that died after claiming a post left it `sending` with no
    retry time, and the re-raise or the sponsor's escalation never went."""
    from bot.services.ladder import raise_due
    from storage import ladder

    flows.engagement_with_people(rapport)
    flows.add(rapport, (SPONSOR,), "client", "sponsor")
    diverging(rapport)
    at = utcnow() + timedelta(days=3, minutes=1)
    raise_due(rapport.database, at)
    with rapport.database.unit_of_work() as session:
        [(first, when), *_] = ladder.due(session, at)
        assert ladder.claim(session, first, when, at + timedelta(minutes=5))
    sent_before = len(rapport.standin.calls_to("chat.postMessage"))
    climb_at(rapport, timedelta(days=3, minutes=2))  # its lease has not passed: left alone
    claimed = [p for p in ladder_posts(rapport) if p.id == first]
    assert claimed[0].status == "sending"
    climb_at(rapport, timedelta(days=3, minutes=7))
    climb_at(rapport, timedelta(days=3, minutes=8))
    assert all(p.status == "sent" for p in ladder_posts(rapport))
    sent = len(rapport.standin.calls_to("chat.postMessage")) - sent_before
    assert sent == len(ladder_posts(rapport))  # each once, the orphaned one included


def test_the_escalation_dm_names_the_owner_its_actions_show_and_only_its_own_actions(
    rapport: RunningApp,
) -> None:
    """The defect: "*Owner*: nobody yet" right above an action the lead owns, which was
    an action on another finding of the same message."""
    from bot.domain.people import Caller
    from bot.services.actions import add_action
    from bot.services.alerts import assign

    flows.engagement_with_people(rapport)
    flows.add(rapport, (SPONSOR,), "client", "sponsor")
    diverging(rapport)
    found = flows.alerts(rapport)
    divergence, gap = found["divergence"], found["gap"]
    lead = Caller(TEAM, flows.LEAD)
    due = (utcnow() + timedelta(days=2)).date().isoformat()
    add_action(rapport.container, divergence.id, lead, text="Review", owner="U0CLI1", due=due)
    assign(rapport.container, gap.id, lead, "U0PRO1")
    climb_at(rapport, timedelta(days=14, minutes=1))
    said = {p.alert_id: p.text for p in ladder_posts(rapport) if p.kind == "escalation"}
    assert set(said) == {a.id for a in found.values()}

    assert "*Owner*: nobody assigned yet; <@U0CLI1> owns the action below" in said[divergence.id]
    assert "*Actions*\n• :warning: *Overdue:* Review — <@U0CLI1>, was due" in said[divergence.id]
    assert " · for: " not in said[divergence.id]  # its own action, no other finding's
    assert "*Owner*: <@U0PRO1>" in said[gap.id]
    for alert_id, text in said.items():
        if alert_id != divergence.id:
            assert "Review" not in text
            assert "*Actions*: none agreed on this finding yet." in text
    others = [t for a, t in said.items() if a not in (divergence.id, gap.id)]
    assert all("*Owner*: nobody yet" in t for t in others)
