"""Room for sealed tokens: the installation tables' token columns hold 1,024 characters

slack-sdk declares its token columns 200 characters long. A rotating token
(`xoxe.xoxb-…`, `xoxe-1-…`) of up to about 180 characters sealed with Fernet
(RAPPORT_SECRET_KEY) is about 330, which PostgreSQL refuses. SQLite ignores the length,
but the two backends are kept alike.

Revision ID: 0013
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0010"
branch_labels = None
depends_on = None

SEALED_COLUMNS = {
    "slack_installations": ("bot_token", "bot_refresh_token", "user_token", "user_refresh_token"),
    "slack_bots": ("bot_token", "bot_refresh_token"),
}


def _resize(length: int, before: int) -> None:
    for table, columns in SEALED_COLUMNS.items():
        # Nothing references these tables, so SQLite's copy-and-rename is safe here.
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.alter_column(
                    column,
                    existing_type=sa.String(before),
                    type_=sa.String(length),
                    existing_nullable=True,
                )


def upgrade() -> None:
    _resize(1024, 200)


def downgrade() -> None:
    _resize(200, 1024)
