"""A Slack stand-in that serves several workspaces joined by Slack Connect channels.

Each workspace has its own bot token (issued through `oauth.v2.access`, optionally
expiring with a refresh token), its own people and its own channels; a shared channel
is seen by every workspace it joins, under the same id. What Slack does across the
boundary is modelled: a bot can DM someone of another workspace only while they share
a channel with it (`invalid_user_combination` otherwise), cannot see people it shares
nothing with (`user_not_found`), nor channels it is not in (`channel_not_found`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from tests.support.slack_api import SlackStandIn

APP_ID = "A0RAPPORT"
CLIENT_ID = "1111.2222"
CLIENT_SECRET = "client-secret"


@dataclass
class Team:
    """One workspace: its id, its bot, its people and its own channels."""

    team_id: str
    name: str
    enterprise_id: str | None = None
    people: set[str] = field(default_factory=set)
    channels: dict[str, set[str]] = field(default_factory=dict)

    @property
    def bot_user(self) -> str:
        return "U" + self.team_id[1:] + "BOT"

    @property
    def bot_id(self) -> str:
        return "B" + self.team_id[1:]


class Workspaces(SlackStandIn):
    """Several workspaces behind one Web API: the token says which one is asking."""

    def __init__(self, *teams: Team, expiring: bool = False, lifetime: int = 43200) -> None:
        super().__init__()
        self.teams = {t.team_id: t for t in teams}
        self.shared: dict[str, set[str]] = {}  # channel → its members, from any workspace
        self.expiring = expiring
        self.lifetime = lifetime
        self.tokens: dict[str, str] = {}  # bot token → team (or org) id
        self.revoked: set[str] = set()
        self.refresh_tokens: dict[str, str] = {}  # unspent refresh token → team id
        self.presented: list[str] = []  # every refresh token shown to oauth.v2.access
        self.codes: dict[str, tuple[str, bool]] = {}  # code → (team or org id, org-wide)
        self._serial = itertools.count(1)

    # -- set-up ----------------------------------------------------------------
    def share(self, channel: str, members: set[str]) -> None:
        """A Slack Connect channel (or one workspace's channel) and everyone in it."""
        self.shared[channel] = set(members)

    def code_for(self, team_id: str, *, org_wide: bool = False) -> str:
        """What Slack hands the redirect when someone approves the install."""
        code = f"code-{team_id}-{next(self._serial)}"
        self.codes[code] = (team_id, org_wide)
        return code

    def home_of(self, user: str) -> str | None:
        for team in self.teams.values():
            if user in team.people or user == team.bot_user:
                return team.team_id
        return None

    def token_of(self, team_id: str) -> str:
        """The most recent bot token issued to a workspace."""
        issued = [t for t, team in self.tokens.items() if team == team_id]
        return issued[-1]

    def revoke(self, team_id: str) -> None:
        self.revoked |= {t for t, team in self.tokens.items() if team == team_id}

    def calls_with(self, team_id: str, method: str) -> list[Any]:
        tokens = {t for t, team in self.tokens.items() if team == team_id}
        return [c for c in self.calls_to(method) if c.token in tokens]

    # -- answers ---------------------------------------------------------------
    def _workspace_of(self, token: str | None) -> str:
        return self.tokens.get(token or "", "")

    def _teams_of_token(self, token: str | None) -> tuple[str, ...] | None:
        owner = self.tokens.get(token or "")
        if owner is None or token in self.revoked:
            return None
        if owner in self.teams:
            return (owner,)
        return tuple(t.team_id for t in self.teams.values() if t.enterprise_id == owner)

    def _visible_channel(self, channel: str, teams: tuple[str, ...]) -> bool:
        members = self.shared.get(channel)
        return members is not None and any(
            self.home_of(m) in teams or m in {self.teams[t].bot_user for t in teams}
            for m in members
        )

    def _sees(self, user: str, teams: tuple[str, ...]) -> bool:
        """A bot sees its own people and anyone it shares a channel with."""
        if self.home_of(user) in teams:
            return True
        bots = {self.teams[t].bot_user for t in teams}
        return any(user in m and bots & m for m in self.shared.values())

    def _answer_as(self, method: str, params: dict[str, Any], token: str | None) -> dict[str, Any]:
        if method == "oauth.v2.access":
            return self._oauth(params)
        teams = self._teams_of_token(token)
        if teams is None:
            error = "token_revoked" if token in self.revoked else "invalid_auth"
            return {"ok": False, "error": error}
        if method == "auth.test":
            team = self.teams[teams[0]]
            return {
                "ok": True,
                "team_id": team.team_id,
                "team": team.name,
                "enterprise_id": team.enterprise_id,
                "user_id": team.bot_user,
                "bot_id": team.bot_id,
                "url": f"https://{team.name.lower()}.slack.com/",
            }
        if method == "auth.teams.list":
            listed = [{"id": t, "name": self.teams[t].name} for t in teams]
            return {"ok": True, "teams": listed, "response_metadata": {"next_cursor": ""}}
        user = str(params.get("user") or params.get("users") or "")
        channel = str(params.get("channel") or "")
        if method == "users.info":
            if not self._sees(user, teams):
                return {"ok": False, "error": "user_not_found"}
            self.user_team[user] = self.home_of(user) or teams[0]
        to_person = method == "chat.postMessage" and channel[:1] in ("U", "W", "D")
        if method == "conversations.open" or to_person:
            target = user or ("U" + channel[1:] if channel.startswith("D") else channel)
            if self.home_of(target) not in teams and not self._sees(target, teams):
                return {"ok": False, "error": "invalid_user_combination"}
        elif (
            method in ("chat.postMessage", "conversations.members", "conversations.info")
            and channel[:1] in ("C", "G")
            and not self._visible_channel(channel, teams)
        ):
            return {"ok": False, "error": "channel_not_found"}
        if method == "conversations.members":
            return {"ok": True, "members": sorted(self.shared[channel]), "response_metadata": {}}
        answer = self._answer(method, params)
        if method == "chat.postMessage" and answer.get("ok"):
            answer["message"]["team"] = teams[0]
        return answer

    def _oauth(self, params: dict[str, Any]) -> dict[str, Any]:
        grant = params.get("grant_type") or "authorization_code"
        if grant == "refresh_token":
            presented = str(params.get("refresh_token"))
            self.presented.append(presented)
            owner = self.refresh_tokens.pop(presented, None)
            if owner is None:
                return {"ok": False, "error": "invalid_refresh_token"}
            return self._grant(owner, org_wide=owner not in self.teams, refresh=True)
        found = self.codes.pop(str(params.get("code")), None)
        if found is None:
            return {"ok": False, "error": "invalid_code"}
        return self._grant(found[0], org_wide=found[1], refresh=False)

    def _grant(self, owner: str, *, org_wide: bool, refresh: bool) -> dict[str, Any]:
        serial = next(self._serial)
        prefix = "xoxe.xoxb" if self.expiring else "xoxb"
        token = f"{prefix}-{owner}-{serial}"
        self.tokens[token] = owner
        answer: dict[str, Any] = {"ok": True, "access_token": token, "token_type": "bot"}
        if self.expiring:
            refresh_token = f"xoxe-1-{owner}-{serial}"
            self.refresh_tokens[refresh_token] = owner
            answer |= {"refresh_token": refresh_token, "expires_in": self.lifetime}
        if refresh:
            return answer
        team = self.teams.get(owner) or next(
            t for t in self.teams.values() if t.enterprise_id == owner
        )
        return answer | {
            "app_id": APP_ID,
            "scope": ",".join(sorted(self.scopes)),
            "bot_user_id": team.bot_user,
            "team": None if org_wide else {"id": team.team_id, "name": team.name},
            "enterprise": {"id": team.enterprise_id, "name": "Org"} if team.enterprise_id else None,
            "is_enterprise_install": org_wide,
            "authed_user": {"id": sorted(team.people)[0] if team.people else "U0INSTALLER"},
        }
