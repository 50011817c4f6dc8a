"""Two ways to run: one bot token, or OAuth installs in many workspaces; never both."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.slack.scopes import BOT_SCOPES
from bot.wiring.settings import ConfigError, load_settings
from storage.db import Database
from tests.support.installing import CLIENT, PROVIDER, install, running_distributed
from tests.support.keys import TEST_KEY
from tests.support.workspaces import Workspaces

ROOT = Path(__file__).parents[3]
SINGLE = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s3cret"}
DISTRIBUTED = {"SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "c", "SLACK_SIGNING_SECRET": "s"}


def test_a_bot_token_alone_is_single_workspace_mode() -> None:
    settings = load_settings(SINGLE)
    assert settings.mode == "single-workspace" and settings.slack_client_id == ""


def test_a_client_id_and_secret_without_a_token_is_distributed_mode() -> None:
    settings = load_settings({**DISTRIBUTED, "RAPPORT_SECRET_KEY": TEST_KEY})
    assert settings.mode == "distributed"
    assert (settings.slack_client_id, settings.slack_client_secret) == ("1.2", "c")
    assert settings.slack_bot_token == ""


def test_all_three_is_one_line_naming_both_modes() -> None:
    with pytest.raises(ConfigError) as raised:
        load_settings({**SINGLE, **DISTRIBUTED})
    message = str(raised.value)
    assert "\n" not in message
    assert "Single-workspace" in message and "Distributed" in message
    assert "SLACK_BOT_TOKEN" in message and "SLACK_CLIENT_ID" in message


def test_half_of_the_distributed_credentials_names_the_missing_one() -> None:
    with pytest.raises(ConfigError, match="SLACK_CLIENT_SECRET is not set"):
        load_settings({"SLACK_CLIENT_ID": "1.2", "SLACK_SIGNING_SECRET": "s"})


def test_a_secret_key_that_is_not_a_fernet_key_is_refused() -> None:
    with pytest.raises(ConfigError, match="RAPPORT_SECRET_KEY is not a Fernet key"):
        load_settings({**DISTRIBUTED, "RAPPORT_SECRET_KEY": "hunter2"})


def test_the_manifest_asks_for_exactly_the_scopes_the_install_link_asks_for() -> None:
    manifest = (ROOT / "manifest.yml").read_text()
    block = manifest.split("    bot:\n", 1)[1]
    listed = []
    for line in block.splitlines():
        found = re.match(r"^      - ([a-z:.]+)", line)
        if not found:
            break
        listed.append(found.group(1))
    assert tuple(listed) == BOT_SCOPES


def test_distributed_mode_never_writes_bolts_file_stores_under_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database: Database
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    # What Bolt looks for to build its own file-based stores when given no settings.
    monkeypatch.setenv("SLACK_CLIENT_ID", "1111.2222")
    monkeypatch.setenv("SLACK_CLIENT_SECRET", "client-secret")
    standin = Workspaces(CLIENT, PROVIDER).start()
    try:
        with running_distributed(standin, database) as running:
            install(running, standin, CLIENT.team_id)
            installations = running.container.installations
            assert installations is not None and installations.for_team(CLIENT.team_id)
    finally:
        standin.stop()
    assert list(home.rglob("*")) == []


def test_socket_mode_is_for_one_workspace() -> None:
    with pytest.raises(ConfigError, match="Socket Mode"):
        load_settings({**DISTRIBUTED, "SLACK_APP_TOKEN": "xapp-1"}, socket_mode=True)


def test_the_install_link_leads_to_the_slack_that_slack_api_url_names(database: Database) -> None:
    from dataclasses import replace

    from bot.wiring.app import create_app
    from bot.wiring.container import Container
    from tests.support.installing import distributed_settings

    standin = Workspaces(CLIENT, PROVIDER).start()
    try:
        settings = replace(
            distributed_settings(standin, database.url), slack_api_url="https://slack-gov.com/api/"
        )
        app = create_app(Container.create(settings, database))
    finally:
        standin.stop()
    assert app.oauth_flow is not None
    url = app.oauth_flow.settings.authorize_url_generator.generate("state")
    assert url.startswith("https://slack-gov.com/oauth/v2/authorize?")
