"""The README's promises: its test command is what CI runs, its help matches the bot's."""

from __future__ import annotations

import re
from pathlib import Path

from bot.wiring.listeners import SUBCOMMANDS
from handlers.commands.registry import Registry

ROOT = Path(__file__).parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    section = text.split("## Two commands on a fresh machine", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_starts_with_two_commands() -> None:
    run, test = readme_commands()
    assert run.endswith("rapport web")
    assert "pytest" in test


def test_ci_runs_the_readme_test_command() -> None:
    _, test = readme_commands()
    ci = (ROOT / ".ci" / "run").read_text()
    steps = [part.strip() for part in test.split("&&")]
    for step in steps[1:]:  # the venv is created by CI itself, fresh
        assert step in ci, step


def test_every_subcommand_is_in_the_readme_table_and_the_help() -> None:
    readme = (ROOT / "README.md").read_text()
    help_text = Registry(SUBCOMMANDS).help_text()
    for subcommand in SUBCOMMANDS:
        assert f"| `/rapport {subcommand.name}" in readme, subcommand.name
        assert f"`/rapport {subcommand.name}" in help_text, subcommand.name


def test_the_install_command_takes_the_hashed_runtime_lock() -> None:
    run, _ = readme_commands()
    assert ".venv/bin/pip install -q -r requirements.txt" in run
    assert "--hash=sha256:" in (ROOT / "requirements.txt").read_text()


def demo_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text()
    blocks = re.findall(r"^```sh\n(.+?)\n```$", text, re.S | re.M)
    return [block for block in blocks if "rapport simulate" in block]


def test_the_first_screen_goes_from_what_it_is_to_no_slack_to_slack() -> None:
    text = (ROOT / "README.md").read_text()
    order = [
        "**Rapport** is a Slack bot",
        "## Two commands on a fresh machine",
        "## Try it without Slack",
        "rapport simulate",
        "rapport playground",
        "## Put it in Slack",
        "docs/two-companies.md",
    ]
    places = [text.index(marker) for marker in order]
    assert places == sorted(places), order
    assert places[-1] < len(text.split("## What it does")[0])


def test_every_demo_block_is_the_one_the_demo_test_runs() -> None:
    # tests/bot/wiring/test_cli_demo.py runs the demo section's block, twice.
    blocks = demo_blocks()
    first_lines = {block.splitlines()[0] for block in blocks}
    assert first_lines == {".venv/bin/rapport simulate --weeks 12 --seed 1 --out demo"}
    readme = (ROOT / "README.md").read_text()
    assert "`T0SIMULATE`" in readme and "stand-in uses" not in readme
