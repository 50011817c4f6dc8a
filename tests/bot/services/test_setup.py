"""Setting up an engagement through the Messenger: who is in the channel, the lead's profile,
and the announcement in the channel, each with what happens when Slack says no."""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.domain.errors import NotPermitted, Refused
from bot.domain.i18n import current
from bot.domain.people import Caller
from bot.services.setup import Proposal, SetUp, set_up_and_announce
from storage.models import Engagement
from tests.support.fake_messenger import (
    CHANNEL,
    LEAD,
    TEAM,
    FakeContainer,
    FakeMessenger,
    fake_container,
)

PROPOSAL = Proposal("Acme deal", "Acme", "Globex", CHANNEL)
THE_LEAD = Caller(TEAM, LEAD)


@pytest.fixture
def fake() -> FakeMessenger:
    fake = FakeMessenger()
    fake.add_person(LEAD, tz="Europe/Paris", locale="fr-FR")
    fake.members[CHANNEL] = {LEAD, "U0ANA"}
    return fake


@pytest.fixture
def container(
    sqlite_template: Path, tmp_path: Path, fake: FakeMessenger
) -> Iterator[FakeContainer]:
    with fake_container(sqlite_template, tmp_path, fake) as made:
        yield made


def set_up(container: FakeContainer, caller: Caller = THE_LEAD) -> SetUp:
    """The use case in a context of its own, as a request runs (it sets the reader's language)."""
    return contextvars.copy_context().run(set_up_and_announce, container, caller, PROPOSAL)


def engagements(container: FakeContainer) -> list[tuple[str, str]]:
    with container.database.reading() as session:
        return [(e.name, e.timezone) for e in session.scalars(select(Engagement))]


def test_the_engagement_is_made_in_the_leads_time_zone_and_announced_once(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    done = set_up(container)
    assert done == SetUp("Acme deal", PROPOSAL, None)
    assert engagements(container) == [("Acme deal", "Europe/Paris")]
    (announcement,) = fake.posted_to(CHANNEL)
    # In English, the channel's language, though the lead reads French.
    assert announcement.text.startswith("Rapport is now looking after *Acme deal* — Acme and")
    assert announcement.exactly_once
    assert [method for method, _ in fake.calls] == ["is_in_channel", "person", "post"]


def test_the_lead_reads_rapport_in_their_slack_language_from_then_on(
    container: FakeContainer,
) -> None:
    def language_after() -> str:
        set_up_and_announce(container, THE_LEAD, PROPOSAL)
        return current()

    assert contextvars.copy_context().run(language_after) == "fr"


def test_someone_not_in_the_channel_may_not_point_alerts_at_it(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    with pytest.raises(NotPermitted, match="You're not in <#C0ALERTS>"):
        set_up(container, Caller(TEAM, "U0BEN"))
    assert engagements(container) == []
    assert fake.posts == []


@pytest.mark.parametrize(
    ("kind", "reason", "shown"),
    [("refused", "channel_not_found", "channel_not_found"), ("uncertain", None, "timeout")],
)
def test_a_channel_slack_will_not_list_refuses_and_saves_nothing(
    container: FakeContainer, fake: FakeMessenger, kind: str, reason: str | None, shown: str
) -> None:
    fake.fail("is_in_channel", kind, reason)  # type: ignore[arg-type]
    with pytest.raises(Refused) as refused:
        set_up(container)
    assert str(refused.value).startswith(f"I couldn't check who is in <#C0ALERTS> ({shown}).")
    assert engagements(container) == []
    assert fake.posts == []


def test_an_announcement_slack_refuses_leaves_the_engagement_with_the_reason(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    fake.fail("post", "refused", "not_in_channel")
    done = set_up(container)
    assert done.problem == "not_in_channel"
    assert engagements(container) == [("Acme deal", "Europe/Paris")]


def test_a_lead_slack_will_not_describe_gets_the_default_time_zone(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    fake.fail("person", "uncertain")
    assert set_up(container).problem is None
    assert engagements(container) == [("Acme deal", "UTC")]
