"""Slack's side of the playground signs its requests as Slack does."""

from __future__ import annotations

import time

from slack_sdk.signature import SignatureVerifier

from bot.wiring.playground.slack_side import signature


def test_the_signature_is_the_one_slacks_verifier_accepts() -> None:
    body, timestamp = b"payload=%7B%7D", str(int(time.time()))
    headers = {
        "x-slack-request-timestamp": timestamp,
        "x-slack-signature": signature("s3cret", timestamp, body),
    }
    assert SignatureVerifier("s3cret").is_valid_request(body, headers)
    assert not SignatureVerifier("other").is_valid_request(body, headers)
