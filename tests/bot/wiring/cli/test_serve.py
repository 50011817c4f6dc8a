"""What a long-running process sets up before it serves."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.slack import history
from bot.wiring.cli.common import Start
from bot.wiring.cli.serve import container_for
from bot.wiring.settings import load_settings
from tests.support.keys import TEST_KEY


@pytest.mark.parametrize(
    ("env", "spacing", "page"),
    [
        ({}, 60.0, 15),
        ({"SLACK_APP_DISTRIBUTION": "internal"}, 1.2, 200),
        ({"SLACK_HISTORY_SPACING_SECONDS": "2"}, 2.0, 15),
    ],
)
def test_a_process_reads_history_within_its_settings_limits(
    tmp_path: Path, env: dict[str, str], spacing: float, page: int
) -> None:
    url = f"sqlite:///{tmp_path / 'rapport.db'}"
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
    history.GATE.spacing, history.GATE.page = 0.0, 0
    with Start(url) as start:
        container = container_for(settings, start)
    container.database.dispose()
    assert history.GATE.spacing == pytest.approx(spacing)
    assert history.GATE.page == page
