"""The installation tables: made by Alembic, exactly as slack-sdk's stores declare them."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from storage.db import Database
from storage.installations import store_tables


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
            assert _shape(found["type"]) == _shape(column.type), (name, column.name)
            assert bool(found["nullable"]) == bool(column.nullable), (name, column.name)
        indexes = {i["name"]: i["column_names"] for i in inspector.get_indexes(name)}
        assert indexes == {i.name: [c.name for c in i.columns] for i in table.indexes}, name
        assert inspector.get_pk_constraint(name)["constrained_columns"] == ["id"], name
