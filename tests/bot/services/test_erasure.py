"""Forgetting someone tells their open pulse DM through the Messenger; Slack's no does not
undo the erasure."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.domain import reply_text
from bot.domain.people import Caller
from bot.domain.vocabulary import utcnow
from bot.services.engagements import by_id
from bot.services.erasure import forget_by_lead, forget_everywhere
from bot.services.pulses import open_pulse
from storage import engagements as engagement_queries
from storage import pulses as pulse_queries
from tests.support.fake_messenger import (
    LEAD,
    TEAM,
    FakeContainer,
    FakeMessenger,
    Update,
    engagement,
    fake_container,
)

ANA = "U0ANA"
DM = "D0ANA"
TS = "1700000001.000100"


@pytest.fixture
def fake() -> FakeMessenger:
    return FakeMessenger()


@pytest.fixture
def container(
    sqlite_template: Path, tmp_path: Path, fake: FakeMessenger
) -> Iterator[FakeContainer]:
    with fake_container(sqlite_template, tmp_path, fake) as made:
        yield made


def with_open_pulse_dm(container: FakeContainer) -> int:
    engagement_id = engagement(container, people={"client": [ANA, "U0BEN", "U0EVE"]})
    with container.database.unit_of_work() as session:
        pulse = open_pulse(session, by_id(session, engagement_id), started_by=LEAD, now=utcnow())
        delivery = pulse_queries.delivery_for(session, pulse.id, TEAM, ANA)
        assert delivery is not None
        delivery.channel_id, delivery.message_ts, delivery.status = DM, TS, "sent"
    return engagement_id


def still_on(container: FakeContainer, engagement_id: int) -> bool:
    with container.database.reading() as session:
        found = engagement_queries.member_by_user(session, engagement_id, ANA)
        return found is not None and found.status != "removed"


def test_the_open_pulse_dm_of_someone_forgotten_says_it_no_longer_counts(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    engagement_id = with_open_pulse_dm(container)
    reply = forget_by_lead(container, Caller(TEAM, LEAD), None, ANA)
    assert reply.startswith("Forgotten: <@U0ANA> on *Acme deal*.")
    assert fake.updates == [Update(DM, TS, reply_text.FORGOTTEN_DM)]
    assert not still_on(container, engagement_id)


def test_a_dm_slack_will_not_update_leaves_the_erasure_done(
    container: FakeContainer, fake: FakeMessenger, caplog: pytest.LogCaptureFixture
) -> None:
    engagement_id = with_open_pulse_dm(container)
    fake.fail("update", "uncertain")
    with caplog.at_level(logging.WARNING, "bot.services.erasure"):
        reply = forget_everywhere(container, TEAM, ANA)
    assert reply.startswith("Forgotten: U0ANA on *Acme deal*.")
    assert fake.updates == []
    assert "could not update a forgotten pulse DM (timeout)" in caplog.messages
    assert not still_on(container, engagement_id)


def test_someone_without_an_open_dm_is_forgotten_without_a_word_to_slack(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    engagement(container, people={"client": [ANA]})
    forget_by_lead(container, Caller(TEAM, LEAD), None, ANA)
    assert fake.calls == []
