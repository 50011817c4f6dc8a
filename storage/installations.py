"""Slack installations in Rapport's database: slack-sdk's stores, tokens sealed at rest, the
per-installation lock that token rotation runs under in every process, and the counter of
changes per installation that a process keeping installations in memory checks."""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import sqlalchemy as sa
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.sqlalchemy_utils import normalize_datetime_for_db
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Connection
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from storage.db import READ_ONLY, Database
from storage.models import InstallationGeneration, InstallationLock
from storage.secrets import TokenCipher

T = TypeVar("T")
STATE_SECONDS = 600
_TOKENS = ("bot_token", "bot_refresh_token", "user_token", "user_refresh_token")
ANY_INSTALLATION = "*"
"""The counter of the set of installations: bumped when one is added or deleted (not when
its tokens rotate), so a process knows a workspace it found no installation for, or
served through another, may now have its own."""


def store_tables() -> sa.MetaData:
    """The tables slack-sdk's stores read and write, exactly as the stores declare them."""
    metadata = sa.MetaData()
    SQLAlchemyInstallationStore.build_installations_table(metadata, "slack_installations")
    SQLAlchemyInstallationStore.build_bots_table(metadata, "slack_bots")
    SQLAlchemyOAuthStateStore.build_oauth_states_table(metadata, "slack_oauth_states")
    return metadata


def _sealed(item: T, cipher: TokenCipher) -> T:
    sealed = copy.copy(item)
    for name in _TOKENS:
        if hasattr(sealed, name):
            setattr(sealed, name, cipher.seal(getattr(sealed, name)))
    return sealed


def _opened(item: T | None, cipher: TokenCipher) -> T | None:
    if item is not None:
        for name in _TOKENS:
            if hasattr(item, name):
                setattr(item, name, cipher.open(getattr(item, name)))
    return item


class InstallationStore(SQLAlchemyInstallationStore):
    """slack-sdk's SQLAlchemy store on Rapport's database, with tokens sealed by `cipher`.

    Its connections begin as readers: on SQLite a writer takes the write lock when it
    begins, and a lookup made while token rotation holds that lock must not wait for it.
    """

    def __init__(self, client_id: str, database: Database, cipher: TokenCipher) -> None:
        super().__init__(client_id, database.engine.execution_options(**{READ_ONLY: True}))
        self.database = database
        self.cipher = cipher

    def save(self, installation: Installation) -> None:
        """An installation (Bolt's OAuth flow): it, its bot and the counters in one transaction."""
        with self.database.unit_of_work() as session:
            connection = session.connection()
            self.save_on(connection, installation)
            bump(connection, ANY_INSTALLATION)

    def save_bot(self, bot: Bot) -> None:
        team = None if bot.is_enterprise_install else bot.team_id
        with self.database.unit_of_work() as session:
            connection = session.connection()
            self._upsert(connection, self.bots, _row(_sealed(bot, self.cipher), self.client_id))
            bump(connection, lock_key(bot.enterprise_id, team), ANY_INSTALLATION)

    def find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        found = super().find_bot(
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=is_enterprise_install,
        )
        return _opened(found, self.cipher)

    def find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        found = super().find_installation(
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
            is_enterprise_install=is_enterprise_install,
        )
        return _opened(found, self.cipher)

    def find_on(
        self, connection: Connection, enterprise_id: str | None, team_id: str | None
    ) -> Installation | None:
        """The latest installation, read on the connection that holds the rotation lock."""
        c = self.installations.c
        row = (
            connection.execute(
                self.installations.select()
                .where(
                    c.client_id == self.client_id,
                    c.enterprise_id == enterprise_id,
                    c.team_id == team_id,
                )
                .order_by(sa.desc(c.installed_at))
                .limit(1)
            )
            .mappings()
            .first()
        )
        return None if row is None else _opened(self.build_installation_entity(row), self.cipher)

    def save_on(self, connection: Connection, installation: Installation) -> None:
        """Store an installation (rotated tokens: on the connection holding the rotation lock,
        since the store's own save would wait for it on SQLite), bumping its counter."""
        sealed = _sealed(installation, self.cipher)
        self._upsert(connection, self.installations, _row(sealed, self.client_id))
        self._upsert(connection, self.bots, _row(sealed.to_bot(), self.client_id))
        bump(connection, lock_key(installation.enterprise_id, _team_of(installation)))

    def _upsert(self, connection: Connection, table: sa.Table, row: dict[str, Any]) -> None:
        c = table.c
        found = connection.execute(
            sa.select(c.id)
            .where(
                c.client_id == self.client_id,
                c.enterprise_id == row.get("enterprise_id"),
                c.team_id == row.get("team_id"),
                c.installed_at == row.get("installed_at"),
            )
            .limit(1)
        ).scalar()
        if found is None:
            connection.execute(table.insert(), row)
        else:
            connection.execute(table.update().where(c.id == found).values(**row))

    def forget(self, enterprise_id: str | None, team_id: str | None) -> None:
        """Delete every installation and bot of a workspace (or org): uninstalled or revoked."""
        self._delete((self.installations, self.bots), enterprise_id, team_id)

    def delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        self._delete((self.installations,), enterprise_id, team_id, user_id)

    def delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        self._delete((self.bots,), enterprise_id, team_id)

    def _delete(
        self,
        tables: tuple[sa.Table, ...],
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
    ) -> None:
        """Delete the rows and bump the counters in one transaction: once it commits, no
        process uses what it kept of them."""
        with self.database.unit_of_work() as session:
            connection = session.connection()
            for table in tables:
                c = table.c
                deletion = table.delete().where(
                    c.client_id == self.client_id,
                    c.enterprise_id == enterprise_id,
                    c.team_id == team_id,
                )
                if user_id is not None:
                    deletion = deletion.where(c.user_id == user_id)
                connection.execute(deletion)
            bump(connection, lock_key(enterprise_id, team_id), ANY_INSTALLATION)

    def generations(self, keys: Sequence[str]) -> dict[str, int]:
        """The counters of these keys (`lock_key`s or `ANY_INSTALLATION`), read by their
        primary key in one statement; a key never bumped counts 0."""
        counter = InstallationGeneration
        with self.engine.connect() as connection:
            rows = connection.execute(
                sa.select(counter.key, counter.generation).where(counter.key.in_(keys))
            ).all()
        return {key: 0 for key in keys} | {str(row[0]): int(row[1]) for row in rows}

    def installed(self) -> list[tuple[str | None, str | None]]:
        """(enterprise id, team id) of every installation with a bot; team None: org-wide."""
        c = self.bots.c
        with self.engine.connect() as connection:
            rows = connection.execute(
                sa.select(c.enterprise_id, c.team_id)
                .where(c.client_id == self.client_id, c.bot_token.is_not(None))
                .distinct()
            ).all()
        return [(row[0], row[1]) for row in rows]

    def count(self) -> int:
        with self.engine.connect() as connection:
            return int(
                connection.execute(sa.select(sa.func.count()).select_from(self.bots)).scalar() or 0
            )


