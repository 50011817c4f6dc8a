"""Look people up in Slack before they are added, so unknown users get a clear answer."""

from __future__ import annotations

import logging

from slack_sdk import WebClient

from bot.domain.people import Person
from bot.slack.outcomes import outcome_of

logger = logging.getLogger(__name__)


def lookup(client: WebClient, user_id: str, default_team: str) -> Person:
    try:
        user = client.users_info(user=user_id, include_locale=True)["user"]
    except Exception as error:
        outcome = outcome_of(error)
        if outcome.reason in ("user_not_found", "users_not_found"):
            return Person(user_id=user_id, team_id=default_team, exists=False)
        logger.warning("could not look up %s: %s", user_id, outcome.reason)
        return Person(user_id, default_team, exists=False, unknown_because=outcome.reason)
    return Person(
        user_id=user_id,
        team_id=str(user.get("team_id") or default_team),
        is_bot=bool(user.get("is_bot")) and user_id != "USLACKBOT",
        deleted=bool(user.get("deleted")),
        tz=user.get("tz"),
        locale=str(user["locale"]) if user.get("locale") else None,
    )
