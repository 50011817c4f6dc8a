"""Actions in Slack: their list and buttons under an alert, the form, and the overdue lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, Final

from bot.domain import follow_up_text
from bot.domain.actions import ACTION_TEXT_MAX, ActionItem, open_first
from bot.domain.alert_message import side_title
from bot.domain.dates import weekday_date
from bot.domain.i18n import _
from bot.views import kit, values
from bot.views.mrkdwn import escape, mention

ADD_ACTION: Final = re.compile(r"^alert\.add_action(\.\d{1,12})?$")
"""One "Add action" button per live finding of a message: `alert.add_action.<alert id>`."""
ADD_ACTION_VIEW: Final = "alert.add_action"
DONE_ACTION: Final = re.compile(r"^alert\.action_done\.\d{1,12}$")
SHOWN: Final = 8
"""Actions listed under one alert, and with a Done button each (Slack allows 25 a block)."""
BUTTON_TEXT: Final = 60


def _line(item: ActionItem, today: date | None, *, finding: bool = False) -> str:
    text = escape(item.text)
    if item.done_by is not None:
        line = follow_up_text.ACTION_LINE_DONE.format(text=text, done_by=mention(item.done_by))
    elif item.closed_with_finding:
        line = follow_up_text.ACTION_LINE_CLOSED.format(
            text=text, owner=mention(item.owner_user_id), due=weekday_date(item.due)
        )
    else:
        template = (
            follow_up_text.ACTION_LINE_OVERDUE
            if today is not None and item.overdue(today)
            else follow_up_text.ACTION_LINE_OPEN
        )
        line = template.format(
            text=text, owner=mention(item.owner_user_id), due=weekday_date(item.due)
        )
    if finding:
        line += follow_up_text.ACTION_FOR.format(title=side_title(item.rule, item.side))
    return line


def _done_button(item: ActionItem) -> dict[str, Any]:
    short = item.text if len(item.text) <= BUTTON_TEXT else item.text[: BUTTON_TEXT - 1] + "…"
    return kit.button(
        follow_up_text.ACTION_DONE_BUTTON.format(text=short),
        action_id=f"alert.action_done.{item.id}",
        value=values.ActionItem(item.id).encode(),
    )


def message_action_blocks(
    findings: Sequence[tuple[int, str]], items: Sequence[ActionItem]
) -> tuple[list[dict[str, Any]], str]:
    """Under a grouped message: every action of its findings (each naming its finding),
    "Add action" for each live finding (id, title) and "Done" for open actions; with
    the same lines as plain text. Two blocks at most, whatever the number of findings.
    """
    blocks: list[dict[str, Any]] = []
    lines = [_line(item, None, finding=True) for item in items[:SHOWN]]
    if len(items) > SHOWN:
        lines.append(follow_up_text.ACTIONS_MORE.format(count=len(items) - SHOWN))
    text = "\n".join([follow_up_text.ACTIONS_HEADER, *lines]) if lines else ""
    if text:
        blocks.append(kit.section(text[:3000]))
    buttons = [
        kit.button(
            _short(f"{follow_up_text.ACTION_ADD_BUTTON}: {title}"),
            action_id=f"alert.add_action.{alert_id}",
            value=values.AlertButton(alert_id).encode(),
        )
        for alert_id, title in findings
    ]
    open_items = [item for item in items[:SHOWN] if not (item.done or item.finding_resolved)]
    buttons += [_done_button(item) for item in open_items]
    if buttons:
        blocks.append(kit.actions(buttons[:25], block_id="alert.message.actions"))
    return blocks, text


def _short(text: str) -> str:
    return text if len(text) <= BUTTON_TEXT else text[: BUTTON_TEXT - 1] + "…"


def add_action_modal(alert_id: int, today: date) -> dict[str, Any]:
    """The form a lead adds an action in: what, who (either side), by when."""
    return kit.modal(
        callback_id=ADD_ACTION_VIEW,
        title=follow_up_text.ACTION_MODAL_TITLE,
        submit=follow_up_text.ACTION_MODAL_SUBMIT,
        close=_("Cancel"),
        private_metadata=values.AlertForm(alert_id).encode(),
        blocks=[
            kit.input_block(
                "text",
                follow_up_text.ACTION_TEXT_LABEL,
                kit.text_input(
                    max_length=ACTION_TEXT_MAX, placeholder=follow_up_text.ACTION_TEXT_PLACEHOLDER
                ),
            ),
            kit.input_block("owner", follow_up_text.ACTION_OWNER_LABEL, kit.user_select()),
            kit.input_block(
                "due",
                follow_up_text.ACTION_DUE_LABEL,
                kit.date_picker(initial_date=(today + timedelta(days=7)).isoformat()),
            ),
        ],
    )


def finding_actions_text(items: Sequence[ActionItem], today: date) -> str:
    """One finding's own actions (the sponsors' escalation DM), overdue first; "" when none."""
    if not items:
        return ""
    lines = [_line(item, today) for item in open_first(list(items), today)]
    return "\n".join([follow_up_text.ACTIONS_HEADER, *lines[:SHOWN]])


def open_actions_text(items: Sequence[ActionItem], today: date) -> str:
    """`/rapport alerts`: every action not yet done, overdue ones first; "" when none."""
    if not items:
        return ""
    ordered = open_first(list(items), today)
    overdue = sum(1 for item in ordered if item.overdue(today))
    head = follow_up_text.ACTIONS_OPEN_HEADER.format(count=len(ordered), overdue=overdue)
    lines = [_line(item, today, finding=True) for item in ordered]
    return "\n".join([head, *lines, follow_up_text.ACTIONS_NOTE])


def overdue_text(items: Sequence[ActionItem], today: date, limit: int = 10) -> str:
    """The digest and App Home: actions past their due date and not done; "" when none."""
    late = [item for item in open_first(list(items), today) if item.overdue(today)]
    if not late:
        return ""
    lines = [_line(item, today, finding=True) for item in late[:limit]]
    if len(late) > limit:
        lines.append(follow_up_text.ACTIONS_MORE.format(count=len(late) - limit))
    return "\n".join([follow_up_text.ACTIONS_OVERDUE_HEADER.format(count=len(late)), *lines])


def own_actions_blocks(items: Sequence[ActionItem], today: date) -> list[dict[str, Any]]:
    """App Home: the viewer's own actions not yet done, overdue first; nothing when none."""
    if not items:
        return []
    lines = [_line(item, today, finding=True) for item in open_first(list(items), today)]
    text = "\n".join([follow_up_text.ACTIONS_YOURS, *lines[:SHOWN]])
    return [kit.section(text[:3000])]
