"""The weekly digest job: each sponsor once per week, whatever number of clocks run it."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from bot.domain.people import Caller, Person
from bot.services.digest.weekly import digest_week, send_due_digests
from bot.services.engagements import add_people, set_up
from bot.slack.client import make_client
from bot.slack.messenger import SlackMessenger
from storage.db import Database
from storage.models import DigestDelivery
from tests.support.keys import TEST_KEY
from tests.support.slack_api import SlackStandIn

# Monday 6 January 2031, 07:00 UTC: 08:00 in Berlin, 02:00 in New York.
MONDAY_8_BERLIN = datetime(2031, 1, 6, 7, 0, tzinfo=UTC)
BERLIN_SPONSORS = ("U0SPA", "U0SPB")
NEW_YORK_SPONSOR = "U0SPC"


def engagements(database: Database) -> None:
    """Acme (Berlin, Monday 08:00) with two sponsors; Initech (New York, Wed 18:00) with one."""
    with database.unit_of_work() as session:
        lead = Caller("T0RAPPORT", "U0LEAD")
        acme = set_up(
            session, lead, name="Acme deal", client="Acme", provider="Globex", channel="C0A"
        )
        acme.timezone = "Europe/Berlin"
        people = [Person(u, "T0RAPPORT") for u in (*BERLIN_SPONSORS, "U0GONE")]
        add_people(session, acme, people, side="client", role="sponsor", weight=None)
        add_people(
            session, acme, [Person("U0MEM", "T0RAPPORT")], side="client", role=None, weight=None
        )
        initech = set_up(
            session,
            Caller("T0RAPPORT", "U0LEAD2"),
            name="Initech deal",
            client="Initech",
            provider="Hooli",
            channel="C0B",
        )
        initech.timezone, initech.digest_schedule = "America/New_York", "wed 18:00"
        add_people(
            session,
            initech,
            [Person(NEW_YORK_SPONSOR, "T0RAPPORT")],
            side="provider",
            role="sponsor",
            weight=None,
        )
        removed = next(m for m in acme.members if m.user_id == "U0GONE")
        removed.status = "removed"


def digests_to(standin: SlackStandIn, user: str) -> tuple[int, int]:
    """How many digest messages and chart uploads reached the user's DM."""
    channel = "D" + user[1:]
    posts = [c for c in standin.calls_to("chat.postMessage") if c.params.get("channel") == channel]
    uploads = [
        c
        for c in standin.calls_to("files.completeUploadExternal")
        if c.params.get("channel_id") == channel
    ]
    return len(posts), len(uploads)


def test_the_week_and_moment_follow_local_time_across_a_dst_change() -> None:
    # Berlin moves to summer time on Sunday 30 March 2031; the digest stays at 08:00 local.
    before = digest_week("mon 08:00", "Europe/Berlin", datetime(2031, 3, 26, 12, tzinfo=UTC))
    after = digest_week("mon 08:00", "Europe/Berlin", datetime(2031, 4, 2, 12, tzinfo=UTC))
    assert before == (date(2031, 3, 24), datetime(2031, 3, 24, 7, tzinfo=UTC))
    assert after == (date(2031, 3, 31), datetime(2031, 3, 31, 6, tzinfo=UTC))
    # Sunday night in New York is already Monday in UTC, and still last week there.
    sunday_night = datetime(2031, 1, 13, 3, tzinfo=UTC)
    assert digest_week("sun 21:00", "America/New_York", sunday_night)[0] == date(2031, 1, 6)


def test_each_sponsor_gets_one_digest_per_week_on_its_day(
    database: Database, standin: SlackStandIn
) -> None:
    engagements(database)
    client = make_client("xoxb-test-token", standin.api_url)
    messenger = SlackMessenger(client)
    assert send_due_digests(database, messenger, MONDAY_8_BERLIN - timedelta(minutes=1)) == 0
    assert send_due_digests(database, messenger, MONDAY_8_BERLIN) == 2
    for user in BERLIN_SPONSORS:
        assert digests_to(standin, user) == (1, 1)
    assert digests_to(standin, "U0GONE") == digests_to(standin, "U0MEM") == (0, 0)
    assert digests_to(standin, NEW_YORK_SPONSOR) == (0, 0)  # Wednesday 18:00 in New York

    wednesday_6pm_new_york = datetime(2031, 1, 8, 23, 0, tzinfo=UTC)
    assert send_due_digests(database, messenger, wednesday_6pm_new_york) == 1
    assert send_due_digests(database, messenger, wednesday_6pm_new_york + timedelta(days=2)) == 0
    assert digests_to(standin, NEW_YORK_SPONSOR) == (1, 1)

    assert send_due_digests(database, messenger, MONDAY_8_BERLIN + timedelta(weeks=1)) == 2
    for user in BERLIN_SPONSORS:
        assert digests_to(standin, user) == (2, 2)


def test_two_clocks_at_once_send_each_digest_once(database_url: str, standin: SlackStandIn) -> None:
    clocks = [Database(database_url, TEST_KEY), Database(database_url, TEST_KEY)]
    engagements(clocks[0])
    start = threading.Barrier(len(clocks))
    counts: list[int] = []

    def run(database: Database) -> None:
        client = make_client("xoxb-test-token", standin.api_url)
        messenger = SlackMessenger(client)
        start.wait()
        counts.append(send_due_digests(database, messenger, MONDAY_8_BERLIN + timedelta(days=3)))

    standin.latency = 0.02  # keep both clocks inside the race for longer
    threads = [threading.Thread(target=run, args=(db,)) for db in clocks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(counts) == 3
    for user in (*BERLIN_SPONSORS, NEW_YORK_SPONSOR):
        assert digests_to(standin, user) == (1, 1)
    # A second call in the same week, from either clock, sends nothing.
    client = make_client("xoxb-test-token", standin.api_url)
    messenger = SlackMessenger(client)
    assert send_due_digests(clocks[1], messenger, MONDAY_8_BERLIN + timedelta(days=4)) == 0
    for database in clocks:
        database.dispose()


def test_a_failed_dm_is_recorded_and_not_retried_that_week(
    database: Database, standin: SlackStandIn
) -> None:
    engagements(database)
    client = make_client("xoxb-test-token", standin.api_url)
    messenger = SlackMessenger(client)
    standin.fail("chat.postMessage", "user_disabled", user="U0SPA")
    assert send_due_digests(database, messenger, MONDAY_8_BERLIN) == 1
    assert send_due_digests(database, messenger, MONDAY_8_BERLIN + timedelta(hours=1)) == 0
    with database.reading() as session:
        rows = {r.member_id: (r.status, r.error) for r in session.scalars(select(DigestDelivery))}
    assert sorted(rows.values()) == [("failed", "user_disabled"), ("sent", None)]
    assert digests_to(standin, "U0SPB") == (1, 1)
