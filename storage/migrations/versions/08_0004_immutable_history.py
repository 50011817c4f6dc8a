"""Immutable history: each delivery keeps the side and weight it was sent with, each pulse
the settings it opened with, and each closed pulse its published figures, written once.

Revision ID: 0004
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0004"
down_revision = "0006"
branch_labels = None
depends_on = None

PULSE_SETTINGS = ("anonymity_min", "client_tolerance", "provider_tolerance", "gap_threshold")


def upgrade() -> None:
    # The floor is 3: two answers and one of them your own give the other away.
    op.execute("UPDATE engagements SET anonymity_min = 3 WHERE anonymity_min < 3")
    # Columns are added NOT NULL with a default and then filled, never by recreating the
    # table: on SQLite a batch rebuild drops `pulses` or `deliveries`, and with foreign
    # keys on that cascades into every delivery and response.
    op.add_column(
        "deliveries",
        sa.Column("side", sa.String(length=16), nullable=False, server_default="client"),
    )
    op.add_column("deliveries", sa.Column("weight", sa.Float(), nullable=False, server_default="1"))
    # Past deliveries take the member's side and weight as they are now: the best record left.
    op.execute(
        "UPDATE deliveries SET "
        "side = (SELECT members.side FROM members WHERE members.id = deliveries.member_id), "
        "weight = (SELECT members.weight FROM members WHERE members.id = deliveries.member_id)"
    )
    for column in PULSE_SETTINGS:
        op.add_column("pulses", sa.Column(column, sa.Integer(), nullable=False, server_default="0"))
        op.execute(
            # Column names come from the constant above, never from input.
            f"UPDATE pulses SET {column} = (SELECT engagements.{column} FROM engagements "  # noqa: S608
            "WHERE engagements.id = pulses.engagement_id)"
        )
    if op.get_bind().dialect.name != "sqlite":  # SQLite cannot drop a default in place
        for table, columns in (("deliveries", ("side", "weight")), ("pulses", PULSE_SETTINGS)):
            for column in columns:
                op.alter_column(table, column, server_default=None)
    op.create_table(
        "published_figures",
        sa.Column("pulse_id", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=16), nullable=False),
        sa.Column("side_index", sa.Float(), nullable=True),
        sa.Column("answered", sa.Integer(), nullable=False),
        sa.Column("eligible", sa.Integer(), nullable=False),
        sa.Column("response_rate", sa.Float(), nullable=True),
        sa.Column("guess_index", sa.Float(), nullable=True),
        sa.Column("guessed", sa.Integer(), nullable=False),
        sa.Column("weight_used", sa.Float(), nullable=False),
        sa.Column("withheld", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "side IN ('client', 'provider')", name=op.f("ck_published_figures_side")
        ),
        sa.ForeignKeyConstraint(
            ["pulse_id"],
            ["pulses.id"],
            name=op.f("fk_published_figures_pulse_id_pulses"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pulse_id", "side", name=op.f("pk_published_figures")),
    )
    _publish_closed_pulses()


def _publish_closed_pulses() -> None:
    """Write the figures of pulses closed before this revision, once, as they read today."""
    from storage.published import publish

    session = Session(bind=op.get_bind())
    rows = session.execute(sa.text("SELECT id, anonymity_min FROM pulses WHERE status = 'closed'"))
    for pulse_id, minimum in rows.all():
        # As they were shown before: removed people's answers still counted then.
        publish(
            session,
            int(pulse_id),
            max(3, int(minimum)),
            without_removed=False,
            drivers=False,
            themes=False,
            sla=False,
        )
    session.flush()


def downgrade() -> None:
    op.drop_table("published_figures")
    for column in reversed(PULSE_SETTINGS):
        op.drop_column("pulses", column)
    op.drop_column("deliveries", "weight")
    op.drop_column("deliveries", "side")
