"""The grouped message's extra sections, drawn from plain values: drivers and actions."""

from __future__ import annotations

from datetime import date

from bot.domain.actions import ActionItem
from bot.domain.drivers import PulseDrivers, SideDrivers, drivers_line
from bot.views.alert_sections import actions_sections, drivers_sections
from bot.views.driver_view import driver_blocks
from tests.support.blockkit import button_labels, check_message

DUE = date(2026, 11, 27)


def test_drivers_go_after_the_figures_with_their_line_as_text() -> None:
    drivers = PulseDrivers(SideDrivers("client", 4, {"responsiveness": 3}), None)
    (section,) = drivers_sections(drivers, 3)
    assert section.place == "after_figures"
    assert section.text == drivers_line(drivers, 3)
    assert section.blocks == driver_blocks(drivers, 3)
    check_message(section.blocks)


def test_no_drivers_to_show_adds_no_section() -> None:
    assert drivers_sections(None, 3) == []


def test_actions_go_after_the_findings_with_a_way_to_add_one_to_each_live_finding() -> None:
    items = [ActionItem(1, 7, "gap", "weekly review", "U0PRO1", DUE, None)]
    (section,) = actions_sections([(7, "Wide gap between the sides")], items)
    assert section.place == "after_findings"
    check_message(section.blocks)
    assert button_labels(section.blocks)[0] == "Add action: Wide gap between the sides"
    assert "weekly review" in section.text


def test_no_findings_and_no_actions_add_no_section() -> None:
    assert actions_sections([], []) == []
