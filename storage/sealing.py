"""Keys at start and at rotation: check that the key opens what is stored, re-seal it all.

Comments are sealed with the database's `Sealer` (the first key of RAPPORT_SECRET_KEY);
Slack tokens of installed workspaces with the same keys (`TokenCipher`). Both are read
here as raw column text, so a wrong key is found before any reader meets it.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from storage.db import Database
from storage.installations import store_tables
from storage.secrets import KeyMismatch, Sealer, is_sealed

_TOKEN_COLUMNS = ("bot_token", "bot_refresh_token", "user_token", "user_refresh_token")
_STORE_TABLES = ("slack_installations", "slack_bots")
_BATCH = 500


@dataclass(frozen=True, slots=True)
class Resealed:
    """How many stored values a pass sealed with the first key."""

    comments: int = 0
    tokens: int = 0


def _token_columns(table: sa.Table) -> list[sa.Column[str]]:
    return [table.c[name] for name in _TOKEN_COLUMNS if name in table.c]


def _sample(database: Database) -> tuple[str | None, str | None]:
    """One sealed comment and one sealed token, as stored; None where there is none."""
    with database.engine.connect() as connection:
        comment = connection.execute(
            sa.text("SELECT comment FROM responses WHERE comment LIKE 'gAAAAA%' LIMIT 1")
        ).scalar()
        token = None
        tables = store_tables().tables
        for name in _STORE_TABLES:
            for column in _token_columns(tables[name]):
                found = connection.execute(
                    sa.select(column).where(column.like("gAAAAA%")).limit(1)
                ).scalar()
                token = token or found
    return comment, token


def check_keys(database: Database) -> None:
    """Raise `KeyMismatch` (one line) when the key cannot open a stored comment or token."""
    comment, token = _sample(database)
    sealer = database.sealer
    if comment is not None:
        if sealer is None:
            raise KeyMismatch("comments are sealed but RAPPORT_SECRET_KEY is not set")
        sealer.open(comment)
    if token is not None:
        if sealer is None:
            raise KeyMismatch("Slack tokens are sealed but RAPPORT_SECRET_KEY is not set")
        sealer.open(token, "a stored Slack token")


def reseal(database: Database, *, everything: bool) -> Resealed:
    """Seal stored comments and tokens with the first key, in batches, each committed.

    ``everything`` re-seals what older keys sealed too (`rapport rotate-key`); without
    it only plaintext stored before sealing existed is sealed (at every start).
    """
    sealer = database.sealer
    if sealer is None:
        raise KeyMismatch("RAPPORT_SECRET_KEY is not set")
    comments = _reseal_comments(database, sealer, everything=everything)
    tokens = 0
    tables = store_tables().tables
    for name in _STORE_TABLES:
        table = tables[name]
        for column in _token_columns(table):
            tokens += _reseal_column(database, sealer, table, column, everything=everything)
    return Resealed(comments, tokens)


def _reseal_comments(database: Database, sealer: Sealer, *, everything: bool) -> int:
    responses = sa.table("responses", sa.column("id", sa.Integer), sa.column("comment", sa.Text))
    return _reseal_column(database, sealer, responses, responses.c.comment, everything=everything)


def _reseal_column(
    database: Database,
    sealer: Sealer,
    table: sa.TableClause,
    column: sa.ColumnClause[str] | sa.Column[str],
    *,
    everything: bool,
) -> int:
    done, after = 0, 0
    what = "a stored comment" if column.name == "comment" else "a stored Slack token"
    while True:
        with database.unit_of_work() as session:
            stmt = sa.select(table.c.id, column).where(column.is_not(None), table.c.id > after)
            if not everything:  # at every start: only what is still in clear
                stmt = stmt.where(column.not_like("gAAAAA%"))
            rows = session.execute(stmt.order_by(table.c.id).limit(_BATCH)).all()
            for row_id, stored in rows:
                if stored is None or (is_sealed(stored) and not everything):
                    continue
                session.execute(
                    sa.update(table)
                    .where(table.c.id == row_id)
                    .values({column.name: sealer.reseal(stored, what)})
                )
                done += 1
        if len(rows) < _BATCH:
            return done
        after = rows[-1][0]
