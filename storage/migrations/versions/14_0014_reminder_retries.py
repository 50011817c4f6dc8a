"""Reminders under the retry policy, and resolutions said in an alert's thread as queued
posts: each claimed, checked and retried like a DM

Revision ID: 0014
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Added in place, never by recreating the table (see 0004 for why on SQLite).
    op.add_column(
        "deliveries", sa.Column("reminder_next_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column(
        "deliveries",
        sa.Column("reminder_attempts", sa.Integer(), nullable=False, server_default="0"),
    )
    op.add_column("deliveries", sa.Column("reminder_error", sa.String(64), nullable=True))
    _ladder_kinds("'reraise', 'escalation', 'resolution'")


def _ladder_kinds(kinds: str) -> None:
    """Change which kinds of post `ladder_posts` accepts."""
    check = f"kind IN ({kinds})"
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(op.f("ck_ladder_posts_kind"), "ladder_posts", type_="check")
        op.create_check_constraint(op.f("ck_ladder_posts_kind"), "ladder_posts", check)
        return
    # SQLite cannot change a CHECK in place: copy the table with the new one. Nothing
    # references ladder_posts, so dropping the old copy cascades nowhere.
    bind = op.get_bind()
    sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'ladder_posts'"
    ).scalar_one()
    start = sql.index("CONSTRAINT ck_ladder_posts_kind CHECK (") + len(
        "CONSTRAINT ck_ladder_posts_kind CHECK ("
    )
    end = sql.index("),", start)
    new_sql = (sql[:start] + check + sql[end:]).replace(
        "CREATE TABLE ladder_posts", "CREATE TABLE ladder_posts_new", 1
    )
    bind.exec_driver_sql(new_sql)
    bind.exec_driver_sql("INSERT INTO ladder_posts_new SELECT * FROM ladder_posts")
    bind.exec_driver_sql("DROP TABLE ladder_posts")
    bind.exec_driver_sql("ALTER TABLE ladder_posts_new RENAME TO ladder_posts")
    op.create_index(
        "uq_ladder_posts_once", "ladder_posts", ["alert_id", "kind", "recipient"], unique=True
    )
    op.create_index("ix_ladder_posts_status", "ladder_posts", ["status", "next_attempt_at"])


def downgrade() -> None:
    op.execute("DELETE FROM ladder_posts WHERE kind = 'resolution'")
    _ladder_kinds("'reraise', 'escalation'")
    op.drop_column("deliveries", "reminder_error")
    op.drop_column("deliveries", "reminder_attempts")
    op.drop_column("deliveries", "reminder_next_at")
