"""`/rapport digest-time` in the time zone Slack gives the sponsor, asked through the Messenger."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.domain.people import Caller
from bot.services.portfolio import digest_time_command
from tests.support.fake_messenger import (
    TEAM,
    FakeContainer,
    FakeMessenger,
    engagement,
    fake_container,
)

SPONSOR = Caller(TEAM, "U0SPON")


@pytest.fixture
def fake() -> FakeMessenger:
    return FakeMessenger()


@pytest.fixture
def container(
    sqlite_template: Path, tmp_path: Path, fake: FakeMessenger
) -> Iterator[FakeContainer]:
    with fake_container(sqlite_template, tmp_path, fake) as made:
        engagement(made, sponsors=[SPONSOR.user_id])
        engagement(made, name="Initech", lead="U0LEAD2", channel="C0B", sponsors=["U0SPON"])
        yield made


def test_the_chosen_time_is_in_the_sponsors_slack_time_zone(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    fake.add_person(SPONSOR.user_id, tz="Asia/Tokyo")
    reply = digest_time_command(container, SPONSOR, "mon 08:00", None)
    assert reply.startswith("Your weekly digest will come on mon 08:00 (Asia/Tokyo) from now on")
    assert fake.calls == [("person", SPONSOR.user_id)]


def test_a_time_zone_slack_will_not_give_keeps_the_time_as_it_was(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    fake.fail("person", "uncertain")
    reply = digest_time_command(container, SPONSOR, "mon 08:00", None)
    assert reply == (
        "I couldn't read your time zone from Slack (timeout), so I kept your digest time as it was."
    )


def test_a_time_zone_given_in_the_command_asks_slack_nothing(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    reply = digest_time_command(container, SPONSOR, "fri 17:00", "Europe/Lisbon")
    assert "(Europe/Lisbon)" in reply
    assert fake.calls == []
