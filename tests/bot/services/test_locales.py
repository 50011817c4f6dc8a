"""Each person's language learnt from Slack through the Messenger, kept when Slack is silent."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.domain.people import Caller
from bot.domain.vocabulary import utcnow
from bot.services.locales import REFRESH_AFTER, refresh, refresh_stale
from storage import locales
from tests.support.fake_messenger import (
    LEAD,
    TEAM,
    FakeContainer,
    FakeMessenger,
    engagement,
    fake_container,
)

ANA = "U0ANA"


class Clock:
    """The time the use cases see; a test moves it on."""

    def __init__(self) -> None:
        self.now = utcnow()


@pytest.fixture
def fake() -> FakeMessenger:
    return FakeMessenger()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def container(
    sqlite_template: Path, tmp_path: Path, fake: FakeMessenger, clock: Clock
) -> Iterator[FakeContainer]:
    with fake_container(sqlite_template, tmp_path, fake, lambda: clock.now) as made:
        yield made


def kept(container: FakeContainer, user_id: str) -> str | None:
    with container.database.reading() as session:
        return locales.locale_of(session, TEAM, user_id)


def test_the_locale_slack_gives_is_kept(container: FakeContainer, fake: FakeMessenger) -> None:
    engagement(container, people={"client": [ANA]})
    fake.add_person(ANA, locale="fr-FR")
    assert refresh(container, Caller(TEAM, ANA)) == "fr-FR"
    assert kept(container, ANA) == "fr-FR"
    assert fake.calls == [("person", ANA)]


def test_when_slack_will_not_say_the_last_known_locale_stays(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    engagement(container, people={"client": [ANA]})
    fake.add_person(ANA, locale="de-DE")
    refresh(container, Caller(TEAM, ANA))
    fake.fail("person", "uncertain")
    assert refresh(container, Caller(TEAM, ANA)) == "de-DE"
    assert kept(container, ANA) == "de-DE"


def test_the_weekly_refresh_asks_again_about_people_not_asked_for_a_week(
    container: FakeContainer, fake: FakeMessenger, clock: Clock
) -> None:
    engagement(container, people={"client": [ANA]})
    fake.add_person(ANA, locale="es-ES")
    fake.add_person(LEAD, locale="pt-BR")
    refresh(container, Caller(TEAM, ANA))
    refresh(container, Caller(TEAM, LEAD))
    assert refresh_stale(container) == 0
    clock.now += REFRESH_AFTER + timedelta(hours=1)
    fake.add_person(ANA, locale="it-IT")
    fake.fail("person", "rate_limited", target=LEAD)
    assert refresh_stale(container) == 2
    assert (kept(container, ANA), kept(container, LEAD)) == ("it-IT", "pt-BR")
