"""One engagement across two companies' workspaces, over HTTP, through the real app."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.services.digest.weekly import send_due_digests
from storage.db import Database
from storage.models import Member, Response
from tests.support import flows
from tests.support.installing import CLIENT, PROVIDER, SHARED, install, running_distributed
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
        alerts = flows.alerts(running)
        assert alerts and len(posts) == len(alerts)
        assert {c.token for c in posts} == {standin.token_of(CLIENT.team_id)}

        monday = _next_monday_8("Europe/Berlin")
        assert send_due_digests(database, running.container.client, monday) == 2
    for sponsor in (A_SPONSOR, B_SPONSOR):
        digests = [
            c
            for c in standin.calls_to("chat.postMessage")
            if c.params["channel"] == "D" + sponsor[1:]
        ]
        assert len(digests) == 1, sponsor
        assert digests[0].token == standin.token_of(TEAM_OF[sponsor]), sponsor
