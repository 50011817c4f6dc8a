"""Sign requests the way Slack does, so the real app verifies them."""

from __future__ import annotations

import time

from slack_sdk.signature import SignatureVerifier


def signed_headers(body: str, secret: str, timestamp: int | None = None) -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    assert signature is not None
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature}
