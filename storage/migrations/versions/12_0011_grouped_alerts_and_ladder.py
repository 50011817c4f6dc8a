"""Grouped alert messages, finding keys and trends, and the escalation ladder

Each alert's channel post moves to a message row of its own (so alerts posted before
keep their message); new findings share one message per engagement and pulse close.

Revision ID: 0011
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0013"
branch_labels = None
depends_on = None

_LIVE = sa.text("status != 'resolved'")


def _when(name: str) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=True)


def upgrade() -> None:
    with op.batch_alter_table("engagements") as batch:
        batch.add_column(
            sa.Column("ack_within_minutes", sa.Integer(), nullable=False, server_default="4320")
        )
        batch.add_column(
            sa.Column(
                "escalate_after_minutes", sa.Integer(), nullable=False, server_default="20160"
            )
        )
        batch.add_column(
            sa.Column("escalate_pulses", sa.Integer(), nullable=False, server_default="3")
        )
    op.create_table(
        "alert_messages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "engagement_id",
            sa.Integer(),
            sa.ForeignKey("engagements.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "opened_pulse_id",
            sa.Integer(),
            sa.ForeignKey("pulses.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "last_pulse_id",
            sa.Integer(),
            sa.ForeignKey("pulses.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("message_ts", sa.String(32), nullable=True),
        sa.Column("post_error", sa.String(64), nullable=True),
        sa.Column("post_attempts", sa.Integer(), nullable=False, server_default="0"),
        _when("next_post_at"),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _when("superseded_at"),
        sa.CheckConstraint("status IN ('live', 'done')", name=op.f("ck_alert_messages_status")),
    )
    op.create_index("ix_alert_messages_engagement", "alert_messages", ["engagement_id", "status"])
    op.drop_index("uq_alerts_one_live", "alerts", sqlite_where=_LIVE, postgresql_where=_LIVE)
    with op.batch_alter_table("alerts") as batch:
        batch.add_column(sa.Column("key", sa.String(64), nullable=True))
        batch.add_column(sa.Column("measure", sa.Float(), nullable=True))
        batch.add_column(sa.Column("trend", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("resolution", sa.Text(), nullable=True))
        batch.add_column(sa.Column("message_id", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("pulses_without_improving", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(_when("reraised_at"))
        batch.add_column(_when("escalated_at"))
        batch.add_column(
            sa.Column("fixed_at_account", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.create_foreign_key(
            "fk_alerts_message_id_alert_messages",
            "alert_messages",
            ["message_id"],
            ["id"],
            ondelete="SET NULL",
        )
    _move_posts()
    with op.batch_alter_table("alerts") as batch:
        batch.alter_column("key", existing_type=sa.String(64), nullable=False)
        batch.drop_column("next_post_at")
        batch.drop_column("post_attempts")
        batch.drop_column("post_error")
        batch.drop_column("message_ts")
    op.create_index(
        "uq_alerts_one_live",
        "alerts",
        ["engagement_id", "key"],
        unique=True,
        sqlite_where=_LIVE,
        postgresql_where=_LIVE,
    )
    op.create_table(
        "alert_steps",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "alert_id", sa.Integer(), sa.ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "pulse_id", sa.Integer(), sa.ForeignKey("pulses.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("change", sa.String(16), nullable=False),
        sa.Column("measure", sa.Float(), nullable=False),
        sa.Column("trend", sa.Text(), nullable=False),
    )
    op.create_index("ix_alert_steps_alert", "alert_steps", ["alert_id", "at"])
    op.create_table(
        "ladder_posts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "alert_id", sa.Integer(), sa.ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("recipient", sa.String(32), nullable=False),
        sa.Column("thread_ts", sa.String(32), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("ts", sa.String(32), nullable=True),
        sa.Column("error", sa.String(64), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        _when("next_attempt_at"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('reraise', 'escalation')", name=op.f("ck_ladder_posts_kind")),
        sa.CheckConstraint(
            "status IN ('pending', 'sending', 'sent', 'failed')",
            name=op.f("ck_ladder_posts_status"),
        ),
    )
    op.create_index(
        "uq_ladder_posts_once", "ladder_posts", ["alert_id", "kind", "recipient"], unique=True
    )
    op.create_index("ix_ladder_posts_status", "ladder_posts", ["status", "next_attempt_at"])


def _move_posts() -> None:
    """Each existing alert keeps its post, as a message of its own; its key is its rule
    and side (a live blind spot of before has no direction, so the next close resolves
    it and opens the finding anew if it is still there)."""
    bind = op.get_bind()
    alerts = sa.table(
        "alerts",
        sa.column("id", sa.Integer()),
        sa.column("engagement_id", sa.Integer()),
        sa.column("rule", sa.String()),
        sa.column("side", sa.String()),
        sa.column("status", sa.String()),
        sa.column("opened_pulse_id", sa.Integer()),
        sa.column("last_pulse_id", sa.Integer()),
        sa.column("channel_id", sa.String()),
        sa.column("message_ts", sa.String()),
        sa.column("post_error", sa.String()),
        sa.column("post_attempts", sa.Integer()),
        sa.column("next_post_at", sa.DateTime(timezone=True)),
        sa.column("opened_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("key", sa.String()),
        sa.column("message_id", sa.Integer()),
    )
    messages = sa.table(
        "alert_messages",
        *(
            sa.column(name)
            for name in (
                "id",
                "engagement_id",
                "opened_pulse_id",
                "last_pulse_id",
                "status",
                "channel_id",
                "message_ts",
                "post_error",
                "post_attempts",
                "next_post_at",
                "opened_at",
                "updated_at",
            )
        ),
    )
    for row in bind.execute(sa.select(alerts)).mappings().all():
        message_id = bind.execute(
            sa.insert(messages)
            .values(
                engagement_id=row["engagement_id"],
                opened_pulse_id=row["opened_pulse_id"],
                last_pulse_id=row["last_pulse_id"],
                status="done" if row["status"] == "resolved" else "live",
                channel_id=row["channel_id"],
                message_ts=row["message_ts"],
                post_error=row["post_error"],
                post_attempts=row["post_attempts"],
                next_post_at=row["next_post_at"],
                opened_at=row["opened_at"],
                updated_at=row["updated_at"],
            )
            .returning(messages.c.id)
        ).scalar_one()
        bind.execute(
            sa.update(alerts)
            .where(alerts.c.id == row["id"])
            .values(key=f"{row['rule']}:{row['side'] or 'both'}", message_id=message_id)
        )


def downgrade() -> None:
    op.drop_table("ladder_posts")
    op.drop_table("alert_steps")
    op.drop_index("uq_alerts_one_live", "alerts", sqlite_where=_LIVE, postgresql_where=_LIVE)
    with op.batch_alter_table("alerts") as batch:
        batch.add_column(sa.Column("message_ts", sa.String(32), nullable=True))
        batch.add_column(sa.Column("post_error", sa.String(64), nullable=True))
        batch.add_column(
            sa.Column("post_attempts", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(_when("next_post_at"))
    op.execute(
        "UPDATE alerts SET message_ts = (SELECT message_ts FROM alert_messages "
        "WHERE alert_messages.id = alerts.message_id)"
    )
    with op.batch_alter_table("alerts") as batch:
        batch.drop_constraint("fk_alerts_message_id_alert_messages", type_="foreignkey")
        for name in (
            "fixed_at_account",
            "escalated_at",
            "reraised_at",
            "pulses_without_improving",
            "message_id",
            "resolution",
            "trend",
            "measure",
            "key",
        ):
            batch.drop_column(name)
    op.create_index(
        "uq_alerts_one_live",
        "alerts",
        ["engagement_id", "rule"],
        unique=True,
        sqlite_where=_LIVE,
        postgresql_where=_LIVE,
    )
    op.drop_table("alert_messages")
    with op.batch_alter_table("engagements") as batch:
        batch.drop_column("escalate_pulses")
        batch.drop_column("escalate_after_minutes")
        batch.drop_column("ack_within_minutes")
