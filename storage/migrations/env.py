"""Alembic environment: runs on the connection `storage.migrate` hands over."""

from __future__ import annotations

from alembic import context

from storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    # One transaction for the whole upgrade on SQLite too (Alembic otherwise commits each
    # step there): a second process waits for all of it, then finds nothing left to do,
    # instead of repeating a step the first committed while it waited.
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
