"""The installation tables: made by Alembic as slack-sdk's stores declare them, with room
for sealed tokens."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from storage.db import Database
from storage.installations import store_tables

SEALED_COLUMNS = {
    "slack_installations": ("bot_token", "bot_refresh_token", "user_token", "user_refresh_token"),
    "slack_bots": ("bot_token", "bot_refresh_token"),
}


def _shape(column_type: Any) -> tuple[object, int | None]:
    """A column type as both backends reflect it: its kind and its length."""
    return column_type._type_affinity, getattr(column_type, "length", None)


def test_migrated_tables_match_the_stores_own_schema(database: Database) -> None:
    inspector = sa.inspect(database.engine)
    tables = store_tables().tables
    assert set(tables) == {"slack_installations", "slack_bots", "slack_oauth_states"}
    for name, table in tables.items():
        reflected = {c["name"]: c for c in inspector.get_columns(name)}
        assert list(reflected) == [c.name for c in table.columns], name
        for column in table.columns:
            found = reflected[column.name]
            expected = _shape(column.type)
            if column.name in SEALED_COLUMNS.get(name, ()):
                expected = (expected[0], 1024)  # widened for sealed tokens (migration 0013)
            assert _shape(found["type"]) == expected, (name, column.name)
            assert bool(found["nullable"]) == bool(column.nullable), (name, column.name)
        indexes = {i["name"]: i["column_names"] for i in inspector.get_indexes(name)}
        assert indexes == {i.name: [c.name for c in i.columns] for i in table.indexes}, name
        assert inspector.get_pk_constraint(name)["constrained_columns"] == ["id"], name


def test_a_long_rotating_token_sealed_at_rest_is_kept_and_read_back(database: Database) -> None:
    """The defect: a rotating token sealed with the key outgrew slack-sdk's 200 characters
    and PostgreSQL refused the install."""
    from cryptography.fernet import Fernet
    from slack_sdk.oauth.installation_store import Installation

    from storage.installations import InstallationStore
    from storage.secrets import TokenCipher

    store = InstallationStore("client-id", database, TokenCipher(Fernet.generate_key().decode()))
    token = "xoxe.xoxb-1-" + "A" * 170
    refresh = "xoxe-1-" + "B" * 170
    store.save(
        Installation(
            app_id="A0APP",
            team_id="T0LONG",
            user_id="U0INSTALLER",
            bot_token=token,
            bot_id="B0BOT",
            bot_user_id="U0BOT",
            bot_refresh_token=refresh,
            bot_token_expires_in=43200,
        )
    )
    found = store.find_installation(enterprise_id=None, team_id="T0LONG")
    assert found is not None and (found.bot_token, found.bot_refresh_token) == (token, refresh)
    with database.engine.connect() as connection:
        stored = connection.execute(
            sa.text("SELECT bot_token FROM slack_installations WHERE team_id = 'T0LONG'")
        ).scalar_one()
    assert token not in stored and len(stored) > 200
