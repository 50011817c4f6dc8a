"""Pulses, their deliveries and responses, and the figures each published at its close."""

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
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.column_types import SealedText, UTCDateTime, utcnow
from storage.models.base import Base, PublishedPerSide

if TYPE_CHECKING:
    from storage.models.engagements import Engagement, Member


class Pulse(Base):
    """One round of questions sent to every active member of an engagement."""

    __tablename__ = "pulses"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'closed')", name="status"),
        UniqueConstraint("engagement_id", "scheduled_for", name="uq_pulses_slot"),
        # At most one open pulse per engagement, whoever or whatever starts it.
        Index(
            "uq_pulses_one_open",
            "engagement_id",
            unique=True,
            sqlite_where=text("status = 'open'"),
            postgresql_where=text("status = 'open'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagements.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default="open")
    started_by: Mapped[str] = mapped_column(String(32))
    scheduled_for: Mapped[datetime | None] = mapped_column(UTCDateTime())
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    closes_at: Mapped[datetime] = mapped_column(UTCDateTime())
    remind_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    evaluated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The settings in force when the pulse opened: later changes apply from the next pulse.
    anonymity_min: Mapped[int] = mapped_column(Integer)
    client_tolerance: Mapped[int] = mapped_column(Integer)
    provider_tolerance: Mapped[int] = mapped_column(Integer)
    gap_threshold: Mapped[int] = mapped_column(Integer)
    # The SLA status in force when the pulse closed, kept as published: a fact dated
    # earlier that arrives later is history and never changes it.
    sla_at_close: Mapped[str | None] = mapped_column(String(8))

    engagement: Mapped[Engagement] = relationship()


class Delivery(Base):
    """The pulse DM to one member: whether it went out, and where it landed."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("pulse_id", "member_id", name="uq_deliveries_recipient"),
        CheckConstraint(
            "status IN ('pending', 'sending', 'sent', 'failed', 'skipped')", name="status"
        ),
        Index("ix_deliveries_pulse_status", "pulse_id", "status"),
        # A click in a DM is routed by its channel.
        Index("ix_deliveries_channel", "channel_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pulse_id: Mapped[int] = mapped_column(ForeignKey("pulses.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    # The member's side and stake weight when the pulse was sent: the pulse counts them so.
    side: Mapped[str] = mapped_column(String(16))
    weight: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    channel_id: Mapped[str | None] = mapped_column(String(32))
    message_ts: Mapped[str | None] = mapped_column(String(32))
    error: Mapped[str | None] = mapped_column(String(64))
    # When the DM was last claimed: its lease runs from here (while `sending`); once `sent`,
    # the claim that sent it (or, for one found by a look, that may have).
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Not before this time: the next send (while `pending`) or the check whether an
    # uncertain send landed (while `sending` with an `error`).
    # See bot/services/delivery/pulse_dms.py.
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    away_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The reminder in the DM's thread: None (none due), "pending" (queued), "sending"
    # (claimed; checked or retried from `reminder_next_at`), its ts once posted, "failed",
    # or "answered" (the person answered before it could go).
    # See bot/services/delivery/reminders.py.
    reminder_ts: Mapped[str | None] = mapped_column(String(32))
    reminder_next_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reminder_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    reminder_error: Mapped[str | None] = mapped_column(String(64))

    pulse: Mapped[Pulse] = relationship()
    member: Mapped[Member] = relationship()


class Response(Base):
    """One member's answer to one pulse; answering again updates it."""

    __tablename__ = "responses"
    __table_args__ = (
        UniqueConstraint("pulse_id", "member_id", name="uq_responses_answer"),
        CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", name="rating"),
        CheckConstraint("guess IS NULL OR guess BETWEEN 1 AND 5", name="guess"),
        CheckConstraint("score IS NULL OR score BETWEEN 0 AND 100", name="score"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pulse_id: Mapped[int] = mapped_column(ForeignKey("pulses.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    rating: Mapped[int | None] = mapped_column(Integer)
    guess: Mapped[int | None] = mapped_column(Integer)
    # Sealed at rest (storage/secrets.py); ratings stay plain so SQL can aggregate them.
    comment: Mapped[str | None] = mapped_column(SealedText())
    polarity: Mapped[float | None] = mapped_column(Float)
    subjectivity: Mapped[float | None] = mapped_column(Float)
    # The comment's language (ISO 639-1); a comment in one without a scorer keeps no
    # polarity, so the rating alone counts (bot/domain/sentiment/reading.py).
    language: Mapped[str | None] = mapped_column(String(8))
    score: Mapped[float | None] = mapped_column(Float)
    # What is driving the answer: the person's one or two picks, and what their comment
    # names ("communication,responsiveness"); see bot/domain/drivers.py.
    drivers: Mapped[str | None] = mapped_column(String(120))
    comment_drivers: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class PublishedFigure(PublishedPerSide, Base):
    """One side's figures for one closed pulse, written once at close and never recomputed.

    No column refers to a member, so removing or forgetting people cannot change them.
    """

    __tablename__ = "published_figures"

    side_index: Mapped[float | None] = mapped_column(Float)
    answered: Mapped[int] = mapped_column(Integer)
    eligible: Mapped[int] = mapped_column(Integer)
    response_rate: Mapped[float | None] = mapped_column(Float)
    guess_index: Mapped[float | None] = mapped_column(Float)
    guessed: Mapped[int] = mapped_column(Integer)
    weight_used: Mapped[float] = mapped_column(Float)
    withheld: Mapped[bool] = mapped_column(Boolean)
