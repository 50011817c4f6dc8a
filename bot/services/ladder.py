"""The escalation ladder at each clock tick: re-raise, escalate, each rung claimed once.

The claim (a conditional update of the alert) and the posts it queues (one per
recipient, unique) are one transaction, so two clocks, a crash or a retry never raise
the same rung twice; `bot/services/delivery/ladder_posts.py` then sends each queued post once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.domain import alert_text as text
from bot.domain.actions import ActionItem, local_today
from bot.domain.alert_message import side_title
from bot.domain.i18n import ngettext, reading_as
from bot.domain.ladder import Ladder, Rung, escalation_due, reraise_due
from bot.services.alert_sections import drivers_section, extra_sections
from bot.views.action_view import finding_actions_text
from bot.views.mrkdwn import mention, slack_date
from storage import actions as action_queries
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
    return side_title(alert.rule, alert.side)


def _reraise(database: Database, alert_id: int, thread_ts: str, now: datetime) -> int:
    with database.unit_of_work() as session:
        if not queries.claim_reraise(session, alert_id, now):
            return 0
        alert = session.get_one(Alert, alert_id)
        leads = [m.user_id for m in engagement_queries.leads(session, alert.engagement_id)]
        with reading_as(session.get_one(Engagement, alert.engagement_id).language):
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
        languages = {
            m.user_id: m.locale for m in sponsor_queries.active_sponsors(session, engagement_id)
        }
        sponsors = list(languages)
        # With no sponsor to tell, nothing is recorded as escalated: it climbs once one is
        # added, and one resolved before that is fixed at account level.
        if not sponsors or not queries.claim_escalation(session, alert_id, now):
            return 0
        alert = session.get_one(Alert, alert_id)
        for sponsor in sponsors:  # each in their own language
            with reading_as(languages[sponsor]):
                said = escalation_text(session, alert, now, ladder)
            queries.queue(session, alert_id, "escalation", [sponsor], said)
    logger.info("alert %s: escalated to sponsors: %d", alert_id, len(sponsors))
    return 1


def _owner(alert: Alert, items: Sequence[ActionItem]) -> str:
    """Who owns the finding: its assigned owner; else, when nobody is assigned, who owns
    its actions not yet done (the same people the DM's actions name); else nobody yet."""
    if alert.owner_user_id:
        return mention(alert.owner_user_id)
    owners = list(dict.fromkeys(item.owner_user_id for item in items if not item.done))
    if owners:
        actions = sum(1 for item in items if not item.done)
        template = ngettext(*text.ESCALATION_OWNER_BY_ACTION, actions)
        return template.format(owners=", ".join(map(mention, owners)))
    return text.ESCALATION_NO_OWNER


def escalation_text(session: Session, alert: Alert, now: datetime, ladder: Ladder) -> str:
    """The sponsors' DM: the finding, its history per pulse, its owner, the drivers of its
    message (`bot/services/alert_sections.py`), this finding's own actions, what is asked."""
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
    message = session.get(AlertMessage, alert.message_id) if alert.message_id else None
    sections = extra_sections(session, message, [drivers_section]) if message else []
    extras = [e.text for e in sections if e.text]
    items = action_queries.of_alert(session, alert)
    today = local_today(now, alert.engagement.timezone)
    extras.append(finding_actions_text(items, today) or text.ESCALATION_NO_ACTIONS)
    return text.ESCALATION_DM.format(
        extras="".join(f"\n{line}" for line in extras),
        title=_title(alert),
        engagement=alert.engagement.name,
        why=why,
        sentence=alert.sentence,
        history="\n".join(history),
        owner=_owner(alert, items),
        ask=text.ESCALATION_ASK,
    )
