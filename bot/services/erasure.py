"""Taking data back: forget a person, delete old comments, archive and purge an engagement."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy.orm import Session

from bot.domain import reply_text
from bot.domain.errors import Conflict, NotFound
from bot.domain.i18n import counted
from bot.domain.outcomes import MessengerError
from bot.domain.people import Caller
from bot.services.engagements import choose, require_lead
from bot.services.runtime import Runtime
from bot.views.mrkdwn import mention
from storage import engagements as engagement_queries
from storage import erasure as queries
from storage import pulses as pulse_queries
from storage.db import Database
from storage.models import Base, Member

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class Forgotten:
    """What forgetting erased: engagements left, comments deleted, answers detached."""

    engagements: list[str] = field(default_factory=list)
    comments: int = 0
    answers: int = 0
    open_dms: list[tuple[str, str]] = field(default_factory=list)

    def summary(self, who: str) -> str:
        """The reply: exactly what was erased and what stays."""
        if not self.engagements:
            return reply_text.FORGET_NOTHING.format(person=who)
        names = ", ".join(f"*{n}*" for n in self.engagements)
        return reply_text.FORGOTTEN.format(
            person=who,
            engagements=names,
            comments=counted(reply_text.FORGOTTEN_COMMENTS, self.comments),
            answers=counted(reply_text.FORGOTTEN_ANSWERS, self.answers),
        )


def _forget(session: Session, members: list[Member], *, keep_last_lead: bool) -> Forgotten:
    done = Forgotten()
    for member in members:
        engagement = member.engagement
        leads = engagement_queries.leads(session, engagement.id)
        if keep_last_lead and member.role == "lead" and [m.id for m in leads] == [member.id]:
            raise Conflict(reply_text.FORGET_LAST_LEAD.format(engagement=engagement.name))
        done.open_dms += queries.open_dms(session, member.id)
        comments, answers = queries.forget_member(session, member)
        done.engagements.append(engagement.name)
        done.comments += comments
        done.answers += answers
    return done


def _finish(container: Runtime, done: Forgotten) -> None:
    """Clear erased text out of the files; tell any open pulse DM it no longer counts."""
    container.database.scrub(queries.FORGET_TABLES)
    for channel, ts in done.open_dms:
        try:
            container.messenger.update(channel, ts, reply_text.FORGOTTEN_DM)
        except MessengerError as error:
            logger.warning("could not update a forgotten pulse DM (%s)", error.reason)


def forget_by_lead(
    container: Runtime, caller: Caller, engagement_name: str | None, user_id: str
) -> str:
    """`/rapport forget @ana`: a lead erases someone on their engagement."""
    with container.database.unit_of_work() as session:
        engagement = choose(session, caller, engagement_name)
        require_lead(session, engagement, caller)
        member = engagement_queries.member_by_user(session, engagement.id, user_id)
        if member is None:
            raise NotFound(
                reply_text.NOT_ON_ENGAGEMENT.format(
                    person=mention(user_id), engagement=engagement.name
                )
            )
        done = _forget(session, [member], keep_last_lead=True)
    _finish(container, done)
    return done.summary(mention(user_id))


def forget_me(container: Runtime, caller: Caller) -> str:
    """ "Forget me" in App Home: the caller erases themselves from every engagement."""
    with container.database.unit_of_work() as session:
        members = list(queries.memberships(session, caller.team_id, caller.user_id))
        done = _forget(session, members, keep_last_lead=True)
    _finish(container, done)
    return done.summary(reply_text.FORGET_YOU)


def forget_everywhere(container: Runtime, team_id: str, user_id: str) -> str:
    """`rapport forget --team T --user U`: an operator's erasure, last lead or not."""
    with container.database.unit_of_work() as session:
        members = list(queries.memberships(session, team_id, user_id))
        done = _forget(session, members, keep_last_lead=False)
    _finish(container, done)
    return done.summary(user_id)


def delete_expired_comments(container: Runtime) -> int:
    """The clock: delete comments older than each engagement's retention."""
    now = container.now()
    deleted = 0
    with container.database.unit_of_work() as session:
        for engagement in engagement_queries.active(session):
            before = now - timedelta(days=engagement.retention_days)
            deleted += queries.delete_old_comments(session, engagement, before)
    if deleted:
        container.database.scrub(queries.RETENTION_TABLES)
        logger.info("retention: deleted %s comments past their engagement's retention", deleted)
    return deleted


def archive(container: Runtime, caller: Caller, engagement_name: str | None) -> str:
    """`/rapport archive`: no more pulses, alerts or digests; hidden from commands and Home."""
    with container.database.unit_of_work() as session:
        engagement = choose(session, caller, engagement_name)
        require_lead(session, engagement, caller)
        if pulse_queries.open_pulse(session, engagement.id) is not None:
            raise Conflict(reply_text.ARCHIVE_PULSE_OPEN.format(engagement=engagement.name))
        engagement.archived_at = container.now()
        return reply_text.ARCHIVED.format(engagement=engagement.name)


def purge(database: Database, engagement_id: int) -> bool:
    """`rapport purge`: delete an engagement and every row that belongs to it."""
    with database.unit_of_work() as session:
        gone = queries.delete_engagement(session, engagement_id)
    database.scrub([table.name for table in Base.metadata.sorted_tables])
    return gone
