"""The README's promises: its test command is what CI runs, its help matches the bot's."""

from __future__ import annotations

import re
from pathlib import Path

from bot.domain import catalogue

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


def test_every_subcommand_in_help_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    for subcommand in set(re.findall(r"`/rapport (\w+)", catalogue.HELP)):
        assert f"/rapport {subcommand}" in readme, subcommand
