"""SLA facts: the colour a metric earns, the amber band, and which field a bad body names."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.sla_feed import AMBER_BAND, FactError, colour_of, read_fact
from bot.domain.sla_token import new_token, split_token, token_matches

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("value", "target", "higher", "colour"),
    [
        (99.5, 99.5, True, "green"),
        (99.9, 99.5, True, "green"),
        (97.1, 99.5, True, "amber"),  # missed by 2.4, within 5% of 99.5 (4.975)
        (94.525, 99.5, True, "amber"),  # exactly at the band's edge
        (94.5, 99.5, True, "red"),
        (4.0, 4.0, False, "green"),
        (4.2, 4.0, False, "amber"),
        (4.3, 4.0, False, "red"),
        (0.0, 0.0, False, "green"),
        (1.0, 0.0, False, "red"),  # a zero target leaves no amber band
    ],
)
def test_a_metric_is_green_at_target_amber_within_the_band_red_beyond(
    value: float, target: float, higher: bool, colour: str
) -> None:
    assert AMBER_BAND == 0.05
    assert colour_of(value, target, higher) == colour


def test_a_status_body_keeps_its_note_and_period() -> None:
    fact = read_fact({"status": "red", "note": " two P1s ", "period": "2026-11-23"}, TODAY)
    assert (fact.status, fact.note, fact.period) == ("red", "two P1s", date(2026, 11, 23))


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ("green", "body"),
        ({}, "status"),
        ({"status": "GREEN"}, "status"),
        ({"status": "green", "period": "2026-11-25"}, "period"),  # tomorrow
        ({"status": "green", "note": "a\nb"}, "note"),
        ({"status": "green", "note": "x" * 301}, "note"),
        ({"metric": "m", "value": True, "target": 1, "higher_is_better": True}, "value"),
        ({"metric": "m", "value": 1, "target": float("nan"), "higher_is_better": True}, "target"),
        ({"metric": "m", "value": 1, "target": 1, "higher_is_better": "yes"}, "higher_is_better"),
        ({"metric": "m", "value": 1, "target": 1, "higher_is_better": True, "x": 1}, "x"),
    ],
)
def test_a_bad_body_names_its_field(body: object, field: str) -> None:
    with pytest.raises(FactError) as raised:
        read_fact(body, TODAY)
    assert raised.value.field == field


def test_a_token_names_its_engagement_and_matches_only_its_digest() -> None:
    token, digest = new_token(42)
    found = split_token(token)
    assert found is not None and found[0] == 42
    assert token_matches(found[1], digest)
    assert not token_matches(found[1] + "x", digest)
    assert not token_matches(found[1], None)
    assert split_token("rsla_x_secret") is None and split_token("Bearer") is None
