"""Drivers in Slack: the pulse DM's "What is driving this most?" and the line alerts show."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Final

from bot.domain import follow_up_text
from bot.domain.drivers import DRIVERS, MAX_PICKS, PulseDrivers, drivers_line
from bot.views import kit
from bot.views.mrkdwn import escape

DRIVERS_ACTION: Final = "pulse.drivers"
_BLOCK = re.compile(r"^pulse\.drivers\.(\d{1,12})$")


def _option(key: str) -> dict[str, Any]:
    return kit.option(key, follow_up_text.DRIVER_LABELS[key])


def driver_select(pulse_id: int, chosen: Sequence[str]) -> dict[str, Any]:
    """The optional follow-up under the rating: up to two of the seven drivers.

    The pulse travels in the block id, so clearing every pick still says which pulse.
    """
    return kit.section(
        follow_up_text.DRIVERS_QUESTION,
        block_id=f"{DRIVERS_ACTION}.{pulse_id}",
        accessory=kit.multi_select(
            action_id=DRIVERS_ACTION,
            placeholder=follow_up_text.DRIVERS_PLACEHOLDER,
            options=[_option(key) for key in DRIVERS],
            initial=[_option(key) for key in chosen],
            max_selected=MAX_PICKS,
        ),
    )


def chosen_text(chosen: Sequence[str]) -> str:
    """The DM's footer note on the person's own picks."""
    return follow_up_text.DRIVERS_CHOSEN.format(
        drivers=", ".join(follow_up_text.DRIVER_SHORT[key] for key in chosen)
    )


def read_selection(action: dict[str, Any]) -> tuple[int, list[str]] | None:
    """The pulse id and the picked keys from a selection, or None if malformed."""
    found = _BLOCK.match(str(action.get("block_id") or ""))
    options = action.get("selected_options")
    if found is None or not isinstance(options, list):
        return None
    values = [option.get("value") for option in options if isinstance(option, dict)]
    if len(values) != len(options) or not all(isinstance(v, str) for v in values):
        return None
    return int(found.group(1)), [str(v) for v in values]


def driver_blocks(drivers: PulseDrivers | None, minimum: int) -> list[dict[str, Any]]:
    """A context line naming each side's top drivers, or nothing when none may be shown."""
    line = drivers_line(drivers, minimum)
    if line is None:
        return []
    text = f":compass: {escape(line)}"
    return [kit.context(text)]
