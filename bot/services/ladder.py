"""The escalation ladder at each clock tick: re-raise, escalate, each rung claimed once.

The claim (a conditional update of the alert) and the posts it queues (one per
recipient, unique) are one transaction, so two clocks, a crash or a retry never raise
the same rung twice; `bot/slack/ladder_sender.py` then sends each queued post once.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.domain import catalogue
from bot.domain import catalogue_alerts as text
from bot.domain.ladder import Ladder, Rung, escalation_due, reraise_due
from bot.slack.alert_extras import extra_sections
from bot.slack.format import slack_date
from storage import alert_messages as message_queries
from storage import digests as sponsor_queries
from storage import engagements as engagement_queries
from storage import ladder as queries
from storage.db import Database
from storage.models import Alert, AlertMessage, Engagement

logger = logging.getLogger(__name__)


def ladder_of(engagement: Engagement) -> Ladder:
    """An engagement's ladder settings."""
    return Ladder(
        ack_within=timedelta(minutes=engagement.ack_within_minutes),
        escalate_after=timedelta(minutes=engagement.escalate_after_minutes),
        escalate_pulses=engagement.escalate_pulses,
    )


def raise_due(database: Database, now: datetime) -> int:
    """Claim every rung that is due and queue its posts; returns how many were claimed."""
    with database.reading() as session:
        found = [
            (alert.id, ladder_of(engagement), _rung(alert), ts)
            for alert, engagement, ts in queries.candidates(session)
        ]
    claimed = 0
    for alert_id, ladder, rung, ts in found:
        try:
            if ts is not None and reraise_due(rung, ladder, now):
                claimed += _reraise(database, alert_id, ts, now)
            if escalation_due(rung, ladder, now):
                claimed += _escalate(database, alert_id, now, ladder)
        except Exception:
            logger.exception("alert %s: ladder step failed; tried again next tick", alert_id)
    return claimed


def _rung(alert: Alert) -> Rung:
    return Rung(
        opened_at=alert.opened_at,
        acknowledged=alert.status == "acknowledged",
        reraised=alert.reraised_at is not None,
        escalated=alert.escalated_at is not None,
        pulses_without_improving=alert.pulses_without_improving,
    )


def _title(alert: Alert) -> str:
    return catalogue.ALERT_TITLES.get(alert.rule, alert.rule)


def _reraise(database: Database, alert_id: int, thread_ts: str, now: datetime) -> int:
    with database.unit_of_work() as session:
        if not queries.claim_reraise(session, alert_id, now):
            return 0
        alert = session.get_one(Alert, alert_id)
        leads = [m.user_id for m in engagement_queries.leads(session, alert.engagement_id)]
        said = text.RERAISE_THREAD.format(
            leads=" ".join(f"<@{lead}>" for lead in leads),
            title=_title(alert),
            opened=slack_date(alert.opened_at),
            sentence=alert.sentence,
        )
        queries.queue(session, alert_id, "reraise", [alert.channel_id], said, thread_ts=thread_ts)
    logger.info("alert %s: re-raised to the leads", alert_id)
    return 1


def _escalate(database: Database, alert_id: int, now: datetime, ladder: Ladder) -> int:
    with database.unit_of_work() as session:
        engagement_id = session.get_one(Alert, alert_id).engagement_id
        sponsors = [m.user_id for m in sponsor_queries.active_sponsors(session, engagement_id)]
        # With no sponsor to tell, nothing is recorded as escalated: it climbs once one is
        # added, and one resolved before that is fixed at account level.
        if not sponsors or not queries.claim_escalation(session, alert_id, now):
            return 0
        alert = session.get_one(Alert, alert_id)
        said = escalation_text(session, alert, now, ladder)
        queries.queue(session, alert_id, "escalation", sponsors, said)
    logger.info("alert %s: escalated to %d sponsor(s)", alert_id, len(sponsors))
    return 1


def escalation_text(session: Session, alert: Alert, now: datetime, ladder: Ladder) -> str:
    """The sponsors' DM: the finding, its history per pulse, its owner, the extra sections
    of its message (`bot/slack/alert_extras.py`: drivers, actions), what is asked."""
    steps = message_queries.steps_of(session, alert.id)
    history = [text.ESCALATION_OPENED.format(when=slack_date(alert.opened_at))]
    history += [
        text.ESCALATION_STEP.format(when=slack_date(step.at), trend=step.trend)
        for step in steps
        if step.change != "opened"
    ]
    if alert.pulses_without_improving >= ladder.escalate_pulses:
        why = text.ESCALATION_WHY_PULSES.format(pulses=alert.pulses_without_improving)
    else:
        why = text.ESCALATION_WHY_TIME.format(days=(now - alert.opened_at).days)
    owner = f"<@{alert.owner_user_id}>" if alert.owner_user_id else text.ESCALATION_NO_OWNER
    message = session.get(AlertMessage, alert.message_id) if alert.message_id else None
    extras = [e.text for e in extra_sections(session, message) if e.text] if message else []
    return text.ESCALATION_DM.format(
        extras="".join(f"\n{line}" for line in extras),
        title=_title(alert),
        engagement=alert.engagement.name,
        why=why,
        sentence=alert.sentence,
        history="\n".join(history),
        owner=owner,
        ask=text.ESCALATION_ASK,
    )
