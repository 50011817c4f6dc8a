"""`/rapport close`, `alerts` and `sla`: close a pulse now, list open alerts, record the facts."""

from __future__ import annotations

from bot.domain import catalogue
from bot.domain.digest.text import age
from bot.services.closing import close_and_publish
from bot.services.engagements import choose, require_lead, require_member
from bot.slack.alert_view import state_text
from handlers.commands.request import CommandRequest
from storage import alerts as alert_queries
from storage import pulses as pulse_queries
from storage.models import SlaRecord


def close(request: CommandRequest) -> None:
    services, caller = request.services, request.caller
    with services.database.reading() as session:
        engagement = choose(session, caller, request.command.engagement)
        require_lead(session, engagement, caller)
        pulse = pulse_queries.open_pulse(session, engagement.id)
        name = engagement.name
    if pulse is None:
        request.say(catalogue.NO_OPEN_PULSE.format(engagement=name))
        return
    result = close_and_publish(services.database, services.client, pulse.id, services.now)
    if result is None:
        request.say(catalogue.NO_OPEN_PULSE.format(engagement=name))
        return
    evaluation, figures = result
    live = [c for c in evaluation.changes if c.change != "resolved"]
    if live:
        counts: dict[str, int] = {}
        for change in evaluation.changes:
            counts[change.change] = counts.get(change.change, 0) + 1
        summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
        alerts = catalogue.CLOSED_ALERTS.format(summary=summary)
    else:
        alerts = catalogue.CLOSED_NO_ALERTS
    request.say(catalogue.CLOSED.format(engagement=name, figures=figures, alerts=alerts))


def alerts(request: CommandRequest) -> None:
    services, caller = request.services, request.caller
    with services.database.reading() as session:
        engagement = choose(session, caller, request.command.engagement)
        require_member(session, engagement, caller)
        lines = [
            catalogue.ALERTS_LINE.format(
                title=catalogue.ALERT_TITLES.get(alert.rule, alert.rule),
                state=alert.status,
                age=age(alert.opened_at, services.now()),
                owner=state_text(alert).split(" · ")[-1],
            )
            for alert in alert_queries.live(session, engagement.id)
        ]
        name = engagement.name
    request.say(
        "\n".join([f"*{name}* — open alerts", *lines])
        if lines
        else catalogue.ALERTS_NONE.format(engagement=name)
    )


def sla(request: CommandRequest) -> None:
    services, caller = request.services, request.caller
    args = request.command.args
    with services.database.unit_of_work() as session:
        engagement = choose(session, caller, request.command.engagement)
        require_lead(session, engagement, caller)
        session.add(
            SlaRecord(
                engagement_id=engagement.id,
                status=args["status"],
                note=args["note"] or None,
                recorded_by=caller.user_id,
                recorded_at=services.now(),
            )
        )
        name = engagement.name
    note = f" ({args['note']})" if args["note"] else ""
    request.say(catalogue.SLA_RECORDED.format(engagement=name, status=args["status"], note=note))
