"""`/rapport members`: each side's people with their roles, weights and problems."""

from __future__ import annotations

from bot.views.roster import RosterPerson, roster_text
from storage.models import Member
from tests.support import models

GONE = "user_not_found"


def person(member: Member) -> RosterPerson:
    return RosterPerson(
        member.user_id, member.role, member.weight, member.status, member.status_reason
    )


def test_roster_lists_each_side_with_roles_weights_and_problems() -> None:
    sides = {
        "client": [
            person(models.member(user_id="U0CLI1", role="lead")),
            person(models.member(user_id="U0CLI2", weight=2.5)),
            person(models.member(user_id="U0CLI3", status="unreachable", status_reason=GONE)),
        ],
        "provider": [],
    }
    text = roster_text("Acme deal", {"client": "Acme", "provider": "Globex"}, sides)
    assert text.splitlines() == [
        "*Acme deal*",
        "Client — Acme: <@U0CLI1> (lead), <@U0CLI2> (weight 2.5), "
        "<@U0CLI3> (unreachable: user_not_found)",
        "Provider — Globex: nobody yet",
    ]
