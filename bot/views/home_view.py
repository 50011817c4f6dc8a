"""The App Home view: the digest's state for leads and sponsors; your own pulse and answers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConfirmObject,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot.domain import catalogue
from bot.domain.dates import day_month
from bot.views.digest_text import digest_sections
from bot.views.mrkdwn import escape, slack_date

if TYPE_CHECKING:
    from datetime import datetime

    from bot.domain.digest import DigestInput
    from storage.digests import OwnAnswer
    from storage.models import Engagement, Member
    from storage.pulses import SideCounts

SETUP_BUTTON: Final = "home.setup"
DIGEST_BUTTON: Final = "home.digest"
EXPORT_BUTTON: Final = "home.export"
FORGET_ME_BUTTON: Final = "home.forget_me"
COMMENT_SHOWN: Final = 80


def _section(text: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=text[:3000]))


def state_blocks(
    engagement_id: int,
    digest: DigestInput,
    open_pulse: tuple[datetime, dict[str, SideCounts]] | None,
) -> list[Block]:
    """What a lead or sponsor sees: the digest's numbers, open alerts, pulse and buttons."""
    state, alerts, _themes, footer = digest_sections(digest)
    if open_pulse is None:
        now_line = catalogue.HOME_NO_PULSE_OPEN
    else:
        closes_at, counts = open_pulse
        client, provider = counts["client"], counts["provider"]
        now_line = catalogue.HOME_PULSE_OPEN.format(
            closes=slack_date(closes_at),
            client_answered=client.answered,
            client_asked=client.asked - client.away,
            provider_answered=provider.answered,
            provider_asked=provider.asked - provider.away,
        )
    value = str(engagement_id)
    return [
        _section(state),
        _section(alerts),
        ContextBlock(elements=[MarkdownTextObject(text=f"{now_line} {footer}")]),
        ActionsBlock(
            elements=[
                ButtonElement(
                    text=catalogue.HOME_DIGEST_BUTTON, action_id=DIGEST_BUTTON, value=value
                ),
                ButtonElement(
                    text=catalogue.HOME_EXPORT_BUTTON, action_id=EXPORT_BUTTON, value=value
                ),
            ]
        ),
    ]


def pending_blocks(answer: int | None, closes_at: datetime) -> list[Block]:
    """The viewer's own open pulse: waiting for them, or what they answered."""
    closes = slack_date(closes_at)
    if answer is None:
        return [_section(catalogue.HOME_PENDING.format(closes=closes))]
    return [_section(catalogue.HOME_ANSWERED.format(rating=answer, closes=closes))]


def own_answer_blocks(answers: list[OwnAnswer], timezone: str) -> list[Block]:
    """The viewer's own last answers; nobody else's are ever shown here."""
    lines = [catalogue.HOME_YOUR_ANSWERS]
    for answer in answers:
        comment = answer.comment or ""
        if len(comment) > COMMENT_SHOWN:
            comment = comment[: COMMENT_SHOWN - 1] + "…"
        lines.append(
            catalogue.HOME_ANSWER_LINE.format(
                day=day_month(answer.closed_at, ZoneInfo(timezone)) if answer.closed_at else "?",
                rating=answer.rating if answer.rating is not None else "no rating",
                guess=f", guessed {answer.guess} for the other side" if answer.guess else "",
                comment=f" — “{escape(comment)}”" if comment else "",
            )
        )
    if len(lines) == 1:
        lines.append(catalogue.HOME_NO_ANSWERS)
    return [_section("\n".join(lines))]


def engagement_heading(engagement: Engagement, me: Member) -> SectionBlock:
    """Which engagement, between whom, and the viewer's role and side on it."""
    return _section(
        catalogue.HOME_ENGAGEMENT.format(
            name=escape(engagement.name),
            client=escape(engagement.client_org),
            provider=escape(engagement.provider_org),
            role=me.role,
            side=me.side,
        )
    )


def home_tab(body: list[Block], *, count: int, shown: int) -> dict[str, Any]:
    """The whole tab: a header, the engagements' blocks, and the way to set one up."""
    blocks: list[Block] = [HeaderBlock(text="Rapport"), *body]
    if not count:
        blocks.append(_section(catalogue.HOME_NO_ENGAGEMENT))
    elif count > shown:
        blocks.append(_section(catalogue.HOME_MORE.format(count=count - shown)))
    buttons = [ButtonElement(text=catalogue.HOME_SETUP_BUTTON, action_id=SETUP_BUTTON)]
    if count:
        buttons.append(_forget_me_button())
    blocks += [
        ActionsBlock(elements=buttons),
        ContextBlock(elements=[MarkdownTextObject(text=catalogue.HOME_HELP)]),
    ]
    return View(type="home", blocks=blocks).to_dict()


def _forget_me_button() -> ButtonElement:
    """Anyone can erase themselves; Slack asks them to confirm first."""
    return ButtonElement(
        text=catalogue.FORGET_ME_BUTTON,
        action_id=FORGET_ME_BUTTON,
        style="danger",
        confirm=ConfirmObject(
            title=catalogue.FORGET_ME_CONFIRM_TITLE,
            text=catalogue.FORGET_ME_CONFIRM,
            confirm=catalogue.FORGET_ME_CONFIRM_YES,
            deny=catalogue.FORGET_ME_CONFIRM_NO,
            style="danger",
        ),
    )
