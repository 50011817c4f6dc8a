"""Slack installations in Rapport's database: slack-sdk's stores, tokens sealed at rest, and
the per-installation lock that token rotation runs under in every process."""

from __future__ import annotations

import copy
from collections.abc import Callable
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
from storage.models import InstallationLock
from storage.secrets import TokenCipher

T = TypeVar("T")
STATE_SECONDS = 600
_TOKENS = ("bot_token", "bot_refresh_token", "user_token", "user_refresh_token")


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
        super().save(_sealed(installation, self.cipher))

    def save_bot(self, bot: Bot) -> None:
        super().save_bot(_sealed(bot, self.cipher))

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
        """Store rotated tokens on the locking connection (the store's own save would wait
        for the lock this transaction holds, on SQLite)."""
        sealed = _sealed(installation, self.cipher)
        values = sealed.to_dict() | {"client_id": self.client_id}
        bot = sealed.to_bot().to_dict() | {"client_id": self.client_id}
        for row in (values, bot):
            for key in ("installed_at", "bot_token_expires_at", "user_token_expires_at"):
                if key in row:
                    row[key] = normalize_datetime_for_db(row.get(key))
        self._upsert(connection, self.installations, values)
        self._upsert(connection, self.bots, bot)

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
        self.delete_installation(enterprise_id=enterprise_id, team_id=team_id)
        self.delete_bot(enterprise_id=enterprise_id, team_id=team_id)

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
