"""Extra sections of the grouped alert message, for features that add to it.

A section is placed after the figures (e.g. each side's drivers) or after the findings
(e.g. actions with owners and dates); the message's layout stays as it is. A section's
`text` is its plain-text form: it goes into the message's text (the leads' DM when the
channel refuses it, `rapport simulate`) and into the sponsors' escalation DM. The
sources that read what each section shows are in `bot/services/alert_sections.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.domain.actions import ActionItem
from bot.domain.drivers import PulseDrivers, drivers_line
from bot.views.action_view import message_action_blocks
from bot.views.driver_view import driver_blocks

Place = Literal["after_figures", "after_findings"]


@dataclass(frozen=True, slots=True)
class ExtraSection:
    """Block Kit blocks (as dicts) for one place in the message, and their plain text."""

    place: Place
    blocks: list[dict[str, Any]] = field(default_factory=list)
    text: str = ""


def drivers_sections(drivers: PulseDrivers | None, minimum: int) -> list[ExtraSection]:
    """Each side's top drivers after the figures, where the anonymity minimum allows."""
    line = drivers_line(drivers, minimum)
    if line is None:
        return []
    return [ExtraSection("after_figures", driver_blocks(drivers, minimum), line)]


def actions_sections(
    live: Sequence[tuple[int, str]], items: Sequence[ActionItem]
) -> list[ExtraSection]:
    """The actions of a message's findings after them, and a way to add one to each live
    finding (its id and title)."""
    blocks, text = message_action_blocks(live, items)
    return [ExtraSection("after_findings", blocks, text)] if blocks else []
