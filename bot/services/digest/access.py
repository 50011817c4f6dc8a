"""Who may read an engagement's digest and export: its leads and sponsors."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.domain import reply_text
from bot.domain.errors import NotPermitted
from bot.domain.people import Caller
from storage import engagements as queries
from storage.models import Engagement, Member

READERS = ("lead", "sponsor")


def require_reader(session: Session, engagement: Engagement, caller: Caller) -> Member:
    """The caller's membership if they lead or sponsor the engagement; otherwise a refusal.

    The refusal names the engagement and nothing else of it: no figures, no people.
    """
    found = queries.member(session, engagement.id, caller.team_id, caller.user_id)
    if found is None or found.role not in READERS or found.status == "removed":
        raise NotPermitted(reply_text.DIGEST_READERS_ONLY.format(engagement=engagement.name))
    return found
