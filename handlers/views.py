"""Modal submissions: a pulse comment, and the setup form."""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt import Ack, App
from sqlalchemy.exc import NoResultFound

from bot.domain import catalogue
from bot.services.engagements import ensure_name_free, require_lead
from bot.slack import blocks
from bot.slack.command_text import CommandError, clean_name
from bot.slack.config_form import CONFIG_VIEW, read_form
from bot.wiring.container import Services
from handlers.actions import caller_of, save_answer, update_pulse_message
from handlers.commands.settings import apply_settings, show
from handlers.commands.setup import create_and_announce
from storage.models import COMMENT_MAX, Engagement

logger = logging.getLogger(__name__)


def _value(view: dict[str, Any], block: str, action: str = "value") -> Any:
    state = (view.get("state") or {}).get("values") or {}
    return (state.get(block) or {}).get(action) or {}


def register(app: App, services: Services) -> None:
    @app.view(blocks.COMMENT_VIEW)
    def comment(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        text = str(_value(view, "comment", "text").get("value") or "")
        if not text.strip():
            ack(response_action="errors", errors={"comment": catalogue.COMMENT_EMPTY})
            return
        if len(text) > COMMENT_MAX:
            error = catalogue.COMMENT_TOO_LONG.format(limit=COMMENT_MAX)
            ack(response_action="errors", errors={"comment": error})
            return
        try:
            meta = json.loads(view.get("private_metadata") or "")
            pulse_id = int(meta["p"])
        except (ValueError, TypeError, KeyError):
            logger.warning("comment form with unreadable metadata")
            ack(response_action="errors", errors={"comment": catalogue.SOMETHING_WRONG})
            return
        message = save_answer(services, caller_of(body), pulse_id, comment=text)
        if isinstance(message, str):
            ack(response_action="errors", errors={"comment": message})
            return
        ack()
        update_pulse_message(services, meta.get("c"), meta.get("ts"), message)

    @app.view(CONFIG_VIEW)
    def config(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        values, errors = read_form((view.get("state") or {}).get("values") or {})
        if errors:
            ack(response_action="errors", errors=errors)
            return
        caller = caller_of(body)
        try:
            engagement_id = int(json.loads(view.get("private_metadata") or "")["e"])
            with services.database.unit_of_work() as session:
                engagement = session.get_one(Engagement, engagement_id)
                require_lead(session, engagement, caller)
                apply_settings(engagement, values)
                text = show(engagement, catalogue.CONFIG_DONE)
        except CommandError as error:
            ack(response_action="errors", errors={"reminder": str(error)[:150]})
            return
        except (ValueError, KeyError, NoResultFound):
            logger.warning("settings form with unreadable metadata")
            ack(response_action="errors", errors={"schedule": catalogue.SOMETHING_WRONG})
            return
        ack()
        services.client.chat_postMessage(channel=caller.user_id, text=text)

    @app.view(blocks.SETUP_VIEW)
    def setup(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        fields: dict[str, str] = {}
        errors: dict[str, str] = {}
        for block, what in (
            ("name", "engagement name"),
            ("client", "client organisation"),
            ("provider", "provider organisation"),
        ):
            try:
                fields[block] = clean_name(str(_value(view, block).get("value") or ""), what)
            except CommandError as error:
                errors[block] = str(error)
        channel = _value(view, "channel").get("selected_conversation")
        if not channel:
            errors["channel"] = "Pick the channel where alerts should go."
        if errors:
            ack(response_action="errors", errors=errors)
            return
        caller = caller_of(body)

        def tell_lead(text: str) -> None:
            services.client.chat_postMessage(channel=caller.user_id, text=text)

        try:
            with services.database.reading() as session:
                ensure_name_free(session, caller.team_id, fields["name"])
        except CommandError as error:
            ack(response_action="errors", errors={"name": str(error)})
            return
        ack()
        create_and_announce(
            services,
            caller,
            name=fields["name"],
            client_org=fields["client"],
            provider_org=fields["provider"],
            channel=str(channel),
            lead_side="client",
            reply=tell_lead,
        )
