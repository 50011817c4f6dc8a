"""The engagement settings form: the same settings as `/rapport config`, prefilled."""

from __future__ import annotations

import json
from typing import Any

from slack_sdk.models.blocks import InputBlock, PlainTextInputElement
from slack_sdk.models.views import View

from bot.domain import catalogue
from bot.slack.command_text import CommandError, config_value
from storage.models import Engagement

CONFIG_VIEW = "engagement.config"
# (form field = `/rapport config` key, label, how to read the engagement's current value)
FIELDS: tuple[tuple[str, str, str], ...] = (
    (
        "schedule",
        "Pulse schedule (weekly tue 10:00, fortnightly …, monthly 1 10:00, or cron)",
        "schedule",
    ),
    ("timezone", "Time zone (IANA name, e.g. Europe/Berlin)", "timezone"),
    ("window", "Pulse stays open for (e.g. 72h)", "window_hours"),
    ("reminder", "Remind non-responders this long before closing (e.g. 24h)", "reminder_hours"),
    ("digest", "Sponsor digest day and time (e.g. mon 08:00)", "digest_schedule"),
    ("client_tolerance", "Client tolerance (0–100)", "client_tolerance"),
    ("provider_tolerance", "Provider tolerance (0–100)", "provider_tolerance"),
    ("gap", "Gap threshold (points)", "gap_threshold"),
    ("anonymity", "Anonymity minimum (at least 2)", "anonymity_min"),
)


def _initial(engagement: Engagement, attribute: str) -> str:
    value = getattr(engagement, attribute)
    return f"{value}h" if attribute in ("window_hours", "reminder_hours") else str(value)


def config_modal(engagement: Engagement) -> dict[str, Any]:
    blocks = [
        InputBlock(
            block_id=key,
            label=label,
            element=PlainTextInputElement(
                action_id="value", initial_value=_initial(engagement, attribute), max_length=120
            ),
        )
        for key, label, attribute in FIELDS
    ]
    return View(
        type="modal",
        callback_id=CONFIG_VIEW,
        title=catalogue.CONFIG_MODAL_TITLE,
        submit="Save",
        close="Cancel",
        private_metadata=json.dumps({"e": engagement.id}),
        blocks=blocks,
    ).to_dict()


def read_form(values: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """The checked settings from a submitted form, and the errors per field."""
    settings: dict[str, str] = {}
    errors: dict[str, str] = {}
    for key, _label, _attribute in FIELDS:
        raw = str(((values.get(key) or {}).get("value") or {}).get("value") or "").strip()
        try:
            field, value = config_value(key, raw)
            settings[field] = value
        except CommandError as error:
            errors[key] = str(error)[:150]
    return settings, errors
