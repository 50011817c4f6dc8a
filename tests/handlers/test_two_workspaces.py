"""One engagement across two companies' workspaces, over HTTP, through the real app."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.domain.people import Caller
from bot.services.digest.weekly import send_due_digests
from bot.services.sending import deliver_now, open_now
from bot.slack.client import InstallationClient, make_installation_client
from bot.wiring.container import installations_for
from storage.db import Database
from storage.models import Engagement, Member, Response
from tests.support import flows
from tests.support.installing import (
    CLIENT,
    PROVIDER,
    SHARED,
    distributed_settings,
    install,
    running_distributed,
)
from tests.support.two_companies import (
    A_LEAD,
    A_PEOPLE,
    A_SPONSOR,
    B_LEAD,
    B_PEOPLE,
    B_SPONSOR,
    TEAM_OF,
    answer,
    command,
    companies,
    dms_to,
    event,
    set_up,
)
from tests.support.workspaces import Workspaces

A_ASKED = (A_LEAD, *A_PEOPLE)
B_ASKED = (B_LEAD, *B_PEOPLE)


@pytest.fixture
def standin() -> Iterator[Workspaces]:
    server = companies().start()
    yield server
    server.stop()


def _next_monday_8(tz: str) -> datetime:
    local = datetime.now(ZoneInfo(tz)).replace(hour=8, minute=0, second=0, microsecond=0)
    local += timedelta(days=(7 - local.weekday()) % 7 or 7)
    return local.astimezone(UTC)


def test_both_companies_installed_run_one_engagement(
    standin: Workspaces, database: Database
) -> None:
    with running_distributed(standin, database) as running:
        install(running, standin, CLIENT.team_id)
        install(running, standin, PROVIDER.team_id)
        set_up(running)
        with database.reading() as session:
            rows = session.execute(select(Member.user_id, Member.team_id)).all()
            teams = {row[0]: row[1] for row in rows}
        assert teams == {u: TEAM_OF[u] for u in teams} and len(teams) == 10

        # The provider's lead works from Globex's workspace on the same engagement.
        assert "Acme deal" in command(running, "status", B_LEAD).text
        named = running.slack.command(
            'status in:"Acme deal"', user=B_LEAD, channel="D0BLEAD", team=PROVIDER.team_id
        )
        assert "Acme deal" in named.text and "no engagement called" not in named.text
        command(running, "config", B_LEAD)
        opened = standin.calls_to("views.open")
        assert [c.token for c in opened] == [standin.token_of(PROVIDER.team_id)]
        command(running, "send", B_LEAD)

        for user in (*A_ASKED, *B_ASKED):
            dms = dms_to(standin, user)
            assert len(dms) == 1, user
            assert dms[0].token == standin.token_of(TEAM_OF[user]), user
        for user in (A_SPONSOR, B_SPONSOR):
            assert dms_to(standin, user) == []
        # Each workspace's messages were paced by its own pacer.
        client = running.container.client
        assert isinstance(client, InstallationClient) and client.pacers is not None
        paced = client.pacers.stats()
        assert set(paced) == {CLIENT.team_id, PROVIDER.team_id}
        assert paced[PROVIDER.team_id].sent == len(B_ASKED)

        for user in A_ASKED:
            assert answer(running, user, 1, CLIENT.team_id).status == 200
        for user in B_ASKED:
            assert answer(running, user, 5, PROVIDER.team_id).status == 200
        with database.reading() as session:
            assert session.scalar(select(func.count()).select_from(Response)) == 8

        command(running, "close", A_LEAD)
        posts = [
            c
            for c in standin.calls_to("chat.postMessage")
            if c.params.get("channel") == SHARED and "blocks" in c.params
        ]
        assert flows.alerts(running) and len(posts) == 1, "one message, posted once"
        assert {c.token for c in posts} == {standin.token_of(CLIENT.team_id)}

        monday = _next_monday_8("Europe/Berlin")
        assert send_due_digests(database, running.container.messenger, monday) == 2
    for sponsor in (A_SPONSOR, B_SPONSOR):
        digests = [
            c
            for c in standin.calls_to("chat.postMessage")
            if c.params["channel"] == "D" + sponsor[1:]
        ]
        assert len(digests) == 1, sponsor
        assert digests[0].token == standin.token_of(TEAM_OF[sponsor]), sponsor


def test_with_only_the_client_installed_the_providers_people_answer_through_the_shared_channel(
    standin: Workspaces, database: Database
) -> None:
    standin.shared[SHARED].add("U0BOUT")
    with running_distributed(standin, database) as running:
        install(running, standin, CLIENT.team_id)
        set_up(running)
        command(running, f"add {flows.mentions(('U0BOUT', 'U0BHIDE'))} provider", A_LEAD)
        standin.shared[SHARED].discard("U0BOUT")  # left the shared channel since
        standin.fail("chat.postMessage", "user_not_visible", user="U0BHIDE")
        command(running, "send", A_LEAD)

        a_token = standin.token_of(CLIENT.team_id)
        for user in (*A_ASKED, *B_ASKED):
            dms = dms_to(standin, user)
            assert len(dms) == 1 and dms[0].token == a_token, user
        # Their clicks come from Globex's workspace, where nothing is installed.
        for user in B_ASKED:
            assert answer(running, user, 4, CLIENT.team_id).status == 200
        flows_comment = running.slack.click(
            "pulse.comment",
            flows.pulse_button(dms_to(standin, B_PEOPLE[0])[0], "pulse.comment")["value"],
            user=B_PEOPLE[0],
            team=PROVIDER.team_id,
            sender_team=CLIENT.team_id,
        )
        assert flows_comment.status == 200
        running.settle()
        opened = standin.calls_to("views.open")[-1].params["view"]
        meta = (json.loads(opened) if isinstance(opened, str) else opened)["private_metadata"]
        submitted = running.slack.submit(
            "pulse.comment",
            {"comment": {"text": {"type": "plain_text_input", "value": "Fine week."}}},
            user=B_PEOPLE[0],
            private_metadata=meta,
            team=PROVIDER.team_id,
            sender_team=CLIENT.team_id,
        )
        assert submitted.status == 200
        running.settle()
        with database.reading() as session:
            assert session.scalar(select(func.count()).select_from(Response)) == 4
            commented = select(func.count()).where(Response.comment.is_not(None))
            assert session.scalar(commented) == 1
            out = session.scalars(select(Member).where(Member.user_id == "U0BOUT")).one()
            hidden = session.scalars(select(Member).where(Member.user_id == "U0BHIDE")).one()
        assert (out.status, out.status_reason) == ("unreachable", "invalid_user_combination")
        assert (hidden.status, hidden.status_reason) == ("unreachable", "user_not_visible")
        members = command(running, "members", A_LEAD).text
    assert "<@U0BOUT> (unreachable: invalid_user_combination — in another workspace" in members
    assert [c.token for c in standin.calls_to("views.open")] == [a_token]


LEFT = [
    {"type": "app_uninstalled"},
    {"type": "tokens_revoked", "tokens": {"bot": ["U0GLOBEXBOT"], "oauth": []}},
]


@pytest.mark.parametrize("left", LEFT, ids=["app_uninstalled", "tokens_revoked"])
def test_when_the_provider_uninstalls_its_token_is_never_used_again_and_the_client_leads_are_told(
    standin: Workspaces, database: Database, left: dict[str, object]
) -> None:
    with running_distributed(standin, database) as running:
        install(running, standin, CLIENT.team_id)
        install(running, standin, PROVIDER.team_id)
        set_up(running)
        b_token = standin.token_of(PROVIDER.team_id)
        before = len(standin.calls)
        assert event(running, PROVIDER.team_id, left).status == 200
        standin.revoke(PROVIDER.team_id)  # what Slack does to the tokens
        told = [c for c in standin.calls[before:] if c.method == "chat.postMessage"]
        assert [c.params["channel"] for c in told] == [A_LEAD]
        assert "removed Rapport" in told[0].params["text"]
        assert all(c.token != b_token for c in standin.calls[before:])

        command(running, "send", A_LEAD)
        after = standin.calls[before:]
        assert all(c.token != b_token for c in after)
        for user in B_ASKED:
            assert len(dms_to(standin, user)) == 1, user
        # The provider's lead can no longer use the command from their workspace.
        reply = running.slack.command("status", user=B_LEAD, channel=SHARED, team=PROVIDER.team_id)
        assert "Acme deal" not in reply.text


def test_a_token_another_process_removed_is_not_used_where_it_was_kept(
    standin: Workspaces, database: Database
) -> None:
    with running_distributed(standin, database) as running:
        install(running, standin, CLIENT.team_id)
        install(running, standin, PROVIDER.team_id)
        set_up(running)
        b_token = standin.token_of(PROVIDER.team_id)
        client = running.container.client
        client.chat_postMessage(channel="U0B1", text="through their own workspace")
        assert standin.calls_to("chat.postMessage")[-1].token == b_token  # now kept
        # Another process (its own engine and installations) handles the uninstall.
        settings = distributed_settings(standin, database.url)
        other = Database(database.url, database.key)
        elsewhere = make_installation_client(settings.slack_api_url)
        installations_for(settings, other, elsewhere).forget(None, PROVIDER.team_id)
        other.dispose()
        standin.revoke(PROVIDER.team_id)
        before = len(standin.calls)
        client.chat_postMessage(channel="U0B1", text="through the shared channel's")
        after = standin.calls[before:]
    assert [c.method for c in after] == ["chat.postMessage"]
    assert after[0].token == standin.token_of(CLIENT.team_id)


def test_the_engagement_follows_its_channel_and_its_leads_hear_when_it_is_unshared(
    standin: Workspaces, database: Database
) -> None:
    with running_distributed(standin, database) as running:
        install(running, standin, CLIENT.team_id)
        install(running, standin, PROVIDER.team_id)
        set_up(running)
        moved = {"type": "channel_id_changed", "old_channel_id": SHARED, "new_channel_id": "C0NEW"}
        for team in (CLIENT.team_id, PROVIDER.team_id):  # Slack tells each workspace
            assert event(running, team, moved).status == 200
        with database.reading() as session:
            assert session.scalars(select(Engagement.channel_id)).all() == ["C0NEW"]

        before = len(standin.calls)
        unshared = {"type": "channel_unshared", "channel": "C0NEW", "is_ext_shared": False}
        for team in (CLIENT.team_id, PROVIDER.team_id):
            assert (
                event(running, team, {**unshared, "previously_connected_team_id": team}).status
                == 200
            )
        told = [c for c in standin.calls[before:] if c.method == "chat.postMessage"]
    assert sorted(c.params["channel"] for c in told) == sorted([A_LEAD, B_LEAD])
    assert all("no longer shared" in c.params["text"] for c in told)


def test_with_no_installation_left_that_can_reach_them_people_are_unreachable_not_installed(
    standin: Workspaces, database: Database
) -> None:
    with running_distributed(standin, database) as running:
        install(running, standin, CLIENT.team_id)
        set_up(running)
        a_token = standin.token_of(CLIENT.team_id)
        # The installation is gone before Slack's app_uninstalled event arrived (which
        # would archive the engagement: tests/bot/services/test_uninstalled.py).
        installations = running.container.installations
        assert installations is not None
        installations.store.forget(None, CLIENT.team_id)
        standin.revoke(CLIENT.team_id)
        before = len(standin.calls)
        caller = Caller(team_id=CLIENT.team_id, user_id=A_LEAD, channel_id=SHARED)
        opened = open_now(running.container, caller, None)
        result = deliver_now(running.container, opened.pulse_id)
        with database.reading() as session:
            asked = select(Member.status_reason).where(Member.role != "sponsor")
            reasons = set(session.scalars(asked).all())
    assert set(result.failed.values()) == {"not_installed"}, result
    assert len(result.failed) == len(A_ASKED) + len(B_ASKED)
    assert reasons == {"not_installed"}
    assert all(c.token != a_token for c in standin.calls[before:])
