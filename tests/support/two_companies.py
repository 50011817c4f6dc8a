"""Steps for tests of one engagement across two companies' workspaces."""

from __future__ import annotations

import json
from typing import Any

from tests.support import flows
from tests.support.installing import CLIENT, PROVIDER, SHARED
from tests.support.running import RunningApp
from tests.support.slack_api import Call
from tests.support.workspaces import Workspaces

A_LEAD, B_LEAD = "U0ALEAD", "U0BLEAD"
A_PEOPLE = ("U0A1", "U0A2", "U0A3")
B_PEOPLE = ("U0B1", "U0B2", "U0B3")
A_SPONSOR, B_SPONSOR = "U0ASPON", "U0BSPON"
TEAM_OF = {**dict.fromkeys((A_LEAD, *A_PEOPLE, A_SPONSOR, "U0AOUT"), CLIENT.team_id)}
TEAM_OF |= dict.fromkeys((B_LEAD, *B_PEOPLE, B_SPONSOR, "U0BOUT", "U0BHIDE"), PROVIDER.team_id)


def companies(*, expiring: bool = False) -> Workspaces:
    """Acme and Globex, joined by a Slack Connect channel everyone but the *OUT people is in."""
    standin = Workspaces(CLIENT, PROVIDER, expiring=expiring)
    inside = (CLIENT.people | PROVIDER.people) - {"U0AOUT", "U0BOUT"}
    standin.share(SHARED, inside | {CLIENT.bot_user, PROVIDER.bot_user})
    return standin


def command(running: RunningApp, text: str, user: str) -> Any:
    """`/rapport …` typed by `user` in the shared channel, from their own workspace."""
    reply = running.slack.command(text, user=user, channel=SHARED, team=TEAM_OF[user])
    assert reply.status == 200, reply.body
    running.settle()
    return reply


def set_up(running: RunningApp) -> None:
    reply = command(
        running,
        f'setup "Acme deal" client:"Acme" provider:"Globex" channel:<#{SHARED}|acme-globex>',
        A_LEAD,
    )
    assert "is set up" in reply.text, reply.text
    added = [
        command(running, f"add {flows.mentions(A_PEOPLE)} client", A_LEAD),
        command(running, f"add {flows.mentions((B_LEAD,))} provider lead", A_LEAD),
        command(running, f"add {flows.mentions(B_PEOPLE)} provider", A_LEAD),
        command(running, f"add {flows.mentions((A_SPONSOR,))} client sponsor", A_LEAD),
        command(running, f"add {flows.mentions((B_SPONSOR,))} provider sponsor", A_LEAD),
    ]
    for reply in added:
        assert "Added" in reply.text or "added" in reply.text, reply.text


def dms_to(standin: Workspaces, user: str) -> list[Call]:
    return [c for c in standin.dms() if c.params["channel"] == user]


def answer(running: RunningApp, user: str, rating: int, sender_team: str) -> Any:
    """`user` taps a rating on the pulse DM they got from `sender_team`'s installation."""
    dm = dms_to(running.standin, user)[-1]  # type: ignore[arg-type]
    button = flows.pulse_button(dm, f"pulse.rate.{rating}")
    reply = running.slack.click(
        f"pulse.rate.{rating}",
        button["value"],
        user=user,
        channel="D" + user[1:],
        ts="1700000099.000100",
        team=TEAM_OF[user],
        sender_team=sender_team,
    )
    running.settle()
    return reply


def event(running: RunningApp, team_id: str, inner: dict[str, Any]) -> Any:
    """An Events API callback from `team_id`'s installation."""
    payload = {
        "type": "event_callback",
        "team_id": team_id,
        "api_app_id": "A0RAPPORT",
        "event": inner,
        "event_id": f"Ev{abs(hash((team_id, str(inner)))) % 10**8}",
        "event_time": 1_700_000_000,
    }
    reply = running.slack.post(json.dumps(payload), "application/json")
    running.settle()
    return reply
