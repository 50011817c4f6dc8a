"""Settings: validated loudly, with a sentence that says what to set."""

from __future__ import annotations

import pytest

from bot.wiring.settings import DATABASE_DEFAULT, ConfigError, load_settings
from tests.support.keys import TEST_KEY

GOOD = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s3cret"}


def test_defaults() -> None:
    settings = load_settings(GOOD)
    assert settings.database_url == DATABASE_DEFAULT
    assert settings.port == 3000
    assert settings.slack_api_url == "https://slack.com/api/"
    assert settings.app_distribution == "unlisted"  # Slack's strictest history limits


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({}, "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET"),
        ({**GOOD, "SLACK_BOT_TOKEN": "xoxp-user"}, "start with 'xoxb-'"),
        ({**GOOD, "PORT": "eighty"}, "PORT"),
        ({**GOOD, "PORT": "70000"}, "PORT"),
        ({**GOOD, "DATABASE_URL": "mysql://x"}, "DATABASE_URL"),
        ({**GOOD, "SLACK_API_URL": "slack.com"}, "SLACK_API_URL"),
        ({**GOOD, "SLACK_APP_DISTRIBUTION": "public"}, "unlisted, internal, marketplace"),
        ({**GOOD, "STALE_SENDING_SECONDS": "30"}, "at least three times SLACK_TIMEOUT_SECONDS"),
        (
            {**GOOD, "STALE_SENDING_SECONDS": "4", "SLACK_TIMEOUT_SECONDS": "2"},
            "STALE_SENDING_SECONDS",
        ),
    ],
)
def test_missing_or_malformed_values_name_what_to_set(env: dict[str, str], names: str) -> None:
    with pytest.raises(ConfigError, match=names):
        load_settings(env)


def test_every_problem_is_named_at_once_in_one_line() -> None:
    with pytest.raises(ConfigError) as raised:
        load_settings({"PORT": "eighty", "SLACK_CHECK_TOKEN": "maybe"})
    message = str(raised.value)
    assert "\n" not in message
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "PORT", "SLACK_CHECK_TOKEN"):
        assert name in message, name


def test_a_process_without_requests_needs_no_signing_secret() -> None:
    settings = load_settings({"SLACK_BOT_TOKEN": "xoxb-1"}, requests=False)
    assert settings.slack_signing_secret == "" and settings.check_token


@pytest.mark.parametrize(("raw", "check"), [("no", False), ("off", False), ("yes", True)])
def test_the_token_check_can_be_turned_off(raw: str, check: bool) -> None:
    assert load_settings({**GOOD, "SLACK_CHECK_TOKEN": raw}).check_token is check


def test_the_history_spacing_is_the_distributions_unless_set() -> None:
    assert load_settings(GOOD).history_spacing_seconds is None
    spaced = load_settings({**GOOD, "SLACK_HISTORY_SPACING_SECONDS": "90"})
    assert spaced.history_spacing_seconds == 90
    with pytest.raises(ConfigError, match="SLACK_HISTORY_SPACING_SECONDS"):
        load_settings({**GOOD, "SLACK_HISTORY_SPACING_SECONDS": "0"})


@pytest.mark.parametrize("raw", ["internal", "Marketplace", " unlisted "])
def test_the_app_distribution_is_read(raw: str) -> None:
    assert load_settings({**GOOD, "SLACK_APP_DISTRIBUTION": raw}).app_distribution == (
        raw.strip().lower()
    )


def test_socket_mode_needs_an_app_token() -> None:
    with pytest.raises(ConfigError, match="SLACK_APP_TOKEN"):
        load_settings(GOOD, socket_mode=True)
    assert (
        load_settings({**GOOD, "SLACK_APP_TOKEN": "xapp-1"}, socket_mode=True).slack_app_token
        == "xapp-1"
    )
    with pytest.raises(ConfigError) as raised:
        load_settings({}, socket_mode=True, requests=False)
    assert "SLACK_APP_TOKEN" in str(raised.value)
    assert "SLACK_SIGNING_SECRET" not in str(raised.value)


def test_postgres_urls_get_the_psycopg_driver() -> None:
    env = {**GOOD, "DATABASE_URL": "postgres://u@h/db", "RAPPORT_SECRET_KEY": TEST_KEY}
    url = load_settings(env).database_url
    assert url == "postgresql+psycopg://u@h/db"


def test_api_url_gets_a_trailing_slash() -> None:
    assert load_settings(
        {**GOOD, "SLACK_API_URL": "http://127.0.0.1:9/api"}
    ).slack_api_url.endswith("/api/")


def test_the_job_queue_is_off_by_default_and_a_dead_senders_claims_lapse_within_a_minute() -> None:
    # With or without the queue, a dead sender's claims are taken over within seconds,
    # not minutes.
    embedded = load_settings(GOOD)
    assert embedded.job_queue == "embedded" and embedded.stale_sending_seconds == 45
    queued = load_settings(
        {**GOOD, "JOB_QUEUE": "postgres", "DATABASE_URL": "postgresql://rapport@db/rapport"}
        | {"RAPPORT_SECRET_KEY": TEST_KEY}
    )
    assert queued.job_queue == "postgres"
    assert queued.stale_sending_seconds == 45
    assert queued.worker_concurrency == 32


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({"JOB_QUEUE": "redis"}, "embedded, postgres"),
        ({"JOB_QUEUE": "postgres"}, "DATABASE_URL to a PostgreSQL URL"),
        ({"WORKER_CONCURRENCY": "0"}, "WORKER_CONCURRENCY"),
    ],
)
def test_a_queue_setting_that_cannot_work_is_named(env: dict[str, str], names: str) -> None:
    with pytest.raises(ConfigError, match=names):
        load_settings({**GOOD, **env})
