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
