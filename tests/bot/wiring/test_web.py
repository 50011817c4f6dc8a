"""Signed Slack bodies that cannot be read, through the real WSGI server over HTTP."""

from __future__ import annotations

import logging

import pytest

from tests.support.running import RunningApp

UNREADABLE = [
    ("payload=%7Bnot", "application/x-www-form-urlencoded"),
    ("payload=", "application/x-www-form-urlencoded"),
    ("payload=%5B1%2C2%5D", "application/x-www-form-urlencoded"),
    ("{not json", "application/json"),
    ("[1, 2]", "application/json"),
    ('"a string"', "application/json"),
    ("\xff\xfe", "application/json"),
]


@pytest.mark.parametrize(("body", "content_type"), UNREADABLE)
def test_a_signed_body_that_cannot_be_read_is_400_with_one_log_line(
    rapport_http: RunningApp,
    caplog: pytest.LogCaptureFixture,
    body: str,
    content_type: str,
) -> None:
    caplog.set_level(logging.INFO)
    caplog.clear()
    reply = rapport_http.slack.post(body, content_type)
    assert reply.status == 400, (reply.status, reply.body)
    assert "Traceback" not in str(reply.body)
    # waitress says "Task queue depth" when the machine is busy: a line about load, not
    # about this request.
    said = [
        r for r in caplog.records if r.levelno >= logging.WARNING and r.name != "waitress.queue"
    ]
    assert len(said) == 1, [r.getMessage() for r in said]
    assert said[0].exc_info is None and "refused" in said[0].getMessage()
    assert body.strip('{["') not in said[0].getMessage()
