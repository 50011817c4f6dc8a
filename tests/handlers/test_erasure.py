"""Taking data back, end to end over HTTP: forget, Forget me, retention, archive and purge."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta

from sqlalchemy import select

from bot.services.erasure import delete_expired_comments
from bot.services.export import find_engagement, render
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Engagement, Member, PublishedDriver, Response
from tests.support import flows
from tests.support.keys import TEST_KEY, with_key
from tests.support.running import RunningApp, running_app
from tests.support.slack_api import SlackStandIn
from tests.support.stored_text import in_table_files, readable, sealed_form, still_stored
from tests.support.throwaway_postgres import throwaway_postgres

CANARY_USER = "U0CANARY"
CANARY = "canary-7f3a9c-the-vendor-lies"
CLIENTS = (*flows.CLIENTS, CANARY_USER)


def closed_pulse_with_a_canary(rapport: RunningApp) -> None:
    """Four client answers (the canary's with a comment) and three provider ones, closed."""
    flows.set_up(rapport)
    flows.add(rapport, CLIENTS, "client")
    flows.add(rapport, flows.PROVIDERS, "provider")
    flows.send(rapport)
    for user, rating in zip(CLIENTS, (2, 3, 4, 5), strict=True):
        flows.click(rapport, user, f"pulse.rate.{rating}")
    for user in flows.PROVIDERS:
        flows.click(rapport, user, "pulse.rate.4")
    flows.comment(rapport, CANARY_USER, CANARY)
    flows.comment(rapport, "U0CLI1", "another comment that stays, about the invoices")
    assert "Closed the pulse" in rapport.slack.command("close").all_text()
    rapport.settle()


def export(rapport: RunningApp) -> str:
    with rapport.database.reading() as session:
        return render(session, find_engagement(session, "Acme deal"), "csv")


def test_a_lead_forgets_someone_and_the_published_figures_stay_byte_for_byte(
    rapport_http: RunningApp,
) -> None:
    rapport = rapport_http
    closed_pulse_with_a_canary(rapport)
    before = export(rapport)
    assert readable(rapport.database, CANARY)
    refused = rapport.slack.command(f"forget <@{CANARY_USER}>", user="U0CLI1")
    assert "Only a lead" in refused.all_text()
    reply = rapport.slack.command(f"forget <@{CANARY_USER}|canary>").all_text()
    assert "Forgotten: <@U0CANARY>" in reply and "1 comment, deleted" in reply
    assert "1 answer, cut" in reply and "What stays" in reply
    assert export(rapport) == before
    assert not readable(rapport.database, CANARY) and not still_stored(rapport.database, CANARY)
    assert readable(rapport.database, "another comment that stays")
    with rapport.database.reading() as session:
        assert session.scalars(select(Member).where(Member.user_id == CANARY_USER)).all() == []
        ratings = sorted(r.rating or 0 for r in session.scalars(select(Response)))
    assert ratings == [2, 3, 4, 4, 4, 4, 5]  # the answer stays, without a name
    members = rapport.slack.command("members").all_text()
    assert CANARY_USER not in members and "~" not in members


def test_forget_me_in_app_home_erases_the_caller_and_says_what_stays(
    rapport_http: RunningApp,
) -> None:
    rapport = rapport_http
    closed_pulse_with_a_canary(rapport)
    before = export(rapport)
    rapport.slack.home_opened(CANARY_USER)
    home = rapport.standin.calls_to("views.publish")[-1].params["view"]
    home = json.loads(home) if isinstance(home, str) else home
    buttons = [e for b in home["blocks"] for e in b.get("elements", []) if "action_id" in e]
    forget = next(b for b in buttons if b["action_id"] == "home.forget_me")
    assert forget["confirm"]["confirm"]["text"] == "Forget me"
    rapport.slack.click("home.forget_me", "", user=CANARY_USER)
    rapport.settle()
    told = flows.dms_to(rapport.standin, CANARY_USER)[-1].params["text"]
    assert "Forgotten: you on *Acme deal*" in told and "1 comment, deleted" in told
    assert export(rapport) == before
    assert not readable(rapport.database, CANARY) and not still_stored(rapport.database, CANARY)
    redrawn = json.dumps(rapport.standin.calls_to("views.publish")[-1].params["view"])
    assert "Acme deal" not in redrawn


def test_the_last_lead_cannot_forget_themselves_from_home(rapport_http: RunningApp) -> None:
    flows.set_up(rapport_http)
    rapport_http.slack.click("home.forget_me", "", user=flows.LEAD)
    rapport_http.settle()
    assert "last lead" in flows.dms_to(rapport_http.standin, flows.LEAD)[-1].params["text"]
    assert flows.count_rows(rapport_http.database)["members"] == 1


def test_comments_past_the_retention_are_deleted_by_the_clock(rapport_http: RunningApp) -> None:
    rapport = rapport_http
    closed_pulse_with_a_canary(rapport)
    reply = rapport.slack.command("config retention=30d").all_text()
    assert "comments kept 30d" in reply, reply
    rapport.clock.frozen = rapport.container.now() + timedelta(days=29)
    assert delete_expired_comments(rapport.container) == 0
    assert readable(rapport.database, CANARY)
    rapport.clock.frozen = rapport.container.now() + timedelta(days=2)
    before = export(rapport)
    assert comment_drivers(rapport) == ["value"]
    assert delete_expired_comments(rapport.container) == 2
    assert comment_drivers(rapport) == []  # what a comment named goes with it
    assert not readable(rapport.database, CANARY) and not still_stored(rapport.database, CANARY)
    assert export(rapport) == before
    refused = rapport.slack.command("config retention=1d").all_text()
    assert "from 30 to 3650" in refused


def _cli(rapport: RunningApp, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "RAPPORT_"))}
    env |= {
        "DATABASE_URL": rapport.database.url,
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": "test-signing-secret",
        "SLACK_API_URL": rapport.standin.api_url,
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=with_key(env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_archive_hides_the_engagement_and_purge_deletes_every_row(
    rapport_http: RunningApp,
) -> None:
    rapport = rapport_http
    closed_pulse_with_a_canary(rapport)
    assert "Only a lead" in rapport.slack.command("archive", user="U0CLI1").all_text()
    archived = rapport.slack.command("archive").all_text()
    assert "is archived" in archived
    assert "not part of any engagement" in rapport.slack.command("status").all_text()
    assert (
        "is set up"
        in rapport.slack.command(
            'setup "Next deal" client:A provider:B channel:<#C0ALERTS>'
        ).all_text()
    )
    done = _cli(rapport, "purge", "--engagement", "Acme deal")
    assert done.returncode == 0, done.stderr
    assert 'Deleted "Acme deal"' in done.stdout
    counts = flows.count_rows(rapport.database)
    assert counts["responses"] == counts["pulses"] == counts["deliveries"] == 0
    assert not readable(rapport.database, CANARY) and not still_stored(rapport.database, CANARY)
    with rapport.database.reading() as session:
        assert [e.name for e in session.scalars(select(Engagement))] == ["Next deal"]


def test_forget_from_the_command_line(rapport_http: RunningApp) -> None:
    rapport = rapport_http
    closed_pulse_with_a_canary(rapport)
    before = export(rapport)
    done = _cli(rapport, "forget", "--team", "T0RAPPORT", "--user", CANARY_USER)
    assert done.returncode == 0, done.stderr
    assert "Forgotten: U0CANARY" in done.stdout
    assert export(rapport) == before
    assert not readable(rapport.database, CANARY) and not still_stored(rapport.database, CANARY)


def test_forgetting_someone_keeps_the_published_drivers_and_drops_what_their_comment_named(
    rapport_http: RunningApp,
) -> None:
    rapport = rapport_http
    flows.set_up(rapport)
    flows.add(rapport, CLIENTS, "client")
    flows.add(rapport, flows.PROVIDERS, "provider")
    flows.send(rapport)
    for user in (*CLIENTS, *flows.PROVIDERS):
        flows.click(rapport, user, "pulse.rate.2")
    flows.pick_drivers(rapport, "U0CLI1", ["responsiveness"])
    flows.pick_drivers(rapport, "U0CLI2", ["responsiveness", "value"])
    flows.comment(rapport, "U0CLI3", "Slow to respond, every time.")
    flows.comment(rapport, CANARY_USER, f"{CANARY}: we keep chasing them for a reply")
    assert "Closed the pulse" in rapport.slack.command("close").all_text()
    rapport.settle()
    before = published_drivers(rapport)
    assert before[("client", "responsiveness")] == (4, 4)
    reply = rapport.slack.command(f"forget <@{CANARY_USER}|canary>").all_text()
    assert "Forgotten" in reply
    assert published_drivers(rapport) == before
    with rapport.database.reading() as session:
        tagged = session.scalars(
            select(Response.comment_drivers).where(Response.comment_drivers.is_not(None))
        ).all()
        picks = session.scalars(select(Response.drivers).where(Response.drivers.is_not(None))).all()
    assert tagged == ["responsiveness"]  # only U0CLI3's comment still names a driver
    assert sorted(p or "" for p in picks) == ["responsiveness", "responsiveness,value"]
    assert not readable(rapport.database, CANARY) and not still_stored(rapport.database, CANARY)


def published_drivers(rapport: RunningApp) -> dict[tuple[str, str], tuple[int, int]]:
    with rapport.database.reading() as session:
        rows = session.scalars(select(PublishedDriver)).all()
        return {(r.side, r.driver): (r.people, r.named) for r in rows}


def comment_drivers(rapport: RunningApp) -> list[str | None]:
    with rapport.database.reading() as session:
        stmt = select(Response.comment_drivers).where(Response.comment_drivers.is_not(None))
        return list(session.scalars(stmt).all())


def test_after_forget_and_retention_no_table_file_holds_the_text_dead_rows_included(
    standin: SlackStandIn,
) -> None:
    """On PostgreSQL the erasure rewrites what it touched: after a checkpoint no table
    file holds the dead row versions that carried the comments, even sealed.

    On a server of its own: a transaction left open in any other database of a shared
    server holds back what VACUUM may remove (docs/privacy.md says so).
    """
    with throwaway_postgres() as cluster:
        database = Database(cluster.url, TEST_KEY)
        upgrade(database)
        try:
            with running_app(standin, database) as rapport:
                closed_pulse_with_a_canary(rapport)
                canary = sealed_form(database, CANARY)
                other = sealed_form(database, "another comment that stays")
                assert in_table_files(database, canary)
                forgot = rapport.slack.command(f"forget <@{CANARY_USER}|canary>").all_text()
                assert "Forgotten" in forgot
                assert not in_table_files(database, canary)
                assert in_table_files(database, other)
                retention = rapport.slack.command("config retention=30d").all_text()
                assert "comments kept 30d" in retention
                rapport.clock.frozen = rapport.container.now() + timedelta(days=31)
                assert delete_expired_comments(rapport.container) == 1
                assert not in_table_files(database, other)
        finally:
            database.dispose()
