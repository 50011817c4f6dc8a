"""Each environment variable is declared once: the settings, `--help` and the README's
settings table all say what `bot/wiring/variables.py` says."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from bot.wiring.settings import ConfigError, ProcessSettings, load_settings
from bot.wiring.variables import VARIABLES

README = Path(__file__).parents[3] / "README.md"
BASE = {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "s"}
# A lease long enough for any Slack timeout, so that each number can be set alone.
ROOMY = {**BASE, "STALE_SENDING_SECONDS": "86400"}
NUMBERS = sorted(
    name
    for name, v in VARIABLES.items()
    if v.upper and name != "SLACK_HISTORY_SPACING_SECONDS"  # defaults to the distribution's
)


def readme_defaults() -> dict[str, str]:
    table = README.read_text().split("### Settings (environment)", 1)[1].split("\n## ", 1)[0]
    rows = [line.split(" | ") for line in table.splitlines() if line.startswith("| `")]
    return {row[0].strip("| `"): row[1] for row in rows}


@pytest.mark.parametrize("name", NUMBERS)
def test_a_numbers_default_is_the_same_in_the_readme_and_in_the_settings(name: str) -> None:
    declared = int(VARIABLES[name].default)
    assert readme_defaults()[name] == f"`{declared}`"
    # The field the variable sets is the one that moves when it is set; unset, both the
    # settings read and the field's own default are the declared one.
    env = BASE if name == "STALE_SENDING_SECONDS" else ROOMY
    unset, moved = load_settings(env), load_settings({**env, name: str(declared + 1)})
    (field,) = [
        f for f in fields(ProcessSettings) if getattr(unset, f.name) != getattr(moved, f.name)
    ]
    assert getattr(unset, field.name) == declared
    assert field.default == declared


@pytest.mark.parametrize("name", NUMBERS)
def test_a_number_past_its_bound_is_refused_with_the_bound(name: str) -> None:
    upper = VARIABLES[name].upper
    with pytest.raises(ConfigError) as refused:
        load_settings({**ROOMY, name: str(upper + 1)})
    assert f"{name} must be a whole number between 1 and {upper}" in str(refused.value)
    load_settings({**ROOMY, name: str(upper)})
