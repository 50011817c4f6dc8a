"""Alert buttons in the shared channel: Acknowledge and Assign owner (and its form), leads only."""

from __future__ import annotations

from functools import partial

from slack_bolt import App

from bot.domain import reply_text
from bot.services.alerts import acknowledge, assign, check_can_follow_up
from bot.services.runtime import Runtime
from bot.views.alert_finding import ACK_ACTION, ASSIGN_ACTION, ASSIGN_VIEW, assign_modal
from bot.views.values import AlertButton, AlertForm
from handlers.listener import Click, FormAnswer, Listeners, Submission


def acknowledge_alert(container: Runtime, click: Click, button: AlertButton) -> None:
    acknowledge(container, button.alert_id, click.caller)


def open_assign_form(container: Runtime, click: Click, button: AlertButton) -> None:
    check_can_follow_up(container, button.alert_id, click.caller)
    container.messenger.open_form(click.trigger_id, assign_modal(button.alert_id))


def submit_owner(container: Runtime, form: Submission, meta: AlertForm) -> FormAnswer | None:
    owner = form.field("owner").get("selected_user")
    if not owner:
        return FormAnswer({"owner": reply_text.ALERT_ASSIGN_LABEL})
    assign(container, meta.alert_id, form.caller, str(owner))
    return None


def register(app: App, container: Runtime) -> None:
    on = Listeners(container)
    app.action(ACK_ACTION)(
        on.click(AlertButton, partial(acknowledge_alert, container), "acknowledging an alert")
    )
    app.action(ASSIGN_ACTION)(
        on.click(AlertButton, partial(open_assign_form, container), "opening the owner form")
    )
    app.view(ASSIGN_VIEW)(
        on.submit(AlertForm, partial(submit_owner, container), "assigning an owner", "owner")
    )
