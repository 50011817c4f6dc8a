"""The Bolt app as built for either mode: every listener wired, each request read afresh."""

from __future__ import annotations

import logging
from dataclasses import replace

from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped

from bot.domain.i18n import reading_as
from bot.wiring.app import INSTALL_PATH, REDIRECT_PATH, create_app
from bot.wiring.container import Container
from storage.db import Database
from tests.support.installing import CLIENT, PROVIDER, distributed_settings
from tests.support.running import RunningApp, make_settings
from tests.support.slack_api import SlackStandIn
from tests.support.workspaces import Workspaces


def test_a_request_starts_in_english_whatever_the_thread_was_reading(rapport: RunningApp) -> None:
    with reading_as("de"):
        reply = rapport.slack.command("help", user="U0ANY")
    assert reply.status == 200
    assert "`/rapport help` — this message" in reply.text


def test_the_same_token_warning_is_dropped_once_however_many_apps(
    standin: SlackStandIn, database: Database
) -> None:
    container = Container.create(make_settings(standin, database.url), database)
    create_app(container)
    create_app(container)
    bolt = logging.getLogger("slack_bolt.App")
    ours = [
        f
        for f in bolt.filters
        if isinstance(f, logging.Filter) and type(f).__name__ == "_SameTokenWarning"
    ]
    assert len(ours) == 1
    said = warning_client_prioritized_and_token_skipped()
    warning = logging.LogRecord(bolt.name, logging.WARNING, __file__, 1, said, (), None)
    other = logging.LogRecord(bolt.name, logging.WARNING, __file__, 1, "other", (), None)
    assert not ours[0].filter(warning) and ours[0].filter(other)


def test_a_distributed_app_installs_through_its_own_paths(database: Database) -> None:
    standin = Workspaces(CLIENT, PROVIDER).start()
    try:
        settings = replace(distributed_settings(standin, database.url), token_rotation_minutes=90)
        app = create_app(Container.create(settings, database))
    finally:
        standin.stop()
    flow = app.oauth_flow
    assert flow is not None
    assert (flow.install_path, flow.redirect_uri_path) == (INSTALL_PATH, REDIRECT_PATH)
    assert flow.settings.token_rotation_expiration_minutes == 90
    assert flow.settings.user_scopes == []
