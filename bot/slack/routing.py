"""Which installation each Slack call goes through, in distributed mode.

A person is reached through their own workspace's installation when there is one, else
through their engagement's home installation (the workspace that set it up), whose bot
shares the Slack Connect channel with them; an engagement's channel is posted in by its
home installation, so its alerts are posted (and later updated) by one installation
only. Calls about nobody Rapport knows (a lookup before `add`, a modal) go through the
installation the request came through.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse

from bot.slack.workspaces import Installations
from storage import engagements as queries
from storage.db import Database

logger = logging.getLogger(__name__)
NOT_INSTALLED = "not_installed"
# How long this process keeps the workspaces through which a person is reached: a round
# of DMs reads each person's once rather than on every call, and a change of membership
# made by another process is followed within this time.
PERSON_ROUTE_SECONDS = 10.0
# Past this many people kept, those older than the time above are let go.
PEOPLE_KEPT = 10_000


class NotInstalledError(SlackApiError):
    """Nobody's installation can reach the target; read like Slack's own refusal."""

    def __init__(self) -> None:
        response = SlackResponse(
            client=None,
            http_verb="POST",
            api_url="",
            req_args={},
            data={"ok": False, "error": NOT_INSTALLED},
            headers={},
            status_code=200,
        )
        super().__init__("no installation can reach this person or channel", response)  # type: ignore[no-untyped-call]


def _target(args: Mapping[str, Any]) -> str:
    for key in ("channel", "users", "user", "channel_id"):
        value = args.get(key)
        if isinstance(value, str) and value[:1] in ("U", "W", "D", "C", "G"):
            return value
    return ""


class Router:
    """Picks the bot token for a call from whom or where it is addressed to."""

    def __init__(
        self,
        database: Database,
        installations: Installations,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.database = database
        self.installations = installations
        self._clock = clock
        self._people: dict[str, tuple[float, list[str]]] = {}
        self._lock = threading.Lock()

    def token_for(self, args: Mapping[str, Any]) -> tuple[str, str] | None:
        """The workspace and token to use; None when the call concerns nobody Rapport routes.

        Raises:
            NotInstalledError: Rapport knows the target, and no installation reaches it.
        """
        target = _target(args)
        if not target:
            return None
        if target[0] in ("U", "W"):
            teams = self._person(target)
        else:
            with self.database.reading() as session:
                if target[0] == "D":
                    teams = queries.routes_to_dm(session, target)
                else:
                    teams = queries.routes_to_channel(session, target)
        if not teams:
            return None
        for team in teams:
            workspace = self.installations.for_team(team)
            if workspace is not None:
                return team, workspace.bot_token
        raise NotInstalledError

    def _person(self, user_id: str) -> list[str]:
        """The person's workspaces, best first, as read within `PERSON_ROUTE_SECONDS`.
        Someone on no engagement is read again at each call: they may be added at once."""
        now = self._clock()
        with self._lock:
            kept = self._people.get(user_id)
        if kept is not None and now - kept[0] < PERSON_ROUTE_SECONDS:
            return kept[1]
        with self.database.reading() as session:
            teams = queries.routes_to_person(session, user_id)
        if teams:
            with self._lock:
                if len(self._people) >= PEOPLE_KEPT:
                    self._people = {
                        user: entry
                        for user, entry in self._people.items()
                        if now - entry[0] < PERSON_ROUTE_SECONDS
                    }
                self._people[user_id] = (now, teams)
        return teams
