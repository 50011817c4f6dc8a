"""Alert buttons in the shared channel: Acknowledge and Assign owner, for leads only."""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk.models.blocks import InputBlock, UserSelectElement
from slack_sdk.models.views import View

from bot.domain import catalogue
from bot.services.engagements import Caller, require_lead
from bot.slack.alert_view import ACK_ACTION, ASSIGN_ACTION, ASSIGN_VIEW, alert_blocks, alert_text
from bot.slack.command_text import CommandError
from bot.wiring.container import Services
from handlers.actions import caller_of, refuse
from storage.models import Alert

logger = logging.getLogger(__name__)


def _alert_id(raw: str | None) -> int | None:
    try:
        value = json.loads(raw or "")
        return int(value["a"])
    except (ValueError, TypeError, KeyError):
        return None


def assign_modal(alert_id: int) -> dict[str, Any]:
    return View(
        type="modal",
        callback_id=ASSIGN_VIEW,
        title=catalogue.ALERT_ASSIGN_TITLE,
        submit="Assign",
        close="Cancel",
        private_metadata=json.dumps({"a": alert_id}),
        blocks=[
            InputBlock(
                block_id="owner",
                label=catalogue.ALERT_ASSIGN_LABEL,
                element=UserSelectElement(action_id="value"),
            )
        ],
    ).to_dict()


def register(app: App, services: Services) -> None:
    def change(alert_id: int, caller: Caller, apply: Any) -> str | None:
        """Apply a lead's change to a live alert and redraw it; the refusal text otherwise."""
        with services.database.unit_of_work() as session:
            alert = session.get(Alert, alert_id)
            if alert is None:
                return catalogue.SOMETHING_WRONG
            try:
                require_lead(session, alert.engagement, caller)
            except CommandError as error:
                return str(error)
            if alert.status == "resolved":
                return catalogue.ALERT_ALREADY_RESOLVED
            apply(alert)
            session.flush()
            channel, ts = alert.channel_id, alert.message_ts
            blocks, text = alert_blocks(alert), alert_text(alert)
        if ts:
            services.client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)
        return None

    @app.action(ACK_ACTION)
    def acknowledge(
        ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond
    ) -> None:
        ack()
        alert_id = _alert_id(action.get("value"))
        if alert_id is None:
            logger.warning("unreadable alert button value: %r", action.get("value"))
            return
        caller = caller_of(body)
        now = services.now()

        def apply(alert: Alert) -> None:
            alert.status, alert.acknowledged_by, alert.acknowledged_at = (
                "acknowledged",
                caller.user_id,
                now,
            )

        refusal = change(alert_id, caller, apply)
        if refusal:
            refuse(respond, refusal)

    @app.action(ASSIGN_ACTION)
    def assign(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        ack()
        alert_id = _alert_id(action.get("value"))
        if alert_id is None:
            return
        caller = caller_of(body)
        refusal = change(alert_id, caller, lambda alert: None)
        if refusal:
            refuse(respond, refusal)
            return
        services.client.views_open(trigger_id=body["trigger_id"], view=assign_modal(alert_id))

    @app.view(ASSIGN_VIEW)
    def assigned(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        alert_id = _alert_id(view.get("private_metadata"))
        state = ((view.get("state") or {}).get("values") or {}).get("owner") or {}
        owner = (state.get("value") or {}).get("selected_user")
        if alert_id is None or not owner:
            ack(response_action="errors", errors={"owner": catalogue.ALERT_ASSIGN_LABEL})
            return
        caller = caller_of(body)
        refusal = change(alert_id, caller, lambda alert: setattr(alert, "owner_user_id", owner))
        if refusal:
            ack(response_action="errors", errors={"owner": refusal})
            return
        ack()
