"""Form submissions that set an engagement up or change its settings."""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from slack_bolt import Ack, App

from bot.domain import catalogue
from bot.domain.engagement_settings import SettingError
from bot.domain.errors import Refused
from bot.services.configure import change_settings_of
from bot.services.container import Container
from bot.services.setup import Proposal, check_channel, check_name_free, set_up_and_announce
from bot.slack.command_text import CommandError, clean_name
from bot.views.config_form import CONFIG_VIEW, read_form
from bot.views.setup_form import SETUP_VIEW
from handlers.replies import caller_of, json_field, view_value

logger = logging.getLogger(__name__)
ERROR_MAX = 150
NAMED_FIELDS = (
    ("name", "engagement name"),
    ("client", "client organisation"),
    ("provider", "provider organisation"),
)


def submit_settings(
    container: Container, ack: Ack, body: dict[str, Any], view: dict[str, Any]
) -> None:
    values, errors = read_form((view.get("state") or {}).get("values") or {})
    if errors:
        ack(response_action="errors", errors=errors)
        return
    engagement_id = json_field(view.get("private_metadata"), "e")
    if engagement_id is None:
        logger.warning("settings form with unreadable metadata")
        ack(response_action="errors", errors={"schedule": catalogue.SOMETHING_WRONG})
        return
    caller = caller_of(body)
    try:
        text = change_settings_of(container, caller, engagement_id, values)
    except SettingError as error:
        ack(response_action="errors", errors={error.key: str(error)[:ERROR_MAX]})
        return
    except Refused as refusal:
        ack(response_action="errors", errors={"schedule": str(refusal)[:ERROR_MAX]})
        return
    ack()
    container.client.chat_postMessage(channel=caller.user_id, text=text)


def submit_setup(
    container: Container, ack: Ack, body: dict[str, Any], view: dict[str, Any]
) -> None:
    fields: dict[str, str] = {}
    errors: dict[str, str] = {}
    for block, what in NAMED_FIELDS:
        try:
            fields[block] = clean_name(str(view_value(view, block).get("value") or ""), what)
        except CommandError as error:
            errors[block] = str(error)
    channel = view_value(view, "channel").get("selected_conversation")
    if not channel:
        errors["channel"] = catalogue.SETUP_PICK_CHANNEL
    if errors:
        ack(response_action="errors", errors=errors)
        return
    caller = caller_of(body)
    for field, check in (
        ("name", partial(check_name_free, container, caller, fields["name"])),
        ("channel", partial(check_channel, container, caller, str(channel))),
    ):
        try:
            check()
        except Refused as refusal:
            ack(response_action="errors", errors={field: str(refusal)[:ERROR_MAX]})
            return
    ack()
    proposal = Proposal(fields["name"], fields["client"], fields["provider"], str(channel))
    try:
        done = set_up_and_announce(container, caller, proposal)
    except Refused as refusal:
        # Lost a race with another setup between the checks and the write.
        container.client.chat_postMessage(channel=caller.user_id, text=str(refusal))
        return
    tell = partial(container.client.chat_postMessage, channel=caller.user_id)
    tell(
        text=catalogue.SETUP_DONE.format(
            name=done.name,
            client=proposal.client_org,
            provider=proposal.provider_org,
            channel=channel,
        )
    )
    if done.problem is not None:
        tell(text=catalogue.NOT_IN_CHANNEL.format(channel=channel, error=done.problem))


def register(app: App, container: Container) -> None:
    app.view(CONFIG_VIEW)(partial(submit_settings, container))
    app.view(SETUP_VIEW)(partial(submit_setup, container))
