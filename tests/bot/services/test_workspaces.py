"""The leads told through the Messenger when the other company leaves the alert channel;
one lead Slack will not reach does not keep the others from being told."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.domain.people import Person
from bot.services.engagements import add_people, by_id
from bot.services.workspaces import channel_unshared, workspace_left
from tests.support.fake_messenger import (
    CHANNEL,
    LEAD,
    TEAM,
    FakeContainer,
    FakeMessenger,
    engagement,
    fake_container,
)

LEAD2 = "U0LEAD2"


@pytest.fixture
def fake() -> FakeMessenger:
    return FakeMessenger()


@pytest.fixture
def container(
    sqlite_template: Path, tmp_path: Path, fake: FakeMessenger
) -> Iterator[FakeContainer]:
    with fake_container(sqlite_template, tmp_path, fake) as made:
        yield made


def two_leads(container: FakeContainer) -> None:
    engagement_id = engagement(container)
    with container.database.unit_of_work() as session:
        second = [Person(LEAD2, TEAM)]
        add_people(
            session,
            by_id(session, engagement_id),
            second,
            side="provider",
            role="lead",
            weight=None,
        )


def test_each_lead_is_told_by_dm_that_the_channel_is_no_longer_shared(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    two_leads(container)
    assert channel_unshared(container, CHANNEL, TEAM) == 2
    assert sorted(p.channel for p in fake.posts) == ["D0LEAD", "D0LEAD2"]
    assert all("is no longer shared with the other company" in t for t in fake.texts())


def test_a_lead_slack_will_not_reach_is_logged_and_the_other_is_still_told(
    container: FakeContainer, fake: FakeMessenger, caplog: pytest.LogCaptureFixture
) -> None:
    two_leads(container)
    fake.fail("post", "rate_limited", target=LEAD)
    with caplog.at_level(logging.WARNING, "bot.services.workspaces"):
        assert channel_unshared(container, CHANNEL, TEAM) == 1
    assert [p.channel for p in fake.posts] == ["D0LEAD2"]
    assert f"could not tell lead {LEAD}: ratelimited" in caplog.messages


def test_the_copy_of_the_event_from_the_other_workspace_tells_nobody(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    two_leads(container)
    assert channel_unshared(container, CHANNEL, "T0OTHER") == 0
    assert fake.calls == []


def test_a_single_workspace_process_has_no_installation_to_forget(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    two_leads(container)
    assert workspace_left(container, None, TEAM) == 0
    assert fake.calls == []
