"""What one process found of an installation is used again only while it is still stored:
another process's uninstall, rotation or install is seen at the next lookup."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.error import URLError

import pytest
from slack_sdk import WebClient
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import event

from bot.slack.workspaces import Installations
from storage.db import Database
from storage.installations import InstallationStore, lock_key, under_lock
from storage.secrets import TokenCipher

CLIENT_ID = "client-id"
TEAM = "T0ACME"
OTHER = "T0GLOBEX"


def _installation(team_id: str, token: str, expires_in: int | None = None) -> Installation:
    return Installation(
        app_id="A0APP",
        team_id=team_id,
        user_id="U0INSTALLER",
        bot_token=token,
        bot_id="B0BOT",
        bot_user_id="U0BOT",
        bot_refresh_token="xoxe-refresh" if expires_in else None,
        bot_token_expires_in=expires_in,
    )


@pytest.fixture
def processes(database: Database) -> Iterator[tuple[Installations, Installations]]:
    """Two processes' installations over the same database, each on its own engine."""
    other = Database(database.url, database.key)
    made = []
    for db in (database, other):
        store = InstallationStore(CLIENT_ID, db, TokenCipher(database.key))
        made.append(Installations(store, WebClient(base_url="http://127.0.0.1:9/api/"), "c", "s"))
    yield made[0], made[1]
    other.dispose()


@contextmanager
def statements(database: Database) -> Iterator[list[str]]:
    """Every SQL statement this process runs on `database` meanwhile (SQLite's explicit
    BEGIN, which opens the reader's transaction, is not a statement sent to read)."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.strip().upper() != "BEGIN":
            seen.append(statement)

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", record)


def test_a_repeated_lookup_is_one_read_of_the_counters_by_key(
    database: Database, processes: tuple[Installations, Installations]
) -> None:
    here, _ = processes
    here.store.save(_installation(TEAM, "xoxb-acme"))
    with statements(database) as first:
        assert here.for_team(TEAM) is not None
        assert here.find(None, TEAM) is not None
        assert here.for_team("T0NOBODY") is None  # not installed: found once, then kept
    with statements(database) as again:
        for _ in range(3):
            found = here.for_team(TEAM)
            assert found is not None and found.bot_token == "xoxb-acme"
        assert here.find(None, TEAM) is not None
        assert here.for_team("T0NOBODY") is None
    assert len(first) >= 4  # the counters, every installation, the latest one
    assert len(again) == 5, again  # one per lookup
    assert all("installation_generations" in s and "slack_" not in s for s in again), again


def test_an_uninstall_in_another_process_is_seen_at_once(
    processes: tuple[Installations, Installations],
) -> None:
    here, there = processes
    here.store.save(_installation(TEAM, "xoxb-acme"))
    here.store.save(_installation(OTHER, "xoxb-globex"))
    assert here.for_team(TEAM) is not None and here.find(None, TEAM) is not None
    assert there.for_team(TEAM) is not None

    there.forget(None, TEAM)
    assert here.for_team(TEAM) is None
    assert here.find(None, TEAM) is None
    found = here.for_team(OTHER)
    assert found is not None and found.bot_token == "xoxb-globex"


def test_a_rotation_in_another_process_is_seen_at_once(
    processes: tuple[Installations, Installations],
) -> None:
    here, there = processes
    here.store.save(_installation(TEAM, "xoxb-first", expires_in=43200))
    found = here.for_team(TEAM)
    assert found is not None and found.bot_token == "xoxb-first"

    # What `Installations._rotate` stores, under the installation's lock, in the other process.
    rotated = there.store.find_installation(enterprise_id=None, team_id=TEAM)
    assert rotated is not None
    rotated.bot_token = "xoxb-second"
    rotated.bot_token_expires_at = int(time.time()) + 43200
    store = there.store
    under_lock(store.database, lock_key(None, TEAM), lambda c: store.save_on(c, rotated))

    for found in (here.for_team(TEAM), here.find(None, TEAM)):
        assert found is not None and found.bot_token == "xoxb-second"


def test_an_install_in_another_process_is_seen_by_a_process_that_found_none(
    processes: tuple[Installations, Installations],
) -> None:
    here, there = processes
    assert here.for_team(TEAM) is None and here.find(None, TEAM) is None
    there.store.save(_installation(TEAM, "xoxb-acme"))
    found = here.for_team(TEAM)
    assert found is not None and found.bot_token == "xoxb-acme"
    assert here.find(None, TEAM) is not None


def test_a_kept_token_due_for_refresh_is_looked_up_again_and_refreshed(
    database: Database, processes: tuple[Installations, Installations]
) -> None:
    here, _ = processes
    here.store.save(_installation(TEAM, "xoxb-acme", expires_in=43200))
    assert here.for_team(TEAM) is not None
    here.refresh_minutes = 24 * 60  # now due: the lookup reads it again and refreshes
    with statements(database) as seen, pytest.raises(URLError):  # no Slack to refresh at
        here.for_team(TEAM)
    assert any("FROM slack_installations" in s for s in seen)
