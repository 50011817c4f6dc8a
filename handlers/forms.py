"""Form submissions that set an engagement up or change its settings."""

from __future__ import annotations

import logging
from functools import partial

from slack_bolt import App

from bot.domain import reply_text
from bot.domain.engagement_settings import SettingError
from bot.domain.errors import Refused
from bot.domain.people import Caller
from bot.services.configure import change_settings_of
from bot.services.runtime import Runtime
from bot.services.setup import Proposal, check_channel, check_name_free, set_up_and_announce
from bot.slack.command_text import CommandError, clean_name
from bot.views.config_form import CONFIG_VIEW, read_form
from bot.views.setup_form import SETUP_VIEW
from bot.views.values import ConfigForm
from handlers.listener import FormAnswer, Listeners, Submission

logger = logging.getLogger(__name__)
ERROR_MAX = 150
NAMED_FIELDS = (
    ("name", "engagement name"),
    ("client", "client organisation"),
    ("provider", "provider organisation"),
)


def submit_settings(container: Runtime, form: Submission, meta: ConfigForm) -> FormAnswer:
    values, errors = read_form((form.view.get("state") or {}).get("values") or {})
    if errors:
        return FormAnswer(errors)
    try:
        text = change_settings_of(container, form.caller, meta.engagement_id, values)
    except SettingError as error:
        return FormAnswer({error.key: str(error)[:ERROR_MAX]})
    tell = partial(container.messenger.post, form.caller.user_id, text)
    return FormAnswer(then=tell)


def submit_setup(container: Runtime, form: Submission) -> FormAnswer:
    fields: dict[str, str] = {}
    errors: dict[str, str] = {}
    for block, what in NAMED_FIELDS:
        try:
            fields[block] = clean_name(str(form.field(block).get("value") or ""), what)
        except CommandError as error:
            errors[block] = str(error)
    channel = form.field("channel").get("selected_conversation")
    if not channel:
        errors["channel"] = reply_text.SETUP_PICK_CHANNEL
    if errors:
        return FormAnswer(errors)
    caller = form.caller
    for field, check in (
        ("name", partial(check_name_free, container, caller, fields["name"])),
        ("channel", partial(check_channel, container, caller, str(channel))),
    ):
        try:
            check()
        except Refused as refusal:
            return FormAnswer({field: str(refusal)[:ERROR_MAX]})
    proposal = Proposal(fields["name"], fields["client"], fields["provider"], str(channel))
    return FormAnswer(then=partial(set_up, container, caller, proposal))


def set_up(container: Runtime, caller: Caller, proposal: Proposal) -> None:
    """Set the engagement up once the form has closed, and tell the lead how it went."""
    channel = proposal.channel
    try:
        done = set_up_and_announce(container, caller, proposal)
    except Refused as refusal:
        # Lost a race with another setup between the checks and the write.
        container.messenger.post(caller.user_id, str(refusal))
        return
    tell = partial(container.messenger.post, caller.user_id)
    tell(
        reply_text.SETUP_DONE.format(
            name=done.name,
            client=proposal.client_org,
            provider=proposal.provider_org,
            channel=channel,
        )
    )
    if done.problem is not None:
        tell(reply_text.NOT_IN_CHANNEL.format(channel=channel, error=done.problem))


def register(app: App, container: Runtime) -> None:
    on = Listeners(container)
    app.view(CONFIG_VIEW)(
        on.submit(
            ConfigForm,
            partial(submit_settings, container),
            "changing settings",
            "schedule",
            ERROR_MAX,
        )
    )
    app.view(SETUP_VIEW)(
        on.plain_submit(partial(submit_setup, container), "setting up", "name", ERROR_MAX)
    )
