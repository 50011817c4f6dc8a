"""Engagements and their members."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.column_types import UTCDateTime, utcnow
from storage.models.base import Base


class Engagement(Base):
    """One client/provider relationship and how Rapport runs it."""

    __tablename__ = "engagements"
    __table_args__ = (UniqueConstraint("team_id", "name", name="uq_engagements_team_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(80))
    client_org: Mapped[str] = mapped_column(String(80))
    provider_org: Mapped[str] = mapped_column(String(80))
    channel_id: Mapped[str] = mapped_column(String(32))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    schedule: Mapped[str] = mapped_column(String(120), default="weekly tue 10:00")
    window_hours: Mapped[int] = mapped_column(Integer, default=72)
    reminder_hours: Mapped[int] = mapped_column(Integer, default=24)
    client_tolerance: Mapped[int] = mapped_column(Integer, default=70)
    provider_tolerance: Mapped[int] = mapped_column(Integer, default=60)
    gap_threshold: Mapped[int] = mapped_column(Integer, default=15)
    anonymity_min: Mapped[int] = mapped_column(Integer, default=3)
    # The escalation ladder (bot/domain/ladder.py), in minutes and closes.
    ack_within_minutes: Mapped[int] = mapped_column(Integer, default=4320, server_default="4320")
    escalate_after_minutes: Mapped[int] = mapped_column(
        Integer, default=20160, server_default="20160"
    )
    escalate_pulses: Mapped[int] = mapped_column(Integer, default=3, server_default="3")
    digest_schedule: Mapped[str] = mapped_column(String(32), default="mon 08:00")
    # Comments on pulses opened longer ago than this are deleted by the clock.
    retention_days: Mapped[int] = mapped_column(Integer, default=365, server_default="365")
    # Archived: no more pulses, alerts or digests, and hidden from commands and Home.
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Every workspace that could reach it uninstalled Rapport: archived then, purged later.
    uninstalled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sla_token_digest: Mapped[str | None] = mapped_column(String(64))
    sla_token_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    baseline_from: Mapped[date | None] = mapped_column(Date)
    # The shared channel's language (a catalogue name from bot/domain/i18n.py).
    language: Mapped[str] = mapped_column(String(8), default="en", server_default="en")

    members: Mapped[list[Member]] = relationship(back_populates="engagement")

    def org(self, side: str) -> str:
        return self.client_org if side == "client" else self.provider_org


class Member(Base):
    """A Slack user (team id + user id) on one side of one engagement."""

    __tablename__ = "members"
    __table_args__ = (
        UniqueConstraint("engagement_id", "team_id", "user_id", name="uq_members_person"),
        CheckConstraint("side IN ('client', 'provider')", name="side"),
        CheckConstraint("role IN ('member', 'lead', 'sponsor')", name="role"),
        CheckConstraint("status IN ('active', 'unreachable', 'removed')", name="status"),
        CheckConstraint("weight > 0", name="weight"),
        Index("ix_members_user", "team_id", "user_id"),
        # A click or an event names the user alone (in distributed mode, without the team).
        Index("ix_members_user_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagements.id", ondelete="CASCADE"))
    team_id: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(String(32))
    side: Mapped[str] = mapped_column(String(16))
    role: Mapped[str] = mapped_column(String(16), default="member")
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    status: Mapped[str] = mapped_column(String(16), default="active")
    status_reason: Mapped[str | None] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # The person's Slack locale ("de-DE"), the same on each of their rows; None if unknown.
    locale: Mapped[str | None] = mapped_column(String(16))
    locale_checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    engagement: Mapped[Engagement] = relationship(back_populates="members")

    @property
    def receives_pulses(self) -> bool:
        """Sponsors read the digest; members and leads answer pulses."""
        return self.status == "active" and self.role != "sponsor"
