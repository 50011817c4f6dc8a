"""Divergence alerts and the SLA facts beside them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.column_types import UTCDateTime, utcnow
from storage.models.base import Base

if TYPE_CHECKING:
    from storage.models.engagements import Engagement


class SlaRecord(Base):
    """The contracted facts from `recorded_at` on: green, amber or red, typed or fed in."""

    __tablename__ = "sla_records"
    __table_args__ = (
        CheckConstraint("status IN ('green', 'amber', 'red')", name="status"),
        Index("ix_sla_records_engagement", "engagement_id", "recorded_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagements.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(8))
    note: Mapped[str | None] = mapped_column(String(300))
    recorded_by: Mapped[str] = mapped_column(String(32))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # How it arrived ("lead", "feed", "import"), and the metric behind a derived status.
    source: Mapped[str] = mapped_column(String(8), default="lead", server_default="lead")
    metric: Mapped[str | None] = mapped_column(String(80))
    value: Mapped[float | None] = mapped_column(Float)
    target: Mapped[float | None] = mapped_column(Float)
    higher_is_better: Mapped[bool | None] = mapped_column(Boolean)


class Alert(Base):
    """A divergence finding with a lifecycle: open → acknowledged → resolved."""

    __tablename__ = "alerts"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'acknowledged', 'resolved')", name="status"),
        CheckConstraint("severity IN ('warning', 'critical')", name="severity"),
        # At most one live alert per engagement and rule: later closes update it.
        Index(
            "uq_alerts_one_live",
            "engagement_id",
            "rule",
            unique=True,
            sqlite_where=text("status != 'resolved'"),
            postgresql_where=text("status != 'resolved'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagements.id", ondelete="CASCADE"))
    rule: Mapped[str] = mapped_column(String(32))
    side: Mapped[str | None] = mapped_column(String(16))
    severity: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="open")
    sentence: Mapped[str] = mapped_column(Text)
    magnitude: Mapped[float] = mapped_column(Float)
    details: Mapped[str] = mapped_column(Text, default="")
    opened_pulse_id: Mapped[int] = mapped_column(ForeignKey("pulses.id", ondelete="CASCADE"))
    last_pulse_id: Mapped[int] = mapped_column(ForeignKey("pulses.id", ondelete="CASCADE"))
    channel_id: Mapped[str] = mapped_column(String(32))
    message_ts: Mapped[str | None] = mapped_column(String(32))
    post_error: Mapped[str | None] = mapped_column(String(64))
    # A post that failed uncertainly is tried again from `next_post_at` (after checking
    # the channel for it) until POST_DEADLINE after opening; see alert_publisher.py.
    post_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    next_post_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    owner_user_id: Mapped[str | None] = mapped_column(String(32))
    acknowledged_by: Mapped[str | None] = mapped_column(String(32))
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    engagement: Mapped[Engagement] = relationship()
