"""The fan-out: each side's DM; a crashed send is found, not repeated; 429s slow everyone."""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import event, func, select, update

from bot.services.delivery.pulse_dms import deliver, render_delivery
from bot.services.messenger import Posted, Tag
from bot.slack.messenger import SlackMessenger
from bot.slack.pacing import Pacer
from bot.views.mrkdwn import slack_date
from bot.views.pulse_dm import PULSE_EVENT, PulseAsked, message_for
from storage.db import Database
from storage.models import Delivery, Pulse
from tests.bot.services.delivery.acme import (
    CLIENTS,
    LEAD,
    NOW,
    PROVIDERS,
    engagement_with_pulse,
)
from tests.support import flows, models
from tests.support.blockkit import buttons, check_message, text_of, texts
from tests.support.fake_messenger import FakeMessenger, dm_of
from tests.support.running import RunningApp


def open_pulse_without_sending(rapport: RunningApp) -> int:
    from bot.services.pulses import open_pulse
    from storage.models import Engagement

    flows.engagement_with_people(rapport)
    with rapport.database.unit_of_work() as session:
        engagement = session.scalars(select(Engagement)).one()
        return open_pulse(session, engagement, started_by="test", now=rapport.container.now()).id


def paced(rapport: RunningApp) -> SlackMessenger:
    """The app's Slack client behind the messenger, paced at 500 messages a second."""
    return SlackMessenger(rapport.container.client, Pacer(500))


def test_a_dm_sent_just_before_a_crash_is_found_and_not_sent_again(rapport: RunningApp) -> None:
    pulse_id = open_pulse_without_sending(rapport)
    # Two DMs to look up, one history read a minute: a minute of Slack's lasts 0.5 s here.
    flows.slack_minute_lasts(rapport.standin, 0.5)
    # A sender claimed U0CLI1's DM, Slack accepted it, and the process died before recording.
    with rapport.database.unit_of_work() as session:
        delivery = session.scalars(select(Delivery).order_by(Delivery.id)).all()[1]
        dm = render_delivery(delivery)
        long_ago = rapport.container.now() - timedelta(hours=1)
        session.execute(
            update(Delivery)
            .where(Delivery.id == delivery.id)
            .values(status="sending", sent_at=long_ago)
        )
    rapport.container.client.chat_postMessage(
        channel=dm.user_id, text=dm.text, blocks=dm.blocks, metadata=dm.metadata
    )
    # And another was claimed but never reached Slack.
    with rapport.database.unit_of_work() as session:
        other = session.scalars(select(Delivery).order_by(Delivery.id)).all()[2]
        session.execute(
            update(Delivery)
            .where(Delivery.id == other.id)
            .values(status="sending", sent_at=long_ago)
        )

    result = deliver(
        rapport.database,
        paced(rapport),
        pulse_id,
        rapport.container.now,
    )

    assert result.recovered == 1
    counts = Counter(c.params["channel"] for c in rapport.standin.dms())
    assert len(counts) == 7 and set(counts.values()) == {1}
    with rapport.database.reading() as session:
        assert {d.status for d in session.scalars(select(Delivery))} == {"sent"}


def test_a_claim_still_in_flight_is_left_alone(rapport: RunningApp) -> None:
    pulse_id = open_pulse_without_sending(rapport)
    with rapport.database.unit_of_work() as session:
        first = session.scalars(select(Delivery).order_by(Delivery.id)).first()
        assert first is not None
        session.execute(
            update(Delivery)
            .where(Delivery.id == first.id)
            .values(status="sending", sent_at=rapport.container.now())
        )
    result = deliver(
        rapport.database,
        paced(rapport),
        pulse_id,
        rapport.container.now,
    )
    assert result.sent == 6 and result.recovered == 0
    assert rapport.standin.calls_to("conversations.history") == []


def test_a_429_holds_every_sender_for_its_retry_after(rapport: RunningApp) -> None:
    pulse_id = open_pulse_without_sending(rapport)
    rapport.standin.rate_limit("chat.postMessage", retry_after=1, times=1)
    result = deliver(
        rapport.database,
        paced(rapport),
        pulse_id,
        rapport.container.now,
        workers=3,
    )
    assert result.sent == 7 and not result.failed
    attempts = rapport.standin.calls_to("chat.postMessage", ok_only=False)
    throttled_at = next(c.at for c in attempts if c.status == 429)
    after = [c.at - throttled_at for c in attempts if c.status == 200 and c.at > throttled_at]
    # Sends already on the wire on the other two workers may land; no new one starts
    # until the Retry-After has passed.
    in_flight = [gap for gap in after if gap < 0.9]
    assert len(in_flight) <= 2 and len(after) > len(in_flight)


