"""The language each comment was written in, so one in a language without a scorer is
kept unscored and themes group comments within one language

Revision ID: 0016_comment_language
Revises: 0015_portfolio
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_comment_language"
down_revision = "0015_portfolio"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Added in place, never by recreating the table (see 0004 for why on SQLite).
    op.add_column("responses", sa.Column("language", sa.String(8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("responses") as batch:
        batch.drop_column("language")
