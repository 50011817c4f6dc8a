"""An engagement every workspace uninstalled: archived at once, deleted `KEPT_FOR` later.

When the last installation that could reach an engagement's people goes (both companies
uninstalled, or the only one that had installed), nobody can use it any more: it is
archived at once (no pulses, alerts or digests, hidden from commands and Home). Thirty
days later the clock deletes it and every row that belongs to it, as `rapport purge`
does. If one of its workspaces installs Rapport again before then, it is restored.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta

from sqlalchemy import select

from bot.services.erasure import purge
from bot.services.runtime import Runtime
from storage.models import Engagement, Member

logger = logging.getLogger(__name__)
KEPT_FOR = timedelta(days=30)


def _teams(engagement: Engagement, members: Iterable[Member]) -> set[str]:
    return {engagement.team_id} | {m.team_id for m in members if m.team_id}


def _reachable(container: Runtime, teams: set[str]) -> bool:
    installations = container.installations
    return installations is not None and any(installations.for_team(t) for t in teams)


def archive_unreachable(container: Runtime, engagement_ids: Iterable[int]) -> list[int]:
    """Archive each engagement no installation can reach any more; returns their ids."""
    now = container.now()
    archived: list[int] = []
    with container.database.unit_of_work() as session:
        for engagement_id in engagement_ids:
            engagement = session.get_one(Engagement, engagement_id)
            members = session.scalars(select(Member).where(Member.engagement_id == engagement_id))
            if engagement.archived_at is not None:
                continue
            if _reachable(container, _teams(engagement, members)):
                continue
            engagement.archived_at = engagement.uninstalled_at = now
            archived.append(engagement_id)
    for engagement_id in archived:
        logger.info("engagement %s archived: every workspace uninstalled Rapport", engagement_id)
    return archived


def settle_uninstalled(container: Runtime) -> int:
    """The clock's step: restore an uninstalled engagement whose workspace came back,
    delete one uninstalled `KEPT_FOR` ago. Returns how many were restored or deleted."""
    if container.installations is None:
        return 0
    now = container.now()
    with container.database.reading() as session:
        waiting = [
            (e.id, e.uninstalled_at, _teams(e, e.members))
            for e in session.scalars(
                select(Engagement).where(Engagement.uninstalled_at.is_not(None))
            )
        ]
    settled = 0
    for engagement_id, since, teams in waiting:
        if _reachable(container, teams):
            with container.database.unit_of_work() as session:
                engagement = session.get_one(Engagement, engagement_id)
                engagement.archived_at = engagement.uninstalled_at = None
            logger.info(
                "engagement %s restored: its workspace installed Rapport again", engagement_id
            )
            settled += 1
        elif since is not None and now - since >= KEPT_FOR:
            purge(container.database, engagement_id)
            logger.info(
                "engagement %s deleted %s days after the last uninstall",
                engagement_id,
                KEPT_FOR.days,
            )
            settled += 1
    return settled
