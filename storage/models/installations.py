"""One row per Slack installation that token rotation locks, so one process rotates at a time."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class InstallationLock(Base):
    """Locked (SELECT … FOR UPDATE) while an installation's tokens are read and rotated."""

    __tablename__ = "installation_locks"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
