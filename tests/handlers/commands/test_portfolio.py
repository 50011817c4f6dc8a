"""`/rapport portfolio` end to end: ranked lines for leads and sponsors, no one else's."""

from __future__ import annotations

import csv
import io

from bot.domain.alerts.wording import shown
from bot.services.portfolio import portfolio
from storage import portfolio_digests
from tests.support import flows
from tests.support.digests_flow import SPONSOR, uploads_to, with_history
from tests.support.running import RunningApp

OTHER_LEAD, OTHER_CHANNEL = "U0LEAD2", "C0OTHER"


def other_engagement(rapport: RunningApp, *sponsors: str) -> None:
    flows.set_up(rapport, "Other deal", lead=OTHER_LEAD, channel=OTHER_CHANNEL)
    if sponsors:
        added = rapport.slack.command(
            f"add {flows.mentions(sponsors)} provider sponsor",
            user=OTHER_LEAD,
            channel=OTHER_CHANNEL,
        )
        assert "Added" in added.text, added.text


def test_a_sponsor_of_two_sees_both_ranked_with_published_figures(rapport: RunningApp) -> None:
    with_history(rapport)
    other_engagement(rapport, SPONSOR)
    with rapport.database.reading() as session:
        (acme, other) = portfolio(session, "T0RAPPORT", SPONSOR, rapport.clock())
    assert (acme.name, other.name) == ("Acme deal", "Other deal")  # Acme has open findings
    assert acme.latest is not None and acme.latest.client.index is not None
    assert acme.latest.provider.index is not None

    reply = rapport.slack.command("portfolio", user=SPONSOR, channel="D0SPON")
    assert reply.ephemeral, reply.text
    lines = reply.text.splitlines()
    assert lines[0].startswith("*Your portfolio* — 2 engagements")
    client, provider = shown(acme.latest.client.index), shown(acme.latest.provider.index)
    assert lines[1].startswith("1. *Acme deal* (sponsor) — ")
    assert f"client {client} · provider {provider} · gap {abs(client - provider)}" in lines[1]
    assert "widening" in lines[1] and "open finding" in lines[1]
    assert "next pulse" in lines[1]
    assert any(
        line.startswith("2. *Other deal* (sponsor) — no pulse has closed yet") for line in lines
    )
    assert "U0CLI" not in reply.text  # figures, never people


def test_the_same_in_any_channel_and_for_a_lead(rapport: RunningApp) -> None:
    with_history(rapport)
    other_engagement(rapport)
    lead = rapport.slack.command("portfolio", user=flows.LEAD, channel=OTHER_CHANNEL)
    assert "1. *Acme deal* (lead)" in lead.text and "Other deal" not in lead.text
    assert "1 engagement" in lead.text
    other = rapport.slack.command("portfolio", user=OTHER_LEAD, channel=flows.CHANNEL)
    assert "1. *Other deal* (lead)" in other.text and "Acme" not in other.text


def test_members_and_strangers_are_told_they_have_no_portfolio(rapport: RunningApp) -> None:
    with_history(rapport)
    one = rapport.slack.command("portfolio", user=SPONSOR)
    assert one.text.startswith("*Your portfolio* — 1 engagement, most in need of attention")
    assert "1. *Acme deal* (sponsor)" in one.text and "2." not in one.text
    for user in ("U0CLI1", "U0NOBODY"):
        reply = rapport.slack.command("portfolio", user=user)
        assert "don't lead or sponsor any engagement" in reply.text
        assert "Acme" not in reply.text


def test_a_sponsor_removed_from_one_engagement_loses_it_at_once(rapport: RunningApp) -> None:
    with_history(rapport)
    other_engagement(rapport, SPONSOR)
    removed = rapport.slack.command(
        f"remove {flows.mentions((SPONSOR,))}", user=OTHER_LEAD, channel=OTHER_CHANNEL
    )
    assert "Other deal" in removed.all_text(), removed.all_text()
    reply = rapport.slack.command("portfolio", user=SPONSOR)
    assert "1. *Acme deal*" in reply.text and "Other deal" not in reply.text


def test_the_portfolio_csv_goes_to_the_callers_dm(rapport: RunningApp) -> None:
    with_history(rapport)
    other_engagement(rapport, SPONSOR)
    reply = rapport.slack.command("portfolio csv", user=SPONSOR)
    assert "Sent the portfolio (2 engagements)" in reply.text
    (upload,) = uploads_to(rapport, SPONSOR)
    rows = list(csv.DictReader(io.StringIO(upload.decode())))
    assert [(r["rank"], r["engagement"]) for r in rows] == [("1", "Acme deal"), ("2", "Other deal")]
    assert rows[0]["client_index"] and rows[1]["client_index"] == ""

    rapport.standin.fail("files.getUploadURLExternal", "not_allowed_token_type")
    failed = rapport.slack.command("portfolio csv", user=SPONSOR)
    assert "couldn't send you the portfolio CSV (not_allowed_token_type)" in failed.text


def test_a_word_it_does_not_know_is_explained(rapport: RunningApp) -> None:
    reply = rapport.slack.command("portfolio everything", user=SPONSOR)
    assert "`/rapport portfolio csv`" in reply.text


def test_digest_time_is_kept_in_the_sponsors_slack_time_zone(rapport: RunningApp) -> None:
    with_history(rapport)
    other_engagement(rapport, SPONSOR)
    shown_now = rapport.slack.command("digest-time", user=SPONSOR)
    assert "at the earliest of your engagements' digest times" in shown_now.text
    chosen = rapport.slack.command("digest-time Tue 07:30 tz:europe/london", user=SPONSOR)
    assert "on tue 07:30 (Europe/London)" in chosen.text, chosen.text
    with rapport.database.reading() as session:
        found = portfolio_digests.digest_time(session, ("T0RAPPORT", SPONSOR))
    assert found is not None and (found.day_time, found.timezone) == ("tue 07:30", "Europe/London")
    assert "the time you chose" in rapport.slack.command("digest-time", user=SPONSOR).text
    back = rapport.slack.command("digest-time default", user=SPONSOR)
    assert "earliest of your engagements' digest times again" in back.text
    with rapport.database.reading() as session:
        assert portfolio_digests.digest_time(session, ("T0RAPPORT", SPONSOR)) is None


def test_digest_time_refuses_what_it_cannot_read_and_non_sponsors(rapport: RunningApp) -> None:
    with_history(rapport)
    for words in ("someday 08:00", "mon 25:00", "mon 08:00 tz:Mars/Olympus", "mon"):
        reply = rapport.slack.command(f"digest-time {words}", user=SPONSOR)
        assert reply.ephemeral and "something went wrong" not in reply.text.lower(), reply.text
        assert "tue 07:30" not in reply.text
    one = rapport.slack.command("digest-time mon 09:00", user=SPONSOR)
    assert "You sponsor one engagement" in one.text
    lead = rapport.slack.command("digest-time mon 09:00", user=flows.LEAD)
    assert "you sponsor no engagement" in lead.text
