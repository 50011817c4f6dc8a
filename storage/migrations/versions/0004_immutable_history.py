"""Immutable history: each delivery keeps the side and weight it was sent with, each pulse
the settings it opened with, and each closed pulse its published figures, written once.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

PULSE_SETTINGS = ("anonymity_min", "client_tolerance", "provider_tolerance", "gap_threshold")


def upgrade() -> None:
    # The floor is 3: two answers and one of them your own give the other away.
    op.execute("UPDATE engagements SET anonymity_min = 3 WHERE anonymity_min < 3")
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("side", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("weight", sa.Float(), nullable=True))
    # Past deliveries take the member's side and weight as they are now: the best record left.
    op.execute(
        "UPDATE deliveries SET "
        "side = (SELECT members.side FROM members WHERE members.id = deliveries.member_id), "
        "weight = (SELECT members.weight FROM members WHERE members.id = deliveries.member_id)"
    )
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.alter_column("side", existing_type=sa.String(length=16), nullable=False)
        batch_op.alter_column("weight", existing_type=sa.Float(), nullable=False)
        batch_op.create_check_constraint("side", "side IN ('client', 'provider')")
    with op.batch_alter_table("pulses", schema=None) as batch_op:
        for column in PULSE_SETTINGS:
            batch_op.add_column(sa.Column(column, sa.Integer(), nullable=True))
    for column in PULSE_SETTINGS:
        op.execute(
            # Column names come from the constant above, never from input.
            f"UPDATE pulses SET {column} = (SELECT engagements.{column} FROM engagements "  # noqa: S608
            "WHERE engagements.id = pulses.engagement_id)"
        )
    with op.batch_alter_table("pulses", schema=None) as batch_op:
        for column in PULSE_SETTINGS:
            batch_op.alter_column(column, existing_type=sa.Integer(), nullable=False)
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
        publish(session, int(pulse_id), max(3, int(minimum)), without_removed=False)
    session.flush()


def downgrade() -> None:
    op.drop_table("published_figures")
    with op.batch_alter_table("pulses", schema=None) as batch_op:
        for column in reversed(PULSE_SETTINGS):
            batch_op.drop_column(column)
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_constraint("ck_deliveries_side", type_="check")
        batch_op.drop_column("weight")
        batch_op.drop_column("side")
