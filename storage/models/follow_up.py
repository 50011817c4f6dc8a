"""Following a finding up: each pulse's published driver counts, and actions on alerts."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.column_types import UTCDateTime, utcnow
from storage.models.base import Base, PublishedPerSide

if TYPE_CHECKING:
    from storage.models.alerts import Alert


class PublishedDriver(PublishedPerSide, Base):
    """How many people of a side named one driver at one closed pulse; written once at close.

    A side appears only when at least the anonymity minimum named a driver (`named`);
    no column refers to a member, so later changes to people cannot change it.
    """

    __tablename__ = "published_drivers"

    driver: Mapped[str] = mapped_column(String(32), primary_key=True)
    people: Mapped[int] = mapped_column(Integer)
    named: Mapped[int] = mapped_column(Integer)


class PublishedTheme(PublishedPerSide, Base):
    """One theme of one side at one closed pulse, as the digest showed it; written once at close.

    The phrase, how many people raised it and their mood are stored, never an author or a
    comment, so editing, forgetting or deleting comments later cannot change a theme.
    """

    __tablename__ = "published_themes"

    rank: Mapped[int] = mapped_column(Integer, primary_key=True)
    phrase: Mapped[str] = mapped_column(Text)
    people: Mapped[int] = mapped_column(Integer)
    mentions: Mapped[int] = mapped_column(Integer)
    polarity: Mapped[float] = mapped_column(Float)


class Action(Base):
    """Something someone will do about an alert, by a date; done or not, it never resolves it."""

    __tablename__ = "actions"
    __table_args__ = (Index("ix_actions_engagement_open", "engagement_id", "done_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("alerts.id", ondelete="CASCADE"), index=True)
    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagements.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(String(200))
    owner_user_id: Mapped[str] = mapped_column(String(32))
    due_on: Mapped[date] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    done_by: Mapped[str | None] = mapped_column(String(32))

    alert: Mapped[Alert] = relationship()
