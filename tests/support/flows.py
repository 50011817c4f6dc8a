"""Short, readable steps for end-to-end tests: set up, add people, send, answer."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select

from bot.slack import history
from storage.models import Alert, AlertMessage, Base
from tests.support.slack_api import Call

LEAD = "U0LEAD"
CHANNEL = "C0ALERTS"
CLIENTS = ("U0CLI1", "U0CLI2", "U0CLI3")
PROVIDERS = ("U0PRO1", "U0PRO2", "U0PRO3")


def slack_minute_lasts(standin: Any, seconds: float) -> None:
    """Run Slack's clock (its tiers, the one-a-minute history read) and Rapport's own spacing
    of history reads so that one of Slack's minutes lasts `seconds` of the test."""
    standin.time_factor = 60.0 / seconds
    history.GATE.window = seconds


def mentions(users: tuple[str, ...] | list[str]) -> str:
    return " ".join(f"<@{u}|{u.lower()}>" for u in users)


def set_up(rapport: Any, name: str = "Acme deal", lead: str = LEAD, channel: str = CHANNEL) -> None:
    reply = rapport.slack.command(
        f'setup "{name}" client:"Acme" provider:"Globex" channel:<#{channel}|acme-globex>',
        user=lead,
    )
    assert reply.status == 200 and "is set up" in reply.text, reply.body
    rapport.settle()


def add(rapport: Any, users: tuple[str, ...], side: str, *extra: str, lead: str = LEAD) -> str:
    reply = rapport.slack.command(f"add {mentions(users)} {side} {' '.join(extra)}", user=lead)
    assert reply.status == 200
    rapport.settle()
    text: str = reply.all_text()
    return text


def engagement_with_people(rapport: Any) -> None:
    set_up(rapport)
    add(rapport, CLIENTS, "client")
    add(rapport, PROVIDERS, "provider")


def send(rapport: Any, lead: str = LEAD) -> str:
    reply = rapport.slack.command("send", user=lead)
    assert reply.status == 200
    rapport.settle()
    text: str = reply.all_text()
    return text


def dms_to(standin: Any, user: str) -> list[Call]:
    return [c for c in standin.dms() if c.params["channel"] == user]


def pulse_button(dm: Call, action_id: str) -> dict[str, Any]:
    """Find a button in a pulse DM's blocks, as Slack would render it."""
    blocks = dm.params["blocks"]
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    for block in blocks:
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                return dict(element)
    raise AssertionError(f"no {action_id} button in the DM")


def click(rapport: Any, user: str, action_id: str) -> Any:
    """Press a button on the pulse DM this user received."""
    dm = dms_to(rapport.standin, user)[-1]
    button = pulse_button(dm, action_id)
    channel = "D" + user[1:]
    reply = rapport.slack.click(
        action_id, button["value"], user=user, channel=channel, ts="1700000099.000100"
    )
    rapport.settle()
    return reply


def count_rows(database: Any) -> dict[str, int]:
    with database.unit_of_work() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        }


def answer_round(rapport: Any, client: list[int], provider: list[int]) -> None:
    send(rapport)
    for user, rating in zip(CLIENTS, client, strict=True):
        click(rapport, user, f"pulse.rate.{rating}")
    for user, rating in zip(PROVIDERS, provider, strict=True):
        click(rapport, user, f"pulse.rate.{rating}")


def close(rapport: Any) -> str:
    reply = rapport.slack.command("close")
    assert reply.status == 200
    text: str = reply.text
    return text


def channel_posts(rapport: Any) -> list[dict[str, object]]:
    return [
        c.params
        for c in rapport.standin.calls_to("chat.postMessage")
        if c.params.get("channel") == CHANNEL and "blocks" in c.params
    ]


def alerts(rapport: Any) -> dict[str, Alert]:
    with rapport.database.reading() as session:
        return {a.rule: a for a in session.scalars(select(Alert)).all()}


def messages(rapport: Any) -> list[AlertMessage]:
    """The grouped alert messages, oldest first."""
    with rapport.database.reading() as session:
        return list(session.scalars(select(AlertMessage).order_by(AlertMessage.id)).all())


def message_of(rapport: Any, alert: Alert) -> AlertMessage:
    """The grouped message an alert is shown in."""
    with rapport.database.reading() as session:
        message: AlertMessage = session.get_one(AlertMessage, alert.message_id)
        return message


def blocks_text(params: dict[str, object]) -> str:
    blocks = params["blocks"]
    return json.dumps(blocks if not isinstance(blocks, str) else json.loads(blocks))


def comment(rapport: Any, user: str, text: str) -> None:
    """Open the comment form from the user's pulse DM and submit it."""
    click(rapport, user, "pulse.comment")
    opened = rapport.standin.calls_to("views.open")[-1].params["view"]
    meta = (json.loads(opened) if isinstance(opened, str) else opened)["private_metadata"]
    values = {"comment": {"text": {"type": "plain_text_input", "value": text}}}
    assert rapport.slack.submit("pulse.comment", values, user=user, private_metadata=meta)
    rapport.settle()


def pulse_id_of(rapport: Any, user: str) -> int:
    """The pulse of the last pulse DM this user received."""
    dm = dms_to(rapport.standin, user)[-1]
    return int(json.loads(pulse_button(dm, "pulse.rate.1")["value"])["p"])


def pick_drivers(rapport: Any, user: str, drivers: list[str]) -> Any:
    """Pick drivers under the rating in this user's pulse DM (all of them, as Slack sends)."""
    block = f"pulse.drivers.{pulse_id_of(rapport, user)}"
    reply = rapport.slack.select(
        "pulse.drivers", block, drivers, user=user, channel="D" + user[1:], ts="1700000099.000100"
    )
    rapport.settle()
    return reply
