"""`/rapport config` and `weight`: tolerances, gap, anonymity minimum, and stakes."""

from __future__ import annotations

from bot.domain import catalogue
from bot.services.engagements import choose, mention, require_lead, require_member
from bot.slack.command_text import CommandError
from bot.slack.config_form import config_modal
from handlers.commands.request import CommandRequest
from storage import engagements as engagement_queries
from storage.models import Engagement


def show(engagement: Engagement, template: str) -> str:
    return template.format(
        engagement=engagement.name,
        schedule=engagement.schedule,
        timezone=engagement.timezone,
        window_hours=engagement.window_hours,
        reminder_hours=engagement.reminder_hours,
        digest_schedule=engagement.digest_schedule,
        client_tolerance=engagement.client_tolerance,
        provider_tolerance=engagement.provider_tolerance,
        gap_threshold=engagement.gap_threshold,
        anonymity_min=engagement.anonymity_min,
    )


INTEGER_FIELDS = frozenset(
    {
        "client_tolerance",
        "provider_tolerance",
        "gap_threshold",
        "anonymity_min",
        "window_hours",
        "reminder_hours",
    }
)


def apply_settings(engagement: Engagement, values: dict[str, str]) -> None:
    """Set checked values on an engagement; a reminder must fall inside the window."""
    window = int(values.get("window_hours", engagement.window_hours))
    reminder = int(values.get("reminder_hours", engagement.reminder_hours))
    if reminder >= window:
        raise CommandError(
            catalogue.CONFIG_REMINDER_AFTER_CLOSE.format(reminder=reminder, window=window)
        )
    for field, value in values.items():
        setattr(engagement, field, int(value) if field in INTEGER_FIELDS else value)


def config(request: CommandRequest) -> None:
    services, caller, args = request.services, request.caller, request.command.args
    if not args:
        with services.database.reading() as session:
            engagement = choose(session, caller, request.command.engagement)
            me = require_member(session, engagement, caller)
            form = config_modal(engagement) if me.role == "lead" else None
            text = show(engagement, catalogue.CONFIG_SHOW)
        if form is not None and request.trigger_id:
            services.client.views_open(trigger_id=request.trigger_id, view=form)
        else:
            request.say(text)
        return
    with services.database.unit_of_work() as session:
        engagement = choose(session, caller, request.command.engagement)
        require_lead(session, engagement, caller)
        apply_settings(engagement, args)
        text = show(engagement, catalogue.CONFIG_DONE)
    request.say(text)


def weight(request: CommandRequest) -> None:
    services, caller, command = request.services, request.caller, request.command
    user_id = command.users[0]
    with services.database.unit_of_work() as session:
        engagement = choose(session, caller, command.engagement)
        require_lead(session, engagement, caller)
        member = engagement_queries.member_by_user(session, engagement.id, user_id)
        if member is None or member.status == "removed":
            text = catalogue.NOT_ON_ENGAGEMENT.format(
                person=mention(user_id), engagement=engagement.name
            )
        else:
            member.weight = float(command.args["weight"])
            text = catalogue.WEIGHT_SET.format(
                person=mention(user_id), engagement=engagement.name, weight=member.weight
            )
    request.say(text)
