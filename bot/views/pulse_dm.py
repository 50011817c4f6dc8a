"""The pulse DM as each side sees it: the question, the scale, any answer so far, a comment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any, Final

from bot.domain import reply_text
from bot.domain.i18n import _, reading_as
from bot.domain.vocabulary import COMMENT_MAX
from bot.views import kit, values
from bot.views.driver_view import chosen_text, driver_select
from bot.views.mrkdwn import slack_date

RATE_ACTION = "pulse.rate"
GUESS_ACTION = "pulse.guess"
COMMENT_ACTION = "pulse.comment"
AWAY_ACTION = "pulse.away"
COMMENT_VIEW = "pulse.comment"
PULSE_EVENT = "rapport_pulse"


@dataclass(frozen=True, slots=True)
class PulseAsked:
    """What one pulse asks, the same for every recipient: which pulse, between whom, until when."""

    pulse_id: int
    engagement: str
    client_org: str
    provider_org: str
    closes_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class SoFar:
    """What one person has answered so far, as their pulse DM shows it."""

    rating: int | None = None
    guess: int | None = None
    commented: bool = False
    away: bool = False
    drivers: tuple[str, ...] = ()


NOTHING_YET: Final = SoFar()


@dataclass(frozen=True, slots=True)
class Recipient:
    """One claimed delivery of a pulse: who gets it, on which side, in which language."""

    delivery_id: int
    attempt: int
    """The claim's attempt number: updates to the row apply only while it is still ours."""
    member_id: int
    user_id: str
    side: str
    locale: str | None


@dataclass(frozen=True, slots=True)
class PulseDM:
    """Everything needed to send one delivery, read inside its claiming transaction."""

    delivery_id: int
    attempt: int
    """The claim's attempt number: updates to the row apply only while it is still ours."""
    member_id: int
    user_id: str
    text: str
    blocks: list[dict[str, object]]
    metadata: dict[str, object]


def relationship(client_org: str, provider_org: str) -> str:
    return f"{client_org} – {provider_org}"


def notice(text: str) -> list[dict[str, Any]]:
    """A message that is only a sentence: a pulse DM replaced when it can no longer be answered."""
    return [kit.section(text)]


def _scale(action: str, pulse_id: int, chosen: int | None) -> dict[str, Any]:
    buttons = [
        kit.button(
            str(n),
            action_id=f"{action}.{n}",
            value=values.RatingTap(pulse_id, n).encode(),
            style="primary" if chosen == n else None,
        )
        for n in range(1, 6)
    ]
    return kit.actions(buttons, block_id=action)


@lru_cache(maxsize=4096)
def pulse_message(
    *,
    pulse_id: int,
    engagement: str,
    relationship: str,
    other: str,
    closes: str,
    so_far: SoFar = NOTHING_YET,
) -> list[dict[str, Any]]:
    """The pulse DM: the rating scale, after a rating what drives it, the guess, a comment button.

    Cached: every member of a side gets the same message, so each variant is built and
    checked once. Callers must not mutate it.
    """
    blocks = [
        kit.section(reply_text.PULSE_INTRO.format(engagement=engagement)),
        kit.section(reply_text.PULSE_QUESTION.format(relationship=relationship)),
        _scale(RATE_ACTION, pulse_id, so_far.rating),
        kit.context(reply_text.PULSE_SCALE),
        *([driver_select(pulse_id, so_far.drivers)] if so_far.rating else []),
        kit.section(reply_text.PULSE_GUESS.format(other=other)),
        _scale(GUESS_ACTION, pulse_id, so_far.guess),
        kit.actions(
            [
                kit.button(
                    reply_text.COMMENT_BUTTON,
                    action_id=COMMENT_ACTION,
                    value=values.PulseButton(pulse_id).encode(),
                ),
                kit.button(
                    reply_text.AWAY_BUTTON,
                    action_id=AWAY_ACTION,
                    value=values.PulseButton(pulse_id).encode(),
                    style="primary" if so_far.away else None,
                ),
            ],
            block_id=COMMENT_ACTION,
        ),
    ]
    status = [_chosen_text(so_far, other, closes)] if so_far.rating or so_far.guess else []
    if so_far.away and not so_far.rating:
        status = [reply_text.PULSE_AWAY.format(closes=closes)]
    if so_far.drivers:
        status.append(chosen_text(so_far.drivers))
    if so_far.commented:
        status.append(reply_text.PULSE_COMMENTED)
    footer = " ".join(status) if status else reply_text.PULSE_CLOSES.format(closes=closes)
    blocks.append(kit.context(footer))
    return blocks


def _chosen_text(so_far: SoFar, other: str, closes: str) -> str:
    if so_far.rating is None:
        return reply_text.PULSE_ONLY_GUESS.format(guess=so_far.guess, other=other)
    guess = so_far.guess
    guessed = reply_text.PULSE_CHOSEN_GUESS.format(guess=guess, other=other) if guess else ""
    return reply_text.PULSE_CHOSEN.format(rating=so_far.rating, guess=guessed, closes=closes)


def message_for(
    asked: PulseAsked,
    side: str,
    *,
    rating: int | None = None,
    guess: int | None = None,
    commented: bool = False,
    away: bool = False,
    drivers: tuple[str, ...] = (),
) -> tuple[str, list[dict[str, object]]]:
    """The pulse DM's fallback text and blocks for one side, showing any answer so far."""
    rel = relationship(asked.client_org, asked.provider_org)
    other = asked.provider_org if side == "client" else asked.client_org
    return reply_text.PULSE_FALLBACK.format(relationship=rel), pulse_message(
        pulse_id=asked.pulse_id,
        engagement=asked.engagement,
        relationship=rel,
        other=other,
        closes=slack_date(asked.closes_at),
        so_far=SoFar(rating=rating, guess=guess, commented=commented, away=away, drivers=drivers),
    )


def render(asked: PulseAsked, recipient: Recipient) -> PulseDM:
    """One recipient's pulse DM, in their language, tagged with the pulse it asks about."""
    with reading_as(recipient.locale):
        text, dm_blocks = message_for(asked, recipient.side)
    return PulseDM(
        delivery_id=recipient.delivery_id,
        attempt=recipient.attempt,
        member_id=recipient.member_id,
        user_id=recipient.user_id,
        text=text,
        blocks=dm_blocks,
        metadata={"event_type": PULSE_EVENT, "event_payload": {"pulse": asked.pulse_id}},
    )


def comment_modal(*, pulse_id: int, channel: str, ts: str) -> dict[str, Any]:
    return kit.modal(
        callback_id=COMMENT_VIEW,
        title=reply_text.COMMENT_TITLE,
        submit=_("Save"),
        close=_("Cancel"),
        private_metadata=values.CommentForm(pulse_id, channel, ts).encode(),
        blocks=[
            kit.input_block(
                "comment",
                reply_text.COMMENT_LABEL,
                kit.text_input(action_id="text", multiline=True, max_length=COMMENT_MAX),
            )
        ],
    )
