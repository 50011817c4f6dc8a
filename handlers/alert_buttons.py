"""Alert buttons in the shared channel: Acknowledge and Assign owner (and its form), leads only."""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.domain import catalogue
from bot.domain.errors import Refused
from bot.services.alerts import acknowledge, assign, check_can_follow_up
from bot.services.container import Container
from bot.views.alert_finding import ACK_ACTION, ASSIGN_ACTION, ASSIGN_VIEW, assign_modal
from handlers.replies import caller_of, json_field, refuse, view_value

logger = logging.getLogger(__name__)


def acknowledge_alert(
    container: Container, ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond
) -> None:
    ack()
    alert_id = json_field(action.get("value"), "a")
    if alert_id is None:
        logger.warning("unreadable alert button value")
        return
    try:
        acknowledge(container, alert_id, caller_of(body))
    except Refused as refusal:
        refuse(respond, str(refusal))


def open_assign_form(
    container: Container, ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond
) -> None:
    ack()
    alert_id = json_field(action.get("value"), "a")
    if alert_id is None:
        logger.warning("unreadable alert button value")
        return
    try:
        check_can_follow_up(container, alert_id, caller_of(body))
    except Refused as refusal:
        refuse(respond, str(refusal))
        return
    container.client.views_open(trigger_id=body["trigger_id"], view=assign_modal(alert_id))


def submit_owner(
    container: Container, ack: Ack, body: dict[str, Any], view: dict[str, Any]
) -> None:
    alert_id = json_field(view.get("private_metadata"), "a")
    owner = view_value(view, "owner").get("selected_user")
    if alert_id is None or not owner:
        ack(response_action="errors", errors={"owner": catalogue.ALERT_ASSIGN_LABEL})
        return
    try:
        assign(container, alert_id, caller_of(body), str(owner))
    except Refused as refusal:
        ack(response_action="errors", errors={"owner": str(refusal)})
        return
    ack()


def register(app: App, container: Container) -> None:
    app.action(ACK_ACTION)(partial(acknowledge_alert, container))
    app.action(ASSIGN_ACTION)(partial(open_assign_form, container))
    app.view(ASSIGN_VIEW)(partial(submit_owner, container))
