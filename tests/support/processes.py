"""Start real `rapport` processes against the Slack stand-in and a test database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path

from storage.db import Database
from storage.models import Engagement, Member
from tests.support.keys import with_key
from tests.support.running import SECRET
from tests.support.slack_api import TEAM, SlackStandIn


class ClockProcess:
    """A real `rapport clock` whose log is written to a file the test can read while it runs."""

    command = "clock"

    def __init__(self, standin: SlackStandIn, database_url: str, log: Path, **env: str) -> None:
        self.log_path = log
        self.process = clock_process(standin, database_url, log, self.command, **env)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def state(self) -> str | None:
        """The clock's last reported state: "working", "idle", "standby", or None before
        the end of its first tick."""
        states = [
            line.split(" clock ", 1)[1].split(":")[0].split()[0]
            for line in self.log().splitlines()
            if " clock working" in line or " clock idle" in line or " clock standing by" in line
        ]
        return None if not states else {"standing": "standby"}.get(states[-1], states[-1])

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.log()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class WebProcess:
    """A real `rapport web` on a free loopback port, its log in a file."""

    def __init__(
        self, standin: SlackStandIn, database_url: str, log: Path, port: int, **env: str
    ) -> None:
        self.log_path = log
        self.url = f"http://127.0.0.1:{port}"
        environment = {
            **_process_env(standin, database_url),
            "SLACK_CHECK_TOKEN": "false",
            **env,
        }
        with log.open("a", encoding="utf-8") as sink:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot", "web", "--host", "127.0.0.1", "--port", str(port)],
                env=environment,
                stdout=subprocess.DEVNULL,
                stderr=sink,
                text=True,
            )

    def wait_until_serving(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"rapport web did not start:\n{self.log()}")
            time.sleep(0.1)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.log()


def _process_env(standin: SlackStandIn, database_url: str) -> dict[str, str]:
    return with_key(
        {
            **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL"))},
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": standin.api_url,
            "DATABASE_URL": database_url,
            "CLOCK_INTERVAL_SECONDS": "1",
            "SLACK_MESSAGES_PER_SECOND": "200",
            "LOG_LEVEL": "INFO",
        }
    )


class WorkerProcess(ClockProcess):
    """A real `rapport worker` (give it JOB_QUEUE=postgres), its log in a file."""

    command = "worker"

    def started(self) -> bool:
        """Connected and taking jobs (a worker that cannot connect at start exits)."""
        return "Rapport worker started" in self.log()


def clock_process(
    standin: SlackStandIn, database_url: str, log: Path, command: str = "clock", **env: str
) -> subprocess.Popen[str]:
    environment = {**_process_env(standin, database_url), **env}
    with log.open("a", encoding="utf-8") as sink:
        return subprocess.Popen(
            [sys.executable, "-m", "bot", command],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=sink,
            text=True,
        )


def engagement_with(
    database: Database,
    members: int,
    *,
    schedule: str,
    created: datetime,
    name: str = "Acme deal",
    digest: str = "mon 08:00",
    sponsor: str | None = None,
    first_person: int = 0,
    team: str = TEAM,
) -> int:
    """An engagement with `members` people split across the sides, straight into the database
    (user ids `U0M0000`… from `first_person` on), everyone in workspace `team`."""
    with database.unit_of_work() as session:
        engagement = Engagement(
            team_id=team,
            name=name,
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
                team_id=team,
                user_id=f"U0M{first_person + i:04d}",
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
                    team_id=team,
                    user_id=sponsor,
                    side="client",
                    role="sponsor",
                    added_at=created,
                )
            )
        return engagement.id


def read_only(directory: Path) -> list[str]:
    """A command prefix under which nobody can write in ``directory``, root included.

    Permissions stop other users; root ignores them, so as root the command runs in its
    own mount namespace where ``directory`` is bound read-only (a read-only file system).
    """
    if os.geteuid() != 0:
        directory.chmod(0o555)
        return []
    script = 'mount --bind -o ro "$0" "$0" && exec "$@"'
    return ["unshare", "--mount", "sh", "-c", script, str(directory)]


def rapport_env(**extra: str) -> dict[str, str]:
    """This environment without any Slack or database setting, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL"))}
    return with_key({**env, **extra})
