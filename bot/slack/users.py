"""Look people up in Slack before they are added, so unknown users get a clear answer."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.domain.people import Person
from bot.slack.outcomes import outcome_of

logger = logging.getLogger(__name__)
MAX_MEMBER_PAGES = 100


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


def lookup_all(client: WebClient, user_ids: Sequence[str], default_team: str) -> list[Person]:
    return [lookup(client, user_id, default_team) for user_id in user_ids]


def profile_of(client: WebClient, user_id: str, default_team: str) -> Person:
    """What Slack says about the person (time zone and locale unknown if it will not say)."""
    try:
        return lookup(client, user_id, default_team)
    except Exception:  # any failure: both are defaults people can change later
        logger.warning("could not read the profile of %s", user_id)
        return Person(user_id, default_team)


def locale_of(client: WebClient, user_id: str, default_team: str) -> str | None:
    """The person's Slack locale ("de-DE"), or None if Slack will not say just now."""
    try:
        return lookup(client, user_id, default_team).locale
    except Exception:  # any failure: the language stays as it was until the next refresh
        logger.warning("could not read the locale of %s", user_id)
        return None


class ChannelUnseenError(Exception):
    """Slack would not list a channel's members; the message is Slack's reason."""


def is_in_channel(client: WebClient, channel: str, user_id: str) -> bool:
    """Whether the person is a member of the channel, page by page.

    Raises:
        ChannelUnseenError: Slack did not say (a private channel Rapport is not in, an outage).
    """
    cursor = ""
    for _ in range(MAX_MEMBER_PAGES):
        try:
            page = client.conversations_members(channel=channel, cursor=cursor, limit=1000)
        except SlackApiError as error:
            raise ChannelUnseenError(str(error.response.get("error") or "error")) from None
        except Exception as error:
            raise ChannelUnseenError(type(error).__name__) from None
        if user_id in (page.get("members") or []):
            return True
        cursor = str((page.get("response_metadata") or {}).get("next_cursor") or "")
        if not cursor:
            return False
    raise ChannelUnseenError("too_many_members")
