"""`/rapport digest` and `export`: the digest, or the figures per pulse, in the caller's DM."""

from __future__ import annotations

import logging
import re

from slack_sdk.errors import SlackApiError, SlackClientError

from bot import messages
from bot.digest.access import require_reader
from bot.digest.assemble import assemble
from bot.digest.deliver import render, send_digest, send_file
from bot.engagements import choose
from bot.export import export_rows, to_csv
from handlers.commands.request import CommandRequest

logger = logging.getLogger(__name__)


def _error_code(error: SlackClientError) -> str:
    if isinstance(error, SlackApiError):
        return str(error.response.get("error") or f"http {error.response.status_code}")
    return "Slack could not be reached"


def digest(request: CommandRequest) -> None:
    """Preview the digest its sponsors get, to the calling lead or sponsor only."""
    services, caller = request.services, request.caller
    with services.database.reading() as session:
        engagement = choose(session, caller, request.command.engagement)
        require_reader(session, engagement, caller)
        digest_input = assemble(session, engagement, services.now())
        name = engagement.name
    try:
        send_digest(services.client, caller.user_id, render(digest_input))
    except SlackClientError as error:
        logger.warning("digest preview for %s failed: %s", caller.user_id, error)
        request.say(messages.DIGEST_NOT_SENT.format(engagement=name, error=_error_code(error)))
        return
    request.say(messages.DIGEST_PREVIEW_SENT.format(engagement=name))


def export(request: CommandRequest) -> None:
    """Upload the per-pulse aggregates as CSV to the calling lead or sponsor's DM."""
    services, caller = request.services, request.caller
    with services.database.reading() as session:
        engagement = choose(session, caller, request.command.engagement)
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
        request.say(messages.EXPORT_NOT_SENT.format(engagement=name, error=_error_code(error)))
        return
    request.say(messages.EXPORT_SENT.format(engagement=name, pulses=len(rows)))
