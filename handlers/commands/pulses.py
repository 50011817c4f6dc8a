"""`/rapport send`, `status` and `close`: start a pulse now, see how it goes, close it now."""

from __future__ import annotations

from functools import partial

from bot.domain import reply_text
from bot.services.closing import close_now
from bot.services.delivery.pulse_dms import FanoutResult
from bot.services.pulses import status_of
from bot.services.sending import OpenedPulse, deliver_until_settled, guarded, open_now
from bot.views.mrkdwn import mention
from bot.views.status_view import status_text
from handlers.commands.registry import CommandRequest, NoArguments, argumentless


def send(request: CommandRequest[NoArguments]) -> None:
    """Open the pulse here; its DMs go out on the background pool, which reports back."""
    opened = open_now(request.container, request.caller, request.engagement)
    request.say(
        reply_text.PULSE_SENDING.format(engagement=opened.engagement, count=opened.recipients)
    )
    report = partial(_report_sent, request, opened)
    request.container.background.submit(
        guarded, deliver_until_settled, request.container, opened.pulse_id, report
    )


def _report_sent(
    request: CommandRequest[NoArguments], opened: OpenedPulse, result: FanoutResult
) -> None:
    """What the first pass did, truthfully: sent, refused by Slack, and still being retried."""
    text = reply_text.PULSE_SENT.format(
        engagement=opened.engagement, sent=result.sent + result.recovered, total=opened.recipients
    )
    if result.failed:
        people = ", ".join(f"{mention(u)} ({code})" for u, code in result.failed.items())
        text += reply_text.PULSE_UNREACHABLE.format(people=people)
    if result.retrying:
        reasons = ", ".join(sorted(set(result.retrying.values())))
        text += reply_text.PULSE_RETRYING.format(count=len(result.retrying), reasons=reasons)
    for side in opened.thin_sides:
        text += reply_text.PULSE_THIN_SIDE.format(side=side, minimum=opened.minimum)
    request.say(text)


def status(request: CommandRequest[NoArguments]) -> None:
    container, caller = request.container, request.caller
    found = status_of(container, caller, request.engagement)
    request.say(status_text(found, container.now()))


def close(request: CommandRequest[NoArguments]) -> None:
    report = close_now(request.container, request.caller, request.engagement)
    if any(change != "resolved" for change in report.alert_changes):
        summary = ", ".join(f"{n} {kind}" for kind, n in report.alert_changes.items())
        alerts = reply_text.CLOSED_ALERTS.format(summary=summary)
    else:
        alerts = reply_text.CLOSED_NO_ALERTS
    published = report.published
    if published.queued:
        alerts += reply_text.CLOSED_POSTS_QUEUED
    if published.waiting:
        reasons = ", ".join(sorted(set(published.waiting.values())))
        alerts += reply_text.CLOSED_POSTS_WAITING.format(reasons=reasons)
    if published.refused:
        reasons = ", ".join(sorted(set(published.refused.values())))
        alerts += reply_text.CLOSED_POSTS_REFUSED.format(reasons=reasons)
    request.say(
        reply_text.CLOSED.format(
            engagement=report.engagement, figures=report.figures, alerts=alerts
        )
    )


SUBCOMMANDS = (
    argumentless("send", send, "pulses"),
    argumentless("status", status, "pulses", in_ack=True),
    argumentless("close", close, "pulses", background=True),
)
