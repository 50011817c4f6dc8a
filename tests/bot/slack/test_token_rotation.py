"""Rotating tokens: refreshed once per expiry, under a row lock, whoever asks at once."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from bot.slack.client import make_installation_client
from bot.wiring.container import installations_for
from storage.db import Database
from tests.support.installing import (
    CLIENT,
    PROVIDER,
    distributed_settings,
    install,
    running_distributed,
)
from tests.support.workspaces import Workspaces


@pytest.fixture
def expiring() -> Iterator[Workspaces]:
    # Tokens that expire within the refresh window: due for refresh as soon as issued.
    standin = Workspaces(CLIENT, PROVIDER, expiring=True, lifetime=60).start()
    yield standin
    standin.stop()


def test_eight_requests_at_once_with_a_token_due_refresh_it_once(
    expiring: Workspaces, database: Database
) -> None:
    with running_distributed(expiring, database) as running:
        install(running, expiring, CLIENT.team_id)
        first = expiring.token_of(CLIENT.team_id)
        expiring.lifetime = 43200  # the refreshed token is good for twelve hours
        barrier = threading.Barrier(8)
        replies: list[str] = []

        def ask() -> None:
            barrier.wait()
            replies.append(running.slack.command("help", user="U0A1", team=CLIENT.team_id).text)

        threads = [threading.Thread(target=ask) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(expiring.presented) == len(set(expiring.presented)) == 1
    assert len(replies) == 8 and all("/rapport" in reply for reply in replies)
    assert expiring.token_of(CLIENT.team_id) != first


def test_two_clocks_refreshing_at_once_present_each_refresh_token_once(
    expiring: Workspaces, database: Database
) -> None:
    with running_distributed(expiring, database) as running:
        for team in (CLIENT, PROVIDER):
            install(running, expiring, team.team_id)
    expiring.lifetime = 43200
    settings = distributed_settings(expiring, database.url)
    # Two clock processes: each its own engine, pool and installation store.
    databases = [Database(database.url, database.key) for _ in range(2)]
    clocks = [
        installations_for(settings, db, make_installation_client(settings.slack_api_url))
        for db in databases
    ]
    barrier = threading.Barrier(2)
    refreshed: list[int] = []

    def tick(index: int) -> None:
        barrier.wait()
        refreshed.append(clocks[index].refresh_all())

    threads = [threading.Thread(target=tick, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for db in databases:
        db.dispose()
    assert len(expiring.presented) == len(set(expiring.presented)) == 2
    assert sorted(refreshed) in ([0, 2], [1, 1])
    assert all(r == "ok" for r in _answers(expiring))


def _answers(standin: Workspaces) -> list[str]:
    return [
        "ok" if call.status == 200 else "refused"
        for call in standin.calls_to("oauth.v2.access", ok_only=False)
    ]
