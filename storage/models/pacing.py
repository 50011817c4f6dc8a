"""Slack's pace per workspace, shared by every process that sends to it (PostgreSQL)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from storage.column_types import UTCDateTime
from storage.models.base import Base


class SlackPace(Base):
    """When the next message to a workspace may go, and until when Slack said to wait.

    `next_free` is the next free slot at the steady rate; each sender takes one slot in
    one UPDATE, so every process shares one pace. `held_until` is a 429's Retry-After.
    """

    __tablename__ = "slack_pace"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    next_free: Mapped[datetime] = mapped_column(UTCDateTime())
    held_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
