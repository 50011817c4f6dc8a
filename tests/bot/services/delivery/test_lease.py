"""A claim kept through a wait: a DM that waited long for its turn in the workspace's pace
renews its claim before it goes, and one whose claim another process took over meanwhile
is not sent by the sender that lost it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, select, update

from bot.domain.retries import Timing
from bot.domain.vocabulary import utcnow
from bot.services.delivery.ladder_posts import send_ladder_posts
from bot.services.delivery.lease import RENEW_AFTER_WAIT_SECONDS, renew_after
from bot.services.delivery.pulse_dms import deliver
from bot.services.messenger import Posted, after_paced_wait
from storage.db import Database
from storage.models import Delivery, Member
from tests.bot.services.delivery.acme import NOW, engagement_with_pulse
from tests.bot.services.delivery.test_ladder_posts import BASE, SPONSOR, posts, queued
from tests.support.fake_messenger import FakeMessenger, dm_of

LEASE = timedelta(seconds=45)  # STALE_SENDING_SECONDS's default


@dataclass
class CrowdedMessenger(FakeMessenger):
    """A Slack whose workspace pace makes one person's DM wait for its turn: `meanwhile`
    runs during that wait, then the post asks its sender, as the Slack adapter does
    (`bot/slack/messenger.py`), and `when_sent` runs as it goes."""

    slow_for: str = ""
    waited: float = 0.0
    meanwhile: Callable[[], None] = lambda: None
    when_sent: Callable[[], None] = lambda: None

    def post(self, channel: str, text: str, *args: Any, **kwargs: Any) -> Posted:
        if kwargs.get("paced") and dm_of(channel) == dm_of(self.slow_for):
            self.meanwhile()
            after_paced_wait(self.waited)
            self.when_sent()
        return super().post(channel, text, *args, **kwargs)


def claim_of(database: Database, user_id: str) -> tuple[str, int, datetime | None]:
    """The person's DM as the outbox holds it: status, attempts, and when it was claimed."""
    with database.reading() as session:
        delivery = session.scalars(
            select(Delivery).join(Delivery.member).where(Member.user_id == user_id)
        ).one()
        return delivery.status, delivery.attempts, delivery.sent_at


def test_a_dm_that_waited_long_for_its_turn_renews_its_claim_before_it_goes(
    database: Database,
) -> None:
    clock = [NOW]
    seen: list[tuple[str, int, datetime | None]] = []

    def wait() -> None:
        clock[0] = NOW + timedelta(seconds=30)  # a 429 held the workspace for 30 s

    messenger = CrowdedMessenger(slow_for="U0CLI1", waited=30.0, meanwhile=wait)
    messenger.when_sent = lambda: seen.append(claim_of(database, "U0CLI1"))
    pulse_id = engagement_with_pulse(database)
    result = deliver(database, messenger, pulse_id, lambda: clock[0], stale_after=LEASE)
    assert result.sent == 7 and len(messenger.posts) == 7
    # As it went, its claim was as fresh as the post: no other sender could take it over.
    assert seen == [("sending", 1, NOW + timedelta(seconds=30))]


def test_a_dm_whose_claim_was_taken_over_while_it_waited_is_left_to_the_new_sender(
    database: Database,
) -> None:
    pulse_id = engagement_with_pulse(database)

    def taken_over() -> None:
        # The wait outlasted the lease; another process took the DM for a look.
        with database.unit_of_work() as session:
            member = session.scalars(select(Member).where(Member.user_id == "U0CLI1")).one()
            session.execute(
                update(Delivery)
                .where(Delivery.member_id == member.id)
                .values(attempts=Delivery.attempts + 1, sent_at=NOW + timedelta(seconds=31))
            )

    messenger = CrowdedMessenger(slow_for="U0CLI1", waited=30.0, meanwhile=taken_over)
    result = deliver(
        database, messenger, pulse_id, lambda: NOW + timedelta(seconds=30), stale_after=LEASE
    )
    # Not sent by the sender that lost its claim, and not recorded by it either.
    assert result.sent == 6 and len(messenger.posts) == 6
    assert dm_of("U0CLI1") not in {m.channel for m in messenger.posts}
    assert claim_of(database, "U0CLI1") == ("sending", 2, NOW + timedelta(seconds=31))


def renewals_while(database: Database, send: Callable[[], object]) -> list[str]:
    """The claims renewed while `send` runs."""
    renewals: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("UPDATE deliveries SET sent_at"):
            renewals.append(statement)

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        send()
    finally:
        event.remove(database.engine, "before_cursor_execute", record)
    return renewals


def test_a_short_wait_for_its_turn_leaves_the_claim_as_it_is(database: Database) -> None:
    messenger = CrowdedMessenger(slow_for="U0CLI1", waited=RENEW_AFTER_WAIT_SECONDS / 2)
    pulse_id = engagement_with_pulse(database)
    renewals = renewals_while(database, lambda: deliver(database, messenger, pulse_id, lambda: NOW))
    assert renewals == [] and len(messenger.posts) == 7


def test_a_long_wait_is_a_sixth_of_the_lease_and_never_under_half_a_second() -> None:
    # The default lease, a close's alert posts' lease, the bench's, and the shortest the
    # settings allow (three one-second timeouts).
    assert renew_after(LEASE) == 7.5
    assert renew_after(timedelta(minutes=5)) == 50.0
    assert renew_after(timedelta(seconds=6)) == 1.0
    assert renew_after(timedelta(seconds=3)) == RENEW_AFTER_WAIT_SECONDS


@pytest.mark.parametrize(("waited", "renewed"), [(5.0, 0), (8.0, 1)])
def test_with_the_worker_defaults_only_a_wait_past_seven_and_a_half_seconds_renews(
    database: Database, waited: float, renewed: int
) -> None:
    messenger = CrowdedMessenger(slow_for="U0CLI1", waited=waited)
    pulse_id = engagement_with_pulse(database)
    renewals = renewals_while(
        database, lambda: deliver(database, messenger, pulse_id, lambda: NOW, stale_after=LEASE)
    )
    assert len(renewals) == renewed and len(messenger.posts) == 7


def test_a_post_whose_kind_cannot_renew_is_not_made_after_a_long_wait_but_looked_for_later(
    database: Database,
) -> None:
    # A ladder post's claim cannot be renewed: after a wait that may have outlasted its
    # lease it is neither posted nor recorded by that sender, and once the lease has
    # passed it is looked for, then posted once.
    setup = FakeMessenger()
    queued(database, setup)
    messenger = CrowdedMessenger(slow_for=SPONSOR, waited=60.0)
    lease = LEASE
    now = utcnow()
    assert send_ladder_posts(database, messenger, now, Timing(BASE, lease)) == 1  # the re-raise
    assert messenger.posted_to(SPONSOR) == []
    assert posts(database)["escalation"] == ("sending", None, None)  # as claimed, no more
    messenger.waited = 0.0
    assert (
        send_ladder_posts(database, messenger, now + timedelta(seconds=30), Timing(BASE, lease))
        == 0
    )
    assert send_ladder_posts(database, messenger, now + lease, Timing(BASE, lease)) == 1
    assert "find_tagged" in messenger.methods()
    [escalation] = messenger.posted_to(SPONSOR)
    assert posts(database)["escalation"] == ("sent", escalation.ts, None)
