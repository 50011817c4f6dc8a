"""A pulse DM redrawn or retired through the Messenger, and what happens when Slack says no."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.domain.vocabulary import utcnow
from bot.services.answers import PulseMessage, redraw_pulse_dm, retire_removed_members_dm
from bot.services.engagements import by_id, remove_person
from bot.services.pulses import open_pulse
from bot.views.pulse_dm import notice
from storage import pulses as pulse_queries
from tests.support.fake_messenger import (
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
DRAWN: PulseMessage = (
    "You answered 4.",
    [{"type": "section", "text": {"type": "mrkdwn", "text": "4"}}],
)


@pytest.fixture
def fake() -> FakeMessenger:
    return FakeMessenger()


@pytest.fixture
def container(
    sqlite_template: Path, tmp_path: Path, fake: FakeMessenger
) -> Iterator[FakeContainer]:
    with fake_container(sqlite_template, tmp_path, fake) as made:
        yield made


def test_the_answer_so_far_is_drawn_in_the_dm(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    assert redraw_pulse_dm(container, DM, TS, DRAWN)
    assert fake.updates == [Update(DM, TS, DRAWN[0], DRAWN[1])]


def test_a_dm_not_known_yet_is_not_redrawn(container: FakeContainer, fake: FakeMessenger) -> None:
    assert redraw_pulse_dm(container, None, None, DRAWN)
    assert fake.calls == []


def test_a_redraw_slack_did_not_take_is_reported_and_logged_by_its_reason(
    container: FakeContainer, fake: FakeMessenger, caplog: pytest.LogCaptureFixture
) -> None:
    fake.fail("update", "uncertain")
    with caplog.at_level(logging.WARNING, "bot.services.answers"):
        assert not redraw_pulse_dm(container, DM, TS, DRAWN)
    assert f"could not redraw pulse DM {DM}/{TS}: timeout" in caplog.messages


def pulse_dm_of_someone_removed(container: FakeContainer) -> int:
    engagement_id = engagement(container, people={"client": [ANA, "U0BEN", "U0EVE"]})
    with container.database.unit_of_work() as session:
        made = by_id(session, engagement_id)
        pulse = open_pulse(session, made, started_by="U0LEAD", now=utcnow())
        delivery = pulse_queries.delivery_for(session, pulse.id, TEAM, ANA)
        assert delivery is not None
        delivery.channel_id, delivery.message_ts, delivery.status = DM, TS, "sent"
        remove_person(session, made, ANA)
    return engagement_id


def test_someone_taken_off_sees_their_open_pulse_dm_replaced_by_why(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    engagement_id = pulse_dm_of_someone_removed(container)
    retire_removed_members_dm(container, engagement_id, ANA)
    (update,) = fake.updates
    assert (update.channel, update.ts) == (DM, TS)
    assert update.text.startswith("You are no longer on ") and "Acme" in update.text
    assert update.blocks == notice(update.text)


def test_a_retirement_slack_refuses_is_logged_not_raised(
    container: FakeContainer, fake: FakeMessenger, caplog: pytest.LogCaptureFixture
) -> None:
    engagement_id = pulse_dm_of_someone_removed(container)
    fake.fail("update", "refused", "message_not_found")
    with caplog.at_level(logging.WARNING, "bot.services.answers"):
        retire_removed_members_dm(container, engagement_id, ANA)
    assert fake.updates == []
    assert f"could not retire pulse DM {DM}/{TS}: message_not_found" in caplog.messages


def test_someone_still_on_the_engagement_keeps_their_dm(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    engagement_id = engagement(container, people={"client": [ANA]})
    retire_removed_members_dm(container, engagement_id, ANA)
    assert fake.calls == []
