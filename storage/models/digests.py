"""Weekly digest deliveries: one row per sponsor and week."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.column_types import UTCDateTime
from storage.models.base import Base


class WeeklyClaim:
    """The columns that make a weekly digest go out at most once: claimed (`sending`)
    before it is sent, then `sent` or `failed`.

    A send that ended uncertain stays `sending` with its `error` and is checked (then
    sent again if it never landed) from `next_attempt_at`, until the week ends.
    """

    status: Mapped[str] = mapped_column(String(16), default="sending")
    error: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class DigestDelivery(WeeklyClaim, Base):
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


class PortfolioDigest(WeeklyClaim, Base):
    """One weekly digest to a sponsor of several engagements, about all of them at once.

    Keyed by the person (workspace and user), not by an engagement: the claim that makes
    it go out at most once a week, with the same check-and-retry columns as the digest of
    one engagement, and the moment the week ends, after which it is no longer sent.
    """

    __tablename__ = "portfolio_digests"
    __table_args__ = (
        UniqueConstraint("team_id", "user_id", "week", name="uq_portfolio_digests_week"),
        CheckConstraint("status IN ('sending', 'sent', 'failed')", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(String(32))
    week: Mapped[date] = mapped_column(Date)
    week_ends_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DigestTime(Base):
    """A sponsor's own day and time for their weekly digest, in their time zone."""

    __tablename__ = "digest_times"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    day_time: Mapped[str] = mapped_column(String(32))
    timezone: Mapped[str] = mapped_column(String(64))
    set_at: Mapped[datetime] = mapped_column(UTCDateTime())
