"""The settings form: prefilled as people type each setting, read back typed, errors per field."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from bot.domain import reply_text
from bot.domain.engagement_settings import SETTINGS, Value
from bot.domain.i18n import LANGUAGES
from bot.domain.schedule import DAY_NAMES
from bot.views.config_form import CONFIG_VIEW, ERROR_MAX, config_modal, read_form
from tests.support.blockkit import check_view

DEFAULTS: dict[str, Value] = {
    "schedule": "weekly tue 10:00",
    "timezone": "Europe/Paris",
    "window_hours": 72,
    "reminder_hours": 24,
    "digest_schedule": "mon 08:00",
    "client_tolerance": 70,
    "provider_tolerance": 60,
    "gap_threshold": 15,
    "anonymity_min": 3,
    "retention_days": 365,
    "ack_within_minutes": 3 * 24 * 60,
    "escalate_after_minutes": 14 * 24 * 60,
    "escalate_pulses": 3,
    "language": "de",
}


def prefilled(view: dict[str, Any]) -> dict[str, str]:
    return {b["block_id"]: b["element"].get("initial_value", "") for b in view["blocks"]}


def submitted(typed: dict[str, str]) -> dict[str, Any]:
    """The `view.state.values` Slack sends for the form, each field as typed."""
    return {
        key: {"value": {"type": "plain_text_input", "value": raw}} for key, raw in typed.items()
    }


def test_the_form_has_one_labelled_input_per_setting_in_order() -> None:
    view = config_modal(7, DEFAULTS)
    check_view(view)
    assert view["callback_id"] == CONFIG_VIEW
    assert view["title"]["text"] == reply_text.CONFIG_MODAL_TITLE
    assert json.loads(view["private_metadata"]) == {"e": 7}
    assert [b["block_id"] for b in view["blocks"]] == [s.key for s in SETTINGS]
    assert [b["label"]["text"] for b in view["blocks"]] == [s.label for s in SETTINGS]
    assert all(b["element"]["action_id"] == "value" for b in view["blocks"])


def test_each_setting_is_prefilled_as_people_type_it() -> None:
    assert prefilled(config_modal(7, DEFAULTS)) == {
        "schedule": "weekly tue 10:00",
        "timezone": "Europe/Paris",
        "window": "72h",
        "reminder": "24h",
        "digest": "mon 08:00",
        "client_tolerance": "70",
        "provider_tolerance": "60",
        "gap": "15",
        "anonymity": "3",
        "retention": "365d",
        "ack_within": "3d",
        "escalate_after": "14d",
        "escalate_pulses": "3",
        "language": "de",
    }


def test_the_unchanged_form_reads_back_the_same_typed_values() -> None:
    settings, errors = read_form(submitted(prefilled(config_modal(7, DEFAULTS))))
    assert errors == {}
    assert settings == DEFAULTS
    assert isinstance(settings["window_hours"], int)
    assert isinstance(settings["anonymity_min"], int)


def test_typed_values_are_normalised() -> None:
    typed = prefilled(config_modal(7, DEFAULTS)) | {
        "schedule": "  Fortnightly Friday 9:05 ",
        "timezone": "america/new_york",
        "window": "3d",
        "reminder": "1d12h",
        "digest": "MONDAY 07:30",
        "gap": " 20 ",
    }
    settings, errors = read_form(submitted(typed))
    assert errors == {}
    assert settings["schedule"] == "fortnightly fri 09:05"
    assert settings["timezone"] == "America/New_York"
    assert settings["window_hours"] == 72
    assert settings["reminder_hours"] == 36
    assert settings["digest_schedule"] == "mon 07:30"
    assert settings["gap_threshold"] == 20


def test_each_bad_field_gets_its_own_error_and_the_good_ones_still_read() -> None:
    typed = prefilled(config_modal(7, DEFAULTS)) | {
        "anonymity": "²",
        "client_tolerance": "101",
        "window": "90m",
        "timezone": "Mars/Olympus",
        "schedule": "sometimes",
    }
    settings, errors = read_form(submitted(typed))
    assert set(errors) == {"anonymity", "client_tolerance", "window", "timezone", "schedule"}
    assert errors["anonymity"] == "`anonymity` must be a whole number from 3 to 50, not `²`."
    assert "`client_tolerance` must be" in errors["client_tolerance"]
    assert "`101`" in errors["client_tolerance"]
    assert errors["window"].startswith("`window`: ")
    assert "Mars/Olympus" in errors["timezone"]
    assert settings == {
        "reminder_hours": 24,
        "digest_schedule": "mon 08:00",
        "provider_tolerance": 60,
        "gap_threshold": 15,
        "retention_days": 365,
        "ack_within_minutes": 3 * 24 * 60,
        "escalate_after_minutes": 14 * 24 * 60,
        "escalate_pulses": 3,
        "language": "de",
    }


def test_an_anonymity_minimum_below_two_is_refused() -> None:
    _, errors = read_form(submitted({"anonymity": "1"}))
    assert "anonymity" in errors


def test_an_empty_or_missing_field_is_an_error_for_that_field() -> None:
    settings, errors = read_form({"gap": {"value": {"value": None}}})
    assert set(errors) == {s.key for s in SETTINGS}
    assert settings == {}


def test_errors_fit_slacks_field_error_length() -> None:
    _, errors = read_form(submitted({"schedule": "x" * 120, "timezone": "<" * 120}))
    assert all(0 < len(error) <= ERROR_MAX for error in errors.values())


times = st.builds("{:02d}:{:02d}".format, st.integers(0, 23), st.integers(0, 59))
days = st.sampled_from(DAY_NAMES)
settings_values = st.fixed_dictionaries(
    {
        "schedule": st.one_of(
            st.builds("daily {}".format, times),
            st.builds("weekly {} {}".format, days, times),
            st.builds("fortnightly {} {}".format, days, times),
            st.builds("monthly last {} {}".format, days, times),
        ),
        "timezone": st.sampled_from(["UTC", "Europe/Paris", "Asia/Kolkata", "America/Sao_Paulo"]),
        "window_hours": st.integers(1, 14 * 24),
        "reminder_hours": st.integers(1, 14 * 24),
        "digest_schedule": st.builds("{} {}".format, days, times),
        "client_tolerance": st.integers(0, 100),
        "provider_tolerance": st.integers(0, 100),
        "gap_threshold": st.integers(0, 100),
        "anonymity_min": st.integers(3, 50),
        "retention_days": st.integers(30, 3650),
        "ack_within_minutes": st.integers(1, 90 * 24 * 60),
        "escalate_after_minutes": st.integers(1, 365 * 24 * 60),
        "escalate_pulses": st.integers(1, 52),
        "language": st.sampled_from(LANGUAGES),
    }
)


@given(settings_values)
def test_any_settings_round_trip_through_the_form(values: dict[str, Value]) -> None:
    view = config_modal(7, values)
    check_view(view)
    settings, errors = read_form(submitted(prefilled(view)))
    assert errors == {}
    assert settings == values
