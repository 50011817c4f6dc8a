"""The digest and the export on demand, DMed to the lead or sponsor who asked."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.domain import digest_text, reply_text
from bot.domain.outcomes import MessengerError
from bot.domain.people import Caller
from bot.services.delivery.digests import render, send_digest, send_file
from bot.services.digest.access import require_reader
from bot.services.digest.assemble import assemble
from bot.services.engagements import by_id, choose
from bot.services.export import export_rows, to_csv
from bot.services.runtime import Runtime
from storage.engagements import member
from storage.models import Engagement

logger = logging.getLogger(__name__)
Pick = Callable[[Session], Engagement]


@dataclass(frozen=True, slots=True)
class Sent:
    """Whether the DM went, and the sentence that says so (or why not)."""

    ok: bool
    text: str


def by_name(caller: Caller, name: str | None) -> Pick:
    """Pick the engagement as a command does: by `in:`, by channel, or the caller's one."""
    return lambda session: choose(session, caller, name)


def by_button(caller: Caller, engagement_id: int | None) -> Pick:
    """Pick the engagement a Home button names, only for one of its members.

    Membership decides, not the workspace: the other company's lead, working from their
    own workspace, uses the same buttons. To anyone else it does not exist.
    """

    def pick(session: Session) -> Engagement:
        engagement = by_id(session, -1 if engagement_id is None else engagement_id)
        if member(session, engagement.id, caller.team_id, caller.user_id) is None:
            return by_id(session, -1)
        return engagement

    return pick


def send_preview(container: Runtime, caller: Caller, pick: Pick) -> Sent:
    """DM the caller the digest its sponsors get. Raises `NotPermitted` for other people."""
    with container.database.reading() as session:
        engagement = pick(session)
        require_reader(session, engagement, caller)
        digest_input = assemble(session, engagement, container.now())
        name = engagement.name
    try:
        send_digest(container.messenger, caller.user_id, render(digest_input))
    except MessengerError as error:
        logger.warning("digest preview for %s failed: %s", caller.user_id, error.reason)
        text = reply_text.DIGEST_NOT_SENT.format(engagement=name, error=error.reason)
        return Sent(False, text)
    return Sent(True, reply_text.DIGEST_PREVIEW_SENT.format(engagement=name))


def send_export(container: Runtime, caller: Caller, pick: Pick) -> Sent:
    """Upload the per-pulse figures as CSV to the caller's DM (leads and sponsors only)."""
    with container.database.reading() as session:
        engagement = pick(session)
        require_reader(session, engagement, caller)
        rows = export_rows(session, engagement)
        name = engagement.name
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "engagement"
    try:
        send_file(
            container.messenger,
            caller.user_id,
            to_csv(rows),
            f"rapport-{slug}-pulses.csv",
            digest_text.PULSES_FILE_TITLE.format(engagement=name),
        )
    except MessengerError as error:
        logger.warning("export for %s failed: %s", caller.user_id, error.reason)
        text = reply_text.EXPORT_NOT_SENT.format(engagement=name, error=error.reason)
        return Sent(False, text)
    return Sent(True, reply_text.EXPORT_SENT.format(engagement=name, pulses=len(rows)))
