"""`/rapport` subcommands: one `Subcommand` record each, and the one listener built from them.

A record names the subcommand, reads its typed arguments, handles it, says where its
help line goes and whether its answer rides in the acknowledgement. The dispatcher, the
`help` text and the README check are all built from the same list, so adding a
subcommand is adding one record to a handler module's `SUBCOMMANDS`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Generic, TypeVar

from slack_bolt import Ack, App, Respond

from bot.domain import help_text, reply_text
from bot.domain.i18n import gettext
from bot.domain.people import Caller
from bot.services.runtime import Runtime
from bot.slack.command_text import CommandError, Token, split_command
from handlers.replies import reply_for

logger = logging.getLogger(__name__)
A = TypeVar("A")


@dataclass(frozen=True, slots=True)
class NoArguments:
    """The arguments of a subcommand that takes none."""


@dataclass(slots=True)
class CommandRequest(Generic[A]):
    """What a subcommand handler receives, and how it answers the person who typed it."""

    container: Runtime
    caller: Caller
    ack: Ack
    respond: Respond
    trigger_id: str
    engagement: str | None
    args: A
    registry: Registry
    acked: bool = False

    def acknowledge(self) -> None:
        """Tell Slack we have the command, with nothing to show yet."""
        if not self.acked:
            self.ack()
            self.acked = True

    def say(self, text: str) -> None:
        """Answer only the caller: in the ack if still possible, else via response_url."""
        if not self.acked:
            self.ack(text=text, response_type="ephemeral")
            self.acked = True
        else:
            self.respond(text=text, response_type="ephemeral", replace_original=False)


@dataclass(frozen=True, slots=True)
class Subcommand(Generic[A]):
    """One subcommand, declared once.

    Attributes:
        name: the word after `/rapport`.
        parse: reads the tokens after the name into typed arguments; raises `CommandError`.
        handle: does the work and answers through the request.
        help: its lines in `/rapport help` (catalogue text).
        group: the help section it belongs to (a key of `help_text.HELP_GROUPS`).
        in_ack: answered inside Slack's acknowledgement (a few reads that never wait).
        background: long work (closing and publishing, the digest, the export) that runs
            on the process's background pool after the acknowledgement, so Bolt's
            listener threads stay free for clicks and commands.
    """

    name: str
    parse: Callable[[list[Token]], A]
    handle: Callable[[CommandRequest[A]], None]
    help: str
    group: str = "more"
    in_ack: bool = False
    background: bool = False


def no_arguments(name: str) -> Callable[[list[Token]], NoArguments]:
    """The parser of a subcommand that takes nothing but `in:"engagement"`."""

    def parse(tokens: list[Token]) -> NoArguments:
        if tokens:
            raise CommandError(reply_text.TAKES_NO_ARGUMENTS.format(name=name))
        return NoArguments()

    return parse


def argumentless(
    name: str,
    handle: Callable[[CommandRequest[NoArguments]], None],
    group: str,
    *,
    in_ack: bool = False,
    background: bool = False,
) -> Subcommand[NoArguments]:
    """A subcommand that takes nothing but `in:"engagement"`: its parser and help lines
    follow from its name."""
    return Subcommand(
        name,
        no_arguments(name),
        handle,
        help_text.HELP_LINES[name],
        group,
        in_ack=in_ack,
        background=background,
    )


@dataclass(frozen=True)
class Registry:
    """Every subcommand, by name, in the order the help lists them."""

    subcommands: Sequence[Subcommand[Any]]
    by_name: dict[str, Subcommand[Any]] = field(init=False)

    def __post_init__(self) -> None:
        names = [s.name for s in self.subcommands]
        duplicated = sorted({n for n in names if names.count(n) > 1})
        if duplicated:
            raise ValueError(f"subcommands declared twice: {', '.join(duplicated)}")
        object.__setattr__(self, "by_name", {s.name: s for s in self.subcommands})

    def help_text(self) -> str:
        """`/rapport help`: the introduction, then each section with its subcommands' lines."""
        extra = [s.group for s in self.subcommands if s.group not in help_text.HELP_GROUPS]
        groups = [*help_text.HELP_GROUPS, *dict.fromkeys(extra)]
        parts = [help_text.HELP_INTRO]
        for group in groups:
            lines = [gettext(s.help) for s in self.subcommands if s.group == group]
            if lines:
                title = help_text.HELP_GROUPS.get(group, help_text.HELP_MORE)
                parts.append("\n".join([title, *lines]))
        return "\n\n".join(parts)


def show_help(request: CommandRequest[NoArguments]) -> None:
    request.say(request.registry.help_text())


HELP = argumentless("help", show_help, "choose", in_ack=True)


def rapport(
    container: Runtime, registry: Registry, ack: Ack, body: dict[str, Any], respond: Respond
) -> None:
    """The one `/rapport` listener: parse, acknowledge, dispatch, and map every refusal."""
    caller = Caller(
        team_id=str(body.get("team_id", "")),
        user_id=str(body.get("user_id", "")),
        channel_id=body.get("channel_id"),
    )
    request: CommandRequest[Any] = CommandRequest(
        container, caller, ack, respond, str(body.get("trigger_id", "")), None, None, registry
    )
    name = "help"
    try:
        name, request.engagement, tokens = split_command(str(body.get("text") or ""))
        subcommand = registry.by_name.get(name)
        if subcommand is None:
            raise CommandError(reply_text.UNKNOWN_SUBCOMMAND.format(word=name[:40]))
        request.args = subcommand.parse(tokens)
        if not subcommand.in_ack:
            # Acknowledge before touching the database or Slack: the answer follows
            # through response_url, so Slack never waits on our work.
            request.acknowledge()
        if subcommand.background:
            container.background.submit(run_in_background, subcommand, request, name)
        else:
            subcommand.handle(request)
    except Exception as error:
        request.say(reply_for(error, f"/rapport {name}"))


def run_in_background(subcommand: Subcommand[Any], request: CommandRequest[Any], name: str) -> None:
    """A subcommand's work on the background pool; every failure still reaches its caller."""
    try:
        subcommand.handle(request)
    except Exception as error:
        request.say(reply_for(error, f"/rapport {name}"))


def register(app: App, container: Runtime, registry: Registry) -> None:
    app.command("/rapport")(partial(rapport, container, registry))
