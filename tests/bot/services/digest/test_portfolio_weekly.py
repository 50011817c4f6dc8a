"""One weekly digest per sponsor of several engagements: once a week through every failure."""

from __future__ import annotations

import json
import threading
from datetime import timedelta

from sqlalchemy import select

from bot.domain.people import Person
from bot.domain.retries import Timing
from bot.services.digest.weekly import send_due_digests
from bot.services.engagements import add_people
from bot.slack.client import make_client
from bot.slack.messenger import SlackMessenger
from storage import erasure, portfolio_digests
from storage.db import Database
from storage.models import Engagement, Member, PortfolioDigest
from tests.bot.services.digest.test_weekly import (
    BERLIN_SPONSORS,
    MONDAY_8_BERLIN,
    digests_to,
    engagements,
)
from tests.support.slack_api import SlackStandIn

BASE = timedelta(seconds=5)
BOTH, ACME_ONLY = BERLIN_SPONSORS  # U0SPA sponsors Acme and Initech; U0SPB only Acme
WEDNESDAY_NIGHT = MONDAY_8_BERLIN + timedelta(days=2, hours=17)  # Initech's slot has passed


def portfolio_of_two(database: Database) -> None:
    engagements(database)
    with database.unit_of_work() as session:
        initech = session.scalars(select(Engagement).where(Engagement.name == "Initech deal")).one()
        sponsor = [Person(BOTH, "T0RAPPORT")]
        add_people(session, initech, sponsor, side="client", role="sponsor", weight=None)


def claims(database: Database) -> list[tuple[str, str | None]]:
    with database.reading() as session:
        rows = session.execute(select(PortfolioDigest.status, PortfolioDigest.error)).all()
    return [(status, error) for status, error in rows]


def portfolio_post(standin: SlackStandIn, user: str) -> str:
    channel = "D" + user[1:]
    (post,) = [c for c in standin.calls_to("chat.postMessage") if c.params["channel"] == channel]
    blocks = post.params["blocks"]
    return json.dumps(json.loads(blocks) if isinstance(blocks, str) else blocks)


def test_a_sponsor_of_two_gets_one_dm_at_the_first_slot_and_no_other(
    database: Database, standin: SlackStandIn
) -> None:
    portfolio_of_two(database)
    client = make_client("xoxb-test-token", standin.api_url, 1)
    messenger = SlackMessenger(client)
    assert (
        send_due_digests(database, messenger, MONDAY_8_BERLIN - timedelta(minutes=1), Timing(BASE))
        == 0
    )
    # Acme's Monday 08:00 in Berlin comes first: U0SPB gets Acme's digest, U0SPA the portfolio.
    assert send_due_digests(database, messenger, MONDAY_8_BERLIN, Timing(BASE)) == 2
    assert digests_to(standin, ACME_ONLY) == (1, 1)
    assert digests_to(standin, BOTH) == (1, 1)
    text = portfolio_post(standin, BOTH)
    assert "Your portfolio" in text and "Acme deal" in text and "Initech deal" in text
    # Initech's own slot (Wednesday 18:00 in New York) sends nothing more to U0SPA.
    assert (
        send_due_digests(database, messenger, WEDNESDAY_NIGHT, Timing(BASE)) == 1
    )  # U0SPC's Initech
    assert digests_to(standin, BOTH) == (1, 1)
    assert claims(database) == [("sent", None)]


def test_two_clocks_at_once_send_it_once(database: Database, standin: SlackStandIn) -> None:
    portfolio_of_two(database)
    client = make_client("xoxb-test-token", standin.api_url, 1)
    messenger = SlackMessenger(client)
    clocks = [
        threading.Thread(
            target=send_due_digests, args=(database, messenger, MONDAY_8_BERLIN, Timing(BASE))
        )
        for _ in range(3)
    ]
    for clock in clocks:
        clock.start()
    for clock in clocks:
        clock.join()
    assert digests_to(standin, BOTH) == (1, 1)
    assert claims(database) == [("sent", None)]


def test_a_failed_send_is_retried_in_the_week_and_arrives_once(
    database: Database, standin: SlackStandIn
) -> None:
    portfolio_of_two(database)
    client = make_client("xoxb-test-token", standin.api_url, 1)
    messenger = SlackMessenger(client)
    standin.server_error("chat.postMessage", user=BOTH, times=1)
    send_due_digests(database, messenger, MONDAY_8_BERLIN, Timing(BASE))
    assert digests_to(standin, BOTH) == (0, 0)
    assert claims(database) == [("sending", "http_503")]
    send_due_digests(database, messenger, MONDAY_8_BERLIN + BASE / 2, Timing(BASE))
    assert digests_to(standin, BOTH) == (0, 0)
    send_due_digests(database, messenger, MONDAY_8_BERLIN + BASE * 2, Timing(BASE))
    send_due_digests(database, messenger, WEDNESDAY_NIGHT, Timing(BASE))
    assert digests_to(standin, BOTH) == (1, 1)
    assert claims(database) == [("sent", None)]


def test_one_that_landed_before_a_timeout_is_found_not_sent_again(
    database: Database, standin: SlackStandIn
) -> None:
    portfolio_of_two(database)
    client = make_client("xoxb-test-token", standin.api_url, 1)
    messenger = SlackMessenger(client)
    standin.hang("chat.postMessage", 2.5, user=BOTH, landed=True)
    send_due_digests(database, messenger, MONDAY_8_BERLIN, Timing(BASE))
    assert claims(database) == [("sending", "timeout")]
    send_due_digests(database, messenger, MONDAY_8_BERLIN + BASE * 2, Timing(BASE))
    assert digests_to(standin, BOTH) == (1, 1)
    assert claims(database) == [("sent", None)]


