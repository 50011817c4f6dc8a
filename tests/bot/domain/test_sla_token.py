"""SLA feed tokens: only a digest is stored, and a body is accepted only freshly signed."""

from __future__ import annotations

from bot.domain.sla_token import (
    digest_of,
    fresh,
    new_token,
    sign,
    signature_matches,
    split_token,
    token_matches,
)


def test_a_new_token_splits_back_to_its_engagement_and_matches_its_digest() -> None:
    token, stored = new_token(42)
    split = split_token(token)
    assert split is not None
    engagement_id, secret = split
    assert engagement_id == 42 and secret not in stored
    assert token_matches(secret, stored)
    assert not token_matches(secret + "x", stored)
    assert not token_matches(secret, None)
    assert new_token(42) != new_token(42)


def test_a_token_that_is_not_ours_does_not_split() -> None:
    for token in ["", "xsla_1_abc", "rsla_x_abc", "rsla_1_", "rsla__abc", "rsla_1234567890123_a"]:
        assert split_token(token) is None, token
    assert split_token("rsla_7_a_b") == (7, "a_b")


def test_a_signature_holds_only_for_its_body_time_and_token() -> None:
    stored = digest_of("secret")
    header = sign(stored, "1700000000", b'{"status":"green"}')
    assert signature_matches(stored, b'{"status":"green"}', header.upper() + " ", "1700000000")
    assert not signature_matches(stored, b'{"status":"red"}', header, "1700000000")
    assert not signature_matches(stored, b'{"status":"green"}', header, "1700000001")
    assert not signature_matches(digest_of("other"), b'{"status":"green"}', header, "1700000000")


def test_a_timestamp_is_fresh_within_five_minutes_either_way() -> None:
    now = 1_700_000_000.0
    assert fresh("1700000300", now) and fresh("1699999700", now)
    assert not fresh("1700000301", now) and not fresh("1699999699", now)
    for bad in [None, "", "17e8", "-1", "١٧٠٠٠٠٠٠٠٠", "1" * 13]:
        assert not fresh(bad, now), bad