def asked(pulse: Pulse) -> PulseAsked:
    engagement = pulse.engagement
    return PulseAsked(
        pulse.id, engagement.name, engagement.client_org, engagement.provider_org, pulse.closes_at
    )


def test_each_side_is_asked_about_the_other_party() -> None:
    pulse = models.pulse(models.engagement(client_org="Acme & Co", provider_org="Globex"))
    text, client_blocks = message_for(asked(pulse), "client")
    assert (
        text == "How satisfied are you with Acme & Co – Globex this week? Answer with the buttons."
    )
    _, provider_blocks = message_for(asked(pulse), "provider")
    check_message(client_blocks)
    assert "How do you think *Globex* would rate it? (optional)" in texts(client_blocks)
    assert "How do you think *Acme & Co* would rate it? (optional)" in texts(provider_blocks)
    assert f"Closes {slack_date(pulse.closes_at)}." in text_of(client_blocks)


def test_a_redrawn_dm_shows_the_answer_so_far() -> None:
    _, blocks = message_for(asked(models.pulse()), "provider", rating=5, commented=True)
    assert text_of(blocks).endswith(
        "You answered *5*. You can change it until the pulse closes "
        f"{slack_date(models.pulse().closes_at)}. Comment saved — thank you."
    )


def test_a_delivery_renders_to_its_member_with_the_pulse_in_the_metadata() -> None:
    engagement = models.engagement()
    delivery = Delivery(id=3, pulse_id=41, member_id=9, status="pending", attempts=0)
    delivery.pulse = models.pulse(engagement)
    delivery.member = models.member("provider", id=9, user_id="U0PRO1")
    dm = render_delivery(delivery)
    assert (dm.delivery_id, dm.member_id, dm.user_id) == (3, 9, "U0PRO1")
    assert dm.metadata == {"event_type": PULSE_EVENT, "event_payload": {"pulse": 41}}
    assert dm.blocks == message_for(asked(delivery.pulse), "provider")[1]
    assert "How do you think *Acme* would rate it? (optional)" in texts(dm.blocks)
    assert all(json.loads(b["value"])["p"] == 41 for b in buttons(dm.blocks))


def test_each_recipient_gets_one_tagged_dm_through_the_messenger(database: Database) -> None:
    messenger = FakeMessenger()
    pulse_id = engagement_with_pulse(database)
    result = deliver(database, messenger, pulse_id, lambda: NOW)
    assert result.sent == 7 and not result.failed and not result.retrying
    assert Counter(m.channel for m in messenger.posts) == {
        dm_of(user): 1 for user in (LEAD, *CLIENTS, *PROVIDERS)
    }
    assert {m.tag for m in messenger.posts} == {Tag(PULSE_EVENT, "pulse", pulse_id)}
    assert all(m.exactly_once and m.paced for m in messenger.posts)


def test_a_refusal_fails_that_dm_alone_and_marks_the_person_unreachable(
    database: Database,
) -> None:
    messenger = FakeMessenger()
    messenger.fail("post", "refused", "user_not_found")
    pulse_id = engagement_with_pulse(database)
    result = deliver(database, messenger, pulse_id, lambda: NOW)
    assert result.sent == 6 and list(result.failed.values()) == ["user_not_found"]
    with database.reading() as session:
        refused = session.scalars(select(Delivery).where(Delivery.status == "failed")).one()
        assert (refused.member.status, refused.member.status_reason) == (
            "unreachable",
            "user_not_found",
        )


def test_an_uncertain_dm_that_landed_is_found_at_its_check_not_sent_again(
    database: Database,
) -> None:
    messenger = FakeMessenger()
    messenger.fail("post", "uncertain", "timeout", landed=True)
    pulse_id = engagement_with_pulse(database)
    first = deliver(database, messenger, pulse_id, lambda: NOW, retry_base=timedelta(seconds=5))
    assert first.sent == 6 and list(first.retrying.values()) == ["timeout"]
    later = NOW + timedelta(seconds=10)
    second = deliver(database, messenger, pulse_id, lambda: later)
    assert second.recovered == 1 and second.sent == 0
    assert len(messenger.posts) == 7
    with database.reading() as session:
        assert {d.status for d in session.scalars(select(Delivery))} == {"sent"}


