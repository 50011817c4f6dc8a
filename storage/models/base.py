"""The declarative base, its naming convention, and the words the models share."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

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


class PublishedPerSide:
    """Keys what a pulse's close publishes for each side: the pulse, then the side.

    Such a row is written once at close and never recomputed; no column refers to a
    member, so later changes to people cannot change it.
    """

    @declared_attr.directive
    def __table_args__(cls) -> tuple[CheckConstraint]:  # noqa: N805 (called on the class)
        # A new constraint for each table: one constraint cannot belong to two.
        return (CheckConstraint("side IN ('client', 'provider')", name="side"),)

    # Before the table's own columns: the key reads (pulse, side, …).
    pulse_id: Mapped[int] = mapped_column(
        ForeignKey("pulses.id", ondelete="CASCADE"), primary_key=True, sort_order=-2
    )
    side: Mapped[str] = mapped_column(String(16), primary_key=True, sort_order=-1)
