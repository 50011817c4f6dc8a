"""`/rapport digest` and `export`: the digest, or the figures per pulse, in the caller's DM."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from slack_sdk.errors import SlackApiError, SlackClientError
from sqlalchemy.orm import Session

from bot.domain import catalogue
from bot.services.digest.access import require_reader
from bot.services.digest.assemble import assemble
from bot.services.engagements import Caller, choose
from bot.services.export import export_rows, to_csv
from bot.slack.digest_delivery import render, send_digest, send_file
from bot.wiring.container import Services
from handlers.commands.request import CommandRequest
from storage.models import Engagement

logger = logging.getLogger(__name__)

Pick = Callable[[Session], Engagement]
Send = Callable[[Services, Caller, Pick], tuple[bool, str]]


def _error_code(error: SlackClientError) -> str:
    if isinstance(error, SlackApiError):
        return str(error.response.get("error") or f"http {error.response.status_code}")
    return "Slack could not be reached"


def send_preview(services: Services, caller: Caller, pick: Pick) -> tuple[bool, str]:
    """DM the caller the digest its sponsors get; returns whether it went, and what to say.

    Raises ``CommandError`` when the caller neither leads nor sponsors the engagement.
    """
    with services.database.reading() as session:
        engagement = pick(session)
        require_reader(session, engagement, caller)
        digest_input = assemble(session, engagement, services.now())
        name = engagement.name
    try:
        send_digest(services.client, caller.user_id, render(digest_input))
    except SlackClientError as error:
        logger.warning("digest preview for %s failed: %s", caller.user_id, error)
        return False, catalogue.DIGEST_NOT_SENT.format(engagement=name, error=_error_code(error))
    return True, catalogue.DIGEST_PREVIEW_SENT.format(engagement=name)


def send_export(services: Services, caller: Caller, pick: Pick) -> tuple[bool, str]:
    """Upload the per-pulse aggregates as CSV to the caller's DM; whether it went, what to say."""
    with services.database.reading() as session:
        engagement = pick(session)
        require_reader(session, engagement, caller)
        rows = export_rows(session, engagement)
        name = engagement.name
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "engagement"
    try:
        send_file(
            services.client,
            caller.user_id,
            to_csv(rows),
            filename=f"rapport-{slug}-pulses.csv",
            title=f"{name} — figures per pulse",
        )
    except SlackClientError as error:
        logger.warning("export for %s failed: %s", caller.user_id, error)
        return False, catalogue.EXPORT_NOT_SENT.format(engagement=name, error=_error_code(error))
    return True, catalogue.EXPORT_SENT.format(engagement=name, pulses=len(rows))


def digest(request: CommandRequest) -> None:
    caller, name = request.caller, request.command.engagement
    _, text = send_preview(request.services, caller, lambda s: choose(s, caller, name))
    request.say(text)


def export(request: CommandRequest) -> None:
    caller, name = request.caller, request.command.engagement
    _, text = send_export(request.services, caller, lambda s: choose(s, caller, name))
    request.say(text)
