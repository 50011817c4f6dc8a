"""Start real `rapport` processes against the Slack stand-in and a test database."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime

from storage.db import Database
from storage.models import Engagement, Member
from tests.conftest import SECRET
from tests.support.slack_api import TEAM, SlackStandIn


def clock_process(standin: SlackStandIn, database_url: str, **env: str) -> subprocess.Popen[str]:
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL"))},
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": standin.api_url,
        "DATABASE_URL": database_url,
        "CLOCK_INTERVAL_SECONDS": "1",
        "SLACK_MESSAGES_PER_SECOND": "200",
        "LOG_LEVEL": "INFO",
        **env,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "clock"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def engagement_with(
    database: Database,
    members: int,
    *,
    schedule: str,
    created: datetime,
    digest: str = "mon 08:00",
    sponsor: str | None = None,
) -> int:
    """An engagement with `members` people split across the sides, straight into the database."""
    with database.unit_of_work() as session:
        engagement = Engagement(
            team_id=TEAM,
            name="Acme deal",
            client_org="Acme",
            provider_org="Globex",
            channel_id="C0ALERTS",
            created_by="U0LEAD",
            timezone="UTC",
            schedule=schedule,
            window_hours=1,
            reminder_hours=0,
            digest_schedule=digest,
            created_at=created,
        )
        session.add(engagement)
        session.flush()
        session.add_all(
            Member(
                engagement_id=engagement.id,
                team_id=TEAM,
                user_id=f"U0M{i:04d}",
                side="client" if i % 2 else "provider",
                role="lead" if i == 0 else "member",
                added_at=created,
            )
            for i in range(members)
        )
        if sponsor is not None:
            session.add(
                Member(
                    engagement_id=engagement.id,
                    team_id=TEAM,
                    user_id=sponsor,
                    side="client",
                    role="sponsor",
                    added_at=created,
                )
            )
        return engagement.id
