"""Actions on alerts: leads add them (a text, an owner from either side, a due date); mark done.

An action never changes its alert: only the figures at a pulse's close resolve it.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from sqlalchemy.orm import Session

from bot.domain import follow_up_text, reply_text
from bot.domain.actions import (
    ActionItem,
    InvalidAction,
    local_today,
    read_due,
    read_owner,
    read_text,
)
from bot.domain.errors import Conflict, NotFound, NotPermitted
from bot.domain.people import Caller
from bot.services.delivery.alert_posts import redraw
from bot.services.delivery.exactly_once import outcome_of
from bot.services.engagements import require_lead
from bot.services.runtime import Runtime
from bot.views.mrkdwn import mention
from storage import actions as queries
from storage import engagements as engagement_queries
from storage.models import Action, Alert, Engagement

logger = logging.getLogger(__name__)


def live_alert_led_by(session: Session, alert_id: int, caller: Caller) -> Alert:
    """The alert, if it is still live and the caller leads its engagement.

    Raises:
        NotFound, NotPermitted, Conflict: the alert is gone, the caller is not one of its
            engagement's leads, or it is resolved.
    """
    alert = session.get(Alert, alert_id)
    if alert is None:
        raise NotFound(reply_text.ALERT_GONE)
    require_lead(session, alert.engagement, caller)
    if alert.status == "resolved":
        raise Conflict(reply_text.ALERT_ALREADY_RESOLVED)
    return alert


def form_date(container: Runtime, alert_id: int, caller: Caller) -> date:
    """Today in the alert's engagement, for the form's default due date.

    Raises:
        NotFound, NotPermitted, Conflict: the alert is gone, the caller is not one of its
            engagement's leads, or it is resolved.
    """
    with container.database.reading() as session:
        alert = live_alert_led_by(session, alert_id, caller)
        return local_today(container.now(), alert.engagement.timezone)


def add_action(
    container: Runtime,
    alert_id: int,
    caller: Caller,
    *,
    text: str | None,
    owner: str | None,
    due: str | None,
) -> int:
    """Add an action to a live alert (leads only), then redraw the alert. Returns its id.

    Raises:
        InvalidAction: a field cannot be accepted; its `field` names the form's block.
        NotFound, NotPermitted, Conflict: as `form_date`.
    """
    now = container.now()
    with container.database.unit_of_work() as session:
        alert = live_alert_led_by(session, alert_id, caller)
        engagement = alert.engagement
        action = queries.add(
            session,
            alert,
            text=read_text(text),
            owner_user_id=_owner_on(session, engagement, read_owner(owner)),
            due_on=read_due(due, local_today(now, engagement.timezone)),
            created_by=caller.user_id,
            now=now,
        )
        added = action.id
    _redraw(container, alert_id)
    return added


def _owner_on(session: Session, engagement: Engagement, user_id: str) -> str:
    """The owner, if they are on either side of the engagement now."""
    member = engagement_queries.member_by_user(session, engagement.id, user_id)
    if member is None or member.status == "removed":
        raise InvalidAction(
            "owner",
            follow_up_text.ACTION_OWNER_NOT_ON.format(
                person=mention(user_id), engagement=engagement.name
            ),
        )
    return user_id


def complete_action(container: Runtime, action_id: int, caller: Caller) -> bool:
    """Mark an action done (its owner or a lead), then redraw its alert; its alert stays as is.

    Returns False when it was already done (a second click or Slack's retry).

    Raises:
        NotFound: the action does not exist.
        NotPermitted: the caller is neither its owner nor a lead of the engagement.
    """
    with container.database.unit_of_work() as session:
        action = session.get(Action, action_id)
        if action is None:
            raise NotFound(follow_up_text.ACTION_GONE)
        engagement = action.alert.engagement
        if caller.user_id != action.owner_user_id or not _is_on(session, engagement, caller):
            try:
                require_lead(session, engagement, caller)
            except NotPermitted:
                raise NotPermitted(
                    follow_up_text.ACTION_DONE_REFUSED.format(engagement=engagement.name)
                ) from None
        done = queries.mark_done(session, action_id, caller.user_id, container.now())
        alert_id = action.alert_id
    _redraw(container, alert_id)
    return done


def _redraw(container: Runtime, alert_id: int) -> None:
    """Show the change in the alert's message; a failed update is logged, the change is kept."""
    try:
        redraw(container.database, container.messenger, alert_id)
    except Exception as error:
        reason = outcome_of(error).reason
        logger.warning("alert %s: not redrawn after an action: %s", alert_id, reason)


def _is_on(session: Session, engagement: Engagement, caller: Caller) -> bool:
    member = engagement_queries.member(session, engagement.id, caller.team_id, caller.user_id)
    return member is not None and member.status != "removed"


def open_actions(session: Session, engagement: Engagement) -> list[ActionItem]:
    """The engagement's actions not yet done, by due date."""
    return queries.open_actions(session, engagement.id)


def today_of(engagement: Engagement, now: datetime) -> date:
    """Today in the engagement's time zone: an action is overdue from the day after its due date."""
    return local_today(now, engagement.timezone)
