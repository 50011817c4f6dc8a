"""App Home published through the Messenger: drawn from the database, put in the person's tab."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.domain.outcomes import RateLimitedError
from bot.domain.people import Caller
from bot.services.home import publish
from tests.support.blockkit import check_view, text_of
from tests.support.fake_messenger import (
    LEAD,
    TEAM,
    FakeContainer,
    FakeMessenger,
    engagement,
    fake_container,
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


def test_a_leads_home_shows_their_engagement(container: FakeContainer, fake: FakeMessenger) -> None:
    engagement(container, people={"client": ["U0ANA"]})
    publish(container, Caller(TEAM, LEAD))
    (home,) = fake.homes
    assert home.user_id == LEAD
    check_view(home.view)
    assert home.view["type"] == "home"
    assert "*Acme deal* — Acme (client) and Globex (provider)" in text_of(home.view["blocks"])
    assert {"type": "divider"} in home.view["blocks"]


def test_someone_on_no_engagement_is_shown_how_to_start(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    publish(container, Caller(TEAM, "U0NEW"))
    (home,) = fake.homes
    assert "You're not on any engagement yet." in text_of(home.view["blocks"])


def test_a_home_slack_will_not_take_now_fails_with_its_outcome(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    fake.fail("publish_home", "rate_limited", retry_after=20)
    with pytest.raises(RateLimitedError) as limited:
        publish(container, Caller(TEAM, LEAD))
    assert limited.value.retry_after == 20
    assert fake.homes == []
