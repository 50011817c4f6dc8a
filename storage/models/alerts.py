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
    from storage.models.alert_messages import AlertMessage
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
    """A divergence finding with a lifecycle: open → acknowledged → resolved.

    It is shown in its engagement's grouped message (`AlertMessage`), with its trend
    since the last pulse and, once resolved, why.
    """

    __tablename__ = "alerts"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'acknowledged', 'resolved')", name="status"),
        CheckConstraint("severity IN ('warning', 'critical')", name="severity"),
        # At most one live alert per engagement and finding key (rule, side, direction):
        # later closes update it; a finding whose side or direction changes is a new one.
        Index(
            "uq_alerts_one_live",
            "engagement_id",
            "key",
            unique=True,
            sqlite_where=text("status != 'resolved'"),
            postgresql_where=text("status != 'resolved'"),
        ),
        # A close asks whether its grouped message still has live findings.
        Index("ix_alerts_message", "message_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagements.id", ondelete="CASCADE"))
    rule: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(64))
    side: Mapped[str | None] = mapped_column(String(16))
    severity: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="open")
    sentence: Mapped[str] = mapped_column(Text)
    magnitude: Mapped[float] = mapped_column(Float)
    # The quantity trends compare (see bot/domain/alerts/trends.py), the latest
    # trend sentence, and once resolved, why.
    measure: Mapped[float | None] = mapped_column(Float)
    trend: Mapped[str] = mapped_column(Text, default="", server_default="")
    resolution: Mapped[str | None] = mapped_column(Text)
    details: Mapped[str] = mapped_column(Text, default="")
    opened_pulse_id: Mapped[int] = mapped_column(ForeignKey("pulses.id", ondelete="CASCADE"))
    last_pulse_id: Mapped[int] = mapped_column(ForeignKey("pulses.id", ondelete="CASCADE"))
    channel_id: Mapped[str] = mapped_column(String(32))
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("alert_messages.id", ondelete="SET NULL")
    )
    owner_user_id: Mapped[str | None] = mapped_column(String(32))
    acknowledged_by: Mapped[str | None] = mapped_column(String(32))
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The escalation ladder (bot/domain/ladder.py): each rung is claimed once.
    pulses_without_improving: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    reraised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    fixed_at_account: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    engagement: Mapped[Engagement] = relationship()
    message: Mapped[AlertMessage | None] = relationship()
