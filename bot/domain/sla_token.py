"""SLA feed tokens: made once, shown once, kept only as a SHA-256 digest.

A token reads ``rsla_<engagement id>_<secret>``: the id finds the engagement, and the
secret's digest is compared in constant time with the stored one. The optional
``X-Rapport-Signature: v1=<hex>`` header, sent with ``X-Rapport-Timestamp: <unix
seconds>``, is an HMAC-SHA256 of ``v1:<timestamp>:<raw body>`` keyed with that same hex
digest: a system proves the body was not changed on the way, and a signed body more
than five minutes old (a replay) is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Final

PREFIX: Final = "rsla"
MAX_AGE_SECONDS: Final = 300


def digest_of(secret: str) -> str:
    """The SHA-256 hex digest of a token's secret: all that is stored."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_token(engagement_id: int) -> tuple[str, str]:
    """A fresh token for an engagement and the digest to store."""
    secret = secrets.token_urlsafe(32)
    return f"{PREFIX}_{engagement_id}_{secret}", digest_of(secret)


def split_token(token: str) -> tuple[int, str] | None:
    """The engagement id and secret of a token; None if it is not one of ours."""
    prefix, _, rest = token.partition("_")
    number, _, secret = rest.partition("_")
    if prefix != PREFIX or not number.isdigit() or len(number) > 12 or not secret:
        return None
    return int(number), secret


def token_matches(secret: str, stored: str | None) -> bool:
    """True when the secret's digest is the stored one, compared in constant time."""
    return stored is not None and hmac.compare_digest(digest_of(secret), stored)


def sign(stored: str, timestamp: str, body: bytes) -> str:
    """The ``X-Rapport-Signature`` value for a body sent at ``timestamp``."""
    base = b"v1:" + timestamp.encode() + b":" + body
    return "v1=" + hmac.new(stored.encode(), base, hashlib.sha256).hexdigest()


def fresh(timestamp: str | None, now: float) -> bool:
    """Whether the timestamp is whole seconds within five minutes of ``now``, either way."""
    if not timestamp or not timestamp.isascii() or not timestamp.isdigit() or len(timestamp) > 12:
        return False
    return abs(now - int(timestamp)) <= MAX_AGE_SECONDS


def signature_matches(stored: str, body: bytes, header: str, timestamp: str) -> bool:
    """True when ``header`` is the v1 HMAC of the timestamp and body keyed with the digest."""
    return hmac.compare_digest(sign(stored, timestamp, body), header.strip().lower())
