"""SLA feed tokens: made once, shown once, kept only as a SHA-256 digest.

A token reads ``rsla_<engagement id>_<secret>``: the id finds the engagement, and the
secret's digest is compared in constant time with the stored one. The optional
``X-Rapport-Signature: sha256=<hex>`` header is an HMAC-SHA256 of the raw body keyed
with that same hex digest, so a system can prove the body was not changed on the way.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Final

PREFIX: Final = "rsla"


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


def signature_matches(stored: str, body: bytes, header: str) -> bool:
    """True when ``header`` is ``sha256=`` and the HMAC of the body keyed with the digest."""
    scheme, _, given = header.partition("=")
    expected = hmac.new(stored.encode(), body, hashlib.sha256).hexdigest()
    return scheme == "sha256" and hmac.compare_digest(expected, given.strip().lower())
