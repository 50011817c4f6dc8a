"""Frozen at close: each closed pulse's themes per side and its SLA status, stored once

Revision ID: 0017_privacy
Revises: 0016_comment_language
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0017_privacy"
down_revision = "0016_comment_language"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "published_themes",
        sa.Column("pulse_id", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=16), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("phrase", sa.Text(), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.Column("polarity", sa.Float(), nullable=False),
        sa.CheckConstraint("side IN ('client', 'provider')", name=op.f("ck_published_themes_side")),
        sa.ForeignKeyConstraint(
            ["pulse_id"],
            ["pulses.id"],
            name=op.f("fk_published_themes_pulse_id_pulses"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pulse_id", "side", "rank", name=op.f("pk_published_themes")),
    )
    op.add_column("pulses", sa.Column("sla_at_close", sa.String(length=8), nullable=True))
    _publish_closed_pulses()


def _publish_closed_pulses() -> None:
    """Store the themes of pulses closed before this revision, once, as the digest shows them
    today (removed people's comments still counted then)."""
    from storage.published import freeze_sla, published
    from storage.published_themes import publish_themes

    session = Session(bind=op.get_bind())
    rows = session.execute(sa.text("SELECT id, anonymity_min FROM pulses WHERE status = 'closed'"))
    for pulse_id, minimum in rows.all():
        figures = published(session, [int(pulse_id)]).get(int(pulse_id))
        if figures is not None:
            publish_themes(
                session, int(pulse_id), figures, max(3, int(minimum)), without_removed=False
            )
        freeze_sla(session, int(pulse_id))
    session.flush()


def downgrade() -> None:
    op.drop_column("pulses", "sla_at_close")
    op.drop_table("published_themes")
