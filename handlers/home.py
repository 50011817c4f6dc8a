"""The App Home tab: drawn when opened; its buttons set up, preview the digest, export."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from slack_bolt import App

from bot.domain.errors import Refused
from bot.domain.people import Caller
from bot.services.digest.on_demand import Sent, by_button, send_export, send_preview
from bot.services.erasure import forget_me
from bot.services.home import publish, publish_on_opening
from bot.services.portfolio_home import engagement_view_of
from bot.services.runtime import Runtime
from bot.services.sending import guarded
from bot.views.home_view import DIGEST_BUTTON, EXPORT_BUTTON, FORGET_ME_BUTTON, SETUP_BUTTON
from bot.views.portfolio_view import OPEN_BUTTON
from bot.views.setup_form import setup_modal
from bot.views.values import EngagementButton
from handlers.listener import Click, Listeners

Send = Callable[..., Sent]


def opened(container: Runtime, event: dict[str, Any], body: dict[str, Any]) -> None:
    if event.get("tab") not in (None, "home"):
        return
    caller = Caller(str(body.get("team_id") or ""), str(event.get("user") or ""))
    publish_on_opening(container, caller)


def setup_from_home(container: Runtime, click: Click) -> None:
    container.messenger.open_form(click.trigger_id, setup_modal(None))


def send_from_home(container: Runtime, caller: Caller, engagement_id: int, send: Send) -> None:
    """Home has no reply channel: the DM is the answer, and a refusal comes by DM too."""
    try:
        sent = send(container, caller, by_button(caller, engagement_id))
    except Refused as refusal:
        sent = Sent(False, str(refusal))
    if not sent.ok:
        container.messenger.post(caller.user_id, sent.text)


def digest_from_home(container: Runtime, click: Click, button: EngagementButton) -> None:
    caller, engagement_id = click.caller, button.engagement_id
    container.background.submit(
        guarded, send_from_home, container, caller, engagement_id, send_preview
    )


def export_from_home(container: Runtime, click: Click, button: EngagementButton) -> None:
    caller, engagement_id = click.caller, button.engagement_id
    container.background.submit(
        guarded, send_from_home, container, caller, engagement_id, send_export
    )


def open_from_home(container: Runtime, click: Click, button: EngagementButton) -> None:
    """A portfolio row's *Open*: that engagement's view in a modal, for its leads and sponsors."""
    view = engagement_view_of(container, click.caller, button.engagement_id)
    container.messenger.open_form(click.trigger_id, view)


def forget_me_from_home(container: Runtime, click: Click) -> None:
    """ "Forget me": erase the caller, tell them by DM what went and what stays, redraw Home."""
    caller = click.caller
    try:
        text = forget_me(container, caller)
    except Refused as refusal:
        text = str(refusal)
    container.messenger.post(caller.user_id, text)
    publish(container, caller)


def register(app: App, container: Runtime) -> None:
    on = Listeners(container)
    dm = on.by_dm
    app.event("app_home_opened")(partial(opened, container))
    app.action(SETUP_BUTTON)(on.press(partial(setup_from_home, container), "setting up", dm))
    app.action(DIGEST_BUTTON)(
        on.click(EngagementButton, partial(digest_from_home, container), "a digest", dm)
    )
    app.action(EXPORT_BUTTON)(
        on.click(EngagementButton, partial(export_from_home, container), "an export", dm)
    )
    app.action(FORGET_ME_BUTTON)(
        on.press(partial(forget_me_from_home, container), "forgetting someone", dm)
    )
    app.action(OPEN_BUTTON)(
        on.click(EngagementButton, partial(open_from_home, container), "opening an engagement", dm)
    )
