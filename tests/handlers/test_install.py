"""Distributed mode: two companies install Rapport through /slack/install and the redirect."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from storage.db import Database
from storage.sealing import check_keys
from storage.secrets import KeyMismatch
from tests.support.installing import CLIENT, PROVIDER, get, install, running_distributed
from tests.support.keys import OTHER_KEY
from tests.support.workspaces import CLIENT_ID, Team, Workspaces


@pytest.fixture
def two_companies() -> Iterator[Workspaces]:
    standin = Workspaces(CLIENT, PROVIDER).start()
    yield standin
    standin.stop()


def test_the_install_page_asks_for_rapports_scopes_with_a_state(
    two_companies: Workspaces, database: Database
) -> None:
    with running_distributed(two_companies, database) as running:
        status, page, cookie = get(running.url + "/slack/install")
    assert status == 200
    assert f"client_id={CLIENT_ID}" in page and "scope=commands,chat:write" in page
    assert "state=" in page and cookie.startswith("slack-app-oauth-state=")


def test_both_companies_install_and_each_token_is_stored_for_its_workspace(
    two_companies: Workspaces, database: Database
) -> None:
    with running_distributed(two_companies, database) as running:
        for team in (CLIENT, PROVIDER):
            assert "Thank you" in install(running, two_companies, team.team_id)
        installations = running.container.installations
        assert installations is not None
        acme = installations.for_team(CLIENT.team_id)
        globex = installations.for_team(PROVIDER.team_id)
    assert acme is not None and globex is not None
    assert acme.bot_token == two_companies.token_of(CLIENT.team_id)
    assert globex.bot_token == two_companies.token_of(PROVIDER.team_id)
    assert acme.bot_user_id == CLIENT.bot_user
    # The exchange and the token check went to the stand-in, not to slack.com.
    assert len(two_companies.calls_to("oauth.v2.access")) == 2


def test_a_redirect_without_the_state_it_issued_installs_nothing(
    two_companies: Workspaces, database: Database
) -> None:
    with running_distributed(two_companies, database) as running:
        code = two_companies.code_for(CLIENT.team_id)
        status, _, _ = get(f"{running.url}/slack/oauth_redirect?code={code}&state=forged")
        installations = running.container.installations
        assert installations is not None
        assert installations.for_team(CLIENT.team_id) is None
    assert status == 400
    assert two_companies.calls_to("oauth.v2.access") == []


def test_an_org_wide_install_serves_every_workspace_of_the_org(database: Database) -> None:
    grid = Team("T0GRIDA", "GridA", enterprise_id="E0GRID", people={"W0GA1"})
    standin = Workspaces(grid, PROVIDER).start()
    try:
        with running_distributed(standin, database) as running:
            install(running, standin, "E0GRID", org_wide=True)
            installations = running.container.installations
            assert installations is not None
            found = installations.find("E0GRID", "T0GRIDA")
            # A person of one of the org's workspaces is reached through the org's install.
            for_person = installations.for_team("T0GRIDA")
            assert installations.for_team(PROVIDER.team_id) is None
    finally:
        standin.stop()
    assert found is not None and found.enterprise_id == "E0GRID" and found.team_id is None
    assert for_person == found


def test_tokens_are_sealed_at_rest_when_a_key_is_set(
    two_companies: Workspaces, database: Database
) -> None:
    from cryptography.fernet import Fernet

    key = Fernet.generate_key().decode()
    with running_distributed(two_companies, database, secret_key=key) as running:
        install(running, two_companies, CLIENT.team_id)
        installations = running.container.installations
        assert installations is not None
        usable = installations.for_team(CLIENT.team_id)
    with database.engine.connect() as connection:
        stored = [r[0] for r in connection.execute(text("SELECT bot_token FROM slack_bots"))]
    token = two_companies.token_of(CLIENT.team_id)
    assert usable is not None and usable.bot_token == token
    assert stored and all(token not in s and re.match(r"^gAAAAA", s) for s in stored)


def test_with_no_key_in_the_settings_tokens_are_still_sealed_with_the_databases_key(
    two_companies: Workspaces, database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    with running_distributed(two_companies, database) as running:
        install(running, two_companies, CLIENT.team_id)
    assert "RAPPORT_SECRET_KEY is not set" not in caplog.text
    with database.engine.connect() as connection:
        stored = [r[0] for r in connection.execute(text("SELECT bot_token FROM slack_bots"))]
    token = two_companies.token_of(CLIENT.team_id)
    assert len(stored) == 1 and token not in stored[0] and stored[0].startswith("gAAAAA")


def test_a_key_that_cannot_open_the_stored_tokens_is_caught_before_any_use(
    two_companies: Workspaces, database: Database
) -> None:
    with running_distributed(two_companies, database) as running:
        install(running, two_companies, CLIENT.team_id)
    check_keys(database)  # the right key opens them
    wrong = Database(database.url, OTHER_KEY)
    try:
        with pytest.raises(KeyMismatch, match="a stored Slack token cannot be read"):
            check_keys(wrong)
    finally:
        wrong.dispose()


def test_an_org_wide_install_reaches_a_workspace_added_to_the_org_later(
    database: Database,
) -> None:
    """Before: the org's list of workspaces was read once per process and never again."""
    grid = Team("T0GRIDA", "GridA", enterprise_id="E0GRID", people={"W0GA1"})
    standin = Workspaces(grid, PROVIDER).start()
    try:
        with running_distributed(standin, database) as running:
            install(running, standin, "E0GRID", org_wide=True)
            installations = running.container.installations
            assert installations is not None
            now = [0.0]
            installations.clock = lambda: now[0]
            assert installations.for_team("T0GRIDA") is not None
            # The org's admin adds a workspace; its people are reached a minute later at most.
            added = Team("T0GRIDB", "GridB", enterprise_id="E0GRID", people={"W0GB1"})
            standin.teams[added.team_id] = added
            assert installations.for_team("T0GRIDB") is None  # read a moment ago
            now[0] = 61.0
            reached = installations.for_team("T0GRIDB")
            lists = len(standin.calls_to("auth.teams.list"))
            now[0] = 62.0
            assert installations.for_team("T0GRIDA") is not None
            assert installations.for_team("T0ELSE") is None
            assert len(standin.calls_to("auth.teams.list")) == lists  # never twice a minute
    finally:
        standin.stop()
    assert reached is not None and reached.enterprise_id == "E0GRID" and reached.team_id is None
