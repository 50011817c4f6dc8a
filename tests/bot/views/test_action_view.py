"""Actions under an alert and in lists: which buttons, which lines, what is left out."""

from __future__ import annotations

import json
from datetime import date

from bot.domain.actions import ActionItem
from bot.views.action_view import (
    ADD_ACTION,
    message_action_blocks,
    open_actions_text,
    overdue_text,
)

TODAY = date(2026, 11, 27)


def item(number: int, due: date, done_by: str | None = None, text: str = "") -> ActionItem:
    return ActionItem(number, 7, "gap", text or f"action {number}", "U0PRO1", due, done_by)


def action_ids(blocks: list[dict[str, object]]) -> list[str]:
    return [
        str(element["action_id"])
        for block in blocks
        if block["type"] == "actions"
        for element in block["elements"]  # type: ignore[attr-defined]
    ]


def test_each_live_finding_offers_add_and_each_open_action_done() -> None:
    items = [item(1, TODAY), item(2, TODAY, done_by="U0LEAD")]
    blocks, text = message_action_blocks([(7, "Gap"), (9, "Blind spot")], items)
    assert action_ids(blocks) == [
        "alert.add_action.7",
        "alert.add_action.9",
        "alert.action_done.1",
    ]
    assert [ADD_ACTION.match(a) is not None for a in action_ids(blocks)] == [True, True, False]
    listed = json.dumps(blocks)
    assert "action 1 \\u2014 <@U0PRO1>, due Fri 27 Nov" in listed
    assert "~action 2~ \\u2014 done by <@U0LEAD>" in listed
    assert "action 1" in text and len(blocks) == 2


def test_a_message_with_no_live_finding_keeps_done_buttons_but_takes_no_new_action() -> None:
    blocks, _ = message_action_blocks([], [item(1, TODAY)])
    assert action_ids(blocks) == ["alert.action_done.1"]
    assert message_action_blocks([], []) == ([], "")


def test_long_texts_are_cut_on_the_button_and_typed_markup_is_escaped() -> None:
    blocks, _ = message_action_blocks(
        [(7, "Gap")], [item(1, TODAY, text="<!channel> " + "x" * 100)]
    )
    button = blocks[-1]["elements"][-1]
    assert len(button["text"]["text"]) <= 75
    listed = blocks[0]["text"]["text"]
    assert "<!channel>" not in listed and "&lt;!channel&gt;" in listed  # mrkdwn pings no one


def test_lists_say_overdue_and_leave_out_what_is_not() -> None:
    late, soon = item(1, date(2026, 11, 20)), item(2, date(2026, 12, 2))
    listing = open_actions_text([soon, late], TODAY)
    assert listing.splitlines()[0] == "*Open actions* (2, 1 overdue)"
    assert "*Overdue:* action 1" in listing.splitlines()[1]
    assert " · for: Wide gap between the sides" in listing
    overdue = overdue_text([soon, late], TODAY)
    assert "action 1" in overdue and "action 2" not in overdue
    assert overdue_text([soon], TODAY) == "" and open_actions_text([], TODAY) == ""


def test_an_action_closed_with_its_finding_says_so_and_offers_no_done_button() -> None:
    closed = ActionItem(3, 7, "decline", "review", "U0PRO1", TODAY, finding_resolved=True)
    closed_side = ActionItem(4, 7, "decline", "ask", "U0PRO1", TODAY, None, True, "client")
    blocks, text = message_action_blocks([], [closed, closed_side])
    assert action_ids(blocks) == []
    assert "• review — <@U0PRO1>, due Fri 27 Nov; closed when its finding resolved, not " in text
    assert "· for: Satisfaction is falling on the client side" in text
    assert overdue_text([closed], date(2026, 12, 30)) == ""
