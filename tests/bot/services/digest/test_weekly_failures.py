"""A weekly digest survives a short Slack outage: late rather than never, and never twice.

Before, a single 5xx marked the sponsor's digest `failed` for the whole week.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.services.digest.weekly import send_due_digests
from bot.slack.client import make_client
from storage.db import Database
from storage.models import DigestDelivery
from tests.bot.services.digest.test_weekly import (
    BERLIN_SPONSORS,
    MONDAY_8_BERLIN,
    digests_to,
    engagements,
)
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
    standin.server_error("chat.postMessage", user=SPONSOR, times=1)
    assert send_due_digests(database, client, MONDAY_8_BERLIN, BASE) == 1
    assert digests_to(standin, SPONSOR) == (0, 0)
    assert ("sending", "http_503") in rows(database).values()
    # Not before its retry time; then once, and never again that week.
    assert send_due_digests(database, client, MONDAY_8_BERLIN + BASE / 2, BASE) == 0
    assert send_due_digests(database, client, MONDAY_8_BERLIN + BASE * 2, BASE) == 1
    assert send_due_digests(database, client, MONDAY_8_BERLIN + timedelta(days=1), BASE) == 0
    assert digests_to(standin, SPONSOR) == (1, 1)
    assert {status for status, _ in rows(database).values()} == {"sent"}


def test_a_digest_that_landed_before_a_timeout_is_found_not_sent_again(
    database: Database, standin: SlackStandIn
) -> None:
    engagements(database)
    client = make_client("xoxb-test-token", standin.api_url, 1)
    standin.hang("chat.postMessage", 2.5, user=SPONSOR, landed=True)
    send_due_digests(database, client, MONDAY_8_BERLIN, BASE)
    assert ("sending", "timeout") in rows(database).values()
    send_due_digests(database, client, MONDAY_8_BERLIN + BASE * 2, BASE)
    assert digests_to(standin, SPONSOR) == (1, 1)  # one text (the one that landed), one chart
    assert {status for status, _ in rows(database).values()} == {"sent"}


def test_slack_refusing_or_the_week_ending_stops_the_retries(
    database: Database, standin: SlackStandIn
) -> None:
    engagements(database)
    client = make_client("xoxb-test-token", standin.api_url, 1)
    standin.server_error("chat.postMessage", user=SPONSOR, times=100)
    send_due_digests(database, client, MONDAY_8_BERLIN, BASE)
    first_week = {claim for claim, (_, error) in rows(database).items() if error}
    send_due_digests(database, client, MONDAY_8_BERLIN + timedelta(days=7), BASE)
    assert {rows(database)[claim] for claim in first_week} == {("failed", "gave up: http_503")}
    assert digests_to(standin, SPONSOR) == (0, 0)
    standin.faults.clear()
    standin.fail("chat.postMessage", "channel_not_found", user=SPONSOR)
    send_due_digests(database, client, MONDAY_8_BERLIN + timedelta(days=7, seconds=10), BASE)
    assert ("failed", "channel_not_found") in rows(database).values()