def state_store(database: Database) -> SQLAlchemyOAuthStateStore:
    """slack-sdk's OAuth state store on Rapport's database (the table comes from Alembic)."""
    return SQLAlchemyOAuthStateStore(STATE_SECONDS, database.engine)


def lock_key(enterprise_id: str | None, team_id: str | None) -> str:
    return f"{enterprise_id or '-'}:{team_id or '-'}"


def bump(connection: Connection, *keys: str) -> None:
    """Count a change of these installations (`lock_key`s, or `ANY_INSTALLATION` when one
    is added or deleted) on the connection that makes it, so in its transaction."""
    counter = InstallationGeneration
    insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
    for key in keys:
        connection.execute(
            insert(counter)
            .values(key=key, generation=1)
            .on_conflict_do_update(
                index_elements=["key"], set_={"generation": counter.generation + 1}
            )
        )


def _team_of(installation: Installation) -> str | None:
    return None if installation.is_enterprise_install else installation.team_id


def _row(item: Installation | Bot, client_id: str) -> dict[str, Any]:
    row = item.to_dict() | {"client_id": client_id}
    for key in ("installed_at", "bot_token_expires_at", "user_token_expires_at"):
        if key in row:
            row[key] = normalize_datetime_for_db(row.get(key))
    return row


def under_lock(database: Database, key: str, work: Callable[[Connection], T]) -> T:
    """Run `work` holding the installation's row lock until its transaction commits.

    PostgreSQL: `SELECT … FOR UPDATE` on the installation's row, which waits for any
    other process holding it. SQLite: the transaction begins IMMEDIATE, so writers
    queue one at a time whatever the process.
    """
    with database.unit_of_work() as session:
        connection = session.connection()
        insert = pg_insert if database.is_postgres else sqlite_insert
        connection.execute(
            insert(InstallationLock).values(key=key).on_conflict_do_nothing(index_elements=["key"])
        )
        connection.execute(
            sa.select(InstallationLock.key).where(InstallationLock.key == key).with_for_update()
        )
        return work(connection)