def test_a_429_sends_the_dm_again_at_once(database: Database) -> None:
    messenger = FakeMessenger()
    messenger.fail("post", "rate_limited", retry_after=0.1)
    pulse_id = engagement_with_pulse(database)
    result = deliver(database, messenger, pulse_id, lambda: NOW)
    assert result.sent == 7 and messenger.methods().count("post") == 8


@dataclass
class SlowMessenger(FakeMessenger):
    """A Slack that takes 50 ms per post, noting how many DMs were claimed at each post."""

    database: Database | None = None
    claimed_at_post: list[int] = field(default_factory=list)

    def post(self, channel: str, text: str, *args: Any, **kwargs: Any) -> Posted:
        assert self.database is not None
        with self.database.reading() as session:
            claimed = select(func.count()).where(Delivery.status == "sending")
            self.claimed_at_post.append(int(session.scalar(claimed) or 0))
        time.sleep(0.05)
        return super().post(channel, text, *args, **kwargs)


def test_the_pass_claims_for_all_its_idle_senders_in_one_statement(database: Database) -> None:
    messenger = SlowMessenger(database=database)
    pulse_id = engagement_with_pulse(database)
    claims: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "UPDATE deliveries" in statement and "WITH due" in statement:
            claims.append(statement)

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        result = deliver(database, messenger, pulse_id, lambda: NOW, workers=4)
    finally:
        event.remove(database.engine, "before_cursor_execute", record)
    assert result.sent == 7 and not result.failed and not result.retrying
    assert Counter(m.channel for m in messenger.posts) == {
        dm_of(user): 1 for user in (LEAD, *CLIENTS, *PROVIDERS)
    }
    # The first claim took a DM for each of the four senders before any was posted.
    assert messenger.claimed_at_post[0] == 4
    # One claim per DM and one empty claim per sender would be 7 + 4.
    assert len(claims) <= 8, len(claims)


def statuses(database: Database) -> Counter[str]:
    with database.reading() as session:
        return Counter(session.scalars(select(Delivery.status)))


def test_a_look_slack_refuses_ends_the_dm_as_for_every_kind(database: Database) -> None:
    messenger = FakeMessenger()
    messenger.fail("post", "uncertain", "timeout", target="U0CLI1")
    pulse_id = engagement_with_pulse(database)
    deliver(database, messenger, pulse_id, lambda: NOW, retry_base=timedelta(seconds=5))
    messenger.fail("find_tagged", "refused", "missing_scope")
    later = deliver(database, messenger, pulse_id, lambda: NOW + timedelta(seconds=10))
    assert later.recovered == 0 and later.sent == 0
    assert statuses(database) == Counter({"sent": 6, "failed": 1})
    assert len(messenger.posts) == 6


def test_a_look_held_back_waits_for_slack_and_gives_up_at_the_close(database: Database) -> None:
    messenger = FakeMessenger()
    messenger.fail("post", "uncertain", "timeout", target="U0CLI1", landed=True)
    pulse_id = engagement_with_pulse(database)
    deliver(database, messenger, pulse_id, lambda: NOW, retry_base=timedelta(seconds=5))
    # The history read is held for a minute: no look before then, and the DM is not sent.
    messenger.fail("find_tagged", "rate_limited", "held", retry_after=60)
    check = NOW + timedelta(seconds=10)
    deliver(database, messenger, pulse_id, lambda: check)
    deliver(database, messenger, pulse_id, lambda: check + timedelta(seconds=59))
    assert messenger.methods().count("find_tagged") == 1
    found = deliver(database, messenger, pulse_id, lambda: check + timedelta(seconds=60))
    assert found.recovered == 1 and len(messenger.posts) == 7
    assert statuses(database) == Counter({"sent": 7})
    # A DM whose look cannot be read until past the close ends there, not after it.
    with database.reading() as session:
        assert session.get_one(Pulse, pulse_id).closes_at < check + timedelta(days=30)
    with database.unit_of_work() as session:
        session.execute(
            update(Delivery)
            .where(Delivery.id == _first_sent(database))
            .values(status="sending", error="timeout", next_attempt_at=check)
        )
    messenger.fail("find_tagged", "rate_limited", "held", retry_after=3600 * 24 * 30)
    deliver(database, messenger, pulse_id, lambda: check, retry_base=timedelta(seconds=5))
    with database.reading() as session:
        ended = session.get_one(Delivery, _first_sent(database))
        assert (ended.status, ended.error) == ("failed", "gave up: held")


def _first_sent(database: Database) -> int:
    with database.reading() as session:
        return int(session.scalars(select(Delivery.id).order_by(Delivery.id)).first() or 0)
