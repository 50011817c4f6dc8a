"""SLA feed tokens, fed SLA facts with their metric, and a chosen baseline

Revision ID: 0006
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("engagements", sa.Column("sla_token_digest", sa.String(64), nullable=True))
    op.add_column(
        "engagements", sa.Column("sla_token_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column("engagements", sa.Column("baseline_from", sa.Date(), nullable=True))
    op.add_column(
        "sla_records",
        sa.Column("source", sa.String(8), nullable=False, server_default="lead"),
    )
    op.add_column("sla_records", sa.Column("metric", sa.String(80), nullable=True))
    op.add_column("sla_records", sa.Column("value", sa.Float(), nullable=True))
    op.add_column("sla_records", sa.Column("target", sa.Float(), nullable=True))
    op.add_column("sla_records", sa.Column("higher_is_better", sa.Boolean(), nullable=True))


def downgrade() -> None:
    for column in ("higher_is_better", "target", "value", "metric", "source"):
        with op.batch_alter_table("sla_records") as batch:
            batch.drop_column(column)
    for column in ("baseline_from", "sla_token_at", "sla_token_digest"):
        with op.batch_alter_table("engagements") as batch:
            batch.drop_column(column)
