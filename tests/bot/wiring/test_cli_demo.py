"""The README's demo: simulate, export it, click through it in `rapport web`, run it again."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bot.services.simulate import LEAD, TEAM
from tests.support.processes import rapport_env
from tests.support.running import SECRET
from tests.support.slack_api import SlackStandIn
from tests.support.slack_requests import SlackDriver

RAPPORT = [sys.executable, "-m", "bot"]
ROOT = Path(__file__).parents[3]

pytestmark = pytest.mark.slow


def readme_demo() -> list[str]:
    """The README's demo commands, each with its rapport run from this checkout."""
    text = (ROOT / "README.md").read_text()
    section = text.split("## See it without Slack", 1)[1].split("\n## ", 1)[0]
    block = re.findall(r"```sh\n(.+?)\n```", section, flags=re.DOTALL)[0]
    here = f"{shlex.quote(sys.executable)} -m bot"
    return [line.replace(".venv/bin/rapport", here) for line in block.splitlines()]


def shell(line: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", "-c", line],
        cwd=cwd,
        # As a reader runs it: no key set, so the SQLite demo keeps its key file.
        env=rapport_env(**{"RAPPORT_SECRET_KEY": "", **env}),
        capture_output=True,
        text=True,
        timeout=180,
    )


def wait_healthy(port: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as reply:
                assert json.loads(reply.read()) == {"ok": True}
                return
        except OSError:
            assert process.poll() is None, "rapport web stopped"
            assert time.monotonic() < deadline, "rapport web did not start"
            time.sleep(0.1)


def test_the_readme_demo_simulate_export_and_web(tmp_path: Path, standin: SlackStandIn) -> None:
    simulate, export = readme_demo()
    assert simulate.endswith(" simulate --weeks 12 --seed 1 --out demo")
    assert export.startswith("DATABASE_URL=sqlite:///demo/simulate.db ") and " export " in export
    web = f"DATABASE_URL=sqlite:///demo/simulate.db {shlex.quote(sys.executable)} -m bot web"

    for _ in range(2):  # the block runs again as it is: the folder's database starts afresh
        made = shell(simulate, tmp_path)
        assert made.returncode == 0, made.stderr
        assert "kept in sqlite:///demo/simulate.db" in made.stdout
        assert f'"Acme deal" ({TEAM}, lead {LEAD})' in made.stdout  # the README's ids
    assert (tmp_path / "demo" / "digest.png").is_file()

    exported = shell(export, tmp_path)
    assert exported.returncode == 0, exported.stderr
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert len(rows) == 12 and rows[0]["client_index"] and rows[-1]["sla_status"] == "green"

    # A database named with --database must not already hold the engagement.
    named = "--weeks 2 --database sqlite:///demo/simulate.db"
    again = shell(simulate.replace("--weeks 12", named), tmp_path)
    assert again.returncode != 0 and "already holds" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1

    from tests.bot.wiring.test_cli import free_port

    port = free_port()
    env = rapport_env(
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=standin.api_url,
        PORT=str(port),
        HOST="127.0.0.1",
        RAPPORT_SECRET_KEY="",
    )
    process = subprocess.Popen(
        ["sh", "-c", f"exec env {web}"], cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        wait_healthy(port, process)
        slack = SlackDriver(f"http://127.0.0.1:{port}", SECRET, standin)
        status = slack.command("status", user=LEAD, channel="C0SIMULATE", team=TEAM)
        assert status.status == 200 and "Acme deal" in status.text, status.text
        assert "The last one closed" in status.text
        assert slack.home_opened(LEAD, team=TEAM).status == 200
        deadline = time.monotonic() + 30
        while not standin.calls_to("views.publish") and time.monotonic() < deadline:
            time.sleep(0.1)
        home = json.dumps(standin.calls_to("views.publish")[-1].params)
        assert "Acme deal" in home
    finally:
        process.terminate()
        process.communicate(timeout=20)
