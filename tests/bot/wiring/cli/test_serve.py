"""What a long-running process sets up before it serves."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.slack import history
from bot.wiring.cli.common import Start
from bot.wiring.cli.serve import container_for
from bot.wiring.settings import load_settings
from tests.support.keys import TEST_KEY


def start_process(url: str, env: dict[str, str]) -> None:
    """What `rapport clock` does before it serves, with these settings."""
    settings = load_settings(
        {
            "SLACK_BOT_TOKEN": "xoxb-test",
            "DATABASE_URL": url,
            "RAPPORT_SECRET_KEY": TEST_KEY,
            "SLACK_CHECK_TOKEN": "no",
            **env,
        },
        requests=False,
    )
    with Start(url) as start:
        container = container_for(settings, start)
    container.database.dispose()


@pytest.mark.parametrize(
    ("env", "count", "window", "page"),
    [
        ({}, 1, 60.0, 15),
        ({"SLACK_APP_DISTRIBUTION": "internal"}, 50, 60.0, 200),
        ({"SLACK_HISTORY_SPACING_SECONDS": "2"}, 1, 2.0, 15),
    ],
)
def test_a_process_reads_history_within_its_settings_limits(
    tmp_path: Path, env: dict[str, str], count: int, window: float, page: int
) -> None:
    history.GATE.count, history.GATE.window, history.GATE.page = 0, 0.0, 0
    start_process(f"sqlite:///{tmp_path / 'rapport.db'}", env)
    assert history.GATE.count == count
    assert history.GATE.window == pytest.approx(window)
    assert history.GATE.page == page
    assert not history.GATE.shared, "on SQLite each process keeps its own"


@pytest.mark.postgres
def test_on_postgresql_a_process_shares_its_history_reads_with_the_others(
    postgres_url: str,
) -> None:
    start_process(postgres_url, {})
    assert history.GATE.shared
