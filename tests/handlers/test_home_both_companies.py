"""App Home's buttons for both companies' leads: authorised by membership, not by workspace.

Before: the provider's lead pressed *digest* or *export* on Home and read "That engagement
no longer exists" (the button compared the engagement's workspace with theirs), while
`/rapport export` worked for the same person.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from bot.views.home_view import DIGEST_BUTTON, EXPORT_BUTTON
from storage.db import Database
from storage.models import Engagement
from tests.support.installing import CLIENT, PROVIDER, install, running_distributed
from tests.support.two_companies import A_LEAD, B_LEAD, B_PEOPLE, TEAM_OF, companies, set_up
from tests.support.workspaces import Workspaces


@pytest.fixture
def standin() -> Iterator[Workspaces]:
    server = companies().start()
    yield server
    server.stop()


def press(running: Any, user: str, action_id: str, engagement_id: int) -> None:
    reply = running.slack.click(
        action_id, str(engagement_id), user=user, channel="D" + user[1:], team=TEAM_OF[user]
    )
    assert reply.status == 200
    running.settle()


def dm_texts(standin: Workspaces, user: str) -> list[str]:
    return [
        json.dumps(c.params.get("blocks")) + str(c.params.get("text"))
        for c in standin.calls_to("chat.postMessage")
        if c.params["channel"] in (user, "D" + user[1:])
    ]


def uploads_to(standin: Workspaces, user: str) -> list[Any]:
    return [
        c
        for c in standin.calls_to("files.completeUploadExternal")
        if c.params["channel_id"] == "D" + user[1:]
    ]


def test_the_other_companys_lead_gets_the_digest_and_the_export_from_home(
    standin: Workspaces, database: Database
) -> None:
    with running_distributed(standin, database) as running:
        install(running, standin, CLIENT.team_id)
        install(running, standin, PROVIDER.team_id)
        set_up(running)
        with database.reading() as session:
            engagement_id = session.scalars(select(Engagement.id)).one()
        for lead in (A_LEAD, B_LEAD):
            press(running, lead, DIGEST_BUTTON, engagement_id)
            press(running, lead, EXPORT_BUTTON, engagement_id)
            told = "\n".join(dm_texts(standin, lead))
            assert "no longer exists" not in told, lead
            assert "Acme deal" in told, lead
            assert len(uploads_to(standin, lead)) == 2, lead  # the digest's chart, the CSV
        # A member who is not a lead or sponsor is refused, by name, with nothing of it.
        press(running, B_PEOPLE[0], EXPORT_BUTTON, engagement_id)
        assert "Only the leads and sponsors" in "\n".join(dm_texts(standin, B_PEOPLE[0]))
        assert uploads_to(standin, B_PEOPLE[0]) == []
