"""`/rapport digest` and `export` as jobs: a worker DMs the digest or the CSV to whoever
asked, then answers them at the command's response_url, as web would have."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from slack_sdk.webhook import WebhookClient

from bot.domain.i18n import reading_as
from bot.domain.people import Caller
from bot.services.digest.on_demand import Pick, Sent, by_name, send_export, send_preview
from bot.services.locales import reader_locale
from handlers.replies import reply_for

if TYPE_CHECKING:
    from bot.services.runtime import Runtime

logger = logging.getLogger(__name__)

# How long a worker waits on Slack to take a command's reply at its response_url.
REPLY_TIMEOUT_SECONDS = 10

OnDemand = tuple[str, Callable[["Runtime", Caller, Pick], Sent]]
DIGEST: OnDemand = ("/rapport digest", send_preview)
EXPORT: OnDemand = ("/rapport export", send_export)


def on_demand_job(runtime: Runtime, what: OnDemand) -> Callable[..., None]:
    """The job of `/rapport digest` or `export`: who asked, and where to answer."""

    def job(
        team_id: str, user_id: str, channel_id: str | None, engagement: str | None, reply_to: str
    ) -> None:
        caller = Caller(team_id, user_id, channel_id)
        answer_on_demand(runtime, caller, engagement, reply_to, what)

    return job


def answer_on_demand(
    runtime: Runtime, caller: Caller, engagement: str | None, reply_to: str, what: OnDemand
) -> None:
    """`/rapport digest` or `export` on a worker: DM the digest or the CSV, then answer the
    caller as web would have (sent, not sent and why, or refused), at the command's
    response_url."""
    command, send = what
    with reading_as(reader_locale(runtime, caller)):
        try:
            text = send(runtime, caller, by_name(caller, engagement)).text
        except Exception as error:
            text = reply_for(error, command)
    answer = WebhookClient(reply_to, timeout=REPLY_TIMEOUT_SECONDS).send(
        text=text, response_type="ephemeral", replace_original=False
    )
    if answer.status_code != 200:
        logger.warning(
            "%s reply to %s not taken: HTTP %s", command, caller.user_id, answer.status_code
        )