def test_a_chosen_time_wins_and_removal_turns_it_back_into_one_engagements_digest(
    database: Database, standin: SlackStandIn
) -> None:
    portfolio_of_two(database)
    client = make_client("xoxb-test-token", standin.api_url, 1)
    messenger = SlackMessenger(client)
    with database.unit_of_work() as session:
        portfolio_digests.set_digest_time(
            session, ("T0RAPPORT", BOTH), "tue 07:30", "Europe/London", MONDAY_8_BERLIN
        )
    send_due_digests(database, messenger, MONDAY_8_BERLIN, Timing(BASE))
    assert digests_to(standin, BOTH) == (0, 0)
    send_due_digests(
        database, messenger, MONDAY_8_BERLIN + timedelta(days=1, minutes=30), Timing(BASE)
    )
    assert digests_to(standin, BOTH) == (1, 1)
    # Taken off Initech: next week U0SPA is a sponsor of one and gets Acme's own digest.
    with database.unit_of_work() as session:
        rows = session.scalars(select(Member).where(Member.user_id == BOTH)).all()
        next(m for m in rows if m.engagement.name == "Initech deal").status = "removed"
    send_due_digests(database, messenger, MONDAY_8_BERLIN + timedelta(days=7), Timing(BASE))
    assert digests_to(standin, BOTH) == (2, 2)
    assert len(claims(database)) == 1


LEASE = timedelta(minutes=5)


def test_a_claim_whose_clock_died_is_checked_then_sent_once(
    database: Database, standin: SlackStandIn
) -> None:
    portfolio_of_two(database)
    week = (MONDAY_8_BERLIN.date(), MONDAY_8_BERLIN + timedelta(days=7))
    with database.unit_of_work() as session:  # claimed, then its process died
        claim = portfolio_digests.claim_week(
            session, ("T0RAPPORT", BOTH), week, MONDAY_8_BERLIN, MONDAY_8_BERLIN + LEASE
        )
    assert claim is not None
    client = make_client("xoxb-test-token", standin.api_url, 1)
    messenger = SlackMessenger(client)
    send_due_digests(database, messenger, MONDAY_8_BERLIN + LEASE / 2, Timing(BASE, LEASE))
    assert digests_to(standin, BOTH) == (0, 0), "not while its sender may still be at it"
    send_due_digests(database, messenger, MONDAY_8_BERLIN + LEASE * 2, Timing(BASE, LEASE))
    send_due_digests(database, messenger, MONDAY_8_BERLIN + LEASE * 3, Timing(BASE, LEASE))
    assert digests_to(standin, BOTH) == (1, 1)
    assert claims(database) == [("sent", None)]


def test_a_person_forgotten_everywhere_leaves_no_digest_rows(
    database: Database, standin: SlackStandIn
) -> None:
    portfolio_of_two(database)
    client = make_client("xoxb-test-token", standin.api_url, 1)
    messenger = SlackMessenger(client)
    with database.unit_of_work() as session:
        portfolio_digests.set_digest_time(
            session, ("T0RAPPORT", BOTH), "mon 07:00", "UTC", MONDAY_8_BERLIN
        )
    send_due_digests(database, messenger, MONDAY_8_BERLIN, Timing(BASE))
    assert len(claims(database)) == 1
    with database.unit_of_work() as session:
        first, second = session.scalars(select(Member).where(Member.user_id == BOTH)).all()
        erasure.forget_member(session, first)
        assert len(session.scalars(select(PortfolioDigest)).all()) == 1  # still on one
        erasure.forget_member(session, second)
    with database.reading() as session:
        assert session.scalars(select(PortfolioDigest)).all() == []
        assert portfolio_digests.digest_time(session, ("T0RAPPORT", BOTH)) is None


def test_each_sponsor_reads_their_digest_and_its_chart_in_their_language(
    database: Database, standin: SlackStandIn
) -> None:
    portfolio_of_two(database)
    with database.unit_of_work() as session:
        for member in session.scalars(select(Member).where(Member.user_id.in_([BOTH, ACME_ONLY]))):
            member.locale = "de-DE" if member.user_id == BOTH else "fr-FR"
    client = make_client("xoxb-test-token", standin.api_url, 1)
    messenger = SlackMessenger(client)
    assert send_due_digests(database, messenger, MONDAY_8_BERLIN, Timing(BASE)) == 2
    german = json.dumps(json.loads(portfolio_post(standin, BOTH)), ensure_ascii=False)
    assert "*Ihr Portfolio* – 2 Engagements" in german and "Your portfolio" not in german
    french = json.dumps(json.loads(portfolio_post(standin, ACME_ONLY)), ensure_ascii=False)
    assert "Digest hebdomadaire : Acme deal" in french and "Prochain sondage" in french
    assert "Weekly digest" not in french and "Next pulse" not in french
    uploads = standin.calls_to("files.completeUploadExternal")
    raw = [c.params.get("files", "[]") for c in uploads]
    files = [f["title"] for r in raw for f in (json.loads(r) if isinstance(r, str) else r)]
    assert any("Ihr Portfolio – Woche vom" in f for f in files), files
    assert any("Acme deal — semaine du" in f for f in files), files
