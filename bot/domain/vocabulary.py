"""The words of the domain, declared once: sides, roles, SLA statuses, limits, the time."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Final, Literal, TypeGuard

Side = Literal["client", "provider"]
Role = Literal["member", "lead", "sponsor"]
SlaStatus = Literal["green", "amber", "red"]

SIDES: Final[tuple[Side, Side]] = ("client", "provider")
ROLES: Final[tuple[Role, ...]] = ("member", "lead", "sponsor")
SLA_STATUSES: Final[tuple[SlaStatus, ...]] = ("green", "amber", "red")

COMMENT_MAX: Final = 2000
"""The longest comment kept, in characters."""

NAME_MAX: Final = 80
"""The longest engagement or organisation name, in characters."""


def utcnow() -> datetime:
    """Now, as an aware UTC datetime: the one clock every process defaults to."""
    return datetime.now(UTC)


def is_side(value: str) -> TypeGuard[Side]:
    return value in SIDES


def is_role(value: str) -> TypeGuard[Role]:
    return value in ROLES


def is_sla_status(value: str | None) -> TypeGuard[SlaStatus]:
    return value in SLA_STATUSES


def other_side(side: Side) -> Side:
    """The side across the table from ``side``."""
    return "provider" if side == "client" else "client"
