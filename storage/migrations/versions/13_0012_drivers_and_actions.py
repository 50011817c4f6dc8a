"""Drivers and actions: what each answer says drives it, the counts published at close, and
actions with an owner and a due date on alerts

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Added in place, never by recreating the table (see 0004 for why on SQLite).
    op.add_column("responses", sa.Column("drivers", sa.String(length=120), nullable=True))
    op.add_column("responses", sa.Column("comment_drivers", sa.String(length=120), nullable=True))
    op.create_table(
        "published_drivers",
        sa.Column("pulse_id", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=16), nullable=False),
        sa.Column("driver", sa.String(length=32), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.Column("named", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "side IN ('client', 'provider')", name=op.f("ck_published_drivers_side")
        ),
        sa.ForeignKeyConstraint(
            ["pulse_id"],
            ["pulses.id"],
            name=op.f("fk_published_drivers_pulse_id_pulses"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pulse_id", "side", "driver", name=op.f("pk_published_drivers")),
    )
    op.create_table(
        "actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alert_id", sa.Integer(), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=200), nullable=False),
        sa.Column("owner_user_id", sa.String(length=32), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("created_by", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_by", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["alert_id"],
            ["alerts.id"],
            name=op.f("fk_actions_alert_id_alerts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagements.id"],
            name=op.f("fk_actions_engagement_id_engagements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actions")),
    )
    op.create_index("ix_actions_alert_id", "actions", ["alert_id"])
    op.create_index("ix_actions_engagement_open", "actions", ["engagement_id", "done_at"])


def downgrade() -> None:
    op.drop_index("ix_actions_engagement_open", table_name="actions")
    op.drop_index("ix_actions_alert_id", table_name="actions")
    op.drop_table("actions")
    op.drop_table("published_drivers")
    op.drop_column("responses", "comment_drivers")
    op.drop_column("responses", "drivers")
