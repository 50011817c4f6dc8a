"""Distributed mode: a workspace leaves (uninstalls or revokes), or an engagement's
shared channel changes; the installations and engagements follow, and the leads are told."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import or_, select

from bot.domain import reply_text
from bot.domain.i18n import reading_as
from bot.domain.outcomes import MessengerError
from bot.services.runtime import Runtime
from bot.services.uninstalled import archive_unreachable
from storage import engagements as queries
from storage.models import Engagement, Member

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Notice:
    """One lead to tell, and what."""

    user_id: str
    text: str


def workspace_left(container: Runtime, enterprise_id: str | None, team_id: str | None) -> int:
    """Stop using a workspace's installation at once and tell the other side's leads.

    Its rows are deleted before anything else, so no request or send that starts after
    this uses its tokens; its people are then reached through another installation
    sharing the channel, where Slack allows. Returns how many leads were told.
    """
    installations = container.installations
    if installations is None or (team_id is None and enterprise_id is None):
        return 0
    installations.forget(enterprise_id, team_id)
    logger.info("installation %s:%s removed: uninstalled or revoked", enterprise_id, team_id)
    team = str(team_id or enterprise_id)
    with container.database.reading() as session:
        touched = session.scalars(
            select(Engagement)
            .where(Engagement.archived_at.is_(None))
            .where(
                or_(
                    Engagement.team_id == team,
                    Engagement.id.in_(select(Member.engagement_id).where(Member.team_id == team)),
                )
            )
        ).all()
        notices = [
            _notice(lead, "WORKSPACE_LEFT", team=team, engagement=e.name)
            for e in touched
            for lead in queries.leads(session, e.id)
            if lead.team_id != team
        ]
        touched_ids = [e.id for e in touched]
    told = _tell(container, notices)
    archive_unreachable(container, touched_ids)
    return told


def channel_renamed(container: Runtime, old: str, new: str) -> int:
    """A channel got a new id (a workspace joined an org, a channel was converted): every
    engagement posting there follows it. Returns how many engagements moved."""
    with container.database.unit_of_work() as session:
        moved = list(queries.in_channel(session, old))
        for engagement in moved:
            engagement.channel_id = new
    if moved:
        logger.info("channel %s is now %s: %d engagement(s) follow", old, new, len(moved))
    return len(moved)


def channel_unshared(container: Runtime, channel: str, event_team: str) -> int:
    """The other company left the alert channel: tell each engagement's leads, once
    (from the home workspace's copy of the event; Slack sends one to each workspace)."""
    with container.database.reading() as session:
        notices = [
            _notice(lead, "CHANNEL_UNSHARED", channel=channel, engagement=e.name)
            for e in queries.in_channel(session, channel)
            if e.team_id == event_team
            for lead in queries.leads(session, e.id)
        ]
    return _tell(container, notices)


def _notice(lead: Member, sentence: str, **values: str) -> Notice:
    """A `reply_text` sentence for one lead, in their language."""
    with reading_as(lead.locale):
        return Notice(lead.user_id, str(getattr(reply_text, sentence)).format(**values))


def _tell(container: Runtime, notices: list[Notice]) -> int:
    """DM each lead; one failure is logged and the others are still told."""
    told = 0
    for notice in notices:
        try:
            container.messenger.post(notice.user_id, notice.text)
            told += 1
        except MessengerError as error:
            logger.warning("could not tell lead %s: %s", notice.user_id, error.reason)
    return told
