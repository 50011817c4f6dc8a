"""Per Slack installation: the row token rotation locks, so one process rotates at a time, and
the counter of its changes that processes keeping it in memory check."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class InstallationLock(Base):
    """Locked (SELECT … FOR UPDATE) while an installation's tokens are read and rotated."""

    __tablename__ = "installation_locks"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)


class InstallationGeneration(Base):
    """How many times an installation (or, under `ANY_INSTALLATION`, the set of them) changed.

    Bumped in the transaction that saves, rotates or deletes it, so a process that kept
    what it found can tell by one primary-key read whether that is still what is stored.
    """

    __tablename__ = "installation_generations"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    generation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
