"""The `rapport` command as an operator runs it: real processes, real HTTP."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support.keys import with_key
from tests.support.running import SECRET
from tests.support.slack_api import SlackStandIn
from tests.support.slack_requests import SlackDriver

RAPPORT = [sys.executable, "-m", "bot"]


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL"))}
    return with_key({**env, **extra})


def test_web_without_tokens_names_what_to_set_and_exits_non_zero(tmp_path: Path) -> None:
    result = subprocess.run(
        [*RAPPORT, "web"], env=clean_env(), cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "SLACK_BOT_TOKEN is not set" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_migrate_creates_then_is_a_noop(tmp_path: Path) -> None:
    env = clean_env(DATABASE_URL=f"sqlite:///{tmp_path / 'r.db'}")
    first = subprocess.run(
        [*RAPPORT, "migrate"], env=env, capture_output=True, text=True, timeout=60
    )
    second = subprocess.run(
        [*RAPPORT, "migrate"], env=env, capture_output=True, text=True, timeout=60
    )
    assert first.returncode == second.returncode == 0
    assert "upgraded from empty" in first.stdout
    assert "already current" in second.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_web_process_serves_health_and_signed_commands(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    port = free_port()
    env = clean_env(
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=standin.api_url,
        DATABASE_URL=f"sqlite:///{tmp_path / 'r.db'}",
        PORT="1",  # the options win over the environment
    )
    process = subprocess.Popen(
        [*RAPPORT, "web", "--port", str(port), "--host", "127.0.0.1"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    # (stderr is read once the process has stopped)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    assert json.loads(r.read()) == {"ok": True}
                    break
            except OSError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                assert time.monotonic() < deadline, "rapport web did not start"
                time.sleep(0.1)
        slack = SlackDriver(f"http://127.0.0.1:{port}", SECRET, standin)
        reply = slack.command("help")
        assert reply.status == 200 and "/rapport setup" in reply.text_when("/rapport setup")
        forged = slack.post(
            "command=/rapport&text=help", "application/x-www-form-urlencoded", headers={}
        )
        assert forged.status == 401
    finally:
        process.terminate()
        _, log = process.communicate(timeout=10)
    assert "clock" not in log.lower() and "leader" not in log
    assert "Slack token OK: workspace Test (T0RAPPORT)" in log
    assert "will be unused" not in log and "WARNING" not in log, log


def test_version_and_help_name_the_environment() -> None:
    version = subprocess.run([*RAPPORT, "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("rapport ")
    assert version.stdout.split()[1][0].isdigit()
    for command, reads, not_read in (
        ("web", ("SLACK_SIGNING_SECRET", "PORT", "[3000]", "--port"), "SLACK_APP_TOKEN"),
        ("clock", ("SLACK_BOT_TOKEN", "CLOCK_INTERVAL_SECONDS", "[30]"), "SLACK_SIGNING_SECRET"),
        ("run", ("SLACK_APP_TOKEN", "SLACK_BOT_TOKEN"), "SLACK_SIGNING_SECRET"),
        ("export", ("DATABASE_URL", "[sqlite:///rapport.db]"), "SLACK_BOT_TOKEN"),
        ("migrate", ("DATABASE_URL",), "SLACK_BOT_TOKEN"),
    ):
        shown = subprocess.run(
            [*RAPPORT, command, "--help"], capture_output=True, text=True, timeout=60, check=True
        ).stdout
        assert "environment" in shown, command
        for word in reads:
            assert word in shown, (command, word)
        assert not_read not in shown, command


def test_a_start_loads_only_what_its_subcommand_uses() -> None:
    """`--version`, `--help` and a subcommand's `--help` import no subcommand's work: no
    charts, playground, simulation, sentiment models, database or Slack libraries."""
    probe = (
        "import json, sys\n"
        "from bot.wiring.cli import main\n"
        "for argv in (['--version'], ['--help'], ['web', '--help'], ['migrate', '--help']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit as done:\n"
        "        assert done.code == 0, argv\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = json.loads(result.stdout.splitlines()[-1])
    heavy = (
        "matplotlib",
        "textblob",
        "py3langid",
        "sqlalchemy",
        "alembic",
        "slack_sdk",
        "slack_bolt",
        "bot.wiring.playground",
        "bot.services.simulate",
        "bot.wiring.cli.records",
    )
    assert [m for m in loaded if m.startswith(heavy)] == [], "imported before it is used"
    assert {"bot.wiring.cli.serve", "bot.wiring.cli.data"} <= set(loaded), "their own options"


def test_the_web_process_never_loads_a_scheduler() -> None:
    """However many web workers run, none of them schedules anything."""
    probe = (
        "import sys, bot.wiring.cli, bot.wiring.app, bot.wiring.web, handlers; "
        "print(any(m.startswith('apscheduler.schedulers') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"


def test_score_reads_stdin_and_prints_json_lines() -> None:
    result = subprocess.run(
        [*RAPPORT, "score"],
        input="They missed the SLA again\nGreat work, thanks!\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["polarity"] < 0 and first["label"] == "negative"
    assert second["polarity"] > 0


def test_every_variable_the_help_names_is_in_the_readme_settings_table() -> None:
    from bot.wiring.cli.environment import READS
    from bot.wiring.variables import VARIABLES

    readme = (Path(__file__).parents[3] / "README.md").read_text()
    table = readme.split("### Settings (environment)", 1)[1].split("\n## ", 1)[0]
    for name in {name for names in READS.values() for name in names}:
        assert f"| `{name}` |" in table, name
    assert set(VARIABLES) == {name for names in READS.values() for name in names}


def test_each_process_help_names_a_variable_once() -> None:
    from bot.wiring.cli.environment import READS

    for command, names in READS.items():
        assert len(names) == len(set(names)), (command, sorted(names))


def test_the_web_and_clock_processes_load_matplotlib_only_to_draw_a_chart() -> None:
    """matplotlib is most of a second of every start; it is loaded when a chart is drawn."""
    probe = (
        "import sys, bot.wiring.app, bot.wiring.web, bot.wiring.clock, handlers; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'matplotlib', 'numpy'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
