"""Slack events already applied, by their event_id, so a retried delivery is applied once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from storage.column_types import UTCDateTime
from storage.models.base import Base


class SlackEvent(Base):
    """One event Rapport acted on; kept a day (Slack retries within minutes)."""

    __tablename__ = "slack_events"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
