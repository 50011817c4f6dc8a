"""A weekly digest survives a short Slack outage: late rather than never, and never twice.

Before, a single 5xx marked the sponsor's digest `failed` for the whole week.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.domain.retries import Timing
from bot.services.delivery.digests import DIGEST_EVENT
from bot.services.digest.weekly import digest_week, send_due_digests
from bot.slack.client import make_client
from bot.slack.messenger import SlackMessenger
from storage.db import Database
from storage.digests import claim_week
from storage.models import DigestDelivery, Engagement, Member
from tests.bot.services.digest.test_weekly import (
    BERLIN_SPONSORS,
    MONDAY_8_BERLIN,
    digests_to,
    engagements,
)
from tests.support import flows
from tests.support.slack_api import SlackStandIn

BASE = timedelta(seconds=5)
SPONSOR = BERLIN_SPONSORS[0]


def rows(database: Database) -> dict[int, tuple[str, str | None]]:
    """Each claim's status and error, by claim id."""
    with database.reading() as session:
        found = session.execute(
            select(DigestDelivery.id, DigestDelivery.status, DigestDelivery.error)
        ).all()
    return {claim: (status, error) for claim, status, error in found}


def test_a_5xx_is_retried_in_the_same_week_and_the_digest_arrives_once(
    database: Database, standin: SlackStandIn
) -> None:
    engagements(database)
    client = make_client("xoxb-test-token", standin.api_url, 1)
    messenger = SlackMessenger(client)
    standin.server_error("chat.postMessage", user=SPONSOR, times=1)
    assert send_due_digests(database, messenger, MONDAY_8_BERLIN, Timing(BASE)) == 1
    assert digests_to(standin, SPONSOR) == (0, 0)
    assert ("sending", "http_503") in rows(database).values()
    # Not before its retry time; then once, and never again that week.
    assert send_due_digests(database, messenger, MONDAY_8_BERLIN + BASE / 2, Timing(BASE)) == 0
    assert send_due_digests(database, messenger, MONDAY_8_BERLIN + BASE * 2, Timing(BASE)) == 1
    assert (
        send_due_digests(database, messenger, MONDAY_8_BERLIN + timedelta(days=1), Timing(BASE))
        == 0
    )
    assert digests_to(standin, SPONSOR) == (1, 1)
    assert {status for status, _ in rows(database).values()} == {"sent"}


def test_a_digest_that_landed_before_a_timeout_is_found_not_sent_again(
    database: Database, standin: SlackStandIn
) -> None:
    engagements(database)
    client = make_client("xoxb-test-token", standin.api_url, 1)
    messenger = SlackMessenger(client)
    standin.hang("chat.postMessage", 2.5, user=SPONSOR, landed=True)
    send_due_digests(database, messenger, MONDAY_8_BERLIN, Timing(BASE))
    assert ("sending", "timeout") in rows(database).values()
    send_due_digests(database, messenger, MONDAY_8_BERLIN + BASE * 2, Timing(BASE))
    assert digests_to(standin, SPONSOR) == (1, 1)  # one text (the one that landed), one chart
    assert {status for status, _ in rows(database).values()} == {"sent"}


def test_slack_refusing_or_the_week_ending_stops_the_retries(
    database: Database, standin: SlackStandIn
) -> None:
    engagements(database)
    # Days pass between the sends: so do Slack's minutes (one history read each).
    flows.slack_minute_lasts(standin, 0.01)
    client = make_client("xoxb-test-token", standin.api_url, 1)
    messenger = SlackMessenger(client)
    standin.server_error("chat.postMessage", user=SPONSOR, times=100)
    send_due_digests(database, messenger, MONDAY_8_BERLIN, Timing(BASE))
    first_week = {claim for claim, (_, error) in rows(database).items() if error}
    send_due_digests(database, messenger, MONDAY_8_BERLIN + timedelta(days=7), Timing(BASE))
    assert {rows(database)[claim] for claim in first_week} == {("failed", "gave up: http_503")}
    assert digests_to(standin, SPONSOR) == (0, 0)
    standin.faults.clear()
    standin.fail("chat.postMessage", "channel_not_found", user=SPONSOR)
    send_due_digests(
        database, messenger, MONDAY_8_BERLIN + timedelta(days=7, seconds=10), Timing(BASE)
    )
    assert ("failed", "channel_not_found") in rows(database).values()


LEASE = timedelta(minutes=5)


def claimed_by_a_clock_that_died(database: Database) -> int:
    """A claim taken (with its check time) by a process that then died, or lost its
    database, before it could record what happened."""
    with database.unit_of_work() as session:
        sponsor = session.scalars(select(Member).where(Member.user_id == SPONSOR)).one()
        engagement = session.get_one(Engagement, sponsor.engagement_id)
        week, _ = digest_week(engagement.digest_schedule, engagement.timezone, MONDAY_8_BERLIN)
        claim = claim_week(
            session, engagement.id, sponsor.id, week, MONDAY_8_BERLIN, MONDAY_8_BERLIN + LEASE
        )
        assert claim is not None
        return claim


def test_a_claim_its_clock_never_settled_is_sent_once_its_check_time_comes(
    database: Database, standin: SlackStandIn
) -> None:
    """The defect: a clock whose database went away between the claim and the record left
    the row `sending` with no reason, and the sponsor never got that week's digest."""
    engagements(database)
    claimed_by_a_clock_that_died(database)
    client = make_client("xoxb-test-token", standin.api_url, 1)
    messenger = SlackMessenger(client)
    send_due_digests(database, messenger, MONDAY_8_BERLIN + LEASE / 2, Timing(BASE, LEASE))
    assert digests_to(standin, SPONSOR) == (0, 0), "not while its sender may still be at it"
    send_due_digests(database, messenger, MONDAY_8_BERLIN + LEASE * 2, Timing(BASE, LEASE))
    send_due_digests(database, messenger, MONDAY_8_BERLIN + LEASE * 3, Timing(BASE, LEASE))
    assert digests_to(standin, SPONSOR) == (1, 1)


def test_a_claim_whose_digest_landed_before_its_clock_died_is_recorded_not_resent(
    database: Database, standin: SlackStandIn
) -> None:
    engagements(database)
    claim = claimed_by_a_clock_that_died(database)
    client = make_client("xoxb-test-token", standin.api_url, 1)
    messenger = SlackMessenger(client)
    client.chat_postMessage(
        channel="D" + SPONSOR[1:],
        text="digest",
        metadata={"event_type": DIGEST_EVENT, "event_payload": {"delivery": claim}},
    )
    send_due_digests(database, messenger, MONDAY_8_BERLIN + LEASE * 2, Timing(BASE, LEASE))
    assert digests_to(standin, SPONSOR) == (1, 1)  # the text that landed, and its chart
    assert rows(database)[claim] == ("sent", None)
