"""Actions on an alert: "Add action" and its form (leads of either side), and "Done" buttons."""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.domain import catalogue
from bot.domain.actions import InvalidAction
from bot.domain.errors import Refused
from bot.services.actions import add_action, complete_action, form_date
from bot.services.container import Container
from bot.views.action_view import ADD_ACTION, ADD_ACTION_VIEW, DONE_ACTION, add_action_modal
from handlers.replies import caller_of, json_field, refuse, reply_for, view_value

logger = logging.getLogger(__name__)


def open_add_form(
    container: Container, ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond
) -> None:
    ack()
    alert_id = json_field(action.get("value"), "a")
    if alert_id is None:
        logger.warning("unreadable alert button value")
        return
    try:
        today = form_date(container, alert_id, caller_of(body))
    except Refused as refusal:
        refuse(respond, str(refusal))
        return
    view = add_action_modal(alert_id, today)
    container.client.views_open(trigger_id=body["trigger_id"], view=view)


def submit_action(
    container: Container, ack: Ack, body: dict[str, Any], view: dict[str, Any]
) -> None:
    alert_id = json_field(view.get("private_metadata"), "a")
    if alert_id is None:
        logger.warning("action form with unreadable metadata")
        ack(response_action="errors", errors={"text": catalogue.SOMETHING_WRONG})
        return
    try:
        add_action(
            container,
            alert_id,
            caller_of(body),
            text=view_value(view, "text").get("value"),
            owner=view_value(view, "owner").get("selected_user"),
            due=view_value(view, "due").get("selected_date"),
        )
    except InvalidAction as invalid:
        ack(response_action="errors", errors={invalid.field: str(invalid)})
        return
    except Exception as error:
        ack(response_action="errors", errors={"text": reply_for(error, "adding an action")})
        return
    ack()


def mark_done(
    container: Container, ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond
) -> None:
    ack()
    action_id = json_field(action.get("value"), "x")
    if action_id is None:
        logger.warning("unreadable action button value")
        return
    try:
        complete_action(container, action_id, caller_of(body))
    except Exception as error:
        refuse(respond, reply_for(error, "marking an action done"))


def register(app: App, container: Container) -> None:
    app.action(ADD_ACTION)(partial(open_add_form, container))
    app.view(ADD_ACTION_VIEW)(partial(submit_action, container))
    app.action(DONE_ACTION)(partial(mark_done, container))
