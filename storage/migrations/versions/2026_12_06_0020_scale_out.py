"""Sending that scales out: Slack's pace shared per workspace, indexes for the send and
click paths, and (on PostgreSQL) the job queue's own tables

Revision ID: 0020_scale_out
Revises: 0019_member_locale
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020_scale_out"
down_revision = "0019_member_locale"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "slack_pace",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("next_free", sa.DateTime(timezone=True), nullable=False),
        sa.Column("held_until", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_members_user_id", "members", ["user_id"])
    op.create_index("ix_deliveries_channel", "deliveries", ["channel_id"])
    if op.get_bind().dialect.name == "postgresql":
        # procrastinate's schema (jobs, periodic defers, workers), as the pinned release
        # ships it; `rapport worker` runs its jobs.
        from procrastinate.schema import SchemaManager

        op.execute(SchemaManager.get_schema())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_DROP_QUEUE)
    op.drop_index("ix_deliveries_channel", "deliveries")
    op.drop_index("ix_members_user_id", "members")
    op.drop_table("slack_pace")


# Every table, type and function of the job queue's schema (they are all named so).
_DROP_QUEUE = """
DO $$
DECLARE item record;
BEGIN
    FOR item IN SELECT tablename FROM pg_tables
            WHERE schemaname = current_schema() AND tablename LIKE 'procrastinate%' LOOP
        EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', item.tablename);
    END LOOP;
    FOR item IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = current_schema() AND p.proname LIKE 'procrastinate%' LOOP
        EXECUTE format('DROP FUNCTION IF EXISTS %s CASCADE', item.signature);
    END LOOP;
    FOR item IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = current_schema() AND t.typname LIKE 'procrastinate%'
            AND t.typtype IN ('e', 'c') LOOP
        EXECUTE format('DROP TYPE IF EXISTS %I CASCADE', item.typname);
    END LOOP;
END $$;
"""
