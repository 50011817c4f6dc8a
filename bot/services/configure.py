"""Changing how an engagement runs: its settings, a person's stake weight, the SLA status."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain import catalogue
from bot.domain.engagement_settings import SETTINGS, Value, check_together, shown
from bot.domain.people import Caller
from bot.domain.text_hygiene import clean_line
from bot.domain.vocabulary import SlaStatus
from bot.services.container import Container
from bot.services.engagements import by_id, require_lead
from storage import engagements as queries
from storage.models import Engagement, Member, SlaRecord

SLA_NOTE_MAX = 300


def settings_of(engagement: Engagement) -> dict[str, Value]:
    """The engagement's current settings, keyed by attribute."""
    return {s.attribute: getattr(engagement, s.attribute) for s in SETTINGS}


def change_settings(engagement: Engagement, changes: Mapping[str, Value]) -> None:
    """Apply checked settings; raises `SettingError` when they do not fit together."""
    check_together(settings_of(engagement), changes)
    for attribute, value in changes.items():
        setattr(engagement, attribute, value)


def change_settings_of(
    container: Container, caller: Caller, engagement_id: int, changes: Mapping[str, Value]
) -> str:
    """A lead's settings form: apply it and return the settings as they now read.

    Raises:
        NotFound, NotPermitted: the engagement is gone, or the caller does not lead it.
        SettingError: the settings do not fit together.
    """
    with container.database.unit_of_work() as session:
        engagement = by_id(session, engagement_id)
        require_lead(session, engagement, caller)
        change_settings(engagement, changes)
        return catalogue.CONFIG_DONE.format(
            engagement=engagement.name, **shown(settings_of(engagement))
        )


def set_weight(
    session: Session, engagement: Engagement, user_id: str, weight: float
) -> Member | None:
    """Give a current member a stake weight; None if they are not on the engagement."""
    member = queries.member_by_user(session, engagement.id, user_id)
    if member is None or member.status == "removed":
        return None
    member.weight = weight
    return member


def record_sla(
    session: Session,
    engagement: Engagement,
    caller: Caller,
    status: SlaStatus,
    note: str | None,
    now: datetime,
) -> None:
    """Keep one SLA status in the engagement's history (the latest one counts)."""
    session.add(
        SlaRecord(
            engagement_id=engagement.id,
            status=status,
            note=clean_line(note or "", SLA_NOTE_MAX) or None,
            recorded_by=caller.user_id,
            recorded_at=now,
        )
    )
