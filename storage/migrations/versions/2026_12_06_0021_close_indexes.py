"""An index on each alert's grouped message, read at every close

A close asks whether its grouped message still has live findings, and posting it reads
the message's findings: without an index both read every alert of every engagement, so a
close cost more the more alerts the whole database held.

Revision ID: 0021_close_indexes
Revises: 0020_scale_out
"""

from __future__ import annotations

from alembic import op

revision = "0021_close_indexes"
down_revision = "0020_scale_out"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_alerts_message", "alerts", ["message_id"])


def downgrade() -> None:
    op.drop_index("ix_alerts_message", "alerts")
