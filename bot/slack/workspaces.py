"""The installations Rapport acts through, one per workspace (or Grid org), and their tokens.

In single-workspace mode there is one: the bot token from the environment. In
distributed mode each workspace that installed Rapport has its own, read from the
database; a rotating token due for refresh is refreshed under that installation's row
lock, so two processes (or eight requests at once) never spend one refresh token twice.

What a lookup found is kept in the process and used again while the counters it was
found under (storage/installations.py: the installation's own, bumped by a save, a
rotation or an uninstall in the same transaction, and the set's, bumped when one is
added or deleted) are unchanged: one primary-key read instead of the store's reads and
the unsealing of tokens, and a token another process removed or rotated is never used.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.oauth.token_rotation.rotator import TokenRotator
from sqlalchemy import Connection

from bot.slack.client import make_client
from bot.slack.outcomes import outcome_of
from storage.installations import ANY_INSTALLATION, InstallationStore, lock_key, under_lock

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


@dataclass(frozen=True, slots=True)
class _Kept:
    """What one lookup found, and the counters as read before it looked."""

    workspace: Workspace | None
    expires_at: float | None
    counters: Mapping[str, int]
    until: float | None = None
    """When it must be looked up again anyway (it depends on an org's list of workspaces,
    which changes in Slack, not here); None: for as long as the counters hold."""

    @classmethod
    def of(cls, found: Installation | None, counters: Mapping[str, int]) -> _Kept:
        if found is None:
            return cls(None, None, counters)
        expires = found.bot_token_expires_at
        return cls(Workspace.of(found), None if expires is None else float(expires), counters)


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
        # What `find` and `for_team` found, by their arguments.
        self._kept: dict[tuple[object, ...], _Kept] = {}

    def find(
        self, enterprise_id: str | None, team_id: str | None, *, org_wide: bool = False
    ) -> Workspace | None:
        """The workspace's installation with a token good for now, or None."""
        return self._found(enterprise_id, team_id, org_wide).workspace

    def for_team(self, team_id: str) -> Workspace | None:
        """The installation of the workspace a person belongs to (`team_id` from users.info),
        a Grid workspace's own or its org's."""
        key = ("team", team_id)
        kept = self._recall(key) or self._team(team_id)
        self._kept[key] = kept
        return kept.workspace

    def _recall(self, key: tuple[object, ...]) -> _Kept | None:
        """What was found under `key`, if it is still what is stored and its token not due."""
        kept = self._kept.get(key)
        if kept is None or (kept.until is not None and self.clock() >= kept.until):
            return None
        if kept.expires_at is not None and self._expires_soon(kept.expires_at):
            return None
        if self.store.generations(list(kept.counters)) != kept.counters:
            return None
        return kept

    def _found(self, enterprise_id: str | None, team_id: str | None, org_wide: bool) -> _Kept:
        key = ("find", enterprise_id, team_id, org_wide)
        kept = self._recall(key)
        if kept is not None:
            return kept
        team = None if org_wide else team_id
        # A workspace of a Grid org where Rapport was installed org-wide.
        grid = team is not None and enterprise_id is not None
        keys = [ANY_INSTALLATION, lock_key(enterprise_id, team)]
        # Read before the installation, so a change committed after it shows as a new count.
        counters = self.store.generations((*keys, lock_key(enterprise_id, None)) if grid else keys)
        found = self.store.find_installation(
            enterprise_id=enterprise_id, team_id=team, is_enterprise_install=org_wide
        )
        if found is None and grid:
            org = self._found(enterprise_id, None, True)
            kept = _Kept(org.workspace, org.expires_at, counters)
        else:
            if found is not None and self._due(found):
                found = self._rotate(found.enterprise_id, team)[0]
            kept = _Kept.of(found, counters)
        self._kept[key] = kept
        return kept

    def _team(self, team_id: str) -> _Kept:
        counters = self.store.generations((ANY_INSTALLATION,))
        installed = self.store.installed()
        for enterprise_id, installed_team in installed:
            if installed_team == team_id:
                own = self._found(enterprise_id, team_id, False)
                return _Kept(own.workspace, own.expires_at, {**own.counters, **counters})
        # Which workspaces an org serves changes in Slack: looked at again after a while.
        until = self.clock() + ORG_LIST_SPACING
        for enterprise_id, installed_team in installed:
            if installed_team is None and team_id in self._org_teams(enterprise_id, team_id):
                org = self._found(enterprise_id, None, True)
                return _Kept(org.workspace, org.expires_at, {**org.counters, **counters}, until)
        orgs = any(installed_team is None for _, installed_team in installed)
        return _Kept(None, None, counters, until if orgs else None)

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
        return expires is not None and self._expires_soon(expires)

    def _expires_soon(self, expires: float) -> bool:
        return expires <= time.time() + self.refresh_minutes * 60

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
