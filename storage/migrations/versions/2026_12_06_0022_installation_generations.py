"""A counter of changes per installation, so each process can keep what it found in memory

Every Slack call and request looked its installation up in slack-sdk's tables (every
installation, then the latest one, its tokens unsealed). A process now keeps what it
found and uses it while the installation's counter, read by its key, has not moved: a
save, a token rotation and an uninstall bump it in their own transaction.

Revision ID: 0022_installation_generations
Revises: 0021_close_indexes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022_installation_generations"
down_revision = "0021_close_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "installation_generations",
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("generation", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_installation_generations"),
    )


def downgrade() -> None:
    op.drop_table("installation_generations")
