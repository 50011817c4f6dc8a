"""Slack libraries' DEBUG lines lose what people typed before any handler sees them."""

from __future__ import annotations

import logging

import pytest

from bot.wiring.log_privacy import REDACTED, install, redact_slack_debug


def record(name: str, level: int, message: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord(name, level, __file__, 1, message, args or None, None)


@pytest.mark.parametrize(
    "message",
    [
        "Sending a request - url: https://slack.com/api/chat.update, query_params: {}, "
        "body_params: {'text': 'my secret comment'}",
        "Received the following response - status: 200, body: {'text': 'my secret comment'}",
        "Sending a payload: {'value': 'my secret comment'}",
    ],
)
def test_a_slack_debug_line_is_cut_before_its_first_body(message: str) -> None:
    line = record("slack_sdk.web.base_client", logging.DEBUG, message)
    redact_slack_debug(line)
    assert "secret" not in line.getMessage() and line.getMessage().endswith(REDACTED)


def test_other_lines_are_left_as_they_are() -> None:
    for line in (
        record("slack_sdk.web", logging.INFO, "body: %s", "kept at info"),
        record("bot.services.pulses", logging.DEBUG, "body: %s", "kept for our own loggers"),
        record("slack_bolt.App", logging.DEBUG, "Applying %s", "a middleware"),
    ):
        before = line.getMessage()
        redact_slack_debug(line)
        assert line.getMessage() == before


def test_once_installed_every_slack_debug_record_is_made_redacted(
    caplog: pytest.LogCaptureFixture,
) -> None:
    install()
    install()
    caplog.set_level(logging.DEBUG, logger="slack_sdk")
    logging.getLogger("slack_sdk.web.base_client").debug("body: %s", "my secret comment")
    assert "secret" not in caplog.text and REDACTED in caplog.text
