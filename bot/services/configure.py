"""Changing how an engagement runs: its settings, a person's stake weight, the SLA status."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain import reply_text
from bot.domain.engagement_settings import SETTINGS, Value, check_together, shown
from bot.domain.people import Caller
from bot.domain.text_hygiene import clean_line
from bot.domain.vocabulary import SlaStatus
from bot.services.engagements import by_id, choose, require_lead, require_member
from bot.services.runtime import Runtime
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
    container: Runtime, caller: Caller, engagement_id: int, changes: Mapping[str, Value]
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
        return reply_text.CONFIG_DONE.format(
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


@dataclass(frozen=True, slots=True)
class SettingsShown:
    """`/rapport config` with nothing to change: the settings, and whether the caller leads."""

    engagement_id: int
    name: str
    current: dict[str, Value]
    leads: bool


def settings_shown(container: Runtime, caller: Caller, name: str | None) -> SettingsShown:
    """The settings of the engagement a command names, for one of its members."""
    with container.database.reading() as session:
        engagement = choose(session, caller, name)
        me = require_member(session, engagement, caller)
        return SettingsShown(
            engagement.id, engagement.name, settings_of(engagement), me.role == "lead"
        )


def configure(
    container: Runtime, caller: Caller, name: str | None, changes: Mapping[str, Value]
) -> str:
    """`/rapport config key=value…` by a lead: apply it and return the settings as they now read.

    Raises:
        NotPermitted: the caller does not lead the engagement.
        SettingError: the settings do not fit together.
    """
    with container.database.unit_of_work() as session:
        engagement = choose(session, caller, name)
        require_lead(session, engagement, caller)
        change_settings(engagement, changes)
        return reply_text.CONFIG_DONE.format(
            engagement=engagement.name, **shown(settings_of(engagement))
        )


def weigh(
    container: Runtime, caller: Caller, name: str | None, user_id: str, weight: float
) -> tuple[str, bool]:
    """`/rapport weight` by a lead: the engagement's name, and False if the person is not on it."""
    with container.database.unit_of_work() as session:
        engagement = choose(session, caller, name)
        require_lead(session, engagement, caller)
        return engagement.name, set_weight(session, engagement, user_id, weight) is not None


def record_sla_status(
    container: Runtime, caller: Caller, name: str | None, status: SlaStatus, note: str
) -> str:
    """`/rapport sla green|amber|red` by a lead: keep the status; the engagement's name."""
    with container.database.unit_of_work() as session:
        engagement = choose(session, caller, name)
        require_lead(session, engagement, caller)
        record_sla(session, engagement, caller, status, note, container.now())
        return engagement.name
