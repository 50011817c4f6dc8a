"""The App Home tab: drawn when opened; its buttons set up, preview the digest, export."""

from __future__ import annotations

from functools import partial
from typing import Any

from slack_bolt import Ack, App

from bot.domain.errors import Refused
from bot.domain.i18n import reading_as
from bot.domain.people import Caller
from bot.services.container import Container
from bot.services.digest.on_demand import Sent, by_button, send_export, send_preview
from bot.services.erasure import forget_me
from bot.services.home import publish
from bot.services.locales import refresh
from bot.services.portfolio_home import engagement_view
from bot.services.sending import guarded
from bot.views.home_view import DIGEST_BUTTON, EXPORT_BUTTON, FORGET_ME_BUTTON, SETUP_BUTTON
from bot.views.portfolio_view import OPEN_BUTTON
from bot.views.setup_form import setup_modal
from handlers.replies import caller_of


def opened(container: Container, event: dict[str, Any], body: dict[str, Any]) -> None:
    if event.get("tab") not in (None, "home"):
        return
    team_id, user_id = str(body.get("team_id") or ""), str(event.get("user") or "")
    # Opening Home is when a person's Slack language is asked again (else weekly).
    with reading_as(refresh(container, Caller(team_id, user_id))):
        publish(container, Caller(team_id, user_id))


def setup_from_home(container: Container, ack: Ack, body: dict[str, Any]) -> None:
    ack()
    container.client.views_open(trigger_id=body["trigger_id"], view=setup_modal(None))


def _send_from_home(container: Container, body: dict[str, Any], send: Any) -> None:
    """Home has no reply channel: the DM is the answer, and a refusal comes by DM too."""
    caller = caller_of(body)
    raw = str((body.get("actions") or [{}])[0].get("value") or "")
    pick = by_button(caller, int(raw) if raw.isascii() and raw.isdigit() else None)
    try:
        sent: Sent = send(container, caller, pick)
    except Refused as refusal:
        sent = Sent(False, str(refusal))
    if not sent.ok:
        container.client.chat_postMessage(channel=caller.user_id, text=sent.text)


def digest_from_home(container: Container, ack: Ack, body: dict[str, Any]) -> None:
    ack()
    container.background.submit(guarded, _send_from_home, container, body, send_preview)


def export_from_home(container: Container, ack: Ack, body: dict[str, Any]) -> None:
    ack()
    container.background.submit(guarded, _send_from_home, container, body, send_export)


def open_from_home(container: Container, ack: Ack, body: dict[str, Any]) -> None:
    """A portfolio row's *Open*: that engagement's view in a modal, for its leads and sponsors."""
    ack()
    caller = caller_of(body)
    raw = str((body.get("actions") or [{}])[0].get("value") or "")
    engagement_id = int(raw) if raw.isascii() and raw.isdigit() else -1
    try:
        with container.database.reading() as session:
            view = engagement_view(session, caller, engagement_id, container.now())
    except Refused as refusal:
        container.client.chat_postMessage(channel=caller.user_id, text=str(refusal))
        return
    container.client.views_open(trigger_id=body["trigger_id"], view=view)


def forget_me_from_home(container: Container, ack: Ack, body: dict[str, Any]) -> None:
    """ "Forget me": erase the caller, tell them by DM what went and what stays, redraw Home."""
    ack()
    caller = caller_of(body)
    try:
        text = forget_me(container, caller)
    except Refused as refusal:
        text = str(refusal)
    container.client.chat_postMessage(channel=caller.user_id, text=text)
    publish(container, caller)


def register(app: App, container: Container) -> None:
    app.event("app_home_opened")(partial(opened, container))
    app.action(SETUP_BUTTON)(partial(setup_from_home, container))
    app.action(DIGEST_BUTTON)(partial(digest_from_home, container))
    app.action(EXPORT_BUTTON)(partial(export_from_home, container))
    app.action(FORGET_ME_BUTTON)(partial(forget_me_from_home, container))
    app.action(OPEN_BUTTON)(partial(open_from_home, container))
