"""Actions on a finding: a short text, an owner from either side, a due date, done or not.

An action is a commitment people make about a finding; it never changes the finding.
Only the figures at a pulse's close resolve a finding, however many actions are done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Final
from zoneinfo import ZoneInfo

from bot.domain import follow_up_text
from bot.domain.errors import Refused
from bot.domain.text_hygiene import clean_line

ACTION_TEXT_MAX: Final = 200


class InvalidAction(Refused):
    """A field of the action form that cannot be accepted; `field` names its block."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def local_today(now: datetime, timezone: str) -> date:
    """The date it is now in the engagement's time zone."""
    return now.astimezone(ZoneInfo(timezone)).date()


def read_due(raw: str | None, today: date) -> date:
    """The due date from a date picker ("2026-12-04"); today or later."""
    if not raw:
        raise InvalidAction("due", follow_up_text.ACTION_DUE_MISSING)
    try:
        due = date.fromisoformat(raw)
    except ValueError:
        raise InvalidAction("due", follow_up_text.ACTION_DUE_MISSING) from None
    if due < today:
        raise InvalidAction("due", follow_up_text.ACTION_DUE_PAST)
    return due


def read_text(raw: str | None) -> str:
    """The action's text on one line, without invisible characters; refused if empty or long."""
    text = clean_line(raw or "")
    if not text:
        raise InvalidAction("text", follow_up_text.ACTION_TEXT_EMPTY)
    if len(text) > ACTION_TEXT_MAX:
        raise InvalidAction(
            "text", follow_up_text.ACTION_TEXT_TOO_LONG.format(limit=ACTION_TEXT_MAX)
        )
    return text


def read_owner(raw: str | None) -> str:
    if not raw:
        raise InvalidAction("owner", follow_up_text.ACTION_OWNER_MISSING)
    return raw


@dataclass(frozen=True, slots=True)
class ActionItem:
    """One action as people see it: what, who, by when, its finding's rule, done or not.

    An action not done when its finding resolves is closed with the finding: the figures
    no longer call for it, so it is never overdue and no longer open, yet it was not
    done either, and it is shown as closed, not as done.
    """

    id: int
    alert_id: int
    rule: str
    text: str
    owner_user_id: str
    due: date
    done_by: str | None = None
    finding_resolved: bool = False
    side: str | None = None
    """The side its finding is about, if it is about one."""

    @property
    def done(self) -> bool:
        return self.done_by is not None

    @property
    def closed_with_finding(self) -> bool:
        """Not done when its finding resolved."""
        return self.finding_resolved and not self.done

    def overdue(self, today: date) -> bool:
        """Open (neither done nor closed with its finding), and its due date has passed."""
        return not self.done and not self.finding_resolved and self.due < today


def open_first(items: list[ActionItem], today: date) -> list[ActionItem]:
    """Overdue first, then open by due date, then closed with their finding, then done;
    stable within each."""
    return sorted(
        items, key=lambda a: (not a.overdue(today), a.done, a.finding_resolved, a.due, a.id)
    )
