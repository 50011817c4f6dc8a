"""The domain's words: the guards accept exactly the declared values, sides face each other."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.vocabulary import (
    ROLES,
    SIDES,
    SLA_STATUSES,
    is_role,
    is_side,
    is_sla_status,
    other_side,
    utcnow,
)


@pytest.mark.parametrize("value", ["Client", "", "both", "lead", " client"])
def test_a_side_is_only_one_of_the_two(value: str) -> None:
    assert not is_side(value)


def test_the_guards_accept_every_declared_value_and_nothing_across() -> None:
    assert all(is_side(s) for s in SIDES) and all(is_role(r) for r in ROLES)
    assert all(is_sla_status(s) for s in SLA_STATUSES)
    assert not is_sla_status(None) and not is_role("client") and not is_sla_status("lead")


def test_the_other_side_is_across_the_table_and_back() -> None:
    assert {other_side(s) for s in SIDES} == set(SIDES)
    assert all(other_side(other_side(s)) == s and other_side(s) != s for s in SIDES)


def test_now_is_an_aware_utc_time() -> None:
    before = datetime.now(UTC)
    now = utcnow()
    assert now.tzinfo is UTC and before <= now <= datetime.now(UTC)
