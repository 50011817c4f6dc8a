"""The engagement settings form: every setting of `bot/domain/engagement_settings.py`, prefilled."""

from __future__ import annotations

from typing import Any

from bot.domain import reply_text
from bot.domain.engagement_settings import SETTINGS, SettingError, Value, read_setting, shown
from bot.domain.i18n import _, gettext
from bot.views import kit
from bot.views.values import ConfigForm

CONFIG_VIEW = "engagement.config"
ERROR_MAX = 150


def config_modal(engagement_id: int, current: dict[str, Value]) -> dict[str, Any]:
    """The form, one input per setting, holding the engagement's current values."""
    values = shown(current)
    blocks = [
        kit.input_block(
            setting.key,
            gettext(setting.label),
            kit.text_input(initial_value=values[setting.attribute], max_length=120),
        )
        for setting in SETTINGS
    ]
    return kit.modal(
        callback_id=CONFIG_VIEW,
        title=reply_text.CONFIG_MODAL_TITLE,
        submit=_("Save"),
        close=_("Cancel"),
        private_metadata=ConfigForm(engagement_id).encode(),
        blocks=blocks,
    )


def read_form(values: dict[str, Any]) -> tuple[dict[str, Value], dict[str, str]]:
    """The checked settings from a submitted form (attribute → value), and errors per field."""
    settings: dict[str, Value] = {}
    errors: dict[str, str] = {}
    for setting in SETTINGS:
        raw = str(((values.get(setting.key) or {}).get("value") or {}).get("value") or "")
        try:
            attribute, value = read_setting(setting.key, raw)
            settings[attribute] = value
        except SettingError as error:
            errors[setting.key] = str(error)[:ERROR_MAX]
    return settings, errors
