"""The App Home tab: the state of each engagement for leads and sponsors, your own pulse for all."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App
from sqlalchemy.orm import Session

from bot.services.engagements import Caller
from bot.slack import blocks
from bot.slack.command_text import CommandError
from bot.slack.home_view import DIGEST_BUTTON, EXPORT_BUTTON, SETUP_BUTTON, home_view
from bot.wiring.container import Services
from handlers.actions import caller_of
from handlers.commands.digest import Pick, Send, send_export, send_preview
from storage.models import Engagement

logger = logging.getLogger(__name__)

__all__ = ["SETUP_BUTTON", "register"]


def _clicked(body: dict[str, Any]) -> tuple[Caller, Pick]:
    """Who pressed a Home button, and the engagement it names (checked by the callee)."""
    caller = caller_of(body)
    raw = str((body.get("actions") or [{}])[0].get("value") or "")

    def pick(session: Session) -> Engagement:
        engagement = session.get(Engagement, int(raw)) if raw.isdigit() else None
        if engagement is None or engagement.team_id != caller.team_id:
            raise CommandError("That engagement no longer exists.")
        return engagement

    return caller, pick


def register(app: App, services: Services) -> None:
    def publish(team_id: str, user_id: str) -> None:
        with services.database.reading() as session:
            view = home_view(session, team_id, user_id, services.now())
        services.client.views_publish(user_id=user_id, view=view)

    @app.event("app_home_opened")
    def opened(event: dict[str, Any], body: dict[str, Any]) -> None:
        if event.get("tab") not in (None, "home"):
            return
        publish(str(body.get("team_id") or ""), str(event.get("user") or ""))

    @app.action(SETUP_BUTTON)
    def setup_from_home(ack: Ack, body: dict[str, Any]) -> None:
        ack()
        services.client.views_open(trigger_id=body["trigger_id"], view=blocks.setup_modal(None))

    def send_from_home(send: Send, body: dict[str, Any]) -> None:
        """Home has no reply channel: the DM is the answer, and a refusal comes by DM too."""
        caller, pick = _clicked(body)
        try:
            sent, text = send(services, caller, pick)
        except CommandError as error:
            sent, text = False, str(error)
        if not sent:
            services.client.chat_postMessage(channel=caller.user_id, text=text)

    @app.action(DIGEST_BUTTON)
    def digest_from_home(ack: Ack, body: dict[str, Any]) -> None:
        ack()
        send_from_home(send_preview, body)

    @app.action(EXPORT_BUTTON)
    def export_from_home(ack: Ack, body: dict[str, Any]) -> None:
        ack()
        send_from_home(send_export, body)
