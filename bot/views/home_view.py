"""The App Home view: the digest's state for leads and sponsors; your own pulse and answers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final
from zoneinfo import ZoneInfo

from bot.domain import reply_text
from bot.domain.dates import day_month
from bot.domain.digest import DigestInput
from bot.views import kit
from bot.views.digest_message import digest_sections
from bot.views.mrkdwn import escape, slack_date
from bot.views.status_view import SideCount

SETUP_BUTTON: Final = "home.setup"
DIGEST_BUTTON: Final = "home.digest"
EXPORT_BUTTON: Final = "home.export"
FORGET_ME_BUTTON: Final = "home.forget_me"
COMMENT_SHOWN: Final = 80


@dataclass(frozen=True, slots=True)
class Membership:
    """One engagement the viewer is on: between whom, and their role and side on it."""

    name: str
    client_org: str
    provider_org: str
    role: str
    side: str


@dataclass(frozen=True, slots=True)
class PastAnswer:
    """One of the viewer's own answers to a closed pulse."""

    closed_at: datetime | None
    rating: int | None
    guess: int | None
    comment: str | None


@dataclass(frozen=True, slots=True)
class OpenPulse:
    """The engagement's open pulse: when it closes and how many answered so far."""

    closes_at: datetime
    counts: Mapping[str, SideCount]


def _section(text: str) -> dict[str, Any]:
    return kit.section(text[:3000])


def state_blocks(
    engagement_id: int, digest: DigestInput, open_pulse: OpenPulse | None
) -> list[dict[str, Any]]:
    """What a lead or sponsor sees: the digest's numbers, open alerts, pulse and buttons."""
    state, alerts, _themes, footer = digest_sections(digest)
    if open_pulse is None:
        now_line = reply_text.HOME_NO_PULSE_OPEN
    else:
        client, provider = open_pulse.counts["client"], open_pulse.counts["provider"]
        now_line = reply_text.HOME_PULSE_OPEN.format(
            closes=slack_date(open_pulse.closes_at),
            client_answered=client.answered,
            client_asked=client.asked - client.away,
            provider_answered=provider.answered,
            provider_asked=provider.asked - provider.away,
        )
    value = str(engagement_id)
    return [
        _section(state),
        _section(alerts),
        kit.context(f"{now_line} {footer}"),
        kit.actions(
            [
                kit.button(reply_text.HOME_DIGEST_BUTTON, action_id=DIGEST_BUTTON, value=value),
                kit.button(reply_text.HOME_EXPORT_BUTTON, action_id=EXPORT_BUTTON, value=value),
            ]
        ),
    ]


def pending_blocks(answer: int | None, closes_at: datetime) -> list[dict[str, Any]]:
    """The viewer's own open pulse: waiting for them, or what they answered."""
    closes = slack_date(closes_at)
    if answer is None:
        return [_section(reply_text.HOME_PENDING.format(closes=closes))]
    return [_section(reply_text.HOME_ANSWERED.format(rating=answer, closes=closes))]


def own_answer_blocks(answers: Sequence[PastAnswer], timezone: str) -> list[dict[str, Any]]:
    """The viewer's own last answers; nobody else's are ever shown here."""
    lines = [reply_text.HOME_YOUR_ANSWERS]
    for answer in answers:
        comment = answer.comment or ""
        if len(comment) > COMMENT_SHOWN:
            comment = comment[: COMMENT_SHOWN - 1] + "…"
        lines.append(
            reply_text.HOME_ANSWER_LINE.format(
                day=day_month(answer.closed_at, ZoneInfo(timezone)) if answer.closed_at else "?",
                rating=answer.rating if answer.rating is not None else "no rating",
                guess=f", guessed {answer.guess} for the other side" if answer.guess else "",
                comment=f" — “{escape(comment)}”" if comment else "",
            )
        )
    if len(lines) == 1:
        lines.append(reply_text.HOME_NO_ANSWERS)
    return [_section("\n".join(lines))]


def engagement_heading(membership: Membership) -> dict[str, Any]:
    """Which engagement, between whom, and the viewer's role and side on it."""
    return _section(
        reply_text.HOME_ENGAGEMENT.format(
            name=escape(membership.name),
            client=escape(membership.client_org),
            provider=escape(membership.provider_org),
            role=membership.role,
            side=membership.side,
        )
    )


def home_tab(body: Sequence[dict[str, Any]], *, count: int, shown: int) -> dict[str, Any]:
    """The whole tab: a header, the engagements' blocks, and the way to set one up."""
    blocks = [kit.header("Rapport"), *body]
    if not count:
        blocks.append(_section(reply_text.HOME_NO_ENGAGEMENT))
    elif count > shown:
        blocks.append(_section(reply_text.HOME_MORE.format(count=count - shown)))
    buttons = [kit.button(reply_text.HOME_SETUP_BUTTON, action_id=SETUP_BUTTON)]
    if count:
        buttons.append(_forget_me_button())
    blocks += [kit.actions(buttons), kit.context(reply_text.HOME_HELP)]
    return kit.home(blocks)


def _forget_me_button() -> dict[str, Any]:
    """Anyone can erase themselves; Slack asks them to confirm first."""
    return kit.button(
        reply_text.FORGET_ME_BUTTON,
        action_id=FORGET_ME_BUTTON,
        style="danger",
        confirm=kit.confirm(
            title=reply_text.FORGET_ME_CONFIRM_TITLE,
            text=reply_text.FORGET_ME_CONFIRM,
            yes=reply_text.FORGET_ME_CONFIRM_YES,
            no=reply_text.FORGET_ME_CONFIRM_NO,
            style="danger",
        ),
    )
