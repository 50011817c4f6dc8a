"""Actions on an alert: "Add action" and its form (leads of either side), and "Done" buttons."""

from __future__ import annotations

from functools import partial

from slack_bolt import App

from bot.domain.actions import InvalidAction
from bot.services.actions import add_action, complete_action, form_date
from bot.services.runtime import Runtime
from bot.views.action_view import ADD_ACTION, ADD_ACTION_VIEW, DONE_ACTION, add_action_modal
from bot.views.values import ActionItem, AlertButton, AlertForm
from handlers.listener import Click, FormAnswer, Listeners, Submission


def open_add_form(container: Runtime, click: Click, button: AlertButton) -> None:
    today = form_date(container, button.alert_id, click.caller)
    view = add_action_modal(button.alert_id, today)
    container.messenger.open_form(click.trigger_id, view)


def submit_action(container: Runtime, form: Submission, meta: AlertForm) -> FormAnswer | None:
    try:
        add_action(
            container,
            meta.alert_id,
            form.caller,
            text=form.field("text").get("value"),
            owner=form.field("owner").get("selected_user"),
            due=form.field("due").get("selected_date"),
        )
    except InvalidAction as invalid:
        return FormAnswer({invalid.field: str(invalid)})
    return None


def mark_done(container: Runtime, click: Click, button: ActionItem) -> None:
    complete_action(container, button.action_id, click.caller)


def register(app: App, container: Runtime) -> None:
    on = Listeners(container)
    app.action(ADD_ACTION)(
        on.click(AlertButton, partial(open_add_form, container), "opening the action form")
    )
    app.view(ADD_ACTION_VIEW)(
        on.submit(AlertForm, partial(submit_action, container), "adding an action", "text")
    )
    app.action(DONE_ACTION)(
        on.click(ActionItem, partial(mark_done, container), "marking an action done")
    )
