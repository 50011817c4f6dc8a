"""Routing in distributed mode: a person is reached through their own workspace first,
and each process reads a person's workspaces once per `PERSON_ROUTE_SECONDS`, not on
every call of a round of DMs."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import pytest
from sqlalchemy import event

from bot.slack.routing import PERSON_ROUTE_SECONDS, NotInstalledError, Router
from bot.slack.workspaces import Installations
from storage.db import Database
from tests.support import models


class Installed:
    """The installations of the workspaces named, each with its own token."""

    def __init__(self, *teams: str) -> None:
        self.teams = set(teams)

    def for_team(self, team: str) -> SimpleNamespace | None:
        return SimpleNamespace(bot_token=f"xoxb-{team}") if team in self.teams else None


def reads_of_people(database: Database) -> list[str]:
    """The statements made from here on (routing reads, and only reads)."""
    reads: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("SELECT"):
            reads.append(statement)

    event.listen(database.engine, "before_cursor_execute", record)
    return reads


def router(database: Database, clock: list[float], *teams: str) -> Router:
    return Router(database, cast(Installations, Installed(*teams)), clock=lambda: clock[0])


@pytest.fixture
def ana_at_the_provider(database: Database) -> None:
    """Ana works at the provider (T0PROV) on an engagement set up by the client (T0ACME)."""
    with database.unit_of_work() as session:
        engagement = models.engagement(team_id="T0ACME")
        session.add(engagement)
        session.flush()
        session.add(
            models.member(
                "provider", engagement_id=engagement.id, team_id="T0PROV", user_id="U0ANA"
            )
        )


@pytest.mark.usefixtures("ana_at_the_provider")
def test_a_person_is_reached_through_their_own_workspace_else_the_engagements(
    database: Database,
) -> None:
    clock = [0.0]
    assert router(database, clock, "T0ACME", "T0PROV").token_for({"channel": "U0ANA"}) == (
        "T0PROV",
        "xoxb-T0PROV",
    )
    assert router(database, clock, "T0ACME").token_for({"channel": "U0ANA"}) == (
        "T0ACME",
        "xoxb-T0ACME",
    )
    with pytest.raises(NotInstalledError):
        router(database, clock, "T0ELSE").token_for({"channel": "U0ANA"})


@pytest.mark.usefixtures("ana_at_the_provider")
def test_a_persons_workspaces_are_read_once_while_they_are_kept(database: Database) -> None:
    clock = [0.0]
    routes = router(database, clock, "T0PROV")
    reads = reads_of_people(database)
    assert routes.token_for({"channel": "U0ANA", "text": "Hi"}) == ("T0PROV", "xoxb-T0PROV")
    once = len(reads)
    assert once > 0
    for _ in range(4):
        assert routes.token_for({"channel": "U0ANA", "text": "Hi"}) == ("T0PROV", "xoxb-T0PROV")
    assert len(reads) == once
    clock[0] = PERSON_ROUTE_SECONDS
    routes.token_for({"channel": "U0ANA"})
    assert len(reads) == 2 * once


def test_someone_on_no_engagement_is_read_again_at_each_call(database: Database) -> None:
    clock = [0.0]
    routes = router(database, clock, "T0PROV")
    reads = reads_of_people(database)
    assert routes.token_for({"channel": "U0NEW"}) is None
    once = len(reads)
    assert routes.token_for({"channel": "U0NEW"}) is None
    assert once > 0 and len(reads) == 2 * once
