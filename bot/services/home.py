"""One person's App Home: read what they may see, in one unit of work, lay it out, publish it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.domain.actions import local_today
from bot.domain.i18n import reading_as
from bot.domain.people import Caller
from bot.services.digest.access import READERS
from bot.services.digest.assemble import assemble
from bot.services.home_state import membership, open_pulse, past_answers
from bot.services.locales import refresh
from bot.services.portfolio_home import portfolio_first
from bot.services.runtime import Runtime
from bot.views import home_view, kit
from bot.views.action_view import own_actions_blocks
from storage import actions as action_queries
from storage import digests as digest_queries
from storage import engagements as engagement_queries
from storage import pulses as pulse_queries
from storage.models import Engagement, Member

MAX_ENGAGEMENTS = 10  # a Home view holds at most 100 blocks
OWN_ANSWERS = 5
WITH_PORTFOLIO = 6  # below a portfolio of up to 20 rows, within the same 100 blocks


def publish(container: Runtime, caller: Caller) -> None:
    """Draw the caller's Home tab afresh and put it in front of them.

    Raises ``MessengerError`` when Slack does not take it.
    """
    container.messenger.publish_home(caller.user_id, home_of(container, caller))


def home(session: Session, team_id: str, user_id: str, now: datetime) -> dict[str, Any]:
    """The Home tab of one person, within Slack's limits (`bot/views/kit.py`)."""
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
        body.append(home_view.engagement_heading(membership(engagement, me)))
        if me.role in READERS:
            body += _state(session, engagement, now)
        body += _own_actions(session, engagement, me, now)
        if me.role != "sponsor":
            body += _pending(session, engagement, me)
            answers = digest_queries.own_answers(session, me.id, OWN_ANSWERS)
            body += home_view.own_answer_blocks(past_answers(answers), engagement.timezone)
        body.append(kit.divider())
    return home_view.home_tab(body, count=len(mine), shown=shown)


def _state(session: Session, engagement: Engagement, now: datetime) -> list[dict[str, Any]]:
    digest = assemble(session, engagement, now, themes=False)
    return home_view.state_blocks(engagement.id, digest, open_pulse(session, engagement.id))


def _own_actions(
    session: Session, engagement: Engagement, me: Member, now: datetime
) -> list[dict[str, Any]]:
    mine = action_queries.open_actions(session, engagement.id, me.user_id)
    return own_actions_blocks(mine, local_today(now, engagement.timezone))


def _pending(session: Session, engagement: Engagement, me: Member) -> list[dict[str, Any]]:
    pulse = pulse_queries.open_pulse(session, engagement.id)
    if (
        pulse is None
        or pulse_queries.delivery_for(session, pulse.id, me.team_id, me.user_id) is None
    ):
        return []
    answer = pulse_queries.response_of(session, pulse.id, me.id)
    rating = None if answer is None else answer.rating
    return home_view.pending_blocks(rating, pulse.closes_at)


def home_of(container: Runtime, caller: Caller) -> dict[str, Any]:
    """The caller's Home tab, drawn from one read of the database."""
    with container.database.reading() as session:
        return home(session, caller.team_id, caller.user_id, container.now())


def publish_on_opening(container: Runtime, caller: Caller) -> None:
    """`publish` for someone opening Home, in their Slack language asked again just now
    (opening Home is when a person's language is refreshed; otherwise it is weekly)."""
    with reading_as(refresh(container, caller)):
        publish(container, caller)
