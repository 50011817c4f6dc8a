"""The App Home view: the digest's state for leads and sponsors; your own pulse and answers."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View
from sqlalchemy.orm import Session

from bot.domain import catalogue
from bot.domain.digest.text import day_month, digest_sections
from bot.services.digest.access import READERS
from bot.services.digest.assemble import assemble
from bot.services.pulses import slack_date
from storage import digests as digest_queries
from storage import engagements as engagement_queries
from storage import pulses as pulse_queries
from storage.models import Engagement, Member

SETUP_BUTTON: Final = "home.setup"
DIGEST_BUTTON: Final = "home.digest"
EXPORT_BUTTON: Final = "home.export"
MAX_ENGAGEMENTS: Final = 10  # a Home view holds at most 100 blocks
OWN_ANSWERS: Final = 5
COMMENT_SHOWN: Final = 80


def _section(text: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=text[:3000]))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _state(session: Session, engagement: Engagement, now: datetime) -> list[Block]:
    """What a lead or sponsor sees: the digest's numbers, open alerts, pulse and buttons."""
    state, alerts, _themes, footer = digest_sections(
        assemble(session, engagement, now, themes=False)
    )
    pulse = pulse_queries.open_pulse(session, engagement.id)
    if pulse is None:
        now_line = catalogue.HOME_NO_PULSE_OPEN
    else:
        counts = pulse_queries.side_counts(session, pulse.id)
        client, provider = counts["client"], counts["provider"]
        now_line = catalogue.HOME_PULSE_OPEN.format(
            closes=slack_date(pulse.closes_at),
            client_answered=client.answered,
            client_asked=client.asked - client.away,
            provider_answered=provider.answered,
            provider_asked=provider.asked - provider.away,
        )
    value = str(engagement.id)
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


def _pending(session: Session, engagement: Engagement, me: Member) -> list[Block]:
    """The viewer's own open pulse: waiting for them, or what they answered."""
    pulse = pulse_queries.open_pulse(session, engagement.id)
    if pulse is None:
        return []
    delivery = pulse_queries.delivery_for(session, pulse.id, me.team_id, me.user_id)
    if delivery is None:
        return []
    answer = pulse_queries.response_of(session, pulse.id, me.id)
    closes = slack_date(pulse.closes_at)
    if answer is None or answer.rating is None:
        return [_section(catalogue.HOME_PENDING.format(closes=closes))]
    return [_section(catalogue.HOME_ANSWERED.format(rating=answer.rating, closes=closes))]


def _own_answers(session: Session, engagement: Engagement, me: Member) -> list[Block]:
    """The viewer's own last answers; nobody else's are ever read here."""
    lines = [catalogue.HOME_YOUR_ANSWERS]
    for answer in digest_queries.own_answers(session, me.id, OWN_ANSWERS):
        comment = answer.comment or ""
        if len(comment) > COMMENT_SHOWN:
            comment = comment[: COMMENT_SHOWN - 1] + "…"
        lines.append(
            catalogue.HOME_ANSWER_LINE.format(
                day=day_month(answer.closed_at, ZoneInfo(engagement.timezone))
                if answer.closed_at
                else "?",
                rating=answer.rating if answer.rating is not None else "no rating",
                guess=f", guessed {answer.guess} for the other side" if answer.guess else "",
                comment=f" — “{_escape(comment)}”" if comment else "",
            )
        )
    if len(lines) == 1:
        lines.append(catalogue.HOME_NO_ANSWERS)
    return [_section("\n".join(lines))]


def home_view(session: Session, team_id: str, user_id: str, now: datetime) -> dict[str, Any]:
    """The Home tab of one person, validated by ``slack_sdk``."""
    body: list[Block] = [HeaderBlock(text="Rapport")]
    mine = engagement_queries.of_person(session, team_id, user_id)
    for engagement in mine[:MAX_ENGAGEMENTS]:
        me = engagement_queries.member(session, engagement.id, team_id, user_id)
        if me is None:
            continue
        body.append(
            _section(
                catalogue.HOME_ENGAGEMENT.format(
                    name=_escape(engagement.name),
                    client=_escape(engagement.client_org),
                    provider=_escape(engagement.provider_org),
                    role=me.role,
                    side=me.side,
                )
            )
        )
        if me.role in READERS:
            body += _state(session, engagement, now)
        if me.role != "sponsor":
            body += _pending(session, engagement, me) + _own_answers(session, engagement, me)
        body.append(DividerBlock())
    if not mine:
        body.append(_section(catalogue.HOME_NO_ENGAGEMENT))
    elif len(mine) > MAX_ENGAGEMENTS:
        body.append(_section(catalogue.HOME_MORE.format(count=len(mine) - MAX_ENGAGEMENTS)))
    body += [
        ActionsBlock(
            elements=[ButtonElement(text=catalogue.HOME_SETUP_BUTTON, action_id=SETUP_BUTTON)]
        ),
        ContextBlock(elements=[MarkdownTextObject(text=catalogue.HOME_HELP)]),
    ]
    return View(type="home", blocks=body).to_dict()
