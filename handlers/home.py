"""The App Home tab: your engagements, your role, and a button to set one up."""

from __future__ import annotations

from typing import Any

from slack_bolt import App
from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot import blocks
from bot.pulses import slack_date
from bot.services import Services
from storage import engagements as engagement_queries
from storage import pulses as pulse_queries

SETUP_BUTTON = "home.setup"


def home_view(services: Services, team_id: str, user_id: str) -> dict[str, Any]:
    body: list[Block] = [HeaderBlock(text="Rapport")]
    with services.database.reading() as session:
        for engagement in engagement_queries.of_person(session, team_id, user_id):
            me = engagement_queries.member(session, engagement.id, team_id, user_id)
            pulse = pulse_queries.open_pulse(session, engagement.id)
            state = (
                f"Pulse open, closes {slack_date(pulse.closes_at)}." if pulse else "No pulse open."
            )
            role = f"{me.role} on the {me.side} side" if me else ""
            body += [
                SectionBlock(
                    text=MarkdownTextObject(
                        text=f"*{engagement.name}* — {engagement.client_org} (client) and "
                        f"{engagement.provider_org} (provider)\nYou: {role}. {state}"
                    )
                ),
                DividerBlock(),
            ]
    if len(body) == 1:
        body.append(
            SectionBlock(
                text=MarkdownTextObject(
                    text="You're not on any engagement yet. Set one up, or ask a lead to add you."
                )
            )
        )
    body += [
        ActionsBlock(elements=[ButtonElement(text="Set up an engagement", action_id=SETUP_BUTTON)]),
        ContextBlock(elements=[MarkdownTextObject(text="`/rapport help` lists every command.")]),
    ]
    return View(type="home", blocks=body).to_dict()


def register(app: App, services: Services) -> None:
    @app.event("app_home_opened")
    def opened(event: dict[str, Any], body: dict[str, Any]) -> None:
        if event.get("tab") not in (None, "home"):
            return
        user_id = str(event.get("user") or "")
        team_id = str(body.get("team_id") or "")
        services.client.views_publish(user_id=user_id, view=home_view(services, team_id, user_id))

    @app.action(SETUP_BUTTON)
    def setup_from_home(ack: Any, body: dict[str, Any]) -> None:
        ack()
        services.client.views_open(trigger_id=body["trigger_id"], view=blocks.setup_modal(None))
