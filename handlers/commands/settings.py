"""`/rapport config` and `weight`: an engagement's settings, and a person's stake."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain import help_text, reply_text
from bot.domain.engagement_settings import Value, read_setting, shown
from bot.services.configure import configure, settings_shown, weigh
from bot.slack.command_text import CommandError, Token, parse_weight, user_id
from bot.views.config_form import config_modal
from bot.views.mrkdwn import mention
from handlers.commands.registry import CommandRequest, Subcommand


@dataclass(frozen=True, slots=True)
class ConfigArgs:
    """Settings to change, attribute → checked value; empty to show them (or the form)."""

    changes: dict[str, Value]


@dataclass(frozen=True, slots=True)
class WeightArgs:
    user_id: str
    weight: float


def parse_config(tokens: list[Token]) -> ConfigArgs:
    changes: dict[str, Value] = {}
    for token in tokens:
        if token.key is None:
            raise CommandError(reply_text.CONFIG_USAGE)
        attribute, value = read_setting(token.key, token.value)
        changes[attribute] = value
    return ConfigArgs(changes)


def parse_weight_command(tokens: list[Token]) -> WeightArgs:
    if len(tokens) != 2 or any(t.key for t in tokens):
        raise CommandError(reply_text.WEIGHT_USAGE)
    return WeightArgs(user_id(tokens[0].value), parse_weight(tokens[1].value))


def config(request: CommandRequest[ConfigArgs]) -> None:
    container, caller = request.container, request.caller
    if request.args.changes:
        request.say(configure(container, caller, request.engagement, request.args.changes))
        return
    found = settings_shown(container, caller, request.engagement)
    if found.leads and request.trigger_id:
        form = config_modal(found.engagement_id, found.current)
        container.messenger.open_form(request.trigger_id, form)
    else:
        request.say(reply_text.CONFIG_SHOW.format(engagement=found.name, **shown(found.current)))


def weight(request: CommandRequest[WeightArgs]) -> None:
    container, caller, args = request.container, request.caller, request.args
    name, weighed = weigh(container, caller, request.engagement, args.user_id, args.weight)
    person = mention(args.user_id)
    if not weighed:
        request.say(reply_text.NOT_ON_ENGAGEMENT.format(person=person, engagement=name))
    else:
        done = reply_text.WEIGHT_SET.format(person=person, engagement=name, weight=args.weight)
        request.say(done + reply_text.FROM_NEXT_PULSE)


SUBCOMMANDS = (
    Subcommand("config", parse_config, config, help_text.HELP_LINES["config"], "settings"),
    Subcommand("weight", parse_weight_command, weight, help_text.HELP_LINES["weight"], "settings"),
)
