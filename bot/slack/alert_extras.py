"""Extra sections of the grouped alert message, for features that add to it.

A source reads what it needs for one message and returns its sections, each placed
after the figures (e.g. each side's drivers) or after the findings (e.g. actions with
owners and dates). Add a source to `SOURCES`; the message's layout stays as it is.
A section's `text` is its plain-text form: it goes into the message's text (the leads'
DM when the channel refuses it, `rapport simulate`) and into the sponsors' escalation DM.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy.orm import Session

from storage.models import AlertMessage

Place = Literal["after_figures", "after_findings"]


@dataclass(frozen=True, slots=True)
class ExtraSection:
    """Block Kit blocks (as dicts) for one place in the message, and their plain text."""

    place: Place
    blocks: list[dict[str, Any]] = field(default_factory=list)
    text: str = ""


SectionSource = Callable[[Session, AlertMessage], Sequence[ExtraSection]]

SOURCES: tuple[SectionSource, ...] = ()
"""Every source of extra sections, in the order they show."""


def extra_sections(
    session: Session, message: AlertMessage, sources: Sequence[SectionSource] = SOURCES
) -> list[ExtraSection]:
    """The extra sections of one message, from every source."""
    return [section for source in sources for section in source(session, message)]
