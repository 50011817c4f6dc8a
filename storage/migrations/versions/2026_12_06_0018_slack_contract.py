"""Slack events applied once when Slack retries them; engagements left by every workspace

Revision ID: 0018_slack_contract
Revises: 0017_privacy
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_slack_contract"
down_revision = "0017_privacy"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "slack_events",
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_slack_events")),
    )
    op.create_index(op.f("ix_slack_events_seen_at"), "slack_events", ["seen_at"])
    op.add_column(
        "engagements", sa.Column("uninstalled_at", sa.DateTime(timezone=True), nullable=True)
    )


def downgrade() -> None:
    op.drop_column("engagements", "uninstalled_at")
    op.drop_index(op.f("ix_slack_events_seen_at"), table_name="slack_events")
    op.drop_table("slack_events")
