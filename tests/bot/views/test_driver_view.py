"""Drivers in the pulse DM and under an alert: the picker, the footer note, the shown line."""

from __future__ import annotations

from typing import Any

from bot.domain import follow_up_text
from bot.domain.drivers import DRIVERS, MAX_PICKS, PulseDrivers, SideDrivers, drivers_line
from bot.views.driver_view import (
    DRIVERS_ACTION,
    chosen_text,
    driver_blocks,
    driver_select,
    read_selection,
)
from tests.support.blockkit import check_message


def both_sides() -> PulseDrivers:
    return PulseDrivers(
        SideDrivers("client", 4, {"responsiveness": 3, "delivery": 1}),
        SideDrivers("provider", 3, {"communication": 2}),
    )


def test_the_picker_offers_every_driver_and_carries_the_pulse_in_its_block() -> None:
    block = driver_select(41, ())
    check_message([block])
    assert block["block_id"] == f"{DRIVERS_ACTION}.41"
    assert block["text"]["text"] == follow_up_text.DRIVERS_QUESTION
    menu = block["accessory"]
    assert menu["action_id"] == DRIVERS_ACTION
    assert menu["max_selected_items"] == MAX_PICKS
    assert [option["value"] for option in menu["options"]] == list(DRIVERS)
    assert "initial_options" not in menu


def test_the_picker_shows_the_persons_own_picks() -> None:
    menu = driver_select(41, ("delivery", "communication"))["accessory"]
    picked = [option["value"] for option in menu["initial_options"]]
    assert picked == ["delivery", "communication"]
    labels = [option["text"]["text"] for option in menu["initial_options"]]
    assert labels == [follow_up_text.DRIVER_LABELS[key] for key in picked]


def test_the_footer_names_the_picks_in_short() -> None:
    text = chosen_text(("responsiveness", "communication"))
    assert text == follow_up_text.DRIVERS_CHOSEN.format(drivers="responsiveness, communication")


def selection(block_id: str, options: list[Any]) -> dict[str, Any]:
    return {"block_id": block_id, "selected_options": options}


def test_a_selection_reads_back_as_the_pulse_and_the_keys() -> None:
    picked = [{"value": "delivery"}, {"value": "value"}]
    assert read_selection(selection(f"{DRIVERS_ACTION}.41", picked)) == (41, ["delivery", "value"])
    assert read_selection(selection(f"{DRIVERS_ACTION}.41", [])) == (41, [])


def test_a_malformed_selection_reads_as_nothing() -> None:
    assert read_selection(selection("pulse.rate", [{"value": "delivery"}])) is None
    assert read_selection(selection(f"{DRIVERS_ACTION}.x", [])) is None
    assert read_selection(selection(f"{DRIVERS_ACTION}.41", ["delivery"])) is None
    assert read_selection(selection(f"{DRIVERS_ACTION}.41", [{"value": 3}])) is None
    assert read_selection({"block_id": f"{DRIVERS_ACTION}.41"}) is None


def test_the_alert_line_shows_each_sides_top_drivers() -> None:
    (block,) = driver_blocks(both_sides(), 3)
    check_message([block])
    line = drivers_line(both_sides(), 3)
    assert line is not None
    assert block["elements"][0]["text"] == f":compass: {line}"


def test_nothing_is_shown_when_no_side_may_be_shown() -> None:
    assert driver_blocks(None, 3) == []
    assert driver_blocks(PulseDrivers(), 3) == []
