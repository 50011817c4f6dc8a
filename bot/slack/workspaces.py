"""The installations Rapport acts through, one per workspace (or Grid org), and their tokens.

In single-workspace mode there is one: the bot token from the environment. In
distributed mode each workspace that installed Rapport has its own, read from the
database; a rotating token due for refresh is refreshed under that installation's row
lock, so two processes (or eight requests at once) never spend one refresh token twice.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.oauth.token_rotation.rotator import TokenRotator
from sqlalchemy import Connection

from bot.slack.client import make_client
from bot.slack.outcomes import outcome_of
from storage.installations import InstallationStore, lock_key, under_lock

logger = logging.getLogger(__name__)
ORG_LIST_SPACING = 60.0
"""Seconds between two reads of an org's workspaces when one is missing from the list."""
ORG_LIST_KEPT = 3600.0
"""Seconds an org's list of workspaces is used before it is read again anyway."""


@dataclass(frozen=True, slots=True)
class Workspace:
    """One installation's identity and its current bot token."""

    enterprise_id: str | None
    team_id: str | None
    bot_token: str
    bot_user_id: str | None
    bot_id: str | None
    bot_scopes: tuple[str, ...] = ()

    @classmethod
    def of(cls, installation: Installation) -> Workspace | None:
        if not installation.bot_token:
            return None
        scopes = installation.bot_scopes or []
        return cls(
            installation.enterprise_id,
            None if installation.is_enterprise_install else installation.team_id,
            installation.bot_token,
            installation.bot_user_id,
            installation.bot_id,
            tuple(scopes if isinstance(scopes, list) else str(scopes).split(",")),
        )


class Installations:
    """Find a workspace's installation, refreshing its token first when it is due."""

    def __init__(
        self,
        store: InstallationStore,
        rotator_client: WebClient,
        client_id: str,
        client_secret: str,
        refresh_minutes: int = 120,
    ) -> None:
        self.store = store
        # Rotation goes to SLACK_API_URL through Rapport's own client, never to a bare
        # client aimed at slack.com.
        self.rotator = TokenRotator(
            client_id=client_id, client_secret=client_secret, client=rotator_client
        )
        self.refresh_minutes = refresh_minutes
        self.base_url = rotator_client.base_url
        # Org id → (when read, its workspaces): an org's list of workspaces grows when its
        # admin adds one; it is read again when a workspace is not in it (at most once a
        # `ORG_LIST_SPACING`) and every `ORG_LIST_KEPT` in any case.
        self._orgs: dict[str, tuple[float, frozenset[str]]] = {}
        self.clock: Callable[[], float] = time.monotonic
        self.timeout = rotator_client.timeout

    def find(
        self, enterprise_id: str | None, team_id: str | None, *, org_wide: bool = False
    ) -> Workspace | None:
        """The workspace's installation with a token good for now, or None."""
        team = None if org_wide else team_id
        found = self.store.find_installation(
            enterprise_id=enterprise_id, team_id=team, is_enterprise_install=org_wide
        )
        if found is None and team_id is not None and enterprise_id is not None and not org_wide:
            # A workspace of a Grid org where Rapport was installed org-wide.
            return self.find(enterprise_id, None, org_wide=True)
        if found is None:
            return None
        if self._due(found):
            found = self._rotate(found.enterprise_id, None if org_wide else found.team_id)[0]
        return None if found is None else Workspace.of(found)

    def for_team(self, team_id: str) -> Workspace | None:
        """The installation of the workspace a person belongs to (`team_id` from users.info),
        a Grid workspace's own or its org's."""
        installed = self.store.installed()
        for enterprise_id, installed_team in installed:
            if installed_team == team_id:
                return self.find(enterprise_id, team_id)
        for enterprise_id, installed_team in installed:
            if installed_team is None and team_id in self._org_teams(enterprise_id, team_id):
                return self.find(enterprise_id, None, org_wide=True)
        return None

    def _org_teams(self, enterprise_id: str | None, wanted: str) -> frozenset[str]:
        """The workspaces an org-wide installation serves (auth.teams.list, Tier 2)."""
        now = self.clock()
        read_at, known = self._orgs.get(enterprise_id or "", (None, None))
        if read_at is not None and known is not None:
            fresh = now - read_at < ORG_LIST_KEPT
            if (wanted in known and fresh) or now - read_at < ORG_LIST_SPACING:
                return known
        workspace = self.find(enterprise_id, None, org_wide=True)
        if workspace is None:
            return frozenset()
        teams: set[str] = set()
        try:
            for page in self.client(workspace).auth_teams_list(limit=1000):
                teams |= {str(t.get("id")) for t in page.get("teams") or []}
        except Exception as error:
            reason = outcome_of(error).reason
            logger.warning("could not list the workspaces of org %s: %s", enterprise_id, reason)
            return known or frozenset()
        self._orgs[enterprise_id or ""] = (now, frozenset(teams))
        return frozenset(teams)

    def client(self, workspace: Workspace) -> WebClient:
        return make_client(workspace.bot_token, self.base_url, self.timeout or 15)

    def forget(self, enterprise_id: str | None, team_id: str | None) -> None:
        """Delete a workspace's installation: its tokens are never used again."""
        self.store.forget(enterprise_id, team_id)

    def refresh_all(self) -> int:
        """Refresh every installation whose token is due (the clock, before each batch);
        how many this call refreshed (one refreshed meanwhile by another is not counted)."""
        refreshed = 0
        for enterprise_id, team_id in self.store.installed():
            found = self.store.find_installation(
                enterprise_id=enterprise_id, team_id=team_id, is_enterprise_install=team_id is None
            )
            if found is not None and self._due(found):
                try:
                    refreshed += self._rotate(enterprise_id, team_id)[1]
                except Exception:
                    logger.exception(
                        "could not refresh the token of installation %s",
                        lock_key(enterprise_id, team_id),
                    )
        return refreshed

    def _due(self, installation: Installation) -> bool:
        expires = installation.bot_token_expires_at
        return expires is not None and expires <= time.time() + self.refresh_minutes * 60

    def _rotate(
        self, enterprise_id: str | None, team_id: str | None
    ) -> tuple[Installation | None, bool]:
        """Rotate under the installation's lock, reading it again once the lock is held:
        whoever held it before may have rotated already, and then there is nothing to do.
        Returns the installation as it now is, and whether this call refreshed it."""
        store = self.store

        def rotate(connection: Connection) -> tuple[Installation | None, bool]:
            current = store.find_on(connection, enterprise_id, team_id)
            if current is None or not self._due(current):
                return current, False
            rotated = self.rotator.perform_token_rotation(
                installation=current, minutes_before_expiration=self.refresh_minutes
            )
            if rotated is None:
                return current, False
            store.save_on(connection, rotated)
            logger.info("refreshed the token of installation %s", lock_key(enterprise_id, team_id))
            return rotated, True

        return under_lock(store.database, lock_key(enterprise_id, team_id), rotate)
