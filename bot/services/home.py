"""One person's App Home: read what they may see, in one unit of work, and lay it out."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from slack_sdk.models.blocks import Block, DividerBlock
from sqlalchemy.orm import Session

from bot.domain.actions import local_today
from bot.domain.i18n import reading_as
from bot.domain.people import Caller
from bot.services.container import Container
from bot.services.digest.access import READERS
from bot.services.digest.assemble import assemble
from bot.services.locales import refresh
from bot.services.portfolio_home import portfolio_first
from bot.slack import home_view
from bot.slack.action_view import own_actions_blocks
from storage import actions as action_queries
from storage import digests as digest_queries
from storage import engagements as engagement_queries
from storage import pulses as pulse_queries
from storage.models import Engagement, Member

MAX_ENGAGEMENTS = 10  # a Home view holds at most 100 blocks
OWN_ANSWERS = 5
WITH_PORTFOLIO = 6  # below a portfolio of up to 20 rows, within the same 100 blocks


def home(session: Session, team_id: str, user_id: str, now: datetime) -> dict[str, Any]:
    """The Home tab of one person, validated by ``slack_sdk``."""
    mine = engagement_queries.of_person(session, team_id, user_id)
    body, order = portfolio_first(session, team_id, user_id, now)
    shown = MAX_ENGAGEMENTS if not order else WITH_PORTFOLIO
    if order:  # the engagements below follow the portfolio's order
        place = {engagement_id: number for number, engagement_id in enumerate(order)}
        mine = sorted(mine, key=lambda e: place.get(e.id, len(place)))
    for engagement in mine[:shown]:
        me = engagement_queries.member(session, engagement.id, team_id, user_id)
        if me is None:
            continue
        body.append(home_view.engagement_heading(engagement, me))
        if me.role in READERS:
            body += _state(session, engagement, now)
        body += _own_actions(session, engagement, me, now)
        if me.role != "sponsor":
            body += _pending(session, engagement, me)
            answers = digest_queries.own_answers(session, me.id, OWN_ANSWERS)
            body += home_view.own_answer_blocks(answers, engagement.timezone)
        body.append(DividerBlock())
    return home_view.home_tab(body, count=len(mine), shown=shown)


def _state(session: Session, engagement: Engagement, now: datetime) -> list[Block]:
    digest = assemble(session, engagement, now, themes=False)
    pulse = pulse_queries.open_pulse(session, engagement.id)
    counts = None if pulse is None else pulse_queries.side_counts(session, pulse.id)
    return home_view.state_blocks(
        engagement.id,
        digest,
        None if pulse is None or counts is None else (pulse.closes_at, counts),
    )


def _own_actions(
    session: Session, engagement: Engagement, me: Member, now: datetime
) -> list[Block]:
    mine = action_queries.open_actions(session, engagement.id, me.user_id)
    return own_actions_blocks(mine, local_today(now, engagement.timezone))


def _pending(session: Session, engagement: Engagement, me: Member) -> list[Block]:
    pulse = pulse_queries.open_pulse(session, engagement.id)
    if (
        pulse is None
        or pulse_queries.delivery_for(session, pulse.id, me.team_id, me.user_id) is None
    ):
        return []
    answer = pulse_queries.response_of(session, pulse.id, me.id)
    rating = None if answer is None else answer.rating
    return home_view.pending_blocks(rating, pulse.closes_at)


def home_of(container: Container, caller: Caller) -> dict[str, Any]:
    """The caller's Home tab, drawn from one read of the database."""
    with container.database.reading() as session:
        return home(session, caller.team_id, caller.user_id, container.now())


def home_on_opening(container: Container, caller: Caller) -> dict[str, Any]:
    """The Home tab for someone opening it, in their Slack language asked again just now
    (opening Home is when a person's language is refreshed; otherwise it is weekly)."""
    with reading_as(refresh(container, caller)):
        return home_of(container, caller)
