"""Both companies uninstall: the engagement is archived at once and deleted 30 days later,
unless one of them installs Rapport again first."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.domain.vocabulary import utcnow
from bot.services.uninstalled import settle_uninstalled
from storage.db import Database
from storage.models import Engagement, Member, Response
from tests.support.installing import CLIENT, PROVIDER, install, running_distributed
from tests.support.running import RunningApp
from tests.support.two_companies import A_LEAD, command, companies, event, set_up
from tests.support.workspaces import Workspaces


@pytest.fixture
def standin() -> Iterator[Workspaces]:
    server = companies().start()
    yield server
    server.stop()


def engagement(database: Database) -> tuple[object, object] | None:
    with database.reading() as session:
        found = session.scalars(select(Engagement)).one_or_none()
        return None if found is None else (found.archived_at, found.uninstalled_at)


def rows(database: Database) -> int:
    with database.reading() as session:
        return sum(
            session.scalar(select(func.count()).select_from(m)) or 0
            for m in (Engagement, Member, Response)
        )


def uninstall(running: RunningApp, standin: Workspaces, team_id: str) -> None:
    assert event(running, team_id, {"type": "app_uninstalled"}).status == 200
    standin.revoke(team_id)


def test_the_engagement_is_archived_when_the_last_workspace_leaves_and_deleted_30_days_on(
    standin: Workspaces, database: Database
) -> None:
    with running_distributed(standin, database) as running:
        install(running, standin, CLIENT.team_id)
        install(running, standin, PROVIDER.team_id)
        set_up(running)
        uninstall(running, standin, PROVIDER.team_id)
        assert engagement(database) == (None, None), "the client still runs it"
        start = utcnow()
        running.clock.frozen = start
        uninstall(running, standin, CLIENT.team_id)
        assert engagement(database) == (start, start)
        running.clock.frozen = start + timedelta(days=29)
        assert settle_uninstalled(running.container) == 0
        assert engagement(database) == (start, start)
        running.clock.frozen = start + timedelta(days=30)
        assert settle_uninstalled(running.container) == 1
    assert engagement(database) is None and rows(database) == 0


def test_a_workspace_that_installs_again_within_30_days_gets_its_engagement_back(
    standin: Workspaces, database: Database
) -> None:
    with running_distributed(standin, database) as running:
        install(running, standin, CLIENT.team_id)
        set_up(running)
        uninstall(running, standin, CLIENT.team_id)
        archived = engagement(database)
        assert archived is not None and archived[0] is not None
        install(running, standin, CLIENT.team_id)
        running.clock.frozen = utcnow() + timedelta(days=3)
        assert settle_uninstalled(running.container) == 1
        assert engagement(database) == (None, None)
        assert "Acme deal" in command(running, "status", A_LEAD).text
