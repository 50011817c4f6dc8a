"""The grouped alert message of an engagement, each finding's steps, and the ladder's posts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.column_types import UTCDateTime, utcnow
from storage.models.base import Base


class AlertMessage(Base):
    """One channel message holding the findings of an engagement's pulse close.

    Later closes update it in place while its findings are live. A close that opens a
    new finding posts a new message instead, and the findings still live move into it
    (this one is then `done`, `superseded_at` set, and says where they went), so new
    findings are never hidden in an old message. Posting follows the alert-post state
    machine of docs/failures.md: a post that failed uncertainly is tried again from
    `next_post_at`, after looking for it in the channel by its metadata, until
    `POST_DEADLINE` after it opened.
    """

    __tablename__ = "alert_messages"
    __table_args__ = (
        CheckConstraint("status IN ('live', 'done')", name="status"),
        Index("ix_alert_messages_engagement", "engagement_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagements.id", ondelete="CASCADE"))
    opened_pulse_id: Mapped[int] = mapped_column(ForeignKey("pulses.id", ondelete="CASCADE"))
    last_pulse_id: Mapped[int] = mapped_column(ForeignKey("pulses.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(8), default="live")
    channel_id: Mapped[str] = mapped_column(String(32))
    message_ts: Mapped[str | None] = mapped_column(String(32))
    post_error: Mapped[str | None] = mapped_column(String(64))
    post_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    next_post_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    superseded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AlertStep(Base):
    """One close's word on one finding: its compared quantity and trend (its history)."""

    __tablename__ = "alert_steps"
    __table_args__ = (Index("ix_alert_steps_alert", "alert_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("alerts.id", ondelete="CASCADE"))
    pulse_id: Mapped[int] = mapped_column(ForeignKey("pulses.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    change: Mapped[str] = mapped_column(String(16))
    measure: Mapped[float] = mapped_column(Float)
    trend: Mapped[str] = mapped_column(Text)


class LadderPost(Base):
    """A post that follows up a finding, sent once: a re-raise or a resolution in its
    message's thread, or an escalation DM to one sponsor.

    pending → sending (claimed) → sent; refused → failed; uncertain → sending with an
    error and `next_attempt_at`, when it is looked for by its metadata before any
    second try.
    """

    __tablename__ = "ladder_posts"
    __table_args__ = (
        CheckConstraint("kind IN ('reraise', 'escalation', 'resolution')", name="kind"),
        CheckConstraint("status IN ('pending', 'sending', 'sent', 'failed')", name="status"),
        Index("uq_ladder_posts_once", "alert_id", "kind", "recipient", unique=True),
        Index("ix_ladder_posts_status", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("alerts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    recipient: Mapped[str] = mapped_column(String(32))
    """The alert channel (re-raise) or the sponsor's user id (escalation)."""
    thread_ts: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(8), default="pending")
    ts: Mapped[str | None] = mapped_column(String(32))
    error: Mapped[str | None] = mapped_column(String(64))
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
