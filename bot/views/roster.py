"""`/rapport members` in words: who is on which side, with role and any non-default stake."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.domain import reply_text
from bot.domain.vocabulary import SIDES


@dataclass(frozen=True, slots=True)
class RosterPerson:
    """One member as the list shows them."""

    user_id: str
    role: str
    weight: float
    status: str
    status_reason: str | None


def roster_text(
    engagement: str, orgs: Mapping[str, str], sides: Mapping[str, Sequence[RosterPerson]]
) -> str:
    """The members list: who is on which side, with role and any non-default stake."""
    lines = [f"*{engagement}*"]
    for side in SIDES:
        people = []
        for m in sides[side]:
            notes = [m.role] if m.role != "member" else []
            if m.weight != 1:
                notes.append(f"weight {m.weight:g}")
            if m.status == "unreachable":
                reason = m.status_reason or ""
                notes.append(f"unreachable: {reply_text.UNREACHABLE_REASONS.get(reason, reason)}")
            people.append(f"<@{m.user_id}>" + (f" ({', '.join(notes)})" if notes else ""))
        lines.append(f"{side.title()} — {orgs[side]}: " + (", ".join(people) or "nobody yet"))
    return "\n".join(lines)
