"""Block Kit builders, validated by `slack_sdk.models` before anything leaves the process."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    ConversationFilter,
    ConversationSelectElement,
    InputBlock,
    MarkdownTextObject,
    PlainTextInputElement,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot.domain import catalogue
from bot.domain.i18n import _
from bot.slack.driver_view import chosen_text, driver_select
from bot.views import values
from storage.models import COMMENT_MAX, SIDES

RATE_ACTION = "pulse.rate"
GUESS_ACTION = "pulse.guess"
COMMENT_ACTION = "pulse.comment"
AWAY_ACTION = "pulse.away"
COMMENT_VIEW = "pulse.comment"
SETUP_VIEW = "engagement.setup"


def to_dicts(blocks: Sequence[Block]) -> list[dict[str, Any]]:
    """Serialise blocks; `to_dict` validates each against Slack's limits and raises if not."""
    return [block.to_dict() for block in blocks]


def notice(text: str) -> list[dict[str, Any]]:
    """A message that is only a sentence: a pulse DM replaced when it can no longer be answered."""
    return to_dicts([SectionBlock(text=MarkdownTextObject(text=text))])


def _scale(action: str, pulse_id: int, chosen: int | None) -> ActionsBlock:
    buttons = [
        ButtonElement(
            text=str(n),
            action_id=f"{action}.{n}",
            value=values.RatingTap(pulse_id, n).encode(),
            style="primary" if chosen == n else None,
        )
        for n in range(1, 6)
    ]
    return ActionsBlock(block_id=action, elements=buttons)


@lru_cache(maxsize=4096)
def pulse_message(
    *,
    pulse_id: int,
    engagement: str,
    relationship: str,
    other: str,
    closes: str,
    rating: int | None = None,
    guess: int | None = None,
    commented: bool = False,
    away: bool = False,
    drivers: tuple[str, ...] = (),
) -> list[dict[str, Any]]:
    """The pulse DM: the rating scale, after a rating what drives it, the guess, a comment button.

    Cached: validating blocks is costly and every member of a side gets the same
    message, so each variant is built and checked once. Callers must not mutate it.
    """
    blocks: list[Block] = [
        SectionBlock(
            text=MarkdownTextObject(text=catalogue.PULSE_INTRO.format(engagement=engagement))
        ),
        SectionBlock(
            text=MarkdownTextObject(text=catalogue.PULSE_QUESTION.format(relationship=relationship))
        ),
        _scale(RATE_ACTION, pulse_id, rating),
        ContextBlock(elements=[MarkdownTextObject(text=catalogue.PULSE_SCALE)]),
        *([driver_select(pulse_id, drivers)] if rating else []),
        SectionBlock(text=MarkdownTextObject(text=catalogue.PULSE_GUESS.format(other=other))),
        _scale(GUESS_ACTION, pulse_id, guess),
        ActionsBlock(
            block_id=COMMENT_ACTION,
            elements=[
                ButtonElement(
                    text=catalogue.COMMENT_BUTTON,
                    action_id=COMMENT_ACTION,
                    value=values.PulseButton(pulse_id).encode(),
                ),
                ButtonElement(
                    text=catalogue.AWAY_BUTTON,
                    action_id=AWAY_ACTION,
                    value=values.PulseButton(pulse_id).encode(),
                    style="primary" if away else None,
                ),
            ],
        ),
    ]
    status = [_chosen_text(rating, guess, other, closes)] if rating or guess else []
    if away and not rating:
        status = [catalogue.PULSE_AWAY.format(closes=closes)]
    if drivers:
        status.append(chosen_text(drivers))
    if commented:
        status.append(catalogue.PULSE_COMMENTED)
    footer = " ".join(status) if status else catalogue.PULSE_CLOSES.format(closes=closes)
    blocks.append(ContextBlock(elements=[MarkdownTextObject(text=footer)]))
    return to_dicts(blocks)


def _chosen_text(rating: int | None, guess: int | None, other: str, closes: str) -> str:
    if rating is None:
        return catalogue.PULSE_ONLY_GUESS.format(guess=guess, other=other)
    guessed = catalogue.PULSE_CHOSEN_GUESS.format(guess=guess, other=other) if guess else ""
    return catalogue.PULSE_CHOSEN.format(rating=rating, guess=guessed, closes=closes)


def comment_modal(*, pulse_id: int, channel: str, ts: str) -> dict[str, Any]:
    view = View(
        type="modal",
        callback_id=COMMENT_VIEW,
        title=catalogue.COMMENT_TITLE,
        submit=_("Save"),
        close=_("Cancel"),
        private_metadata=values.CommentForm(pulse_id, channel, ts).encode(),
        blocks=[
            InputBlock(
                block_id="comment",
                label=catalogue.COMMENT_LABEL,
                element=PlainTextInputElement(
                    action_id="text", multiline=True, max_length=COMMENT_MAX
                ),
            )
        ],
    )
    return view.to_dict()


def setup_modal(channel: str | None) -> dict[str, Any]:
    def text_input(block_id: str, label: str, placeholder: str) -> InputBlock:
        element = PlainTextInputElement(action_id="value", max_length=80, placeholder=placeholder)
        return InputBlock(block_id=block_id, label=label, element=element)

    view = View(
        type="modal",
        callback_id=SETUP_VIEW,
        title=catalogue.SETUP_MODAL_TITLE,
        submit=_("Set up"),
        close=_("Cancel"),
        blocks=[
            text_input("name", catalogue.SETUP_MODAL_NAME, "Acme deal"),
            text_input("client", catalogue.SETUP_MODAL_CLIENT, "Acme"),
            text_input("provider", catalogue.SETUP_MODAL_PROVIDER, "Globex"),
            InputBlock(
                block_id="channel",
                label=catalogue.SETUP_MODAL_CHANNEL,
                element=ConversationSelectElement(
                    action_id="value",
                    initial_conversation=channel,
                    filter=ConversationFilter(
                        include=["public", "private"], exclude_bot_users=True
                    ),
                ),
            ),
        ],
    )
    return view.to_dict()


def roster_text(engagement: str, orgs: dict[str, str], sides: dict[str, list[Any]]) -> str:
    """The members list: who is on which side, with role and any non-default stake."""
    lines = [f"*{engagement}*"]
    for side in SIDES:
        people = []
        for m in sides[side]:
            notes = [m.role] if m.role != "member" else []
            if m.weight != 1:
                notes.append(f"weight {m.weight:g}")
            if m.status == "unreachable":
                reason = m.status_reason or ""
                notes.append(f"unreachable: {catalogue.UNREACHABLE_REASONS.get(reason, reason)}")
            people.append(f"<@{m.user_id}>" + (f" ({', '.join(notes)})" if notes else ""))
        lines.append(f"{side.title()} — {orgs[side]}: " + (", ".join(people) or "nobody yet"))
    return "\n".join(lines)
