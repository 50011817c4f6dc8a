"""What `rapport simulate` shows of alerts: each close's grouped message, and the ladder.

No Slack is involved: a grouped message is "posted" by giving it a stand-in ts, the
simulated client-side lead acknowledges the first finding of each new message a day
after it opens, and the ladder runs between closes as the clock would, its posts marked
sent. The sentences are the ones Slack would get.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from bot.domain.alert_message import PRIORITY
from bot.services.alert_message import load
from bot.services.evaluation import Evaluation
from bot.services.ladder import raise_due
from bot.views.alert_message import message_text
from storage import actions as action_queries
from storage import ladder as ladder_queries
from storage.db import Database
from storage.models import Alert, AlertMessage, LadderPost

ACKNOWLEDGED_AFTER = timedelta(days=1)
ACTION_DUE_IN = timedelta(days=7)
SIMULATED_ACTION = "Joint 30-minute review of the top driver with both leads"
LADDER_STEP = timedelta(hours=12)


@dataclass(slots=True)
class AlertStory:
    """What the run's alerts did, in the order it happened."""

    events: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    opened: dict[str, int] = field(default_factory=dict)
    resolved: dict[str, int] = field(default_factory=dict)
    escalated: set[int] = field(default_factory=set)
    fixed_at_account: int = 0
    reraised: int = 0


def after_close(
    database: Database, evaluation: Evaluation, closed: datetime, week: int, story: AlertStory
) -> None:
    """Record a close: each finding's change with its trend or reason, each message as shown."""
    with database.unit_of_work() as session:
        for change in evaluation.changes:
            alert = session.get_one(Alert, change.alert_id)
            if change.change in ("opened", "resolved"):
                tally = story.opened if change.change == "opened" else story.resolved
                tally[alert.rule] = tally.get(alert.rule, 0) + 1
            if change.change == "resolved":
                fixed = " Fixed at account level." if alert.fixed_at_account else ""
                story.fixed_at_account += alert.fixed_at_account
                story.events.append(
                    f"{closed:%Y-%m-%d} week {week}: {alert.key} resolved: "
                    f"{alert.resolution}.{fixed}"
                )
            elif change.change != "same":
                story.events.append(
                    f"{closed:%Y-%m-%d} week {week}: {alert.key} {change.change}: "
                    f"{alert.sentence} {alert.trend}"
                )
        for message_id in evaluation.message_ids:
            message = session.get_one(AlertMessage, message_id)
            verb = "updated" if message.message_ts else "posted"
            if message.message_ts is None:
                message.message_ts = f"{int(closed.timestamp())}.{message_id:06d}"
            story.messages.append(
                f"--- {closed:%Y-%m-%d} week {week}, message {message_id} {verb}\n"
                + message_text(load(session, message))
            )


def between_closes(
    database: Database, span: tuple[datetime, datetime], lead: str, story: AlertStory
) -> None:
    """Run what happens until the next close: the lead's acknowledgements and the ladder."""
    moment, end = span
    while moment < end:
        moment = min(moment + LADDER_STEP, end)
        _acknowledge_first_findings(database, moment, lead)
        raise_due(database, moment)
        _deliver_offline(database, moment, story)


def _acknowledge_first_findings(database: Database, now: datetime, lead: str) -> None:
    """A day after a message's findings open, the lead acknowledges its most pressing one
    (the one its headline speaks of), unless one of them is acknowledged already."""
    with database.unit_of_work() as session:
        live = session.scalars(
            select(Alert).where(Alert.status != "resolved").order_by(Alert.id)
        ).all()
        by_message: dict[int | None, list[Alert]] = {}
        for alert in live:
            by_message.setdefault(alert.message_id, []).append(alert)
        for alerts in by_message.values():
            if any(a.status == "acknowledged" for a in alerts):
                continue
            due = [a for a in alerts if a.opened_at <= now - ACKNOWLEDGED_AFTER]
            if due:
                first = min(due, key=lambda a: (PRIORITY.index(a.rule), a.id))
                first.status, first.acknowledged_by, first.acknowledged_at = (
                    "acknowledged",
                    lead,
                    now,
                )
                # ...and agrees an action with an owner and a date.
                action_queries.add(
                    session,
                    first,
                    text=SIMULATED_ACTION,
                    owner_user_id=lead,
                    due_on=(now + ACTION_DUE_IN).date(),
                    created_by=lead,
                    now=now,
                )


def _deliver_offline(database: Database, now: datetime, story: AlertStory) -> None:
    with database.unit_of_work() as session:
        for post_id, when in ladder_queries.due(session, now):
            if not ladder_queries.claim(session, post_id, when):
                continue
            post = session.get_one(LadderPost, post_id)
            ts = f"{int(now.timestamp())}.{post_id:06d}"
            ladder_queries.settle(session, post_id, status="sent", ts=ts)
            alert = session.get_one(Alert, post.alert_id)
            if post.kind == "reraise":
                story.reraised += 1
                story.events.append(
                    f"{now:%Y-%m-%d}: {alert.key} re-raised in its thread to the leads: {post.text}"
                )
            elif post.kind == "escalation":
                story.escalated.add(alert.id)
                story.events.append(
                    f"{now:%Y-%m-%d}: {alert.key} escalated to <@{post.recipient}> by DM:\n"
                    f"{post.text}"
                )
