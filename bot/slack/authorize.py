"""Authorise a request from any workspace: the clicker's own installation, or else the one
that sent the message they clicked (a person in a Slack Connect channel whose company has
not installed Rapport still answers the pulse Rapport sent them; bolt-python #767)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, BoltRequest, BoltResponse
from slack_bolt.authorization.authorize import Authorize
from slack_bolt.authorization.authorize_result import AuthorizeResult

from bot.slack.workspaces import Installations, Workspace

logger = logging.getLogger(__name__)
SENDERS = "rapport_sender_teams"


def sender_teams(body: dict[str, Any]) -> list[str]:
    """The workspaces whose installation produced what this request is about, best first:
    the team that posted the clicked message, the team whose app opened the form, the
    installations Slack names for an event."""
    found: list[str] = []
    message = body.get("message")
    if isinstance(message, dict):
        found.append(str(message.get("team") or ""))
    view = body.get("view")
    if isinstance(view, dict):
        found += [str(view.get("app_installed_team_id") or ""), str(view.get("team_id") or "")]
    for item in body.get("authorizations") or []:
        if isinstance(item, dict):
            found.append(str(item.get("team_id") or ""))
    return [team for team in dict.fromkeys(found) if team]


def remember_senders(req: BoltRequest, next: Callable[[], BoltResponse]) -> BoltResponse:
    """Before authorising: note which installations sent what the request is about."""
    req.context[SENDERS] = sender_teams(req.body)
    return next()


class FallbackAuthorize(Authorize):
    """The requester's installation; failing that, the installation that sent the message."""

    def __init__(self, installations: Installations) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.installations = installations

    def __call__(
        self,
        *,
        context: BoltContext,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None,
        actor_enterprise_id: str | None = None,
        actor_team_id: str | None = None,
        actor_user_id: str | None = None,
    ) -> AuthorizeResult | None:
        org_wide = bool(context.is_enterprise_install)
        try:
            found = self.installations.find(enterprise_id, team_id, org_wide=org_wide)
            for team in context.get(SENDERS) or []:
                if found is not None:
                    break
                found = self.installations.for_team(team)
        except Exception:
            # A refresh Slack refused, the database away: this request is not authorised,
            # and Bolt answers it as such rather than with a traceback.
            logger.exception("authorising a request from team %s failed", team_id)
            return None
        if found is None:
            logger.info("no installation for team %s (enterprise %s)", team_id, enterprise_id)
            return None
        return _result(found, user_id)


def _result(workspace: Workspace, user_id: str | None) -> AuthorizeResult:
    return AuthorizeResult(
        enterprise_id=workspace.enterprise_id,
        team_id=workspace.team_id,
        bot_token=workspace.bot_token,
        bot_id=workspace.bot_id,
        bot_user_id=workspace.bot_user_id,
        bot_scopes=list(workspace.bot_scopes),
        user_id=user_id,
    )
