"""Each person's Slack locale on their member rows, and each engagement's language for
its shared channel

Revision ID: 0019_member_locale
Revises: 0018_slack_contract
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019_member_locale"
down_revision = "0018_slack_contract"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Added in place, never by recreating the table (see 0004 for why on SQLite).
    op.add_column("members", sa.Column("locale", sa.String(16), nullable=True))
    op.add_column("members", sa.Column("locale_checked_at", sa.DateTime(timezone=True)))
    op.add_column(
        "engagements",
        sa.Column("language", sa.String(8), nullable=False, server_default="en"),
    )


def downgrade() -> None:
    with op.batch_alter_table("engagements") as batch:
        batch.drop_column("language")
    with op.batch_alter_table("members") as batch:
        batch.drop_column("locale_checked_at")
        batch.drop_column("locale")
