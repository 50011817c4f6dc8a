"""Which language each person reads Rapport in: learnt from Slack, kept, refreshed weekly."""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.domain.people import Caller
from bot.services.runtime import Runtime
from storage import locales

logger = logging.getLogger(__name__)
REFRESH_AFTER = timedelta(days=7)
REFRESH_BATCH = 200
"""People asked per clock step (users.info is Tier 4: plenty, but not unbounded)."""


def reader_locale(container: Runtime, caller: Caller) -> str | None:
    """The caller's last known Slack locale (None: English until Rapport learns it)."""
    if not caller.user_id:
        return None
    try:
        with container.database.unit_of_work() as session:
            return locales.locale_of(session, caller.team_id, caller.user_id)
    except Exception:  # the reply still goes out, in English
        logger.exception("could not read the locale of %s", caller.user_id)
        return None


def refresh(container: Runtime, caller: Caller) -> str | None:
    """Ask Slack for the person's locale now and keep it; their current one if Slack is silent."""
    found = container.messenger.person(caller.user_id, caller.team_id).locale
    with container.database.unit_of_work() as session:
        locales.remember(session, caller.team_id, caller.user_id, found, container.now())
        return found or locales.locale_of(session, caller.team_id, caller.user_id)


def refresh_stale(container: Runtime) -> int:
    """The weekly refresh: ask Slack again about people not asked for a week."""
    with container.database.unit_of_work() as session:
        due = locales.due_for_refresh(session, container.now() - REFRESH_AFTER, REFRESH_BATCH)
    for team_id, user_id in due:
        try:
            refresh(container, Caller(team_id=team_id, user_id=user_id))
        except Exception:  # one person's failure leaves the others' refresh untouched
            logger.exception("could not refresh the locale of %s", user_id)
    return len(due)
