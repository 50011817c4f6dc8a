"""SQLAlchemy 2 typed models: engagements, members, pulses, deliveries, responses, digests."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from storage.column_types import UTCDateTime, utcnow

SIDES = ("client", "provider")
ROLES = ("member", "lead", "sponsor")
COMMENT_MAX = 2000

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


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
    digest_schedule: Mapped[str] = mapped_column(String(32), default="mon 08:00")
    # Comments on pulses opened longer ago than this are deleted by the clock.
    retention_days: Mapped[int] = mapped_column(Integer, default=365, server_default="365")
    # Archived: no more pulses, alerts or digests, and hidden from commands and Home.
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sla_token_digest: Mapped[str | None] = mapped_column(String(64))
    sla_token_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    baseline_from: Mapped[date | None] = mapped_column(Date)

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

    engagement: Mapped[Engagement] = relationship(back_populates="members")

    @property
    def receives_pulses(self) -> bool:
        """Sponsors read the digest; members and leads answer pulses."""
        return self.status == "active" and self.role != "sponsor"


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
    # When the DM was last attempted (while `sending`) or went out (once `sent`).
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Not before this time: the next send (while `pending`) or the check whether an
    # uncertain send landed (while `sending` with an `error`). See bot/slack/fanout.py.
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    away_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reminder_ts: Mapped[str | None] = mapped_column(String(32))

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
    comment: Mapped[str | None] = mapped_column(Text)
    polarity: Mapped[float | None] = mapped_column(Float)
    subjectivity: Mapped[float | None] = mapped_column(Float)
    score: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class PublishedFigure(Base):
    """One side's figures for one closed pulse, written once at close and never recomputed.

    No column refers to a member, so removing or forgetting people cannot change them.
    """

    __tablename__ = "published_figures"
    __table_args__ = (CheckConstraint("side IN ('client', 'provider')", name="side"),)

    pulse_id: Mapped[int] = mapped_column(
        ForeignKey("pulses.id", ondelete="CASCADE"), primary_key=True
    )
    side: Mapped[str] = mapped_column(String(16), primary_key=True)
    side_index: Mapped[float | None] = mapped_column(Float)
    answered: Mapped[int] = mapped_column(Integer)
    eligible: Mapped[int] = mapped_column(Integer)
    response_rate: Mapped[float | None] = mapped_column(Float)
    guess_index: Mapped[float | None] = mapped_column(Float)
    guessed: Mapped[int] = mapped_column(Integer)
    weight_used: Mapped[float] = mapped_column(Float)
    withheld: Mapped[bool] = mapped_column(Boolean)


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


class DigestDelivery(Base):
    """One sponsor's weekly digest: claimed before it is sent, so it goes out at most once."""

    __tablename__ = "digest_deliveries"
    __table_args__ = (
        UniqueConstraint("engagement_id", "member_id", "week", name="uq_digest_deliveries_week"),
        CheckConstraint("status IN ('sending', 'sent', 'failed')", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagements.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    week: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="sending")
    error: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
